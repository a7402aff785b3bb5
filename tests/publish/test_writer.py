"""Publishing switches folders only when every page is written; only changed pages are written."""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.domain.locales import LOCALES
from kiosk.domain.text import LocalizedText
from kiosk.publish import writer
from kiosk.publish.build import build_site
from kiosk.publish.site import Site
from kiosk.publish.writer import PublishError, plan, publish_files, versions_of
from tests.publish.sites import BASE, sample


def _renamed(site: Site, index: int, name: str) -> Site:
    stalls = list(site.stalls)
    store = stalls[index].store
    stalls[index] = replace(
        stalls[index], store=replace(store, description=LocalizedText({"ko": name}))
    )
    return replace(site, stalls=tuple(stalls))


def _tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_first_publish_then_only_changed_pages_are_written(tmp_path: Path) -> None:
    out = tmp_path / "site"
    files = build_site(sample(), LOCALES)
    first = publish_files(out, files, base_url=BASE)
    assert out.is_symlink() and first.written == len(files) and first.kept == 0
    assert (out / "d/a-3/ja.html").read_bytes() == files["d/a-3/ja.html"]
    again = publish_files(out, files, base_url=BASE)
    assert again.written == 0 and again.kept == len(files) and again.plan.empty
    changed = build_site(_renamed(sample(), 0, "새 소개"), LOCALES)
    check = plan(out, changed)
    assert set(check.changed) == {
        f"d/a-3/{c}.html" for c in ("ko", "en", "ja", "zh-Hans", "zh-Hant")
    }
    assert not check.added and not check.removed
    third = publish_files(out, changed, base_url=BASE)
    assert third.written == 5 and third.kept == len(files) - 5
    assert os.stat(out / "d/b-1/en.html").st_nlink >= 2  # linked from the version before
    assert len([p for p in versions_of(out).iterdir() if p.is_dir()]) == 2  # now and one back


def test_removed_stalls_are_listed_and_gone(tmp_path: Path) -> None:
    out = tmp_path / "site"
    publish_files(out, build_site(sample(), LOCALES), base_url=BASE)
    fewer = replace(sample(), stalls=sample().stalls[:2])
    check = plan(out, build_site(fewer, LOCALES))
    assert "d/c-9/en.html" in check.removed and "d/c-9/index.html" in check.removed
    publish_files(out, build_site(fewer, LOCALES), base_url=BASE)
    assert not (out / "d/c-9").exists()


def test_a_full_disk_leaves_the_previous_site_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    publish_files(out, build_site(sample(), LOCALES), base_url=BASE)
    before = _tree(out)
    real = writer._write_version

    def full(new: Path, files: dict[str, bytes], old: Path | None, sums: object) -> set[str]:
        real(new, dict(list(files.items())[:3]), old, sums)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "_write_version", full)
    with pytest.raises(PublishError, match=r"the disk is full .*; the site online is unchanged"):
        publish_files(out, build_site(_renamed(sample(), 0, "바뀜"), LOCALES), base_url=BASE)
    assert _tree(out) == before
    assert len([p for p in versions_of(out).iterdir() if p.is_dir()]) == 1  # the half one went


def test_out_is_a_file_or_someone_elses_folder(tmp_path: Path) -> None:
    files = build_site(sample(), ["en"])
    a_file = tmp_path / "site.html"
    a_file.write_text("mine")
    with pytest.raises(PublishError, match="is a file, not a folder"):
        publish_files(a_file, files, base_url=BASE)
    folder = tmp_path / "www"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    with pytest.raises(PublishError, match="a folder that publish did not make"):
        publish_files(folder, files, base_url=BASE)
    assert a_file.read_text() == "mine" and (folder / "keep.txt").read_text() == "mine"
    empty = tmp_path / "empty"
    empty.mkdir()
    publish_files(empty, files, base_url=BASE)
    assert (empty / "en.html").is_file()


def test_a_folder_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"

    def refused(*args: object, **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkdtemp", refused)
    with pytest.raises(
        PublishError, match=r"cannot write in .* \(no permission or a read-only disk\)"
    ):
        publish_files(out, build_site(sample(), ["en"]), base_url=BASE)
    assert not out.exists()


def test_what_reads_back_different_is_not_switched_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    files = build_site(sample(), ["en"])
    publish_files(out, files, base_url=BASE)
    before = _tree(out)

    real = writer._write_version

    def torn(new: Path, files: dict[str, bytes], old: Path | None, sums: object) -> set[str]:
        counts = real(new, files, old, sums)
        (new / "en.html").unlink()
        (new / "en.html").write_bytes(b"torn")
        return counts

    monkeypatch.setattr(writer, "_write_version", torn)
    with pytest.raises(PublishError, match="reads back different"):
        publish_files(out, build_site(_renamed(sample(), 0, "x"), ["en"]), base_url=BASE)
    assert _tree(out) == before


def test_the_new_version_is_flushed_once_before_the_switch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    seen: list[bool] = []
    real = writer._flush

    def flush(new: Path, files: dict[str, bytes]) -> None:
        seen.append(out.exists())  # the site is not switched to yet
        real(new, files)

    monkeypatch.setattr(writer, "_flush", flush)
    publish_files(out, build_site(sample(), ["en"]), base_url=BASE)
    assert seen == [False] and out.is_symlink()
    if sys.platform.startswith("linux"):
        assert writer._syncfs() is not None  # one syncfs, not a sync of every disk


def test_a_flush_that_fails_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    publish_files(out, build_site(sample(), ["en"]), base_url=BASE)
    before = _tree(out)

    def broken(new: Path, files: dict[str, bytes]) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(writer, "_flush", broken)
    with pytest.raises(PublishError, match=r"Input/output error.*the site online is unchanged"):
        publish_files(out, build_site(_renamed(sample(), 0, "x"), ["en"]), base_url=BASE)
    assert _tree(out) == before
    assert len([p for p in versions_of(out).iterdir() if p.is_dir()]) == 1
