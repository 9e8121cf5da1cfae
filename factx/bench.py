"""Benchmark: factx's full extraction against bare spaCy, on the same documents with the same model.

One run measures bare ``nlp.pipe`` (the floor no extractor built on spaCy can beat) and factx's full
extraction with ``factx.extract_many``, taking turns on the same blocks of 64 documents so that load
changes on the machine hit both alike; then factx with ``jobs`` worker processes when ``jobs`` > 1;
then ``python -m factx --help`` in a fresh interpreter (best of 3) and whether importing ``factx.cli``
loads spaCy. Articles are streamed from disk (never all held), and files listed with a
``duplicate_of`` in a ``manifest.csv`` at the top of the corpus are skipped. Words are white-space
separated tokens of the article text. ``ratio`` is factx's throughput divided by spaCy's (the target
is at least 0.9); ``cpu_ratio`` is the same by CPU time of this process, steadier when other programs
share the machine. Memory is the resident set size, sampled about every 0.25 s while each phase runs
(first, last and maximum reported, so a leak shows as growth), and the process peak from
``getrusage``. Timings are printed, never asserted.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError, UsageError
from .records import SECTIONS

SAMPLE_EVERY = 0.25
BATCH_SIZE = 16
BLOCK_DOCS = 64
WARMUP_DOCS = 5
TARGET_RATIO = 0.9
TARGET_HELP_SECONDS = 0.3


def rss_mb() -> float | None:
    """Current resident set size of this process in MB (Linux /proc), else None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size (of this process, or its largest finished child) in MB."""
    peak = resource.getrusage(who).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)


class Sampler:
    """RSS samples taken as documents complete, at most one every ``SAMPLE_EVERY`` seconds."""

    def __init__(self):
        self.samples: list[tuple[int, float]] = []
        self._last = 0.0

    def tick(self, done: int, force: bool = False) -> None:
        now = time.perf_counter()
        if force or now - self._last >= SAMPLE_EVERY:
            value = rss_mb()
            if value is not None:
                self.samples.append((done, value))
            self._last = now

    def summary(self) -> dict[str, Any]:
        if not self.samples:
            return {"samples": 0}
        values = [v for _, v in self.samples]
        step = max(1, len(self.samples) // 20)
        series = self.samples[::step]
        if series[-1] != self.samples[-1]:
            series.append(self.samples[-1])
        return {"samples": len(values), "first_mb": values[0], "last_mb": values[-1], "max_mb": max(values),
                "growth_mb": round(values[-1] - values[0], 1), "series": [list(s) for s in series]}


def duplicates(root: Path) -> set[str]:
    """Files (relative paths) that ``manifest.csv`` marks as a ``duplicate_of`` another."""
    manifest = root / "manifest.csv" if root.is_dir() else None
    if manifest is None or not manifest.is_file():
        return set()
    with manifest.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "duplicate_of" not in reader.fieldnames:
            return set()
        key = "file" if "file" in reader.fieldnames else reader.fieldnames[0]
        return {row[key].strip() for row in reader if (row.get("duplicate_of") or "").strip() and row.get(key)}


class Corpus:
    """The benchmark's documents, re-read from disk for each phase."""

    def __init__(self, path: str, limit: int | None):
        root = Path(path)
        if not root.exists():
            raise UsageError(f"{path}: no such file or folder")
        self.path = path
        self.limit = limit
        self.skip = duplicates(root)
        self.docs = self.words = self.chars = self.skipped = 0
        self.errors: list[str] = []
        self._counted = False

    def reset(self) -> None:
        """Forget the counts (after a warm-up that read only part of the corpus)."""
        self.docs = self.words = self.chars = self.skipped = 0
        self.errors = []
        self._counted = False

    def articles(self) -> Iterator:
        from .io import iter_articles

        count = 0
        for item in iter_articles([self.path]):
            if self.limit is not None and count >= self.limit:
                break
            if isinstance(item, InputError):
                if not self._counted:
                    self.errors.append(str(item))
                continue
            if item.id in self.skip:
                if not self._counted:
                    self.skipped += 1
                continue
            count += 1
            if not self._counted:
                self.docs += 1
                self.words += len(item.text.split())
                self.chars += len(item.text)
            yield item
        self._counted = True


