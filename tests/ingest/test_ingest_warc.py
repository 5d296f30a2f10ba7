from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.ingest import read_inputs, to_document
from storyline.ingest.base import RawArticle
from storyline.records import Document, Failure
from storyline.settings import IngestSettings


@pytest.fixture()
def pages(article_html: str) -> list[tuple[str, str, str, bytes]]:
    return [
        ("https://example.org/a", "200 OK", "text/html; charset=utf-8", article_html.encode()),
        ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00"),
        ("https://example.org/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
        ("https://example.org/b.txt", "200 OK", "text/plain", b"Plain words from the archive."),
    ]


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_yields_html_and_text_responses(
    tmp_path: Path,
    ingest_settings: IngestSettings,
    warc_writer: Callable[..., bytes],
    pages: list[tuple[str, str, str, bytes]],
    gzip: bool,
) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    warc_writer(path, pages, gzip=gzip)
    items = list(read_inputs([path], ingest_settings, published="2022-03-05"))
    assert all(isinstance(i, RawArticle) for i in items)
    assert [i.url for i in items] == ["https://example.org/a", "https://example.org/b.txt"]
    first, second = items
    assert first.external_id.startswith("<urn:uuid:")
    assert first.input.startswith(f"{path}#")
    document = to_document(first)
    assert isinstance(document, Document)
    assert "United Nations General Assembly" in document.text
    assert (document.published, document.published_basis) == ("2022-03-03", "inferred")
    assert second.text == "Plain words from the archive."
    assert (second.published, second.published_basis) == ("2022-03-05", "user")


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_keeps_what_came_before(
    tmp_path: Path,
    ingest_settings: IngestSettings,
    warc_writer: Callable[..., bytes],
    pages: list[tuple[str, str, str, bytes]],
    gzip: bool,
) -> None:
    whole = warc_writer(tmp_path / "whole.warc", pages[:1] * 3, gzip=gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(whole[: int(len(whole) * 0.8)])
    items = list(read_inputs([path], ingest_settings))
    articles = [i for i in items if isinstance(i, RawArticle)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == 2
    assert len(failures) == 1
    assert failures[0].stage == "read"
    assert "truncated or corrupt" in failures[0].reason


def test_warc_without_articles_says_so(
    tmp_path: Path,
    ingest_settings: IngestSettings,
    warc_writer: Callable[..., bytes],
    pages: list[tuple[str, str, str, bytes]],
) -> None:
    path = tmp_path / "images.warc.gz"
    warc_writer(path, pages[1:3])
    [failure] = list(read_inputs([path], ingest_settings))
    assert isinstance(failure, Failure)
    assert failure.stage == "validate"
    assert "no HTML" in failure.reason


def test_wrong_content_length_is_a_failure_not_a_print(
    tmp_path: Path,
    ingest_settings: IngestSettings,
    warc_writer: Callable[..., bytes],
    pages: list[tuple[str, str, str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    whole = warc_writer(tmp_path / "w.warc", pages[:1] * 2, gzip=False)
    # Shorten the first response's declared length: warcio then finds junk after the record.
    first = whole.index(b"WARC-Type: response")
    at = whole.index(b"Content-Length: ", first) + len(b"Content-Length: ")
    end = whole.index(b"\r\n", at)
    length = int(whole[at:end])
    damaged = whole[:at] + str(length - 40).encode() + whole[end:]
    path = tmp_path / "damaged.warc"
    path.write_bytes(damaged)
    items = list(read_inputs([path], ingest_settings))
    assert any(isinstance(i, Failure) and i.stage == "read" for i in items)
    assert capsys.readouterr().err == ""
