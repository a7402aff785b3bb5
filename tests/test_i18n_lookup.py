"""The compiled catalogs are looked up on demand and answer exactly as GNUTranslations does."""

from __future__ import annotations

import gettext
import io
import struct

import pytest

from kiosk import i18n
from kiosk.domain.locales import LOCALES


def _standard(locale: str) -> gettext.GNUTranslations:
    with (i18n.LOCALE_DIR / locale / "LC_MESSAGES" / "kiosk.mo").open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _looked_up(locale: str) -> i18n._Catalog:
    with (i18n.LOCALE_DIR / locale / "LC_MESSAGES" / "kiosk.mo").open("rb") as handle:
        return i18n._Catalog(handle)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_reads_as_gettext_reads_it(locale: str) -> None:
    standard, looked_up = _standard(locale), _looked_up(locale)
    assert looked_up.info() == standard.info()
    assert looked_up.charset() == standard.charset()
    messages = [key for key in standard._catalog if isinstance(key, str)]  # type: ignore[attr-defined]
    assert len(messages) > 1000
    for message in messages:
        assert looked_up.gettext(message) == standard.gettext(message), message
    assert looked_up._catalog._all is None  # nothing was decoded whole
    assert looked_up.gettext("not in any catalog") == "not in any catalog"


@pytest.mark.parametrize("locale", LOCALES)
def test_plural_messages_read_as_gettext_reads_them(locale: str) -> None:
    standard, looked_up = _standard(locale), _looked_up(locale)
    plurals = {key[0] for key in standard._catalog if isinstance(key, tuple)}  # type: ignore[attr-defined]
    assert plurals
    for singular in plurals:
        for count in (0, 1, 2, 5, 21):
            plural = singular + " (plural)"
            assert looked_up.ngettext(singular, plural, count) == standard.ngettext(
                singular, plural, count
            )


def test_a_table_out_of_order_still_finds_every_message() -> None:
    """The search relies on the sorted table the format promises; a file that breaks the
    promise is decoded whole on the first miss, so no message is lost."""
    entries = sorted({"": "Content-Type: text/plain; charset=UTF-8\n", "b": "B", "a": "A"}.items())
    entries = [entries[0], entries[2], entries[1]]  # "b" before "a"
    count = len(entries)
    originals, translations = 28, 28 + 8 * count
    offset = translations + 8 * count
    tables, blob = [b"", b""], b""
    for column, texts in enumerate(([k for k, _ in entries], [v for _, v in entries])):
        for text in texts:
            data = text.encode()
            tables[column] += struct.pack("<II", len(data), offset + len(blob))
            blob += data + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, count, originals, translations, 0, 0)
    catalog = i18n._Catalog(io.BytesIO(head + tables[0] + tables[1] + blob))
    assert [catalog.gettext(key) for key in ("a", "b", "c")] == ["A", "B", "c"]
