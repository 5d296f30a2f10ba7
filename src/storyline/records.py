"""The records every layer of storyline speaks.

Stages produce them, the store saves them, exports, the API and Spark ship them. They are frozen,
slotted dataclasses holding plain values: never spaCy objects.

Offsets are Python string indices (code points) into the stored ``Document.text``, half-open
``[start, end)``.

The DuckDB DDL (``store/schema.py``) and the Spark schema (``spark/session.py``) are derived from these
classes: change a field here and both follow.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar, Union

PublishedBasis = Literal["metadata", "user", "inferred"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "planned", "negated", "hypothetical", "reported"]
DateBasis = Literal["text", "context", "published"]
#: Bases of a date the text gives: its own time expression ("text") or the one of the sentence
#: before, for an act told on in the past ("context").
TEXT_BASES = frozenset({"text", "context"})
PlaceBasis = Literal["sentence", "article"]
Granularity = Literal["day", "week", "month", "quarter", "year"]

#: The PLOVER event types, in codebook order.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
#: The PLOVER types by the quad class they belong to (verbal/material cooperation/conflict).
PLOVER_FAMILIES: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal-cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material-cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal-conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material-conflict"),
}
MODALITIES: tuple[str, ...] = ("asserted", "planned", "negated", "hypothetical", "reported")
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
QUOTE_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")


# --- small value records, nested inside others ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a statement comes from: a document and a character range in it."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of an event: the entity, its codes, and the mention it was found from."""

    entity_id: str | None
    name: str
    country: str | None  # ISO 3166-1 alpha-3, or an IGO code such as "IGO"
    # GOV, MIL, OPP, PTY, CVL, JRN (press), MED (medical), BUS, NGO, IGO, JUD, LEG, REB, ...
    sector: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as a TIMEX3 value, and what fixed it."""

    value: str
    # "text": a time expression; "context": the sentence before's, for an act told on in the
    # past; "published": fell back to the article date
    basis: DateBasis


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: the place as written (``name`` is ``text[start:end]``) and the
    gazetteer entry it resolved to (``stages/places``)."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    start: int
    end: int
    resolved: str | None = None  # the gazetteer's name ("Erbil" for "Irbil")
    subdivision: str | None = None  # first-level subdivision, ISO 3166-2 name
    latitude: float | None = None  # WGS84 degrees
    longitude: float | None = None
    confidence: float | None = None  # 0..1: the name's resolution and, for "article", the scene
    basis: PlaceBasis | None = None  # "sentence": said of the event; "article": the scene


# --- table records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Document:
    """One input article, as stored."""

    TABLE: ClassVar[str] = "documents"
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: str  # content hash of the normalized text
    external_id: str  # the id given on input, or "path#record"
    source: str | None
    url: str | None
    title: str | None
    published: str | None  # ISO date or datetime
    published_basis: PublishedBasis | None
    text: str


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or processed. Nothing is dropped silently."""

    TABLE: ClassVar[str] = "failures"
    KEY: ClassVar[tuple[str, ...]] = ("input", "stage", "reason")

    input: str  # file path and record number
    external_id: str | None
    stage: str  # read, decode, parse, validate, process, store, ...
    reason: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression, normalized to a TimeML TIMEX3 value."""

    TABLE: ClassVar[str] = "timexes"
    KEY: ClassVar[tuple[str, ...]] = ("doc_id", "start", "end")

    doc_id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str  # 2022-10-27, 2023-05, 2022-W09, 2022, P3D, PAST_REF, ...
    mod: str | None  # START, MID, END, APPROX, ...


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world actor across all documents (the stage's per-document views linked into one).

    Ids are stable across documents and runs."""

    TABLE: ClassVar[str] = "entities"
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: str
    name: str  # canonical name
    type: str  # PERSON, ORG, GPE, NORP, FAC, LOC, ...
    country: str | None
    sector: str | None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocumentEntity:
    """One document's view of an actor, as the actors stage extracted it (never rewritten).

    The corpus-level ``Entity`` rows and the ``EntityLink`` rows are rebuilt from these after every
    run, so what a document said of an actor survives whatever other documents say."""

    TABLE: ClassVar[str] = "document_entities"
    KEY: ClassVar[tuple[str, ...]] = ("doc_id", "id")

    doc_id: str
    id: str  # the id the stage gave (stable across documents: same name and type, same id)
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, doc_id: str, entity: Entity) -> DocumentEntity:
        """The document's view of ``entity``."""
        return cls(
            doc_id,
            entity.id,
            entity.name,
            entity.type,
            entity.country,
            entity.sector,
            list(entity.aliases),
        )

    def as_entity(self) -> Entity:
        return Entity(self.id, self.name, self.type, self.country, self.sector, list(self.aliases))


