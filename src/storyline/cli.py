"""The command line: a thin front-end over the library.

Every error becomes one line on stderr and exit code 1 (library errors say what to do); bad usage
exits 2. A pipe closed by its reader (``storyline export | head -1``) ends a command quietly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import errno
import importlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from storyline import __version__
from storyline.errors import StorylineError
from storyline.records import TABLES
from storyline.settings import Settings, defaults_text, load_settings

app = typer.Typer(
    name="storyline",
    help="Turn news articles into a sourced, dated record of a story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score a stage on public gold data and print the table.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")
kb_app = typer.Typer(
    help="Knowledge learned from your own stored articles, for the stages to read.",
    no_args_is_help=True,
)
app.add_typer(kb_app, name="kb")

ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="A TOML settings file overriding the shipped defaults."),
]
DbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB database file.")]

TABLE_NAMES = tuple(TABLES)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn news articles into a sourced, dated record of a story."""


def _known_actor(actor: str, entities: Iterable[Any], param: str = "--actor") -> None:
    """Refuse an actor no entity is named by (name, alias or id, whole words), with close names."""
    wanted = actor.strip().lower()
    pattern = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
    names: list[str] = []
    for e in entities:
        forms = [e.name, *e.aliases]
        if e.id.lower() == wanted or any(pattern.search(f.lower()) for f in forms):
            return
        names += forms
    close = difflib.get_close_matches(actor, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise typer.BadParameter(f"no actor {actor!r} in the database{hint}", param_hint=param)


def _date_bound(value: str | None, param: str) -> str | None:
    """A --from/--to date: YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar."""
    if value is None:
        return None
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    try:
        dt.datetime.strptime(value, formats[len(value)])
    except (KeyError, ValueError):
        raise typer.BadParameter(
            f"{value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD", param_hint=param
        ) from None
    return value


def _err() -> Console:
    return Console(stderr=True, highlight=False)


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    """Any error as one line on stderr and exit code 1, never a traceback.

    What the command wrote is flushed inside, so that a full disk behind stdout is an error too
    rather than a message Python prints at exit; a closed pipe is left to end the command quietly.
    """
    try:
        yield
        sys.stdout.flush()
    except (BrokenPipeError, typer.TyperException, typer.Exit, typer.Abort):
        raise  # usage errors and exits are click's; it ends a closed pipe with code 1, silently
    except StorylineError as err:
        _fail(str(err))
    except OSError as err:  # mostly a write to stdout: the library wraps its own files' errors
        fix = "; free some space or send the output elsewhere" if err.errno == errno.ENOSPC else ""
        _fail(f"cannot write {err.filename or 'stdout'}: {err.strerror or err}{fix}")
    except Exception as err:
        if os.environ.get("STORYLINE_TRACEBACK"):
            raise
        _fail(
            f"unexpected {type(err).__name__}: {err} (a bug: please report it with the command; "
            "STORYLINE_TRACEBACK=1 shows where it happened)"
        )


def _fail(message: str) -> NoReturn:
    _err().print(f"[bold red]error:[/] {escape(' '.join(message.split()))}", soft_wrap=True)
    try:
        sys.stdout.flush()
    except OSError:
        # What stdout could not take stays in its buffer, and Python's own flush at exit would fail
        # on it again (a second message, exit code 120): let that flush go to /dev/null.
        with contextlib.suppress(OSError, ValueError):
            fd = sys.stdout.fileno()
            os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
    raise typer.Exit(1)


@app.command()
def run(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders: .txt (+ NAME.json sidecar), .jsonl, .html, .warc[.gz]; "
            "with --engine spark also Parquet and any path Spark reads (s3a://, hdfs://)."
        ),
    ],
    db: DbOpt = Path("storyline.duckdb"),
    published: Annotated[
        str | None,
        typer.Option(
            "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none."
        ),
    ] = None,
    config: ConfigOpt = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (DuckDB --db) or spark (Parquet --output).")
    ] = "local",
    output: Annotated[
        str | None,
        typer.Option("--output", help="With --engine spark: the folder for the Parquet tables."),
    ] = None,
    master: Annotated[
        str, typer.Option("--master", help="With --engine spark: the Spark master URL.")
    ] = "local[*]",
) -> None:
    """Read articles, extract timexes, actors, quotes and events, and store them in --db.

    Safe to run again on the same input: stored documents are skipped, nothing is stored twice.
    With --engine spark the same stages run on Apache Spark and write Parquet tables to --output
    (load them with `storyline import --parquet DIR --db PATH`).
    """
    from storyline.ingest import parse_date
    from storyline.runner import run as run_local

    with _errors():
        if published is not None:
            try:
                published = parse_date(published)
            except ValueError as err:
                raise typer.BadParameter(
                    f"{published!r} is not a date: {err}", param_hint="--published"
                ) from None
        settings = load_settings(config)
        if engine not in ("local", "spark"):
            raise typer.BadParameter(
                f"unknown engine {engine!r}; valid: local, spark", param_hint="--engine"
            )
        if engine == "spark":
            _run_spark(inputs, output, settings, published, master)
            return
        console = _err()
        if console.is_terminal:
            summary = _run_with_progress(
                console,
                lambda progress: run_local(
                    inputs, db, settings, published=published, progress=progress
                ),
            )
        else:
            summary = run_local(
                inputs, db, settings, published=published, progress=_plain_progress()
            )
        typer.echo(summary.line())
        if summary.failures:
            typer.echo(f"see them with: storyline export --db {db} --table failures")
        if summary.failures and not summary.stored and not summary.skipped:
            raise typer.Exit(1)  # nothing usable in the inputs: a failure for scripts too


