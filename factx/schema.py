"""The JSON Schema (draft 2020-12) of factx output, derived from the record dataclasses so the two
cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from .records import RECORD_CLASSES, RECORD_TYPES, SCHEMA_VERSION, DocInfo, Mention

_SCALARS = {"str": {"type": "string"}, "int": {"type": "integer"}, "float": {"type": "number"},
            "bool": {"type": "boolean"}}
_ENUMS = {
    ("quotes", "kind"): ["direct", "partial", "indirect"],
    ("dates", "type"): ["date", "time", "duration", "set"],
    ("dates", "anchor"): ["published", "previous", "none"],
    ("claims", "claim_type"): ["quantity", "event", "role", "quote"],
    ("figures", "kind"): ["money", "count", "rate", "percent", "fraction", "duration", "number", "range",
                          "change", "multiple"],
}


def _type_schema(annotation: str) -> dict[str, Any]:
    parts = [p.strip() for p in annotation.split("|")]
    nullable = "None" in parts
    parts = [p for p in parts if p != "None"]
    (base,) = parts
    tuple_of = re.fullmatch(r"tuple\[(\w+), \.\.\.\]", base)
    if tuple_of:
        inner = tuple_of.group(1)
        item = {"$ref": "#/$defs/mention"} if inner == "Mention" else _SCALARS[inner]
        schema: dict[str, Any] = {"type": "array", "items": item}
    else:
        schema = dict(_SCALARS[base])
    if nullable:
        schema["type"] = [schema["type"], "null"]
    return schema


def _object(cls, section: str | None = None) -> dict[str, Any]:
    props = {}
    for f in fields(cls):
        prop = _type_schema(f.type)
        enum = _ENUMS.get((section, f.name))
        if enum:
            prop["enum"] = enum + ([None] if "null" in prop["type"] else [])
        props[f.name] = prop
    return {"type": "object", "properties": props, "required": [f.name for f in fields(cls)],
            "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """Schema of ``factx extract --format json`` (an array of documents); ``$defs`` also describe
    each record and a JSON Lines row."""
    defs: dict[str, Any] = {"mention": _object(Mention), "doc": _object(DocInfo)}
    for section, cls in RECORD_CLASSES.items():
        defs[RECORD_TYPES[section]] = _object(cls, section)
    document = {
        "type": "object",
        "properties": {"schema": {"type": "string", "const": SCHEMA_VERSION}, "doc": {"$ref": "#/$defs/doc"},
                       **{s: {"type": "array", "items": {"$ref": f"#/$defs/{t}"}} for s, t in RECORD_TYPES.items()}},
        "required": ["schema", "doc", *RECORD_TYPES],
        "additionalProperties": False,
    }
    defs["document"] = document
    defs["jsonl_row"] = {
        "oneOf": [
            {"allOf": [{"$ref": f"#/$defs/{t}_row"}]} for t in RECORD_TYPES.values()
        ]
    }
    for section, cls in RECORD_CLASSES.items():
        record_type = RECORD_TYPES[section]
        row = _object(cls, section)
        props = {(f"{record_type}_type" if k == "type" else k): v for k, v in row["properties"].items()}
        row["properties"] = {"type": {"const": record_type}, "doc": {"type": "string"}, **props}
        row["required"] = ["type", "doc", *props]
        defs[f"{record_type}_row"] = row
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://factx.invalid/schema/{SCHEMA_VERSION}",
        "title": "factx output",
        "description": "factx extract --format json: one object per document. Offsets are character "
                       "offsets into the document text. $defs.jsonl_row describes one line of --format jsonl.",
        "type": "array",
        "items": {"$ref": "#/$defs/document"},
        "$defs": defs,
    }
