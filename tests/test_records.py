"""Records: plain values, round-trip through dicts, one definition per table."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.records import TABLE_RECORDS, TABLES, Event, from_dict, to_dict


@pytest.mark.parametrize("cls", TABLE_RECORDS, ids=lambda c: c.TABLE)
def test_records_are_frozen_slotted_dataclasses(cls: type) -> None:
    assert dataclasses.is_dataclass(cls)
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert hasattr(cls, "__slots__")
    names = {f.name for f in dataclasses.fields(cls)}
    assert set(cls.KEY) <= names


def test_table_names_are_unique() -> None:
    assert len(TABLES) == len(TABLE_RECORDS)


@pytest.mark.parametrize("cls", TABLE_RECORDS, ids=lambda c: c.TABLE)
@given(data=st.data())
def test_dict_round_trip(cls: type, data: st.DataObject) -> None:
    record = data.draw(st.builds(cls))
    as_dict = to_dict(record)
    json.dumps(as_dict)  # plain JSON-able values only
    assert from_dict(cls, as_dict) == record


def test_from_dict_builds_nested_records() -> None:
    row = {
        "id": "d:V0",
        "doc_id": "d",
        "type": "CONSULT",
        "mode": "phone",
        "modality": "planned",
        "source": [
            {
                "entity_id": "E1",
                "name": "Hun Sen",
                "country": "KHM",
                "sector": "GOV",
                "start": 0,
                "end": 7,
            }
        ],
        "target": [],
        "date": {"value": "2022-10", "basis": "text"},
        "location": None,
        "sentence": {"start": 0, "end": 10, "text": "Hun Sen sa"},
        "trigger": {"start": 8, "end": 10, "text": "sa"},
        "quote_id": None,
        "confidence": 0.5,
    }
    event = from_dict(Event, row)
    assert event.source[0].country == "KHM"
    assert event.date is not None and event.date.basis == "text"
    assert event.sentence.text == "Hun Sen sa"
