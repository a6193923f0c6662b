/* Praktijkbank: the printable card set (/kaartenset/) follows the overview's filters.
 *
 * On the overview, the links to the card set (the page's own, and the offline
 * copy's banner) carry the chosen filters along (?thema=…&doelgroep=…, as
 * filters.js writes them in the address). On the card
 * set, only the cards that match stay, so "print" gives exactly that deck. The
 * rule is the overview's: within a group any choice, across groups all of them.
 * Without this script the card set simply shows every card.
 */
(function () {
  "use strict";

  function chosenIn(search) {
    var chosen = {};
    new URLSearchParams(search).forEach(function (value, facet) {
      (chosen[facet] = chosen[facet] || []).push(value);
    });
    return chosen;
  }

  function matches(card, chosen) {
    return Object.keys(chosen).every(function (facet) {
      var own = (card.getAttribute("data-" + facet) || "").split(" ");
      return chosen[facet].some(function (value) { return own.indexOf(value) !== -1; });
    });
  }

  function filterCardSet(set) {
    var chosen = chosenIn(location.search);
    // Only the overview's facets count: another parameter (such as search highlighting) is no filter.
    Object.keys(chosen).forEach(function (facet) {
      if (!set.querySelector("[data-" + facet + "]")) delete chosen[facet];
    });
    if (Object.keys(chosen).length === 0) return;
    var cards = Array.prototype.slice.call(set.querySelectorAll(".pb-print-card"));
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, chosen);
      if (!card.hidden) shown += 1;
    });
    var count = document.getElementById("pb-cardset-count");
    if (count) {
      count.textContent = shown + " van de " + cards.length + " kaarten, gekozen met de filters van het " +
        "overzicht. Alleen deze kaarten worden afgedrukt.";
      var all = document.createElement("a");
      all.href = location.pathname;
      all.textContent = "Alle kaarten tonen";
      count.appendChild(document.createTextNode(" "));
      count.appendChild(all);
      count.hidden = false;
    }
  }

  function carryFilters(link, form) {
    var target = link.getAttribute("href").split("?")[0];
    function update() {
      // filters.js rewrites the address on the same event; read it once it has.
      setTimeout(function () { link.setAttribute("href", target + location.search); }, 0);
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", update);
    update();
  }

  function init() {
    var set = document.querySelector(".pb-cardset");
    if (set) filterCardSet(set);
    // The overview's own link and, in an offline copy, the banner's on top of every page.
    var form = document.getElementById("pb-filters");
    if (form) {
      Array.prototype.forEach.call(document.querySelectorAll("a.pb-cardset-link"), function (link) {
        carryFilters(link, form);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
