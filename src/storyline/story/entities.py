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
from collections.abc import Iterable

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


def link_entities(
    entities: Iterable[Entity], roles: Iterable[Role]
) -> tuple[list[Entity], dict[str, str]]:
    """One entity per real-world actor from the per-document rows, and the id redirects."""
    rows: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        rows[e.id].append(e)
    role_list = list(roles)
    names = {eid: _best_name(group) for eid, group in rows.items()}
    types = {
        eid: Counter(e.type for e in group).most_common(1)[0][0] for eid, group in rows.items()
    }
    aliases = {eid: {a for e in group for a in [e.name, *e.aliases]} for eid, group in rows.items()}
    countries = {eid: _common(e.country for e in group) for eid, group in rows.items()}

    redirects: dict[str, str] = {}
    people = [eid for eid in rows if types[eid] == "PERSON"]
    forms = {eid: {_words(a) for a in aliases[eid]} | {_words(names[eid])} for eid in people}
    # Index people by the words of their names: a host must contain every word of the short name,
    # so only people sharing those words are compared (linear in practice, not quadratic).
    by_word: dict[str, set[str]] = defaultdict(set)
    for eid in people:
        for form in forms[eid]:
            for word in form:
                by_word[word].add(eid)
    for eid in sorted(people, key=lambda i: len(_words(names[i]))):
        short = _words(names[eid])
        if any(ch.isdigit() for ch in names[eid]) or not short:
            continue
        candidates = set.intersection(*(by_word.get(w, set()) for w in short))
        hosts = {
            other
            for other in candidates
            if other != eid
            and _compatible(countries[eid], countries[other])
            and any(
                _ends_with(f, short)
                or (_contains(f, short) and countries[eid] is not None and countries[other])
                for f in forms[other]
            )
        }
        if len(hosts) == 1:
            redirects[eid] = hosts.pop()
    orgs = [eid for eid in rows if types[eid] == "ORG" and not eid.startswith(("country:", "igo:"))]
    for eid in orgs:
        name = names[eid]
        if " " in name or not name.isupper() or len(name) < 2:
            continue
        # Only an acronym a document gave beside the full name ("... Party (CNRP)", or "CNRP"
        # linked in that document): two-letter guesses like "AI" or "WB" name too many things.
        hosts = {o for o in orgs if o != eid and _acronym(names[o]) == name and name in aliases[o]}
        if len(hosts) == 1:
            redirects[eid] = hosts.pop()
    redirects = {k: _root(k, redirects) for k in redirects}

    groups: dict[str, list[str]] = defaultdict(list)
    for eid in rows:
        groups[redirects.get(eid, eid)].append(eid)
    roles_of: dict[str, list[Role]] = defaultdict(list)
    for r in role_list:
        roles_of[redirects.get(r.entity_id, r.entity_id)].append(r)
    linked = []
    for root, members in groups.items():
        country, sector = latest_codes(roles_of.get(root, []))
        member_rows = [e for m in members for e in rows[m]]
        country = country or _common(e.country for e in member_rows)
        sector = sector or _common(e.sector for e in member_rows)
        all_aliases = set().union(*(aliases[m] for m in members)) - {names[root], ""}
        linked.append(Entity(root, names[root], types[root], country, sector, sorted(all_aliases)))
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
