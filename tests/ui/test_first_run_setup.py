"""First run: a PC without settings opens the set-up; finishing writes what `setup` writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import i18n, settings, settings_file
from kiosk.domain.access import Secret
from kiosk.services.app import Services
from kiosk.ui import ops
from kiosk.ui.setup import setup_needed
from kiosk.ui.shell import Shell
from tests.ui.setup_helpers import click, fresh_pc, setup_of, setup_shell

PASSWORD = "market-office-2026"


@pytest.fixture
def alone_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    return fresh_pc(monkeypatch, tmp_path)


@pytest.fixture
def shell(qtbot: QtBot, alone_file: Path) -> Iterator[Shell]:
    yield from setup_shell(qtbot)


def test_the_set_up_shows_only_on_a_pc_without_settings(
    monkeypatch: pytest.MonkeyPatch, _own_config_folder: Path, alone_file: Path
) -> None:
    assert setup_needed() == (True, "")
    assert setup_needed("sqlite:///given.sqlite3") == (False, "")
    monkeypatch.setenv("KIOSK_DATABASE_URL", "sqlite:///env.sqlite3")
    assert setup_needed() == (False, "")
    monkeypatch.delenv("KIOSK_DATABASE_URL")
    monkeypatch.setenv("KIOSK_SKIP_SETUP", "1")  # python3 dev.py run
    assert setup_needed() == (False, "")
    monkeypatch.setenv("KIOSK_SKIP_SETUP", "0")
    assert setup_needed() == (True, "")
    monkeypatch.delenv("KIOSK_SKIP_SETUP")
    _own_config_folder.mkdir()
    (_own_config_folder / "settings.toml").write_text('role = "kiosk"\n', encoding="utf-8")
    assert setup_needed() == (False, "")


def test_this_pc_alone_as_a_tourist_kiosk(shell: Shell, alone_file: Path) -> None:
    screen = setup_of(shell)
    assert screen.where.alone.isChecked() and screen.step() == 0
    assert screen.title.text() == "이 PC 설정"
    assert screen.next_button.height() >= 48 and screen.where.alone.height() >= 48
    assert screen.where.empty.isChecked() and not screen.where.with_examples()
    click(screen.where.demo)
    assert screen.where.with_examples() and "예시 시장" in screen.where.explain.text()
    click(screen.next_button)
    assert screen.step() == 1, screen.status.text()
    assert screen.role_step.market() is not None  # the demo markets are offered
    assert screen.next_button.text() == "마치기"
    click(screen.next_button)
    found = settings.Settings.load()
    assert found.role == "kiosk"
    assert found.database_url == "sqlite:///" + alone_file.as_posix()
    assert alone_file.exists()
    assert ops.wait_idle()
    assert shell.services() is not None and shell.current_screen_name() != "first-run-setup"


def test_a_market_office_starts_its_own_market_empty(shell: Shell, alone_file: Path) -> None:
    """The default for "this PC alone": no market is made up, now or when the app opens."""
    screen = setup_of(shell)
    assert screen.where.start_box.isVisible() and screen.where.empty.isChecked()
    assert "시장 관리자" in screen.where.explain.text()
    click(screen.next_button)
    assert screen.step() == 1, screen.status.text()
    assert screen.role_step.market() is None
    assert "No markets yet" not in screen.role_step.message.text()  # said in Korean
    assert screen.role_step.message.text() == i18n.translate(
        "No markets yet: the market office adds them in Market manager.", "ko"
    )
    shell.top_language_bar().button("en").click()
    assert screen.role_step.message.text().startswith("No markets yet")
    i18n.set_locale("ko")
    click(screen.next_button)  # a tourist screen, to be filled by the office later
    assert settings.Settings.load().role == "kiosk"
    assert ops.wait_idle()
    services = shell.services()
    assert services is not None and services.directory.list_markets() == []


def test_the_server_way_hides_what_this_pc_starts_with(shell: Shell) -> None:
    screen = setup_of(shell)
    screen.where.server.setChecked(True)
    assert not screen.where.start_box.isVisible() and not screen.where.with_examples()
    screen.where.demo.setChecked(True)
    assert not screen.where.with_examples()  # examples go only into this PC's own file


def test_a_stall_pc_needs_its_stall(shell: Shell) -> None:
    screen = setup_of(shell)
    click(screen.where.demo)
    click(screen.next_button)
    click(screen.role_step.buttons["stall"])
    click(screen.next_button)
    assert "가게" in screen.role_step.message.text()
    assert not settings_file.settings_path().exists()
    screen.role_step.picker.store_box.setCurrentIndex(0)
    stall = screen.role_step.stall()
    assert stall is not None
    click(screen.next_button)
    found = settings.Settings.load()
    assert found.role == "stall"
    with Services.open() as services:
        home = services.directory.home_market()
        assert home is not None and home.stall == stall


def test_the_office_sets_the_manager_password_with_the_set_up_code(
    shell: Shell, alone_file: Path
) -> None:
    url = "sqlite:///" + alone_file.as_posix()
    alone_file.parent.mkdir(parents=True)
    with Services.open(url, seed_demo=True) as services:
        code = services.access.issue_setup_code(actor=services.access.console_actor())
    screen = setup_of(shell)
    click(screen.next_button)
    click(screen.role_step.buttons["office"])
    assert screen.next_button.text().startswith("다음")
    click(screen.next_button)
    assert screen.step() == 2 and screen.manager.is_first_use()
    screen.manager.code.setText("WRONG-CODE-0000")
    screen.manager.password.setText(PASSWORD)
    screen.manager.repeat.setText(PASSWORD)
    click(screen.next_button)
    assert screen.manager.message.text().startswith("⚠")
    assert not settings_file.settings_path().exists()  # nothing written on a refusal
    screen.manager.code.setText(code)
    screen.manager.password.setText(PASSWORD)
    screen.manager.repeat.setText(PASSWORD)
    click(screen.next_button)
    assert settings.Settings.load().role == "office"
    with Services.open(url) as services:
        services.access.sign_in_manager(password=Secret(PASSWORD))


def test_a_malformed_settings_file_is_shown_and_kept(
    qtbot: QtBot, _own_config_folder: Path, alone_file: Path
) -> None:
    _own_config_folder.mkdir()
    bad = _own_config_folder / "settings.toml"
    bad.write_text('role = "kiosk"\nidle_seconds = [\n', encoding="utf-8")
    needed, problem = setup_needed()
    assert needed and str(bad) in problem and "line 2" in problem
    for shell in setup_shell(qtbot):
        screen = setup_of(shell)
        assert screen.where.problem_box.isVisible()
        assert str(bad) in screen.where.problem.text()
        click(screen.next_button)
        assert screen.step() == 0 and screen.status.text().startswith("⚠")
        click(screen.where.start_over)
        kept = _own_config_folder / "settings.toml.bad"
        assert kept.read_text(encoding="utf-8").endswith("idle_seconds = [\n")
        assert str(kept) in screen.status.text()
        assert not screen.where.problem_box.isVisible()
        click(screen.next_button)
        click(screen.next_button)
        assert settings.Settings.load().role == "kiosk"
        assert kept.exists()


def test_the_set_up_speaks_every_language(shell: Shell) -> None:
    screen = setup_of(shell)
    shell.top_language_bar().button("en").click()
    assert screen.title.text() == "Set up this PC"
    assert screen.where.alone.text() == "This PC alone"
    i18n.set_locale("ko")
    QApplication.processEvents()
    assert screen.title.text() == "이 PC 설정"


@pytest.mark.parametrize("locale", ["ko", "en", "ja", "zh_Hans", "zh_Hant"])
def test_every_step_fits_1366x768_without_squeezing(shell: Shell, locale: str) -> None:
    """Each step's layout gets at least the height it asks for (nothing overlaps or scrolls);
    the server form's "Encrypted connection" box and result get their full width and height."""
    from kiosk.services.values import CheckLine
    from kiosk.ui.setup.words import connection_words as words
    from kiosk.ui.setup.words import problem_words

    shell.set_locale(locale)  # type: ignore[arg-type]
    screen = setup_of(shell)

    def fits() -> bool:
        QApplication.processEvents()
        return screen.steps.currentWidget().minimumSizeHint().height() <= screen.steps.height()

    screen.where.server.setChecked(True)
    box, result = screen.where.encrypted, screen.where.result
    empty = [CheckLine("schema", "warn", "empty", problem="empty")]
    for said in (problem_words("unreachable"), problem_words("no_tls"), words(empty)[1]):
        screen.where.show_result(said)
        assert fits(), said
        assert box.width() >= box.sizeHint().width() and box.height() >= box.sizeHint().height()
        assert screen.where.fields["password"].width() >= 160  # eight dots or so beside it
        needed = result.heightForWidth(result.width())
        assert result.height() >= needed, (said, result.height(), needed)
        bottom = result.mapTo(screen, result.rect().bottomLeft()).y()
        assert bottom < screen.next_button.mapTo(screen, screen.next_button.rect().topLeft()).y()
    screen.where.alone.setChecked(True)
    assert fits()
    screen.where.demo.setChecked(True)
    assert fits()
    click(screen.next_button)
    for role in ("kiosk", "stall", "office"):
        click(screen.role_step.buttons[role])
        assert fits(), role
    click(screen.next_button)
    assert screen.step() == 2 and fits()


