"""Hand-built records for the seed articles, sliced from the real texts so offsets are real.

They mimic what the events and quotes stages are meant to produce on the seeds, so the
cross-document steps can be tested without a model. Each builder finds its sentence and trigger
in the text.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from storyline.ingest.base import RawArticle, make_document
from storyline.records import Actor, Document, Event, EventDate, Modality, Quote, Span
from storyline.story.timeline import sentence_around

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"

# Actors as the actors stage would code them.
ACTORS = {
    "Hun Sen": ("E-hunsen", "KHM", "GOV"),
    "Cambodia": ("E-cambodia", "KHM", None),
    "Zelenskyy": ("E-zelenskyy", "UKR", "GOV"),
    "Russia": ("E-russia", "RUS", None),
    "Russian troops": ("E-russia-mil", "RUS", "MIL"),
    "Ukraine": ("E-ukraine", "UKR", None),
    "U.N.": ("E-un", "IGO", "IGO"),
    "UN General Assembly": ("E-un", "IGO", "IGO"),
    "Singapore": ("E-singapore", "SGP", None),
    "U.S. Embassy": ("E-usembassy", "USA", "GOV"),
    "Cambodia National Rescue Party": ("E-cnrp", "KHM", "OPP"),
}


def seed_documents() -> dict[str, Document]:
    """The three seed articles as Documents, keyed by their sidecar id ("000", "001", "003")."""
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        raw = RawArticle(
            input=str(path),
            external_id=meta["id"],
            published=meta["published"],
            published_basis="metadata",
            source=meta.get("source"),
        )
        doc = make_document(raw, path.read_text(encoding="utf-8"))
        assert isinstance(doc, Document)
        out[meta["id"]] = doc
    return out


def actor(doc: Document, name: str, near: int = 0) -> Actor:
    entity_id, country, sector = ACTORS[name]
    start = doc.text.find(name, near)
    if start < 0:
        start = doc.text.find(name)
    assert start >= 0, name
    return Actor(entity_id, name, country, sector, start, start + len(name))


def event(
    doc: Document,
    sentence_prefix: str,
    trigger: str,
    type_: str,
    *,
    source: tuple[str, ...] = (),
    target: tuple[str, ...] = (),
    date: str | None = None,
    basis: str = "text",
    modality: Modality = "asserted",
    quote_id: str | None = None,
) -> Event:
    """An event mention whose sentence starts with ``sentence_prefix`` in ``doc``."""
    at = doc.text.find(sentence_prefix)
    assert at >= 0, sentence_prefix
    sentence = sentence_around(doc.text, at, at + len(sentence_prefix))
    t = doc.text.find(trigger, sentence.start)
    assert sentence.start <= t < sentence.end, trigger
    if date is None:
        date, basis = doc.published or "", "published"
    return Event(
        id=f"{doc.id}-{t}",
        doc_id=doc.id,
        type=type_,
        mode=None,
        modality=modality,
        source=[actor(doc, s, sentence.start) for s in source],
        target=[actor(doc, s, sentence.start) for s in target],
        date=EventDate(date, basis),  # type: ignore[arg-type]
        location=None,
        sentence=sentence,
        trigger=Span(t, t + len(trigger), trigger),
        quote_id=quote_id,
        confidence=0.9,
    )


def quote(
    doc: Document,
    content: str,
    speaker: str,
    date: str | None,
    channel: str | None = None,
    cue: str = "said",
) -> Quote:
    start = doc.text.find(content)
    assert start >= 0, content
    s = doc.text.find(speaker)
    c = doc.text.find(cue, start)
    entity_id = ACTORS[speaker][0] if speaker in ACTORS else None
    return Quote(
        id=f"Q{doc.id}-{start}",
        doc_id=doc.id,
        start=start,
        end=start + len(content),
        text=content,
        kind="direct",
        cue=Span(c, c + len(cue), cue) if c >= 0 else None,
        speaker=speaker,
        speaker_entity_id=entity_id,
        speaker_start=s,
        speaker_end=s + len(speaker),
        addressee=None,
        channel=channel,
        date=date,
        date_basis="text" if date else None,
    )


def seed_events(docs: dict[str, Document]) -> list[Event]:
    """Event mentions of the seeds, as an events stage should code them."""
    voa, oct22, jun23 = docs["003"], docs["000"], docs["001"]
    return [
        # VOA, 2022-03-04
        event(
            voa,
            "Cambodian Prime Minister Hun Sen, long friendly",
            "co-sponsoring",
            "SUPPORT",
            source=("Hun Sen",),
            target=("U.N.",),
            date="2022-W09",
        ),
        event(
            voa,
            "Of the 193 U.N. member states",
            "voted",
            "SUPPORT",
            target=("U.N.",),
            date="2022-03-02",
        ),
        event(
            voa,
            "He added that at the request of Japan",
            "co-sponsor",
            "SUPPORT",
            source=("Cambodia",),
        ),
        event(
            voa,
            "Russian troops invaded Ukraine",
            "invaded",
            "ASSAULT",
            source=("Russian troops",),
            target=("Ukraine",),
            date="2022-02-24",
        ),
        event(
            voa,
            "Singaporean Foreign Minister",
            "imposed",
            "SANCTION",
            source=("Singapore",),
            target=("Russia",),
            date="2022-02-28",
        ),
        event(
            voa,
            "The U.S. Embassy in Phnom Penh welcomed",
            "welcomed",
            "SUPPORT",
            source=("U.S. Embassy",),
            target=("Cambodia",),
        ),
        event(
            voa,
            "The Cambodia National Rescue Party",
            "condemned",
            "ACCUSE",
            source=("Cambodia National Rescue Party",),
            target=("Russia",),
        ),
        # Phnom Penh Post, 2022-10-28
        event(
            oct22,
            "Prime Minister Hun Sen said he would speak",
            "speak",
            "CONSULT",
            source=("Hun Sen",),
            target=("Zelenskyy",),
            modality="planned",
        ),
        event(
            oct22,
            "He mentioned the phone conference",
            "phone conference",
            "CONSULT",
            source=("Hun Sen",),
            date="2022-10-27",
            modality="planned",
        ),
        event(
            oct22,
            "“If there is no change",
            "meet",
            "CONSULT",
            source=("Hun Sen",),
            target=("Zelenskyy",),
            modality="planned",
        ),
        event(
            oct22,
            "Earlier this month, Hun Sen announced",
            "not support",
            "REJECT",
            source=("Hun Sen",),
            target=("Russia",),
            date="2022-10",
        ),
        event(
            oct22,
            "In March, Cambodia voted",
            "voted",
            "SUPPORT",
            source=("Cambodia",),
            target=("UN General Assembly",),
            date="2022-03",
        ),
        event(
            oct22,
            "Advance discussions such as the upcoming",
            "phone call",
            "CONSULT",
            modality="planned",
        ),
        # Phnom Penh Post, 2023-06-15
        event(
            jun23,
            "He recalled that during his second phone",
            "phone conversation",
            "CONSULT",
            target=("Zelenskyy",),
            date="2023-05",
        ),
        event(
            jun23,
            "During his phone call with Zelenskyy",
            "phone call",
            "CONSULT",
            source=("Hun Sen",),
            target=("Zelenskyy",),
        ),
    ]


def seed_quotes(docs: dict[str, Document]) -> list[Quote]:
    voa, oct22, jun23 = docs["003"], docs["000"], docs["001"]
    return [
        quote(
            voa,
            "We do not support the use of force and readiness to use force or the threatened "
            "use of force,",
            "Hun Sen",
            "2022-03-03",
            "audio message",
        ),
        quote(
            oct22,
            "We have completed the first stage of our mission to assist flood victims.",
            "Hun Sen",
            "2022-10-27",
            "social media post",
            cue="wrote",
        ),
        quote(
            jun23,
            "I do not believe that Ukraine can take back its Russian-occupied territory by "
            "force alone,",
            "Hun Sen",
            "2023-06-14",
        ),
        quote(
            oct22,
            "We do not support – and in fact oppose – the creation of a new state",
            "Hun Sen",
            "2022-10",
        ),
    ]


def copy_under_new_id(
    doc: Document, events: list[Event], suffix: str
) -> tuple[Document, list[Event]]:
    """A near-duplicate of ``doc`` (text and a trailing line) under a new id, with its events."""
    text = doc.text + "\n\n" + suffix
    raw = RawArticle(
        input="copy",
        external_id=f"{doc.external_id}-copy",
        published=doc.published,
        source="Another outlet",
    )
    copy = make_document(raw, text)
    assert isinstance(copy, Document) and copy.id != doc.id
    moved = [
        replace(e, id=f"{copy.id}-{e.trigger.start}", doc_id=copy.id)
        for e in events
        if e.doc_id == doc.id
    ]
    return copy, moved
