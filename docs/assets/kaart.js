/* Praktijkbank: what a visitor can do on a card's page (src/praktijkbank/pages/card.py).
 *
 * - The breadcrumb "Praktijken" leads back to the overview with the filters the visitor
 *   last had there. On the overview, this script keeps the overview's address (filters.js
 *   writes the filters in its query) in sessionStorage; on a card it puts that query on the
 *   link, or else the query of the overview the visitor came from (document.referrer).
 *   Without this script the link goes to the plain overview.
 * - "Kopieer link" puts the card's address on the clipboard and says "Link gekopieerd".
 *   Where the Clipboard API is missing or refused, and in an offline copy (file://), the
 *   address appears selected in a text field instead, to copy by hand.
 * - "Afdrukken" prints the card: one A4 in the card set's layout (print.css), headed with
 *   the site's name, the card's public address and the day it is printed (set here; without
 *   this script the page says the day it was built).
 * - "Vergelijk met…" opens the compare page with this card and those already chosen
 *   (vergelijken.js keeps the choice under the same key).
 * The buttons stay hidden without this script: nothing on the page pretends to work.
 */
(function () {
  "use strict";

  var OVERVIEW_KEY = "praktijkbank.overzicht"; // the overview's query ("?thema=…"), last seen in this tab
  var COMPARE_KEY = "praktijkbank.vergelijken"; // the cards chosen to compare (vergelijken.js)
  var MOST = 4;
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];

  function store(key, value) {
    try { sessionStorage.setItem(key, value); } catch (error) { /* storage off: links stay plain */ }
  }

  function stored(key) {
    try { return sessionStorage.getItem(key); } catch (error) { return null; }
  }

  function dutchDate(day) {
    return day.getDate() + " " + MONTHS[day.getMonth()] + " " + day.getFullYear();
  }

  // -- on the overview: remember where the visitor is ------------------------------------

  function rememberOverview() {
    var form = document.getElementById("pb-filters");
    if (!form || !document.getElementById("pb-list")) return;
    function save() { store(OVERVIEW_KEY, location.search); }
    function later() { window.setTimeout(save, 0); } // filters.js rewrites the address on the same event
    save();
    form.addEventListener("change", later);
    form.addEventListener("reset", later);
    document.addEventListener("click", save, true); // just before a link to a card is followed
    window.addEventListener("pagehide", save);
  }

  // -- on a card --------------------------------------------------------------------------

  function pagePath(url) {
    return url.pathname.replace(/index\.html$/, "");
  }

  function queryFromReferrer(overview) {
    if (!document.referrer) return "";
    try {
      var from = new URL(document.referrer);
      var to = new URL(overview);
      if (from.protocol === to.protocol && from.host === to.host && pagePath(from) === pagePath(to)) return from.search;
    } catch (error) { /* no usable referrer */ }
    return "";
  }

  function restoreBreadcrumb() {
    var link = document.querySelector(".pb-breadcrumb a[data-pb-overview]");
    if (!link) return;
    var plain = link.href.split("#")[0].split("?")[0];
    var query = stored(OVERVIEW_KEY);
    if (query === null) query = queryFromReferrer(plain);
    if (query && query.charAt(0) === "?") link.href = plain + query;
  }

  function say(status, message) {
    // Emptied first, so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function cardAddress(actions) {
    if (location.protocol === "http:" || location.protocol === "https:") return location.origin + location.pathname;
    // An offline copy: the card on the live site, when the copy knows where that is.
    return actions.getAttribute("data-pb-address") || location.href.split("#")[0];
  }

  function copyLink(actions, status) {
    var address = cardAddress(actions);
    var field = actions.querySelector(".pb-copy-field");
    var input = field.querySelector("input");

    function byHand() {
      input.value = address;
      field.hidden = false;
      input.focus();
      input.select();
      say(status, "Kopiëren kon niet vanzelf. De link staat geselecteerd in het veld hierboven: " +
        "kopieer hem met Ctrl+C (op een Mac Cmd+C).");
    }

    var clipboard = navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext &&
      location.protocol !== "file:";
    if (!clipboard) {
      byHand();
      return;
    }
    navigator.clipboard.writeText(address).then(function () {
      field.hidden = true;
      say(status, "Link gekopieerd");
    }, byHand);
  }

  function setPrintDate() {
    var when = document.querySelector("[data-pb-print-date]");
    if (when) when.textContent = "Afgedrukt op " + dutchDate(new Date());
  }

  function chosenToCompare() {
    try {
      var list = JSON.parse(stored(COMPARE_KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (slug) { return typeof slug === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function aimCompareLink(link) {
    var parts = link.getAttribute("href").split("?");
    var own = new URLSearchParams(parts[1] || "").get("kaart");
    function aim() {
      var slugs = [own].concat(chosenToCompare().filter(function (slug) { return slug !== own; })).slice(0, MOST);
      var params = new URLSearchParams();
      slugs.forEach(function (slug) { params.append("kaart", slug); });
      link.setAttribute("href", parts[0] + "?" + params.toString());
    }
    aim();
    ["pointerdown", "focus", "mouseenter"].forEach(function (event) { link.addEventListener(event, aim); });
    window.addEventListener("pageshow", aim);
  }

  function cardActions() {
    var actions = document.getElementById("pb-card-actions");
    if (!actions) return;
    var status = document.getElementById("pb-action-status");
    actions.querySelector('[data-pb-action="copy"]').addEventListener("click", function () {
      copyLink(actions, status);
    });
    actions.querySelector('[data-pb-action="print"]').addEventListener("click", function () {
      setPrintDate();
      window.print();
    });
    var compare = actions.querySelector('[data-pb-action="compare"]');
    if (compare) aimCompareLink(compare);
    setPrintDate();
    window.addEventListener("beforeprint", setPrintDate);
    actions.hidden = false;
  }

  function init() {
    rememberOverview();
    restoreBreadcrumb();
    cardActions();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
