"""The kit photo's file dialog opens where phone photos land on this PC."""

from __future__ import annotations

from pathlib import Path

from kiosk.ui.widgets.kit_photo import phone_import_folders


def test_a_plugged_in_phone_comes_first_then_onedrive_pictures_and_downloads(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home" / "merchant"
    for folder in ("Pictures", "Downloads", "OneDrive/Pictures"):
        (home / folder).mkdir(parents=True)
    found = phone_import_folders(home=home, env={}, platform="linux")
    assert found == [home / "OneDrive" / "Pictures", home / "Pictures", home / "Downloads"]


def test_onedrive_from_the_environment_and_korean_folder_names(tmp_path: Path) -> None:
    home = tmp_path / "home"
    onedrive = tmp_path / "OneDrive - 물결"
    for folder in (onedrive / "사진", home / "다운로드"):
        folder.mkdir(parents=True)
    found = phone_import_folders(home=home, env={"OneDrive": str(onedrive)}, platform="win32")
    assert found == [onedrive / "사진", home / "다운로드"]


def test_nothing_there_gives_no_folder(tmp_path: Path) -> None:
    assert phone_import_folders(home=tmp_path / "nobody", env={}, platform="darwin") == []
