/* Praktijkbank: the overview "Praktijken" with filters, sort and a map view.
 *
 * Progressive enhancement: without this script the form, the sort and the view
 * switch stay hidden; the page shows the list by title, then the map, and the
 * facet pages (/thema/…, /doelgroep/…) do what the filters do.
 *
 * Filters: within a group the choices widen the result (or), across groups they
 * narrow it (and); each option shows how many cards it would give with the other
 * groups as they are. The count above the results is a polite live region.
 *
 * Layout (docs/assets/praktijkbank.css, "Overview"): on a wide screen the filters
 * are a column beside the results; on a narrow one they fold into a panel behind
 * the button "Filters (n)", n being the number of ticked boxes.
 *
 * Sort: by name (the build's order), place, newest (the year a practice started)
 * or last reviewed; what each means is in src/praktijkbank/pages/listing.py
 * (sort_attributes). View: the list or the map, both following the filters.
 * Filters, sort and view are kept in the address, so a link shares them.
 */
(function () {
  "use strict";

  var SORT_PARAM = "volgorde";
  var VIEW_PARAM = "weergave";

  function init() {
    var form = document.getElementById("pb-filters");
    var list = document.getElementById("pb-list");
    var overview = document.getElementById("pb-overview");
    if (!form || !list || !overview) return;
    var result = document.getElementById("pb-result");
    var empty = document.getElementById("pb-empty");
    var toggle = document.getElementById("pb-filter-toggle");
    var done = document.getElementById("pb-filters-done");
    var sortWrap = document.getElementById("pb-sort-wrap");
    var sort = document.getElementById("pb-sort");
    var views = document.getElementById("pb-views");
    var mapView = document.getElementById("pb-map-view");
    var browse = document.getElementById("pb-browse");
    var items = Array.prototype.slice.call(list.querySelectorAll(".pb-item"));
    var total = items.length;
    var facets = Array.prototype.map.call(
      form.querySelectorAll("fieldset[data-facet]"),
      function (fieldset) { return fieldset.getAttribute("data-facet"); }
    );
    function ownValues(element) {
      var own = {};
      facets.forEach(function (facet) {
        own[facet] = (element.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
      });
      return own;
    }
    var values = items.map(ownValues);
    // The map's markers and the lists beside it carry the same data-* attributes and follow the filters.
    var mapItems = Array.prototype.slice.call(
      document.querySelectorAll(".pb-map .pb-marker, .pb-map .pb-map-entry")
    );
    var mapValues = mapItems.map(ownValues);
    var view = "lijst";

    function inputs(facet) {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="' + facet + '"]'));
    }

    function selection() {
      var chosen = {};
      facets.forEach(function (facet) {
        chosen[facet] = inputs(facet)
          .filter(function (input) { return input.checked; })
          .map(function (input) { return input.value; });
      });
      return chosen;
    }

    function matches(own, chosen, ignoredFacet) {
      return facets.every(function (facet) {
        if (facet === ignoredFacet || chosen[facet].length === 0) return true;
        return chosen[facet].some(function (value) { return own[facet].indexOf(value) !== -1; });
      });
    }

    function describe(shown) {
      var word = shown === 1 ? "praktijk" : "praktijken";
      return shown === total ? shown + " " + word : shown + " van " + total + " praktijken";
    }

    // -- sort ---------------------------------------------------------------
    // Each compares two items; ties keep the build's order (by title).
    var byTitle = items.slice();
    function attribute(name) {
      return function (item) { return item.getAttribute(name) || ""; };
    }
    var ORDERS = {
      naam: null,
      // Ascending; no place (national approaches) last.
      plaats: { key: attribute("data-sort-plaats"), descending: false },
      // Newest first; no start year last.
      nieuw: { key: attribute("data-sort-gestart"), descending: true },
      nagekeken: { key: attribute("data-sort-nagekeken"), descending: true }
    };
    function applySort(name) {
      var order = ORDERS[name];
      var sorted = byTitle.slice();
      if (order) {
        sorted.sort(function (a, b) {
          var ka = order.key(a), kb = order.key(b);
          if (ka === kb) return byTitle.indexOf(a) - byTitle.indexOf(b);
          if (!ka) return 1;
          if (!kb) return -1;
          var before = ka < kb ? -1 : 1;
          return order.descending ? -before : before;
        });
      }
      sorted.forEach(function (item) { list.appendChild(item); });
    }

    // -- view: list or map --------------------------------------------------
    function setView(name) {
      view = name === "kaart" && mapView ? "kaart" : "lijst";
      overview.setAttribute("data-view", view);
      if (views) {
        Array.prototype.forEach.call(views.querySelectorAll("[data-view]"), function (button) {
          button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
        });
      }
      if (mapView) mapView.hidden = view !== "kaart";
      list.hidden = view === "kaart";
      if (sortWrap) sortWrap.hidden = view === "kaart";
    }

    // -- the address --------------------------------------------------------
    function rememberInAddress(chosen) {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        chosen[facet].forEach(function (value) { params.append(facet, value); });
      });
      if (sort && sort.value !== "naam") params.set(SORT_PARAM, sort.value);
      if (view !== "lijst") params.set(VIEW_PARAM, view);
      var query = params.toString();
      try {
        history.replaceState(null, "", (query ? "?" + query : location.pathname) + location.hash);
      } catch (error) {
        /* file:// pages may refuse; filtering works all the same */
      }
    }

    // -- the panel on narrow screens ------------------------------------------
    function setPanel(open) {
      overview.classList.toggle("pb-filters-open", open);
      if (toggle) toggle.setAttribute("aria-expanded", String(open));
    }
    function activeCount(chosen) {
      return facets.reduce(function (sum, facet) { return sum + chosen[facet].length; }, 0);
    }

    function update(remember) {
      var chosen = selection();
      var shown = 0;
      items.forEach(function (item, index) {
        var visible = matches(values[index], chosen, null);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      facets.forEach(function (facet) {
        inputs(facet).forEach(function (input) {
          var count = 0;
          values.forEach(function (own) {
            if (own[facet].indexOf(input.value) !== -1 && matches(own, chosen, facet)) count += 1;
          });
          var label = input.parentNode.querySelector(".pb-count");
          if (label) label.textContent = "(" + count + ")";
        });
      });
      mapItems.forEach(function (element, index) {
        element.classList.toggle("pb-filtered-out", !matches(mapValues[index], chosen, null));
      });
      // A group beside the map ("Landelijk") with none of its practices left goes, heading and all.
      Array.prototype.forEach.call(document.querySelectorAll(".pb-map .pb-map-group"), function (group) {
        group.classList.toggle("pb-filtered-out", !group.querySelector(".pb-map-entry:not(.pb-filtered-out)"));
      });
      result.textContent = describe(shown);
      if (empty) empty.hidden = shown !== 0 || view === "kaart";
      var active = activeCount(chosen);
      if (toggle) toggle.textContent = active ? "Filters (" + active + ")" : "Filters";
      if (done) done.textContent = shown === 1 ? "Toon 1 praktijk" : "Toon " + shown + " praktijken";
      if (remember) rememberInAddress(chosen);
    }

    // -- start: the state from the address, then the controls ---------------
    var params = new URLSearchParams(location.search);
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet);
      inputs(facet).forEach(function (input) { input.checked = wanted.indexOf(input.value) !== -1; });
    });
    if (sort) {
      var wantedSort = params.get(SORT_PARAM);
      sort.value = ORDERS.hasOwnProperty(wantedSort) ? wantedSort : "naam";
      applySort(sort.value);
      sort.addEventListener("change", function () {
        applySort(sort.value);
        rememberInAddress(selection());
      });
    }
    // A link to the map (#op-de-kaart) opens the map view.
    setView(params.get(VIEW_PARAM) === "kaart" || location.hash === "#op-de-kaart" ? "kaart" : "lijst");
    if (views) {
      views.addEventListener("click", function (event) {
        var button = event.target.closest("[data-view]");
        if (!button) return;
        setView(button.getAttribute("data-view"));
        update(true);
      });
    }
    if (toggle) {
      toggle.addEventListener("click", function () {
        var open = !overview.classList.contains("pb-filters-open");
        setPanel(open);
        // The bar goes to the top of the screen, the panel right under it and the first results
        // under that: what a tick changes stays in sight.
        if (open) overview.scrollIntoView({ block: "start" });
      });
    }
    function closePanel() {
      setPanel(false);
      if (toggle) toggle.focus();
    }
    if (done) {
      done.addEventListener("click", function () {
        closePanel();
        var bar = document.getElementById("pb-toolbar");
        if (bar && bar.getBoundingClientRect().top < 0) overview.scrollIntoView({ block: "start" });
      });
    }
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && overview.classList.contains("pb-filters-open")) {
        event.preventDefault();
        closePanel();
      }
    });
    [toggle, sortWrap, views].forEach(function (element) { if (element) element.hidden = false; });
    // The filters do what the facet pages do: their list folds away (still one click to open).
    // Its body is hidden as well while folded: a <details> closed after its first layout keeps
    // that layout (content-visibility), and tools that measure boxes would take it as shown.
    if (browse) {
      var browseBody = document.getElementById("pb-browse-body");
      browse.open = false;
      if (browseBody) {
        browseBody.hidden = true;
        browse.addEventListener("toggle", function () { browseBody.hidden = !browse.open; });
      }
    }
    form.hidden = false;
    overview.classList.add("pb-enhanced");
    // A tick must show its effect: if the first result is above the bar (the page was scrolled,
    // or the browser scrolled to the box), the page scrolls back until it sits under the bar.
    function keepFirstResultInSight() {
      if (view !== "lijst") return;
      var first = list.querySelector(".pb-item:not([hidden])");
      var bar = document.getElementById("pb-toolbar");
      if (!first || !bar) return;
      var gap = first.getBoundingClientRect().top - bar.getBoundingClientRect().bottom;
      if (gap < 0) window.scrollBy(0, gap - 8);
    }
    form.addEventListener("change", function () {
      update(true);
      keepFirstResultInSight();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { update(true); }, 0);
    });
    update(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
