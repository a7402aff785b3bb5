#!/usr/bin/env python3
"""Developer entry point: ``python3 dev.py run|test|i18n|build|bench|lock`` (standard library only).

It runs before any virtual environment exists, so it may import nothing but the
standard library. Every command first makes sure that ``.venv`` exists, that it holds
exactly the versions pinned (with their hashes) in ``requirements/lock.txt``, that the
project is installed in it (editable) and, on Debian/Ubuntu, that the system libraries
Qt needs are installed. A stamp file in ``.venv`` skips the ``pip install`` while
``pyproject.toml``, ``setup.py`` and the lock are unchanged; ``lock`` refreshes the lock
from ``pyproject.toml`` with uv, in a tool environment of its own (``.venv-lock``). The
compiled catalogs (``kiosk/locale/*/LC_MESSAGES/kiosk.mo``) are build outputs, not
in git: run, test, build, bench and i18n compile them from ``i18n/*/LC_MESSAGES/kiosk.po``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".market-kiosk-install.json"
#: Exact versions and hashes of every dependency, extra and build requirement, for Linux,
#: Windows and macOS on every Python the project supports (written by ``dev.py lock``).
LOCK = ROOT / "requirements" / "lock.txt"
#: Where ``dev.py lock`` keeps the resolver, and which release of it writes the lock.
LOCK_VENV = ROOT / ".venv-lock"
LOCK_TOOL = "uv==0.13.9"
LOCK_COMMAND = "python3 dev.py lock"
WINDOWS = os.name == "nt"

#: Shared libraries the PySide6 wheels link against on Linux (found with ldd over
#: QtCore/QtGui/QtWidgets/QtSvg and the xcb, wayland and offscreen platform plugins
#: of PySide6 6.11 on Debian 12, then mapped to packages with ``dpkg -S``).
QT_DEBS: tuple[str, ...] = (
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libwayland-client0",
)
#: Extra tools the test suite uses: pdftoppm renders printed PDFs, qrencode is a
#: second, independent QR encoder for cross-checks (tests skip it when missing);
#: chromium and its driver open the published site (tests skip them when missing).
TEST_DEBS: tuple[str, ...] = ("poppler-utils", "qrencode", "chromium", "chromium-driver")
#: PyInstaller reads ELF headers with objdump (binutils) on Linux.
BUILD_DEBS: tuple[str, ...] = ("binutils",)

_apt_updated = False


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def venv_bin(name: str, venv: Path = VENV) -> Path:
    """Path of an executable inside *venv* (``Scripts\\name.exe`` on Windows)."""
    if WINDOWS:
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


def venv_python() -> Path:
    return venv_bin("python")


def run(cmd: Sequence[str | os.PathLike[str]], *, env: dict[str, str] | None = None) -> int:
    """Run *cmd* from the repository root, echoing it; return its exit code."""
    say("$ " + " ".join(str(part) for part in cmd))
    return subprocess.call([str(part) for part in cmd], cwd=ROOT, env=env)


def check(cmd: Sequence[str | os.PathLike[str]], *, env: dict[str, str] | None = None) -> None:
    code = run(cmd, env=env)
    if code != 0:
        raise SystemExit(f"[dev] failed with exit code {code}: {' '.join(map(str, cmd))}")


# --- system packages (Debian/Ubuntu) ------------------------------------------------------


def _is_debian() -> bool:
    return (
        sys.platform.startswith("linux")
        and Path("/etc/debian_version").exists()
        and shutil.which("apt-get") is not None
        and shutil.which("dpkg-query") is not None
    )


def _root_prefix() -> list[str] | None:
    """``[]`` as root, ``["sudo"]`` when sudo exists, ``None`` when we cannot install."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        return ["sudo"]
    return None


def _missing_debs(packages: Sequence[str]) -> list[str]:
    """Packages not installed; Ubuntu 24.04 renamed some libraries ``<name>t64``."""
    names = [*packages, *(f"{p}t64" for p in packages)]
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\\n", *names],
        capture_output=True,
        text=True,
        check=False,
    )
    installed = {
        line.split()[0] for line in result.stdout.splitlines() if line.endswith(" installed")
    }
    return [p for p in packages if p not in installed and f"{p}t64" not in installed]


def ensure_debs(packages: Sequence[str], *, why: str) -> None:
    """Install the missing Debian packages (``apt-get update`` once per run first)."""
    global _apt_updated
    if not _is_debian():
        return
    missing = _missing_debs(packages)
    if not missing:
        return
    prefix = _root_prefix()
    if prefix is None:
        say(f"missing system packages for {why}: {' '.join(missing)}")
        say(f"install them as root: apt-get install {' '.join(missing)}")
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if not _apt_updated:
        check([*prefix, "apt-get", "update"], env=env)
        _apt_updated = True
    check([*prefix, "apt-get", "install", "-y", "--no-install-recommends", *missing], env=env)


