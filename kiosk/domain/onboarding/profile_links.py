"""Public profile links (Smart Place, Instagram, Danggeun, Smart Store): exact-host allow-lists.

Each link is parsed with a URL parser, never matched by prefix, like the
KakaoTalk channel links (docs/architecture.md, "Domain facts"): ``https``
only, the host exactly one of the kind's hosts, no user-info, no port, plain
printable ASCII. Query and fragment (share-tracking parameters) are dropped;
the link kept is ``https://{host}{path}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from kiosk.domain.messages import N_, KioskError, Message, define

#: A pasted link longer than this is not a profile link.
MAX_LINK_LENGTH = 300


class ProfileKind(StrEnum):
    """Where a store can be found online; codes are stored, never rename one."""

    SMART_PLACE = "smart_place"
    INSTAGRAM = "instagram"
    DANGGEUN = "danggeun"
    SMART_STORE = "smart_store"


#: The public hosts of each kind (exact match). Smart Place's own admin site
#: (smartplace.naver.com) is not here: a tourist would land on a sign-in page.
HOSTS: dict[ProfileKind, tuple[str, ...]] = {
    ProfileKind.SMART_PLACE: ("m.place.naver.com", "pcmap.place.naver.com", "naver.me"),
    ProfileKind.INSTAGRAM: ("www.instagram.com", "instagram.com"),
    ProfileKind.DANGGEUN: ("www.daangn.com", "daangn.com"),
    ProfileKind.SMART_STORE: ("smartstore.naver.com", "m.smartstore.naver.com"),
}

#: Names of the services, the same in every language (they are brand names).
BRAND_NAMES: dict[ProfileKind, str] = {
    ProfileKind.SMART_PLACE: "Naver Smart Place",
    ProfileKind.INSTAGRAM: "Instagram",
    ProfileKind.DANGGEUN: "Danggeun (Karrot)",
    ProfileKind.SMART_STORE: "Naver Smart Store",
}

#: Hosts people paste by mistake, with the reason they are refused.
_ADMIN_HOSTS = {"smartplace.naver.com", "sell.smartstore.naver.com", "business.daangn.com"}
_INSTAGRAM_NAME = re.compile(r"[A-Za-z0-9._]{1,30}")
#: Instagram paths that are not a profile (a post, a reel, the explore page...).
_INSTAGRAM_RESERVED = frozenset(
    {"p", "reel", "reels", "explore", "accounts", "stories", "direct", "tv", "about", "legal"}
)
_PATH_CHARS = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")

EMPTY = define("profile.empty", N_("{kind} link is empty"))
TOO_LONG = define(
    "profile.too_long", N_("{kind} link is {n} characters long; at most {max} allowed")
)
NOT_ASCII = define(
    "profile.not_ascii",
    N_("{kind} link contains {char!r} (U+{code:04X}); copy the link from the app's Share button"),
)
SPACE = define("profile.space", N_("{kind} link contains a space or a backslash"))
SCHEME = define(
    "profile.scheme", N_("{kind} link must start with https:// (it starts with {scheme!r})")
)
USER_INFO = define(
    "profile.user_info",
    N_("{kind} link has user-info before '@' ({netloc}); only {hosts} are allowed"),
)
PORT = define("profile.port", N_("{kind} link names a port ({netloc}); remove it"))
WRONG_HOST = define("profile.wrong_host", N_("{kind} link points to {host!r}, not to {hosts}"))
ADMIN_HOST = define(
    "profile.admin_host",
    N_(
        "{host} is the owner's page, which customers cannot open; copy the public link "
        "of your profile ({hosts})"
    ),
)
NO_PATH = define("profile.no_path", N_("{kind} link has no profile after {host}/"))
BAD_PATH = define("profile.bad_path", N_("{kind} link has an unexpected path {path!r}"))
INSTAGRAM_NAME = define(
    "profile.instagram_name",
    N_("{name!r} is not an Instagram account name (letters, digits, '.' and '_', up to 30)"),
)


class ProfileLinkError(KioskError, ValueError):
    """A profile link we refuse; ``str(error)`` is one line for people, naming the kind."""


@dataclass(frozen=True, slots=True)
class ProfileLink:
    """A checked public link of one kind: ``url`` is what is saved and encoded."""

    kind: ProfileKind
    url: str

    @property
    def brand(self) -> str:
        return BRAND_NAMES[self.kind]


def _fail(message: Message) -> ProfileLinkError:
    return ProfileLinkError(message)


def _instagram_handle(text: str) -> str | None:
    """``@name`` or a bare account name as the profile URL; None when *text* looks like a link."""
    if not text.startswith("@") and (
        "/" in text or ":" in text or text.lower() in HOSTS[ProfileKind.INSTAGRAM]
    ):
        return None
    name = text.removeprefix("@")
    if not _INSTAGRAM_NAME.fullmatch(name) or name.lower() in _INSTAGRAM_RESERVED:
        raise _fail(INSTAGRAM_NAME(name=name))
    return f"https://www.instagram.com/{name}/"


def parse_profile_link(kind: ProfileKind | str, text: str) -> ProfileLink:
    """The checked link of *kind* in *text*, or ProfileLinkError naming what is wrong.

    Accepts ``https://host/path`` or ``host/path`` (https is assumed); for
    Instagram also ``@name``. Refuses ``http:`` and other schemes, hosts not on
    the kind's list (``instagram.com.evil.example``, ``instagram.com@evil.example``),
    ports, user-info, non-ASCII look-alikes and a missing profile path.
    """
    kind = ProfileKind(kind)
    label = BRAND_NAMES[kind]
    hosts = HOSTS[kind]
    stripped = text.strip()
    if not stripped:
        raise _fail(EMPTY(kind=label))
    if len(stripped) > MAX_LINK_LENGTH:
        raise _fail(TOO_LONG(kind=label, n=len(stripped), max=MAX_LINK_LENGTH))
    bad = next((ch for ch in stripped if not ch.isascii() or not ch.isprintable()), None)
    if bad is not None:
        raise _fail(NOT_ASCII(kind=label, char=bad, code=ord(bad)))
    if any(ch.isspace() or ch == "\\" for ch in stripped):
        raise _fail(SPACE(kind=label))
    if kind is ProfileKind.INSTAGRAM and "://" not in stripped:
        handle = _instagram_handle(stripped)
        if handle is not None:
            return ProfileLink(kind, handle)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", stripped)
    rest = stripped[scheme.end() :] if scheme is not None else ""
    named = scheme is not None and "." not in scheme.group(1) and not rest[:1].isdigit()
    if named and scheme is not None and (scheme.group(1).lower() != "https" or rest[:2] != "//"):
        raise _fail(SCHEME(kind=label, scheme=scheme.group(1).lower() + ":"))
    if stripped.startswith("/"):
        raise _fail(NO_PATH(kind=label, host=hosts[0]))
    url = stripped if "://" in stripped else "https://" + stripped
    try:
        parts = urlsplit(url)
    except ValueError:
        raise _fail(BAD_PATH(kind=label, path=stripped)) from None
    if parts.scheme.lower() != "https":
        raise _fail(SCHEME(kind=label, scheme=parts.scheme.lower() + ":"))
    netloc = parts.netloc
    allowed = ", ".join(hosts)
    if "@" in netloc:
        raise _fail(USER_INFO(kind=label, netloc=netloc, hosts=allowed))
    if ":" in netloc:
        raise _fail(PORT(kind=label, netloc=netloc))
    host = netloc.lower()
    if host in _ADMIN_HOSTS:
        raise _fail(ADMIN_HOST(host=host, hosts=allowed))
    if host not in hosts:
        raise _fail(WRONG_HOST(kind=label, host=netloc, hosts=allowed))
    path = parts.path
    if not path.strip("/"):
        raise _fail(NO_PATH(kind=label, host=host))
    if not _PATH_CHARS.fullmatch(path) or "//" in path or "/../" in path + "/":
        raise _fail(BAD_PATH(kind=label, path=path))
    if kind is ProfileKind.INSTAGRAM:
        segments = path.strip("/").split("/")
        name = segments[0]
        if len(segments) != 1 or name.lower() in _INSTAGRAM_RESERVED:
            raise _fail(BAD_PATH(kind=label, path=path))
        if not _INSTAGRAM_NAME.fullmatch(name):
            raise _fail(INSTAGRAM_NAME(name=name))
        return ProfileLink(kind, f"https://www.instagram.com/{name}/")
    return ProfileLink(kind, f"https://{host}{path}")
