"""Stylesheet propagation and the palette set after the first frame change nothing anyone sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops

SCRIPT = """
import sys
from kiosk import i18n
from kiosk.app import application, build_shell
from kiosk.ui import theme

late, switch_to, out = sys.argv[1] == "late", sys.argv[2], sys.argv[3]
app = application(offscreen=True)
i18n.set_locale("ko")
theme.apply_theme(app, "ko", complete=not late)
window = build_shell("ko")
window.resize(1366, 768)
window.show()
app.processEvents()
window.grab().save(out + "-first.png")
if late:
    theme.finish_theme(app)
    app.processEvents()
window.set_locale(switch_to)
app.processEvents()
window.grab().save(out + "-switched.png")
"""


@pytest.mark.parametrize("switch_to", ["ja", "en", "zh_Hans"])
def test_late_propagation_looks_the_same(tmp_path: Path, switch_to: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for mode in ("early", "late"):
        subprocess.run(
            [sys.executable, "-c", SCRIPT, mode, switch_to, str(tmp_path / mode)],
            env=env,
            check=True,
            timeout=120,
        )
    for picture in ("first", "switched"):
        early = Image.open(tmp_path / f"early-{picture}.png").convert("RGB")
        late = Image.open(tmp_path / f"late-{picture}.png").convert("RGB")
        assert early.size == late.size
        assert ImageChops.difference(early, late).getbbox() is None, picture
