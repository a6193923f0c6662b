/*
 * The next step when a search finds nothing: themes to browse, all practices, and how to
 * report a practice that is missing.
 *
 * Material's search box says "Geen resultaten" and shows an empty list. This script,
 * loaded by overrides/partials/praktijkbank-zoeken.html, watches that line and, while it
 * says so, puts a short block of links between it and the (empty) list. The links come
 * from the build (site_index.py writes them above this script as PraktijkbankZoekhulp,
 * relative to the site's root) and are resolved against Material's "base", so they work
 * on any host and from file://.
 *
 * Material walks the result area with the arrow keys ("[href]" elements), so the links
 * are reachable by keyboard as the results are. The block is only in the page while it
 * is shown: Material's Enter key opens the best result and reads every link in the result
 * area as one; while the block is shown, Enter in the search field does nothing, as it
 * does when nothing is found.
 */
(function () {
  "use strict";

  var data = window.PraktijkbankZoekhulp;
  var configElement = document.getElementById("__config");
  var result = document.querySelector(".md-search-result");
  var meta = document.querySelector(".md-search-result__meta");
  var input = document.querySelector(".md-search__input");
  if (!data || !configElement || !result || !meta || !input) return;
  var config = JSON.parse(configElement.textContent);
  var none = (config.translations || {})["search.result.none"];
  var base = new URL(String(config.base || ".").replace(/\/?$/, "/"), window.location.href);

  function link(location, text) {
    var a = document.createElement("a");
    a.href = new URL(location, base).href;
    a.textContent = text;
    return a;
  }

  function paragraph(parts) {
    var p = document.createElement("p");
    parts.forEach(function (part) {
      p.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    return p;
  }

  function block() {
    var box = document.createElement("div");
    box.className = "pb-zoekhulp md-typeset";
    box.style.padding = "0 0.8rem 0.6rem";
    box.appendChild(paragraph(["Probeer een ander of een korter woord. Of bekijk de praktijken per thema:"]));
    var list = document.createElement("ul");
    data.themes.forEach(function (theme) {
      var item = document.createElement("li");
      item.appendChild(link(theme.location, theme.label));
      item.appendChild(document.createTextNode(" (" + theme.count + ")"));
      list.appendChild(item);
    });
    if (data.all) {
      var all = document.createElement("li");
      all.appendChild(link(data.all, "Alle praktijken"));
      list.appendChild(all);
    }
    box.appendChild(list);
    if (data.report)
      box.appendChild(paragraph(["Kent u een praktijk die hier nog niet staat? ",
                                 link(data.report, "Meld een praktijk aan"), "."]));
    return box;
  }

  var shown = null;

  function update() {
    var nothing = meta.textContent.trim() === none && input.value.trim() !== "";
    if (nothing && !shown) {
      shown = block();
      meta.insertAdjacentElement("afterend", shown);  // between the line and the list
    } else if (!nothing && shown) {
      shown.remove();
      shown = null;
    }
  }

  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && shown) {
      event.preventDefault();
      event.stopPropagation();
    }
  });
})();
