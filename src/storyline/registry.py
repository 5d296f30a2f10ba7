"""The stages and the records they write, in one place.

Reads and writes nothing. Per stage: its name (as ``pipeline.stages`` gives it), its spaCy factory
and the per-document records it leaves on the ``Doc``; per kind of per-document record: the
``Doc`` attribute and ``DocResult`` field that hold it, its record class, the class the store keeps
(an ``Entity`` is kept as the document's view of it, a ``DocumentEntity``) and whether it names
entities (kept as extracted and read through the entity links). The cross-document tables are
rebuilt whole after each run from the per-document ones.

The settings check stage names here, the pipeline builds its stages and collects a Doc's records
from here, the store writes a batch of ``DocResult`` by it, and the Spark runner lays out its rows
by it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from storyline.records import (
    Document,
    DocumentEntity,
    Entity,
    EntityLink,
    Event,
    EventReference,
    Failure,
    Mention,
    Quote,
    ReferenceLink,
    Role,
    Story,
    StoryEvent,
    TimelineEntry,
    Timex,
)


def _as_stored(doc_id: str, record: Any) -> Any:
    return record


@dataclass(frozen=True, slots=True)
class DocRecords:
    """One kind of per-document record."""

    field: str  # the Doc extension attribute and the DocResult field holding them
    record: type[Any]  # the class a stage leaves there
    stored: type[Any]  # the class the store keeps
    linked: bool = False  # names entities: stored as extracted, read through the entity links
    to_stored: Callable[[str, Any], Any] = _as_stored  # (doc id, record) -> the stored row


@dataclass(frozen=True, slots=True)
class Stage:
    """A per-document stage: its name in the settings, its spaCy factory, what it writes."""

    name: str
    factory: str
    writes: tuple[DocRecords, ...]


TIMEXES = DocRecords("timexes", Timex, Timex)
ENTITIES = DocRecords("entities", Entity, DocumentEntity, to_stored=DocumentEntity.of)
MENTIONS = DocRecords("mentions", Mention, Mention, linked=True)
ROLES = DocRecords("roles", Role, Role, linked=True)
QUOTES = DocRecords("quotes", Quote, Quote, linked=True)
EVENTS = DocRecords("events", Event, Event, linked=True)
REFERENCES = DocRecords("references", EventReference, EventReference)

#: The stages, in pipeline order.
STAGES: tuple[Stage, ...] = (
    Stage("timex", "storyline_timex", (TIMEXES,)),
    Stage("actors", "storyline_actors", (ENTITIES, MENTIONS, ROLES)),
    Stage("quotes", "storyline_quotes", (QUOTES,)),
    Stage("events", "storyline_events", (EVENTS, REFERENCES)),
)
#: The stage names the settings accept, in pipeline order.
STAGE_NAMES: tuple[str, ...] = tuple(s.name for s in STAGES)
#: Each stage name's spaCy factory.
STAGE_FACTORIES: dict[str, str] = {s.name: s.factory for s in STAGES}
#: Every kind of per-document record, in pipeline order (the order of DocResult's fields).
DOC_RECORDS: tuple[DocRecords, ...] = tuple(kind for s in STAGES for kind in s.writes)
#: The tables a run adds each document's rows to (the failures of the inputs too).
PER_DOCUMENT_RECORDS: tuple[type[Any], ...] = (
    Document,
    Failure,
    *(kind.stored for kind in DOC_RECORDS),
)
#: The tables rebuilt whole from the per-document ones after each run.
CROSS_DOCUMENT_RECORDS: tuple[type[Any], ...] = (
    Entity,
    EntityLink,
    StoryEvent,
    ReferenceLink,
    Story,
    TimelineEntry,
)
#: The per-document records that name entities (stored under ``extracted_<table>``).
LINKED_RECORDS: tuple[type[Any], ...] = tuple(k.stored for k in DOC_RECORDS if k.linked)


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything the per-document stages found in one document (a field per ``DOC_RECORDS``)."""

    document: Document
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    references: list[EventReference] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def stored(self, kind: DocRecords) -> list[Any]:
        """The rows of ``kind`` the store keeps for this document."""
        return [kind.to_stored(self.document.id, r) for r in getattr(self, kind.field)]

    @classmethod
    def of(cls, document: Document, records: Iterable[Any]) -> DocResult:
        """A document's result from its records in any order (each to its field by class)."""
        fields: dict[type[Any], str] = {k.record: k.field for k in DOC_RECORDS}
        fields[Failure] = "failures"
        found: dict[str, list[Any]] = {name: [] for name in fields.values()}
        for record in records:
            name = fields.get(type(record))
            if name is None:
                raise TypeError(f"a document's result holds no {type(record).__name__} records")
            found[name].append(record)
        return cls(
            document,
            timexes=found["timexes"],
            entities=found["entities"],
            mentions=found["mentions"],
            roles=found["roles"],
            quotes=found["quotes"],
            events=found["events"],
            references=found["references"],
            failures=found["failures"],
        )


__all__ = [
    "CROSS_DOCUMENT_RECORDS",
    "DOC_RECORDS",
    "LINKED_RECORDS",
    "PER_DOCUMENT_RECORDS",
    "STAGES",
    "STAGE_FACTORIES",
    "STAGE_NAMES",
    "DocRecords",
    "DocResult",
    "Stage",
]
