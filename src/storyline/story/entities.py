"""Entity linking across documents: one entity per real-world actor, with the roles seen, dated.

Reads: the per-document entity rows (``DocumentEntity``, as ``Entity`` views) and ``Role`` records the
actors stage wrote, as extracted. Writes nothing: returns the linked entities and ``redirects``
(merged-away entity id -> the id it was merged into); ``entity_links`` turns them into the stored
``EntityLink`` rows through which the store reads mentions, roles, quotes and event actors. The
extracted records are never rewritten, so linking is a pure function of them: the same documents
give the same entities whatever the run history.

Ids are already stable across documents (the same name and type give the same id), so most linking
is a union of rows with one id. Beyond that, a person named by the end of a fuller name ("Zelenskyy"
in one article, "Volodymyr Zelenskyy" in another) is merged into that person when exactly one
person carries the fuller name (another part of the name, "Lee" of "Lee Joen", only when both
articles give the same country); two people sharing a surname keep the surname alone unmerged. An
organization named by its acronym ("CNRP") is merged into the one organization that some document
named with that acronym beside it.

Country and sector of a linked entity come from its roles, as of their dates (the latest role that
says a country, the latest that says a sector); without roles, from the document rows.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from storyline.records import Actor, DocumentEntity, Entity, EntityLink, Event, Role

_SMALL = frozenset({"of", "the", "and", "for", "&"})


def _words(name: str) -> tuple[str, ...]:
    text = name.replace("’", "'").lower().removesuffix("'s")
    return tuple(w for w in text.replace(",", " ").split() if w)


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return 0 < n < len(full) and any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _ends_with(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """ "Zelenskyy" ends "Volodymyr Zelenskyy": the surname, the usual short form."""
    return 0 < len(part) < len(full) and full[-len(part) :] == part


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _SMALL)


def _date_key(role: Role) -> str:
    return role.date or ""


def latest_codes(roles: Iterable[Role], date: str | None = None) -> tuple[str | None, str | None]:
    """(country, sector) of the latest roles on or before ``date`` (all roles when None) that say
    each; roles of one date keep their text order."""
    usable = [r for r in roles if date is None or not r.date or r.date[:10] <= date[:10]]
    # Latest date last; within one date the first role in the text (the article's main title,
    # "Prime Minister Keir Starmer", before asides such as "a former lawyer") last of all.
    usable = [r for _, r in sorted(enumerate(usable), key=lambda ir: (_date_key(ir[1]), -ir[0]))]
    country = next((r.country for r in reversed(usable) if r.country), None)
    sector = next((r.sector for r in reversed(usable) if r.sector), None)
    return country, sector


def roles_as_of(roles: Iterable[Role], entity_id: str, date: str | None) -> Role | None:
    """The role an entity held as of ``date``: the latest role seen on or before it, else None."""
    mine = [
        r
        for r in roles
        if r.entity_id == entity_id and (date is None or (r.date or "")[:10] <= date[:10])
    ]
    if not mine:
        return None
    return max(enumerate(mine), key=lambda ir: (_date_key(ir[1]), -ir[0]))[1]


def inherit(entity: Entity, roles: Iterable[Role], date: str | None) -> Entity:
    """A document's view of an entity with its missing country/sector filled from what other
    documents said of it as of ``date``; what the document itself says is never overridden."""
    if entity.country and entity.sector:
        return entity
    country, sector = latest_codes((r for r in roles if r.entity_id == entity.id), date)
    return dataclasses.replace(
        entity, country=entity.country or country, sector=entity.sector or sector
    )


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One entity id over all its per-document rows: what linking compares."""

    id: str
    name: str  # the fullest, most frequent name
    type: str
    aliases: tuple[str, ...]  # every name and alias given, sorted
    countries: tuple[tuple[str, int], ...]  # how many rows say each country, most first
    sectors: tuple[tuple[str, int], ...]

    @property
    def country(self) -> str | None:
        return self.countries[0][0] if self.countries else None

    def forms(self) -> set[tuple[str, ...]]:
        return {_words(a) for a in self.aliases} | {_words(self.name)}


