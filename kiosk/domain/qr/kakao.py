"""KakaoTalk Channel public IDs: normalise a pasted ID or URL and build the channel links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from kiosk.domain.messages import N_, KioskError, define
from kiosk.domain.qr.text_gate import code_text_problem

#: The only host we accept (docs/architecture.md, "Domain facts"): exact match,
#: no user-info, no port.
KAKAO_HOST = "pf.kakao.com"
#: Public IDs look like ``_ZeUTxl``; real ones are 6-10 characters, we allow up to 32.
MAX_ID_LENGTH = 32
#: A pasted text longer than this is not a channel link.
MAX_INPUT_LENGTH = 256

_ID_RE = re.compile(r"_[A-Za-z0-9]+")
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


ID_EMPTY = define("kakao.id_empty", N_("KakaoTalk channel ID is empty"))
ID_TOO_LONG = define(
    "kakao.id_too_long",
    N_("KakaoTalk channel ID is {n} characters long; at most {max} allowed"),
)
ID_NO_UNDERSCORE = define(
    "kakao.id_no_underscore",
    N_("KakaoTalk channel ID {id!r} must start with '_' (e.g. _ZeUTxl)"),
)
ID_BAD_CHARACTERS = define(
    "kakao.id_bad_characters",
    N_("KakaoTalk channel ID {id!r} may only contain '_' then letters and digits"),
)
MALFORMED = define(
    "kakao.malformed",
    N_("{text!r} is not a channel ID or link; use _ID or https://pf.kakao.com/_ID"),
)
SCHEME_NOT_ALLOWED = define(
    "kakao.scheme_not_allowed",
    N_("scheme {scheme!r} is not allowed; use https://pf.kakao.com/_ID"),
)
INVALID_URL = define("kakao.invalid_url", N_("not a valid URL: {reason}"))
USER_INFO = define(
    "kakao.user_info",
    N_("the link has user-info before '@' ({netloc}); only {host} is allowed"),
)
PORT = define(
    "kakao.port",
    N_("the link names a port ({netloc}); only {host} without a port is allowed"),
)
WRONG_HOST = define("kakao.wrong_host", N_("the link points to {host!r}, not {expected}"))
NO_ID = define("kakao.no_id", N_("the link has no channel ID after {host}/"))
UNEXPECTED_PATH = define(
    "kakao.unexpected_path",
    N_("unexpected path {path!r}; expected /_ID, /_ID/friend or /_ID/chat"),
)
TEXT_TOO_LONG = define(
    "kakao.text_too_long",
    N_("KakaoTalk channel text is {n} characters long; at most {max} allowed"),
)
NOT_ASCII = define(
    "kakao.not_ascii",
    N_("KakaoTalk channel text contains {char!r} (U+{code:04X}); only plain ASCII is allowed"),
)
SPACE_OR_BACKSLASH = define(
    "kakao.space_or_backslash", N_("KakaoTalk channel text contains a space or backslash")
)


class KakaoChannelError(KioskError, ValueError):
    """A channel ID or URL that we refuse; ``str(error)`` is a one-line message for people."""


class KakaoLink(StrEnum):
    """Which channel page a QR code opens."""

    HOME = "home"
    FRIEND = "friend"
    CHAT = "chat"


def _check_id(channel_id: str) -> str:
    if not channel_id:
        raise KakaoChannelError(ID_EMPTY())
    if len(channel_id) > MAX_ID_LENGTH:
        raise KakaoChannelError(ID_TOO_LONG(n=len(channel_id), max=MAX_ID_LENGTH))
    if not channel_id.startswith("_"):
        raise KakaoChannelError(ID_NO_UNDERSCORE(id=channel_id))
    if not _ID_RE.fullmatch(channel_id):
        raise KakaoChannelError(ID_BAD_CHARACTERS(id=channel_id))
    return channel_id


def _malformed(text: str) -> KakaoChannelError:
    return KakaoChannelError(MALFORMED(text=text))


@dataclass(frozen=True, slots=True)
class ChannelLink:
    """A parsed channel ID or link: the public ID and the page a pasted URL names.

    ``link`` is None for a bare ID (``_ZeUTxl``), HOME for ``pf.kakao.com/_ID``
    and FRIEND or CHAT for ``/_ID/friend`` and ``/_ID/chat``.
    """

    channel_id: str
    link: KakaoLink | None


def _id_from_url(text: str) -> ChannelLink:
    scheme_match = _SCHEME_RE.match(text)
    if "://" not in text and scheme_match and "." not in scheme_match.group(1):
        if scheme_match.group(1).lower() in ("http", "https"):
            raise _malformed(text)  # "https:/pf.kakao.com/_ID", "https:pf.kakao.com/_ID"
        # "javascript:alert(1)", "mailto:x", "data:..." - a scheme without "//".
        raise KakaoChannelError(SCHEME_NOT_ALLOWED(scheme=scheme_match.group(1).lower()))
    if text.startswith(("/", "_")):
        raise _malformed(text)  # "_ID/friend", "/_ID", "//pf.kakao.com/_ID": no host
    url = text if "://" in text else "https://" + text
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise KakaoChannelError(INVALID_URL(reason=str(exc))) from None
    if parts.scheme.lower() not in ("https", "http"):
        raise KakaoChannelError(SCHEME_NOT_ALLOWED(scheme=parts.scheme.lower()))
    if not parts.netloc:
        raise _malformed(text)
    if "@" in parts.netloc:
        raise KakaoChannelError(USER_INFO(netloc=parts.netloc, host=KAKAO_HOST))
    if ":" in parts.netloc and not parts.netloc.startswith("["):
        raise KakaoChannelError(PORT(netloc=parts.netloc, host=KAKAO_HOST))
    if parts.netloc.lower() != KAKAO_HOST:
        raise KakaoChannelError(WRONG_HOST(host=parts.netloc, expected=KAKAO_HOST))
    # Query and fragment (share-tracking parameters) are dropped: the URL we
    # encode is rebuilt from the ID alone.
    segments = parts.path.strip("/").split("/") if parts.path.strip("/") else []
    if not segments:
        raise KakaoChannelError(NO_ID(host=KAKAO_HOST))
    if len(segments) > 2 or (len(segments) == 2 and segments[1] not in ("friend", "chat")):
        raise KakaoChannelError(UNEXPECTED_PATH(path=parts.path))
    link = KakaoLink(segments[1]) if len(segments) == 2 else KakaoLink.HOME
    return ChannelLink(_check_id(segments[0]), link)


def parse_channel_id(text: str) -> str:
    """Return the public ID from a pasted ID or channel URL, or raise KakaoChannelError.

    See :func:`parse_channel_link` for what is accepted.
    """
    return parse_channel_link(text).channel_id


def parse_channel_link(text: str) -> ChannelLink:
    """Return the public ID and the page a pasted link opens; raise KakaoChannelError.

    Accepts ``_ZeUTxl``, ``https://pf.kakao.com/_ZeUTxl`` (also ``http://``, no
    scheme, ``/friend`` or ``/chat``), with surrounding spaces. Refuses other
    hosts (``pf.kakao.com@evil.example``, ``pf.kakao.com.evil.example``), ports,
    user-info, non-ASCII (full-width dots), other schemes and malformed IDs.
    """
    stripped = text.strip()
    if not stripped:
        raise KakaoChannelError(ID_EMPTY())
    if len(stripped) > MAX_INPUT_LENGTH:
        raise KakaoChannelError(TEXT_TOO_LONG(n=len(stripped), max=MAX_INPUT_LENGTH))
    problem = code_text_problem(stripped)  # the one code text gate, before any other test
    if problem is not None:
        raise KakaoChannelError(problem)
    bad = next((ch for ch in stripped if not ch.isascii() or not ch.isprintable()), None)
    if bad is not None:
        raise KakaoChannelError(NOT_ASCII(char=bad, code=ord(bad)))
    if any(ch.isspace() or ch == "\\" for ch in stripped):
        raise KakaoChannelError(SPACE_OR_BACKSLASH())
    if "/" not in stripped and ":" not in stripped and "." not in stripped:
        return ChannelLink(_check_id(stripped), None)
    return _id_from_url(stripped)


def channel_url(channel_id: str, link: KakaoLink | str = KakaoLink.FRIEND) -> str:
    """Return the https URL of *link* for a valid public ID (raises KakaoChannelError)."""
    checked = _check_id(channel_id)
    kind = KakaoLink(link)
    base = f"https://{KAKAO_HOST}/{checked}"
    return base if kind is KakaoLink.HOME else f"{base}/{kind.value}"


def channel_urls(channel_id: str) -> dict[KakaoLink, str]:
    """Return the home, add-friend and chat URLs of a valid public ID."""
    return {kind: channel_url(channel_id, kind) for kind in KakaoLink}
