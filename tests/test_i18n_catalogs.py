"""The five .po catalogs are complete, keep placeholders, and match the compiled .mo files."""

from __future__ import annotations

import contextlib
import gettext
import re
import string
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from kiosk import i18n
from kiosk.domain.locales import LOCALES, LocaleCode

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "i18n" / "kiosk.pot"
FORMAT_FLAGS = ("python-format", "python-brace-format")
NPLURALS = {"ko": 1, "en": 2, "ja": 1, "zh_Hans": 1, "zh_Hant": 1}
_PERCENT = re.compile(
    r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*\d*(?:\.\d+)?(?P<kind>[diouxXeEfFgGcrsa%])"
)


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _po(locale: str) -> Path:
    return ROOT / "i18n" / locale / "LC_MESSAGES" / "kiosk.po"


def _mo(locale: str) -> Path:
    return ROOT / "kiosk" / "locale" / locale / "LC_MESSAGES" / "kiosk.mo"


def _messages(catalog: Catalog) -> Iterator[Message]:
    return (m for m in catalog if m.id)


def _ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple | list) else [message.id]


def _strings(message: Message) -> list[str]:
    if isinstance(message.string, tuple | list):
        return [s or "" for s in message.string]
    return [message.string or ""]


def placeholders(text: str, flags: Iterable[str] = FORMAT_FLAGS) -> list[str]:
    """The placeholders of *text*, sorted: %-style for ``python-format``, {}-style for
    ``python-brace-format`` (the flags Babel sets on extraction); ``%%`` and ``{{`` excluded."""
    found = []
    if "python-format" in flags:
        found += [
            f"%({m['name']}){m['kind']}" if m["name"] else f"%{m['kind']}"
            for m in _PERCENT.finditer(text)
            if m["kind"] != "%"
        ]
    if "python-brace-format" not in flags:
        return sorted(found)
    with contextlib.suppress(ValueError):  # a lone brace: not a format string
        found += [
            "{" + field + (f"!{conv}" if conv else "") + "}"
            for _, field, _spec, conv in string.Formatter().parse(text)
            if field is not None
        ]
    return sorted(found)


def test_placeholder_finder_sees_both_styles() -> None:
    assert placeholders("%(count)d stores in {market}, 100%%") == ["%(count)d", "{market}"]
    assert placeholders("{name!r}: %s") == ["%s", "{name!r}"]
    assert placeholders("no placeholders, 50% off {", ["python-brace-format"]) == []
    assert placeholders("50% off {name}", ["python-brace-format"]) == ["{name}"]
    assert placeholders("{count} of %(total)d", ["python-format"]) == ["%(total)d"]


def test_template_has_messages() -> None:
    assert len(list(_messages(_read(POT)))) > 0


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_complete(locale: str) -> None:
    template = {m.id for m in _messages(_read(POT))}
    catalog = _read(_po(locale), locale)
    have = {m.id for m in _messages(catalog)}
    assert not template - have, f"{_po(locale)} lacks {sorted(template - have)[:10]}"
    assert catalog.num_plurals == NPLURALS[locale], f"{_po(locale)}: Plural-Forms header"
    problems = []
    for message in _messages(catalog):
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        strings = _strings(message)
        expected_forms = NPLURALS[locale] if isinstance(message.id, tuple | list) else 1
        if len(strings) != expected_forms or not all(s.strip() for s in strings):
            problems.append(f"untranslated: {message.id!r}")
    assert not problems, f"{_po(locale)}:\n" + "\n".join(problems)


def test_a_missing_translation_is_reported() -> None:
    catalog = Catalog(locale="ko")
    catalog.add("Save", "")
    catalog.add(("%(n)d store", "%(n)d stores"), ("",))
    untranslated = [m.id for m in _messages(catalog) if not all(s.strip() for s in _strings(m))]
    assert untranslated == ["Save", ("%(n)d store", "%(n)d stores")]


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_are_preserved(locale: str) -> None:
    wrong = []
    template = {m.id: m.flags for m in _messages(_read(POT))}
    for message in _messages(_read(_po(locale), locale)):
        flags = template.get(message.id, set()) & set(FORMAT_FLAGS)
        wanted = placeholders(_ids(message)[-1], flags)
        for text in _strings(message):
            if text and placeholders(text, flags) != wanted:
                wrong.append(f"{message.id!r}: {text!r} has {placeholders(text)}, want {wanted}")
    assert not wrong, f"{_po(locale)}:\n" + "\n".join(wrong)


