"""The site's one small script (language, open now, search, offline copy) and its worker."""

from __future__ import annotations

from typing import Final

#: Language at first visit from ``navigator.languages`` (a choice on the switch is kept on
#: the phone in localStorage, never sent); "open now" in Asia/Seoul time; stall search;
#: approximate prices hidden when their rate has grown too old (Seoul's date again);
#: the service worker and a copy of each visited page for offline use. No request leaves
#: the site's own folder, no cookie, no tracking.
SCRIPT: Final = r"""(function () {
"use strict";
var d = document, me = d.currentScript, root = me.getAttribute("data-root") || "";
var langs = (me.getAttribute("data-langs") || "").split(" ");
var CACHE = "market-kiosk-site";
function chosen() {
  try {
    var kept = localStorage.getItem("market-kiosk-lang");
    if (kept && langs.indexOf(kept) >= 0) return kept;
  } catch (e) { /* storage off: use the phone's languages */ }
  var prefs = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < prefs.length; i++) {
    var t = String(prefs[i]).toLowerCase(), code = t.split("-")[0];
    if (code === "zh") code = /hant|-tw|-hk|-mo/.test(t) ? "zh-Hant" : "zh-Hans";
    if (langs.indexOf(code) >= 0) return code;
  }
  return langs.indexOf("en") >= 0 ? "en" : langs[0];
}
function keep(code) {
  try { localStorage.setItem("market-kiosk-lang", code); } catch (e) { /* not kept */ }
}
if (d.body.getAttribute("data-page") === "choose") {
  location.replace(chosen() + ".html");
  return;
}
Array.prototype.forEach.call(d.querySelectorAll("a[data-lang]"), function (a) {
  a.addEventListener("click", function () { keep(a.getAttribute("data-lang")); });
});
var now = d.querySelector(".now[data-hours]");
if (now) {
  var h = JSON.parse(now.getAttribute("data-hours")), p = {};
  new Intl.DateTimeFormat("en-US", {timeZone: "Asia/Seoul", year: "numeric", month: "numeric",
    day: "numeric", weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23"})
    .formatToParts(new Date()).forEach(function (x) { p[x.type] = x.value; });
  var wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(p.weekday);
  var min = (+p.hour % 24) * 60 + (+p.minute), day = +p.day;
  var last = new Date(Date.UTC(+p.year, +p.month, 0)).getUTCDate();
  var closedToday = (h.monthly || []).some(function (m) {
    return m[1] === wd && (m[0] === -1 ? day + 7 > last : Math.ceil(day / 7) === m[0]);
  });
  var off = (now.getAttribute("data-off") || "").split(" ");
  function iso(back) {  /* the Seoul date *back* days ago, as YYYY-MM-DD */
    return new Date(Date.UTC(+p.year, +p.month - 1, day - back)).toISOString().slice(0, 10);
  }
  var holiday = closedToday || off.indexOf(iso(0)) >= 0;  /* as the kiosk says it */
  var t = h.days[wd], y = h.days[(wd + 6) % 7], open = false;
  if (t && !holiday) open = t[0] < t[1] ? min >= t[0] && min < t[1] : min >= t[0];
  if (!open && y && y[0] > y[1] && off.indexOf(iso(1)) < 0) open = min < y[1];
  now.textContent = now.getAttribute(open ? "data-open" : holiday ? "data-holiday" : "data-closed");
  if (!open) now.className += " closed";
}
var q = d.getElementById("q");
if (q) {
  q.addEventListener("input", function () {
    var words = q.value.normalize("NFKC").toLowerCase().trim(), any = false;
    Array.prototype.forEach.call(d.querySelectorAll(".cat"), function (sec) {
      var shown = 0;
      Array.prototype.forEach.call(sec.querySelectorAll("li[data-s]"), function (li) {
        var hit = li.getAttribute("data-s").indexOf(words) >= 0;
        li.hidden = !hit; if (hit) shown++;
      });
      sec.hidden = shown === 0; if (shown) any = true;
    });
    d.getElementById("none").hidden = any;
  });
}
var rated = d.querySelector("[data-rate-date]");
if (rated) {  // approximate prices: hidden once the rate is older than the manager allows
  var s = {}, r = rated.getAttribute("data-rate-date").split("-");
  new Intl.DateTimeFormat("en-US", {timeZone: "Asia/Seoul", year: "numeric", month: "numeric",
    day: "numeric"}).formatToParts(new Date()).forEach(function (x) { s[x.type] = +x.value; });
  var age = (Date.UTC(s.year, s.month - 1, s.day) - Date.UTC(+r[0], r[1] - 1, +r[2])) / 864e5;
  if (!(age >= 0 && age <= +rated.getAttribute("data-max-age"))) rated.className += " stale";
}
if ("serviceWorker" in navigator && window.caches) {
  navigator.serviceWorker.register(root + "sw.js").catch(function () { /* online only */ });
  caches.open(CACHE).then(function (c) {
    return c.addAll([location.href.split("#")[0], "./", root + "site.css", root + "site.js"]);
  }).catch(function () { /* online only */ });
}
})();
"""

#: Network first (a republished page wins), the copy kept from the last visit when offline.
WORKER: Final = r""""use strict";
var CACHE = "market-kiosk-site";
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener("fetch", function (e) {
  var r = e.request;
  if (r.method !== "GET" || new URL(r.url).origin !== self.location.origin) return;
  e.respondWith(fetch(r).then(function (res) {
    if (res.ok) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { return c.put(r, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(r, {ignoreSearch: true}).then(function (hit) {
      return hit || Response.error();
    });
  }));
});
"""
