/* Praktijkbank: keeps "Binnenkort" honest long after the site was built.
 *
 * The build splits webinars into "Binnenkort" and "Geweest" for the day it ran.
 * A site built months ago would still advertise sessions that are over, so this
 * script checks every webinar against the reader's clock: each entry carries the
 * moment it is over (data-pb-ends, in UTC). A finished session is labelled
 * "Geweest", loses its registration link and, on the Webinars page, moves to
 * "Geweest" in its place (most recent first). Progressive enhancement: without
 * this script the build's split stands.
 */
(function () {
  "use strict";

  var PAST_LABEL = "Geweest";
  var LONGEST_TIMER = 2147483647; // setTimeout's limit (about 24.8 days)

  function time(entry, name) {
    return Date.parse(entry.getAttribute(name));
  }

  function markPast(entry) {
    entry.classList.add("pb-webinar--past");
    var state = entry.querySelector(".pb-webinar-state");
    if (state) state.textContent = PAST_LABEL;
    Array.prototype.forEach.call(entry.querySelectorAll(".pb-webinar-register"), function (item) {
      item.hidden = true;
    });
  }

  function moveToPast(entry, pastList) {
    // The structured data block that belongs to the entry travels with it.
    var data = entry.nextElementSibling;
    if (!data || data.getAttribute("type") !== "application/ld+json") data = null;
    var started = time(entry, "data-pb-start");
    var before = null;
    var others = pastList.querySelectorAll(".pb-webinar");
    for (var i = 0; i < others.length; i += 1) {
      if (time(others[i], "data-pb-start") < started) {
        before = others[i];
        break;
      }
    }
    pastList.insertBefore(entry, before);
    if (data) pastList.insertBefore(data, entry.nextSibling);
  }

  function showEmptyNotes() {
    ["upcoming", "past"].forEach(function (key) {
      var list = document.getElementById("pb-webinars-" + key);
      var note = document.getElementById("pb-webinars-none-" + key);
      if (list && note) note.hidden = list.querySelector(".pb-webinar") !== null;
    });
  }

  function check() {
    var now = Date.now();
    var upcomingList = document.getElementById("pb-webinars-upcoming");
    var pastList = document.getElementById("pb-webinars-past");
    var next = Infinity;
    var entries = document.querySelectorAll(".pb-webinar[data-pb-ends]:not(.pb-webinar--past)");
    Array.prototype.forEach.call(entries, function (entry) {
      var ends = time(entry, "data-pb-ends");
      if (isNaN(ends)) return;
      if (ends > now) {
        next = Math.min(next, ends);
        return;
      }
      markPast(entry);
      if (upcomingList && pastList && entry.parentNode === upcomingList) moveToPast(entry, pastList);
    });
    showEmptyNotes();
    // A page left open past the end of a session is corrected then too.
    if (next !== Infinity) window.setTimeout(check, Math.min(next - now + 1000, LONGEST_TIMER));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
})();