# --- virtual environment and project install ---------------------------------------------


def ensure_venv(venv: Path = VENV) -> None:
    if venv_bin("python", venv).exists():
        return
    if (
        _is_debian()
        and subprocess.call([sys.executable, "-c", "import ensurepip"], stderr=subprocess.DEVNULL)
        != 0
    ):
        ensure_debs([f"python3.{sys.version_info.minor}-venv"], why="creating .venv")
    say(f"creating {venv} with Python {sys.version.split()[0]}")
    check([sys.executable, "-m", "venv", str(venv)])


def _stamp_wanted() -> dict[str, object]:
    hasher = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", ROOT / "setup.py", LOCK):
        hasher.update(path.name.encode() + b"\0" + path.read_bytes())
    return {"inputs_sha256": hasher.hexdigest(), "mode": "lock+compat"}


def install_commands(python: Path) -> list[list[str]]:
    """The two ``pip install`` runs that put the lock and then the project into a venv.

    The lock goes in first, hash-checked (pip refuses any file whose sha256 is not in
    the lock, and any dependency the lock lacks). The project follows without
    dependencies and without build isolation, so its build (setuptools, Babel) uses
    the locked versions just installed instead of fetching unpinned ones. "compat"
    editable mode puts the checkout on sys.path with a plain .pth file; the default
    mode installs an import finder that costs ~14 ms at every start.
    """
    pip = [str(python), "-m", "pip", "install", "--no-input"]
    editable = ["--config-settings", "editable_mode=compat", "-e", str(ROOT)]
    return [
        [*pip, "--require-hashes", "-r", str(LOCK)],
        [*pip, "--no-deps", "--no-build-isolation", *editable],
    ]


def ensure_installed() -> None:
    """Install the lock and the project (editable) unless the stamp says it is done."""
    ensure_venv()
    wanted = _stamp_wanted()
    try:
        have = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        have = {}
    if have == wanted:
        return
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    for cmd in install_commands(venv_python()):
        check(cmd, env=env)
    STAMP.write_text(json.dumps(wanted), encoding="utf-8")


def compile_catalogs() -> None:
    """Compile i18n/<locale>/LC_MESSAGES/kiosk.po into kiosk/locale (build outputs, not in git)."""
    check([venv_python(), ROOT / "i18n" / "catalogs.py", "compile"])


def setup(*, debs: Sequence[str] = ()) -> None:
    ensure_debs([*QT_DEBS, *debs], why="Qt and the tools")
    ensure_installed()
    compile_catalogs()


def _qt_env() -> dict[str, str]:
    """Environment for headless Qt: offscreen unless a display is there."""
    env = dict(os.environ)
    if (
        not WINDOWS
        and sys.platform != "darwin"
        and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    ):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


# --- commands ------------------------------------------------------------------------------


def cmd_run(args: list[str]) -> int:
    setup()
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        say(
            "no DISPLAY or WAYLAND_DISPLAY: the window needs a desktop session "
            "(QT_QPA_PLATFORM=offscreen runs it invisibly)"
        )
    script = venv_bin("market-kiosk")
    cmd = [script] if script.exists() else [venv_python(), "-m", "kiosk"]
    # A checkout runs on the SQLite default with the demo markets, without the first-run
    # set-up an installed shop PC shows (KIOSK_SKIP_SETUP=0 shows it).
    env = dict(os.environ)
    env.setdefault("KIOSK_SKIP_SETUP", "1")
    return run([*cmd, *args], env=env)


def cmd_test(args: list[str]) -> int:
    setup(debs=TEST_DEBS)
    env = _qt_env()
    steps: list[tuple[str, list[str | os.PathLike[str]]]] = [
        ("ruff", [venv_bin("ruff"), "check", "."]),
        ("ruff format", [venv_bin("ruff"), "format", "--check", "."]),
        ("mypy", [venv_bin("mypy")]),
        ("lint-imports", [venv_bin("lint-imports")]),
        ("pytest", [venv_python(), "-m", "pytest", *args]),
    ]
    results: list[tuple[str, int, float]] = []
    for name, cmd in steps:
        start = time.monotonic()
        code = run(cmd, env=env)
        results.append((name, code, time.monotonic() - start))
    print("\n[dev] summary", flush=True)
    for name, code, seconds in results:
        verdict = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"[dev]   {name:<13} {verdict:<18} {seconds:6.1f} s", flush=True)
    failed = [name for name, code, _ in results if code != 0]
    print("[dev] all checks passed" if not failed else f"[dev] failed: {', '.join(failed)}")
    return 1 if failed else 0


