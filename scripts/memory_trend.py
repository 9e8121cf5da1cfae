"""Resident memory of factx extraction, sampled every N documents, to see that it stays level.

    python scripts/memory_trend.py ../shared/corpus/bbc [EVERY]

Skips cleanly when the folder is absent. Linux only (reads /proc/self/statm).
"""

from __future__ import annotations

import os
import sys


def rss_mb() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20


def main(argv: list[str]) -> int:
    path = argv[0] if argv else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "bbc")
    every = int(argv[1]) if len(argv) > 1 else 250
    if not os.path.isdir(path):
        print(f"memory_trend: {path} not found; skipping", file=sys.stderr)
        return 0
    import factx

    for n, _ in enumerate(factx.extract_many(factx.iter_articles([path])), 1):
        if n % every == 0:
            print(f"{n:6} documents  {rss_mb():5} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
