"""One document's actors while the stage works on it, and the records they become.

``Builder`` holds what the stage knows of one Doc: the names in it, the organizations coded so
far, and the clusters (entities) and mentions found; ``records_of`` turns them into ``Entity``,
``Mention`` and ``Role`` records. Entity ids are stable across documents: ``"E"`` + 12 hex digits
of SHA-1 over ``TYPE|normalized canonical name``.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from storyline.records import Entity, Mention, Role
from storyline.stages import published_day
from storyline.stages.actors.coref import Cluster, Found, QuoteMask, quote_spans
from storyline.stages.actors.lexicon import SECTOR_NAMES, Lexicon
from storyline.stages.actors.names import NameSpan, camel_cut, find_names
from storyline.stages.actors.roles import OrgCode, Title
from storyline.stages.syntax import span_chars


def entity_id(type_: str, name: str) -> str:
    """The stable id of a person, organization or place: same name and type, same id."""
    key = f"{type_}|{normalize_name(name)}"
    return "E" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def normalize_name(name: str) -> str:
    """A name folded for comparison: lower case, straight apostrophes, no 's, single spaces."""
    text = name.replace("’", "'").replace("‘", "'")
    text = " ".join(text.split()).lower()
    if text.startswith("the "):
        text = text[4:]
    return text.removesuffix("'s").strip(" .,")


def country_cluster(iso: str, sector: str | None, lex: Lexicon) -> Cluster:
    """The entity for a country, or for one of its sectors (``country:RUS:GOV``)."""
    name = lex.country_names.get(iso, iso)
    if sector is None:
        return Cluster(f"country:{iso}", "GPE", name, iso, None)
    label = SECTOR_NAMES.get(sector, sector.lower())
    return Cluster(f"country:{iso}:{sector}", "ORG", f"{name} ({label})", iso, sector)


class Builder:
    """Collects clusters and mentions for one Doc, with the names found in it."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.clusters: dict[str, Cluster] = {}
        self.found: list[Found] = []
        self.titles: list[tuple[Cluster, Title]] = []
        # Doc.text and iterating a Doc both build every token anew: do each once.
        self.text = doc.text
        self.tokens = list(doc)
        self.quotes = QuoteMask(quote_spans(self.text))
        self.names = find_names(doc, lex, self.tokens)
        self.names_at = {i: n for n in self.names for i in range(n.start, n.end)}
        #: The organizations coded so far, by token (a title reads them: "CNRP president").
        self.orgs_at: dict[int, OrgCode] = {}
        #: Tokens of a name an organization's name took in ("the U.S. Embassy in Phnom Penh").
        self.skip_inside: set[int] = set()
        #: The organizations named, for the acronyms that stand for them.
        self.org_clusters: list[tuple[NameSpan, Cluster]] = []

    def cluster(self, c: Cluster) -> Cluster:
        return self.clusters.setdefault(c.id, c)

    def add(self, start: int, end: int, kind: str, c: Cluster) -> Found:
        head = self.doc[start:end].root.i
        f = Found(start, end, kind, self.cluster(c), head, self.doc[start].idx in self.quotes)
        self.found.append(f)
        return f


def records_of(doc: Doc, b: Builder) -> tuple[list[Entity], list[Mention], list[Role]]:
    """The entities, mentions and roles of what ``b`` found (each mention once)."""
    doc_id = doc._.doc_id or ""
    text_of_doc = b.text
    date = published_day(doc)
    titles = [span_chars(b.doc, t.start, t.end) for _, t in b.titles]
    mentions: dict[tuple[int, int], Mention] = {}
    used: dict[str, Cluster] = {}
    for f in sorted(b.found, key=lambda f: (b.doc[f.start].idx, -f.end)):
        start, end = span_chars(b.doc, f.start, f.end)
        if f.kind == "name" and f.cluster.type == "PERSON":
            start += camel_cut(b.doc[f.start].text)
        text = text_of_doc[start:end]
        for suffix in ("'s", "’s"):
            if text.endswith(suffix) and f.kind == "name" and len(text) > len(suffix):
                text, end = text[: -len(suffix)], end - len(suffix)
        if (
            f.cluster.type != "PERSON"
            and f.kind == "name"
            and any(s <= start and end <= e and (s, e) != (start, end) for s, e in titles)
        ):
            continue  # part of a person's title: the title mention speaks for it
        if (start, end) in mentions:
            continue
        mentions[(start, end)] = Mention(doc_id, f.cluster.id, start, end, text, f.kind)
        used[f.cluster.id] = f.cluster
    entities = []
    for c in used.values():
        if c.place and c.id not in {m.entity_id for m in mentions.values() if m.kind == "name"}:
            continue
        named = [m.text for m in mentions.values() if m.entity_id == c.id and m.kind == "name"]
        if not named and c.type == "PERSON":
            continue
        aliases = sorted({alias(t) for t in [*c.names, *named]} - {c.name, ""})
        entities.append(Entity(c.id, c.name, c.type, c.country, c.sector, aliases))
    keep = {e.id for e in entities}
    roles = [
        Role(
            doc_id,
            c.id,
            t.role or "",
            t.country,
            t.sector,
            *span_chars(b.doc, t.start, t.end),
            date,
        )
        for c, t in b.titles
        if c.id in keep and t.role
    ]
    return (
        sorted(entities, key=lambda e: e.id),
        sorted(
            (m for m in mentions.values() if m.entity_id in keep), key=lambda m: (m.start, m.end)
        ),
        roles,
    )


def alias(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text.startswith(("the ", "The ")) else text