def cmd_i18n(args: list[str]) -> int:
    ensure_installed()
    command = args or ["all"]
    code = run([venv_python(), ROOT / "i18n" / "catalogs.py", *command])
    if code == 0 and command[0] not in {"compile", "all"}:
        compile_catalogs()  # the app reads the .mo files: keep them in step with the .po
    return code


def frozen_executable(*, cli: bool = False) -> Path:
    """The built GUI executable (windowed on Windows), or with *cli* the console one."""
    name = "market-kiosk-cli" if cli else "market-kiosk"
    return ROOT / "dist" / "market-kiosk" / (name + (".exe" if WINDOWS else ""))


def cmd_build(args: list[str]) -> int:
    setup(debs=BUILD_DEBS)
    check([venv_python(), "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec", *args])
    missing = [
        exe for exe in (frozen_executable(), frozen_executable(cli=True)) if not exe.exists()
    ]
    if missing:
        say(f"build produced no {missing[0]}")
        return 1
    # The console executable: a windowed one has no standard output on Windows.
    exe = frozen_executable(cli=True)
    code = run([exe, "self-test"], env=_qt_env())
    say(f"frozen self-test {'passed' if code == 0 else f'FAILED (exit {code})'}: {exe}")
    return code


def cmd_bench(args: list[str]) -> int:
    setup()
    return run([venv_python(), ROOT / "benchmarks" / "bench_startup.py", *args], env=_qt_env())


def _pyproject() -> dict[str, Any]:
    import tomllib  # Python 3.11+: imported here so that 3.10 gets main()'s message

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def lock_compile_command(uv: Path, args: Sequence[str]) -> list[str]:
    """``uv pip compile`` over pyproject.toml (every extra) plus the build requirements.

    ``--universal`` writes one file for every platform and supported Python (markers
    where they differ); the pins already in the lock are kept unless *args* ask for
    ``--upgrade`` or ``--upgrade-package NAME``.
    """
    oldest = _pyproject()["project"]["requires-python"].removeprefix(">=")
    return [
        str(uv),
        "pip",
        "compile",
        "pyproject.toml",
        "-",  # standard input: [build-system] requires, see cmd_lock
        "--all-extras",
        "--universal",
        "--generate-hashes",
        "--python-version",
        oldest,
        "--custom-compile-command",
        LOCK_COMMAND,
        "--output-file",
        LOCK.relative_to(ROOT).as_posix(),
        *args,
    ]


def cmd_lock(args: list[str]) -> int:
    """Refresh requirements/lock.txt (extra arguments go to ``uv pip compile``)."""
    ensure_venv(LOCK_VENV)
    python = venv_bin("python", LOCK_VENV)
    check([python, "-m", "pip", "install", "--quiet", "--no-input", LOCK_TOOL])
    build_requires = "".join(f"{r}\n" for r in _pyproject()["build-system"]["requires"])
    cmd = lock_compile_command(venv_bin("uv", LOCK_VENV), args)
    say("$ " + " ".join(cmd) + " < [build-system] requires")
    # uv also prints the whole lock on standard output: only its messages (stderr) are shown.
    result = subprocess.run(
        cmd, cwd=ROOT, input=build_requires, text=True, stdout=subprocess.DEVNULL, check=False
    )
    if result.returncode == 0:
        say(f"wrote {LOCK.relative_to(ROOT)}; the next dev.py command installs from it")
    return result.returncode


COMMANDS = {
    "run": (cmd_run, "set up .venv and start the app (extra arguments go to market-kiosk)"),
    "test": (
        cmd_test,
        "set up, then ruff (check, format), mypy, lint-imports, pytest (extra args: pytest)",
    ),
    "i18n": (cmd_i18n, "extract kiosk.pot, update the .po files, compile the .mo files"),
    "build": (cmd_build, "PyInstaller one-folder build (build.spec), then its self-test"),
    "bench": (cmd_bench, "start-up benchmark: market-kiosk against a bare PySide6 window"),
    "lock": (
        cmd_lock,
        "refresh requirements/lock.txt from pyproject.toml (args: uv pip compile, e.g. --upgrade)",
    ),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dev.py",
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog="\n".join(f"  {name:<6} {help_}" for name, (_, help_) in COMMANDS.items()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on to the tool")
    ns = parser.parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is
        parser.error(f"Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    handler = COMMANDS[ns.command][0]
    return handler(list(ns.args))


if __name__ == "__main__":
    sys.exit(main())
