from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from storyline.ingest import read_inputs, read_jsonl_line, to_document
from storyline.ingest.base import RawArticle
from storyline.records import Document, Failure
from storyline.settings import IngestSettings, Settings


def test_read_jsonl_line_takes_fields_and_ignores_others() -> None:
    line = json.dumps(
        {
            "id": 8011115,
            "text": "Iraq says a key leader is dead.",
            "url": "https://v.com/a",
            "published": "2025-03-14 20:30:26Z",
            "title": "Iraq",
            "source": "VOA",
            "keywords": "Middle East",
        }
    )
    article = read_jsonl_line(line, "f.jsonl#1", None)
    assert isinstance(article, RawArticle)
    assert article.external_id == "8011115"
    assert (article.published, article.published_basis) == ("2025-03-14T20:30:26Z", "metadata")
    assert (article.title, article.url, article.source) == ("Iraq", "https://v.com/a", "VOA")
    assert article.text == "Iraq says a key leader is dead."


def test_read_jsonl_line_without_id_uses_the_line() -> None:
    article = read_jsonl_line('{"text": "Words."}', "f.jsonl#7", "2022-01-02")
    assert isinstance(article, RawArticle)
    assert article.external_id == "f.jsonl#7"
    assert (article.published, article.published_basis) == ("2022-01-02", "user")


def test_read_jsonl_line_html_record_becomes_text(article_html: str) -> None:
    article = read_jsonl_line(json.dumps({"id": "h1", "html": article_html}), "f.jsonl#1", None)
    assert isinstance(article, RawArticle)
    document = to_document(article)
    assert isinstance(document, Document)
    assert "United Nations General Assembly" in document.text
    assert "Subscribe to our newsletter" not in document.text
    assert (document.published, document.published_basis) == ("2022-03-03", "inferred")


@pytest.mark.parametrize(
    ("line", "stage", "words"),
    [
        ("{nope", "parse", "not valid JSON"),
        ("[1, 2]", "parse", "JSON list"),
        ('"text"', "parse", "JSON str"),
        ('{"id": "x"}', "validate", "no article"),
        ('{"id": "x", "text": "   "}', "validate", "no article"),
        ('{"id": "x", "text": 42}', "validate", "no article"),
        ("[" * 100_000, "parse", "JSON"),
    ],
)
def test_read_jsonl_line_failures(line: str, stage: str, words: str) -> None:
    failure = read_jsonl_line(line, "f.jsonl#3", None)
    assert isinstance(failure, Failure)
    assert (failure.input, failure.stage) == ("f.jsonl#3", stage)
    assert words in failure.reason


def test_impossible_date_keeps_article_and_says_so(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "d", "text": "A story.", "published": "2023-02-30"}) + "\n")
    items = list(read_inputs([path], ingest_settings, published="2023-03-01"))
    failures = [i for i in items if isinstance(i, Failure)]
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert [(f.stage, f.external_id) for f in failures] == [("validate", "d")]
    assert "2023-02-30" in failures[0].reason and "ignored" in failures[0].reason
    assert [(a.published, a.published_basis) for a in articles] == [("2023-03-01", "user")]


