"""Messages as values: errors carry a code and parameters and render in the language of *now*."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import textwrap
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import kiosk.domain
from kiosk import i18n
from kiosk.domain import messages
from kiosk.domain.messages import N_, KioskError, Message, define, render
from kiosk.domain.qr.emvco import EmvcoError, build_payload, parse_payload
from kiosk.domain.qr.kakao import KakaoChannelError, parse_channel_id
from kiosk.domain.qr.payment import PaymentQrError, parse_payment_payload

ROOT = Path(__file__).resolve().parents[2]

#: Modules that define messages; importing them fills the registry.
MESSAGE_MODULES = (
    "kiosk.domain.qr.kakao",
    "kiosk.domain.qr.emvco",
    "kiosk.domain.qr.payment",
    "kiosk.data.errors",
    "kiosk.services.qr.input_error",
    "kiosk.render.atomic",
    "kiosk.render.decode",
    "kiosk.render.export",
    "kiosk.render.stands",
    "kiosk.render.verify",
    "kiosk.domain.exchange.problems",
    "kiosk.domain.onboarding.checklist_file",
    "kiosk.services.exchange.import_export",
)


@pytest.fixture(autouse=True)
def english_first() -> Iterator[None]:
    before = i18n.current_locale()
    i18n.set_locale("en")
    yield
    i18n.set_locale(before)


def _ko(template: str) -> str:
    translated = i18n.translate(template, "ko")
    assert translated != template, f"no Korean translation of {template!r}"
    return translated


def test_an_error_raised_in_english_is_shown_in_korean_after_switching() -> None:
    with pytest.raises(KakaoChannelError) as info:
        parse_channel_id("")
    error = info.value
    assert str(error) == "KakaoTalk channel ID is empty"
    assert error.code == "kakao.id_empty"
    i18n.set_locale("ko")
    assert str(error) == _ko("KakaoTalk channel ID is empty")
    i18n.set_locale("ja")
    assert str(error) == i18n.translate("KakaoTalk channel ID is empty", "ja")
    i18n.set_locale("en")
    assert str(error) == "KakaoTalk channel ID is empty"


def test_parameters_are_kept_as_values_and_formatted_when_shown() -> None:
    with pytest.raises(KakaoChannelError) as info:
        parse_channel_id("ZeUTxl")
    error = info.value
    assert error.code == "kakao.id_no_underscore"
    assert error.params == {"id": "ZeUTxl"}
    assert str(error) == "KakaoTalk channel ID 'ZeUTxl' must start with '_' (e.g. _ZeUTxl)"
    i18n.set_locale("ko")
    template = "KakaoTalk channel ID {id!r} must start with '_' (e.g. _ZeUTxl)"
    assert str(error) == _ko(template).format(id="ZeUTxl")


def test_a_nested_message_is_translated_in_the_same_language() -> None:
    with pytest.raises(PaymentQrError) as info:
        parse_payment_payload("000201010211")
    error = info.value
    assert error.code == "payment.emvco_refused"
    reason = error.params["reason"]
    assert isinstance(reason, Message) and reason.code == "emvco.crc_missing"
    assert str(error) == "EMVCo payment payload: tag 63 (CRC) is missing; it is mandatory"
    i18n.set_locale("ko")
    inner = _ko("tag 63 (CRC) is missing; it is mandatory")
    assert str(error) == _ko("EMVCo payment payload: {reason}").format(reason=inner)
    assert "tag 63 (CRC) is missing" not in str(error)


def test_a_nested_word_inside_a_structure_error_is_translated() -> None:
    with pytest.raises(EmvcoError) as info:
        parse_payload("0002010")
    assert "payload: 1 stray characters" in str(info.value)
    i18n.set_locale("zh_Hans")
    payload_word = i18n.translate("payload", "zh_Hans")
    assert payload_word != "payload"
    assert str(info.value).startswith(payload_word)


def test_service_error_nests_three_levels_and_follows_the_locale() -> None:
    from kiosk.services.qr.input_error import QrInputError
    from kiosk.services.qr.store_codes import check_payment

    with pytest.raises(QrInputError) as info:
        check_payment("000201010211")
    error = info.value
    assert error.code == "qr_input.payment_qr"
    assert error.reason == "EMVCo payment payload: tag 63 (CRC) is missing; it is mandatory"
    english = str(error)
    i18n.set_locale("ko")
    korean = str(error)
    assert korean.startswith(_ko("Zero Pay payment QR: {reason}").split("{")[0])
    assert _ko("tag 63 (CRC) is missing; it is mandatory") in korean
    assert error.reason in korean  # the reason follows the locale too
    i18n.set_locale("en")
    assert str(error) == english


def test_data_errors_carry_messages_with_extra_sentences() -> None:
    from kiosk.data.errors import DatabaseOpenError, NotFoundError, SchemaTooNewError

    missing = NotFoundError("market", "nope", ["dongmun", "bansong"])
    assert missing.code == "data.not_found.market"
    assert str(missing) == ("There is no market 'nope' in the database. Known: dongmun, bansong.")
    too_new = SchemaTooNewError("/tmp/x.sqlite3", "0042_future", "0001")
    assert too_new.code == "data.open_failed"
    assert "0042_future" in str(too_new) and str(too_new).startswith("Cannot open the database")
    plain = DatabaseOpenError("/tmp/x", "already translated reason")
    i18n.set_locale("ko")
    assert _ko("There is no market {key!r} in the database.").format(key="nope") in str(missing)
    assert _ko("Known: {known}.").format(known="dongmun, bansong") in str(missing)
    assert str(plain).endswith("already translated reason")
    assert isinstance(missing, LookupError) and isinstance(missing, KioskError)


def test_render_message_in_an_explicit_locale_does_not_change_the_current_one() -> None:
    with pytest.raises(KakaoChannelError) as info:
        parse_channel_id("")
    text = i18n.render_message(info.value.message, "zh_Hant")
    assert text == i18n.translate("KakaoTalk channel ID is empty", "zh_Hant")
    assert i18n.current_locale() == "en"
    assert i18n.render_message(info.value.message) == "KakaoTalk channel ID is empty"


@pytest.mark.parametrize(
    "broken", ["{nope}", "{0}", "{n:xyz}", "{"], ids=["unknown", "positional", "spec", "brace"]
)
def test_a_broken_translation_falls_back_to_the_english_template(broken: str) -> None:
    message = Message("test.x", "{n} stores", (("n", 3),))
    assert render(message, lambda _template: broken) == "3 stores"
    assert render(message, lambda _template: "{n} 가게") == "3 가게"


def _registry() -> dict[str, str]:
    for name in MESSAGE_MODULES:
        importlib.import_module(name)
    return dict(messages.registered())


def test_codes_are_stable_unique_and_extracted() -> None:
    registry = _registry()
    assert len(registry) >= 60
    for code in registry:
        assert re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", code), code
    assert len(set(registry.values())) == len(registry), "one template, one code"
    # Stable: these codes are part of the interface (logs, tests, the UI's choices).
    pinned = {
        "kakao.id_empty": "KakaoTalk channel ID is empty",
        "emvco.crc_missing": "tag 63 (CRC) is missing; it is mandatory",
        "payment.empty": "payment payload is empty",
        "data.stale_version": registry.get("data.stale_version"),
        "output.folder_missing": "output folder {folder} does not exist",
        "verify.nothing_decoded": "verification failed: no QR code could be decoded",
    }
    for code, template in pinned.items():
        assert registry.get(code) == template and template
    with (ROOT / "i18n" / "kiosk.pot").open("rb") as handle:
        entries = [m for m in read_po(handle) if m.id]
    extracted = {m.id for m in entries if isinstance(m.id, str)}
    plural_ids = {tuple(m.id) for m in entries if not isinstance(m.id, str)}
    plurals = messages.registered_plurals()
    assert len(plurals) >= 3
    singular = {t for code, t in registry.items() if code not in plurals}
    assert not singular - extracted, "templates Babel did not extract (N_ missing?)"
    assert set(plurals.values()) <= plural_ids, "plural pairs Babel did not extract (Nn_?)"


def test_define_refuses_a_code_or_template_that_means_two_things() -> None:
    _registry()
    assert define("kakao.id_empty", N_("KakaoTalk channel ID is empty")).code == "kakao.id_empty"
    with pytest.raises(ValueError, match="already means"):
        define("kakao.id_empty", "another text")
    with pytest.raises(ValueError, match="already has code"):
        define("kakao.other_code", "KakaoTalk channel ID is empty")


def test_every_message_has_a_translation_in_every_locale() -> None:
    registry = _registry()
    plurals = messages.registered_plurals()
    for locale in ("ko", "ja", "zh_Hans", "zh_Hant"):
        catalog = i18n._catalog(locale)
        missing = [
            t for c, t in registry.items() if c not in plurals and i18n.translate(t, locale) == t
        ]
        missing += [pair for pair in plurals.values() if catalog.ngettext(*pair, 1) in pair]
        assert not missing, f"{locale}: {missing[:5]}"


def test_a_plural_message_reads_one_problem_and_two_problems() -> None:
    from kiosk.domain.exchange.problems import MORE_PROBLEMS
    from kiosk.services.exchange.import_export import REFUSED

    def refused(count: int) -> Message:
        return REFUSED(name="a.csv", count=count, first="row 2: price is empty")

    assert i18n.render_message(refused(1), "en") == (
        "a.csv: 1 problem, nothing was imported: row 2: price is empty"
    )
    assert i18n.render_message(refused(2), "en") == (
        "a.csv: 2 problems, nothing was imported. The first: row 2: price is empty"
    )
    assert i18n.render_message(MORE_PROBLEMS(count=1), "en") == "… and 1 more problem"
    assert i18n.render_message(MORE_PROBLEMS(count=0), "en") == "… and 0 more problems"
    # Korean, Japanese and Chinese have one form for every count.
    for locale in ("ko", "ja", "zh_Hans", "zh_Hant"):
        one, two = (i18n.render_message(refused(n), locale) for n in (1, 2))
        assert one.replace("1", "2") == two and "a.csv" in one
    assert "문제가 1개" in i18n.render_message(refused(1), "ko")


def test_str_of_a_plural_message_follows_the_current_language() -> None:
    from kiosk.domain.exchange.problems import MORE_PROBLEMS
    from kiosk.services.exchange.import_export import ImportRefused

    error = ImportRefused.__new__(ImportRefused)
    KioskError.__init__(error, MORE_PROBLEMS(count=1))
    before = i18n.current_locale()
    try:
        i18n.set_locale("en")
        assert str(error) == "… and 1 more problem"
        i18n.set_locale("ko")
        assert str(error) == "… 그 밖에 문제 1개"
    finally:
        i18n.set_locale(before)


def test_plural_rendering_without_a_plural_translator_uses_the_english_rule() -> None:
    pair = ("{count} stall", "{count} stalls")
    message = messages.PluralDef("test.stalls", pair, "count")(count=1)
    assert render(message, lambda t: t) == "1 stall"
    assert render(message, lambda t: {"{count} stall": "{count} 점포"}.get(t, t)) == "1 점포"
    assert render(messages.PluralDef("test.stalls", pair, "count")(count=3), str) == "3 stalls"
    broken = render(message, str, lambda s, p, n: "{nope}")
    assert broken == "1 stall"  # a broken translation falls back to the English form


def test_define_plural_checks_its_count_and_its_code() -> None:
    _registry()
    from kiosk.domain.exchange.problems import MORE_PROBLEMS

    with pytest.raises(TypeError, match="count"):
        MORE_PROBLEMS(count="3")
    with pytest.raises(ValueError, match="already means"):
        messages.define_plural(
            "exchange.more_problems",
            messages.Nn_("… and {count} more problem", "… and {count} more errors"),
        )


def test_domain_forbids_kiosk_i18n_in_the_import_contract() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    pure = [c for c in contracts if c.get("source_modules") == ["kiosk.domain"]]
    assert pure and "kiosk.i18n" in pure[0]["forbidden_modules"]


def test_importing_the_whole_domain_does_not_load_kiosk_i18n() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import kiosk.domain
        for info in pkgutil.walk_packages(kiosk.domain.__path__, "kiosk.domain."):
            importlib.import_module(info.name)
        print("kiosk.i18n" in sys.modules, len(sys.modules) > 0)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["False", "True"]
    # The probe is honest: the same check sees kiosk.i18n when something does import it.
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, kiosk.i18n; print('kiosk.i18n' in sys.modules)"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert probe.stdout.split() == ["True"]


def test_domain_sources_do_not_mention_kiosk_i18n_imports() -> None:
    for info in pkgutil.walk_packages(kiosk.domain.__path__, "kiosk.domain."):
        module = importlib.import_module(info.name)
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) kiosk\.i18n", source, re.M), info.name


def test_emvco_notices_are_messages_rendered_when_read() -> None:
    raw = build_payload([("00", "01"), ("53", "410"), ("58", "KR"), ("59", "DEMO"), ("60", "JEJU")])
    parsed = parse_payload(raw)
    assert [n.code for n in parsed.notices] == ["emvco.mcc_missing", "emvco.no_account"]
    assert parsed.warnings[0] == "tag 52 (merchant category code) is missing"
    payload = parse_payment_payload(raw)
    english = payload.note
    i18n.set_locale("ko")
    assert payload.note != english
    assert _ko("tag 52 (merchant category code) is missing") in payload.note
