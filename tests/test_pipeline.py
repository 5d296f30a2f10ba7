"""The pipeline: stages in order, one result per document, failures never take a batch down."""

from __future__ import annotations

import dataclasses

from spacy.language import Language

from storyline.ingest.base import RawArticle, make_document
from storyline.pipeline import build_nlp, process
from storyline.records import Document
from storyline.settings import Settings
from storyline.stages import STAGE_FACTORIES


def _doc(text: str, published: str | None = "2022-03-04") -> Document:
    document = make_document(RawArticle("t", "t", published=published), text)
    assert isinstance(document, Document)
    return document


def test_stages_run_in_the_configured_order(nlp: Language, settings: Settings) -> None:
    names = [n for n in nlp.pipe_names if n.startswith("storyline_")]
    assert names == [f"storyline_{s}" for s in settings.pipeline.stages]
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


def test_worker_processes_give_the_same_results(nlp: Language, settings: Settings) -> None:
    texts = [
        "Russian troops invaded Ukraine on February 24.",
        '"We do not support the use of force," Hun Sen said on Thursday.',
        "Singapore imposed sanctions on Russia on Monday.",
        "Word " * 40,
        "Nothing happened.",
    ]
    docs = [_doc(t) for t in texts]
    small = settings.replace(pipeline={"max_chars": 150, "batch_size": 2})
    one = list(process(nlp, docs, small))
    two = list(process(nlp, docs, small.replace(pipeline={"n_process": 2})))
    assert one == two
    assert any(r.events for r in two) and any(r.quotes for r in two)
    assert "max_chars" in two[3].failures[0].reason
    assert "storyline_pack_records" not in nlp.pipe_names
