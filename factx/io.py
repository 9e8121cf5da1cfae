"""Reading articles: files, directories, JSON Lines and stdin, decoded and cleaned once.

Readers yield :class:`Article` for each document and :class:`~factx.errors.InputError` for each
input that could not be read, so one bad file never stops the others.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .errors import InputError, UsageError

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_GLOBS = tuple(f"*{s}" for s in TEXT_SUFFIXES + JSONL_SUFFIXES)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Article:
    """One document to extract from. ``text`` is what every offset indexes."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def parse_date(value: str | None, source: str = "--published") -> str | None:
    """A YYYY-MM-DD date string, or None. Raises UsageError for anything else."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    match = _DATE.match(text)
    try:
        if not match:
            raise ValueError
        return date.fromisoformat(match.group(0)).isoformat()
    except ValueError:
        raise UsageError(f"{source}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-08-24") from None


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else the detected encoding.

    NUL bytes become spaces so that offsets still index the text; binary data is refused.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if _looks_binary(data):
            raise InputError(source, "binary file, not text (expected UTF-8 or another text encoding)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_guess(data, source)
    text = text.lstrip("\ufeff").replace("\x00", " ")
    if not text.strip():
        raise InputError(source, "empty file")
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.count(b"\x00") > max(8, len(sample) // 20):
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 0))
    return control > len(sample) // 10


def _decode_guess(data: bytes, source: str) -> str:
    """Legacy encodings: Windows-1252 when the text reads as mostly-ASCII Western prose (the usual
    case for English news), else charset-normalizer's best guess."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        letters = [c for c in text if c.isalpha()]
        if letters and sum(c.isascii() for c in letters) >= 0.8 * len(letters):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    if text is not None:
        return text
    raise InputError(source, "could not detect the text encoding; convert the file to UTF-8")


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """Blank out a leading ``---`` metadata block and return its keys.

    The block is replaced by spaces (newlines kept), so offsets still index the original text.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    meta = {}
    for line in match.group(1).splitlines():
        kv = _FRONT_KEY.match(line)
        if kv:
            meta[kv.group(1).lower()] = kv.group(2).strip().strip("\"'")
    blank = re.sub(r"[^\r\n]", " ", match.group(0))
    return blank + text[match.end():], meta


def guess_title(text: str) -> str | None:
    """A headline on the first line, set off by a blank line (the BBC and wire convention)."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not rest.startswith(("\n", "\r\n")) or not first or len(first) > 200:
        return None
    if first[-1] in ".!?\"”:;," or "—" in first[:3]:
        return None
    return first


def make_article(text: str, doc_id: str, *, path: str | None = None, published: str | None = None,
                 title: str | None = None, url: str | None = None, source: str | None = None) -> Article:
    """Build an article from raw text, reading its front matter. ``published`` is the fallback date."""
    source = source or doc_id
    text, meta = split_front_matter(text)
    if not text.strip():
        raise InputError(source, "no text after the front matter")
    pub = meta.get("published") or meta.get("date")
    try:
        pub = parse_date(pub, f"{source}: published") if pub else published
    except UsageError as err:
        raise InputError(source, str(err).split(": ", 1)[1]) from None
    return Article(
        id=doc_id,
        text=text,
        path=path,
        title=meta.get("title") or title or guess_title(text),
        published=pub,
        url=meta.get("url") or url,
    )


def iter_jsonl(lines: Iterable[str], source: str, published: str | None, path: str | None = None,
               ) -> Iterator[Article | InputError]:
    """Articles from JSON Lines: ``{"id", "text", "published"?, "title"?, "url"?}`` per line."""
    stem = Path(source).stem if source != "-" else "stdin"
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(where, f"not valid JSON ({err.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputError(where, 'no "text" field (each line needs {"id": ..., "text": ...})')
            continue
        if not obj["text"].strip():
            yield InputError(where, "empty text")
            continue
        doc_id = str(obj.get("id") or f"{stem}:{number}")
        try:
            pub = parse_date(obj.get("published"), f"{where}: published") or published
            yield make_article(obj["text"].replace("\x00", " "), doc_id, path=path, published=pub,
                               title=obj.get("title"), url=obj.get("url"), source=where)
        except (InputError, UsageError) as err:
            yield err if isinstance(err, InputError) else InputError(where, str(err).split(": ", 2)[-1])


def read_file(path: Path, doc_id: str, published: str | None) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputError(source, err.strerror or str(err))
        return
    try:
        text = decode(data, source)
    except InputError as err:
        yield err
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from iter_jsonl(text.splitlines(), source, published, path=source)
        return
    try:
        yield make_article(text, doc_id, path=source, published=published)
    except InputError as err:
        yield err


def read_stdin(published: str | None, stream=None) -> Iterator[Article | InputError]:
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        text = decode(data, "<stdin>")
    except InputError as err:
        yield err
        return
    first = text.lstrip()[:1]
    if first == "{":
        yield from iter_jsonl(text.splitlines(), "-", published)
    else:
        yield make_article(text, "stdin", published=published)


def walk(root: Path, globs: tuple[str, ...]) -> list[Path]:
    """Files under ``root`` that match ``globs``, sorted, hidden files and folders skipped."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if any(fnmatch.fnmatch(name, g) for g in globs):
                found.append(Path(folder) / name)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def iter_articles(paths: Iterable[str], *, published: str | None = None, glob: str | None = None,
                  stdin=None) -> Iterator[Article | InputError]:
    """Every article named by ``paths`` (files, folders, ``-``), in order, with errors in place."""
    globs = tuple(g.strip() for g in glob.split(",")) if glob else DEFAULT_GLOBS
    for raw in paths:
        if raw == "-":
            yield from read_stdin(published, stdin)
            continue
        path = Path(raw)
        if path.is_dir():
            files = walk(path, globs)
            if not files:
                yield InputError(raw, f"no articles in this folder (looked for {', '.join(globs)})")
            for file in files:
                yield from read_file(file, file.relative_to(path).as_posix(), published)
        elif path.is_file():
            yield from read_file(path, path.name, published)
        elif path.exists():
            yield InputError(raw, "not a regular file or folder")
        else:
            yield InputError(raw, "no such file or folder")


def with_published(article: Article, published: str | None) -> Article:
    return article if article.published or not published else replace(article, published=published)