def _run_spark(
    inputs: list[str], output: str | None, settings: Settings, published: str | None, master: str
) -> None:
    if output is None:
        raise typer.BadParameter("--engine spark needs --output DIR", param_hint="--output")
    try:
        from storyline.spark import run_spark
    except ImportError as err:
        raise StorylineError(
            f"--engine spark needs PySpark ({err}); install it with: pip install 'storyline[spark]' "
            "(and Java 17: apt-get install openjdk-17-jre-headless)"
        ) from None
    summary = run_spark(inputs, output, settings, published=published, master=master)
    typer.echo(summary.line())
    typer.echo(f"load it into DuckDB with: storyline import --parquet {output} --db PATH")


@app.command("import")
def import_(
    parquet: Annotated[Path, typer.Option("--parquet", help="The --output folder of a Spark run.")],
    db: DbOpt = Path("storyline.duckdb"),
) -> None:
    """Load a Spark run's Parquet tables into --db (its tables are replaced)."""
    from storyline.store import Store
    from storyline.store.parquet import import_parquet

    with _errors():
        with Store.open(db) as store:
            counts = import_parquet(store, parquet)
        typer.echo(
            ", ".join(f"{n:,} {table}" for table, n in counts.items()) + f" loaded into {db}"
        )


def _plain_progress(every: float = 10.0) -> Callable[[int, int], None]:
    """Progress as plain lines on stderr when it is not a terminal: the first commit, then at
    most one line every ``every`` seconds."""
    last = [-every]

    def progress(stored: int, failures: int) -> None:
        now = time.monotonic()
        if now - last[0] >= every:
            last[0] = now
            print(
                f"... {stored} documents stored, {failures} failures", file=sys.stderr, flush=True
            )

    return progress


def _run_with_progress(console: Console, work: Callable[[Any], Any]) -> Any:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("analysing articles", total=None, status="")

        def progress(stored: int, failures: int) -> None:
            bar.update(task, status=f"{stored} stored, {failures} failures")

        return work(progress)


@app.command()
def export(
    db: DbOpt = Path("storyline.duckdb"),
    table: Annotated[
        str, typer.Option("--table", help=f"One of: {', '.join(TABLE_NAMES)}.")
    ] = "events",
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl, csv, parquet or timelinejs (timeline table).")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Write the records of one table (JSONL to stdout by default)."""
    from storyline.export import FORMATS, write_table
    from storyline.store import Store

    with _errors():
        if table not in TABLE_NAMES:
            raise typer.BadParameter(
                f"unknown table {table!r}; valid: {', '.join(TABLE_NAMES)}", param_hint="--table"
            )
        if fmt not in FORMATS:
            raise typer.BadParameter(
                f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}", param_hint="--format"
            )
        with Store.open(db, read_only=True) as store:
            keep = (db, Path(f"{db}.wal"))  # the database being read, never written over
            n = write_table(store.arrow(table), fmt, sys.stdout, output, keep=keep)
        if output is not None:
            _err().print(f"{n} {table} rows written to {output}")