Translations = dict[tuple[str | None, object], object]


def _translations(catalog: Catalog) -> Translations:
    """(context, msgid) -> msgstr of the entries a .mo carries; plurals as tuples of forms."""
    result: Translations = {}
    for message in _messages(catalog):
        if message.fuzzy or not all(_strings(message)):
            continue  # write_mo leaves fuzzy and untranslated entries out
        key = tuple(message.id) if isinstance(message.id, tuple | list) else message.id
        value = tuple(_strings(message)) if isinstance(key, tuple) else message.string
        result[(message.context, key)] = value
    return result


def _mo_translations(path: Path) -> Translations:
    with path.open("rb") as handle:
        return _translations(read_mo(handle))


def test_translation_comparison_sees_a_stale_plural(tmp_path: Path) -> None:
    catalog = Catalog(locale="ko")
    catalog.add("Save", "저장")
    catalog.add(("%(n)d store", "%(n)d stores"), ("가게 %(n)d곳",))
    mo = tmp_path / "kiosk.mo"
    with mo.open("wb") as handle:
        write_mo(handle, catalog)
    assert _mo_translations(mo) == _translations(catalog)
    assert _mo_translations(mo)[(None, ("%(n)d store", "%(n)d stores"))] == ("가게 %(n)d곳",)
    catalog[("%(n)d store", "%(n)d stores")].string = ("점포 %(n)d곳",)
    assert _mo_translations(mo) != _translations(catalog)


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_mo_matches_po(locale: str) -> None:
    """The .mo files are build outputs (dev.py, the wheel build and build.spec compile them):
    they must carry exactly the messages of the .po, plural forms included."""
    assert _mo(locale).is_file(), f"{_mo(locale)} missing: run `python3 dev.py i18n compile`"
    expected = _translations(_read(_po(locale), locale))
    assert len(expected) == len(list(_messages(_read(_po(locale), locale))))
    assert _mo_translations(_mo(locale)) == expected, (
        f"{_mo(locale)} is out of date with {_po(locale)}: run `python3 dev.py i18n compile`"
    )
    # gettext (what kiosk.i18n loads) reads the same file and agrees, message by message
    with _mo(locale).open("rb") as handle:
        reader = gettext.GNUTranslations(handle)
    for (context, msgid), msgstr in expected.items():
        if context is None and isinstance(msgid, str):
            assert reader.gettext(msgid) == msgstr, f"{locale}: {msgid!r}"
        elif context is None and isinstance(msgid, tuple):
            assert isinstance(msgstr, tuple)
            assert reader.ngettext(msgid[0], msgid[1], 1) == msgstr[reader.plural(1)]


def _plural_message() -> Message:
    for message in _messages(_read(POT)):
        if isinstance(message.id, tuple | list):
            return message
    raise AssertionError("kiosk.pot has no ngettext() string; each language must show a plural")


@pytest.fixture
def restore_locale() -> Iterator[None]:
    before = i18n.current_locale()
    yield
    i18n.set_locale(before)


@pytest.mark.parametrize("locale", LOCALES)
def test_plural_string_renders(locale: LocaleCode, restore_locale: None) -> None:
    template = _plural_message()
    singular, plural = _ids(template)
    translated = next(m for m in _messages(_read(_po(locale), locale)) if m.id == template.id)
    forms = _strings(translated)
    i18n.set_locale(locale)
    one, many = i18n.ngettext(singular, plural, 1), i18n.ngettext(singular, plural, 5)
    if locale == "en":
        assert (one, many) == (singular, plural)
    else:
        # One plural form: both counts use msgstr[0], which is a real translation.
        assert one == many == forms[0]
        assert forms[0] not in (singular, plural)
    for count, text in ((1, one), (5, many)):
        rendered = _render(text, count, template.flags)
        assert str(count) in rendered, f"{locale}: {text!r} does not show the count"


def _render(text: str, count: int, flags: Iterable[str]) -> str:
    """Fill every placeholder of a plural string with *count*, as the UI would."""
    found = placeholders(text, flags)
    assert found, f"plural string {text!r} has no placeholder for the count"
    if any(p.startswith("{") for p in found):
        names = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        return text.format(**dict.fromkeys(names, count))
    names = {m["name"] for m in _PERCENT.finditer(text) if m["name"]}
    return text % dict.fromkeys(names, count) if names else text % count
