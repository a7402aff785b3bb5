"""The package installs and starts: entry points, shipped data files, dependency pins, the lock."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import kiosk

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCALES = ("ko", "en", "ja", "zh_Hans", "zh_Hant")
LOCK = ROOT / "requirements" / "lock.txt"
#: Where the lock must install: CI and developers (Linux), the shop PCs (Windows), macOS,
#: on every Python from the oldest supported one up.
PLATFORMS = (
    {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
)
ENVIRONMENTS = [
    {
        **platform,
        "python_version": python,
        "python_full_version": f"{python}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "platform_machine": "x86_64",
    }
    for platform in PLATFORMS
    for python in ("3.11", "3.12", "3.13")
]


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)


def _console_script() -> str:
    folder = Path(sys.executable).parent
    for candidate in (folder / "market-kiosk", folder / "market-kiosk.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("market-kiosk")
    assert found, f"market-kiosk console script not installed next to {sys.executable}"
    return found


def test_python_m_kiosk_help() -> None:
    result = _run([sys.executable, "-m", "kiosk", "--help"])
    assert result.returncode == 0, result.stderr
    assert "usage: market-kiosk" in result.stdout
    assert "self-test" in result.stdout


def test_console_script_help_and_version() -> None:
    result = _run([_console_script(), "--help"])
    assert result.returncode == 0, result.stderr
    assert "usage: market-kiosk" in result.stdout
    version = _run([_console_script(), "--version"])
    assert version.returncode == 0, version.stderr
    assert version.stdout.split() == ["market-kiosk", kiosk.__version__]


def test_unknown_option_exits_2_and_names_it() -> None:
    result = _run([sys.executable, "-m", "kiosk", "--no-such-option"])
    assert result.returncode == 2
    assert "--no-such-option" in result.stderr


def test_version_matches_pyproject() -> None:
    assert PYPROJECT["project"]["version"] == kiosk.__version__


def test_every_dependency_has_a_lower_bound() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    texts = [*PYPROJECT["project"]["dependencies"], *(d for deps in extras.values() for d in deps)]
    unbounded = [
        t
        for t in texts
        if not any(s.operator in (">=", "==", "~=", ">") for s in Requirement(t).specifier)
    ]
    assert not unbounded, f"dependencies without a minimum version: {unbounded}"


def _project_requirements() -> list[Requirement]:
    extras = PYPROJECT["project"]["optional-dependencies"]
    texts = [*PYPROJECT["project"]["dependencies"], *(d for deps in extras.values() for d in deps)]
    return [Requirement(t) for t in texts]


def test_every_dependency_is_capped_below_its_next_major_release() -> None:
    uncapped = [
        str(r)
        for r in _project_requirements()
        if not any(s.operator in ("<", "==", "~=") for s in r.specifier)
    ]
    assert not uncapped, f"dependencies without an upper bound: {uncapped}"


def _lock_entries() -> list[tuple[Requirement, list[str]]]:
    """(requirement, hashes) for every entry of requirements/lock.txt."""
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))  # continuation lines
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        requirement, *hashes = line.split(" --hash=")
        entries.append((Requirement(requirement), [h.strip() for h in hashes]))
    return entries


def test_every_lock_entry_is_an_exact_version_with_hashes() -> None:
    entries = _lock_entries()
    assert len(entries) > 20, f"{LOCK} looks empty"
    for requirement, hashes in entries:
        (spec,) = requirement.specifier  # exactly one version specifier
        assert spec.operator == "==" and "*" not in spec.version, requirement
        assert not requirement.url and not requirement.extras, requirement
        assert hashes, f"{requirement} has no --hash in {LOCK.name}"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), requirement


def _locked_in(environment: dict[str, str]) -> dict[str, str]:
    """Name -> pinned version of the lock entries that apply in *environment*."""
    pins: dict[str, str] = {}
    for requirement, _ in _lock_entries():
        if requirement.marker is None or requirement.marker.evaluate(environment):
            name = canonicalize_name(requirement.name)
            assert name not in pins, f"{name} pinned twice for {environment}"
            pins[name] = next(iter(requirement.specifier)).version
    return pins


@pytest.mark.parametrize(
    "environment",
    ENVIRONMENTS,
    ids=[f"{e['sys_platform']}-py{e['python_version']}" for e in ENVIRONMENTS],
)
def test_lock_pins_every_dependency_of_pyproject(environment: dict[str, str]) -> None:
    """Runtime, every extra and the build requirements: a dependency the lock lacks fails."""
    build = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    pins = _locked_in(environment)
    missing, outside = [], []
    for requirement in [*_project_requirements(), *build]:
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None:
            missing.append(str(requirement))
        elif not requirement.specifier.contains(pinned, prereleases=True):
            outside.append(f"{requirement} (locked: {pinned})")
    advice = "run `python3 dev.py lock`"
    assert not missing, f"not in {LOCK.name}: {missing}; {advice}"
    assert not outside, f"locked outside pyproject's range: {outside}; {advice}"


def test_the_running_environment_has_the_locked_versions() -> None:
    """dev.py installs the lock: the tools and libraries under test are the pinned ones."""
    pins = _locked_in({})  # {}: this interpreter's own environment
    differ = []
    for requirement in _project_requirements():
        name = canonicalize_name(requirement.name)
        try:
            have = installed_version(name)
        except PackageNotFoundError:
            continue  # an extra this environment does not need (pyinstaller outside builds)
        if name in pins and have != pins[name]:
            differ.append(f"{name} {have} (locked: {pins[name]})")
    assert not differ, f"installed versions differ from {LOCK.name}: {differ}"


def _dev_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_py", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_py_installs_from_the_lock_with_hashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = _dev_py()
    assert dev.LOCK == LOCK
    locked, project = dev.install_commands(Path("python"))
    assert locked[-3:] == ["--require-hashes", "-r", str(LOCK)]
    assert {"--no-deps", "--no-build-isolation", "-e"} <= set(project)
    assert "editable_mode=compat" in project
    # the install stamp follows the lock: a refreshed lock reinstalls
    lock = tmp_path / "lock.txt"
    lock.write_bytes(LOCK.read_bytes())
    monkeypatch.setattr(dev, "LOCK", lock)
    before = dev._stamp_wanted()
    lock.write_bytes(LOCK.read_bytes() + b"\n")
    assert dev._stamp_wanted() != before
    assert LOCK.read_text(encoding="utf-8").splitlines()[1].lstrip("# ") == dev.LOCK_COMMAND


def test_requires_python_and_entry_point() -> None:
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    assert PYPROJECT["project"]["scripts"] == {"market-kiosk": "kiosk.cli:main"}


def _can_build_offline() -> bool:
    """True when this environment can build the wheel itself (else pip fetches setuptools)."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    from importlib.metadata import version

    from packaging.version import Version

    # setuptools >= 70.1 builds wheels itself; older ones need the separate "wheel" package.
    return (
        Version(version("setuptools")) >= Version("70.1")
        or importlib.util.find_spec("wheel") is not None
    )


