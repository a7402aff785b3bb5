"""Hide secrets in database URLs (and in any text quoting one) before they are shown or logged."""

from __future__ import annotations

import re
from urllib.parse import unquote

MASK = "***"

#: Keys whose value is a secret, wherever they appear (URL query or libpq ``key=value``).
_SECRET_KEYS = ("password", "secret", "token", "passfile")

# ``scheme://user:password@``: the user part stops at ``:`` or ``/``, the password at ``@``
# (SQLAlchemy's make_url splits the same way, so what it would use is what is hidden).
# Linear time: a scheme starts only where a run of scheme characters starts, every run is
# read once (possessive), and only words that hold ``://`` and an ``@`` are searched, up to
# their last ``@`` (so no attempt scans on to the end of the word and fails there).
_USER_PASSWORD = re.compile(
    r"(?P<head>(?<![A-Za-z0-9+.\-])[A-Za-z0-9+.\-]++://[^\s:/@]*+)"
    r":(?P<secret>[^\s@]*+)@"
)
#: A word (no whitespace) that could hold ``user:password@``; matched from the word's start.
_URL_WORD = re.compile(r"(?<!\S)[^\s@]*+@\S*+")
# ``key=value`` after ``?``, ``&``, ``;``, a space or the start: URL query parameters and
# libpq connection strings (``password='a b'`` quoted with optional spaces around ``=``).
_KEY_VALUE = re.compile(
    r"(?P<head>(?:^|(?<=[\s?&;,(\"']))(?P<key>[A-Za-z0-9_.%\-]++)\s*+=\s*+)"
    r"(?P<secret>'(?:[^'\\]|\\.)*+'|\"(?:[^\"\\]|\\.)*+\"|[^\s&;#,)\"']*+)"
)


def is_secret_key(key: str) -> bool:
    """True for ``password``, ``sslpassword``, ``passfile``, ``api_token``, ``client_secret``..."""
    folded = unquote(key).casefold()
    return any(word in folded for word in _SECRET_KEYS)


def _mask_pair(match: re.Match[str]) -> str:
    secret = match["secret"]
    if not is_secret_key(match["key"]) or not secret:
        return match[0]
    # "...?password=x: reason": the colon that ends a quoted URL stays visible.
    end = match.end()
    colon = ":" if secret.endswith(":") and match.string[end : end + 1] in ("", " ") else ""
    return match["head"] + MASK + colon


def mask_url(text: str) -> str:
    """*text* (a URL, a connection string or a message quoting them) with its secrets hidden.

    The password in ``scheme://user:password@host`` and the value of every key
    naming a secret (``?password=``, ``&sslpassword=``, ``passfile=``, anything
    containing "password", "secret" or "token") become ``***``. Masking twice
    changes nothing; text without secrets comes back unchanged.
    """
    masked = _URL_WORD.sub(_mask_word, text) if "@" in text else text
    return _KEY_VALUE.sub(_mask_pair, masked)


def _mask_word(match: re.Match[str]) -> str:
    """The ``user:password@`` parts of one word hidden, in time linear in its length."""
    word = match[0]
    if "://" not in word:
        return word
    end = word.rfind("@") + 1
    return _USER_PASSWORD.sub(_mask_user_password, word[:end]) + word[end:]


def _mask_user_password(match: re.Match[str]) -> str:
    return match["head"] + ":" + MASK + "@" if match["secret"] else match[0]
