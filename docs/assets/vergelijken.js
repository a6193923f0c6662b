/* Praktijkbank: compare two to four cards side by side (src/praktijkbank/pages/compare.py).
 *
 * On the overview "Praktijken" every entry gets a checkbox "Vergelijk"; a bar under the
 * list says what is chosen and leads to the compare page. On the compare page, the cards
 * chosen (in its address: ?kaart=a&kaart=b) are laid side by side in a table, one row per
 * field, from columns the page holds as finished HTML. The choice is kept in the address,
 * so a reload or a bookmark shows the same table, and in sessionStorage while picking
 * (kaart.js reads it for "Vergelijk met…" on a card). Works from file:// as well.
 * Without this script the compare page says that comparing needs JavaScript.
 */
(function () {
  "use strict";

  var KEY = "praktijkbank.vergelijken";
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];

  function load() {
    try {
      var list = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (slug) { return typeof slug === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function save(slugs) {
    try { sessionStorage.setItem(KEY, JSON.stringify(slugs)); } catch (error) { /* the address keeps it */ }
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function hiddenText(text) {
    return element("span", "pb-visually-hidden", text);
  }

  function query(slugs) {
    var params = new URLSearchParams();
    slugs.forEach(function (slug) { params.append("kaart", slug); });
    return "?" + params.toString();
  }

  var WORDS = ["nul", "één", "twee", "drie", "vier", "vijf", "zes"];

  function number(count) {
    return WORDS[count] || String(count);
  }

  function practices(count) {
    return count === 1 ? "1 praktijk" : count + " praktijken";
  }

  // -- the overview: a checkbox on each entry, a bar under the list ------------------------

  function slugOf(href) {
    var path = href.split("#")[0].split("?")[0].replace(/\/index\.html$/, "/").replace(/\.html$/, "").replace(/\/$/, "");
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  }

  function comparePageAddress(sample) {
    // Material's configuration says where the site's root is, relative to this page.
    var base = "..";
    try {
      base = JSON.parse(document.getElementById("__config").textContent).base || base;
    } catch (error) { /* keep the default: the overview is one folder below the root */ }
    var files = /\.html$/.test(sample.split("#")[0].split("?")[0]); // the offline copy's layout
    return new URL(base.replace(/\/$/, "") + "/vergelijken/" + (files ? "index.html" : ""), location.href).href;
  }

  function enhanceOverview(list) {
    var most = 4;
    var entries = [];
    Array.prototype.forEach.call(list.querySelectorAll(".pb-item"), function (item) {
      var link = item.querySelector(".pb-item-title a[href]") || item.querySelector("a[href]");
      if (!link) return;
      var slug = slugOf(link.getAttribute("href"));
      var title = link.textContent.trim();
      var label = element("label", "pb-compare-pick");
      var box = element("input");
      box.type = "checkbox";
      box.value = slug;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" Vergelijk"));
      label.appendChild(hiddenText(" " + title));
      item.appendChild(label);
      entries.push({ slug: slug, title: title, box: box });
    });
    if (entries.length === 0) return;
    var known = {};
    entries.forEach(function (entry) { known[entry.slug] = entry; });
    var target = comparePageAddress(list.querySelector("a[href]").getAttribute("href"));

    var bar = element("div", "pb-compare-bar");
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "Vergelijken");
    var text = element("p", "pb-compare-bar-text");
    text.setAttribute("aria-live", "polite");
    var go = element("a", "md-button md-button--primary pb-compare-go", "Vergelijk");
    var clear = element("button", "md-button pb-compare-clear", "Keuze wissen");
    clear.type = "button";
    bar.appendChild(text);
    bar.appendChild(go);
    bar.appendChild(clear);
    list.parentNode.insertBefore(bar, list.nextSibling);

    var chosen = load().filter(function (slug) { return known[slug]; }).slice(0, most);

    function update() {
      save(chosen);
      entries.forEach(function (entry) {
        entry.box.checked = chosen.indexOf(entry.slug) !== -1;
        entry.box.disabled = !entry.box.checked && chosen.length >= most;
      });
      var names = chosen.map(function (slug) { return known[slug].title; }).join(", ");
      bar.hidden = chosen.length === 0;
      go.hidden = chosen.length < 2;
      go.href = target + query(chosen);
      if (chosen.length === 0) text.textContent = "";
      else if (chosen.length === 1) text.textContent = "Gekozen om te vergelijken: " + names + ". Kies er nog minstens één bij.";
      else if (chosen.length < most) text.textContent = practices(chosen.length) + " gekozen: " + names + ".";
      else text.textContent = practices(chosen.length) + " gekozen, het meeste dat naast elkaar past: " + names + ".";
    }

    entries.forEach(function (entry) {
      entry.box.addEventListener("change", function () {
        var at = chosen.indexOf(entry.slug);
        if (entry.box.checked && at === -1 && chosen.length < most) chosen.push(entry.slug);
        if (!entry.box.checked && at !== -1) chosen.splice(at, 1);
        update();
      });
    });
    clear.addEventListener("click", function () {
      chosen = [];
      update();
    });
    update();
  }

  // -- the compare page -------------------------------------------------------------------

  function comparePage(root) {
    var most = parseInt(root.getAttribute("data-most"), 10) || 4;
    var view = document.getElementById("pb-compare-view");
    var status = document.getElementById("pb-compare-status");
    var picker = document.getElementById("pb-compare-picker");
    var columns = {};
    Array.prototype.forEach.call(root.querySelectorAll(".pb-compare-card"), function (column) {
      columns[column.getAttribute("data-kaart")] = column;
    });
    var fields = Array.prototype.map.call(root.querySelectorAll(".pb-compare-labels [data-field]"), function (item) {
      return { key: item.getAttribute("data-field"), label: item.textContent };
    });
    var boxes = Array.prototype.slice.call(picker.querySelectorAll('input[name="kaart"]'));

    function known(slugs) {
      var seen = {};
      return slugs.filter(function (slug) {
        var keep = columns[slug] && !seen[slug];
        seen[slug] = true;
        return keep;
      }).slice(0, most);
    }

    var asked = new URLSearchParams(location.search).getAll("kaart");
    var chosen = known(asked.length ? asked : load());

    function titleOf(slug) {
      return columns[slug].querySelector('[data-field="titel"]').textContent.trim();
    }

    function cell(tag, slug, key) {
      var made = element(tag);
      var source = columns[slug].querySelector('[data-field="' + key + '"]');
      Array.prototype.forEach.call(source.childNodes, function (node) { made.appendChild(node.cloneNode(true)); });
      return made;
    }

    function remove(slug) {
      chosen = chosen.filter(function (other) { return other !== slug; });
      update();
      status.focus();
    }

    function table() {
      var scroll = element("div", "pb-compare-scroll");
      scroll.setAttribute("role", "region");
      scroll.setAttribute("aria-labelledby", "pb-compare-caption");
      scroll.tabIndex = 0; // a table wider than a phone scrolls sideways, also by keyboard
      var made = element("table", "pb-compare-table pb-compare-table--" + chosen.length);
      // Roles spelt out: on a phone the rows are laid out as a grid (CSS), and the table stays a table.
      made.setAttribute("role", "table");
      var caption = element("caption", "", practices(chosen.length) + " naast elkaar");
      caption.id = "pb-compare-caption";
      made.appendChild(caption);
      var head = element("thead");
      head.setAttribute("role", "rowgroup");
      var top = element("tr");
      top.setAttribute("role", "row");
      var corner = element("td", "pb-compare-corner");
      corner.setAttribute("role", "cell");
      top.appendChild(corner);
      chosen.forEach(function (slug) {
        var th = cell("th", slug, "titel");
        th.scope = "col";
        th.setAttribute("role", "columnheader");
        var drop = element("button", "pb-compare-remove", "Weghalen");
        drop.type = "button";
        drop.appendChild(hiddenText(": " + titleOf(slug)));
        drop.addEventListener("click", function () { remove(slug); });
        th.appendChild(drop);
        top.appendChild(th);
      });
      head.appendChild(top);
      made.appendChild(head);
      var body = element("tbody");
      body.setAttribute("role", "rowgroup");
      fields.forEach(function (field) {
        var row = element("tr");
        row.setAttribute("role", "row");
        row.setAttribute("data-field", field.key);
        var th = element("th", "", field.label);
        th.scope = "row";
        th.setAttribute("role", "rowheader");
        row.appendChild(th);
        chosen.forEach(function (slug) {
          var td = cell("td", slug, field.key);
          td.setAttribute("role", "cell");
          row.appendChild(td);
        });
        body.appendChild(row);
      });
      made.appendChild(body);
      scroll.appendChild(made);
      var print = element("button", "md-button pb-compare-print", "Afdrukken");
      print.type = "button";
      print.addEventListener("click", function () { setPrintDate(); window.print(); });
      var actions = element("p", "pb-compare-actions");
      actions.appendChild(print);
      var fragment = document.createDocumentFragment();
      fragment.appendChild(scroll);
      fragment.appendChild(actions);
      return fragment;
    }

    function rememberInAddress() {
      try {
        history.replaceState(null, "", chosen.length ? query(chosen) : location.pathname);
      } catch (error) { /* some file:// pages refuse; the choice is in sessionStorage too */ }
    }

    function update() {
      save(chosen);
      rememberInAddress();
      boxes.forEach(function (box) {
        box.checked = chosen.indexOf(box.value) !== -1;
        box.disabled = !box.checked && chosen.length >= most;
      });
      if (chosen.length === 0) {
        status.textContent = "Kies hieronder twee tot " + number(most) + " praktijken.";
      } else if (chosen.length === 1) {
        status.textContent = "U heeft " + titleOf(chosen[0]) + " gekozen. Kies hieronder nog één tot " +
          number(most - 1) + " praktijken om mee te vergelijken.";
      } else {
        status.textContent = "U vergelijkt " + practices(chosen.length) + ": " + chosen.map(titleOf).join(", ") + "." +
          (chosen.length >= most ? " Meer dan " + number(most) + " passen niet naast elkaar; haal er een weg om een andere te kiezen." : "");
      }
      view.textContent = "";
      if (chosen.length >= 2) view.appendChild(table());
      view.hidden = chosen.length < 2;
    }

    picker.addEventListener("change", function (event) {
      var box = event.target;
      if (!box || box.name !== "kaart") return;
      var at = chosen.indexOf(box.value);
      if (box.checked && at === -1 && chosen.length < most) chosen.push(box.value);
      if (!box.checked && at !== -1) chosen.splice(at, 1);
      update();
    });
    picker.addEventListener("reset", function () {
      window.setTimeout(function () { chosen = []; update(); }, 0);
    });

    document.getElementById("pb-compare-nojs").hidden = true;
    status.tabIndex = -1;
    picker.hidden = false;
    setPrintDate();
    window.addEventListener("beforeprint", setPrintDate);
    update();
  }

  function setPrintDate() {
    var when = document.querySelector("[data-pb-print-date]");
    var day = new Date();
    if (when) when.textContent = "Afgedrukt op " + day.getDate() + " " + MONTHS[day.getMonth()] + " " + day.getFullYear();
  }

  function init() {
    var root = document.getElementById("pb-compare");
    if (root) {
      comparePage(root);
      return;
    }
    var list = document.getElementById("pb-list");
    if (list && document.getElementById("pb-filters")) enhanceOverview(list);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