def test_wheel_build_can_compile_the_catalogs() -> None:
    """setup.py compiles the .po files into the wheel, so Babel is a build requirement."""
    requires = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    babel = [r for r in requires if r.name.lower() == "babel"]
    assert babel, "Babel missing from [build-system] requires"
    assert any(s.operator == ">=" for s in babel[0].specifier)


def _source_copy(target: Path) -> Path:
    """The checkout as a fresh clone has it: no compiled catalogs, no venv, caches or builds."""
    skip = {".git", ".venv", "build", "dist", "out", "__pycache__", "*.egg-info", "*.mo"}
    skip |= {".pytest_cache", ".mypy_cache", ".ruff_cache", ".import_linter_cache", ".hypothesis"}
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(*skip))
    assert not list((target / "kiosk").rglob("*.mo"))
    return target


def _plain(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def _mo_messages(data: bytes) -> dict[object, object]:
    return {_plain(m.id): _plain(m.string) for m in read_mo(io.BytesIO(data)) if m.id}


def _po_messages(locale: str) -> dict[object, object]:
    po = ROOT / "i18n" / locale / "LC_MESSAGES" / "kiosk.po"
    with po.open("rb") as handle:
        return {_plain(m.id): _plain(m.string) for m in read_po(handle, locale=locale) if m.id}


@pytest.mark.slow
def test_wheel_ships_typing_marker_catalogs_and_migrations(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "src")
    out = tmp_path / "wheels"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)]
    if _can_build_offline():
        cmd.insert(4, "--no-build-isolation")
    result = _run(cmd)
    assert result.returncode == 0, result.stderr[-3000:]
    (wheel,) = out.glob("market_kiosk-*.whl")
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    wanted = {
        "kiosk/py.typed",
        "kiosk/data/migrations/env.py",
        # the demo markets are listings files read at run time (kiosk.data.seed)
        "kiosk/data/demo/markets.csv",
        "kiosk/data/demo/bansong.csv",
        "kiosk/data/demo/dongmun.csv",
        *(f"kiosk/locale/{loc}/LC_MESSAGES/kiosk.mo" for loc in LOCALES),
    }
    assert not wanted - names, f"missing from {wheel.name}: {sorted(wanted - names)}"
    assert any(n.startswith("kiosk/data/migrations/versions/") and n.endswith(".py") for n in names)
    assert not [n for n in names if n.startswith("tests/")], "tests leaked into the wheel"
    for loc in LOCALES:  # compiled by the build from the .po, with every message
        compiled = _mo_messages(archive.read(f"kiosk/locale/{loc}/LC_MESSAGES/kiosk.mo"))
        assert compiled == _po_messages(loc), f"{wheel.name}: {loc} catalog differs from its .po"
    _installed_wheel_finds_its_fonts(wheel, tmp_path / "site")


