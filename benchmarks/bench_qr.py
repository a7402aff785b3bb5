"""QR benchmark: build+render+verify one KakaoTalk QR, and `qr stands` for 300 stores (A6).

Run: .venv/bin/python benchmarks/bench_qr.py [--runs N] [--stores N]
Goals (issue 3): render+verify median well under 50 ms; 300 stands under 30 s.
The encode step is compared with Debian's C encoder ``qrencode`` when it is installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The synthetic-market factory is test support (tests/factories), not shipped code.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

URL_TEMPLATE = "https://pf.kakao.com/_Bench{:04d}/friend"


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_one_code(runs: int) -> None:
    from kiosk.render.qr import build_matrix, kakao_spec
    from kiosk.render.verify import render_verified

    total: list[float] = []
    encode: list[float] = []
    for i in range(runs):
        spec = kakao_spec(URL_TEMPLATE.format(i))  # distinct text: no cache hits
        start = time.perf_counter()
        render_verified(spec)
        total.append(time.perf_counter() - start)
    for i in range(runs):
        spec = kakao_spec(URL_TEMPLATE.format(i + runs))
        start = time.perf_counter()
        build_matrix(spec)
        encode.append(time.perf_counter() - start)
    print(
        f"kakao QR build+render+verify: median {_median_ms(total):.1f} ms "
        f"(min {min(total) * 1000:.1f}, max {max(total) * 1000:.1f}, n={runs}); goal < 50 ms"
    )
    ours = _median_ms(encode)
    print(f"encode step (python qrcode, level H): median {ours:.2f} ms")
    qrencode = shutil.which("qrencode")
    if qrencode is None:
        print("qrencode: NOT INSTALLED (apt-get install -y qrencode) - no ratio computed")
        return
    samples: list[float] = []
    for i in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [qrencode, "-l", "H", "-t", "ASCII", "-o", "-", URL_TEMPLATE.format(i)],
            check=True,
            capture_output=True,
        )
        samples.append(time.perf_counter() - start)
    theirs = _median_ms(samples)
    print(
        f"encode step (qrencode C, level H, incl. process start): median {theirs:.2f} ms; "
        f"ratio ours/qrencode = {ours / theirs:.2f}"
    )


def bench_stands(stores: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        from factories.markets import generate_market  # tests/ is on sys.path (above)

        from kiosk.data.db import Database

        db = Database.open(url)
        try:
            generate_market(db, slug="bench", stores=stores)
        finally:
            db.close()
        out = Path(tmp) / "stands.pdf"
        env = dict(os.environ, KIOSK_DATABASE_URL=url)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "qr", "stands", "--market", "bench", "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            print(f"qr stands FAILED ({done.returncode}): {done.stderr.strip()}")
            return
        pages = done.stdout.strip().splitlines()[-1]
        print(
            f"qr stands, {stores} generated stores (A6): {elapsed:.2f} s wall incl. process "
            f"start; {pages}; {out.stat().st_size / 1e6:.1f} MB; goal < 30 s"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--stores", type=int, default=300)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    bench_one_code(args.runs)
    bench_stands(args.stores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
