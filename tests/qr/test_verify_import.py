"""zxing-cpp is loaded by the first QR check, not by importing the screens that show codes."""

from __future__ import annotations

from tests.factories.fresh_python import python_output

_CODE = """
import sys
from kiosk.render import verify
from kiosk.render.qr import QrSpec
assert "zxingcpp" not in sys.modules, "imported with the module"
checked = verify.render_verified(QrSpec(text="https://example.org/a-1"))
assert checked.text == "https://example.org/a-1" and checked.ec_level
assert "zxingcpp" in sys.modules
print("ok")
"""


def test_zxing_is_imported_by_the_first_check_and_the_check_still_decodes() -> None:
    assert python_output(_CODE) == "ok"
