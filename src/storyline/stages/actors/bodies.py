"""Passes over the whole document: bodies and groups no name makes an entity of, and the country
of those the text leaves open.

"the Bush administration" (its leader's government), "refugees fleeing the civil war in
Liberia", "Doctors from two American aid groups", "a human rights group", "the government" in a
document about one country; and the country of an office holder or body when the document names
one country only, or one far more often than any other.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

from spacy.tokens import Token

from storyline.stages.actors.build import (
    Builder,
    alias,
    country_cluster,
    entity_id,
    normalize_name,
)
from storyline.stages.actors.coref import STATE_SECTORS, Cluster, Found
from storyline.stages.actors.groups import noun_sector
from storyline.stages.actors.lexicon import HEAD_ROLES, office_countries, party_country
from storyline.stages.actors.named import GOVERNMENT_WORDS
from storyline.stages.actors.roles import Title
from storyline.stages.syntax import pobj_of

# Bodies of a country an article names without saying whose: "the government said", "police
# fired", "protesters gathered" (troops are left out: often another country's).
UNNAMED_BODIES = MappingProxyType(
    {
        "government": "GOV",
        "authorities": "GOV",
        "president": "GOV",
        "cabinet": "GOV",
        "army": "MIL",
        "military": "MIL",
        "police": "COP",
        "parliament": "LEG",
        "opposition": "OPP",
        "protesters": "CVL",
        "protestors": "CVL",
        "demonstrators": "CVL",
        "rebels": "REB",
        "militants": "REB",
        "insurgents": "REB",
        "guerrillas": "REB",
        "gunmen": "REB",
        "attackers": "REB",
        "terrorists": "REB",
        "assailants": "REB",
        "forces": "MIL",
        "troops": "MIL",
        "soldiers": "MIL",
        "court": "JUD",
        "courts": "JUD",
        "prosecutors": "JUD",
        "lawmakers": "LEG",
        "legislators": "LEG",
        "senators": "LEG",
        "officials": "GOV",
        "regulators": "GOV",
        "investigators": "COP",
        "candidates": "PTY",  # "both presidential candidates have opposed the deal"
        "nominees": "PTY",
        "delegates": "PTY",
        "voters": "CVL",
        "workers": "LAB",
        "employees": "LAB",
        "unions": "LAB",
    }
)

#: A word before an unnamed body that says which kind it is: "security forces" are police.
UNNAMED_KINDS = MappingProxyType({("security", "forces"): "COP", ("security", "officials"): "GOV"})

#: Bodies that are one of the country's even when the text says "a" ("A court ordered ..."):
#: "a government" is any government, "a court" the country's courts.
INDEFINITE_BODIES = frozenset({"court"})

#: Possessors that are the document's own country: "the country's security forces".
HOME_WORDS = frozenset({"country", "nation"})

# "Doctors from ...", "workers of ...", "students at ...": people of a body or place.
MEMBER_PREPOSITIONS = frozenset({"of", "from", "at"})


def _dominant_country(b: Builder, leave_out: frozenset[str] = frozenset()) -> str | None:
    """The country a document is about: the one its countries, groups and places name most, at
    least three times as often as any other (a hyphenated "Iran-allied" does not count); of
    the countries not in ``leave_out``, when given."""
    counts: dict[str, int] = {}
    for f in b.found:
        c = f.cluster
        before = b.doc[f.start - 1].text if f.start > 0 else ""
        if before == "-" or (f.end < len(b.doc) and b.doc[f.end].text == "-"):
            continue  # "Iran-allied", "the Turkish-Syrian border"
        national = c.type == "ORG" and c.sector in NATIONAL_BODY_SECTORS  # "GOP", "Knesset"
        if c.country in b.lex.country_names and (
            c.id.startswith("country:") or c.place or national
        ):
            counts[c.country] = counts.get(c.country, 0) + 1
    ranked = sorted(
        ((k, v) for k, v in counts.items() if k not in leave_out), key=lambda kv: -kv[1]
    )
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]):
        return None
    return ranked[0][0]


def unnamed_bodies(b: Builder) -> None:
    """ "the government", "the president", "police", "protesters" with no name and no country:
    bodies of the country the document is about (its government, police, civilians)."""
    doc = b.doc
    covered = {i for f in b.found for i in range(f.start, f.end)}
    dominant = _dominant_country(b)
    for tok in b.tokens:
        sector = UNNAMED_BODIES.get(tok.lower_)
        if sector is None or tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ == "of" or nxt.i in covered or nxt.pos_ == "PROPN"):
            continue  # "the government of Kenya", "President Ruto": named elsewhere
        lefts = [t for t in tok.lefts if t.i < tok.i]
        home = [t for t in lefts if t.dep_ == "poss" and t.lower_ in HOME_WORDS]
        if any(
            t.i in covered or t.pos_ == "PROPN" or (t.dep_ == "poss" and t not in home)
            for t in lefts
        ):
            continue  # "the Kenyan government", "its government": the text says whose
        if tok.tag_ == "NN" and not any(
            t.lower_ in ("the", "another")
            or t in home
            or (t.lower_ in ("a", "an") and tok.lower_ in INDEFINITE_BODIES)
            for t in lefts
        ):
            continue  # "a government", "government spending": not the body itself
        kind = next((t.lower_ for t in lefts if t.dep_ in ("compound", "amod")), "")
        sector = UNNAMED_KINDS.get((kind, tok.lower_), sector)
        if tok.dep_ == "compound":
            continue
        # "a court in Spain": of the country it is in; else of the document's country, else of
        # the one country the sentences just before it name
        whose = _located_in(tok, b) or dominant or _recent_country(tok, b)
        if whose is None:
            continue
        start = min([tok.i, *(t.i for t in lefts if t.dep_ in ("det", "amod", "compound", "poss"))])
        b.add(start, tok.i + 1, "nominal", country_cluster(whose, sector, b.lex))
        covered.update(range(start, tok.i + 1))


def _recent_country(tok: Token, b: Builder) -> str | None:
    """The one country named, as a country or a place, in a body's sentence before it and the two
    sentences before that, outside quotations ("... attacked a train near Sibi, Balochistan.
    ... The military claimed ...")."""
    sents = [s for s in b.doc.sents if s.start <= tok.i]
    since = sents[-3].start if len(sents) >= 3 else 0
    countries = {
        f.cluster.country
        for f in b.found
        if since <= f.start < tok.i
        and not f.quoted
        and f.cluster.country in b.lex.country_names
        and (f.cluster.place or f.cluster.id.startswith("country:"))
    }
    return countries.pop() if len(countries) == 1 else None


def _located_in(tok: Token, b: Builder) -> str | None:
    """The country of the place a body is said to be in ("a court in Spain", "police in Lyon")."""
    for prep in tok.rights:
        obj = pobj_of(prep) if prep.dep_ == "prep" and prep.lower_ in ("in", "at") else None
        if obj is None:
            continue
        # the place named in the object ("in Somalia's Puntland region"), the nearest to its head
        inside = [
            f
            for f in b.found
            if obj.left_edge.i <= f.start <= obj.i
            and f.cluster.country is not None
            and (f.cluster.place or f.cluster.id.startswith("country:"))
        ]
        return max(inside, key=lambda f: f.start).cluster.country if inside else None
    return None


#: Nouns of a company's people or stock, whose compound in front names the company: "Verizon
#: executives", "a Verizon customer", "Apple shares".
COMPANY_NOUNS = frozenset(
    str.split(
        "executive executives customer customers shareholder shareholders subscriber "
        "subscribers stock shares stockholders"
    )
)


def companies_of_their_people(b: Builder) -> None:
    """An organization the text names in front of a company's people or stock (:data:`COMPANY_
    NOUNS`: "Verizon executives", however the tagger took that "Verizon") is a company (BUS),
    when nothing else gave it a sector; a capitalized first word alone is no name to go by
    ("Bank executives said")."""
    unsectored = {
        c.name: c
        for c in b.clusters.values()
        if c.type == "ORG" and c.sector is None and not c.id.startswith("country:")
    }
    if not unsectored:
        return
    for token in b.doc[1:]:
        if token.lower_ not in COMPANY_NOUNS:
            continue
        before = b.doc[token.i - 1]
        for name, c in unsectored.items():
            end = before.idx + len(before.text)
            start = end - len(name)
            whole = start == 0 or (start > 0 and not b.text[start - 1].isalnum())
            opening = " " not in name and before.is_sent_start
            if whole and b.text[start:end] == name and not opening:
                c.sector = "BUS"


def fleeing_refugees(b: Builder) -> None:
    """ "refugees fleeing the civil war in Liberia": refugees of the country they flee."""
    names_at = b.names_at
    for tok in b.tokens:
        if tok.lower_ not in ("refugees", "refugee") or any(c.i in names_at for c in tok.lefts):
            continue
        flee = next(
            (c for c in tok.rights if c.dep_ == "acl" and c.lemma_ in ("flee", "escape")), None
        )
        if flee is None:
            continue
        fled = [names_at[t.i] for t in flee.subtree if t.i in names_at]
        countries = {n.value for n in fled if n.kind == "country" and n.value}
        if len(countries) == 1:
            end = max(n.end for n in fled if n.kind == "country")
            start = min([tok.i, *(t.i for t in tok.lefts if t.dep_ in ("amod", "compound"))])
            b.add(start, end, "name", country_cluster(countries.pop(), "REF", b.lex))


def members_of(b: Builder) -> None:
    """ "Doctors from two American aid groups", "workers of the United Bus Company of Tehran",
    "Militants loyal to Iraq's Al-Qaeda frontman ...": people named by a role noun and the body,
    place or person they belong to are a group of that one's country, in the noun's sector."""
    doc = b.doc
    covered = {i for f in b.found for i in range(f.start, f.end)}
    headed = {f.head: f for f in reversed(b.found)}
    for noun in b.tokens:
        if noun.pos_ != "NOUN" or noun.dep_ == "compound":
            continue
        named = headed.get(noun.i)
        if noun.i in covered and (named is None or named.cluster.country is not None):
            continue
        sector = named.cluster.sector if named else noun_sector(doc, noun, b.lex)
        obj = _member_object(noun) if sector else None
        country = _owner_country(obj, b) if obj is not None else None
        if obj is None or country is None or sector is None:
            continue
        if named is not None:
            if named.cluster.type != "PERSON":
                named.cluster.country = country  # "A Christian missionary from Calgary"
            continue
        lefts = [t.i for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i not in covered]
        start, end = min([*lefts, noun.i]), _object_end(obj, b)
        b.add(start, end, "name", country_cluster(country, sector, b.lex))
        covered.update(range(start, end))


def _object_end(obj: Token, b: Builder) -> int:
    """Where an object ends: after the mention holding it, the phrases of place after it ("the
    United Bus Company of Tehran") and a name in apposition ("frontman Abu Musab al-Zarqawi"),
    before any clause."""
    end = max([obj.i + 1, *(f.end for f in b.found if f.start <= obj.i < f.end)])
    for child in obj.rights:
        if child.i < end:
            continue
        named = [f.end for f in b.found if f.start == end and f.start <= child.i < f.end]
        if child.dep_ == "appos" and named:
            end = max(named)
        elif child.dep_ == "prep" and child.i == end:
            end = child.right_edge.i + 1
        else:
            break
    return end


def unnamed_international(b: Builder) -> None:
    """ "a human rights group", "aid groups", "a regional peacekeeping force" that no name or
    demonym says whose: non-governmental (country ``NGO``) and intergovernmental (``IGO``, MIL)
    bodies, as the gold codes Amnesty and UN peacekeepers."""
    doc = b.doc
    covered = {i for f in b.found for i in range(f.start, f.end)}
    for tok in b.tokens:
        if tok.i in covered or tok.pos_ != "NOUN" or tok.dep_ == "compound":
            continue
        lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound")]
        start = min([tok.i, *(c.left_edge.i for c in lefts)])
        if any(i in covered or doc[i].pos_ == "PROPN" for i in range(start, tok.i)) or any(
            c.dep_ == "poss" for c in tok.lefts
        ):
            continue
        sector = noun_sector(doc, tok, b.lex)
        text = alias(doc[start : tok.i + 1].text)
        if sector == "NGO":
            c = Cluster(entity_id("ORG", text), "ORG", text, "NGO", None)
        elif sector == "MIL" and "peacekeep" in doc[start : tok.i + 1].text.lower():
            c = Cluster(entity_id("ORG", text), "ORG", text, "IGO", "MIL")
        else:
            continue
        b.add(start, tok.i + 1, "name", c)
        covered.update(range(start, tok.i + 1))


def _member_object(noun: Token) -> Token | None:
    """The object of "of", "from", "at" or "loyal to" after a role noun."""
    for child in noun.rights:
        prep = None
        if child.dep_ == "prep" and child.lower_ in MEMBER_PREPOSITIONS:
            prep = child
        elif child.dep_ == "amod" and child.lower_ == "loyal":
            prep = next((c for c in child.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
        if prep is not None:
            return pobj_of(prep)
    return None


def _owner_country(obj: Token, b: Builder) -> str | None:
    """The country of the actor an object names: the widest mention holding it, else the one
    country named inside it ("Iraq's Al-Qaeda frontman Abu Musab al-Zarqawi")."""
    holding = [f for f in b.found if f.start <= obj.i < f.end]
    if holding:
        widest = max(holding, key=lambda f: f.end - f.start)
        if widest.cluster.country is not None:
            return widest.cluster.country
    inside = {
        f.cluster.country
        for f in b.found
        if obj.left_edge.i <= f.start
        and f.end <= obj.right_edge.i + 1
        and f.cluster.id.startswith("country:")
    }
    return inside.pop() if len(inside) == 1 else None


def leaders_governments(b: Builder) -> None:
    """ "the Bush administration", "the Assad regime": its leader's country's government."""
    doc = b.doc
    for f in list(b.found):
        c = f.cluster
        if c.type != "PERSON" or f.kind != "name" or c.country is None or f.end >= len(doc):
            continue
        word = doc[f.end]
        if word.lower_ in GOVERNMENT_WORDS and doc[f.end - 1].head.i == word.i:
            b.add(f.start, f.end + 1, "name", country_cluster(c.country, "GOV", b.lex))


#: Sectors whose members report on a country more often than they belong to it: an outlet or a
#: correspondent with no stated country ("VOA", "Reuters") is not of the country it covers.
FOREIGN_REPORTERS = frozenset({"JRN"})

#: Roles of the press that cover a country from outside; a person of the press holding none
#: of them ("journalist Jose Ruben Zamora", "publisher") is an actor of the story's country.
REPORTING_ROLES = frozenset({"correspondent", "reporter", "stringer", "bureau chief"})

#: Sectors of a country's named bodies that tell what country a document is about.
NATIONAL_BODY_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY"})

#: Sectors of unnamed bodies that are of the country a document is about.
HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "OPP", "CVL", "ELI"})


def _named_countries(b: Builder) -> set[str]:
    """The countries a document names: as countries, places, or in the names of organizations
    ("National Union for the Total Independence of Angola")."""
    return {
        f.cluster.country
        for f in b.found
        if f.cluster.country is not None
        and (
            f.cluster.id.startswith("country:")
            or f.cluster.place
            or (f.cluster.type == "ORG" and f.cluster.country in b.lex.country_names)
        )
    }


def office_country(b: Builder) -> None:
    """An office or institution few countries have ("Secretary of State Marco Rubio",
    "Congress"), or a group named by a party of one country ("Republican lawmakers"), whose
    country the text leaves open: the one of those countries the document names, if one, or the
    one of them it is about."""
    named = _named_countries(b)
    for c in b.clusters.values():
        known = c.country is not None and c.type != "PERSON"
        if known or c.place:
            continue
        keys = c.roles if c.type == "PERSON" else [normalize_name(c.name)]
        have = {iso for key in keys for iso in office_countries(key, b.lex)} & named
        party = _party_country(c.name, b) if c.type != "PERSON" else None
        if party is not None:
            c.country = party
            continue
        # one of them named, or several and the document is about one of them
        iso = have.pop() if len(have) == 1 else None
        if len(have) > 1:
            iso = _dominant_country(b, frozenset(b.lex.country_names) - have)
        if iso is None or c.country not in (None, iso):
            continue
        c.country = iso
        # The role's record says it too ("secretary of state" is the USA's here), also of a
        # person the lexicons know: what storyline learns from titles does not hang on them.
        b.titles = [(held, _with_country(t, iso, b) if held is c else t) for held, t in b.titles]


def _with_country(title: Title, iso: str, b: Builder) -> Title:
    """A title of an office few countries have, with the country it is of in this document."""
    if title.country is not None or iso not in office_countries(title.role or "", b.lex):
        return title
    return dataclasses.replace(title, country=iso)


def _party_country(name: str, b: Builder) -> str | None:
    """The country of the party a group's first word names ("Republican lawmakers")."""
    words = name.split(maxsplit=1)
    return party_country(words[0], b.lex) if words else None


def only_country(b: Builder) -> None:
    """When a document names one country and no other, an office holder, body or group whose
    country the text leaves open ("President Bouteflika", "the Supreme Court", "Islamic
    fundamentalists", "Chenchen refugees") is of it."""
    countries = _named_countries(b)
    if len(countries) != 1:
        return
    only = countries.pop()
    if _acted_on(b, only):
        return  # "President Bush warned Russia": the country is the other side, not his own
    # Someone already acting for that country's state in an office leaves the others of that
    # office open: they may well be foreign ("President Bush ... the Russian president").
    taken = _offices_held(b, only)
    for c in b.clusters.values():
        if (
            c.country is None
            and c.sector is not None
            and c.sector not in taken
            and not _reports_from_outside(c)
            and c.type in ("PERSON", "ORG", "NORP")
        ):
            c.country = only


def _acted_on(b: Builder, iso: str, *, only: bool = False) -> bool:
    """Whether the country ``iso`` is named as an object (some or, with ``only``, all of its
    mentions as a country): then it is the other side, not the actors' own."""
    objects = [
        _object(b.doc[f.head], where=not only)
        for f in b.found
        if f.cluster.country == iso and f.cluster.id == f"country:{iso}"
    ]
    return bool(objects) and (all(objects) if only else any(objects))


#: Prepositions of where something happens: their object is a scene, not a party.
LOCATIVE_PREPS = frozenset({"in", "at", "from", "across", "throughout", "inside", "within", "near"})


def _object(tok: Token, *, where: bool) -> bool:
    """Whether a name is an object; with ``where``, also one of a locative preposition."""
    if tok.dep_ in ("dobj", "iobj"):
        return True
    return tok.dep_ == "pobj" and (where or tok.head.lower_ not in LOCATIVE_PREPS)


def _reports_from_outside(c: Cluster) -> bool:
    """An outlet, or a reporter or correspondent: not of the country it covers."""
    if c.sector not in FOREIGN_REPORTERS:
        return False
    return c.type != "PERSON" or not c.roles or bool(REPORTING_ROLES.intersection(c.roles))


def _offices_held(b: Builder, country: str | None) -> set[str | None]:
    """The state sectors someone of ``country`` already acts for in the document."""
    return {
        c.sector
        for c in b.clusters.values()
        if c.country == country and c.sector in STATE_SECTORS and not c.place
    }


def home_country(b: Builder) -> None:
    """In a document about one country (its countries and places name it three times as often
    as any other), a person the text gives no country ("Trump" in a US election story) and a
    body of a known sector ("the Cabinet", "Republican lawmakers") are of it."""
    home = _dominant_country(b)
    if home is None or _acted_on(b, home, only=True):
        return  # "Rep. Adam Schiff … called for sanctions against Russia": Russia is no home
    # "President Mendoza met Russian President Putin in Moscow": an office the home country's
    # holder is named in leaves another holder of it open (as in only_country)
    # Of a person, only a head's office, which one person holds at a time ("president", not
    # "senator").
    # ... unless the document names no other country: then every office is the home country's
    taken = _offices_held(b, home) if _named_countries(b) - {home} else set()
    heads = {r for c in b.clusters.values() if c.country == home for r in c.roles} & HEAD_ROLES
    for c in b.clusters.values():
        if c.country is not None or c.place or _reports_from_outside(c):
            continue
        # "leader" may stand for any head's office: one head named leaves every other open
        person = c.type == "PERSON" and not (heads and HEAD_ROLES.intersection(c.roles))
        body = c.type in ("ORG", "NORP") and c.sector in HOME_SECTORS and c.sector not in taken
        if person or body:
            c.country = home


def open_office(b: Builder) -> None:
    """An office holder the text gives no country ("President Donald Trump" in a story about
    Turkey), when the countries whose holder of that office the text names ("Turkish President
    Recep Tayyip Erdogan") are left out, is of the country the document names most of the
    others, at least three times as often as any other."""
    holders: dict[str, set[str]] = {}
    for c, title in b.titles:
        if c.type == "PERSON" and title.role and title.country is not None:
            holders.setdefault(title.role, set()).add(title.country)
    for c in b.clusters.values():
        if c.type != "PERSON" or c.country is not None or c.sector not in STATE_SECTORS:
            continue
        held = frozenset(iso for role in c.roles for iso in holders.get(role, ()))
        if held:
            c.country = _dominant_country(b, held)


def owned_bodies(b: Builder) -> None:
    """A body with no country that a person owns ("Trump and his Cabinet", "Erdogan's
    cabinet") is of that person's country (after the pronouns are resolved)."""
    person_at = {
        i: f.cluster
        for f in b.found
        if f.cluster.type == "PERSON" and f.cluster.country is not None
        for i in range(f.start, f.end)
    }
    for f in b.found:
        c = f.cluster
        if c.country is not None or c.type != "ORG" or c.place or c.sector is None:
            continue
        owner = next(
            (
                person_at[t.i]
                for t in b.doc[f.head].children
                if t.dep_ == "poss" and t.i in person_at
            ),
            None,
        )
        if owner is not None:
            c.country = owner.country


def recent_office_holders(b: Builder) -> None:
    """An office holder or state body still with no country ("Wynter Mmolotsi, minister of
    environment and tourism, told Parliament") is of the one country named, as a country or a
    place, in the sentence of its first mention and the two before it, when a sentence before
    names it and no other country is named there."""
    first: dict[str, Found] = {}
    for found in sorted(b.found, key=lambda f: f.start):
        first.setdefault(found.cluster.id, found)
    sents = list(b.doc.sents)
    for c in b.clusters.values():
        f = first.get(c.id)
        if f is None or c.country is not None or c.place or c.sector not in STATE_SECTORS:
            continue
        k = next(i for i, s in enumerate(sents) if s.start <= f.start < s.end)
        if k == 0:
            continue
        window = [
            g
            for g in b.found
            if sents[max(0, k - 2)].start <= g.start < sents[k].end
            and not g.quoted
            and g.cluster.country in b.lex.country_names
            and (g.cluster.place or g.cluster.id == f"country:{g.cluster.country}")
        ]
        countries = {g.cluster.country for g in window}
        if len(countries) == 1 and any(g.start < sents[k].start for g in window):
            c.country = countries.pop()
