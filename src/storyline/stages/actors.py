"""The actors stage: who the actors of a document are, with a country and a sector each.

Reads: ``doc.ents``, the parse, ``doc._.doc_id``, ``doc._.published``. Writes ``doc._.entities``
(one ``Entity`` per actor named in the document: that document's view), ``doc._.mentions`` (names,
titles, nominals and pronouns, each linked to an entity) and ``doc._.roles`` (each role the text
gives an actor, dated with the document's date).

Conventions (checked against the PLOVER gold records, ``events/plover-gsr``):

* ``country`` is an ISO 3166-1 alpha-3 code. A country named as an actor ("Cambodia voted",
  "Russia vetoed") is the entity ``country:KHM`` with country ``KHM`` and sector ``None``: the gold
  codes bare country names and demonyms without a sector (253 of 580 gold actors).
* A group named by a demonym or country and a role noun ("Hungarian officials", "Russian troops",
  "Russia's army"), a capital standing for a government ("long friendly with Moscow") and a
  country's government by name ("the Royal Government of Cambodia") are the entity
  ``country:<ISO3>:<SECTOR>`` (e.g. ``country:RUS:GOV``). A capital in any other position ("in
  Moscow", "the capital, Kyiv") is a place: country set, sector ``CVL`` (the gold's readme: "cities
  go to CVL; capitals go to GOV if they are the subject or direct object").
* Intergovernmental organizations and their organs have country ``"IGO"`` (the gold's code) and
  the entity id ``igo:<CODE>`` from storyline's table (``igo:UNO``, ``igo:UNGA``, ``igo:UNSC``,
  ``igo:ASEAN``, ``igo:NATO``, ...); the sector is ``None`` for the organization itself, ``GOV`` for
  its governing organs (General Assembly, Security Council) and for officials holding its offices
  ("UN Secretary-General Kofi Annan"), ``MIL`` for NATO and peacekeepers. NGOs in the table
  (Amnesty, Human Rights Watch) have country ``"NGO"``.
* Cities, regions and peoples of one country (``place_of``: "Tel Aviv", "Darfur", "Tamil") give
  that country: a city is CVL, a region has no sector, a people heading a role noun is a group of
  that country ("Tamil rebels" LKA REB). Peoples of several countries (Kurds, Hutus) get none.
* An embassy acts for its sending country: "the U.S. Embassy in Phnom Penh" is USA, GOV.
* A person's country and sector come from the roles the document gives them (titles, appositions);
  a party's sector is ``PTY``, ``OPP`` when the text calls it opposition; a research academy or
  university ``EDU`` ("Royal Academy of Cambodia secretary-general Yang Peou" is KHM, EDU).
* Sectors are written as PLOVER writes them: the press is ``JRN``, medicine ``MED``; state media
  ("an official Syrian newspaper") speak for the government (``GOV``).
* People counted or described by where they live ("168 Liberians", "Palestinians of the West
  Bank", "Iraqi Kurds") are their country's civilians (``CVL``); "the Palestinians reject ..." is
  the country. Refugees are of the country they flee.
* The notables of a people ("Yoruba leaders", "Hausa politicians") are its elites (``ELI``).
  People named by a role noun and the body, place or person they belong to ("Doctors from two
  American aid groups", "workers of the United Bus Company of Tehran") are a group of that one's
  country in the noun's sector (USA MED, IRN LAB).
* A rights or aid group no name or demonym says whose is an NGO (country ``NGO``, no sector); a
  peacekeeping force no one's is intergovernmental (``IGO``, MIL).
* Bodies the text leaves unnamed ("the government", "the president", "police", "protesters",
  "rebels") are of the country the document is about, when one country is named at least three
  times as often as any other; otherwise they stay unlinked.
* Entity ids are stable across documents: ``"E"`` + 12 hex digits of SHA-1 over
  ``TYPE|normalized canonical name`` for people, organizations and places.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.records import Entity, Mention, Role
from storyline.stages import ensure_doc_extensions, stage_guard
from storyline.stages.actors_coref import (
    Cluster,
    Found,
    QuoteMask,
    quote_spans,
    resolve_nominals,
    resolve_pronouns,
)
from storyline.stages.actors_lexicon import (
    PERSON_ROLE_HEADS,
    PLACE_WORDS,
    SECTOR_NAMES,
    Lexicon,
    capital_of,
    country_of,
    group_of,
    lexicon,
    misspelled_nationality,
    nationality_of,
    organization_of,
    place_of,
    role_sector,
)
from storyline.stages.actors_names import NameSpan, camel_cut, find_names, person_key
from storyline.stages.actors_roles import (
    OrgCode,
    Title,
    code_title,
    left_title,
    right_apposition,
)
from storyline.stages.actors_surnames import Cues, mention_cues, merge, pick

LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "throughout",
        "within",
        "through",
        "via",
        "to",
        "toward",
        "towards",
        "of",
    }
)
MEDIA = frozenset(
    {
        "voa",
        "reuters",
        "afp",
        "ap",
        "bbc",
        "cnn",
        "xinhua",
        "post",
        "times",
        "news",
        "radio",
        "television",
        "tv",
        "press",
        "agency",
        "journal",
        "herald",
    }
)
# An IGO's people keep the IGO's own code except its forces and its refugee agencies
# ("UN peacekeepers" MIL); "Red Cross officials" stay the Red Cross, as the gold codes them.
IGO_GROUP_SECTORS = frozenset({"MIL", "REF"})
# Things a force has, not its people: "U.N. helicopters" are the UN's, not its troops.
EQUIPMENT = frozenset(
    {"aircraft", "helicopters", "helicopter", "jets", "warplanes", "planes", "tanks", "vehicles"}
)
# Where people live: "a village in western Cambodia" is its civilians.
SETTLEMENTS = frozenset({"village", "villages", "town", "towns", "city", "cities", "hamlet"})
# Sectors that belong to one country (an IGO official or an NGO does not).
NATIONAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "OPP", "PTY", "COP", "REB", "ELI", "SPY"})
# Sectors of a country's state: rebels or an opposition of a country do not speak for it.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# "the president of Armenia", "rebels in the Ivory Coast", "students throughout Indonesia".
GROUP_PREPOSITIONS = frozenset({"of", "in", "throughout", "across"})
# Verbs of force against a city: its people suffer them, not its government ("shelled Juba").
SIEGE_VERBS = frozenset(
    {
        "shell",
        "bomb",
        "bombard",
        "blockade",
        "besiege",
        "pound",
        "rocket",
        "storm",
        "raid",
        "overrun",
        "capture",
        "seize",
        "encircle",
    }
)
# Words that make a newspaper or broadcaster the state's: "official", "state-run".
STATE_MEDIA_WORDS = frozenset({"official", "state", "state-run", "state-owned", "government"})
# Titles the people lexicon writes surnames with ("mr obama", "president obama").
SURNAME_TITLES = ("mr", "mrs", "ms", "president", "prime minister")
# "a newspaper based in Beirut", "a group headquartered in Trinidad": of that place.
BASED_WORDS = frozenset({"based", "headquartered"})
# Words that link a group to the country it is of: "rebels in Darfur", "a group based in Gaza".
ORIGIN_WORDS = GROUP_PREPOSITIONS | BASED_WORDS
# Nouns for a body of people: "an extremist organization in Northern Ireland" is a group there.
COLLECTIVE_NOUNS = frozenset(
    {"group", "organization", "organisation", "movement", "faction", "wing", "cell", "network"}
)
# Bodies of a country an article names without saying whose: "the government said", "police
# fired", "protesters gathered" (troops are left out: often another country's).
UNNAMED_BODIES = {
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
    "forces": "MIL",
    "troops": "MIL",
    "soldiers": "MIL",
    "court": "JUD",
    "courts": "JUD",
    "prosecutors": "JUD",
    "lawmakers": "LEG",
    "legislators": "LEG",
    "officials": "GOV",
}
#: A word before an unnamed body that says which kind it is: "security forces" are police.
UNNAMED_KINDS = {("security", "forces"): "COP", ("security", "officials"): "GOV"}
#: Possessors that are the document's own country: "the country's security forces".
HOME_WORDS = frozenset({"country", "nation"})
# "Doctors from ...", "workers of ...", "students at ...": people of a body or place.
MEMBER_PREPOSITIONS = frozenset({"of", "from", "at"})
# The notables of a people: "Yoruba leaders", "Ibo traditional elders" (ELI).
ELITE_NOUNS = frozenset(
    {"leaders", "elders", "chiefs", "chieftains", "politicians", "notables", "dignitaries"}
)
# What a country leads in a war: "the U.S.-led coalition" is its military.
LED_MILITARY = frozenset({"coalition", "force", "forces", "alliance", "offensive", "operation"})
LABOUR_WORDS = frozenset({"workers", "worker", "labor", "labour", "trade", "miners", "teachers"})
# Words that count people: "many Afghans", "thousands of Nigerians".
QUANTIFIERS = frozenset({"many", "some", "several", "few", "numerous", "most"})
QUANTITY_NOUNS = frozenset(
    {"thousand", "hundred", "dozen", "million", "score", "crowd", "group", "number", "hundreds"}
)
# A country's missions abroad: a capital after "an embassy in" is the host government.
MISSION_NOUNS = frozenset(
    {"embassy", "embassies", "consulate", "consulates", "mission", "ambassador", "envoy"}
)
GOVERNMENT_WORDS = frozenset({"government", "administration", "cabinet", "authorities", "regime"})


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


class _Builder:
    """Collects clusters and mentions for one Doc."""

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

    def cluster(self, c: Cluster) -> Cluster:
        return self.clusters.setdefault(c.id, c)

    def add(self, start: int, end: int, kind: str, c: Cluster) -> Found:
        head = self.doc[start:end].root.i
        f = Found(start, end, kind, self.cluster(c), head, self.doc[start].idx in self.quotes)
        self.found.append(f)
        return f


def _code_org(doc: Doc, span: NameSpan, names: list[NameSpan], lex: Lexicon) -> Cluster:
    text = doc[span.start : span.end].text
    words = [t.lower_ for t in doc[span.start : span.end]]
    inner = [n for n in names if span.start <= n.start and n.end <= span.end]
    country = next((n.value for n in inner if n.kind == "country"), None)
    if country is None:
        # "the United Nations Emergency Relief Coordinator": an office of the IGO it begins with.
        igo = next(
            (
                hit
                for k in range(span.end - 1, span.start, -1)
                if (hit := organization_of(doc[span.start : k].text, lex)) is not None
            ),
            None,
        )
        country = igo.kind if igo is not None else None
    if country is None:
        country = next(
            (
                country_of(t.text, lex)
                for t in doc[span.start : span.end]
                if country_of(t.text, lex)
            ),
            None,
        )
    if country is None:
        country = _city_in(doc, span, lex)
    org_words = frozenset(words)
    group = group_of(text, lex)
    if group is not None:
        code, group_sector = group
        group_country: str | None = code
        if code not in ("IGO", "NGO", "IMG", "MNC") and code not in lex.country_names:
            group_country = country  # a regional CAMEO code ("MEA", "WAF"): the name's country
        return Cluster(
            entity_id("ORG", text), "ORG", text, group_country, group_sector, org_words=org_words
        )
    if country and GOVERNMENT_WORDS.intersection(words):
        c = country_cluster(country, "GOV", lex)
        c.org_words = org_words
        return c
    sector: str | None = None
    if "embassy" in words or "consulate" in words:
        sector = "GOV"
    elif "party" in words:
        sector = "OPP" if "opposition" in words else "PTY"
    else:
        head_end = words.index("of") if "of" in words else len(words)
        for n in (2, 1):
            if head_end - n >= 0:
                found = role_sector(" ".join(words[head_end - n : head_end]), lex)
                if found:
                    sector = found
                    break
        if sector is None and head_end and words[head_end - 1] in ("union", "unions", "federation"):
            if LABOUR_WORDS.intersection(w.rstrip("'’") for w in words):
                sector = "LAB"  # "Serbian Workers' Union", "Federation of Trade Unions"
        elif sector is None and head_end and words[head_end - 1] == "assembly":
            sector = "LEG"  # "the Montenegro Assembly", "National Assembly of Kenya"
        if sector is None and MEDIA.intersection(words):
            sector = "JRN"
    return Cluster(entity_id("ORG", text), "ORG", text, country, sector, org_words=org_words)


def _city_in(doc: Doc, span: NameSpan, lex: Lexicon) -> str | None:
    """The country of a capital or city an organization's name holds: "Baghdad University",
    "the United Bus Company of Tehran"."""
    toks = doc[span.start : span.end]
    for k, t in enumerate(toks):
        if not t.text[:1].isupper():
            continue
        for text in (f"{t.text} {toks[k + 1].text}" if k + 1 < len(toks) else "", t.text):
            if not text:
                continue
            iso = capital_of(text, lex)
            if iso is None and (place := place_of(text, lex)) is not None and place[1] == "city":
                iso = place[0]
            if iso:
                return iso
    return None


def _extend_embassy(doc: Doc, span: NameSpan, names_at: dict[int, NameSpan]) -> NameSpan:
    """ "the U.S. Embassy" + "in Phnom Penh" -> one name."""
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ == "in" and end + 1 in names_at:
        place = names_at[end + 1]
        if place.kind in ("capital", "place", "country"):
            return NameSpan(span.start, place.end, span.kind, span.value)
    return span


def _acronym(words: Iterable[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in ("of", "the", "and"))


def find_actors(
    doc: Doc, lex: Lexicon | None = None
) -> tuple[list[Entity], list[Mention], list[Role]]:
    """The entities, mentions and roles of a parsed Doc (the stage's whole work)."""
    lex = lex or lexicon()
    b = _Builder(doc, lex)
    names = find_names(doc, lex, b.tokens)
    names_at = {i: n for n in names for i in range(n.start, n.end)}
    orgs_at: dict[int, OrgCode] = {}
    skip_inside: set[int] = set()

    # 1. Countries, capitals, organizations, places.
    org_clusters: list[tuple[NameSpan, Cluster]] = []
    for span in names:
        if span.start in skip_inside:
            continue
        if span.kind == "igo" and span.value:
            org = organization_of(doc[span.start : span.end].text, lex)
            kind = org.kind if org else "IGO"
            c = Cluster(
                f"igo:{span.value}",
                "ORG",
                org.name if org else span.value,
                kind,
                org.sector if org else None,
                org_words=frozenset((org.name if org else span.value).lower().split()),
            )
            group = group_head(doc, span, names_at, lex)
            if group is not None and group[0] in IGO_GROUP_SECTORS and _people_noun(doc, group):
                sector, g_start, g_end = group
                label = SECTOR_NAMES.get(sector, sector.lower())
                c = Cluster(f"{c.id}:{sector}", "ORG", f"{c.name} ({label})", kind, sector)
                b.add(g_start, g_end, "name", c)
            else:
                b.add(span.start, span.end, "name", c)
            _mark(orgs_at, span, OrgCode(kind, c.sector, True, c.id))
        elif span.kind == "country" and span.value:
            _country_mention(b, span, names_at)
        elif span.kind == "capital" and span.value:
            tok = doc[span.end - 1]
            group = group_head(doc, span, names_at, lex)
            if group is not None:  # "Khartoum government", "militias in Tripoli"
                b.add(group[1], group[2], "name", country_cluster(span.value, group[0], lex))
            elif not _stands_for_government(tok) and not _hosts_mission(tok):
                name = doc[span.start : span.end].text
                # A capital as a place: its people (CVL), as the PLOVER gold codes cities.
                place = Cluster(entity_id("GPE", name), "GPE", name, span.value, "CVL", place=True)
                b.add(span.start, span.end, "name", place)
            else:
                b.add(span.start, span.end, "name", country_cluster(span.value, "GOV", lex))
        elif span.kind == "org":
            org_span = _extend_embassy(doc, span, names_at)
            skip_inside.update(range(org_span.start + 1, org_span.end))
            c = _code_org(doc, org_span, names, lex)
            if c.country is None and not c.id.startswith("country:"):
                c.country = _country_before(doc, org_span.start, names_at)
            f = b.add(org_span.start, org_span.end, "name", c)
            org_clusters.append((org_span, f.cluster))
            apposition = right_apposition(doc, org_span.end, lex)
            if apposition is not None:
                title = code_title(
                    doc, *apposition, names_at=names_at, orgs=orgs_at, lex=lex, head_last=False
                )
                if title is not None and title.sector in ("OPP", "PTY", "REB", "MIL", "GOV"):
                    f.cluster.sector = (
                        title.sector if f.cluster.sector in (None, "PTY") else (f.cluster.sector)
                    )
                    f.cluster.country = f.cluster.country or title.country
                    b.add(apposition[0], apposition[1], "nominal", f.cluster)
                    if title.role:
                        b.titles.append((f.cluster, title))
            _mark(
                orgs_at,
                span,
                OrgCode(
                    f.cluster.country,
                    f.cluster.sector,
                    f.cluster.country in ("IGO", "NGO"),
                    f.cluster.id,
                ),
            )
        elif span.kind in ("place", "people"):
            name = doc[span.start : span.end].text
            # "Darfur" -> SDN, "Tamil" -> LKA: a region, city or people of one country.
            where = place_of(name, lex)
            group = group_head(doc, span, names_at, lex)
            if span.kind == "people":
                group = _elite_group(doc, span) or group
            if group is not None:
                # "Darfur rebels", "Hutu rebel group": a group no country code names.
                noun_sector, g_start, g_end = group
                text = _alias(doc[g_start:g_end].text)
                # "Nicaragua's Sandinista government": the country named before it wins.
                country = _country_before(doc, g_start, names_at) or (where[0] if where else None)
                if span.kind == "people" and where is not None and country == where[0]:
                    country = _sole_other_country(doc, span, country, names_at) or country
                group_sector: str | None = noun_sector
                known = group_of(text, lex)  # "Islamic State": a group the lexicon names
                if known is not None:
                    country, group_sector = known
                b.add(
                    g_start,
                    g_end,
                    "name",
                    Cluster(entity_id("ORG", text), "ORG", text, country, group_sector),
                )
            elif span.kind == "place":
                # A city's people are civilians (CVL), as for capitals; a region has no sector.
                place_country = where[0] if where else _country_before(doc, span.start, names_at)
                place_sector = "CVL" if where and where[1] == "city" else None
                b.add(
                    span.start,
                    span.end,
                    "name",
                    Cluster(
                        entity_id("GPE", name),
                        "GPE",
                        name,
                        place_country,
                        place_sector,
                        place=True,
                    ),
                )
    _link_acronyms(doc, b, org_clusters, orgs_at)

    # 2. People: full names first, then the short forms that belong to them.
    _people(doc, b, names=names, names_at=names_at, orgs_at=orgs_at, lex=lex)
    _leaders_governments(doc, b)
    _fleeing_refugees(doc, b, names_at)
    _members_of(doc, b)
    _unnamed_international(doc, b)

    _only_country(b)
    _home_country(b)

    # 3. Nominals and pronouns.
    nominals = resolve_nominals(doc, b.found, list(b.clusters.values()), b.quotes, lex, b.tokens)
    inside = {i for f in nominals for i in range(f.start, f.end)}
    b.found = [f for f in b.found if f.start not in inside] + nominals
    _unnamed_bodies(doc, b)
    b.found.extend(resolve_pronouns(doc, b.found, b.quotes, b.tokens))
    return _records(doc, b)


def _dominant_country(b: _Builder) -> str | None:
    """The country a document is about: the one its countries, groups and places name most, at
    least three times as often as any other (a hyphenated "Iran-allied" does not count)."""
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
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 3 * ranked[1][1]):
        return None
    return ranked[0][0]


