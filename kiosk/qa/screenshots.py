"""Write one PNG per screen, language and size (``tourist-directory_dongmun_ja_1920x1080.png``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.domain.locales import LOCALES, LocaleCode
from kiosk.qa.tour import SIZES, tour_window, walk
from kiosk.render.output import write_png
from kiosk.ui.shell import Shell


def write_screenshots(
    out_dir: Path,
    *,
    make_shell: Callable[[LocaleCode], Shell],
    database_url: str | None = None,
    sizes: Sequence[tuple[int, int]] = SIZES,
    locales: Sequence[LocaleCode] = LOCALES,
) -> int:
    """Render every screen into *out_dir* (created); return the number of PNG files written.

    Raises OSError (OutputPathError) naming the file and the cause (full disk, no
    permission, ...) when a PNG cannot be written; the files already written stay.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    with tour_window(database_url, make_shell) as window:
        for shot in walk(window, sizes=sizes, locales=locales):
            # The one writer: temp file, every write checked, fsync, reloaded, then replaced.
            write_png(out_dir / shot.filename, window.grab())
            written += 1
    return written
