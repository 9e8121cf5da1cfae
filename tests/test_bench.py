"""Benchmark: the report has every measurement on a tiny corpus (timings are printed, never asserted)."""

from __future__ import annotations

import pytest

from factx.bench import bench, duplicates, format_bench

ARTICLES = {
    "news/001.txt": "Harbour plan approved\n\nThe council approved a £40m harbour plan on Tuesday, "
                    "its leader, Jane Okafor, said. \"Work starts in May,\" she added.\n",
    "news/002.txt": "Factory to close\n\nAbout 300 jobs will go when the Leeds factory closes next year, "
                    "the company said in a statement.\n",
    "news/003.txt": "Factory to close\n\nAbout 300 jobs will go when the Leeds factory closes next year, "
                    "the company said in a statement.\n",
    "sport/001.txt": "Late goal wins derby\n\nA late goal from Tom Reyes gave United a 2-1 win over City "
                     "on Saturday in front of 40,000 fans.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench")
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "manifest.csv").write_text(
        "file,category,title,words,duplicate_of\n"
        "news/001.txt,news,Harbour plan approved,30,\n"
        "news/002.txt,news,Factory to close,20,\n"
        "news/003.txt,news,Factory to close,20,news/002.txt\n", encoding="utf-8")
    return root


def test_manifest_duplicates(corpus):
    assert duplicates(corpus) == {"news/003.txt"}


def test_bench_reports_every_measurement(corpus):
    report = bench(str(corpus), jobs=2)
    words = sum(len(t.split()) for n, t in ARTICLES.items() if n != "news/003.txt")
    assert report["corpus"]["docs"] == 3
    assert report["corpus"]["duplicates_skipped"] == 1
    assert report["corpus"]["words"] == words
    phases = {p["name"]: p for p in report["phases"]}
    assert set(phases) == {"spacy", "factx", "factx_jobs2"}
    for phase in phases.values():
        assert phase["docs"] == 3
        assert phase["seconds"] > 0 and phase["words_per_s"] > 0 and phase["docs_per_s"] > 0
        assert phase["rss"]["samples"] >= 1
        assert phase["rss"]["max_mb"] >= phase["rss"]["first_mb"] > 0
    assert phases["factx_jobs2"]["records"] == phases["factx"]["records"]
    assert report["ratio"] > 0 and report["parallel_speedup"] > 0
    assert report["peak_rss_mb"] > 0
    assert report["help"]["exit_code"] == 0 and len(report["help"]["runs"]) == 3
    assert report["cli_import"]["imports_spacy"] is False
    text = format_bench(report)
    assert "factx / spaCy throughput" in text and "factx --help" in text


def test_bench_limit(corpus):
    report = bench(str(corpus), limit=1)
    assert report["corpus"]["docs"] == 1
    assert all(p["docs"] == 1 for p in report["phases"])
