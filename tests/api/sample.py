"""A small, hand-made storyline database for the API and web tests (no model needed).

Three short reports with every kind of record, offsets computed from the texts so that each record
points at the characters it names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyline.records import (
    Actor,
    Citation,
    Document,
    Entity,
    EntityLink,
    Event,
    EventDate,
    Mention,
    Quote,
    Role,
    Span,
    Story,
    StoryEvent,
    TimelineEntry,
    Timex,
)
from storyline.registry import DocResult
from storyline.store import Store

TEXTS = {
    "docA": (
        "Cambodia backs UN vote",
        "2022-03-04",
        "Prime Minister Hun Sen said on Thursday that Cambodia would co-sponsor the UN resolution. "
        '"We stand with the principle of sovereignty," Hun Sen told reporters. '
        "The United States imposed sanctions on Russia last week.",
    ),
    "docB": (
        "Ukraine asks Cambodia for deminers",
        "2022-10-27",
        "Ukraine asked Cambodia for demining aid on October 20. "
        "Hun Sen agreed to send experts to train Ukrainian deminers.",
    ),
    "docC": (
        "Phnom Penh welcomes embassy statement",
        "2023-06-15",
        "Cambodia welcomed the statement by the Ukrainian embassy in late May. "
        '"This is a victory for <b>diplomacy</b>," said Kin Phea, an academic. '
        "Russia rejected the resolution on Monday.",
    ),
}

ENTITIES = [
    Entity("hun-sen", "Hun Sen", "PERSON", "KHM", "GOV", ["Samdech Hun Sen"]),
    Entity("cambodia", "Cambodia", "GPE", "KHM", "GOV", ["Phnom Penh"]),
    Entity("united-states", "United States", "GPE", "USA", "GOV", []),
    Entity("russia", "Russia", "GPE", "RUS", "GOV", []),
    Entity("ukraine", "Ukraine", "GPE", "UKR", "GOV", ["Ukrainian embassy"]),
    Entity("kin-phea", "Kin Phea", "PERSON", "KHM", "CVL", []),
    Entity("united-nations", "United Nations", "ORG", "IGO", "IGO", ["UN"]),
]
NAMES = {e.id: e for e in ENTITIES}


def find(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def span(text: str, sub: str, nth: int = 0) -> Span:
    s, e = find(text, sub, nth)
    return Span(s, e, text[s:e])


def actor(text: str, entity_id: str, sub: str) -> Actor:
    s, e = find(text, sub)
    ent = NAMES[entity_id]
    return Actor(entity_id, ent.name, ent.country, ent.sector, s, e)


def sentence_of(text: str, sub: str) -> Span:
    s, e = find(text, sub)
    lo = max(text.rfind(". ", 0, s), text.rfind('" ', 0, s))
    lo = 0 if lo < 0 else lo + 2
    hi = text.find(". ", e)
    hi = len(text) if hi < 0 else hi + 1
    return Span(lo, hi, text[lo:hi])


def records() -> tuple[list[Document], list[Any]]:
    docs = {
        key: Document(
            key,
            f"{key}.txt",
            "Example Post",
            f"https://example.org/{key}",
            title,
            published,
            "metadata",
            text,
        )
        for key, (title, published, text) in TEXTS.items()
    }
    a, _, c = (docs[k].text for k in ("docA", "docB", "docC"))
    out: list[Any] = list(ENTITIES)

    def mention(doc: str, entity_id: str, sub: str, nth: int = 0) -> Mention:
        s, e = find(docs[doc].text, sub, nth)
        return Mention(doc, entity_id, s, e, sub)

    out += [
        mention("docA", "hun-sen", "Hun Sen"),
        mention("docA", "hun-sen", "Hun Sen", 1),
        mention("docA", "cambodia", "Cambodia"),
        mention("docA", "united-nations", "UN"),
        mention("docA", "united-states", "United States"),
        mention("docA", "russia", "Russia"),
        mention("docB", "ukraine", "Ukraine"),
        mention("docB", "cambodia", "Cambodia"),
        mention("docB", "hun-sen", "Hun Sen"),
        mention("docC", "cambodia", "Cambodia"),
        mention("docC", "kin-phea", "Kin Phea"),
        mention("docC", "russia", "Russia"),
    ]
    rs, re_ = find(a, "Prime Minister")
    ks, ke = find(c, "an academic")
    out += [
        Role("docA", "hun-sen", "prime minister", "KHM", "GOV", rs, re_, "2022-03-04"),
        Role("docC", "kin-phea", "academic", "KHM", "CVL", ks, ke, "2023-06-15"),
    ]

    def timex(doc: str, sub: str, value: str, mod: str | None = None) -> Timex:
        s, e = find(docs[doc].text, sub)
        return Timex(doc, s, e, sub, "DATE", value, mod)

    out += [
        timex("docA", "Thursday", "2022-03-03"),
        timex("docA", "last week", "2022-W08"),
        timex("docB", "October 20", "2022-10-20"),
        timex("docC", "late May", "2023-05", "END"),
        timex("docC", "Monday", "2023-06-12"),
    ]

    qa = span(a, "We stand with the principle of sovereignty,")
    qc = span(c, "This is a victory for <b>diplomacy</b>,")
    hs, he = find(a, "Hun Sen", 1)
    kps, kpe = find(c, "Kin Phea")
    out += [
        Quote(
            "qA1",
            "docA",
            qa.start,
            qa.end,
            qa.text,
            "direct",
            span(a, "told"),
            "Hun Sen",
            "hun-sen",
            hs,
            he,
            "reporters",
            None,
            "2022-03-04",
            "published",
        ),
        Quote(
            "qC1",
            "docC",
            qc.start,
            qc.end,
            qc.text,
            "direct",
            span(c, "said"),
            "Kin Phea",
            "kin-phea",
            kps,
            kpe,
            None,
            None,
            "2023-06-15",
            "published",
        ),
    ]

    def event(
        eid: str,
        doc: str,
        etype: str,
        modality: str,
        src: tuple[str, str],
        tgt: tuple[str, str],
        trigger: str,
        date: str,
        basis: str,
    ) -> Event:
        text = docs[doc].text
        return Event(
            eid,
            doc,
            etype,
            None,
            modality,  # type: ignore[arg-type]
            [actor(text, *src)],
            [actor(text, *tgt)],
            EventDate(date, basis),  # type: ignore[arg-type]
            None,
            sentence_of(text, trigger),
            span(text, trigger),
            None,
            0.9,
        )

    events = [
        event(
            "eA1",
            "docA",
            "SUPPORT",
            "planned",
            ("cambodia", "Cambodia"),
            ("united-nations", "UN"),
            "co-sponsor",
            "2022-03-03",
            "text",
        ),
        event(
            "eA2",
            "docA",
            "SANCTION",
            "asserted",
            ("united-states", "United States"),
            ("russia", "Russia"),
            "imposed sanctions",
            "2022-W08",
            "text",
        ),
        event(
            "eB1",
            "docB",
            "REQUEST",
            "asserted",
            ("ukraine", "Ukraine"),
            ("cambodia", "Cambodia"),
            "asked",
            "2022-10-20",
            "text",
        ),
        event(
            "eB2",
            "docB",
            "AID",
            "planned",
            ("hun-sen", "Hun Sen"),
            ("ukraine", "Ukrainian"),
            "agreed to send",
            "2022-10-27",
            "published",
        ),
        event(
            "eC1",
            "docC",
            "SUPPORT",
            "asserted",
            ("cambodia", "Cambodia"),
            ("ukraine", "Ukrainian embassy"),
            "welcomed",
            "2023-05",
            "text",
        ),
        event(
            "eC2",
            "docC",
            "REJECT",
            "asserted",
            ("russia", "Russia"),
            ("united-nations", "the resolution"),
            "rejected",
            "2023-06-12",
            "text",
        ),
    ]
    out += events
    story_events = [
        StoryEvent(
            f"S{e.id}", e.type, e.modality, e.source, e.target, e.date, [e.id], [e.doc_id], "T1"
        )
        for e in events
    ]
    out += story_events
    out.append(
        Story(
            "T1",
            "Cambodia and the war in Ukraine",
            "2022-03-03",
            "2023-06-12",
            ["docA", "docB", "docC"],
        )
    )
    for se, e in zip(story_events, events, strict=True):
        assert se.date is not None
        out.append(
            TimelineEntry(
                "T1",
                se.date.value,
                "day",
                f"{e.source[0].name} {e.type.lower()} {e.target[0].name}",
                e.sentence.text,
                [se.id],
                [Citation(e.doc_id, e.sentence.start, e.sentence.end)],
            )
        )
    return list(docs.values()), out


def build_sample_db(path: Path) -> Path:
    """Write the sample database at ``path``."""
    documents, recs = records()
    tables = (Entity, StoryEvent, Story, TimelineEntry)
    entities = {r.id: r for r in recs if isinstance(r, Entity)}
    # Each document sees the entities it mentions, linked to the sample's entities as is.
    views = dict.fromkeys((m.doc_id, m.entity_id) for m in recs if isinstance(m, Mention))
    links = [EntityLink(doc_id, eid, eid) for doc_id, eid in views]
    with Store.open(path) as store:
        per_document = [r for r in recs if not isinstance(r, tables)]
        store.write_batch(
            [
                DocResult.of(
                    d,
                    [
                        *(r for r in per_document if r.doc_id == d.id),
                        *(entities[e] for doc_id, e in views if doc_id == d.id),
                    ],
                )
                for d in documents
            ]
        )
        for cls in tables:
            store.replace(cls, [r for r in recs if isinstance(r, cls)])
        store.replace(EntityLink, links)
    return path