def _installed_wheel_finds_its_fonts(wheel: Path, target: Path) -> None:
    """Install *wheel* (no dependencies) into *target* and ask kiosk.resources for the fonts."""
    pip = [sys.executable, "-m", "pip"]
    result = _run([*pip, "install", "-q", "--no-deps", "--target", str(target), str(wheel)])
    assert result.returncode == 0, result.stderr[-3000:]
    # -S: no site-packages, so the editable checkout cannot answer instead of the wheel.
    probe = (
        f"import sys; sys.path.insert(0, {str(target)!r})\n"
        "import kiosk.resources as r\n"
        "missing = [f for f in r.FONT_FILES if not (r.fonts_dir() / f).is_file()]\n"
        "print(r.__file__)\n"
        "print('missing:', *missing)"
    )
    found = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        capture_output=True,
        text=True,
        cwd=target,
        timeout=60,
        check=False,
    )
    assert found.returncode == 0, found.stderr[-2000:]
    module_file, *missing = found.stdout.split()
    assert Path(module_file).is_relative_to(target), module_file
    assert missing == ["missing:"], (
        f"an installed (non-editable) wheel cannot find its bundled fonts: {found.stdout}"
    )


def test_build_makes_a_windowed_gui_and_a_console_cli_in_one_folder() -> None:
    """No console window behind the kiosk on Windows; the command line keeps its console."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "_executable(NAME, console=False)" in spec
    assert '_executable(f"{NAME}-cli", console=True)' in spec
    assert "gui_exe,\n    cli_exe," in spec  # both in the one COLLECT folder
    dev = _dev_py()
    gui, cli = dev.frozen_executable(), dev.frozen_executable(cli=True)
    assert gui.parent == cli.parent == ROOT / "dist" / "market-kiosk"
    assert gui.stem == "market-kiosk" and cli.stem == "market-kiosk-cli"