class Phase:
    """Time, documents and RSS samples of one way of processing the corpus."""

    def __init__(self, name: str, count_records: bool = False):
        self.name = name
        self.count_records = count_records
        self.seconds = 0.0
        self.cpu_seconds = 0.0
        self.docs = 0
        self.records = 0
        self.sampler = Sampler()

    def run(self, items: Iterator) -> None:
        """Consume ``items`` (docs or results), timing only this consumption."""
        self.sampler.tick(self.docs, force=not self.sampler.samples)
        started, cpu = time.perf_counter(), time.process_time()
        for item in items:
            self.docs += 1
            if self.count_records:
                self.records += sum(len(getattr(item, s, ())) for s in SECTIONS)
            self.sampler.tick(self.docs)
        self.seconds += time.perf_counter() - started
        self.cpu_seconds += time.process_time() - cpu

    def to_dict(self, words: int, docs: int) -> dict[str, Any]:
        self.sampler.tick(self.docs, force=True)
        seconds = self.seconds
        out = {
            "name": self.name, "docs": self.docs, "seconds": round(seconds, 3),
            "cpu_seconds": round(self.cpu_seconds, 3),
            "docs_per_s": round(self.docs / seconds, 2) if seconds else None,
            "words_per_s": round(words / seconds, 1) if seconds and self.docs == docs else None,
            "rss": self.sampler.summary(),
        }
        if self.count_records:
            out["records"] = self.records
        return out


def _blocks(items: Iterator, size: int) -> Iterator[list]:
    block: list = []
    for item in items:
        block.append(item)
        if len(block) >= size:
            yield block
            block = []
    if block:
        yield block


def help_time(runs: int = 3) -> dict[str, Any]:
    """Wall time of ``python -m factx --help`` in a fresh interpreter, best of ``runs``."""
    times, cpu_times, code, err = [], [], None, ""
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "factx", "--help"], capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        code, err = proc.returncode, proc.stderr
    out = {"best_s": round(min(times), 3), "runs": [round(t, 3) for t in times],
           "best_cpu_s": round(min(cpu_times), 3), "exit_code": code,
           "target_s": TARGET_HELP_SECONDS, "ok": code == 0 and min(times) < TARGET_HELP_SECONDS}
    if code != 0:
        out["error"] = err.strip().splitlines()[-1] if err.strip() else f"exit code {code}"
    return out


