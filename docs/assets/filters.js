/* Praktijkbank: instant filtering on the overview "Praktijken".
 *
 * Progressive enhancement: without this script the form stays hidden and the
 * facet pages (/thema/…, /doelgroep/…) do the same job. Within a group the
 * choices widen the result (or), across groups they narrow it (and); each
 * option shows how many cards it would give with the other groups as they are.
 */
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("pb-filters");
    var list = document.getElementById("pb-list");
    if (!form || !list) return;
    var result = document.getElementById("pb-result");
    var empty = document.getElementById("pb-empty");
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

    function rememberInAddress(chosen) {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        chosen[facet].forEach(function (value) { params.append(facet, value); });
      });
      var query = params.toString();
      try {
        history.replaceState(null, "", query ? "?" + query : location.pathname);
      } catch (error) {
        /* file:// pages may refuse; filtering works all the same */
      }
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
      result.textContent = describe(shown);
      if (empty) empty.hidden = shown !== 0;
      if (remember) rememberInAddress(chosen);
    }

    var params = new URLSearchParams(location.search);
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet);
      inputs(facet).forEach(function (input) { input.checked = wanted.indexOf(input.value) !== -1; });
    });
    form.hidden = false;
    form.addEventListener("change", function () { update(true); });
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
