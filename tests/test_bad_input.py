"""Bad input never crashes a run and never vanishes: every input is stored or a failure row.

One table of cases, each writing its own inputs into its own folder. They are processed together
(so the valid articles share batches with the bad ones) by ``storyline run``, then again with the
folder given as an absolute path instead of a relative one; each case then checks what was stored
and which failure rows say why not.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import storyline.runner
from storyline.cli import app
from storyline.records import Document, Event, Failure
from storyline.runner import RunSummary, run
from storyline.settings import Settings
from storyline.store import Store

sys.path.insert(0, str(Path(__file__).parent / "ingest"))
from ingest_samples import ARTICLE_HTML, NO_ARTICLE_HTML, write_warc

GOOD = "Hun Sen said on Thursday that Cambodia would co-sponsor the resolution."
CURLY = "He said: “We will co-sponsor the resolution.”"
# Dated 9999-12-31, "this week" was 9999-W52, which ends in year 10000: the story rebuild failed.
FAR_FUTURE = "Russia imposed sanctions on Ukraine this week, the minister said."
WARC_HTML = ARTICLE_HTML.replace("Cambodia voted on Wednesday", "Cambodia voted on Tuesday")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the runs left in the database, and what the first run said."""

    documents: list[Document]
    failures: list[Failure]
    first: RunSummary | None
    cli_output: str

    def stored(self, needle: str) -> Document:
        found = [d for d in self.documents if needle in d.text]
        assert len(found) == 1, f"{len(found)} documents hold {needle!r}"
        return found[0]


@dataclass(frozen=True)
class Case:
    """Inputs written into ``root / name`` by ``make``, and what must come of them."""

    name: str
    make: Callable[[Path], None]
    stored: tuple[str, ...] = ()  # text every stored document of the case holds one of
    failures: tuple[tuple[str, str], ...] = ()  # (stage, words of the reason), inputs in the folder
    check: Callable[[Outcome, Path], None] | None = None


def _write(name: str, data: bytes | str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        target = folder / name
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")

    return make


def _jsonl(*records: object) -> Callable[[Path], None]:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return _write("articles.jsonl", "\n".join(lines) + "\n")


def _with_sidecar(text: str, sidecar: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / "a.txt").write_text(text, encoding="utf-8")
        (folder / "a.json").write_text(sidecar, encoding="utf-8")

    return make


def _raw_name(name: bytes, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        with open(os.path.join(os.fsencode(folder), name), "wb") as stream:
            stream.write(data)

    return make


def _linked_folder(folder: Path) -> None:
    elsewhere = folder.parent.parent / "outside"
    elsewhere.mkdir()
    (elsewhere / "far.txt").write_text("A linked folder's article: Thailand closed its border.")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)


def _link_cycle(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "cycle.txt").write_text("Inside a folder with a link back up the tree.")
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)


def _warc(folder: Path) -> None:
    page = ("http://example.org/a", "200 OK", "text/html", WARC_HTML.encode())
    write_warc(folder / "full.warc.gz", [page])


def _truncated_warc(folder: Path) -> None:
    page = ("http://example.org/b", "200 OK", "text/html", ARTICLE_HTML.encode())
    data = write_warc(folder / "whole.warc.gz", [page])
    (folder / "whole.warc.gz").unlink()
    (folder / "truncated.warc.gz").write_bytes(data[: len(data) // 2])


def _control_bytes(folder: Path) -> None:
    body = "Cambodia co-sponsored the resolution on Thursday. " * 2000  # about 100 KB
    (folder / "early.txt").write_bytes(b"Early\x01 copy. " + body.encode())
    (folder / "late.txt").write_bytes(b"Late copy. " + body.encode() + b"\x01The end.")


# --- checks beyond "stored" and "failure rows" ------------------------------------------------------


def _undated(needle: str) -> Callable[[Outcome, Path], None]:
    def check(outcome: Outcome, folder: Path) -> None:
        assert outcome.stored(needle).published is None

    return check


def _check_surrogates(outcome: Outcome, folder: Path) -> None:
    assert outcome.stored("lone surrogate").text.endswith("surrogate \ufffd here.")
    assert outcome.stored("surrogate in its id").external_id == "id-\ufffd"


def _check_sidecar_title(outcome: Outcome, folder: Path) -> None:
    assert outcome.stored("its sidecar title").title == "Title \ufffd"


def _check_file_name(outcome: Outcome, folder: Path) -> None:
    document = outcome.stored("file name that is not UTF-8")
    assert document.external_id == str(folder / "caf\\xe9.txt")


def _check_mixed(outcome: Outcome, folder: Path) -> None:
    assert outcome.stored("a déclaré").text == CURLY + "\nLe président a déclaré: “non”."


def _check_offset(outcome: Outcome, folder: Path) -> None:
    assert outcome.stored("offset kept").published == "2022-10-28T01:30:00+07:00"


def _check_duplicate(outcome: Outcome, folder: Path) -> None:
    document = outcome.stored("told twice")
    assert (document.external_id, document.title) == ("first", "First title")
    [row] = [f for f in outcome.failures if f.stage == "duplicate"]
    assert row.external_id == "second" and document.id in row.reason and "'first'" in row.reason


def _check_control_bytes(outcome: Outcome, folder: Path) -> None:
    assert outcome.stored("Early copy.").text.startswith("Early copy. Cambodia")
    assert outcome.stored("Late copy.").text.endswith("Thursday. The end.")


def _check_jsonl(outcome: Outcome, folder: Path) -> None:
    assert outcome.stored("crossed the border").published is None
    assert any(d.external_id == "long-line" for d in outcome.documents)


def _check_huge(outcome: Outcome, folder: Path) -> None:
    assert len(outcome.stored("The minister spoke.").text) > 1_000_000  # stored, not analysed


CASES = [
    # --- what the reader always handled ---
    Case(
        "binary", _write("binary.txt", bytes(range(256)) * 40), failures=(("decode", "not text"),)
    ),
    Case("empty", _write("empty.txt", b""), failures=(("validate", "empty file"),)),
    Case("good", _write("good.txt", GOOD), stored=(GOOD,)),
    Case(
        "latin1",
        _write("latin1.txt", "Le président a parlé jeudi à Phnom Penh.".encode("latin-1")),
        stored=("a parlé jeudi",),
    ),
    Case(
        "jsonl",
        _jsonl(
            {"id": "ok", "text": "Russia vetoed the motion last week.", "published": "2022-03-04"},
            "{not json",
            {"id": "no-text", "title": "only a title"},
            {"id": "bad-date", "text": "Troops crossed the border.", "published": "2022-02-30"},
            ["a", "list"],
            {"id": "long-line", "text": "word " * 40_000},
        ),
        stored=("Russia vetoed", "crossed the border", "word word"),
        failures=(
            ("parse", "not valid JSON"),
            ("validate", "record has no article"),
            ("validate", "published date ignored"),
            ("parse", "JSON list, not an object"),
        ),
        check=_check_jsonl,
    ),
    Case(
        "no-article", _write("nothing.html", NO_ARTICLE_HTML), failures=(("extract", "no article"),)
    ),
    Case("html", _write("page.html", ARTICLE_HTML), stored=("voted on Wednesday",)),
    Case("warc", _warc, stored=("voted on Tuesday",)),
    Case("truncated-warc", _truncated_warc, failures=(("read", "truncated or corrupt"),)),
    Case(
        "huge",
        _write("huge.txt", ("The minister spoke. " * 420_000)[:8_000_000]),
        stored=("The minister spoke.",),
        failures=(("process", "max_chars"),),
        check=_check_huge,
    ),
    Case("unknown-type", _write("notes.xyz", "what is this"), failures=(("read", "unknown file"),)),
    # --- 1. a date the calendar cannot compute around: the date dropped, with a row ---
    Case(
        "year-9999",
        _jsonl({"id": "far", "text": FAR_FUTURE, "published": "9999-12-31"}),
        stored=(FAR_FUTURE,),
        failures=(("validate", "not a plausible publication date (year 9999"),),
        check=_undated(FAR_FUTURE),
    ),
    Case(
        "year-9999-sidecar",
        _with_sidecar(
            "A sidecar dated 9999 with an offset.", '{"published": "9999-12-31T23:00:00+14:00"}'
        ),
        stored=("sidecar dated 9999",),
        failures=(("validate", "not a plausible publication date"),),
        check=_undated("sidecar dated 9999"),
    ),
    # --- 2. lone UTF-16 surrogates: replaced by U+FFFD, file names escaped ---
    Case(
        "surrogates",
        _jsonl(
            '{"id": "s1", "text": "A text with a lone surrogate \\ud800 here."}',
            '{"id": "id-\\udc00", "text": "An article with a surrogate in its id."}',
        ),
        stored=("lone surrogate", "surrogate in its id"),
        check=_check_surrogates,
    ),
    Case(
        "surrogate-title",
        _with_sidecar(
            "An article with a surrogate in its sidecar title.", '{"title": "Title \\ud83d"}'
        ),
        stored=("its sidecar title",),
        check=_check_sidecar_title,
    ),
    Case(
        "file-name",
        _raw_name(b"caf\xe9.txt", b"An article in a file name that is not UTF-8."),
        stored=("file name that is not UTF-8",),
        check=_check_file_name,
    ),
    Case(
        "file-name-empty",
        _raw_name(b"\xe9mpty.txt", b""),
        failures=(("validate", "empty file"),),
    ),
    # --- 9. silent losses and changes ---
    Case("linked-folder", _linked_folder, stored=("linked folder's article",)),
    Case(
        "link-cycle",
        _link_cycle,
        stored=("link back up the tree",),
        failures=(("read", "a link to a folder already read"),),
    ),
    Case(
        "utf8-and-cp1252",
        _write(
            "mixed.txt", (CURLY + "\n").encode() + "Le président a déclaré: “non”.".encode("cp1252")
        ),
        stored=("a déclaré",),
        check=_check_mixed,
    ),
    Case(
        "offset",
        _jsonl({"text": "The offset kept.", "published": "2022-10-28T01:30:00+07:00"}),
        stored=("offset kept",),
        check=_check_offset,
    ),
    Case(
        "duplicate",
        _jsonl(
            {"id": "first", "title": "First title", "text": "A story told twice."},
            {"id": "second", "title": "Second title", "text": "A story told twice."},
        ),
        stored=("told twice",),
        failures=(("duplicate", "same text as document"),),
        check=_check_duplicate,
    ),
    Case(
        "control-bytes",
        _control_bytes,
        stored=("Early copy.", "Late copy."),
        check=_check_control_bytes,
    ),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad-input") / "inputs"
    root.mkdir()
    for case in CASES:
        (root / case.name).mkdir()
        case.make(root / case.name)
    return root


@pytest.fixture(scope="module")
def outcome(inputs: Path, nlp: Language, settings: Settings) -> Iterator[Outcome]:
    db = inputs.parent / "bad.duckdb"
    # First run: `storyline run inputs` from the folder above, the input given relative.
    cwd = Path.cwd()
    os.chdir(inputs.parent)
    try:
        result = CliRunner().invoke(app, ["run", "inputs", "--db", str(db)])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert result.exception is None and "Traceback" not in result.output
    with Store.open(db, read_only=True) as store:
        first_failures = list(store.records(Failure))
    # Second run: the same folder given absolute; nothing new is stored or recorded.
    again = run([inputs], db, settings, nlp=nlp)
    assert again.stored == 0
    with Store.open(db, read_only=True) as store:
        documents = list(store.records(Document))
        failures = list(store.records(Failure))
    assert sorted(map(repr, failures)) == sorted(map(repr, first_failures))
    yield Outcome(documents, failures, again, result.output)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_bad_input_is_stored_or_a_failure_row_that_says_why(
    case: Case, inputs: Path, outcome: Outcome
) -> None:
    folder = inputs / case.name
    for needle in case.stored:
        outcome.stored(needle)
    mine = [f for f in outcome.failures if f.input.startswith(str(folder) + os.sep)]
    for stage, words in case.failures:
        assert any(f.stage == stage and words in f.reason for f in mine), (stage, words, mine)
    assert len(mine) == len(case.failures), mine
    if case.check is not None:
        case.check(outcome, folder)


@pytest.mark.slow
def test_every_failure_row_belongs_to_a_case_and_the_summary_counts_them(
    inputs: Path, outcome: Outcome
) -> None:
    folders = [str(inputs / c.name) + os.sep for c in CASES]
    assert all(f.input.startswith(tuple(folders)) for f in outcome.failures), outcome.failures
    assert f"{len(outcome.failures)} failures" in outcome.cli_output
    stored = {n for c in CASES for n in c.stored}
    assert len(outcome.documents) == len(stored)


@pytest.mark.slow
def test_the_database_takes_a_clean_run_afterwards(
    tmp_path: Path, inputs: Path, outcome: Outcome, nlp: Language, settings: Settings
) -> None:
    db = inputs.parent / "bad.duckdb"
    clean = tmp_path / "clean.txt"
    clean.write_text("Thailand and Cambodia agreed on Friday to reopen the border crossing.")
    summary = run([clean], db, settings, nlp=nlp)
    assert (summary.stored, summary.failures) == (1, 0)


@pytest.mark.slow
def test_a_database_holding_dates_at_the_end_of_the_calendar_takes_later_runs(
    tmp_path: Path, nlp: Language, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article of 9999-12-31 stored as earlier versions stored it (and "this week" in it
    dated 9999-W52, a week that ends in year 10000) no longer makes every later run fail in the
    story rebuild."""
    db = tmp_path / "far.duckdb"
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"text": FAR_FUTURE, "published": "9999-12-31"}) + "\n")
    with monkeypatch.context() as old_version:  # which took any year
        old_version.setattr("storyline.ingest.dates._MAX_YEAR", 9999, raising=False)
        run([first], db, settings, nlp=nlp)
    with Store.open(db, read_only=True) as store:
        assert [d.published for d in store.records(Document)] == ["9999-12-31"]
        assert "9999-W52" in {e.date.value for e in store.records(Event) if e.date}
    later = tmp_path / "later.txt"
    later.write_text("Russia imposed new sanctions on Ukraine on Monday, the minister said.")
    summary = run([later], db, settings, nlp=nlp)
    assert (summary.stored, summary.failures) == (1, 0)
    with Store.open(db, read_only=True) as store:
        assert store.count("story_events") > 0 and store.count("stories") > 0


@pytest.mark.slow
def test_a_document_the_store_refuses_is_a_failure_row_and_its_batch_is_stored(
    tmp_path: Path, nlp: Language, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store refusing one document of a batch (a title UTF-8 cannot hold, as ingest let
    through before) stores the others and records the one, then later runs go on."""
    texts = [f"Article {n}: Cambodia and Thailand met on Monday in Bangkok." for n in range(5)]
    (tmp_path / "in.jsonl").write_text(
        "\n".join(json.dumps({"id": f"a{n}", "text": t}) for n, t in enumerate(texts)) + "\n"
    )
    to_document = storyline.runner.to_document

    def unstorable_title(article):  # type: ignore[no-untyped-def]
        document = to_document(article)
        if isinstance(document, Document) and document.external_id == "a2":
            return dataclasses.replace(document, title="bad \ud800 title")
        return document

    monkeypatch.setattr(storyline.runner, "to_document", unstorable_title)
    db = tmp_path / "refused.duckdb"
    summary = run([tmp_path / "in.jsonl"], db, settings, nlp=nlp)
    assert (summary.stored, summary.failures) == (4, 1)
    with Store.open(db, read_only=True) as store:
        stored = sorted(d.external_id for d in store.records(Document))
        [row] = list(store.records(Failure))
    assert stored == ["a0", "a1", "a3", "a4"]
    assert (row.external_id, row.stage) == ("a2", "store")
    assert "cannot store this document" in row.reason
    row.reason.encode("utf-8")
    # The next run retries the refused one (the same row, not a second), and takes new input.
    monkeypatch.setattr(storyline.runner, "to_document", to_document)
    again = run([tmp_path / "in.jsonl"], db, settings, nlp=nlp)
    assert (again.stored, again.skipped) == (1, 4)