def _unnamed_bodies(doc: Doc, b: _Builder) -> None:
    """ "the government", "the president", "police", "protesters" with no name and no country:
    bodies of the country the document is about (its government, police, civilians)."""
    covered = {i for f in b.found for i in range(f.start, f.end)}
    country: str | None = None
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
        if tok.tag_ == "NN" and not any(t.lower_ in ("the", "another") or t in home for t in lefts):
            continue  # "a government", "government spending": not the body itself
        kind = next((t.lower_ for t in lefts if t.dep_ in ("compound", "amod")), "")
        sector = UNNAMED_KINDS.get((kind, tok.lower_), sector)
        if tok.dep_ == "compound":
            continue
        country = country or _dominant_country(b)
        if country is None:
            return
        start = min([tok.i, *(t.i for t in lefts if t.dep_ in ("det", "amod", "compound", "poss"))])
        b.add(start, tok.i + 1, "nominal", country_cluster(country, sector, b.lex))
        covered.update(range(start, tok.i + 1))


def _fleeing_refugees(doc: Doc, b: _Builder, names_at: dict[int, NameSpan]) -> None:
    """ "refugees fleeing the civil war in Liberia": refugees of the country they flee."""
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


def _members_of(doc: Doc, b: _Builder) -> None:
    """ "Doctors from two American aid groups", "workers of the United Bus Company of Tehran",
    "Militants loyal to Iraq's Al-Qaeda frontman ...": people named by a role noun and the body,
    place or person they belong to are a group of that one's country, in the noun's sector."""
    covered = {i for f in b.found for i in range(f.start, f.end)}
    headed = {f.head: f for f in reversed(b.found)}
    for noun in b.tokens:
        if noun.pos_ != "NOUN" or noun.dep_ == "compound":
            continue
        named = headed.get(noun.i)
        if noun.i in covered and (named is None or named.cluster.country is not None):
            continue
        sector = named.cluster.sector if named else _noun_sector(doc, noun, b.lex)
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


