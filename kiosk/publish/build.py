"""Every file of a market's site in memory (path -> bytes), and the check of its links."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence

from kiosk.domain.locales import LocaleCode
from kiosk.publish.frame import chooser, file_of
from kiosk.publish.pages import market_page, search_terms
from kiosk.publish.script import SCRIPT, WORKER
from kiosk.publish.site import Site
from kiosk.publish.stall import page_rate, stall_page
from kiosk.publish.style import CSS

#: Largest stall page, its stylesheet included (images excluded), that a phone should load.
STALL_PAGE_LIMIT = 50 * 1024
#: Every link of a page (the templates put one space before each attribute; the literal
#: space lets the scan skip ahead quickly).
_LINK = re.compile(rb' (?:href|src)="([^"]*)"')


class SiteCheckError(Exception):
    """A built site that must not go online (a broken link, a page too big)."""


def build_site(site: Site, locales: Sequence[LocaleCode]) -> dict[str, bytes]:
    """The site's files: ``index.html`` and one market page per language at the top,
    ``d/<stall>/index.html`` and one page per language per stall, the stylesheet, the
    script and the service worker."""
    files: dict[str, str] = {
        "site.css": CSS,
        "site.js": SCRIPT,
        "sw.js": WORKER,
        "index.html": chooser(locales=locales, root="", name=site.market.name),
    }
    terms = search_terms(site)
    for code in locales:
        files[file_of(code)] = market_page(site, code, locales, terms)
    rates = {code: page_rate(site, code) for code in locales}
    for stall in site.stalls:
        for code in locales:
            files[stall.path + file_of(code)] = stall_page(site, stall, code, locales, rates[code])
        files[stall.path + "index.html"] = chooser(
            locales=locales, root="../../", name=stall.store.name
        )
    return {path: text.encode("utf-8") for path, text in files.items()}


def check_site(files: Mapping[str, bytes]) -> int:
    """Raise SiteCheckError for a link to a file the site lacks or a stall page over the
    limit; return the largest stall page's size with its stylesheet."""
    css = len(files.get("site.css", b""))
    largest = 0
    for path, content in files.items():
        if not path.endswith(".html"):
            continue
        if path.startswith("d/"):
            size = len(content) + css
            largest = max(largest, size)
            if size > STALL_PAGE_LIMIT:
                raise SiteCheckError(f"{path}: {size:,} bytes with its stylesheet, over 50 KB")
        folder = posixpath.dirname(path)
        for link in _LINK.findall(content):
            href = link.decode("utf-8")
            if ":" in href.split("/", 1)[0] or href.startswith("#"):
                continue  # https:, tel: and the like leave the site by the reader's choice
            if _target(folder, href) not in files:
                raise SiteCheckError(f"{path}: link {href!r} goes to no page of the site")
    return largest


def _target(folder: str, href: str) -> str:
    """The site's file that *href* on a page in *folder* opens (a folder: its index.html)."""
    if "&" in href:
        href = href.replace("&amp;", "&")
    if href.endswith("/") or href in ("", "./"):
        target = posixpath.normpath(posixpath.join(folder, href))
        return posixpath.join(target, "index.html") if target != "." else "index.html"
    tail, ups = href, 0
    while tail.startswith("../"):
        tail, ups = tail[3:], ups + 1
    parts = folder.split("/") if folder else []
    if ups > len(parts) or tail.startswith("/") or "./" in tail or tail in (".", ".."):
        return posixpath.normpath(posixpath.join(folder, href))  # the rare, general case
    return "/".join([*parts[: len(parts) - ups], tail])
