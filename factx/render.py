"""One renderer for every command: table, json, jsonl and csv, streamed document by document."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .records import RECORD_TYPES, SECTIONS, Result, field_names, record_dict

FORMATS = ("table", "json", "jsonl", "csv")

TABLE_FIELDS = {
    "entities": ["id", "name", "label", "count", "aliases", "role", "affiliation"],
    "quotes": ["id", "kind", "speaker", "cue", "text"],
    "figures": ["id", "kind", "text", "value", "unit", "per", "qualifier"],
    "dates": ["id", "text", "value", "date_type", "mod"],
    "claims": ["id", "claim_type", "subject", "predicate", "object", "value", "unit", "per", "date", "source"],
}

_CSV_UNSAFE = ("=", "+", "-", "@", "\t", "\r")


def clean(data: dict[str, Any]) -> dict[str, Any]:
    """Whole-number floats print as integers (22000000000, not 2.2e10)."""
    for key, value in data.items():
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
            data[key] = int(value)
    return data


def record_rows(result: Result, sections: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The JSON Lines view: one dict per record, with ``type`` and ``doc`` first."""
    for section in sections:
        for record in getattr(result, section):
            data = clean(record_dict(record))
            if "type" in data:  # a date's own type; the row's ``type`` names the record type
                data[f"{RECORD_TYPES[section]}_type"] = data.pop("type")
            yield {"type": RECORD_TYPES[section], "doc": result.doc.id, **data}


def document_dict(result: Result) -> dict[str, Any]:
    data = result.to_dict()
    for section in SECTIONS:
        data[section] = [clean(r) for r in data[section]]
    return data


def columns(sections: list[str], fields: list[str] | None, fmt: str) -> list[str]:
    """The columns of a csv or table view; mixed-type output leads with ``type`` and ``doc``."""
    if fields:
        return fields
    if fmt == "table":
        if len(sections) == 1:
            return TABLE_FIELDS[sections[0]]
        return ["type", "id", "text"]
    cols = ["type", "doc"]
    for section in sections:
        cols += [name for name in row_field_names(section) if name not in cols]
    return cols


def row_field_names(section: str) -> list[str]:
    """Field names as they appear in jsonl/csv rows (a date's ``type`` is ``date_type`` there)."""
    return [f"{RECORD_TYPES[section]}_type" if n == "type" else n for n in field_names(section)]


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        if not value:
            return ""
        if all(isinstance(v, str) for v in value):
            value = "; ".join(value)
        else:
            value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_CSV_UNSAFE):
        return "'" + value
    return value


class Renderer:
    """Writes results to ``out`` as they arrive; ``close()`` finishes the document (json's ``]``)."""

    def __init__(self, out: IO[str], fmt: str, sections: list[str], fields: list[str] | None = None,
                 *, whole_documents: bool = False, color: bool = False, sort_entities: bool = True):
        self.out, self.fmt, self.sections, self.fields = out, fmt, sections, fields
        self.whole_documents = whole_documents
        self.color = color
        self.sort_entities = sort_entities
        self.count = 0
        self._started = False
        self._csv = None
        self._console = None

    def write(self, result: Result) -> None:
        getattr(self, f"_write_{self.fmt}")(result)
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if not self._started else "\n]\n")
        self.out.flush()

    def _write_jsonl(self, result: Result) -> None:
        for row in record_rows(result, self.sections):
            self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.count += 1

    def _write_json(self, result: Result) -> None:
        items = [document_dict(result)] if self.whole_documents else list(record_rows(result, self.sections))
        for item in items:
            self.out.write("[\n" if not self._started else ",\n")
            self._started = True
            self.out.write(json.dumps(item, ensure_ascii=False, indent=2))
            self.count += 1

    def _write_csv(self, result: Result) -> None:
        cols = columns(self.sections, self.fields, "csv")
        if self._csv is None:
            self._csv = csv.writer(self.out, lineterminator="\n")
            self._csv.writerow(cols)
        for row in record_rows(result, self.sections):
            self._csv.writerow([csv_cell(row.get(c)) for c in cols])
            self.count += 1

    def _write_table(self, result: Result) -> None:
        from rich.console import Console
        from rich.table import Table

        if self._console is None:
            self._console = Console(file=self.out, force_terminal=self.color, no_color=not self.color,
                                    highlight=False, soft_wrap=False, width=None if self.color else 160)
        title = result.doc.id + (f" — {result.doc.title}" if result.doc.title else "")
        self._console.rule(title)
        for section in self.sections:
            rows = list(record_rows(result, [section]))
            if section == "entities" and self.sort_entities:
                rows.sort(key=lambda r: (-r.get("count", 0), r["id"]))
            cols = self.fields or TABLE_FIELDS[section]
            table = Table(title=f"{section} ({len(rows)})", title_justify="left", show_lines=False)
            for col in cols:
                table.add_column(col, overflow="fold", max_width=70 if col in ("text", "object") else None)
            for row in rows:
                table.add_row(*[_table_cell(row.get(c)) for c in cols])
                self.count += 1
            self._console.print(table)


def _table_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    if isinstance(value, list):
        return ", ".join(v if isinstance(v, str) else json.dumps(v) for v in value)
    return str(value)