def _tally(values: Iterable[str | None]) -> tuple[tuple[str, int], ...]:
    """How many times each value is given, most first; on a tie the first given first."""
    counts = Counter(v for v in values if v)
    return tuple(sorted(counts.items(), key=lambda kv: -kv[1]))  # a stable sort


def summarize(rows: Sequence[Entity]) -> EntitySummary:
    """The summary of the rows of one entity id, given in document order (ties of counts go to
    the value of the first document)."""
    return EntitySummary(
        id=rows[0].id,
        name=_best_name(list(rows)),
        type=Counter(e.type for e in rows).most_common(1)[0][0],
        aliases=tuple(sorted({a for e in rows for a in [e.name, *e.aliases]})),
        countries=_tally(e.country for e in rows),
        sectors=_tally(e.sector for e in rows),
    )


def _is_person_short(s: EntitySummary) -> bool:
    return s.type == "PERSON" and bool(_words(s.name)) and not any(c.isdigit() for c in s.name)


def _is_org(s: EntitySummary) -> bool:
    return s.type == "ORG" and not s.id.startswith(("country:", "igo:"))


def _is_acronym(s: EntitySummary) -> bool:
    return _is_org(s) and " " not in s.name and s.name.isupper() and len(s.name) >= 2


def linking_keys(s: EntitySummary) -> frozenset[str]:
    """The blocks an entity is compared in: a person in the block of every word of its names
    (a host must hold every word of a short name, so the block of the short name's last word
    holds all its hosts); an organization in the block of its acronym when a document gave that
    acronym beside its name, and an acronym in its own block."""
    keys: set[str] = set()
    if s.type == "PERSON":
        keys.update(f"p:{w}" for form in s.forms() for w in form)
    if _is_org(s):
        acronym = _acronym(s.name)
        if acronym and acronym in s.aliases:
            keys.add(f"o:{acronym}")
        if _is_acronym(s):
            keys.add(f"o:{s.name}")
    return frozenset(keys)


def block_redirects(key: str, members: Iterable[EntitySummary]) -> Iterator[tuple[str, str]]:
    """The redirects (short id, host id) decided in one block of ``linking_keys``: a person named
    by the end of a fuller name, or by a part of it when both give a country, merged into the one
    person carrying it; an acronym into the one organization a document named with it beside."""
    group = sorted(members, key=lambda s: s.id)
    if key.startswith("p:"):
        yield from _person_redirects(key[2:], [s for s in group if s.type == "PERSON"])
    elif key.startswith("o:"):
        yield from _acronym_redirects(key[2:], [s for s in group if _is_org(s)])


def _person_redirects(word: str, people: list[EntitySummary]) -> Iterator[tuple[str, str]]:
    forms = {s.id: s.forms() for s in people}
    for short in people:
        words = _words(short.name)
        if not _is_person_short(short) or words[-1] != word:
            continue
        hosts = {
            other.id
            for other in people
            if other.id != short.id
            and _compatible(short.country, other.country)
            and any(
                _ends_with(f, words)
                or (_contains(f, words) and short.country is not None and other.country)
                for f in forms[other.id]
            )
        }
        if len(hosts) == 1:
            yield short.id, hosts.pop()


def _acronym_redirects(acronym: str, orgs: list[EntitySummary]) -> Iterator[tuple[str, str]]:
    shorts = [s for s in orgs if _is_acronym(s) and s.name == acronym]
    hosts = {o.id for o in orgs if _acronym(o.name) == acronym and acronym in o.aliases}
    for short in shorts:
        own = hosts - {short.id}
        if len(own) == 1:
            yield short.id, own.pop()


def resolve(redirects: Mapping[str, str]) -> dict[str, str]:
    """The redirects with every chain followed to its end."""
    return {k: _root(k, dict(redirects)) for k in redirects}