def test_the_server_form_asks_for_an_encrypted_connection_unless_unticked(shell: Shell) -> None:
    from kiosk.ui.setup.address import server_url

    where = setup_of(shell).where
    where.server.setChecked(True)
    type_of = {"host": "192.168.0.10", "database": "market", "user": "kiosk"}
    for name, text in type_of.items():
        where.fields[name].setText(text)
    assert where.encrypted.isChecked() and where.encrypted.isVisible()
    assert where.encrypted.text() == "암호화 연결 (TLS)"
    assert server_url(where.server_fields()).endswith("/market?sslmode=require")
    click(where.encrypted)
    assert server_url(where.server_fields()) == "postgresql://kiosk@192.168.0.10:5432/market"


def test_each_check_failure_has_its_plain_words() -> None:
    from kiosk.services.values import CheckLine
    from kiosk.ui.setup.words import connection_words

    said = {}
    for problem in ("unreachable", "no_tls", "wrong_password", "no_user", "no_database",
                    "other_app", "app_too_old", "no_rights"):  # fmt: skip
        ok, words = connection_words([CheckLine("x", "fail", "detail", problem=problem)])
        assert not ok and words.startswith("⚠") and "detail" not in words
        said[problem] = words
    assert len(set(said.values())) == len(said)
    assert "시장 사무실" in said["no_tls"] and "'암호화 연결'" in said["no_tls"]
    ok, words = connection_words([CheckLine("driver", "fail", "the driver is missing")])
    assert not ok and "the driver is missing" in words
    ok, words = connection_words([CheckLine("schema", "warn", "empty", problem="empty")])
    assert ok and words.startswith("✓") and "비어" in words


def test_only_a_pc_not_set_up_fills_an_empty_database_with_the_demo(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`python3 dev.py run` (no settings) comes up with the two demo markets; a PC set up
    keeps what its set-up chose, an empty database included."""
    from kiosk import app

    monkeypatch.setattr(settings, "current", lambda: settings.Settings(role=None))
    assert app._not_set_up()
    monkeypatch.setattr(settings, "current", lambda: settings.Settings(role="office"))
    assert not app._not_set_up()


def test_the_shell_seeds_an_empty_database_only_when_told(qtbot: QtBot, alone_file: Path) -> None:
    from kiosk.app import build_shell

    url = "sqlite:///" + alone_file.as_posix()
    alone_file.parent.mkdir(parents=True)
    for seed, expected in ((False, set()), (True, {"bansong", "dongmun"})):
        shell = build_shell("ko")
        qtbot.add_widget(shell)
        shell.start_loading(url, seed_demo=seed)
        assert ops.wait_idle()
        services = shell.services()
        assert services is not None
        assert {m.slug for m in services.directory.list_markets()} == expected
        services.close()
