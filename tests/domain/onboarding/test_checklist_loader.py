"""The checklist file: the shipped one loads; each malformed kind is refused with file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.domain.locales import LOCALES
from kiosk.domain.onboarding.checklist_file import ChecklistError, parse_checklist, read_checklist
from kiosk.domain.onboarding.checklist_lines import line_index
from kiosk.domain.onboarding.status import RecordKind

SHIPPED = Path(__file__).resolve().parents[3] / "kiosk" / "data" / "checklist.toml"
REQUIRED_KEYS = {
    "kakao_channel", "kakao_message_support", "smart_place", "zero_pay", "foreign_wallets",
    "onnuri_mobile", "danggeun_profile", "instagram", "marketing_class", "online_sales",
    "qr_stand",
}  # fmt: skip


def _step(key: str = "demo_step", order: int = 10, **extra: str) -> str:
    title = "\n".join(f'title.{code} = "Title {code}"' for code in LOCALES)
    why = "\n".join(f'why.{code} = "Why {code}."' for code in LOCALES)
    lines = [
        "[[step]]",
        f'key = "{key}"',
        f"order = {order}",
        'records = "none"',
        "minutes = 10",
        'url = "https://example.org/start"',
        title,
        why,
    ]
    lines += [f"{name} = {value}" for name, value in extra.items()]
    return "\n".join(lines) + "\n"


def _file(*steps: str) -> str:
    return "schema = 1\n\n" + "\n".join(steps)


def _refused(text: str) -> ChecklistError:
    with pytest.raises(ChecklistError) as caught:
        parse_checklist(text, source="market.toml")
    return caught.value


def _line(text: str, pattern: str, nth: int = 0) -> int:
    numbers = [i for i, line in enumerate(text.splitlines(), 1) if re.search(pattern, line)]
    return numbers[nth]


def test_shipped_checklist_loads_with_every_required_step() -> None:
    checklist = read_checklist(SHIPPED.read_bytes(), source=str(SHIPPED))
    assert set(checklist.step_keys()) >= REQUIRED_KEYS
    assert [s.order for s in checklist.steps] == sorted(s.order for s in checklist.steps)
    zero_pay = checklist.get("zero_pay")
    assert zero_pay is not None and zero_pay.records is RecordKind.PAYMENT_QR
    documents = [d.get("en") for d in zero_pay.documents]
    assert documents == [
        "Business registration certificate",
        "Representative's ID card",
        "Copy of the bankbook",
    ]
    for step in checklist.steps:
        for code in LOCALES:
            assert step.title.has(code) and step.why.has(code), (step.key, code)
            assert all(s.has(code) for s in step.substeps)
        assert step.minutes > 0 and step.programme is not None
        assert step.url == "" or step.url.startswith("https://")
    kinds = {s.key: s.records for s in checklist.steps}
    assert kinds["kakao_channel"] is RecordKind.KAKAO_CHANNEL
    assert kinds["smart_place"] is RecordKind.SMART_PLACE
    assert kinds["instagram"] is RecordKind.INSTAGRAM
    assert kinds["danggeun_profile"] is RecordKind.DANGGEUN


def test_a_small_good_file_loads_in_order() -> None:
    text = _file(_step("second", 20), _step("first", 10))
    checklist = parse_checklist(text, source="market.toml")
    assert checklist.step_keys() == ["first", "second"]
    assert checklist.source == "market.toml"


def test_syntax_error_names_file_and_line() -> None:
    text = _file(_step()) + 'broken = "no end\n'
    error = _refused(text)
    assert error.file == "market.toml"
    assert error.line == _line(text, "^broken")
    assert str(error).startswith(f"checklist market.toml, line {error.line}: not valid TOML")


def test_missing_locale_names_the_title_line() -> None:
    text = _file(_step()).replace('title.ja = "Title ja"\n', "")
    error = _refused(text)
    assert error.line == _line(text, r"^title\.ko")
    assert "title: the ja text is missing" in str(error)


def test_empty_text_is_refused_at_its_line() -> None:
    text = _file(_step()).replace('why.en = "Why en."', 'why.en = "  "')
    error = _refused(text)
    assert error.line == _line(text, r"^why\.en")
    assert "the en text is empty" in str(error)


def test_duplicate_key_names_the_second_and_the_first_line() -> None:
    text = _file(_step("same", 10), _step("same", 20))
    error = _refused(text)
    first, second = _line(text, 'key = "same"', 0), _line(text, 'key = "same"', 1)
    assert error.line == second
    assert f"duplicate step key 'same' (first used at line {first})" in str(error)


def test_duplicate_order_is_refused() -> None:
    text = _file(_step("one", 10), _step("two", 10))
    error = _refused(text)
    assert error.line == _line(text, "order = 10", 1)
    assert "step order 10 is used twice" in str(error)


def test_unknown_field_is_refused_at_its_line() -> None:
    text = _file(_step(tittle='"typo"'))
    error = _refused(text)
    assert error.line == _line(text, "^tittle")
    assert "unknown field 'tittle'" in str(error)


def test_unknown_top_level_field_and_locale() -> None:
    text = "colour = 3\n" + _file(_step())
    assert "unknown field 'colour'" in str(_refused(text))
    text = _file(_step()) + 'title.fr = "Titre"\n'
    error = _refused(text)
    assert error.line == _line(text, r"^title\.fr")
    assert "unknown field 'fr'" in str(error)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://example.org/", "it must start with https://"),
        ("https://user@example.org/", "no user-info or port is allowed"),
        ("https://example.org:8443/", "no user-info or port is allowed"),
        ("https://exa mple.org/", "only plain ASCII without spaces is allowed"),
        ("https://localhost/", "it has no host name"),
        ("javascript:alert(1)", "it must start with https://"),
    ],
)
def test_bad_url_is_refused_with_the_reason(url: str, reason: str) -> None:
    text = _file(_step()).replace('url = "https://example.org/start"', f'url = "{url}"')
    error = _refused(text)
    assert error.line == _line(text, "^url")
    assert f"bad URL {url!r}: {reason}" in str(error)


def test_missing_required_field_and_wrong_types() -> None:
    text = _file(_step()).replace("minutes = 10\n", "")
    error = _refused(text)
    assert error.line == _line(text, r"^\[\[step\]\]")
    assert "missing field 'minutes'" in str(error)
    text = _file(_step()).replace("order = 10", 'order = "ten"')
    assert "order must be a whole number" in str(_refused(text))
    text = _file(_step()).replace('records = "none"', 'records = "fax"')
    assert "records 'fax' is not one of" in str(_refused(text))


def test_unknown_programme_and_bad_substep_are_refused() -> None:
    text = _file(_step(programme='"nowhere"'))
    assert "unknown programme 'nowhere'" in str(_refused(text))
    sub = "[[step.substep]]\nko = '하나'\nen = 'One'\n"
    text = _file(_step()) + sub
    error = _refused(text)
    assert error.line == _line(text, r"^\[\[step\.substep\]\]")
    assert "substep: the ja text is missing" in str(error)


def test_not_utf8_and_empty_file_are_refused() -> None:
    error = None
    with pytest.raises(ChecklistError) as caught:
        read_checklist(b"schema = 1\n# \xff\xfe\n", source="x.toml")
    error = caught.value
    assert error.line == 2 and "not UTF-8" in str(error)
    assert "the checklist has no steps" in str(_refused("schema = 1\n"))
    assert "schema 2 is not supported" in str(
        _refused(_file(_step()).replace("schema = 1", "schema = 2"))
    )


def test_all_problems_are_kept_and_counted() -> None:
    text = _file(_step(tittle='"a"'), _step("demo_step", 20))
    error = _refused(text)
    assert len(error.problems) == 2
    assert "(1 more problem in the same file)" in str(error)


def test_line_index_of_the_shipped_file() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    index = line_index(text)
    line = index[("step", 2, "document", 1, "en")]
    assert text.splitlines()[line - 1] == 'en = "Representative\'s ID card"'