def _object_end(obj: Token, b: _Builder) -> int:
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


def _unnamed_international(doc: Doc, b: _Builder) -> None:
    """ "a human rights group", "aid groups", "a regional peacekeeping force" that no name or
    demonym says whose: non-governmental (country ``NGO``) and intergovernmental (``IGO``, MIL)
    bodies, as the gold codes Amnesty and UN peacekeepers."""
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
        sector = _noun_sector(doc, tok, b.lex)
        text = _alias(doc[start : tok.i + 1].text)
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
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _owner_country(obj: Token, b: _Builder) -> str | None:
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


def _leaders_governments(doc: Doc, b: _Builder) -> None:
    """ "the Bush administration", "the Assad regime": its leader's country's government."""
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
#: Sectors of a country's named bodies that tell what country a document is about.
NATIONAL_BODY_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY"})
#: Sectors of unnamed bodies that are of the country a document is about.
HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "OPP", "CVL", "ELI"})


def _only_country(b: _Builder) -> None:
    """When a document names one country and no other, an office holder, body or group whose
    country the text leaves open ("President Bouteflika", "the Supreme Court", "Islamic
    fundamentalists", "Chenchen refugees") is of it."""
    # Countries named, as places or in the names of organizations ("National Union for the
    # Total Independence of Angola").
    countries = {
        f.cluster.country
        for f in b.found
        if f.cluster.id.startswith("country:")
        or (f.cluster.place and f.cluster.country)
        or (f.cluster.type == "ORG" and f.cluster.country in b.lex.country_names)
    }
    if len(countries) != 1:
        return
    only = countries.pop()
    acted_on = [
        f
        for f in b.found
        if f.cluster.country == only
        and f.cluster.id == f"country:{only}"
        and b.doc[f.head].dep_ in ("dobj", "pobj", "iobj")
    ]
    if acted_on:
        return  # "President Bush warned Russia": the country is the other side, not his own
    # Someone already acting for that country's state in an office leaves the others of that
    # office open: they may well be foreign ("President Bush ... the Russian president").
    taken = {
        c.sector
        for c in b.clusters.values()
        if c.country == only and c.sector in STATE_SECTORS and not c.place
    }
    for c in b.clusters.values():
        if (
            c.country is None
            and c.sector is not None
            and c.sector not in taken
            and c.sector not in FOREIGN_REPORTERS
            and c.type in ("PERSON", "ORG", "NORP")
        ):
            c.country = only


