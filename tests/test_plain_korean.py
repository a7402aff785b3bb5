"""What a merchant reads is plain Korean: no standards, checksums, code points or file formats."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
#: Words a merchant of 65 should never have to read (issue 20).
FORBIDDEN = re.compile(r"EMVCo|CRC|U\+[0-9A-F]{4}|PNG|PDF|데이터베이스|URL|KRW", re.IGNORECASE)
#: Where the merchant's and onboarding screens, and the messages they show, come from.
MERCHANT_SOURCES = (
    "kiosk/ui/merchant/",
    "kiosk/ui/onboarding/",
    "kiosk/ui/widgets/stand_",
    "kiosk/ui/widgets/stall_row.py",
    "kiosk/ui/widgets/plain_words.py",
    "kiosk/ui/widgets/kit_photo.py",
    "kiosk/render/stand_print.py",
)


def merchant_entries() -> list[tuple[str, str, list[str]]]:
    with (ROOT / "i18n/ko/LC_MESSAGES/kiosk.po").open("rb") as handle:
        catalog = read_po(handle, locale="ko", domain="kiosk")
    found = []
    for message in catalog:
        if not message.id:
            continue
        places = [path for path, _line in message.locations]
        if any(path.startswith(MERCHANT_SOURCES) for path in places):
            text = message.string if isinstance(message.string, str) else " ".join(message.string)
            found.append((str(message.id), text, places))
    return found


def test_the_merchant_screens_say_nothing_technical_in_korean() -> None:
    entries = merchant_entries()
    assert len(entries) > 100  # the screens are really covered
    bad = [(text, places[0]) for _id, text, places in entries if FORBIDDEN.search(text)]
    assert bad == []


def test_the_plain_error_sentences_are_in_the_catalog_and_plain() -> None:
    """Every sentence the code screen and the stand screen show for a fault."""
    from kiosk.i18n import set_locale, translate

    texts = {
        _id: text
        for _id, text, places in merchant_entries()
        if any(p.endswith(("plain_words.py", "stand_words.py")) for p in places)
    }
    assert len(texts) >= 12
    for english, korean in texts.items():
        assert korean and not FORBIDDEN.search(korean), english
        assert translate(english, "ko") == korean
    set_locale("en")


def test_the_forbidden_words_are_caught() -> None:
    for word in (
        "EMVCo 태그",
        "tag 63 (CRC)",
        "(U+BB3C)",
        "PNG 그림",
        "데이터베이스",
        "url",
        "통화 KRW",
    ):
        assert FORBIDDEN.search(word), word
