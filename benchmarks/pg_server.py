"""A throw-away PostgreSQL server for benchmarks, and the CPU its processes use (from /proc).

``throwaway_server()`` runs ``initdb`` and ``pg_ctl`` (PATH, else Debian's
/usr/lib/postgresql/*/bin) into a temporary folder on a free port; as root they run
as the ``postgres`` user (``runuser``), since PostgreSQL refuses to run as root.
``ServerCpu`` sums the CPU time of the postmaster and its children.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def throwaway_server() -> Iterator[tuple[str, int]]:
    """Start a server; yield (superuser URL, postmaster pid); stop and delete it afterwards."""
    initdb, pg_ctl = _tool("initdb"), _tool("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise SystemExit("no initdb/pg_ctl found: pass --url of a PostgreSQL server instead")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-pg-"))
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True)  # noqa: E731
    try:
        run(initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=500"
        run(pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
        pid = int((data / "postmaster.pid").read_text().split()[0])
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres", pid
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [*as_user, pg_ctl, "-D", str(data), "-m", "fast", "stop"],
                check=False,
                capture_output=True,  # not into a --json output
            )
        shutil.rmtree(folder, ignore_errors=True)


def postmaster_of(backend_pid: int) -> int:
    """The postmaster of a local server, from one of its backends' pid (``pg_backend_pid()``)."""
    status = Path(f"/proc/{backend_pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))


def _cpu_ns(pid: int) -> int:
    """Nanoseconds *pid* ran. ``sched``'s ``se.sum_exec_runtime`` (ms) is exact; ``stat``'s
    clock ticks are sampled, so 200 backends that each run a few microseconds a poll would
    show next to nothing there (``schedstat`` reads 0 on this kernel)."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        sched = Path(f"/proc/{pid}/sched").read_text().splitlines()
        line = next(line for line in sched if line.startswith("se.sum_exec_runtime"))
        return int(float(line.split(":")[1]) * 1_000_000)
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1_000_000_000 // CLK_TCK  # utime, stime


class ServerCpu:
    """CPU seconds used by a local server's processes between ``start()`` and ``seconds()``.

    Processes that end in between lose what they used since the last reading (the
    benchmark's connections stay open, so its backends do not end).
    """

    def __init__(self, postmaster: int) -> None:
        self.postmaster = postmaster
        self._start: dict[int, int] = {}

    def _pids(self) -> list[int]:
        pids = [self.postmaster]
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError, StopIteration):
                status = (entry / "status").read_text()
                ppid = next(line for line in status.splitlines() if line.startswith("PPid:"))
                if int(ppid.split()[1]) == self.postmaster:
                    pids.append(int(entry.name))
        return pids

    def _read(self) -> dict[int, int]:
        found: dict[int, int] = {}
        for pid in self._pids():
            with contextlib.suppress(OSError, IndexError, ValueError):
                found[pid] = _cpu_ns(pid)
        return found

    def start(self) -> None:
        self._start = self._read()

    def seconds(self) -> float:
        now = self._read()
        return sum(t - self._start.get(pid, 0) for pid, t in now.items()) / 1e9
