"""The registry of stages and records: one list that the settings, the pipeline, the store and the
Spark runner agree with."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.errors import ConfigError
from storyline.records import (
    TABLE_RECORDS,
    Document,
    DocumentEntity,
    Entity,
    Event,
    Failure,
    Mention,
    Quote,
    Role,
    StoryEvent,
    Timex,
)
from storyline.registry import (
    CROSS_DOCUMENT_RECORDS,
    DOC_RECORDS,
    ENTITIES,
    LINKED_RECORDS,
    PER_DOCUMENT_RECORDS,
    STAGE_FACTORIES,
    STAGE_NAMES,
    STAGES,
    DocResult,
)
from storyline.settings import Settings, load_settings

DOC = Document("d1", "x#1", None, None, None, "2022-10-28", "metadata", "Hun Sen called Kyiv.")
HUN_SEN = Entity("E1", "Hun Sen", "PERSON", "KHM", "GOV", ["Samdech"])


def test_every_table_is_per_document_or_cross_document_once() -> None:
    both = [*PER_DOCUMENT_RECORDS, *CROSS_DOCUMENT_RECORDS]
    assert sorted(c.TABLE for c in both) == sorted(c.TABLE for c in TABLE_RECORDS)
    assert len(set(both)) == len(both)


def test_doc_result_has_a_field_per_kind_of_record_in_pipeline_order() -> None:
    names = [f.name for f in dataclasses.fields(DocResult)]
    assert names == ["document", *(k.field for k in DOC_RECORDS), "failures"]
    assert [k.field for k in DOC_RECORDS] == [k.field for s in STAGES for k in s.writes]


def test_stage_names_and_factories() -> None:
    assert STAGE_NAMES == ("timex", "actors", "quotes", "events")
    assert {s: f"storyline_{s}" for s in STAGE_NAMES} == STAGE_FACTORIES
    assert set(load_settings(None).pipeline.stages) <= set(STAGE_NAMES)


def test_settings_refuse_a_stage_the_registry_does_not_hold(settings: Settings) -> None:
    with pytest.raises(ConfigError, match=r"unknown stage 'sentiment'.*timex, actors"):
        settings.replace(pipeline={"stages": ["timex", "sentiment"]})


def test_records_that_name_entities_are_the_linked_ones() -> None:
    assert (Mention, Role, Quote, Event) == LINKED_RECORDS


def test_entities_are_stored_as_the_document_saw_them() -> None:
    result = DocResult(DOC, entities=[HUN_SEN])
    assert result.stored(ENTITIES) == [DocumentEntity.of("d1", HUN_SEN)]
    assert ENTITIES.stored is DocumentEntity


def test_a_result_gathers_records_by_class_and_refuses_others() -> None:
    timex = Timex("d1", 15, 19, "Kyiv", "DATE", "2022", None)
    mention = Mention("d1", "E1", 0, 7, "Hun Sen")
    failure = Failure("x#1", "x#1", "events", "boom")
    result = DocResult.of(DOC, [mention, HUN_SEN, failure, timex])
    assert result == DocResult(
        DOC, timexes=[timex], entities=[HUN_SEN], mentions=[mention], failures=[failure]
    )
    with pytest.raises(TypeError, match="StoryEvent"):
        DocResult.of(DOC, [StoryEvent("S1", "CONSULT", "asserted", [], [], None, [], [])])