def _home_country(b: _Builder) -> None:
    """In a document about one country (its countries and places name it three times as often
    as any other), a person the text gives no country ("Trump" in a US election story) and a
    body of a known sector ("the Cabinet", "Republican lawmakers") are of it."""
    home = _dominant_country(b)
    if home is None:
        return
    # "President Mendoza met Russian President Putin in Moscow": an office the home country's
    # holder is named in leaves another holder of it open (as in _only_country)
    taken = {
        c.sector
        for c in b.clusters.values()
        if c.country == home and c.sector in STATE_SECTORS and not c.place
    }
    for c in b.clusters.values():
        if c.country is not None or c.place or c.sector in FOREIGN_REPORTERS | taken:
            continue
        if c.type == "PERSON" or (c.type in ("ORG", "NORP") and c.sector in HOME_SECTORS):
            c.country = home


def _country_before(doc: Doc, start: int, names_at: dict[int, NameSpan]) -> str | None:
    """The country named just before an organization or place: "US Congress", "Israel's
    Cabinet", "Ankara's Cankaya district" (a capital's, with "'s")."""
    i = start - 1
    owned = i >= 0 and doc[i].text in ("'s", "’s")
    if owned:
        i -= 1
    span = names_at.get(i)
    if span is None or not (span.kind == "country" or (owned and span.kind == "capital")):
        return None
    return span.value


