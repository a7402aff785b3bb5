"""Publishing is atomic and incremental: a new folder, switched to when every file is checked.

The site folder the web server reads (``--out``) is a symbolic link to one version
in ``.<name>.versions`` beside it. A publish writes a new version there (a page
unchanged since the last one is hard-linked, not written again), reads every
written file back, and only then replaces the link in one ``rename``: a full
disk, a crash or a failed check leaves the previous site as it was. The version
before stays (one step back); older ones are removed.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "publish.json"


class PublishError(Exception):
    """Why nothing was published, in one line; the previous site is untouched."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What a publish changes against the site online now (paths relative to its folder)."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


@dataclass(frozen=True, slots=True)
class Published:
    plan: Plan
    folder: Path
    version: Path
    written: int
    kept: int
    largest_stall_page: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def versions_of(out: Path) -> Path:
    return out.parent / f".{out.name}.versions"


def current_version(out: Path) -> Path | None:
    """The version folder *out* points at, None before the first publish; PublishError
    when *out* is something publish did not make (a file, a folder of other things)."""
    if out.is_symlink():
        target = out.resolve()
        return target if target.is_dir() else None
    if not out.exists():
        return None
    if out.is_dir():
        if not any(out.iterdir()):
            return None
        raise PublishError(f"--out {out}: a folder that publish did not make; give a new path "
                           "(publish keeps the site as a link to its newest version)")  # fmt: skip
    raise PublishError(f"--out {out}: is a file, not a folder")


def _manifest(version: Path | None) -> dict[str, str]:
    if version is None:
        return {}
    try:
        data = json.loads((version / MANIFEST).read_text("utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def plan(out: Path, files: Mapping[str, bytes], sums: Mapping[str, str] | None = None) -> Plan:
    """What publishing *files* to *out* would change (``--check``); nothing is written."""
    old = _manifest(current_version(out))
    sums = sums if sums is not None else {p: digest(c) for p, c in files.items()}
    added, changed, same = [], [], 0
    for path in files:
        if path not in old:
            added.append(path)
        elif old[path] != sums[path]:
            changed.append(path)
        else:
            same += 1
    removed = sorted(set(old) - set(files))
    return Plan(tuple(sorted(added)), tuple(sorted(changed)), tuple(removed), same)


def _why(exc: OSError, where: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"the disk is full (writing {where})"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write in {where} (no permission or a read-only disk)"
    return f"cannot write {where} ({exc.strerror or type(exc).__name__})"


def _write_version(
    new: Path, files: Mapping[str, bytes], old: Path | None, sums: Mapping[str, str]
) -> set[str]:
    """Write the version; return the paths hard-linked from *old* (unchanged)."""
    before = _manifest(old)
    linked: set[str] = set()
    folders: set[Path] = set()
    for path, content in files.items():
        target = new / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if old is not None and before.get(path) == sums[path]:
            try:
                os.link(old / path, target)
                linked.add(path)
                continue
            except OSError:
                pass  # another file system, or the old file went: write it
        with target.open("xb") as handle:
            handle.write(content)
    return linked


def _verify(new: Path, files: Mapping[str, bytes], linked: set[str]) -> None:
    """Every file is there at its size; each one written (not linked) reads back the same."""
    for path, content in files.items():
        target = new / path
        if path in linked:
            same = target.stat().st_size == len(content)
        else:
            same = target.read_bytes() == content
        if not same:
            raise PublishError(f"{path}: what was written reads back different; nothing published")


def _switch(out: Path, new: Path) -> None:
    link = new.parent / f".link-{new.name}"
    os.symlink(os.path.relpath(new, out.parent), link, target_is_directory=True)
    if out.is_dir() and not out.is_symlink():
        out.rmdir()  # an empty folder made by hand (checked by current_version)
    os.replace(link, out)


def publish_files(out: Path, files: Mapping[str, bytes], *, base_url: str) -> Published:
    """Write *files* as a new version of the site at *out* and switch to it (see module)."""
    old = current_version(out)
    sums = {path: digest(content) for path, content in files.items()}
    change = plan(out, files, sums)
    versions = versions_of(out)
    try:
        versions.mkdir(parents=True, exist_ok=True)
        new = Path(tempfile.mkdtemp(prefix="site-", dir=versions))
        new.chmod(0o755)  # mkdtemp makes it private; the web server reads it
    except OSError as exc:
        raise PublishError(f"--out {out}: {_why(exc, versions)}") from None
    try:
        linked = _write_version(new, files, old, sums)
        manifest = {"base_url": base_url, "files": sums}
        (new / MANIFEST).write_text(json.dumps(manifest, indent=0, sort_keys=True), "utf-8")
        _verify(new, files, linked)
        _switch(out, new)
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise PublishError(f"{_why(exc, new)}; the site online is unchanged") from None
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    for older in versions.iterdir():
        if older.is_dir() and older.resolve() not in (new.resolve(), old):
            shutil.rmtree(older, ignore_errors=True)
    return Published(change, out, new, len(files) - len(linked), len(linked))
