"""A market's tourist website: its checked address and each stall's short page path."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final
from urllib.parse import urlsplit

from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.qr.symbols import QrSpec

#: Longest site address accepted (it goes into every stand's QR code).
MAX_SITE_URL: Final = 200

SITE_NOT_HTTPS = define(
    "site.not_https",
    N_("Site address {url!r}: use an https:// address (for example https://market.example/)"),
)
SITE_QUERY = define(
    "site.query",
    N_("Site address {url!r}: no ?query or #part; give only the folder, ending in /"),
)
SITE_BAD = define(
    "site.bad",
    N_("Site address {url!r}: not a web address (https://host/folder/, no user name or port)"),
)


class SiteUrlError(KioskError):
    """A site address that a stand's QR code must not carry."""


def check_site_url(text: str) -> str:
    """The market's site address, normalised to end in ``/``; SiteUrlError otherwise.

    Rules: https only (a phone warns about plain http and a code on a stand lasts
    years), a host without user name, password or port, no query or fragment
    (the stall path is appended to it), at most :data:`MAX_SITE_URL` characters.
    An empty text is "no site" and returns ``""``.
    """
    url = text.strip()
    if not url:
        return ""
    if not url.isascii() or any(ch.isspace() for ch in url) or len(url) > MAX_SITE_URL:
        raise SiteUrlError(SITE_BAD(url=url[:80]))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise SiteUrlError(SITE_BAD(url=url[:80])) from None
    if parts.scheme.lower() != "https":
        raise SiteUrlError(SITE_NOT_HTTPS(url=url[:80]))
    if parts.query or parts.fragment or "?" in url or "#" in url:
        raise SiteUrlError(SITE_QUERY(url=url[:80]))
    host = parts.hostname or ""
    if "@" in parts.netloc or port is not None or not re.fullmatch(r"[a-z0-9.-]+", host):
        raise SiteUrlError(SITE_BAD(url=url[:80]))
    if "." not in host.strip(".") and host != "localhost":
        raise SiteUrlError(SITE_BAD(url=url[:80]))
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"https://{host}{path}"


def stall_slug(stall_number: str) -> str:
    """``A-3`` -> ``a-3``, ``나 12`` -> ``12``: lower-case ASCII letters, digits and ``-``."""
    folded = re.sub(r"[^a-z0-9]+", "-", stall_number.strip().lower()).strip("-")
    return folded or "stall"


def stall_paths(stalls: Iterable[tuple[int, str]]) -> Mapping[int, str]:
    """Each store id's short page path ``d/a-3/``, unique within the market.

    *stalls* are (store id, stall number). Two stall numbers that fold to the same
    slug (``A-3`` and ``A 3``) keep it for the lowest id and add ``-<id>`` for the
    others, so a stand printed once keeps its address while stalls come and go.
    """
    paths: dict[int, str] = {}
    taken: set[str] = set()
    for store_id, number in sorted(stalls):
        slug = stall_slug(number)
        if slug in taken:
            slug = f"{slug}-{store_id}"
        taken.add(slug)
        paths[store_id] = f"d/{slug}/"
    return paths


def stall_page_urls(site_url: str, stalls: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Each store id's page address (``https://market.example/d/a-3/``); empty without a site.

    *stalls* are the market's active stores as ``publish`` writes them (id, stall number),
    so a stand's code and the published folder agree on every path.
    """
    if not site_url:
        return {}
    return {store_id: site_url + path for store_id, path in stall_paths(stalls).items()}


def stall_page_spec(url: str) -> QrSpec:
    """The stand's "stall page" code: a plain https link at error correction M, no logo."""
    return QrSpec(url, "M", logo=False)