def test_jsonl_file_numbers_lines_and_skips_blank_ones(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    path = tmp_path / "b.jsonl"
    lines = ['{"text": "One."}', "", "   ", "{broken", '{"text": "Four."}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([path], ingest_settings))
    assert [(type(i).__name__, i.input) for i in items] == [
        ("RawArticle", f"{path}#1"),
        ("Failure", f"{path}#4"),
        ("RawArticle", f"{path}#5"),
    ]


def test_jsonl_in_utf16_and_with_a_bom(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    body = '{"id": "1", "text": "Café one."}\n{"id": "2", "text": "Café two."}\n'
    (tmp_path / "u16.jsonl").write_bytes(body.encode("utf-16"))
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    items = list(read_inputs([tmp_path], ingest_settings))
    assert [i.text for i in items if isinstance(i, RawArticle)] == ["Café one.", "Café two."] * 2


def test_long_line_is_read(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    text = ("word " * 40_000).strip()  # a 200,000-character line
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n" + json.dumps({"text": "next"}) + "\n")
    items = list(read_inputs([path], ingest_settings))
    assert [len(i.text or "") for i in items if isinstance(i, RawArticle)] == [len(text), 4]


def test_reading_is_lazy_and_memory_flat(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    import tracemalloc

    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "Cambodia co-sponsored the resolution. " * 50}) + "\n"
    with path.open("w", encoding="utf-8") as stream:
        for _ in range(10_000):  # about 19 MB
            stream.write(line)
    tracemalloc.start()
    try:
        count = 0
        for item in read_inputs([path], ingest_settings):
            assert isinstance(item, RawArticle)
            count += 1
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert peak < 2_000_000, f"peak {peak:,} bytes: the file is being held in memory"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(("id", "text", "html", "published", "title", "url", "source", "other"))


@fuzz_settings(max_examples=200, deadline=None)
@given(st.dictionaries(FIELDS, JSON, max_size=7))
def test_read_jsonl_line_never_raises_on_any_record(record: dict[str, object]) -> None:
    item = read_jsonl_line(json.dumps(record), "f.jsonl#1", None)
    assert isinstance(item, RawArticle | Failure)
    if isinstance(item, RawArticle):
        assert (item.text is None) != (item.html is None)
        assert item.published is None or item.published_basis == "metadata"


def test_min_chars_is_applied_to_text(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "short.txt").write_text("Short.")
    ingest = settings.replace(ingest={"min_chars": 20}).ingest
    [failure] = list(read_inputs([tmp_path], ingest))
    assert isinstance(failure, Failure)
    assert failure.stage == "validate" and "min_chars" in failure.reason


def _storable(value: object) -> None:
    """Every string of a record can be written as UTF-8 (what the store needs)."""
    for field in getattr(value, "__slots__", ()):
        v = getattr(value, field)
        if isinstance(v, str):
            v.encode("utf-8")


def test_lone_surrogates_become_replacement_characters() -> None:
    line = json.dumps(
        {"id": "a\ud800", "title": "T\udfff", "source": "\ud83d", "text": "Hun Sen \ud800 spoke."}
    )
    article = read_jsonl_line(line, "f.jsonl#1", None)
    assert isinstance(article, RawArticle)
    assert (article.external_id, article.title, article.source) == ("a\ufffd", "T\ufffd", "\ufffd")
    document = to_document(article)
    assert isinstance(document, Document)
    assert document.text == "Hun Sen \ufffd spoke."
    _storable(document)


def test_a_surrogate_pair_written_as_two_escapes_is_one_character() -> None:
    article = read_jsonl_line('{"text": "smile \\ud83d\\ude00"}', "f.jsonl#1", None)
    assert isinstance(article, RawArticle) and article.text == "smile 😀"


def test_a_raw_control_character_in_a_json_string_is_stripped_not_fatal() -> None:
    article = read_jsonl_line('{"text": "Troops\x01 crossed\x1f the border."}', "f.jsonl#1", None)
    assert isinstance(article, RawArticle)
    document = to_document(article)
    assert isinstance(document, Document) and document.text == "Troops crossed the border."


# st.text never draws lone surrogates, whatever its alphabet: build the strings from characters.
SURROGATE_TEXT = st.lists(
    st.characters() | st.sampled_from("\ud800\udc00\udfff\ud83d"), max_size=30
).map("".join)


@fuzz_settings(max_examples=200, deadline=None)
@given(st.dictionaries(FIELDS, SURROGATE_TEXT, max_size=7))
def test_every_record_read_from_a_line_can_be_stored(record: dict[str, object]) -> None:
    item = read_jsonl_line(json.dumps(record), "f.jsonl#1", None)
    _storable(item)
    if isinstance(item, RawArticle):
        _storable(to_document(item))