@kb_app.command("build")
def kb_build(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The people file to write (JSON).")
    ],
    db: DbOpt = Path("storyline.duckdb"),
    min_docs: Annotated[
        int, typer.Option("--min-docs", min=1, help="Documents a person's titles must state it in.")
    ] = 2,
    agree: Annotated[
        float,
        typer.Option("--agree", min=0.5, max=1.0, help="Share of those documents that must agree."),
    ] = 0.8,
) -> None:
    """Learn people's countries and offices from the titles in the stored articles ("Russian
    President Vladimir Putin", "Democratic front-runner Hillary Clinton") and write them as a
    people file; name it in the settings (`[actors] people = ["people.json"]`) and the actors stage
    gives these people their country where an article names them without a title, and their
    office's sector where the article is of the days it was seen in."""
    from storyline.export import ExportError, check_target
    from storyline.records import DocumentEntity, Role
    from storyline.stages.actors.lexicon import lexicon
    from storyline.store import Store
    from storyline.story.people import learn_offices, learn_people, people_file

    with _errors():
        check_target(output, "json", keep=[db])
        with Store.open(db, read_only=True) as store:
            entities = list(store.records(DocumentEntity))
            roles = list(store.records(Role, extracted=True))
            countries = learn_people(
                entities, roles, lexicon().country_names, min_docs=min_docs, agree=agree
            )
            people = people_file(countries, learn_offices(entities, roles, min_docs=min_docs))
            n_docs = store.count("documents")
        text = json.dumps(people, indent=0, ensure_ascii=False) + "\n"
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as err:
            raise ExportError(f"cannot write {output}: {err.strerror or err}") from err
        _err().print(
            f"{len(people):,} people learned from {n_docs:,} documents -> {output}; use it with "
            f'[actors] people = ["{output}"] in a settings file (--config)',
            markup=False,
        )


@app.command()
def stats(db: DbOpt = Path("storyline.duckdb")) -> None:
    """Rows per table, and failures by stage."""
    from storyline.store import Store

    with _errors():
        with Store.open(db, read_only=True) as store:
            counts = store.counts()
            by_stage = store.sql(
                "SELECT stage, count(*) AS n FROM failures GROUP BY stage ORDER BY n DESC"
            )
        out = Console(highlight=False)
        grid = Table(title=f"storyline database {db}", show_header=True)
        grid.add_column("table")
        grid.add_column("rows", justify="right")
        for name, n in counts.items():
            grid.add_row(name, f"{n:,}")
        out.print(grid)
        if by_stage:
            out.print("failures by stage: " + ", ".join(f"{r['stage']} {r['n']}" for r in by_stage))


@app.command()
def entities(
    db: DbOpt = Path("storyline.duckdb"),
    name: Annotated[
        str | None, typer.Option("--name", help="Only entities whose name or alias contains this.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")] = 50,
) -> None:
    """Entities with their codes, aliases, roles (first and last seen) and mention counts."""
    from storyline.store import Store
    from storyline.store.queries import entity_overview

    with _errors():
        with Store.open(db, read_only=True) as store:
            rows = entity_overview(store, name=name, limit=limit)
        out = Console(highlight=False)
        grid = Table(show_header=True, title="entities")
        for col in ("name", "type", "country", "sector", "mentions", "roles", "aliases"):
            grid.add_column(col)
        for r in rows:
            grid.add_row(
                r["name"],
                r["type"],
                r["country"] or "",
                r["sector"] or "",
                str(r["mentions"]),
                r["roles"],
                ", ".join(r["aliases"][:6]),
            )
        out.print(grid)


@app.command()
def timeline(
    db: DbOpt = Path("storyline.duckdb"),
    story: Annotated[
        str | None, typer.Option("--story", help="A story id, or words of its label.")
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help='An actor, e.g. "Hun Sen".')] = None,
    query: Annotated[str | None, typer.Option("--query", help="Words the sentences hold.")] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date (YYYY[-MM[-DD]]).")] = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text, markdown, timelinejs, csv or jsonl.")
    ] = "text",
) -> None:
    """A dated timeline with citations, for a story, an actor, a query or a date range."""
    from storyline.export.timeline import FORMATS, find_story, render
    from storyline.records import Document, Entity, Event, Quote, Story, StoryEvent
    from storyline.store import Store
    from storyline.store.reads import resolve_actor
    from storyline.story.timeline import build_timeline

    with _errors():
        if fmt not in FORMATS:
            raise typer.BadParameter(
                f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}", param_hint="--format"
            )
        start, end = _date_bound(start, "--from"), _date_bound(end, "--to")
        with Store.open(db, read_only=True) as store:
            documents = list(store.records(Document))
            events = list(store.records(Event))
            quotes = list(store.records(Quote))
            story_events = list(store.records(StoryEvent))
            stories = list(store.records(Story))
            entities = list(store.records(Entity))
            actor_ids = resolve_actor(store, actor) if actor else ()
        names = {e.id: e.name for e in entities}
        if actor:
            _known_actor(actor, entities)
        found = find_story(stories, story) if story else None
        if story and found is None:
            raise typer.BadParameter(f"no story {story!r} in {db}", param_hint="--story")
        entries = build_timeline(
            story_events,
            events,
            documents,
            quotes,
            story_id=found.id if found else None,
            actor=actor,
            query=query,
            start=start,
            end=end,
            entity_names=names,
            actor_ids=actor_ids,
        )
        typer.echo(render(entries, fmt, documents, title=found.label if found else None), nl=False)