@dataclass(frozen=True, slots=True)
class EntityLink:
    """Which corpus-level entity a document's entity is: rebuilt with the entities after a run."""

    TABLE: ClassVar[str] = "entity_links"
    KEY: ClassVar[tuple[str, ...]] = ("doc_id", "local_id")

    doc_id: str
    local_id: str  # DocumentEntity.id, as extracted
    entity_id: str  # Entity.id it was linked to


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity in a document."""

    TABLE: ClassVar[str] = "mentions"
    KEY: ClassVar[tuple[str, ...]] = ("doc_id", "start", "end")

    doc_id: str
    entity_id: str
    start: int
    end: int
    text: str
    kind: str = "name"  # name, pronoun, nominal, title


@dataclass(frozen=True, slots=True)
class Role:
    """A role the text gives an entity ("Prime Minister"), as of the document's date."""

    TABLE: ClassVar[str] = "roles"
    KEY: ClassVar[tuple[str, ...]] = ("doc_id", "entity_id", "start", "end")

    doc_id: str
    entity_id: str
    role: str  # normalized title, e.g. "prime minister"
    country: str | None
    sector: str | None
    start: int
    end: int
    date: str | None  # the document's date (TIMEX3 value) the role was seen at


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: who said what, to whom, and when."""

    TABLE: ClassVar[str] = "quotes"
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: str
    doc_id: str
    start: int
    end: int
    text: str  # the quoted content
    kind: QuoteKind
    cue: Span | None  # reporting verb or phrase
    speaker: str | None  # canonical name of the speaker, or None when unknown
    speaker_entity_id: str | None
    speaker_start: int | None  # the mention the speaker was found from
    speaker_end: int | None
    addressee: str | None
    channel: str | None  # "audio message", "social media post", ...
    date: str | None  # TIMEX3 value of when it was said
    date_basis: DateBasis | None


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event mention (PLOVER), with the sentence it came from."""

    TABLE: ClassVar[str] = "events"
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: str
    doc_id: str
    type: str  # PLOVER type
    mode: str | None
    modality: Modality
    source: list[Actor]
    target: list[Actor]
    date: EventDate | None
    location: Place | None
    sentence: Span
    trigger: Span
    quote_id: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class EventReference:
    """A passing reference to an event ("Tuesday's attack", "the letter", "the talks"): a noun
    phrase that names an event the text does not report there, linked across documents to the
    story event it refers to (``ReferenceLink``)."""

    TABLE: ClassVar[str] = "event_references"
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: str
    doc_id: str
    types: list[str]  # the PLOVER types of event its noun can name, the likeliest first
    text: Span  # the noun phrase ("the brazen hijacking in the heavily guarded ...")
    head: Span  # its event noun ("hijacking")
    sentence: Span
    date: EventDate | None  # when the phrase says the event was ("Tuesday's"), else None
    state_act: bool = False  # its noun names what only a state does ("the operation", "the arrest")


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One real-world event, merged across the reports that mention it."""

    TABLE: ClassVar[str] = "story_events"
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: str
    type: str
    modality: str
    source: list[Actor]
    target: list[Actor]
    date: EventDate | None
    mention_ids: list[str]
    doc_ids: list[str]
    story_id: str | None = None
    location: Place | None = None  # the place of its best-placed report


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles and story events about one story."""

    TABLE: ClassVar[str] = "stories"
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    id: str
    label: str
    start: str | None  # TIMEX3 date value of the earliest dated event or article
    end: str | None
    doc_ids: list[str]


@dataclass(frozen=True, slots=True)
class ReferenceLink:
    """The story event a passing reference (``EventReference``) refers to."""

    TABLE: ClassVar[str] = "reference_links"
    KEY: ClassVar[tuple[str, ...]] = ("reference_id",)

    reference_id: str
    doc_id: str
    story_event_id: str
    score: float  # how strongly the reference's words, date and article speak for it


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated line of a story, drawn from the sources, with citations."""

    TABLE: ClassVar[str] = "timeline"
    KEY: ClassVar[tuple[str, ...]] = ()  # rebuilt whole after each run

    story_id: str | None
    date: str  # TIMEX3 value at the entry's granularity
    granularity: Granularity
    headline: str
    text: str
    story_event_ids: list[str]
    citations: list[Citation]


#: Every table record, in the order a run writes them.
TABLE_RECORDS: tuple[type[Any], ...] = (
    Document,
    Failure,
    Timex,
    DocumentEntity,
    Entity,
    EntityLink,
    Mention,
    Role,
    Quote,
    Event,
    EventReference,
    StoryEvent,
    ReferenceLink,
    Story,
    TimelineEntry,
)
TABLES: dict[str, type[Any]] = {cls.TABLE: cls for cls in TABLE_RECORDS}

R = TypeVar("R")


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-able values (nested records become dicts)."""
    return dataclasses.asdict(record)


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Build a record of ``cls`` from :func:`to_dict` output (or a database row)."""
    hints = _hints(cls)
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            values[f.name] = _build_value(hints[f.name], data[f.name])
    return cls(**values)


@functools.cache
def _hints_of(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _hints(cls: type[Any]) -> dict[str, Any]:
    """The resolved type hints of a record class (resolving them is slow: done once per class)."""
    return _hints_of(cls)  # type: ignore[arg-type]  # classes are hashable


def _build_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _build_value(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        return [_build_value(args[0], v) for v in value]
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return from_dict(hint, value)  # type: ignore[arg-type]
    return value
