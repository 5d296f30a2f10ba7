"""People: full names first, then the short forms that belong to them, with their titles.

A short name shared by several people ("Clinton" of Bill and Hillary) goes to the one the text's
cues point at (``storyline.stages.actors.surnames``). A person's country and sector come from
the titles the document gives them, else from the people lexicon.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import re
from functools import partial

from spacy.tokens import Doc, Span

from storyline.stages import published_day
from storyline.stages.actors.build import Builder, entity_id
from storyline.stages.actors.coref import Cluster, Found
from storyline.stages.actors.lexicon import (
    CAMPAIGN_SECTOR,
    KIN_ROLES,
    PERSON_ROLE_HEADS,
    Lexicon,
    misspelled_nationality,
    nationality_of,
)
from storyline.stages.actors.names import NameSpan, camel_cut, one_letter_off, person_key
from storyline.stages.actors.roles import Title, code_title, left_title, right_apposition
from storyline.stages.actors.surnames import Cues, agrees, mention_cues, merge, pick

# Sectors that belong to one country (an IGO official or an NGO does not).
NATIONAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "OPP", "PTY", "COP", "REB", "ELI", "SPY"})

#: Nouns of the bodies a title may name in lower case ("foreign ministry spokesperson").
BODY_NOUNS = frozenset({"ministry", "embassy", "party", "department", "agency", "office"})

# Titles the people lexicon writes surnames with ("mr obama", "president obama").
SURNAME_TITLES = ("mr", "mrs", "ms", "president", "prime minister")


def find_people(b: Builder) -> None:
    """The people of a document: one cluster per full name, each mention of a name part to the
    person it belongs to; then the titles of each and the country and sector they give."""
    people = [n for n in b.names if n.kind == "person"]
    by_key: dict[tuple[str, ...], list[NameSpan]] = {}
    for n in people:
        key = person_key(b.doc, n)
        if key:
            by_key.setdefault(key, []).append(n)
    owner = _owners(b, by_key)
    named = _name_mentions(b, people, owner, by_key, _told_of(b, owner, by_key))
    for n, f in named:
        _titles_of(b, n, f)
    _role_then_name(b, named)
    for c in b.clusters.values():
        if c.type == "PERSON":
            coded = [t for cc, t in b.titles if cc is c]
            c.sector = next((t.sector for t in coded if t.sector), None)
            c.country = next((t.country for t in coded if t.country), None)
            if c.country is None:
                c.country = _known_country(c, b.lex)
            if c.sector is None:
                c.sector = known_office(c, b.lex, published_day(b.doc))
    _companies_of_business_roles(b)


def _companies_of_business_roles(b: Builder) -> None:
    """An organization the text names only as the seat of a business role ("Wells Fargo CEO
    John Stumpf") is a company (BUS), when nothing else gave it a sector."""
    for _, title in b.titles:
        org = b.clusters.get(title.org_id) if title.org_id is not None else None
        if org is not None and org.sector is None and title.sector == "BUS":
            org.sector = "BUS"


def _owners(
    b: Builder, by_key: dict[tuple[str, ...], list[NameSpan]]
) -> dict[tuple[str, ...], list[Cluster]]:
    """The people each name may be: longest names found the clusters; shorter ones join the ones
    they are part of."""
    owner: dict[tuple[str, ...], list[Cluster]] = {}
    full_keys: list[tuple[tuple[str, ...], Cluster]] = []
    for key in sorted(by_key, key=lambda k: (-len(k), by_key[k][0].start)):
        host = [c for fk, c in full_keys if _contains(fk, key)]
        if not host and len(key) == 1:
            # "Pederson said" after "Geir Pedersen": a surname written one letter off
            host = [c for fk, c in full_keys if len(fk) > 1 and one_letter_off(fk[-1], key[0])]
        if not host:
            first = by_key[key][0]
            text = _display(b.doc, first)
            c = b.cluster(Cluster(entity_id("PERSON", text), "PERSON", text))
            full_keys.append((key, c))
            owner[key] = [c]
        else:
            owner[key] = host
    return owner


def _title_texts(b: Builder, start: int, end: int) -> list[str]:
    """The words of the titles around the name ``[start, end)``: before it and in apposition."""
    doc = b.doc
    left = left_title(doc, start, b.names_at, b.lex)
    right = right_apposition(doc, end, b.lex)
    return [doc[i:j].text for i, j in ((left, start), right or (0, 0)) if i is not None]


def _told_of(
    b: Builder,
    owner: dict[tuple[str, ...], list[Cluster]],
    by_key: dict[tuple[str, ...], list[NameSpan]],
) -> dict[int, Cues]:
    """What the text tells of each person at its full name (gender, titles), to tell namesakes
    apart at a short name ("Clinton" of Bill or Hillary); by ``id`` of the cluster."""
    titles = partial(_title_texts, b)
    told: dict[int, list[Cues]] = {}
    for key, hosts in owner.items():
        if len(hosts) == 1 and len(key) > 1:
            told.setdefault(id(hosts[0]), []).extend(
                mention_cues(b.doc, n.start, n.end, titles, b.lex.given_names) for n in by_key[key]
            )
    return {host: merge(cues) for host, cues in told.items()}


def _name_mentions(
    b: Builder,
    people: list[NameSpan],
    owner: dict[tuple[str, ...], list[Cluster]],
    by_key: dict[tuple[str, ...], list[NameSpan]],
    told_of: dict[int, Cues],
) -> list[tuple[NameSpan, Found]]:
    """Each name of a person as a mention of the person it is, in text order."""
    doc = b.doc
    titles = partial(_title_texts, b)
    first_named = _first_named(owner, by_key)
    found_people: list[tuple[NameSpan, Found]] = []
    for n in sorted(people, key=lambda s: s.start):
        key = person_key(doc, n)
        if not key:
            continue
        hosts = owner[key]
        cues = mention_cues(doc, n.start, n.end, titles, b.lex.given_names)
        if len(hosts) > 1 and len(key) == 1:
            # "Alice Banda ... her son, Peter Banda ... treated Peter ... Banda said": the one
            # the text calls by first name is not the one it calls by surname
            by_surname = [
                h
                for h in hosts
                if first_named.get(id(h), n.start) >= n.start
                and agrees(cues, told_of.get(id(h), cues))
            ]
            hosts = by_surname if len(by_surname) == 1 else hosts
        recent = _most_recent(hosts, b.found, n.start)
        chosen = hosts[0] if len(hosts) == 1 else pick(hosts, cues, told_of, recent)
        if chosen is None:
            continue
        if chosen.gender is None:
            # the gender the text gives ("Mrs. Clinton", "Clinton ... she"), for the pronouns
            chosen.gender = told_of.get(id(chosen), cues).gender or cues.gender
        f = b.add(n.start, n.end, "name", chosen)
        found_people.append((n, f))
        text = _display(doc, n)
        if text not in chosen.names:
            chosen.names.append(text)
    return found_people


def _first_named(
    owner: dict[tuple[str, ...], list[Cluster]], by_key: dict[tuple[str, ...], list[NameSpan]]
) -> dict[int, int]:
    """The people (by ``id``) the text also calls by their first name alone ("Peter" of "Peter
    Banda"), with the token where it first does (a nickname at the end, "Lyin' Ted", says
    nothing of the mentions before it)."""
    full = {id(hosts[0]): key for key, hosts in owner.items() if len(hosts) == 1 and len(key) > 1}
    return {
        id(hosts[0]): min(n.start for n in by_key[key])
        for key, hosts in owner.items()
        if len(key) == 1
        and len(hosts) == 1
        and (whole := full.get(id(hosts[0]))) is not None
        and whole[0] == key[0]
        and whole[-1] != key[0]
    }


def _known_country(c: Cluster, lex: Lexicon) -> str | None:
    """The country of a person the text gives none: their nationality in the people lexicon."""
    # A surname alone only when the document gives no fuller name.
    known = [n for n in [c.name, *c.names] if " " in n] or [c.name, *c.names]
    iso = next((iso for n in known if (iso := nationality_of(n, lex))), None)
    surname = c.name.split()[-1].lower() if c.name.split() else ""
    if iso is None and c.roles:
        # "President Obama": the dictionary's title and surname, when the text gives that title.
        iso = next(
            (iso for r in c.roles if (iso := lex.people.get(f"{r.lower()} {surname}"))), None
        )
    if iso is None and all(" " not in n for n in [c.name, *c.names]):
        # "Obama" alone: the one the dictionary calls "Mr Obama" or "President Obama".
        titled = {iso for t in SURNAME_TITLES if (iso := lex.people.get(f"{t} {surname}"))}
        iso = titled.pop() if len(titled) == 1 else None
    return iso


#: How far before the first and after the last document a learned office was seen in it still
#: holds for an article that gives the person no title.
OFFICE_MARGIN = datetime.timedelta(days=183)
#: How far before and after the days a person was titled a candidate they still are one (the
#: documents seen rarely fall on a campaign's first and last day).
CAMPAIGN_MARGIN = datetime.timedelta(days=30)


def known_office(c: Cluster, lex: Lexicon, day: str | None) -> str | None:
    """The sector of a person the text gives no title: the office later news learned for their
    full name (``Lexicon.people_offices``), when the article's ``day`` is of the days it was
    seen in, give or take :data:`OFFICE_MARGIN` ("Hillary Clinton" in 2016: a candidate); a
    candidate (PTY) on the days they were titled one, give or take :data:`CAMPAIGN_MARGIN`
    ("Sen. Bernie Sanders" in the 2016 primaries), whatever their office."""
    at = _day(day)
    if at is None:
        return None
    for name in (n for n in [c.name, *c.names] if " " in n):
        office = lex.people_offices.get(" ".join(name.lower().split()))
        if office is None:
            continue
        sector, since, until, campaign = office
        if campaign is not None and _within(at, *campaign, CAMPAIGN_MARGIN):
            return CAMPAIGN_SECTOR
        return sector if _within(at, since, until, OFFICE_MARGIN) else None
    return None


def _day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _within(at: datetime.date, since: str, until: str, margin: datetime.timedelta) -> bool:
    first, last = _day(since), _day(until)
    return first is not None and last is not None and first - margin <= at <= last + margin


def misspelled_office_holders(b: Builder) -> None:
    """ "President Laurent Gbago": an office holder the document gives no country, whose surname
    is one letter short of a name in the people lexicon, is of that name's country (weak: only
    after the document's own countries had their say)."""
    for c in b.clusters.values():
        if c.type == "PERSON" and c.country is None and c.sector in NATIONAL_SECTORS:
            c.country = misspelled_nationality(c.name.split()[-1]) if c.name.split() else None


def _titles_of(b: Builder, n: NameSpan, f: Found) -> None:
    """The titles before a person's name and in apposition after it, as title mentions and
    roles of the person."""
    doc, names_at, orgs_at, lex = b.doc, b.names_at, b.orgs_at, b.lex
    start = left_title(doc, n.start, names_at, lex)
    if start is not None:
        title = code_title(
            doc[start : n.start], names_at=names_at, orgs=orgs_at, lex=lex, head_last=True
        )
        after = names_at.get(n.end + 1) if n.end + 1 < len(doc) else None
        if (
            title is not None
            and title.country is None
            and after is not None
            and doc[n.end].lower_ == "of"
            and after.kind == "country"
        ):
            title = dataclasses.replace(title, country=after.value)  # "King Hassan of Morocco"
            b.titles.append((f.cluster, dataclasses.replace(title, start=n.end, end=after.end)))
            b.add(n.end, after.end, "title", f.cluster)
        if title is not None and title.country is None and title.org_id is None:
            title = _body_named_before(b, title)  # "foreign ministry spokesperson"
        if title is not None:
            b.titles.append((f.cluster, title))
            b.add(start, n.start, "title", f.cluster)
            if title.role:
                f.cluster.roles.append(title.role)
    mark = _party_mark(doc, n.end)
    if mark is not None:  # "Rep. Adam Schiff (D-Calif.)": a member of a US legislature
        b.titles.append((f.cluster, Title(n.end, mark, None, "USA", "LEG", None)))
        b.add(n.end, mark, "title", f.cluster)
    for apposition in (
        right_apposition(doc, n.end, lex),
        _left_apposition(b, start, n),
        _copular_role(doc, n, lex),
    ):
        if apposition is None:
            continue
        title = code_title(
            doc[apposition[0] : apposition[1]],
            names_at=names_at,
            orgs=orgs_at,
            lex=lex,
            head_last=False,
        )
        if title is not None and title.role:
            b.titles.append((f.cluster, title))
            b.add(apposition[0], apposition[1], "title", f.cluster)
            f.cluster.roles.append(title.role)


def _copular_role(doc: Doc, n: NameSpan, lex: Lexicon) -> tuple[int, int] | None:
    """The role a name is said to hold ("Haley is ... the first female governor of South
    Carolina"): the phrase of a role noun that is the predicate of the name's copula, or joined to
    it by "and" (not a noun that only mentions a role: "the son of the president")."""
    root = doc[n.start : n.end].root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return None
    attrs = [c for c in root.head.children if c.dep_ == "attr"]
    heads = [h for a in attrs for h in (a, *(c for c in a.children if c.dep_ == "conj"))]
    for head in heads:
        if head.lower_ in PERSON_ROLE_HEADS or head.lower_ in lex.role_words:
            start, end = head.left_edge.i, head.right_edge.i + 1
            if head.dep_ == "conj":
                start = min(t.i for t in head.lefts) if any(True for _ in head.lefts) else head.i
            if end - start <= 12:
                return start, end
    return None


#: The party and state a US legislator is named with: "(D-Calif.)", "(R-Texas)", "(I-Vt.)".
PARTY_MARK = re.compile(r"\((?:D|R|I)\s?[-–]\s?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?\)")


def _party_mark(doc: Doc, end: int) -> int | None:
    """The token end of a party-and-state mark right after a name (``end``), else None."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    found = PARTY_MARK.match(doc.text, doc[end].idx)
    if found is None:
        return None
    close = next((t.i for t in doc[end:] if t.idx >= found.end() - 1), None)
    return None if close is None else close + 1


def _body_named_before(b: Builder, title: Title) -> Title:
    """A title naming a body in lower case ("foreign ministry spokesperson") is of the body of
    that kind named last before it ("Afghanistan's Ministry of Foreign Affairs"): two of its
    words or more, one of them the body's noun."""
    words = {t.lower_ for t in b.doc[title.start : title.end]}
    if not words & BODY_NOUNS:
        return title
    before = [
        (span, c)
        for span, c in b.org_clusters
        if span.end <= title.start
        and c.country is not None
        and len(words & c.org_words) >= 2
        and words & c.org_words & BODY_NOUNS
    ]
    if not before:
        return title
    _, body = max(before, key=lambda sc: sc[0].start)
    return dataclasses.replace(title, country=body.country, org_id=body.id)


def _left_apposition(b: Builder, title_start: int | None, n: NameSpan) -> tuple[int, int] | None:
    """The role nominal a name stands in apposition to before it: "the spokesperson for
    Pakistan's Ministry of Foreign Affairs, Ambassador Shafqat Ali Khan" -> its words (no
    article, no comma)."""
    doc = b.doc
    comma = (n.start if title_start is None else title_start) - 1
    if comma < 2 or doc[comma].text != ",":
        return None
    head = doc[n.end - 1]
    # the role noun the name hangs from (the parser may hang it from the role's own object:
    # "representative to the United Nations, Munir Akram")
    role = next(
        (
            a
            for a in head.ancestors
            if a.tag_ == "NN" and (a.lower_ in PERSON_ROLE_HEADS or a.lower_ in KIN_ROLES)
        ),
        None,
    )
    if (
        role is None
        or head.dep_ not in ("appos", "conj")
        or role.i >= comma
        or not all(role in t.ancestors for t in doc[role.i + 1 : comma])
    ):
        return None
    start = role.left_edge.i
    if not any(t.lower_ == "the" or t.dep_ == "poss" for t in role.lefts):
        return None  # "a spokesperson, ...": not one office
    if doc[start].lower_ == "the":
        start += 1
    person = any(
        (other := b.names_at.get(i)) is not None and other.kind == "person"
        for i in range(start, comma)
    )
    return None if person or start >= comma else (start, comma)


def _role_then_name(b: Builder, named: list[tuple[NameSpan, Found]]) -> None:
    """ "The U.N. special envoy for Syria is calling for ... . Geir Pedersen issued his appeal":
    a person the text first names, with no title anywhere, as the subject of the sentence right
    after one whose subject is a definite role nominal no name holds ("Russia's envoy") is that
    role's holder: the nominal's title is theirs."""
    doc = b.doc
    titled = {id(c) for c, _ in b.titles}
    first: dict[int, Found] = {}
    for _, f in named:
        first.setdefault(id(f.cluster), f)
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    for f in first.values():
        c = f.cluster
        head = doc[f.head]
        if id(c) in titled or head.dep_ != "nsubj" or f.quoted:
            continue
        k = bisect.bisect_right(starts, f.start) - 1
        if k < 1 or any(g.start < sents[k].start for g in b.found if g.cluster is c):
            continue
        title = _subject_role(b, sents[k - 1])
        if title is None:
            continue
        b.titles.append((c, title))
        c.roles.append(title.role or "")
        b.found = [g for g in b.found if not (title.start <= g.start and g.end <= title.end)]
        b.add(title.start, title.end, "title", c)


def _subject_role(b: Builder, sent: Span) -> Title | None:
    """The title of a sentence's subject when it is a definite role nominal no name holds: "The
    U.N. special envoy (for Syria)", "Russia's envoy"."""
    doc = b.doc
    subject = next((t for t in sent.root.children if t.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NN" or subject.lower_ not in PERSON_ROLE_HEADS:
        return None
    lefts = list(subject.lefts)
    definite = any(t.lower_ == "the" or t.dep_ == "poss" for t in lefts)
    start = subject.left_edge.i
    if doc[start].lower_ == "the":
        start += 1
    in_quote = doc[start].idx in b.quotes
    holder = any(
        (n := b.names_at.get(i)) is not None and n.kind == "person"
        for i in range(subject.left_edge.i, subject.right_edge.i + 1)
    )
    if not definite or in_quote or holder or start > subject.i:
        return None
    title = code_title(
        doc[start : subject.i + 1],
        names_at=b.names_at,
        orgs=b.orgs_at,
        lex=b.lex,
        head_last=True,
    )
    return title if title is not None and title.role else None


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(full[i : i + n] == part for i in range(len(full) - n + 1))


def _most_recent(hosts: list[Cluster], found: list[Found], start: int) -> Cluster | None:
    """Of several people sharing a name part, the one named last before ``start``."""
    best: tuple[int, Cluster] | None = None
    for f in found:
        if f.cluster in hosts and f.start < start and (best is None or f.start > best[0]):
            best = (f.start, f.cluster)
    return best[1] if best else None


def _display(doc: Doc, n: NameSpan) -> str:
    text = doc[n.start : n.end].text
    text = text[camel_cut(doc[n.start].text) :]
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return " ".join(text.split())