def _stands_for_government(tok: Token) -> bool:
    """A capital acting ("Moscow said", "friendly with Moscow"), not a place ("in Moscow", "rebels
    shelled Juba": a city under fire is its people)."""
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in SIEGE_VERBS:
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj", "poss", "agent"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ not in LOCATIVE


def _hosts_mission(tok: Token) -> bool:
    """A capital hosting another country's mission ("opened an embassy in Tehran", "the envoy
    to Moscow"): the host government, not a place."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("in", "to")
        and tok.head.head.lower_ in MISSION_NOUNS
    )


def _mark(orgs_at: dict[int, OrgCode], span: NameSpan, code: OrgCode) -> None:
    for i in range(span.start, span.end):
        orgs_at[i] = code


def _country_mention(b: _Builder, span: NameSpan, names_at: dict[int, NameSpan]) -> None:
    """A country or demonym: the country itself, or a group of it ("Russian troops")."""
    iso = span.value
    assert iso is not None
    if span.start > 0 and b.doc[span.start - 1].lower_ == "ethnic":
        _ethnic_group(b, span, names_at)
        return
    group = group_head(b.doc, span, names_at, b.lex)
    if group is None and _counted_people(b.doc, span, names_at):
        b.add(span.start, span.end, "name", country_cluster(iso, "CVL", b.lex))
    elif group is None:
        b.add(span.start, span.end, "name", country_cluster(iso, None, b.lex))
    else:
        sector, start, end = group
        b.add(start, end, "name", country_cluster(iso, sector, b.lex))


def _counted_people(doc: Doc, span: NameSpan, names_at: dict[int, NameSpan]) -> bool:
    """A plural demonym that counts or describes people ("168 Liberians", "thousands of
    Nigerians", "young Algerians", "Palestinians living in Gaza"): civilians of the country, not
    the country itself ("the Palestinians reject ...")."""
    tok = doc[span.end - 1]
    if tok.tag_ not in ("NNPS", "NNS") or not tok.text[:1].isupper():
        return False
    for child in tok.lefts:
        if child.i in names_at:
            continue
        if child.dep_ in ("nummod", "amod", "compound") or child.lower_ in QUANTIFIERS:
            return True
    for child in tok.rights:
        if child.dep_ in ("acl", "relcl"):
            return True  # "Palestinians living in the West Bank"
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            place = next((t for t in child.children if t.dep_ == "pobj"), None)
            where = names_at.get(place.i) if place is not None else None
            if where is not None and where.kind in ("place", "country", "capital"):
                return True  # "Palestinians of the West Bank"
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.i < head.i
        and (head.head.lemma_.lower() in QUANTITY_NOUNS or head.head.pos_ == "NUM")
    )


def _ethnic_group(b: _Builder, span: NameSpan, names_at: dict[int, NameSpan]) -> None:
    """ "ethnic Albanians (in south Serbia)": a people, not the country of the demonym. Its
    country is the other country its sentence names most (if one does); its sector CVL unless a
    role noun says otherwise ("ethnic Albanian guerrillas")."""
    doc = b.doc
    group = group_head(doc, span, names_at, b.lex)
    sector, start, end = group if group is not None else ("CVL", span.start, span.end)
    start -= 1  # the word "ethnic"
    sent = doc[span.start].sent
    others = Counter(
        iso
        for t in sent
        if t.text[:1].isupper() and (iso := country_of(t.text, b.lex)) and iso != span.value
    ).most_common(2)
    # The one other country, or the one named more often than any other.
    country = others[0][0] if others and (len(others) == 1 or others[0][1] > others[1][1]) else None
    if end < len(doc) and doc[end].lower_ in ("in", "of"):
        # "ethnic Albanians in south Serbia": where they live says whose.
        after = (country_of(t.text, b.lex) for t in doc[end + 1 : end + 4] if t.text[:1].isupper())
        country = next((iso for iso in after if iso), country)
    text = _alias(doc[start:end].text)
    b.add(start, end, "name", Cluster(entity_id("NORP", text), "NORP", text, country, sector))


def _noun_sector(doc: Doc, noun: Token, lex: Lexicon) -> str | None:
    sector = _role_noun_sector(doc, noun, lex)
    if sector == "JRN" and any(c.lower_ in STATE_MEDIA_WORDS for c in noun.lefts):
        return "GOV"  # "an official Syrian newspaper", "state television": the government's voice
    return sector


def _role_noun_sector(doc: Doc, noun: Token, lex: Lexicon) -> str | None:
    prev = doc[noun.i - 1] if noun.i > 0 else None
    if prev is not None and prev.pos_ in ("NOUN", "ADJ", "PROPN"):
        found = role_sector(f"{prev.lower_} {noun.lower_}", lex)
        if found:
            return found
    found = role_sector(noun.lower_, lex) or role_sector(noun.lemma_, lex)
    if found:
        return found
    # "opposition candidates", "rebel commanders": a modifier that names a sector of people (not
    # of a thing: "a naval blockade", "a U.N. military presence").
    if noun.tag_ not in ("NNS", "NNPS") and noun.lower_ not in COLLECTIVE_NOUNS:
        return None
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ"):
            # "a terror group": the word for its members ("terrorist") names the sector
            sector = role_sector(child.lower_, lex) or role_sector(child.lower_ + "ist", lex)
            if sector in ("OPP", "REB", "MIL", "COP"):
                return sector
    return None


def group_head(
    doc: Doc, span: NameSpan, names_at: dict[int, NameSpan], lex: Lexicon
) -> tuple[str, int, int] | None:
    """(sector, start, end) when a country or IGO name heads a group of actors: "Russian troops",
    "Russia's army", "UN peacekeepers", "the president of Armenia"; else None."""
    tok = doc[span.end - 1]
    led = _led_group(doc, span, lex)
    if led is not None:
        return led
    held = _holding_group(doc, span, lex)
    if held is not None:
        return held
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if (
        tok.dep_ == "compound"
        and tok.head.i == span.end
        and tok.head.lower_ in PLACE_WORDS
        and (span.value or place_of(doc[span.start : span.end + 1].text, lex))
    ):
        tok = tok.head  # "the government of Sindh province": the province is the name's head
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.head.i < head.i
        and head.head.lower_ in SETTLEMENTS
        and head.lower_ in (*GROUP_PREPOSITIONS, "near")
        and head.head.i not in names_at
    ):
        return "CVL", head.head.i, span.end  # "a village in western Cambodia": its people
    based = head.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "in"
        and based.lower_ in BASED_WORDS
        and based.dep_ == "acl"
        and based.head.i < based.i
        and based.head.pos_ == "NOUN"
    ):
        head = based  # "a terror group based in Trinidad": the group is of where it is based
    if tok.dep_ == "pobj" and head.lower_ in ORIGIN_WORDS and head.head.i < head.i:
        noun = head.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in names_at:
            return None
        if (
            head.lower_ not in ("of", *BASED_WORDS)
            and noun.tag_ not in ("NNS", "NNPS")
            and noun.lower_ not in COLLECTIVE_NOUNS
        ):
            return None  # "rebels in Darfur", "a group in Gaza", but not "a meeting in Cairo"
        if any(c.i in names_at for c in noun.lefts):
            return None  # "Romanian refugees in Hungary": the demonym says whose
        sector = _noun_sector(doc, noun, lex)
        if not sector or (sector == "MIL" and head.lower_ != "of"):
            return None  # "peacekeepers in Iraq", "troops in Bosnia": often another country's
        lefts = [c.i for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i not in names_at]
        return sector, min([*lefts, noun.i]), span.end
    if (
        tok.dep_ == "amod"
        and head.i == span.end
        and head.tag_ == "NNPS"
        and (head.i not in names_at or names_at[head.i].kind == "people")
        and head.lower_ not in lex.role_words
    ):
        return "CVL", span.start, head.i + 1  # "Iraqi Kurds": a people of the country
    if (
        tok.dep_ not in ("amod", "compound", "nmod", "poss")
        or head.i <= tok.i
        or head.i in names_at
        or not (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.lower_ in lex.role_words))
    ):
        return None
    if head.pos_ == "PROPN" and head.head.i in names_at:
        return None  # a title before a person's name: the person speaks for it
    if (
        head.tag_ == "NN"
        and head.lower_ in PERSON_ROLE_HEADS
        and any(t.lower_ == "the" for t in head.children)
    ):
        return None  # "the embattled Ukrainian leader": a person, resolved as a nominal
    sector = _noun_sector(doc, head, lex)
    if not sector:
        return None
    end = head.i + 1 if head.i - span.end <= 3 and head.i == _next_noun(doc, span) else span.end
    if any(i in names_at for i in range(span.end, end)):
        end = span.end
    return sector, span.start, end


def _sole_other_country(
    doc: Doc, span: NameSpan, own: str | None, names_at: dict[int, NameSpan]
) -> str | None:
    """The one country a people's sentence names when it does not name the people's own
    ("Shona rebels" in a sentence on Mozambique alone): where the group acts."""
    sent = doc[span.start].sent
    named = {
        n.value
        for i in range(sent.start, sent.end)
        if (n := names_at.get(i)) is not None and n.kind in ("country", "capital") and n.value
    }
    if own in named or len(named) != 1:
        return None
    return next(iter(named))


def _holding_group(doc: Doc, span: NameSpan, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "Albanian rebel-held territory", "Tamil rebel-controlled areas": the group of the
    country that holds the place."""
    i = span.end
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i + 2].pos_ != "VERB":
        return None
    noun = doc[i]
    if noun.pos_ != "NOUN" or noun.dep_ != "npadvmod" or noun.head.i != i + 2:
        return None
    sector = _noun_sector(doc, noun, lex)
    return (sector, span.start, i + 1) if sector else None


