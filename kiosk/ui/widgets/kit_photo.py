"""The photo of the Zero Pay kit: the file dialog opens where phone photos usually land.

No camera in the app: the installed Qt (PySide6-Essentials) has no Qt Multimedia,
which comes only with PySide6-Addons (a much larger download). So the merchant
takes the photo with a phone and the dialog starts in the folders that phone
photos reach a PC through: a phone or camera card plugged in as a drive (its
DCIM folder), OneDrive's and the system's Pictures, and Downloads (photos sent
through a messenger). The dialog lists each existing one in its side bar.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def _phone_cards(platform: str, home: Path, env: Mapping[str, str]) -> Iterable[Path]:
    """DCIM folders of phones and camera cards mounted as folders (MTP phones on Linux too)."""
    if platform == "win32":
        for letter in "DEFGHIJKLMNOPQRSTUVWXYZ":
            yield Path(f"{letter}:/DCIM")
        return
    user = home.name
    roots = (
        [Path("/Volumes")]
        if platform == "darwin"
        else [Path("/media") / user, Path("/run/media") / user]
    )
    uid = env.get("UID") or (str(os.getuid()) if hasattr(os, "getuid") else "")
    gvfs = Path(f"/run/user/{uid}/gvfs") if uid else None
    for root in roots:
        yield from sorted(root.glob("*/DCIM")) if root.is_dir() else ()
    if gvfs is not None and gvfs.is_dir():
        yield from sorted(gvfs.glob("mtp*/*/DCIM"))


def phone_import_folders(
    *,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
) -> list[Path]:
    """Existing folders where phone photos usually are, the likeliest first."""
    home = home if home is not None else Path.home()
    env = env if env is not None else os.environ
    candidates: list[Path] = list(_phone_cards(platform, home, env))
    onedrive = env.get("OneDrive") or env.get("ONEDRIVE")
    if onedrive:
        candidates += [Path(onedrive) / "Pictures", Path(onedrive) / "사진"]
    candidates += [home / "OneDrive" / "Pictures", home / "OneDrive" / "사진"]
    candidates += [home / "Pictures" / "Camera Roll", home / "Pictures", home / "사진"]
    candidates += [home / "Downloads", home / "다운로드"]
    found: list[Path] = []
    for folder in candidates:
        try:
            if folder.is_dir() and folder not in found:
                found.append(folder)
        except OSError:  # a drive letter with no disk in it
            continue
    return found


def ask_kit_photo(parent: QWidget) -> Path | None:
    """Ask for the photo of the kit, starting in the likeliest folder; None when cancelled."""
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QFileDialog

    folders = phone_import_folders()
    dialog = QFileDialog(parent, _("Choose the photo of your Zero Pay kit"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(_("Photos") + " (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)")
    dialog.setDirectory(str(folders[0] if folders else Path.home()))
    dialog.setSidebarUrls([QUrl.fromLocalFile(str(folder)) for folder in folders])
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return None
    chosen = dialog.selectedFiles()
    return Path(chosen[0]) if chosen else None
