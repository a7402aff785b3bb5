"""A backup streamed by SQLite's backup API into a file, then every page read back and compared."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from io import FileIO
from pathlib import Path
from typing import Final

from kiosk import settings
from kiosk.data.backup import (
    DAMAGED,
    MEMORY,
    BackupError,
    BackupFacts,
    _first_line,
    inspect_backup,
    sqlite_path,
)
from kiosk.data.db import Database
from kiosk.domain.messages import N_, define

READ_BACK_DIFFERS = define(
    "backup.read_back_differs",
    N_("page {page} of the backup read back from the disk is not the database's; not kept"),
)


class ReadBackError(BackupError):
    """A page of the written file is not the database's (nothing was kept)."""


#: Bytes read from each file at a time by the comparison.
CHUNK_BYTES: Final = 1024 * 1024
#: SQLite's lock byte: the page holding it (in databases over 1 GiB) never holds data, the
#: backup API does not write it, and on Windows its bytes are locked: it is not compared.
PENDING_BYTE: Final = 0x40000000
#: Header bytes the backup API writes on the copy itself: 18-19 (set to rollback journal
#: here), the change counter and page count (24-31), the schema cookie (40-43), and the
#: version-valid-for number and library version (92-99). The rest of page 1 is the database's.
OWN_HEADER: Final = ((18, 20), (24, 32), (40, 44), (92, 100))


class StreamedBackup:
    """One backup of a SQLite file database, and the proof that the file written is right.

    Opening it runs a passive checkpoint, then starts a read transaction on a
    connection of its own and runs a second passive checkpoint. When that one
    finds every frame of the write-ahead log in the database file (and was not
    blocked), the database file itself is the snapshot the transaction reads, and
    it cannot change while it lasts: frames past a reader's snapshot are never
    copied into the file, and a reader that took its snapshot from the file
    alone blocks every copy into it (rollback-journal databases: the reader's
    shared lock keeps writers out). Then ``compared`` is True:

    - :meth:`fill` copies the snapshot with the backup API;
    - :meth:`verify` (after the caller's fsync) runs ``PRAGMA quick_check`` on
      the written file in a thread while it reads every page of that file back
      and compares it byte for byte with
      the database file's page (a write error, a short or torn write, a full
      disk, a flipped bit anywhere, payload included), then takes the check's
      answer (every b-tree and its records, the free list, every page used
      exactly once) and the schema facts.

    What ``integrity_check`` adds to ``quick_check`` is that each index holds
    exactly its table's rows: a property of the database that a byte-identical
    copy cannot change; a restore runs the full ``integrity_check`` on its copy.
    Otherwise (frames still only in the log, e.g. another reader holds them back)
    ``compared`` is False and :meth:`verify` runs ``integrity_check`` on the file.
    """

    def __init__(self, source: Path) -> None:
        self.source = source
        self.compared = False
        self.page_size = 0
        self.pages = 0
        self._problem: str | None = None
        self._thread: threading.Thread | None = None
        self._checker: sqlite3.Connection | None = None
        self._copier = _reader(source)
        try:
            self._open()
        except BaseException as exc:
            self.close()
            _raise_damaged(exc, source)
            raise

    def _open(self) -> None:
        with closing(_reader(self.source)) as probe:
            _checkpoint(probe)
            _begin(self._copier)
            self.compared = _checkpoint(probe)
        self.page_size = int(self._copier.execute("PRAGMA page_size").fetchone()[0])
        self.pages = int(self._copier.execute("PRAGMA page_count").fetchone()[0])

    def fill(self, target: Path) -> None:
        """Copy the snapshot into the empty file *target* page by page (nothing held in
        memory), journal mode set to rollback; a full disk raises OSError (ENOSPC)."""
        try:
            with closing(sqlite3.connect(target)) as copy:
                # The caller fsyncs and the file is checked whole: no journal, no syncs here.
                copy.execute("PRAGMA journal_mode = OFF")
                copy.execute("PRAGMA synchronous = OFF")
                copy.execute("PRAGMA cache_size = 16")  # each page goes out as it comes
                self._copier.backup(copy)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)) from None
            _raise_damaged(exc, self.source)
            raise
        # Bytes 18-19 say "WAL" after copying a WAL database; 1 (rollback journal) lets
        # the file be opened on its own, even from read-only media, without -wal/-shm files.
        with target.open("r+b") as handle:
            handle.seek(18)
            handle.write(b"\x01\x01")

    def verify(self, target: Path) -> BackupFacts:
        """The facts of the written *target*, once proven (BackupError naming the fault)."""
        if not self.compared:
            return inspect_backup(target)
        # On the written file, not on the database through a second connection: that one
        # made later copies fail now and then with SQLITE_IOERR_SHORT_READ under many
        # writers (cause not found). The comparison below makes the two the same bytes.
        uri = target.absolute().as_uri() + "?mode=ro&immutable=1"
        self._checker = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._thread = threading.Thread(target=self._quick_check, daemon=True)
        self._thread.start()
        try:
            page = first_difference(self.source, target, pages=self.pages, page_size=self.page_size)
            if page is not None:
                raise ReadBackError(READ_BACK_DIFFERS(page=page))
            self._thread.join()
            if self._problem is not None:
                raise BackupError(DAMAGED(path=str(self.source), detail=self._problem))
        finally:
            self._close_checker()  # before the temp file is removed or renamed
        return inspect_backup(target, pages_checked=True)

    def _quick_check(self) -> None:
        assert self._checker is not None
        try:
            rows = [row[0] for row in self._checker.execute("PRAGMA quick_check")]
        except sqlite3.Error as exc:  # unreadable, or interrupted by close()
            self._problem = _first_line(exc)
            return
        self._problem = None if rows == ["ok"] else _first_line(rows[0])

    def _close_checker(self) -> None:
        """Stop the check if it still runs and close its connection (before the rename)."""
        if self._thread is not None and self._thread.is_alive() and self._checker is not None:
            self._checker.interrupt()
        if self._thread is not None:
            self._thread.join()
        if self._checker is not None:
            with suppress(sqlite3.Error):
                self._checker.close()
            self._checker = None

    def close(self) -> None:
        """Stop the check if it still runs, end the copy's read transaction, close."""
        self._close_checker()
        with suppress(sqlite3.Error):
            if self._copier.in_transaction:
                self._copier.execute("ROLLBACK")
        with suppress(sqlite3.Error):
            self._copier.close()