def _elite_group(doc: Doc, span: NameSpan) -> tuple[str, int, int] | None:
    """ "Yoruba leaders", "Ibo traditional elders", "Hausa politicians": the notables of a people
    (no country's office holders) are its elites (ELI), as PLOVER codes them."""
    head = doc[span.end - 1].head
    if (
        doc[span.end - 1].dep_ not in ("compound", "amod", "nmod")
        or not span.end <= head.i <= span.end + 1
        or head.lower_ not in ELITE_NOUNS
        or any(doc[i].pos_ != "ADJ" for i in range(span.end, head.i))
    ):
        return None
    return "ELI", span.start, head.i + 1


def _people_noun(doc: Doc, group: tuple[str, int, int]) -> bool:
    """Whether a group's last word names people ("UN peacekeepers"), not their equipment or a
    state of affairs ("U.N. helicopters", "a U.N. military presence")."""
    last = doc[group[2] - 1]
    return last.tag_ in ("NNS", "NNPS") and last.lower_ not in EQUIPMENT


def _led_group(doc: Doc, span: NameSpan, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "Vietnamese-led forces", "the U.S.-led coalition": forces its country leads are its."""
    if span.end + 2 <= len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "led":
        led = doc[span.end + 1]
    elif doc[span.end - 1].lower_.endswith("-led"):
        led = doc[span.end - 1]
    else:
        return None
    noun = led.head
    if noun.i <= led.i or noun.i - led.i > 3 or noun.pos_ != "NOUN":
        return None
    sector = _noun_sector(doc, noun, lex) or ("MIL" if noun.lower_ in LED_MILITARY else None)
    return (sector, span.start, noun.i + 1) if sector else None


def _next_noun(doc: Doc, span: NameSpan) -> int:
    i = span.end
    while i < len(doc) and doc[i].pos_ in ("ADJ", "PART", "NOUN") and doc[i].pos_ != "NOUN":
        i += 1
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
        while i < len(doc) and doc[i].pos_ == "ADJ":
            i += 1
    while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" and doc[i].pos_ == "NOUN":
        i += 1
    return i


def _link_acronyms(
    doc: Doc,
    b: _Builder,
    org_clusters: list[tuple[NameSpan, Cluster]],
    orgs_at: dict[int, OrgCode],
) -> None:
    """ "CNRP" -> "Cambodia National Rescue Party" when the initials match one organization."""
    full = [(s, c) for s, c in org_clusters if s.end - s.start > 1]
    for span, c in org_clusters:
        text = doc[span.start : span.end].text
        if span.end - span.start != 1 or not text.isupper() or len(text) < 2:
            continue
        matches = {
            fc.id: fc for fs, fc in full if _acronym(t.text for t in doc[fs.start : fs.end]) == text
        }
        if len(matches) != 1:
            continue
        target = next(iter(matches.values()))
        for f in b.found:
            if f.cluster is c:
                f.cluster = target
        b.clusters.pop(c.id, None)
        target.names.append(text)
        _mark(
            orgs_at,
            span,
            OrgCode(target.country, target.sector, target.country in ("IGO", "NGO"), target.id),
        )


def _people(
    doc: Doc,
    b: _Builder,
    *,
    names: list[NameSpan],
    names_at: dict[int, NameSpan],
    orgs_at: dict[int, OrgCode],
    lex: Lexicon,
) -> None:
    people = [n for n in names if n.kind == "person"]
    by_key: dict[tuple[str, ...], list[NameSpan]] = {}
    for n in people:
        key = person_key(doc, n)
        if key:
            by_key.setdefault(key, []).append(n)
    # Longest names found the clusters; shorter ones join the one they are part of.
    owner: dict[tuple[str, ...], list[Cluster]] = {}
    full_keys: list[tuple[tuple[str, ...], Cluster]] = []
    for key in sorted(by_key, key=lambda k: (-len(k), by_key[k][0].start)):
        host = [c for fk, c in full_keys if _contains(fk, key)]
        if not host:
            first = by_key[key][0]
            text = _display(doc, first)
            c = b.cluster(Cluster(entity_id("PERSON", text), "PERSON", text))
            full_keys.append((key, c))
            owner[key] = [c]
        else:
            owner[key] = host

    def titles(start: int, end: int) -> list[str]:
        left = left_title(doc, start, names_at, lex)
        right = right_apposition(doc, end, lex)
        return [doc[i:j].text for i, j in ((left, start), right or (0, 0)) if i is not None]

    # What the text tells of each person at its full name (gender, titles), to tell namesakes
    # apart at a short name ("Clinton" of Bill or Hillary).
    told: dict[int, list[Cues]] = {}
    for key, hosts in owner.items():
        if len(hosts) == 1 and len(key) > 1:
            told.setdefault(id(hosts[0]), []).extend(
                mention_cues(doc, n.start, n.end, titles) for n in by_key[key]
            )
    told_of = {host: merge(cues) for host, cues in told.items()}
    found_people: list[tuple[NameSpan, Found]] = []
    for n in sorted(people, key=lambda s: s.start):
        key = person_key(doc, n)
        if not key:
            continue
        hosts = owner[key]
        cues = mention_cues(doc, n.start, n.end, titles)
        recent = _most_recent(hosts, b.found, n.start)
        chosen = hosts[0] if len(hosts) == 1 else pick(hosts, cues, told_of, recent)
        if chosen is not None and chosen.gender is None:
            # the gender the text gives ("Mrs. Clinton", "Clinton ... she"), for the pronouns
            chosen.gender = told_of.get(id(chosen), cues).gender or cues.gender
        if chosen is None:
            continue
        f = b.add(n.start, n.end, "name", chosen)
        found_people.append((n, f))
        text = _display(doc, n)
        if text not in chosen.names:
            chosen.names.append(text)
    for n, f in found_people:
        _titles_of(doc, b, n, f, names_at=names_at, orgs_at=orgs_at, lex=lex)
    for c in b.clusters.values():
        if c.type != "PERSON":
            continue
        coded = [t for cc, t in b.titles if cc is c]
        c.sector = next((t.sector for t in coded if t.sector), None)
        c.country = next((t.country for t in coded if t.country), None)
        if c.country is None:
            # The text says no country: a person's nationality from the people lexicon.
            # A surname alone only when the document gives no fuller name.
            known = [n for n in [c.name, *c.names] if " " in n] or [c.name, *c.names]
            c.country = next((iso for n in known if (iso := nationality_of(n, lex))), None)
        surname = c.name.split()[-1].lower() if c.name.split() else ""
        if c.country is None and c.roles:
            # "President Obama": the dictionary's title and surname, when the text gives that title.
            c.country = next(
                (iso for r in c.roles if (iso := lex.people.get(f"{r.lower()} {surname}"))), None
            )
        if c.country is None and all(" " not in n for n in [c.name, *c.names]):
            # "Obama" alone: the one the dictionary calls "Mr Obama" or "President Obama".
            titled = {iso for t in SURNAME_TITLES if (iso := lex.people.get(f"{t} {surname}"))}
            c.country = titled.pop() if len(titled) == 1 else None
        if c.country is None and c.sector in NATIONAL_SECTORS:
            # "President Laurent Gbago": an office holder's surname one letter short of a name
            # in the people lexicon.
            c.country = misspelled_nationality(c.name.split()[-1])


def _titles_of(
    doc: Doc,
    b: _Builder,
    n: NameSpan,
    f: Found,
    *,
    names_at: dict[int, NameSpan],
    orgs_at: dict[int, OrgCode],
    lex: Lexicon,
) -> None:
    start = left_title(doc, n.start, names_at, lex)
    if start is not None:
        title = code_title(
            doc, start, n.start, names_at=names_at, orgs=orgs_at, lex=lex, head_last=True
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
        if title is not None:
            b.titles.append((f.cluster, title))
            b.add(start, n.start, "title", f.cluster)
            if title.role:
                f.cluster.roles.append(title.role)
    apposition = right_apposition(doc, n.end, lex)
    if apposition is not None:
        title = code_title(
            doc, *apposition, names_at=names_at, orgs=orgs_at, lex=lex, head_last=False
        )
        if title is not None and title.role:
            b.titles.append((f.cluster, title))
            b.add(apposition[0], apposition[1], "title", f.cluster)
            f.cluster.roles.append(title.role)


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


def _records(doc: Doc, b: _Builder) -> tuple[list[Entity], list[Mention], list[Role]]:
    doc_id = doc._.doc_id or ""
    text_of_doc = b.text
    published = doc._.published
    date = str(published)[:10] if published else None
    titles = [
        (b.doc[t.start].idx, b.doc[t.end - 1].idx + len(b.doc[t.end - 1])) for _, t in b.titles
    ]
    mentions: dict[tuple[int, int], Mention] = {}
    used: dict[str, Cluster] = {}
    for f in sorted(b.found, key=lambda f: (b.doc[f.start].idx, -f.end)):
        start = b.doc[f.start].idx
        if f.kind == "name" and f.cluster.type == "PERSON":
            start += camel_cut(b.doc[f.start].text)
        last = b.doc[f.end - 1]
        end = last.idx + len(last.text)
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
        aliases = sorted({_alias(t) for t in [*c.names, *named]} - {c.name, ""})
        entities.append(Entity(c.id, c.name, c.type, c.country, c.sector, aliases))
    keep = {e.id for e in entities}
    roles = [
        Role(
            doc_id,
            c.id,
            t.role or "",
            t.country,
            t.sector,
            b.doc[t.start].idx,
            b.doc[t.end - 1].idx + len(b.doc[t.end - 1]),
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


def _alias(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text.startswith(("the ", "The ")) else text


class ActorsStage:
    """spaCy component: entities, mentions and roles of each document (see the module docs)."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_doc_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "actors"):
            entities, mentions, roles = find_actors(doc)
            doc._.entities = entities
            doc._.mentions = mentions
            doc._.roles = roles
        return doc


@Language.factory(
    "storyline_actors",
    requires=["doc.ents", "doc.sents"],
    assigns=["doc._.entities", "doc._.mentions", "doc._.roles"],
)
def make_actors_stage(nlp: Language, name: str) -> ActorsStage:
    """The actors stage (no settings)."""
    return ActorsStage(nlp, name)