@app.command()
def positions(
    db: DbOpt = Path("storyline.duckdb"),
    actor: Annotated[str, typer.Option("--actor", help='The actor, e.g. "Hun Sen".')] = "",
    fmt: Annotated[str, typer.Option("--format", help="text or jsonl.")] = "text",
) -> None:
    """What an actor said and did over time, grouped by topic and target, with sources."""
    import dataclasses
    import json

    from storyline.records import Document, Entity, Event, Quote
    from storyline.store import Store
    from storyline.store.reads import resolve_actor
    from storyline.story.positions import positions as actor_positions
    from storyline.story.positions import render_positions

    with _errors():
        if not actor:
            raise typer.BadParameter("give the actor, e.g. --actor 'Hun Sen'", param_hint="--actor")
        with Store.open(db, read_only=True) as store:
            entities = list(store.records(Entity))
            _known_actor(actor, entities)
            # The entities named so (id, name, else alias): "Cambodia" is the country, not the
            # Cambodia National Rescue Party; words of a name only when no entity has it whole.
            result = actor_positions(
                actor,
                list(store.records(Quote)),
                list(store.records(Event)),
                list(store.records(Document)),
                {e.id: e.name for e in entities},
                actor_ids=resolve_actor(store, actor),
            )
        if fmt == "jsonl":
            for p in result:
                typer.echo(json.dumps(dataclasses.asdict(p), ensure_ascii=False))
        else:
            typer.echo(render_positions(result), nl=False)


EVAL_STAGES = (
    "timex",
    "quotes",
    "actors",
    "events",
    "ingest",
    "timeline",
    "articles",
    "stories",
)
#: Eval commands whose gold has a fixed tune/held-out split, chosen with --part.
PART_EVAL_STAGES = ("articles", "stories")
EVAL_HELP = {
    "articles": "Score whole articles (events, actors, dates, places, quotes) on the "
    "article-level gold at PATH (articles-gold or its voa/) and print the tables.",
    "stories": "Score story events and stories on the multi-article gold stories at PATH "
    "(articles-gold/stories) and print the table.",
}


def _eval(
    stage: str, path: Path, limit: int | None, config: Path | None, part: str | None = None
) -> None:
    with _errors():
        module = importlib.import_module(f"storyline.eval.{stage}")
        extra = {} if part is None else {"part": part}
        scores = module.evaluate(path, load_settings(config), limit=limit, **extra)
        typer.echo(module.report(scores))


def _make_eval_command(stage: str) -> None:
    def command(
        path: Annotated[Path, typer.Argument(help="The gold data (file or folder).")],
        limit: Annotated[
            int | None, typer.Option("--limit", min=1, help="Score only the first N items.")
        ] = None,
        config: ConfigOpt = None,
    ) -> None:
        _eval(stage, path, limit, config)

    def part_command(
        path: Annotated[Path, typer.Argument(help="The gold data (file or folder).")],
        part: Annotated[
            str,
            typer.Option("--part", help="tune, heldout (the numbers to report) or all (both)."),
        ] = "all",
        limit: Annotated[
            int | None, typer.Option("--limit", min=1, help="Score only the first N items.")
        ] = None,
        config: ConfigOpt = None,
    ) -> None:
        if part not in ("tune", "heldout", "all"):
            raise typer.BadParameter(
                f"unknown part {part!r}; valid: tune, heldout, all", param_hint="--part"
            )
        _eval(stage, path, limit, config, part)

    chosen = part_command if stage in PART_EVAL_STAGES else command
    chosen.__doc__ = EVAL_HELP.get(
        stage, f"Score the {stage} stage on gold data at PATH and print the table."
    )
    eval_app.command(stage)(chosen)


for _stage in EVAL_STAGES:
    _make_eval_command(_stage)


@app.command("demo-summary")
def demo_summary(db: DbOpt = Path("storyline.duckdb")) -> None:
    """Print a readable summary of a database: counts, quotes by speaker, events and a timeline."""
    from storyline.store import Store
    from storyline.summary import render_summary

    with _errors(), Store.open(db, read_only=True) as store:
        render_summary(store, Console(highlight=False, width=110))


@app.command()
def serve(
    db: DbOpt = Path("storyline.duckdb"),
    host: Annotated[
        str,
        typer.Option(
            "--host", help="Address to bind (keep 127.0.0.1 unless you mean to share it)."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Serve the HTTP API (/api, docs at /docs) and the web UI for --db, read-only."""
    import uvicorn

    from storyline.api import create_app

    with _errors():
        web = create_app(db)
    _err().print(
        f"storyline: serving {db} read-only at http://{host}:{port}  (API docs: /docs; Ctrl-C stops)"
    )
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command()
def config() -> None:
    """Print the shipped, commented defaults file (copy it to start your own settings)."""
    with _errors():
        typer.echo(defaults_text(), nl=False)


def main() -> None:
    """Entry point of the ``storyline`` command."""
    app()