@contextmanager
def streamed_backup(db: Database) -> Iterator[StreamedBackup]:
    """A :class:`StreamedBackup` of *db*'s file, closed afterwards (BackupError: in memory)."""
    path = sqlite_path(db)
    if path is None:
        raise BackupError(MEMORY())
    stream = StreamedBackup(path)
    try:
        yield stream
    finally:
        stream.close()


def _raise_damaged(exc: BaseException, source: Path) -> None:
    """A BackupError naming *source* when SQLite found it damaged or not a database."""
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, sqlite3.Error) else None
    if code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        raise BackupError(DAMAGED(path=str(source), detail=_first_line(exc))) from None


def _reader(path: Path) -> sqlite3.Connection:
    timeout = settings.current().sqlite_busy_timeout_ms / 1000
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _checkpoint(probe: sqlite3.Connection) -> bool:
    """A passive checkpoint (it never waits); whether it left every log frame in the file.

    False when it was blocked or could not run (a read-only file, say): nothing is proven.
    """
    try:
        busy, frames, copied = probe.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.Error:
        return False
    return bool(busy == 0 and frames == copied)


def _begin(conn: sqlite3.Connection) -> None:
    """Start a read transaction now (a deferred BEGIN takes its snapshot at the first read)."""
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def first_difference(source: Path, copy: Path, *, pages: int, page_size: int) -> int | None:
    """The first page (1-based) at which *copy* is not *source*'s first *pages* pages, or None.

    Byte for byte, but for page 1's :data:`OWN_HEADER` fields (the copy's own must say
    rollback journal and *pages* pages) and the lock page (:data:`PENDING_BYTE`). A copy
    of another length differs at its first missing or first extra page. A large file is
    compared in two halves at once (the reads let go of the GIL). *source* is read
    through :func:`_source_reader` (never a descriptor of it closed, on POSIX).
    """
    size = os.stat(copy).st_size
    if size != pages * page_size:
        return size // page_size + 1 if size < pages * page_size else pages + 1
    if not pages:
        return None
    with open(copy, "rb", buffering=0) as b:
        if not _first_page_agrees(source, b, page_size, pages):
            return 1
    middle = 2 + (pages - 1) // 2
    if pages - 1 < 2 * max(1, CHUNK_BYTES // page_size):
        return _differs_in(source, copy, range(2, pages + 1), page_size)
    found: list[int | BaseException | None] = []

    def second_half() -> None:
        try:
            found.append(_differs_in(source, copy, range(middle, pages + 1), page_size))
        except BaseException as exc:  # raised again below, in the caller's thread
            found.append(exc)

    helper = threading.Thread(target=second_half, daemon=True)
    helper.start()
    try:
        first = _differs_in(source, copy, range(2, middle), page_size)
    finally:
        helper.join()
    second = found[0]
    if isinstance(second, BaseException):
        raise second
    return first if first is not None else second


def _differs_in(source: Path, copy: Path, numbers: range, page_size: int) -> int | None:
    """The first page of *numbers* (2 or more, consecutive) that differs, or None.

    The lock page is never read: on Windows its bytes are locked by every connection.
    """
    lock_page = PENDING_BYTE // page_size + 1
    per_chunk = max(1, CHUNK_BYTES // page_size)
    ours, theirs = bytearray(per_chunk * page_size), bytearray(per_chunk * page_size)
    with _source_reader(source) as read, open(copy, "rb", buffering=0) as b:
        page = numbers.start
        while page < numbers.stop:
            if page == lock_page:
                page += 1
                continue
            offset = (page - 1) * page_size
            b.seek(offset)
            end = lock_page if page < lock_page < numbers.stop else numbers.stop
            count = min(per_chunk, end - page)
            length = count * page_size
            got = _read_fully(read, ours, length, offset)
            if got < length or _read_into(b, theirs, length) < length:
                return page  # the database file is shorter than its snapshot: not proven
            same = ours == theirs if count == per_chunk else ours[:length] == theirs[:length]
            if not same:
                for index in range(count):
                    part = slice(index * page_size, (index + 1) * page_size)
                    if ours[part] != theirs[part]:
                        return page + index
            page += count
    return None


def _first_page_agrees(source: Path, b: FileIO, page_size: int, pages: int) -> bool:
    theirs = bytearray(page_size)
    with _source_reader(source) as read:
        got = _read_fully(read, theirs, page_size, 0)
    ours = bytearray(b.read(page_size))
    if got != page_size or len(ours) != page_size:
        return False
    own = ours[18:20] == b"\x01\x01" and int.from_bytes(ours[28:32], "big") == pages
    for start, end in OWN_HEADER:
        theirs[start:end] = ours[start:end] = bytes(end - start)
    return own and theirs == ours


#: Descriptors of database files, opened once and never closed: on POSIX, closing any
#: descriptor of a file drops every lock this process holds on it, SQLite's own included
#: (sqlite.org/howtocorrupt.html, 2.2). Windows locks belong to a handle: no such risk.
_KEPT: dict[tuple[int, int], int] = {}
_KEPT_LOCK = threading.Lock()


@contextmanager
def _source_reader(path: Path) -> Iterator[Callable[[memoryview, int], int]]:
    """A function that reads the database file *path* at an offset into a buffer."""
    if os.name == "nt":
        with open(path, "rb", buffering=0) as handle:

            def read_handle(view: memoryview, offset: int) -> int:
                handle.seek(offset)
                return handle.readinto(view) or 0

            yield read_handle
        return
    fd = _kept_descriptor(path)

    def read_kept(view: memoryview, offset: int) -> int:
        preadv = getattr(os, "preadv", None)
        if preadv is not None:
            return int(preadv(fd, [view], offset))
        data = os.pread(fd, len(view), offset)
        view[: len(data)] = data
        return len(data)

    yield read_kept


def _kept_descriptor(path: Path) -> int:
    """A read-only descriptor of *path* kept while its file exists (see _KEPT).

    A kept descriptor whose file was deleted is closed first: no connection can hold a
    lock on a file no longer there, and a new file given its inode number is not
    mistaken for it (nor do a long run's deleted files keep descriptors open).
    """
    info = os.stat(path)
    with _KEPT_LOCK:
        for key, kept in list(_KEPT.items()):
            if os.fstat(kept).st_nlink == 0:
                del _KEPT[key]
                os.close(kept)
        fd = _KEPT.get((info.st_dev, info.st_ino))
        if fd is None:
            fd = os.open(path, os.O_RDONLY)
            opened = os.fstat(fd)
            _KEPT[(opened.st_dev, opened.st_ino)] = fd  # a file put there meanwhile: its own
        return fd


def _read_fully(
    read: Callable[[memoryview, int], int], buffer: bytearray, length: int, offset: int
) -> int:
    view = memoryview(buffer)[:length]
    done = 0
    while done < length:
        got = read(view[done:], offset + done)
        if not got:
            break
        done += got
    return done


def _read_into(handle: FileIO, buffer: bytearray, length: int) -> int:
    """Read *length* bytes into the start of *buffer* (fewer only at the end of the file)."""
    view = memoryview(buffer)[:length]
    done = 0
    while done < length:
        got = handle.readinto(view[done:])
        if not got:
            break
        done += got
    return done
