"""This process's memory as the benchmarks report it: resident set, its peak, anonymous part.

Stdlib only and nothing else imported, so a child that reads its own figures with it
(bench_memory.py, bench_exchange.py) holds no more than what it measures.
"""

from __future__ import annotations

import os

#: Put first in a child's ``-c`` code: makes ``status_mib`` importable there.
CHILD_PRELUDE = (
    f"import sys; sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r}); "
    "from process_memory import status_mib\n"
)


def rss_bytes() -> int:
    """This process's resident set size now (Linux: /proc/self/statm)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def status_mib() -> dict[str, float]:
    """``rss`` and ``peak`` (VmRSS, VmHWM: from this exec on) and ``anon`` (the anonymous
    pages of the resident set: what is not a mapped file such as a library or a font),
    in MiB. Where /proc is missing only ``peak`` is known (the rusage maximum, which on
    Linux would keep the parent's peak across exec).
    """
    figures: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    figures["rss" if key == "VmRSS" else "peak"] = int(value.split()[0]) / 1024
        with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Anonymous:"):
                    figures["anon"] = int(line.split()[1]) / 1024
    except OSError:
        import resource  # not on Windows, where the benchmarks using this do not run

        figures["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures
