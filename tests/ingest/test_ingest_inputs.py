"""read_inputs as a whole: folders, dispatch, and every kind of bad input as a Failure."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_samples import ARTICLE_HTML, NO_ARTICLE_HTML, write_warc

from storyline.errors import InputError
from storyline.ingest import read_inputs, to_document
from storyline.ingest.base import RawArticle
from storyline.records import Document, Failure
from storyline.settings import IngestSettings, Settings

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4


def test_folder_is_read_recursively_in_order(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "a.json").write_text('{"published": "2022-01-01"}')
    (tmp_path / "b" / "deep" / "c.jsonl").write_text('{"text": "Third."}\n')
    (tmp_path / "b" / "b.html").write_text(ARTICLE_HTML)
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.")
    items = list(read_inputs([tmp_path], ingest_settings))
    assert all(isinstance(i, RawArticle) for i in items)
    assert [Path(i.input.split("#")[0]).name for i in items] == ["a.txt", "b.html", "c.jsonl"]


def test_sidecar_given_explicitly_is_not_an_input(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "a.json").write_text('{"id": "A"}')
    items = list(read_inputs([tmp_path / "a.txt", tmp_path / "a.json"], ingest_settings))
    assert [(type(i).__name__, i.external_id) for i in items] == [("RawArticle", "A")]


def test_sidecar_given_alone_is_reported(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "a.json").write_text('{"id": "A"}')
    [failure] = list(read_inputs([tmp_path / "a.json"], ingest_settings))
    assert isinstance(failure, Failure)
    assert failure.stage == "read" and "sidecar of a.txt" in failure.reason


def test_broken_link_is_a_failure(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "ok.txt").write_text("Here.")
    items = list(read_inputs([tmp_path], ingest_settings))
    assert [type(i).__name__ for i in items] == ["Failure", "RawArticle"]
    assert "not a regular file" in items[0].reason


def test_missing_path_raises_before_reading(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    (tmp_path / "a.txt").write_text("First.")
    with pytest.raises(InputError, match="nope"):
        read_inputs([tmp_path / "a.txt", tmp_path / "nope"], ingest_settings)


def test_bad_published_raises(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    with pytest.raises(InputError, match="published"):
        read_inputs([tmp_path], ingest_settings, published="2023-02-30")


def test_examples_read_without_failures(settings: Settings) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    items = list(read_inputs([examples / "seeds", examples / "voa-2025"], settings.ingest))
    documents = [to_document(i) for i in items if isinstance(i, RawArticle)]
    assert len(documents) == len(items) > 3
    assert all(isinstance(d, Document) and d.published for d in documents)


def test_an_8mb_article_is_read_whole(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    text = ("Cambodia co-sponsored the resolution on Thursday. " * 170_000)[:8_000_000]
    (tmp_path / "big.txt").write_text(text)
    [article] = list(read_inputs([tmp_path], ingest_settings))
    assert isinstance(article, RawArticle)
    document = to_document(article)
    assert isinstance(document, Document)
    assert len(document.text) == len(text.strip())


def _warc_bytes(tmp_path: Path) -> bytes:
    page = ("https://e.org/a", "200 OK", "text/html", ARTICLE_HTML.encode())
    return write_warc(tmp_path / "whole.warc.tmp", [page, page])


# Each case writes files under tmp_path and returns (paths to read, settings changes).
Case = Callable[[Path], tuple[list[Path], dict[str, int]]]


def _write(name: str, data: bytes | str, sidecar: str | None = None) -> Case:
    def make(tmp: Path) -> tuple[list[Path], dict[str, int]]:
        path = tmp / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        if sidecar is not None:
            (tmp / (name.split(".", maxsplit=1)[0] + ".json")).write_text(sidecar)
        return [path], {}

    return make


def _truncated_warc(tmp: Path) -> tuple[list[Path], dict[str, int]]:
    data = _warc_bytes(tmp)
    path = tmp / "cut.warc.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    return [path], {}


def _too_big(tmp: Path) -> tuple[list[Path], dict[str, int]]:
    path = tmp / "big.txt"
    path.write_text("word " * 300_000)
    return [path], {"max_file_bytes": 1_000_000}


def _long_line(tmp: Path) -> tuple[list[Path], dict[str, int]]:
    path = tmp / "long.jsonl"
    path.write_text(json.dumps({"text": "w " * 100_000}) + "\n")
    return [path], {"max_file_bytes": 100_000}


def _corrupt_gzip(tmp: Path) -> tuple[list[Path], dict[str, int]]:
    path = tmp / "a.txt.gz"
    path.write_bytes(gzip.compress(b"Some text of an article. " * 100)[:60])
    return [path], {}


BAD_INPUTS: dict[str, tuple[Case, str, str]] = {
    # name: (how to make it, expected stage, words in the reason)
    "binary .txt": (_write("a.txt", PNG), "decode", "not text"),
    "binary .html": (_write("a.html", PNG), "decode", "not text"),
    "binary .jsonl": (_write("a.jsonl", PNG), "decode", "not text"),
    "binary .warc": (_write("a.warc", PNG), "read", "corrupt"),
    "empty .txt": (_write("a.txt", b""), "validate", "empty"),
    "blank .txt": (_write("a.txt", "  \n\t\n"), "validate", "empty"),
    "empty .jsonl": (_write("a.jsonl", b"\n\n"), "validate", "empty"),
    "empty .html": (_write("a.html", b""), "validate", "empty"),
    "empty .warc": (_write("a.warc.gz", b""), "validate", "empty"),
    "invalid JSON line": (_write("a.jsonl", '{"text": "x"\n'), "parse", "not valid JSON"),
    "JSON line not an object": (_write("a.jsonl", "[1]\n"), "parse", "not an object"),
    "record without text": (
        _write("a.jsonl", '{"id": "1", "title": "T"}\n'),
        "validate",
        "no article",
    ),
    "impossible date": (
        _write("a.jsonl", '{"text": "x", "published": "2022-02-30"}\n'),
        "validate",
        "ignored",
    ),
    "impossible sidecar date": (
        _write("a.txt", "Words.", '{"published": "2022-13-01"}'),
        "validate",
        "ignored",
    ),
    "broken sidecar": (_write("a.txt", "Words.", "{"), "parse", "sidecar"),
    "HTML with no article": (_write("a.html", NO_ARTICLE_HTML), "extract", "no article"),
    "truncated WARC": (_truncated_warc, "read", "truncated"),
    "WARC of text, not WARC": (_write("a.warc", "hello, not an archive\n" * 20), "read", "corrupt"),
    "file over max_file_bytes": (_too_big, "read", "max_file_bytes"),
    "line over max_file_bytes": (_long_line, "read", "max_file_bytes"),
    "corrupt gzip": (_corrupt_gzip, "read", "gzip"),
    "unknown extension": (_write("a.pdf", b"%PDF-1.4"), "read", "unknown file type"),
    "stray .json": (_write("lonely.json", '{"text": "x"}'), "read", "unknown file type"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_becomes_a_failure(name: str, tmp_path: Path, settings: Settings) -> None:
    make, stage, words = BAD_INPUTS[name]
    paths, changes = make(tmp_path)
    ingest = settings.replace(ingest=changes).ingest if changes else settings.ingest
    results: list[Document | Failure] = []
    for item in read_inputs(paths, ingest):
        results.append(to_document(item) if isinstance(item, RawArticle) else item)
    failures = [r for r in results if isinstance(r, Failure)]
    assert failures, f"{name}: no failure among {results}"
    assert any(f.stage == stage and words in f.reason for f in failures), failures
    for failure in failures:
        assert failure.input.startswith(str(tmp_path))
        assert failure.reason


def test_a_linked_folder_is_read_and_a_link_cycle_is_reported(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.txt").write_text("Far away.")
    inputs = tmp_path / "inputs"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "near.txt").write_text("Near.")
    (inputs / "linked").symlink_to(elsewhere, target_is_directory=True)
    (inputs / "sub" / "loop").symlink_to(inputs, target_is_directory=True)
    items = list(read_inputs([inputs], ingest_settings))
    articles = [i for i in items if isinstance(i, RawArticle)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert sorted(a.text or "" for a in articles) == ["Far away.", "Near."]
    [loop] = failures
    assert loop.input == str(inputs / "sub" / "loop")
    assert loop.stage == "read" and "already read" in loop.reason


def test_an_input_has_one_name_however_it_is_given(
    tmp_path: Path, ingest_settings: IngestSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "a.txt").write_text("First.")
    monkeypatch.chdir(tmp_path)
    given = ["in", "in/empty.txt", "./in/../in/a.txt", str(tmp_path / "in" / "a.txt")]
    names = {p: [i.input for i in read_inputs([p], ingest_settings)] for p in given}
    assert names["in"] == [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "empty.txt")]
    assert names["in/empty.txt"] == [str(tmp_path / "in" / "empty.txt")]
    assert names["./in/../in/a.txt"] == names[str(tmp_path / "in" / "a.txt")]


def test_a_file_name_that_is_not_utf8_is_escaped(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as f:
        f.write(b"Coffee.")
    with open(os.path.join(folder, b"r\xe9sum\xe9.txt"), "wb") as f:
        f.write(b"")
    items = list(read_inputs([tmp_path], ingest_settings))
    assert [(type(i).__name__, Path(i.input).name) for i in items] == [
        ("RawArticle", "caf\\xe9.txt"),
        ("Failure", "r\\xe9sum\\xe9.txt"),
    ]
    for item in items:
        for value in (item.input, item.external_id, getattr(item, "reason", "")):
            (value or "").encode("utf-8")


def test_a_folder_that_cannot_be_listed_is_a_failure(
    tmp_path: Path, ingest_settings: IngestSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Hidden from us.")
    (tmp_path / "b.txt").write_text("Readable.")
    scandir = os.scandir

    def refusing(path):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(locked):  # as chmod 000 does for anyone but root
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    items = list(read_inputs([tmp_path], ingest_settings))
    assert [(type(i).__name__, i.input) for i in items] == [
        ("RawArticle", str(tmp_path / "b.txt")),
        ("Failure", str(locked)),
    ]
    assert "cannot list the folder: Permission denied" in items[1].reason


def test_an_unexpected_error_making_a_document_is_that_articles_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(article: RawArticle, text: str) -> Document:
        raise RuntimeError("a bug on some odd text \ud800")

    monkeypatch.setattr("storyline.ingest.make_document", broken)
    failure = to_document(RawArticle(input="in.jsonl#3", external_id="x", text="Text."))
    assert isinstance(failure, Failure)
    assert (failure.input, failure.external_id, failure.stage) == ("in.jsonl#3", "x", "validate")
    assert (
        failure.reason
        == "unexpected error making the document: RuntimeError: a bug on some odd text \ufffd"
    )
