"""People's countries and offices learned from a corpus: the knowledge base behind ``storyline kb
build``.

Reads: each document's entities as extracted (``DocumentEntity``) and the roles the actors stage
read from titles (``Role``: "Russian President Vladimir Putin", "U.S. Sen. Lindsey Graham",
"Democratic front-runner Hillary Clinton"). Writes nothing: returns lower-case full name -> ISO3
for the people whose titles state one country, and the sector most of a person's titles give
(:class:`Office`, with the first and last day of the documents that give it), in enough documents
and agreeing enough. The actors stage reads such a file after its shipped lexicons (setting
``actors.people``), so the people of a user's own news get their country where an article names
them without a title, and their sector where the article is of the days the office was seen in.

Only a title's country is evidence: the countries the stage inferred without one (the story's
country, a lexicon) are not, so the knowledge base never learns from itself. A name of one word,
or with characters of UTF-8 read as Latin-1 ("PeÃ±a"), is not learned.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping

from storyline.records import DocumentEntity, Role
from storyline.stages.actors.lexicon import CAMPAIGN_SECTOR, Office

#: UTF-8 read as Latin-1 in a source text ("PeÃ±a Nieto"): no name to learn.
MOJIBAKE = re.compile("[\u00a1-\u00bf\u00c2\u00c3]")
#: The documents a name's titles must state its country in, and the share of them that must agree.
MIN_DOCS, AGREE = 2, 0.8
#: The share of the documents titling a person with a sector that must give the same one (a
#: senator running for president is titled both).
SECTOR_AGREE = 0.6
#: A publication day.
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _learnable(name: str | None) -> bool:
    """A full name (two words or more) read right."""
    return name is not None and len(name.split()) >= 2 and not MOJIBAKE.search(name)


def stated_countries(
    entities: Iterable[DocumentEntity], roles: Iterable[Role], countries: Collection[str]
) -> dict[str, Counter[str]]:
    """Per lower-case full name of a person, how many documents' titles give it each country
    (a document counts once per name and country)."""
    names = {(e.doc_id, e.id): e.name for e in entities if e.type == "PERSON"}
    stated: set[tuple[str, str, str]] = set()
    for role in roles:
        name = names.get((role.doc_id, role.entity_id))
        if name is None or role.country not in countries:
            continue
        if _learnable(name):
            stated.add((role.doc_id, name.lower(), role.country))  # type: ignore[arg-type]
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for _, name, country in stated:
        seen[name][country] += 1
    return dict(seen)


def learn_people(
    entities: Iterable[DocumentEntity],
    roles: Iterable[Role],
    countries: Collection[str],
    min_docs: int = MIN_DOCS,
    agree: float = AGREE,
) -> dict[str, str]:
    """Lower-case full name -> ISO3 of the people whose titles state one of ``countries`` in at
    least ``min_docs`` documents and ``agree`` of those that state one, sorted by name."""
    out = {}
    for name, counts in stated_countries(entities, roles, countries).items():
        (country, n), *_ = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= min_docs and n >= agree * sum(counts.values()):
            out[name] = country
    return dict(sorted(out.items()))


def learn_offices(
    entities: Iterable[DocumentEntity],
    roles: Iterable[Role],
    min_docs: int = MIN_DOCS,
    agree: float = SECTOR_AGREE,
) -> dict[str, Office]:
    """Lower-case full name -> the :class:`Office` most of a person's dated documents title them
    with, when at least ``min_docs`` documents do and ``agree`` of those titling them with a
    sector; sorted by name."""
    names = {(e.doc_id, e.id): e.name for e in entities if e.type == "PERSON"}
    days: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for role in roles:
        name = names.get((role.doc_id, role.entity_id))
        day = (role.date or "")[:10]
        if role.sector and _learnable(name) and DAY.fullmatch(day):
            days[name.lower()][role.sector][role.doc_id] = day  # type: ignore[union-attr]
    out = {}
    for name, by_sector in days.items():
        sector, docs = min(by_sector.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        total = len({d for seen in by_sector.values() for d in seen})
        if len(docs) >= min_docs and len(docs) >= agree * total:
            run = by_sector.get(CAMPAIGN_SECTOR, {}) if sector != CAMPAIGN_SECTOR else {}
            campaign = (min(run.values()), max(run.values())) if len(run) >= min_docs else None
            out[name] = Office(sector, min(docs.values()), max(docs.values()), campaign)
    return dict(sorted(out.items()))


def people_file(countries: Mapping[str, str], offices: Mapping[str, Office]) -> dict[str, object]:
    """The people file of learned countries and offices (read by
    :func:`storyline.stages.actors.lexicon.read_people_file`): name -> ISO3, or, for a person
    with an office, name -> ``{"country", "sector", "since", "until"}`` (and ``"campaign":
    [since, until]`` for one also titled a candidate)."""
    out: dict[str, object] = dict(countries)
    for name, office in offices.items():
        entry: dict[str, object] = {
            "country": countries.get(name),
            "sector": office.sector,
            "since": office.since,
            "until": office.until,
        }
        if office.campaign is not None:
            entry["campaign"] = list(office.campaign)
        out[name] = entry
    return dict(sorted(out.items()))


__all__ = [
    "AGREE",
    "MIN_DOCS",
    "SECTOR_AGREE",
    "Office",
    "learn_offices",
    "learn_people",
    "people_file",
    "stated_countries",
]
