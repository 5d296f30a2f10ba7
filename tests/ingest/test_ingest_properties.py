"""Reader robustness: arbitrary bytes never raise, text normalization and ids are stable."""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_samples import ARTICLE_HTML, write_warc

from storyline.ingest import read_inputs, to_document
from storyline.ingest.base import RawArticle, document_id, normalize_text
from storyline.records import Document, Failure
from storyline.settings import load_settings

INGEST = load_settings(None).ingest
EXTENSIONS = (".txt", ".jsonl", ".html", ".warc", ".warc.gz", ".txt.gz")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_all(name: str, data: bytes) -> list[RawArticle | Document | Failure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        out: list[RawArticle | Document | Failure] = []
        for item in read_inputs([path], INGEST):
            assert isinstance(item, RawArticle | Failure)
            out.append(item)
            if isinstance(item, RawArticle):
                document = to_document(item)
                assert isinstance(document, Document | Failure)
                out.append(document)
        return out


@FUZZ
@given(st.sampled_from(EXTENSIONS), st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(extension: str, data: bytes) -> None:
    items = _read_all("input" + extension, data)
    assert items, "an input must yield at least an article or a failure"


@FUZZ
@given(
    st.sampled_from((".txt", ".jsonl", ".html")),
    st.text(max_size=500),
    st.sampled_from(("utf-8", "utf-16", "utf-8-sig", "cp1252")),
)
def test_arbitrary_text_in_any_encoding_never_raises(extension: str, text: str, enc: str) -> None:
    data = text.encode(enc, errors="replace")
    assert _read_all("input" + extension, data)


@functools.cache
def _warc(gzip: bool) -> bytes:
    # One WARC per form for the whole session: record ids and dates differ on every write.
    with tempfile.TemporaryDirectory() as folder:
        page = ("https://e.org/a", "200 OK", "text/html", ARTICLE_HTML.encode())
        return write_warc(Path(folder) / "w.warc", [page, page], gzip=gzip)


@FUZZ
@given(st.booleans(), st.floats(0, 1))
def test_any_cut_of_a_warc_never_raises(gzip: bool, share: float) -> None:
    whole = _warc(gzip)
    cut = int(len(whole) * share)
    items = _read_all("cut.warc.gz" if gzip else "cut.warc", whole[:cut])
    articles = [i for i in items if isinstance(i, RawArticle)]
    # Never a silently shortened page: what is read is whole, the rest is a Failure.
    assert all(a.html == ARTICLE_HTML for a in articles)
    if not gzip:
        # A cut inside a record (not in the blank lines between two) must be reported.
        starts = [m.start() for m in re.finditer(b"WARC/1.0\r\n", whole)] + [len(whole)]
        between = any(start - 4 <= cut <= start for start in starts)
        if not between:
            assert any(isinstance(i, Failure) for i in items)


@given(st.text())
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\x00" not in once


WORD = st.text(
    alphabet=st.characters(blacklist_categories=("Z", "C")), min_size=1, max_size=12
).filter(lambda w: not re.search(r"\s", w))
GAP = st.sampled_from((" ", "  ", "\n", "\n\n", "\t", "\r\n", " \n "))


@given(st.lists(st.tuples(WORD, GAP, GAP), min_size=1, max_size=40))
def test_document_id_is_stable_under_rewrapping(parts: list[tuple[str, str, str]]) -> None:
    one = "".join(word + gap for word, gap, _ in parts)
    two = "\n" + "".join(word + gap for word, _, gap in parts)
    assert document_id(normalize_text(one)) == document_id(normalize_text(two))


@given(WORD, WORD)
def test_document_id_tells_texts_apart(first: str, second: str) -> None:
    if normalize_text(first) != normalize_text(second):
        assert document_id(normalize_text(first)) != document_id(normalize_text(second))


# st.text never draws lone surrogates: build strings from characters, surrogates included.
ANY_CODE_POINTS = st.lists(
    st.characters() | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
).map("".join)


@given(ANY_CODE_POINTS)
def test_normalized_text_is_always_utf8(text: str) -> None:
    once = normalize_text(text)
    once.encode("utf-8")  # a lone surrogate became U+FFFD
    assert normalize_text(once) == once
    assert document_id(once)