def cli_import_check() -> dict[str, Any]:
    """Whether ``import factx.cli`` in a fresh interpreter pulls spaCy (it should not)."""
    code = ("import json, sys, time; t = time.perf_counter(); import factx.cli; "
            "t = time.perf_counter() - t; "
            "print(json.dumps({'seconds': t, 'heavy': sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('spacy', 'thinc', 'torch', 'numpy'))}))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit code {proc.returncode}"
        return {"imports_spacy": None, "error": last}
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    heavy = sorted({m.split(".")[0] for m in data["heavy"]})
    return {"imports_spacy": "spacy" in heavy, "heavy_modules": heavy, "import_s": round(data["seconds"], 3)}


def bench(path: str, *, model: str | None = None, limit: int | None = None, jobs: int = 1) -> dict:
    """Measure bare spaCy and factx on the articles under ``path`` in one run; see the module docstring."""
    from . import nlp as nlp_mod
    from .pipeline import extract_many

    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    jobs = (os.cpu_count() or 1) if jobs == 0 else jobs
    if jobs < 1:
        raise UsageError("--jobs must be 0 (all cores) or more")
    corpus = Corpus(path, limit)
    rss_start = rss_mb()
    started = time.perf_counter()
    nlp = nlp_mod.load(model)
    load_s = time.perf_counter() - started

    # Warm-up (not timed): first calls build caches, load rule data and import every extractor.
    warm = []
    for article in corpus.articles():
        warm.append(article)
        if len(warm) >= WARMUP_DOCS:
            break
    if not warm:
        raise UsageError(f"{path}: no articles to benchmark")
    for _ in extract_many(warm, model=model):
        pass
    corpus.reset()

    # Serial: spaCy and factx take turns on the same blocks of documents, so that a change in the
    # machine's load during the run affects both alike.
    spacy_phase, factx_phase = Phase("spacy"), Phase("factx", count_records=True)
    # Both sides free spaCy's interned strings per block (factx does so in its pipeline), so the
    # resident memory shows what extraction holds on to.
    zone = getattr(nlp, "memory_zone", None)
    for block in _blocks(corpus.articles(), BLOCK_DOCS):
        with zone() if zone else contextlib.nullcontext():
            spacy_phase.run(nlp.pipe((a.text for a in block), batch_size=BATCH_SIZE))
        factx_phase.run(extract_many(block, model=model, batch_size=BATCH_SIZE))
    phases = [spacy_phase.to_dict(corpus.words, corpus.docs), factx_phase.to_dict(corpus.words, corpus.docs)]
    if jobs > 1:
        parallel = Phase(f"factx_jobs{jobs}", count_records=True)
        parallel.run(extract_many(corpus.articles(), model=model, jobs=jobs, batch_size=BATCH_SIZE))
        phases.append(parallel.to_dict(corpus.words, corpus.docs))
        phases[-1]["children_peak_rss_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
        phases[-1]["cpu_seconds"] = None  # the work is done in the worker processes
    by_name = {p["name"]: p for p in phases}
    spacy_s, factx_s = by_name["spacy"]["seconds"], by_name["factx"]["seconds"]
    report: dict[str, Any] = {
        "path": path,
        "model": nlp_mod.model_label(nlp),
        "jobs": jobs,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "corpus": {"docs": corpus.docs, "words": corpus.words, "chars": corpus.chars,
                   "duplicates_skipped": corpus.skipped, "read_errors": len(corpus.errors),
                   "errors": corpus.errors[:20], "limit": limit},
        "model_load_s": round(load_s, 3),
        "rss_start_mb": rss_start,
        "phases": phases,
        "ratio": round(spacy_s / factx_s, 3) if factx_s else None,
        "cpu_ratio": (round(by_name["spacy"]["cpu_seconds"] / by_name["factx"]["cpu_seconds"], 3)
                      if by_name["factx"]["cpu_seconds"] else None),
        "target_ratio": TARGET_RATIO,
        "peak_rss_mb": peak_rss_mb(),
        "help": help_time(),
        "cli_import": cli_import_check(),
    }
    if jobs > 1:
        par = by_name[f"factx_jobs{jobs}"]["seconds"]
        report["parallel_speedup"] = round(factx_s / par, 3) if par else None
    return report


def _fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def format_bench(report: dict) -> str:
    """The benchmark as a plain-text table."""
    c = report["corpus"]
    lines = [f"factx bench  {report['path']}  model {report['model']}",
             f"{c['docs']} documents, {c['words']:,} words"
             + (f", {c['duplicates_skipped']} duplicates skipped" if c["duplicates_skipped"] else "")
             + (f", {c['read_errors']} unreadable" if c["read_errors"] else "")
             + f"; model loaded in {report['model_load_s']:.2f} s",
             "",
             f"  {'phase':<14}{'seconds':>9}{'docs/s':>9}{'words/s':>10}{'RSS first':>11}{'last':>8}{'max':>8}"]
    for p in report["phases"]:
        rss = p["rss"]
        lines.append(f"  {p['name']:<14}{p['seconds']:>9.2f}{_fmt(p['docs_per_s'], '.1f'):>9}"
                     f"{_fmt(p['words_per_s'], ',.0f'):>10}{_fmt(rss.get('first_mb'), '.0f'):>11}"
                     f"{_fmt(rss.get('last_mb'), '.0f'):>8}{_fmt(rss.get('max_mb'), '.0f'):>8}")
    lines.append("")
    ratio = report.get("ratio")
    verdict = "" if ratio is None else ("  ok" if ratio >= report["target_ratio"] else "  BELOW TARGET")
    lines.append(f"  factx / spaCy throughput: {_fmt(ratio, '.3f')} (target >= {report['target_ratio']}){verdict}")
    lines.append(f"  factx / spaCy by CPU time of this process: {_fmt(report.get('cpu_ratio'), '.3f')} "
                 "(steadier when other programs share the machine)")
    if "parallel_speedup" in report:
        lines.append(f"  parallel speedup with {report['jobs']} jobs: {_fmt(report['parallel_speedup'], '.2f')}x")
    factx = next(p for p in report["phases"] if p["name"] == "factx")
    rss = factx["rss"]
    if rss.get("samples"):
        lines.append(f"  memory during factx: {rss['first_mb']:.0f} -> {rss['last_mb']:.0f} MB "
                     f"(growth {rss['growth_mb']:+.0f} MB, max {rss['max_mb']:.0f} MB, {rss['samples']} samples)")
    lines.append(f"  peak RSS of this process: {report['peak_rss_mb']:.0f} MB")
    h = report["help"]
    if h.get("exit_code") == 0:
        lines.append(f"  factx --help: {h['best_s']:.3f} s best of {len(h['runs'])}, {h['best_cpu_s']:.3f} s CPU "
                     f"(target < {h['target_s']} s){'  ok' if h['ok'] else '  SLOW'}")
    else:
        lines.append(f"  factx --help: failed ({h.get('error')})")
    imp = report["cli_import"]
    if imp.get("imports_spacy") is None:
        lines.append(f"  import factx.cli: failed ({imp.get('error')})")
    else:
        lines.append(f"  import factx.cli loads spaCy: {'YES' if imp['imports_spacy'] else 'no'} "
                     f"({imp['import_s']:.3f} s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m factx.bench PATH [--limit N] [--jobs N] [--format json]``: the same as ``factx bench``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m factx.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--model")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    try:
        report = bench(args.path, model=args.model, limit=args.limit, jobs=args.jobs)
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return int(err.exit_status)
    try:
        print(json.dumps(report, indent=2) if args.format == "json" else format_bench(report))
    except BrokenPipeError:  # `... | head`
        sys.stdout = None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
