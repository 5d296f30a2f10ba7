"""The events stage as a spaCy component: every sentence's triggers made into event records.

Reads: what :mod:`storyline.stages.events` lists (the parse, the actors, timex and quotes stages'
records, ``doc._.published``, ``doc._.doc_id``). Writes: ``doc._.events: list[Event]`` and
``doc._.references: list[EventReference]`` (the passing references to events,
:mod:`storyline.stages.events.references`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.records import Actor, Event, Quote
from storyline.records import Span as TextSpan
from storyline.stages import doc_list, ensure_doc_extensions, stage_guard
from storyline.stages.events.calibration import Calibration, load_calibration
from storyline.stages.events.candidates import find_triggers
from storyline.stages.events.classifier import Trigger, by_authority, no_political_act, with_channel
from storyline.stages.events.clauses import REPORT_VERBS, is_verb, text_of
from storyline.stages.events.dating import date_of, with_narrative_dates
from storyline.stages.events.lexicon import Lexicon, load_lexicon
from storyline.stages.events.modality import (
    THREATEN,
    conditional_threat,
    modality_of,
    refusal,
    reported,
    speculation,
    vowed_force,
)
from storyline.stages.events.participants import answers_a_claim, sources_targets, threatened
from storyline.stages.events.references import extract_references
from storyline.stages.events.typing_model import UNCODED, TypeModel, load_type_model
from storyline.stages.events.unattributed import unattributed
from storyline.stages.lookup import quote_at
from storyline.stages.places import PlaceMention, as_place, load_gazetteer, place_mentions
from storyline.stages.places.locate import (
    ARTICLE_FACTOR,
    HOME_FACTOR,
    event_place,
    home_place,
    scene_fits,
)
from storyline.stages.places.locate import scene as article_scene


def raw_confidence(evidence: float, has_target: bool, named: int) -> float:
    """The uncalibrated score of an event: how specific its trigger's evidence is (0..1), whether it
    has a target, and how many of its actors are named entities."""
    return min(0.95, 0.3 + 0.4 * evidence + 0.1 * has_target + 0.05 * min(named, 2))


def with_scene(doc: Doc, events: list[Event], places: Sequence[PlaceMention]) -> list[Event]:
    """Events their sentence does not place, placed at the article's scene where it fits (basis
    ``article``; see :mod:`storyline.stages.places.locate`)."""
    scene = article_scene(doc, load_gazetteer(), places)
    placed: list[Event] = []
    for event in events:
        place = None
        if scene is not None and scene_fits(doc, event, scene, places):
            place = as_place(scene, "article", ARTICLE_FACTOR)
        elif (home := home_place(doc, event, scene, places)) is not None:
            place = as_place(home, "article", HOME_FACTOR)  # a domestic act: its country
        placed.append(event if place is None else dataclasses.replace(event, location=place))
    return placed


@dataclasses.dataclass(frozen=True, slots=True)
class _Context:
    """What every event of one document is made with."""

    doc: Doc
    doc_id: str
    published: str | None
    quotes: list[Quote]
    places: Sequence[PlaceMention]
    calibration: Calibration | None


def _event(
    ctx: _Context, sent: Span, trigger: Trigger, sources: list[Actor], targets: list[Actor]
) -> Event:
    """The event record of a trigger with its parties."""
    doc = ctx.doc
    # The object of a support verb may come first ("what concessions Ukraine might be
    # willing to make"): the trigger's text runs from its first to its last token.
    first, last = sorted((trigger.start, trigger.end), key=lambda t: t.i)
    start = first.idx
    end = last.idx + len(last.text)
    quote = quote_at(ctx.quotes, start)
    named = sum(1 for a in [*sources, *targets] if a.entity_id)
    confidence = raw_confidence(trigger.evidence, bool(targets), named)
    modality = modality_of(trigger, quote, sources)
    recoded = refusal(trigger) if modality == "negated" else None
    if modality == "planned":  # "could impose sanctions if ..." is a possibility, no promise
        recoded = conditional_threat(trigger)  # "would impose tariffs if ...": a threat, made
        if recoded is None and vowed_force(trigger, quote, sources):
            recoded = THREATEN  # "Trump said he would bomb ISIS": a threat, made
        targets = targets or (threatened(doc, trigger.anchor) if recoded else [])
    if recoded is not None:  # "will not cooperate": a refusal, done; a threat, made
        trigger = dataclasses.replace(trigger, code=recoded)
        modality = "reported" if reported(trigger.anchor, quote, sources) else "asserted"
    if ctx.calibration is not None:
        confidence = ctx.calibration.precision(confidence)
    return Event(
        id=f"{ctx.doc_id}:V{start}",
        doc_id=ctx.doc_id,
        type=trigger.code[0],
        mode=trigger.code[1],
        modality=modality,  # type: ignore[arg-type]
        source=sources,
        target=targets,
        date=date_of(doc, trigger, sent, ctx.published, _said_on(quote)),
        location=event_place(
            doc, sent, {trigger.anchor, trigger.token}, trigger.code, ctx.places, modality
        ),
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        trigger=TextSpan(start, end, text_of(doc, start, end)),
        quote_id=quote.id if quote else None,
        confidence=round(confidence, 3),
    )


def _said_on(quote: Quote | None) -> str | None:
    """The date the text gives a quote (None: no quote, or dated only by the article)."""
    if quote is None or quote.date_basis != "text" or quote.date is None:
        return None
    return quote.date


def uncoded_verbs(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """The verbs of a sentence the rules code nothing for, as triggers of type ``UNCODED`` (the
    type model may find an event in them): not a trigger's word, nor the content of one, nor a
    verb of saying (what is said is coded on its own)."""
    taken = {t.token.i for t in found} | {t.anchor.i for t in found}
    return [
        Trigger(token, token, token, token, (UNCODED, None), 0.3, False)
        for token in sent
        if is_verb(token)
        and token.i not in taken
        and token.lemma_.lower() not in REPORT_VERBS
        and not (token.head.i in taken and token.dep_ in {"xcomp", "ccomp", "advcl"})
    ]


def candidates(
    doc: Doc, lexicon: Lexicon, quotes: list[Quote], uncoded: bool = False
) -> Iterator[tuple[Span, Trigger, list[Actor], list[Actor]]]:
    """The triggers the rules code with a source (not the press at work nor private people's
    visits: :func:`~storyline.stages.events.classifier.no_political_act`), each with its sentence,
    sources and targets, in text order (what the type model decides on, and what ``make train``
    learns from); with ``uncoded``, after each sentence's, its :func:`uncoded_verbs` that have a
    source."""
    for sent, trigger, sources, targets in _parties(doc, lexicon, quotes, uncoded):
        if sources:
            yield sent, trigger, sources, targets


def _parties(
    doc: Doc, lexicon: Lexicon, quotes: list[Quote], uncoded: bool
) -> Iterator[tuple[Span, Trigger, list[Actor], list[Actor]]]:
    """:func:`candidates`, and after them the rules' triggers with no source that tell an act
    whose doer the text leaves out (:func:`~storyline.stages.events.unattributed.unattributed`),
    with an empty source list."""
    for sent in doc.sents:
        found = find_triggers(sent, lexicon, quotes)
        extra = uncoded_verbs(sent, found) if uncoded else []
        for trigger in [*found, *extra]:
            sources, targets, _ = sources_targets(doc, trigger)
            if sources and not no_political_act(trigger, sources):
                yield sent, by_authority(with_channel(trigger), sources), sources, targets
            elif not sources and unattributed(trigger, targets):  # uncoded verbs never are
                yield sent, trigger, sources, targets


def extract_events(
    doc: Doc,
    lexicon: Lexicon | None = None,
    calibration: Calibration | None = None,
    types: TypeModel | None = None,
    min_confidence: float = 0.0,
) -> list[Event]:
    """Every event the document's sentences code, in text order. With a ``calibration``, an
    event's confidence is the share of events of its raw score whose type was right on dev data;
    without, the raw score. With a type model (``types``), a trigger is retyped or dropped where
    the model is confident (:meth:`~storyline.stages.events.typing_model.TypeModel.decide`). Events
    whose confidence is below ``min_confidence`` are left out."""
    lexicon = lexicon or load_lexicon()
    quotes = doc_list(doc, "quotes")
    places = place_mentions(doc, load_gazetteer())
    ctx = _Context(doc, doc._.doc_id or "", doc._.published, quotes, places, calibration)
    events: list[Event] = []
    accusers: list[Actor] = []
    for sent, found, sources, named in _parties(doc, lexicon, quotes, types is not None):
        trigger = found if types is None or not sources else types.decide(found, bool(named))
        if trigger is None or speculation(trigger, quote_at(quotes, trigger.token.idx)):
            continue
        targets = named
        if not named and trigger.code[0] == "REJECT" and answers_a_claim(trigger.anchor):
            targets = answered(accusers, sources)
        event = _event(ctx, sent, trigger, sources, targets)
        if event.confidence >= min_confidence:
            events.append(event)
            accusers = event.source if event.type == "ACCUSE" else accusers
    dated = with_narrative_dates(doc, events)
    return [with_local_parties(e) for e in with_scene(doc, dated, places)]


#: Sectors of people who belong to the place where they act; refugees, aid groups, international
#: bodies and armed forces may come from anywhere.
LOCAL_SECTORS = frozenset(
    {"CVL", "EDU", "BUS", "MED", "JRN", "COP", "JUD", "LEG", "LAB", "REL", "AGR", "CRM", "REB"}
)


def with_local_parties(event: Event) -> Event:
    """An event whose parties include people told by role alone ("all public schools", "the
    police", "three people"), given the country of the event's place: a school ordered by
    Malawi's High Court in Malawi is Malawian. No place, or a party of no local sector: as it
    was."""
    country = event.location.country if event.location is not None else None
    if country is None:
        return event

    def local(actors: list[Actor]) -> list[Actor]:
        return [
            dataclasses.replace(a, country=country)
            if a.entity_id is None and a.country is None and a.sector in LOCAL_SECTORS
            else a
            for a in actors
        ]

    return dataclasses.replace(event, source=local(event.source), target=local(event.target))


def answered(accusers: list[Actor], rejecters: list[Actor]) -> list[Actor]:
    """Whom a rejection of an unowned claim answers ("X accused Y of ... Y rejected the
    accusations"): the sources of the article's last accusation before it, unless they are the
    rejecters themselves."""
    mine = {a.entity_id or a.name for a in rejecters}
    if any((a.entity_id or a.name) in mine for a in accusers):
        return []
    return list(accusers)


class EventsStage:
    """spaCy component: writes ``doc._.events`` and ``doc._.references``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        calibrated: bool = True,
        learned: bool = True,
        min_confidence: float = 0.0,
    ) -> None:
        ensure_doc_extensions()
        self.name = name
        self.lexicon = load_lexicon()
        self.calibration = load_calibration() if calibrated else None
        self.types = load_type_model() if learned else None
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        doc._.references = []
        with stage_guard(doc, "events"):
            doc._.events = extract_events(
                doc, self.lexicon, self.calibration, self.types, self.min_confidence
            )
            doc._.references = extract_references(doc, doc._.events)
        return doc


@Language.factory(
    "storyline_events",
    requires=["doc._.mentions", "doc._.timexes", "doc._.quotes"],
    assigns=["doc._.events", "doc._.references"],
    default_config={"calibrated": True, "learned": True, "min_confidence": 0.0},
)
def make_events_stage(
    nlp: Language, name: str, calibrated: bool, learned: bool, min_confidence: float
) -> EventsStage:
    """The events stage (PLOVER event records); ``calibrated``: confidences through the shipped
    calibration table (``resources/events/calibration.json``), else raw scores; ``learned``: the
    rules' triggers retyped or dropped by the shipped type model (``resources/events/types.json``),
    else the rules' types; ``min_confidence``: events scored lower are left out."""
    return EventsStage(nlp, name, calibrated, learned, min_confidence)
