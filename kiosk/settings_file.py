"""The settings file: where it lives, reading it (problems named by file and line), writing it."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final
from urllib.parse import quote, unquote, urlsplit, urlunsplit

# Standard library only, like kiosk.settings which reads it before the first frame.

#: The folder of the settings file (tests point it at a temp folder).
CONFIG_DIR_ENV: Final = "KIOSK_CONFIG_DIR"
FILE_NAME: Final = "settings.toml"
#: The settings a file may hold (the environment variable of the same name overrides each).
KEYS: Final = (
    "database_url",
    "role",
    "checklist_dir",
    "log_dir",
    "backup_dir",
    "sqlite_busy_timeout_ms",
    "idle_seconds",
)
#: Where tomllib says a problem is (compiled by ``re`` when a file is malformed, not at start).
_DECODE_AT = r"^(?P<problem>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$"


class FileContents:
    """What a settings file holds: its values as text and a line per problem found.

    (A plain class: the file is read before the first frame, without ``dataclasses``.)
    """

    __slots__ = ("problems", "values")

    def __init__(self, values: dict[str, str] | None = None, problems: tuple[str, ...] = ()):
        self.values: dict[str, str] = {} if values is None else values
        self.problems = problems

    def __repr__(self) -> str:
        return f"FileContents(values={self.values!r}, problems={self.problems!r})"


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The user's config folder for the app (``$KIOSK_CONFIG_DIR`` first; not created)."""
    env = os.environ if environ is None else environ
    raw = env.get(CONFIG_DIR_ENV, "").strip()
    if raw:
        return Path(raw).expanduser()
    if sys.platform == "win32":
        appdata = env.get("APPDATA", "").strip()
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
        return base / "MarketKiosk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "MarketKiosk"
    xdg = env.get("XDG_CONFIG_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".config"
    return base / "market-kiosk"


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    """The settings file of this user (it may not exist yet)."""
    return config_dir(environ) / FILE_NAME


def read(path: Path) -> FileContents:
    """The values in *path* (none when it is missing); a malformed file gives only problems."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return FileContents()
    except OSError as exc:
        return FileContents(problems=(f"{path}: cannot be read ({exc.strerror or exc})",))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return FileContents(problems=(f"{path}, line {line}: not UTF-8 text",))
    import tomllib  # only when there is a file: a PC without one starts a few ms sooner

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.match(_DECODE_AT, str(exc))
        if found is None and str(exc).endswith(" (at end of document)"):
            last = max(1, len(text.rstrip("\n").splitlines()))  # the file ends too early
            problem = str(exc).removesuffix(" (at end of document)")
            return FileContents(problems=(f"{path}, line {last}: {problem} (the file ends here)",))
        if found is None:
            return FileContents(problems=(f"{path}: {exc}",))
        where = f"{path}, line {found['line']}, column {found['column']}"
        return FileContents(problems=(f"{where}: {found['problem']}",))
    values: dict[str, str] = {}
    problems: list[str] = []
    for key, value in data.items():
        where = f"{path}, line {_line_of(text, key)}"
        if key not in KEYS:
            problems.append(f"{where}: unknown setting {key!r} (known: {', '.join(KEYS)})")
        elif isinstance(value, bool) or not isinstance(value, str | int):
            problems.append(f"{where}: {key} must be text or a whole number")
        else:
            values[key] = str(value)
    return FileContents(values, tuple(problems))


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def render(values: Mapping[str, str | int]) -> str:
    """*values* as TOML text, one ``key = value`` a line, in the order of :data:`KEYS`."""
    lines = ["# Market Kiosk settings: `market-kiosk config set KEY VALUE` changes them."]
    lines.append("# The database password is never kept here (see `market-kiosk config show`).")
    for key in sorted(values, key=lambda k: KEYS.index(k) if k in KEYS else len(KEYS)):
        value = values[key]
        lines.append(f"{key} = {value}" if isinstance(value, int) else f"{key} = {_quoted(value)}")
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def write_atomically(
    path: Path, data: bytes, check: Callable[[bytes], object], *, private: bool = False
) -> None:
    """Write *data* to a temp file beside *path*, fsync, read back, check, then replace.

    *check* is a callable taking the bytes read back and raising when they are wrong;
    *private* makes the file readable by its owner only (0600 on POSIX). A failure
    leaves the old file as it was and removes the temp file.
    """
    import secrets  # writing is rare; start-up only reads

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid():08x}{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        back = tmp.read_bytes()
        if back != data:
            raise OSError(f"{path}: the file read back is not what was written")
        check(back)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write(path: Path, values: Mapping[str, str | int]) -> None:
    """Replace the settings file with *values* (checked by parsing it back)."""
    text = render(values)

    import tomllib

    def check(back: bytes) -> None:
        if tomllib.loads(back.decode("utf-8")) != dict(values):
            raise OSError(f"{path}: the settings read back differ from those written")

    write_atomically(path, text.encode("utf-8"), check)


def split_password(url: str) -> tuple[str, str | None]:
    """*url* without its password, and the password (None when it has none)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@{hostport}")), unquote(parts.password)


def join_password(url: str, password: str) -> str:
    """*url* (with a user name, without a password) with *password* put in."""
    parts = urlsplit(url)
    userinfo, _, hostport = parts.netloc.rpartition("@")
    netloc = f"{userinfo}:{quote(password, safe='')}@{hostport}"
    return urlunsplit(parts._replace(netloc=netloc))


def secret_key(url: str) -> str | None:
    """The name the password of *url* is kept under (user@host:port/db), None without a user."""
    parts = urlsplit(url)
    if not parts.username or not parts.hostname:
        return None
    try:
        port = parts.port or 5432
    except ValueError:
        return None
    return f"{unquote(parts.username)}@{parts.hostname}:{port}/{parts.path.lstrip('/')}"
