/* Praktijkbank: keyboard access where Material for MkDocs only serves the mouse.
 *
 * On narrow screens Material opens the navigation drawer and the search with
 * <label for="…"> elements tied to hidden checkboxes. A label cannot be reached
 * or pressed with the keyboard, so here they become buttons: Tab reaches them,
 * Enter and Space press them, aria-expanded tells a screen reader whether the
 * drawer is open. Opening the drawer puts focus on its first link; Escape, or
 * tabbing out of it, closes it again.
 */
(function () {
  "use strict";

  function asButton(label, name) {
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (!label.getAttribute("aria-label")) label.setAttribute("aria-label", name);
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation(); // Material clicks a focused label on Enter too: press once
        label.click();
      }
    });
  }

  function setToggle(toggle, on) {
    if (toggle.checked === on) return;
    toggle.checked = on;
    toggle.dispatchEvent(new Event("change"));
  }

  function drawer() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('label.md-header__button[for="__drawer"]');
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!toggle || !button || !sidebar) return;
    var openedByKeyboard = false;
    button.addEventListener("keydown", function () { openedByKeyboard = true; }); // before asButton's click
    asButton(button, "Menu");
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      if (toggle.checked && openedByKeyboard) {
        var first = sidebar.querySelector("a[href], input:not([type=hidden]), [tabindex='0']");
        if (first) first.focus();
      }
      openedByKeyboard = false;
    });
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        setToggle(toggle, false);
        button.focus();
      }
    });
    sidebar.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggle.checked && next && !sidebar.contains(next) && next !== button) setToggle(toggle, false);
    });
  }

  function search() {
    var input = document.querySelector(".md-search__input");
    var button = document.querySelector('label.md-header__button[for="__search"]');
    if (button && input) asButton(button, input.getAttribute("placeholder") || "Zoeken");
    // Material makes the result area a tab stop so a keyboard can scroll it; while
    // it holds no results it has no height, and the focus would be invisible.
    var wrap = document.querySelector(".md-search__scrollwrap");
    var list = document.querySelector(".md-search-result__list");
    if (!wrap || !list) return;
    function sync() { wrap.setAttribute("tabindex", list.children.length ? "0" : "-1"); }
    new MutationObserver(sync).observe(list, { childList: true });
    sync();
  }

  function init() {
    drawer();
    search();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
