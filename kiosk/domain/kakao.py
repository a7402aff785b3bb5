"""KakaoTalk Channel public IDs: normalise a pasted ID or URL and build the channel links."""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import urlsplit

from kiosk.i18n import _

#: The only host we accept (DESIGN.md, domain facts): exact match, no user-info, no port.
KAKAO_HOST = "pf.kakao.com"
#: Public IDs look like ``_ZeUTxl``; real ones are 6-10 characters, we allow up to 32.
MAX_ID_LENGTH = 32
#: A pasted text longer than this is not a channel link.
MAX_INPUT_LENGTH = 256

_ID_RE = re.compile(r"_[A-Za-z0-9]+")
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


class KakaoChannelError(ValueError):
    """A channel ID or URL that we refuse; ``str(error)`` is a one-line message for people."""


class KakaoLink(StrEnum):
    """Which channel page a QR code opens."""

    HOME = "home"
    FRIEND = "friend"
    CHAT = "chat"


def _check_id(channel_id: str) -> str:
    if not channel_id:
        raise KakaoChannelError(_("KakaoTalk channel ID is empty"))
    if len(channel_id) > MAX_ID_LENGTH:
        raise KakaoChannelError(
            _("KakaoTalk channel ID is {n} characters long; at most {max} allowed").format(
                n=len(channel_id), max=MAX_ID_LENGTH
            )
        )
    if not channel_id.startswith("_"):
        raise KakaoChannelError(
            _("KakaoTalk channel ID {id!r} must start with '_' (e.g. _ZeUTxl)").format(
                id=channel_id
            )
        )
    if not _ID_RE.fullmatch(channel_id):
        raise KakaoChannelError(
            _("KakaoTalk channel ID {id!r} may only contain '_' then letters and digits").format(
                id=channel_id
            )
        )
    return channel_id


def _malformed(text: str) -> KakaoChannelError:
    return KakaoChannelError(
        _("{text!r} is not a channel ID or link; use _ID or https://pf.kakao.com/_ID").format(
            text=text
        )
    )


def _id_from_url(text: str) -> str:
    scheme_match = _SCHEME_RE.match(text)
    if "://" not in text and scheme_match and "." not in scheme_match.group(1):
        if scheme_match.group(1).lower() in ("http", "https"):
            raise _malformed(text)  # "https:/pf.kakao.com/_ID", "https:pf.kakao.com/_ID"
        # "javascript:alert(1)", "mailto:x", "data:..." - a scheme without "//".
        raise KakaoChannelError(
            _("scheme {scheme!r} is not allowed; use https://pf.kakao.com/_ID").format(
                scheme=scheme_match.group(1).lower()
            )
        )
    if text.startswith(("/", "_")):
        raise _malformed(text)  # "_ID/friend", "/_ID", "//pf.kakao.com/_ID": no host
    url = text if "://" in text else "https://" + text
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise KakaoChannelError(_("not a valid URL: {reason}").format(reason=exc)) from None
    if parts.scheme.lower() not in ("https", "http"):
        raise KakaoChannelError(
            _("scheme {scheme!r} is not allowed; use https://pf.kakao.com/_ID").format(
                scheme=parts.scheme.lower()
            )
        )
    if not parts.netloc:
        raise _malformed(text)
    if "@" in parts.netloc:
        raise KakaoChannelError(
            _("the link has user-info before '@' ({netloc}); only {host} is allowed").format(
                netloc=parts.netloc, host=KAKAO_HOST
            )
        )
    if ":" in parts.netloc and not parts.netloc.startswith("["):
        raise KakaoChannelError(
            _("the link names a port ({netloc}); only {host} without a port is allowed").format(
                netloc=parts.netloc, host=KAKAO_HOST
            )
        )
    if parts.netloc.lower() != KAKAO_HOST:
        raise KakaoChannelError(
            _("the link points to {host!r}, not {expected}").format(
                host=parts.netloc, expected=KAKAO_HOST
            )
        )
    # Query and fragment (share-tracking parameters) are dropped: the URL we
    # encode is rebuilt from the ID alone.
    segments = parts.path.strip("/").split("/") if parts.path.strip("/") else []
    if not segments:
        raise KakaoChannelError(
            _("the link has no channel ID after {host}/").format(host=KAKAO_HOST)
        )
    if len(segments) > 2 or (len(segments) == 2 and segments[1] not in ("friend", "chat")):
        raise KakaoChannelError(
            _("unexpected path {path!r}; expected /_ID, /_ID/friend or /_ID/chat").format(
                path=parts.path
            )
        )
    return _check_id(segments[0])


def parse_channel_id(text: str) -> str:
    """Return the public ID from a pasted ID or channel URL, or raise KakaoChannelError.

    Accepts ``_ZeUTxl``, ``https://pf.kakao.com/_ZeUTxl`` (also ``http://``, no
    scheme, ``/friend`` or ``/chat``), with surrounding spaces. Refuses other
    hosts (``pf.kakao.com@evil.example``, ``pf.kakao.com.evil.example``), ports,
    user-info, non-ASCII (full-width dots), other schemes and malformed IDs.
    """
    stripped = text.strip()
    if not stripped:
        raise KakaoChannelError(_("KakaoTalk channel ID is empty"))
    if len(stripped) > MAX_INPUT_LENGTH:
        raise KakaoChannelError(
            _("KakaoTalk channel text is {n} characters long; at most {max} allowed").format(
                n=len(stripped), max=MAX_INPUT_LENGTH
            )
        )
    bad = next((ch for ch in stripped if not ch.isascii() or not ch.isprintable()), None)
    if bad is not None:
        raise KakaoChannelError(
            _(
                "KakaoTalk channel text contains {char!r} (U+{code:04X}); only plain ASCII "
                "is allowed"
            ).format(char=bad, code=ord(bad))
        )
    if any(ch.isspace() or ch == "\\" for ch in stripped):
        raise KakaoChannelError(_("KakaoTalk channel text contains a space or backslash"))
    if "/" not in stripped and ":" not in stripped and "." not in stripped:
        return _check_id(stripped)
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
