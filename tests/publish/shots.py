"""The docs' phone screenshots: a demo market published and shown by chromium at 390x844.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.publish.shots docs

writes ``publish-market-ja.png``, ``publish-stall-ja.png`` and the same in zh-Hans: the
demo market 동문재래시장 with exchange rates of today entered (JPY, CNY, TWD, USD), so
the stall page shows its approximate prices.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kiosk.publish.build import build_site
from kiosk.publish.site import read_site
from kiosk.publish.writer import publish_files
from kiosk.services.app import Services
from tests.publish.browser import browser_or_skip, chromium, serve

#: Won for one unit, as a manager might type them (realistic, not live rates).
RATES = {"JPY": "9.05", "CNY": "195.4", "TWD": "44.6", "USD": "1380"}
SHOTS = {"market": "{lang}.html", "stall": "d/a-3/{lang}.html"}
PHONES = {"ja": "ja-JP,ja", "zh-Hans": "zh-CN,zh"}
BASE = "https://market.example/dongmun/"


def publish_demo(folder: Path) -> Path:
    """The demo market 동문재래시장 published into *folder* (rates of today entered)."""
    with Services.open(f"sqlite:///{folder / 'demo.sqlite3'}", seed_demo=True) as services:
        console = services.access.console_actor()
        for currency, rate in RATES.items():
            services.rates.set_rate(actor=console, currency=currency, rate=rate)
        site = read_site(services, market_slug="dongmun", base_url=BASE)
    out = folder / "site"
    publish_files(out, build_site(site, ("ko", "en", "ja", "zh_Hans", "zh_Hant")), base_url=BASE)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files (docs)")
    args = parser.parse_args(argv)
    browser_or_skip()
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        site = publish_demo(Path(tmp))
        with serve(site) as (root, _server):
            for lang, accept in PHONES.items():
                with chromium(accept) as driver:
                    for kind, page in SHOTS.items():
                        driver.get(root + page.format(lang=lang))
                        png = args.out / f"publish-{kind}-{lang}.png"
                        png.write_bytes(driver.get_screenshot_as_png())
                        print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
