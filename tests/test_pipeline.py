"""The pipeline: stages in order, one result per document, failures never take a batch down."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyline.ingest.base import RawArticle, make_document
from storyline.pipeline import build_nlp, process
from storyline.records import Document, Span
from storyline.registry import STAGE_FACTORIES, DocResult
from storyline.settings import Settings

VOA = Path(__file__).resolve().parents[1] / "examples/voa-2025/voa_stories.jsonl"


def _doc(text: str, published: str | None = "2022-03-04") -> Document:
    document = make_document(RawArticle("t", "t", published=published), text)
    assert isinstance(document, Document)
    return document


def test_stages_run_in_the_configured_order(nlp: Language, settings: Settings) -> None:
    names = [n for n in nlp.pipe_names if n.startswith("storyline_")]
    # the sentence-boundary fix runs first, before the model's own pipes
    assert names == ["storyline_sentences", *(f"storyline_{s}" for s in settings.pipeline.stages)]
    assert nlp.pipe_names[0] == "storyline_sentences"
    assert set(STAGE_FACTORIES) == set(settings.pipeline.stages)


def test_one_result_per_document_in_order(nlp: Language, settings: Settings) -> None:
    texts = [
        "Russian troops invaded Ukraine on February 24.",
        "Nothing happened.",
        "Hun Sen said on Thursday that Cambodia would co-sponsor the resolution.",
    ]
    docs = [_doc(t) for t in texts]
    results = list(process(nlp, docs, settings.replace(pipeline={"batch_size": 2})))
    assert [r.document.id for r in results] == [d.id for d in docs]
    first = results[0]
    assert any(t.value == "2022-02-24" for t in first.timexes)
    for r in results:
        for rec in [*r.timexes, *r.mentions, *r.quotes]:
            assert r.document.text[rec.start : rec.end] == rec.text


def test_a_too_long_document_is_kept_with_a_failure(nlp: Language, settings: Settings) -> None:
    small = settings.replace(pipeline={"max_chars": 50})
    long_doc = _doc("Word " * 40)
    short = _doc("Hun Sen spoke.")
    results = list(process(nlp, [long_doc, short], small))
    assert results[0].document == long_doc
    assert results[0].failures and "max_chars" in results[0].failures[0].reason
    assert not results[1].failures


def test_a_failing_stage_becomes_a_failure_row(settings: Settings) -> None:
    @Language.component("storyline_test_explode")
    def explode(doc):  # type: ignore[no-untyped-def]
        if "boom" in doc.text:
            raise RuntimeError("stage bug")
        return doc

    nlp = build_nlp(settings.replace(pipeline={"stages": ["timex"]}))
    nlp.add_pipe("storyline_test_explode")
    docs = [_doc("It went boom on Monday."), _doc("All quiet on Tuesday.")]
    results = list(process(nlp, docs, settings))
    assert [r.document.id for r in results] == [d.id for d in docs]
    assert results[0].failures[0].stage == "process"
    assert "stage bug" in results[0].failures[0].reason
    assert not results[1].failures and results[1].timexes


def test_doc_attributes_reach_the_stages(nlp: Language) -> None:
    from storyline.pipeline import make_doc

    document = dataclasses.replace(_doc("He left yesterday.", "2023-06-15"), id="abc")
    doc = nlp(make_doc(nlp, document))
    assert doc._.doc_id == "abc"
    assert any(t.value == "2023-06-14" and t.doc_id == "abc" for t in doc._.timexes)


SHORT_TEXTS = [
    "Russian troops invaded Ukraine on February 24.",
    '"We do not support the use of force," Hun Sen said on Thursday.',
    "Singapore imposed sanctions on Russia on Monday.",
]


def test_worker_processes_give_the_same_results(nlp: Language, settings: Settings) -> None:
    texts = [
        *SHORT_TEXTS,
        "Word " * 700,
        "Nothing happened.",
        "\n\n".join(SHORT_TEXTS * 15),  # 2,500 characters: in windows
    ]
    docs = [_doc(t) for t in texts]
    small = settings.replace(pipeline={"max_chars": 3000, "window_chars": 1000, "batch_size": 2})
    one = list(process(nlp, docs, small))
    two = list(process(nlp, docs, small.replace(pipeline={"n_process": 2})))
    assert one == two
    assert any(r.events for r in two) and any(r.quotes for r in two)
    assert "max_chars" in two[3].failures[0].reason
    assert two[5].events and not two[5].failures
    _check_offsets(two[5])
    assert "storyline_pack_records" not in nlp.pipe_names


def test_batches_bounded_by_characters_give_the_same_results(
    nlp: Language, settings: Settings
) -> None:
    docs = [_doc(t) for t in [*SHORT_TEXTS, "Nothing happened.", *SHORT_TEXTS[::-1]]]
    whole = list(process(nlp, docs, settings))
    alone = list(process(nlp, docs, settings.replace(pipeline={"batch_chars": 1})))
    pairs = list(process(nlp, docs, settings.replace(pipeline={"batch_chars": 120})))
    assert whole == alone == pairs
    assert [r.document for r in whole] == docs


def _voa_text(n: int) -> str:
    lines = VOA.read_text(encoding="utf-8").splitlines()
    return str(json.loads(lines[n])["text"])


def _spans_of(record: Any) -> list[Span]:
    """Every span with text a record holds (itself, a quote's cue, an event's sentence, trigger)."""
    names = ("cue", "sentence", "trigger", "head")
    spans = [getattr(record, a) for a in names if hasattr(record, a)]
    if isinstance(getattr(record, "text", None), Span):  # a reference's phrase
        spans.append(record.text)
    if hasattr(record, "text") and hasattr(record, "start"):
        spans.append(Span(record.start, record.end, record.text))
    return [s for s in spans if s is not None]


def _check_offsets(result: DocResult) -> None:
    text = result.document.text
    doc_id = result.document.id
    records = [*result.timexes, *result.mentions, *result.quotes, *result.events]
    for record in [*records, *result.references]:
        for span in _spans_of(record):
            assert text[span.start : span.end] == span.text, record
    for ref in result.references:
        assert ref.id == f"{doc_id}:R{ref.head.start}"
        assert ref.sentence.start <= ref.text.start <= ref.head.start < ref.text.end
    assert len({r.id for r in result.references}) == len(result.references)
    for role in result.roles:
        assert 0 <= role.start < role.end <= len(text)
    for event in result.events:
        assert event.id == f"{doc_id}:V{event.trigger.start}"
        for actor in [*event.source, *event.target]:
            assert 0 <= actor.start < actor.end <= len(text)
        assert event.quote_id is None or event.quote_id in {q.id for q in result.quotes}
    for quote in result.quotes:
        assert quote.id == f"{doc_id}:Q{quote.start}"
        if quote.speaker_start is not None and quote.speaker_end is not None:
            assert 0 <= quote.speaker_start < quote.speaker_end <= len(text)
    entity_ids = {e.id for e in result.entities}
    assert {m.entity_id for m in result.mentions} <= entity_ids
    assert len({q.id for q in result.quotes}) == len(result.quotes)
    assert len({e.id for e in result.events}) == len(result.events)


def test_a_long_document_is_analysed_in_windows_with_offsets_into_its_text(
    nlp: Language, settings: Settings
) -> None:
    text = "\n\n".join(_voa_text(n) for n in range(6))
    windowed = settings.replace(pipeline={"window_chars": 4000})
    [result] = process(nlp, [_doc(text, "2025-03-14")], windowed)
    assert not result.failures
    _check_offsets(result)
    last = len(text) - len(_voa_text(5))  # where the last story, in the last window, starts
    for records in (result.timexes, result.mentions, result.quotes):
        assert any(r.start >= last for r in records)
    assert any(e.trigger.start >= last for e in result.events)
    assert any(r.head.start >= 4000 for r in result.references)  # from a later window


def _found(result: DocResult, by: int = 0) -> dict[str, set[tuple[Any, ...]]]:
    """What a result found, comparable across documents: offsets moved by ``by``."""
    return {
        "timexes": {(t.start + by, t.end + by, t.value) for t in result.timexes},
        "mentions": {(m.start + by, m.end + by, m.entity_id, m.kind) for m in result.mentions},
        "quotes": {(q.start + by, q.end + by, q.kind, q.speaker) for q in result.quotes},
        "events": {(e.trigger.start + by, e.type, e.modality) for e in result.events},
        "entities": {(e.id, e.name, e.country, e.sector) for e in result.entities},
    }


def test_windows_find_what_each_window_finds_alone(nlp: Language, settings: Settings) -> None:
    first, second = _voa_text(3), _voa_text(0)  # 5,528 and 4,104 characters, with quotes
    text = f"{first}\n\n{second}"
    windowed = settings.replace(pipeline={"window_chars": len(first) + 1})
    [together] = process(nlp, [_doc(text, "2025-03-14")], windowed)
    apart = list(process(nlp, [_doc(first, "2025-03-14"), _doc(second, "2025-03-14")], settings))
    expected = _found(apart[0])
    for kind, found in _found(apart[1], by=len(first) + 2).items():
        expected[kind] |= found
    assert _found(together) == expected
    assert all(expected.values())
