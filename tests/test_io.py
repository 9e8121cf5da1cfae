"""Reading inputs: encodings, front matter, JSON Lines, folders, and long-text chunking."""

from __future__ import annotations

import json

import pytest

from factx.errors import InputError, UsageError
from factx.io import Article, decode, guess_title, iter_articles, parse_date, split_front_matter
from factx.nlp import chunks


def test_decode_utf8_bom_and_crlf_are_kept_readable():
    text = decode("\ufeffKyiv, Sunday\r\nCarney said \u201cyes\u201d.".encode("utf-8"), "x")
    assert text.startswith("Kyiv")
    assert "\r\n" in text  # offsets index the text as written


def test_decode_cp1252_curly_quotes():
    raw = "Carney said \u201cwe will be there\u201d \u2013 and left.".encode("cp1252")
    assert decode(raw, "x") == "Carney said \u201cwe will be there\u201d \u2013 and left."


def test_decode_utf16_with_bom():
    assert decode("Zelenskyy spoke.".encode("utf-16"), "x") == "Zelenskyy spoke."


def test_nul_bytes_become_spaces_and_keep_length():
    text = decode(b"Carney\x00said hello.", "x")
    assert text == "Carney said hello."


@pytest.mark.parametrize("data,reason", [(b"", "empty file"), (b"  \n\t\n", "empty file"),
                                         (bytes(range(256)) * 20, "binary file")])
def test_decode_refuses_empty_and_binary(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data, "bad.txt")


def test_front_matter_is_read_and_blanked_without_moving_offsets():
    raw = "---\npublished: 2025-08-24\ntitle: Carney in Kyiv\n---\nCarney arrived on Sunday.\n"
    text, meta = split_front_matter(raw)
    assert meta == {"published": "2025-08-24", "title": "Carney in Kyiv"}
    assert len(text) == len(raw)
    assert text.index("Carney arrived") == raw.index("Carney arrived")
    assert "published" not in text


def test_guess_title_takes_a_headline_line_only():
    assert guess_title("Ad sales boost profit\n\nProfits jumped 76%.") == "Ad sales boost profit"
    assert guess_title("During a visit, Carney spoke.\n\nMore text.") is None


@pytest.mark.parametrize("value,expected", [("2025-08-24", "2025-08-24"), ("2025-08-24T10:00:00Z", "2025-08-24"),
                                            (None, None), ("", None)])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["24/08/2025", "2025-13-01", "yesterday"])
def test_parse_date_rejects_non_dates(value):
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        parse_date(value)


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article.")
    (tmp_path / "a.md").write_text("First article.")
    (tmp_path / ".secret.txt").write_text("Hidden.")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden too.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = list(iter_articles([str(tmp_path)]))
    assert [a.id for a in items] == ["a.md", "b/2.txt"]


def test_glob_selects_files(tmp_path):
    (tmp_path / "a.txt").write_text("Text one.")
    (tmp_path / "b.story").write_text("Text two.")
    assert [a.id for a in iter_articles([str(tmp_path)], glob="*.story")] == ["b.story"]


def test_jsonl_lines_carry_ids_and_bad_lines_are_named(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "text": "Carney spoke.", "published": "2025-08-24", "title": "T"}),
        "{not json",
        json.dumps({"id": "a3"}),
        json.dumps({"text": "No id here."}),
    ]))
    items = list(iter_articles([str(path)], published="2020-01-01"))
    assert isinstance(items[0], Article) and items[0].id == "a1" and items[0].published == "2025-08-24"
    assert isinstance(items[1], InputError) and "docs.jsonl:2" in str(items[1]) and "JSON" in str(items[1])
    assert isinstance(items[2], InputError) and "text" in str(items[2])
    assert items[3].id == "docs:4" and items[3].published == "2020-01-01"


def test_missing_path_and_empty_folder_are_errors_not_exceptions(tmp_path):
    items = list(iter_articles([str(tmp_path / "nope.txt"), str(tmp_path)]))
    assert [type(i) for i in items] == [InputError, InputError]
    assert "no such file" in str(items[0]) and "no articles" in str(items[1])


def test_chunks_join_back_to_the_text_and_cut_at_paragraphs():
    text = "\n\n".join(f"Paragraph {i} says Carney spoke in Kyiv." for i in range(200))
    parts = chunks(text, size=500)
    assert "".join(parts) == text
    assert all(len(p) <= 500 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])
