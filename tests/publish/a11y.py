"""Accessibility checks run in the page: the rules of axe-core we can hold the site to offline.

axe-core is not available offline here, so these are our own checks of the same rules:
``html-has-lang`` / ``html-lang-valid`` / ``valid-lang`` (every text has a known language),
``color-contrast`` (4.5:1, 3:1 for large text), ``target-size`` (24 px, and the design's
48 px for the language switch and the big links), ``meta-viewport`` (zoom allowed),
``document-title``, ``page-has-heading-one``, ``label`` (the search field), ``image-alt``
and no sideways scrolling at a phone's width. The script returns a list of problems.
"""

from __future__ import annotations

from typing import Final

CHECKS: Final = r"""
var problems = [], LANGS = ["ko", "en", "ja", "zh-Hans", "zh-Hant"];
function rgb(text) {
  var m = text.match(/rgba?\(([^)]+)\)/); if (!m) return [0, 0, 0, 0];
  var p = m[1].split(",").map(parseFloat); if (p.length < 4) p.push(1); return p;
}
function lum(c) {
  var v = c.slice(0, 3).map(function (x) {
    x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function background(el) {
  for (; el; el = el.parentElement) {
    var c = rgb(getComputedStyle(el).backgroundColor); if (c[3] > 0.5) return c;
  }
  return [255, 255, 255, 1];
}
var html = document.documentElement;
if (LANGS.indexOf(html.lang) < 0) problems.push("html-lang: " + html.lang);
if (!document.title.trim()) problems.push("document-title: empty");
if (document.querySelectorAll("h1").length !== 1) problems.push("page-has-heading-one");
var vp = document.querySelector('meta[name="viewport"]');
if (!vp || /user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/.test(vp.content))
  problems.push("meta-viewport");
if (html.scrollWidth > window.innerWidth + 1)
  problems.push("scrolls sideways: " + html.scrollWidth);
document.querySelectorAll("img").forEach(function (i) { if (!i.alt) problems.push("image-alt"); });
document.querySelectorAll("input").forEach(function (i) {
  if (!i.labels || !i.labels.length) problems.push("label: " + i.id);
});
document.querySelectorAll("[lang]").forEach(function (el) {
  if (LANGS.indexOf(el.getAttribute("lang")) < 0) problems.push("valid-lang: " + el.lang);
});
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), node;
while ((node = walker.nextNode())) {
  var el = node.parentElement;
  if (!node.textContent.trim() || !el.getClientRects().length) continue;
  var st = getComputedStyle(el);
  if (st.visibility === "hidden" || st.display === "none") continue;
  var lang = el.closest("[lang]");
  if (!lang || !lang.getAttribute("lang")) problems.push("no lang: " + node.textContent);
  var size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
  if (size < 14) problems.push("text under 14px: " + node.textContent.slice(0, 30));
  var fg = lum(rgb(st.color)), bg = lum(background(el));
  var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  var large = size >= 24 || (bold && size >= 18.66);
  if (ratio < (large ? 3 : 4.5))
    problems.push("color-contrast " + ratio.toFixed(2) + ": " + node.textContent.slice(0, 30));
}
document.querySelectorAll("a, button, input").forEach(function (t) {
  var r = t.getBoundingClientRect(); if (!r.width) return;
  var need = t.closest(".langs, .kakao, .stalls, .choose") ? 48 : 24;
  if (r.height < need - 0.5) problems.push("target-size " + r.height + ": " + t.textContent);
});
return problems;
"""