def linked_entity(
    root: EntitySummary, members: Iterable[EntitySummary], roles: Iterable[Role]
) -> Entity:
    """The entity of a root and the entities merged into it (itself among ``members``): country
    and sector from the roles of them all (in text order), as of their dates, else the most said
    by their rows (on a tie, the first said by the member with the smallest id)."""
    members = sorted(members, key=lambda m: m.id)
    country, sector = latest_codes(roles)
    country = country or _most(m.countries for m in members)
    sector = sector or _most(m.sectors for m in members)
    aliases = set().union(*(m.aliases for m in members)) - {root.name, ""}
    return Entity(root.id, root.name, root.type, country, sector, sorted(aliases))


def _most(tallies: Iterable[tuple[tuple[str, int], ...]]) -> str | None:
    """The value the tallies give most; on a tie the first given."""
    counts: Counter[str] = Counter()
    for tally in tallies:
        counts.update(dict(tally))
    return counts.most_common(1)[0][0] if counts else None


def link_entities(
    entities: Iterable[Entity], roles: Iterable[Role]
) -> tuple[list[Entity], dict[str, str]]:
    """One entity per real-world actor from the per-document rows, and the id redirects: the
    rows summed up per id, compared within the blocks of their ``linking_keys`` — the functions
    the Spark runner applies per id, per block and per linked entity."""
    rows: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        rows[e.id].append(e)
    summaries = {eid: summarize(group) for eid, group in rows.items()}
    members: dict[str, list[EntitySummary]] = defaultdict(list)
    for s in summaries.values():
        for key in linking_keys(s):
            members[key].append(s)
    found = dict(pair for key in sorted(members) for pair in block_redirects(key, members[key]))
    redirects = resolve(found)
    groups: dict[str, list[EntitySummary]] = defaultdict(list)
    for eid, s in summaries.items():
        groups[redirects.get(eid, eid)].append(s)
    roles_of: dict[str, list[Role]] = defaultdict(list)
    for r in roles:
        roles_of[redirects.get(r.entity_id, r.entity_id)].append(r)
    linked = [
        linked_entity(summaries[root], group, roles_of.get(root, []))
        for root, group in groups.items()
    ]
    linked.sort(key=lambda e: e.id)
    return linked, redirects


def _best_name(group: list[Entity]) -> str:
    counts = Counter(e.name for e in group)
    return max(counts, key=lambda n: (len(_words(n)), counts[n], n))


def _common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _root(eid: str, redirects: dict[str, str]) -> str:
    seen = {eid}
    while eid in redirects and redirects[eid] not in seen:
        eid = redirects[eid]
        seen.add(eid)
    return eid


def entity_links(
    doc_entities: Iterable[DocumentEntity], redirects: dict[str, str]
) -> list[EntityLink]:
    """One link per document entity: the corpus-level entity it is (itself when not merged)."""
    links = {
        (d.doc_id, d.id): EntityLink(d.doc_id, d.id, redirects.get(d.id, d.id))
        for d in doc_entities
    }
    return [links[k] for k in sorted(links)]


def relink_actor(actor: Actor, redirects: dict[str, str], entities: dict[str, Entity]) -> Actor:
    """An event actor as read through the links: the linked id, missing codes from the entity."""
    new_id = redirects.get(actor.entity_id or "", actor.entity_id)
    entity = entities.get(new_id or "")
    country = actor.country or (entity.country if entity else None)
    sector = actor.sector or (entity.sector if entity else None)
    if (new_id, country, sector) == (actor.entity_id, actor.country, actor.sector):
        return actor
    return dataclasses.replace(actor, entity_id=new_id, country=country, sector=sector)


def relink_event(event: Event, redirects: dict[str, str], entities: dict[str, Entity]) -> Event:
    """An event with its actors read through the links (the store's ``events`` view does the same)."""
    source = [relink_actor(a, redirects, entities) for a in event.source]
    target = [relink_actor(a, redirects, entities) for a in event.target]
    if all(x is y for x, y in zip(source + target, event.source + event.target, strict=True)):
        return event
    return dataclasses.replace(event, source=source, target=target)
