"""What each kind of name becomes: the handlers of ``NAME_HANDLERS``, by ``NameSpan.kind``.

An intergovernmental organization (``igo``), a country or demonym (``country``), a capital
(``capital``), an organization (``org``), a region or city (``place``) and a people (``people``)
each become an entity and a mention, or a group of actors they head ("Russian troops", "Darfur
rebels"). People are found after all names, together (``storyline.stages.actors.people``): their
short names need their full ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from spacy.tokens import Doc, Token

from storyline.stages import published_day
from storyline.stages.actors.build import Builder, alias, country_cluster, entity_id
from storyline.stages.actors.coref import Cluster
from storyline.stages.actors.groups import (
    counted_people,
    elite_group,
    group_head,
    people_noun,
    sole_other_country,
)
from storyline.stages.actors.lexicon import (
    NON_STATE_CODES,
    SECTOR_NAMES,
    Lexicon,
    capital_of,
    country_of,
    group_of,
    organization_of,
    party_country,
    place_of,
    role_sector,
)
from storyline.stages.actors.names import NameSpan
from storyline.stages.actors.roles import OrgCode, code_title, right_apposition
from storyline.stages.syntax import is_possessive

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

LABOUR_WORDS = frozenset({"workers", "worker", "labor", "labour", "trade", "miners", "teachers"})

# A country's missions abroad: a capital after "an embassy in" is the host government.
MISSION_NOUNS = frozenset(
    {"embassy", "embassies", "consulate", "consulates", "mission", "ambassador", "envoy"}
)

GOVERNMENT_WORDS = frozenset({"government", "administration", "cabinet", "authorities", "regime"})


def _code_org(doc: Doc, span: NameSpan, names: list[NameSpan], lex: Lexicon) -> Cluster:
    """An organization's entity: a group the lexicon names, a country's government ("the
    Cambodian government"), else an organization of the country and sector its name says."""
    text = doc[span.start : span.end].text
    words = [t.lower_ for t in doc[span.start : span.end]]
    country = _org_country(doc, span, names, lex)
    org_words = frozenset(words)
    group = group_of(text, lex, published_day(doc))
    if group is not None:
        code, group_sector = group
        group_country: str | None = code
        if code not in NON_STATE_CODES and code not in lex.country_names:
            group_country = country  # a regional CAMEO code ("MEA", "WAF"): the name's country
        return Cluster(
            entity_id("ORG", text), "ORG", text, group_country, group_sector, org_words=org_words
        )
    if country and GOVERNMENT_WORDS.intersection(words):
        c = country_cluster(country, "GOV", lex)
        c.org_words = org_words
        return c
    sector = _org_sector(words, lex)
    return Cluster(entity_id("ORG", text), "ORG", text, country, sector, org_words=org_words)


def _org_country(doc: Doc, span: NameSpan, names: list[NameSpan], lex: Lexicon) -> str | None:
    """The country an organization's name holds: a country named in it, the IGO it begins with,
    a demonym, else a capital or city."""
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
    return country


def _org_sector(words: list[str], lex: Lexicon) -> str | None:
    """The sector an organization's name says: an embassy's, a party's, its head noun's (the
    words before "of"), a union's, an assembly's, the press's."""
    if "embassy" in words or "consulate" in words:
        return "GOV"
    if "party" in words:
        return "OPP" if "opposition" in words else "PTY"
    head_end = words.index("of") if "of" in words else len(words)
    sector = next(
        (
            found
            for n in (2, 1)
            if head_end - n >= 0
            and (found := role_sector(" ".join(words[head_end - n : head_end]), lex))
        ),
        None,
    )
    if sector is None and head_end and words[head_end - 1] in ("union", "unions", "federation"):
        if LABOUR_WORDS.intersection(w.rstrip("'’") for w in words):
            sector = "LAB"  # "Serbian Workers' Union", "Federation of Trade Unions"
    elif sector is None and head_end and words[head_end - 1] == "assembly":
        sector = "LEG"  # "the Montenegro Assembly", "National Assembly of Kenya"
    if sector is None and MEDIA.intersection(words):
        sector = "JRN"
    return sector


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


def _country_before(doc: Doc, start: int, names_at: dict[int, NameSpan]) -> str | None:
    """The country named just before an organization or place: "US Congress", "Israel's
    Cabinet", "Ankara's Cankaya district" (a capital's, with "'s")."""
    i = start - 1
    owned = i >= 0 and is_possessive(doc[i])
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


def country_name(b: Builder, span: NameSpan) -> None:
    """A country or demonym: the country itself, or a group of it ("Russian troops")."""
    if not span.value:
        return
    names_at = b.names_at
    iso = span.value
    assert iso is not None
    if span.start > 0 and b.doc[span.start - 1].lower_ == "ethnic":
        _ethnic_group(b, span, names_at)
        return
    group = group_head(b.doc, span, names_at, b.lex)
    if group is None and counted_people(b.doc, span, names_at):
        b.add(span.start, span.end, "name", country_cluster(iso, "CVL", b.lex))
    elif group is None:
        b.add(span.start, span.end, "name", country_cluster(iso, None, b.lex))
    else:
        sector, start, end = group
        b.add(start, end, "name", country_cluster(iso, sector, b.lex))


def _ethnic_group(b: Builder, span: NameSpan, names_at: dict[int, NameSpan]) -> None:
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
    text = alias(doc[start:end].text)
    b.add(start, end, "name", Cluster(entity_id("NORP", text), "NORP", text, country, sector))


def link_acronyms(b: Builder) -> None:
    """ "CNRP" -> "Cambodia National Rescue Party" when the initials match one organization."""
    doc, org_clusters = b.doc, b.org_clusters
    full = [(s, c) for s, c in org_clusters if s.end - s.start > 1]
    for span, c in org_clusters:
        text = doc[span.start : span.end].text
        if span.end - span.start != 1 or not text.isupper() or len(text) < 2:
            continue
        matches = {
            fc.id: fc for fs, fc in full if _acronym(t.text for t in doc[fs.start : fs.end]) == text
        }
        if len(matches) == 1:
            _merge_org(b, span, c, next(iter(matches.values())))


def _merge_org(b: Builder, span: NameSpan, c: Cluster, target: Cluster) -> None:
    """Make the organization ``c`` named at ``span`` a mention of ``target``: its mentions, its
    name and its code in titles ("CNRP president") go to ``target``."""
    for f in b.found:
        if f.cluster is c:
            f.cluster = target
    b.clusters.pop(c.id, None)
    target.names.append(b.doc[span.start : span.end].text)
    _mark(
        b.orgs_at,
        span,
        OrgCode(target.country, target.sector, target.country in ("IGO", "NGO"), target.id),
    )


def link_short_names(b: Builder) -> None:
    """ "the Journal" after "the Wall Street Journal", "the Times" after "The New York Times": an
    organization's name that ends the name of exactly one organization named before it is a
    mention of that one."""
    doc, org_clusters = b.doc, b.org_clusters
    words = {id(c): _name_words(doc, s) for s, c in org_clusters}
    for span, c in org_clusters:
        short = words[id(c)]
        matches = {
            fc.id: fc
            for fs, fc in org_clusters
            if fs.start < span.start
            and fc is not c
            and len(words[id(fc)]) > len(short) >= 1
            and words[id(fc)][-len(short) :] == short
        }
        if len(matches) == 1 and c.id in b.clusters:
            _merge_org(b, span, c, next(iter(matches.values())))


def _name_words(doc: Doc, span: NameSpan) -> tuple[str, ...]:
    """The lower-case words of an organization's name, without an article in front."""
    words = [t.lower_ for t in doc[span.start : span.end] if not t.is_punct]
    return tuple(words[1:] if words[:1] == ["the"] else words)


def untagged_acronyms(b: Builder) -> None:
    """ "seven additional IS members" after "the Islamic State terror group": an all-capital word
    the tagger named nothing, the initials of exactly one organization the document names in
    full, is a mention of it (not in a line of capitals, a headline: "WHAT IS NEXT")."""
    doc = b.doc
    full = [
        (doc[f.start : f.end], f.cluster)
        for f in b.found
        if f.kind == "name" and f.cluster.type == "ORG" and f.end - f.start > 1
    ]
    if not full:
        return
    taken = {i for f in b.found for i in range(f.start, f.end)}
    for token in doc:
        text = token.text
        if token.i in taken or not (text.isupper() and text.isalpha() and len(text) >= 2):
            continue
        letters = [t.text for t in token.sent if t.is_alpha]
        if sum(w.isupper() for w in letters) * 2 > len(letters):
            continue  # a line of capitals
        matches = {
            fc.id: fc
            for fs, fc in full
            if _acronym(t.text for t in fs) == text and text not in {t.text for t in fs}
        }  # "IS-Somalia" holds "IS", it is not what "IS" stands for
        if len(matches) == 1:
            target = next(iter(matches.values()))
            b.add(token.i, token.i + 1, "name", target)
            if text not in target.names:
                target.names.append(text)


def igo_name(b: Builder, span: NameSpan) -> None:
    """An intergovernmental organization or one of its organs ("the UN Security Council"), or
    its forces and refugee agencies ("UN peacekeepers" MIL)."""
    if not span.value:
        return
    doc, lex = b.doc, b.lex
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
    group = group_head(doc, span, b.names_at, lex)
    if group is not None and group[0] in IGO_GROUP_SECTORS and people_noun(doc, group):
        sector, g_start, g_end = group
        label = SECTOR_NAMES.get(sector, sector.lower())
        c = Cluster(f"{c.id}:{sector}", "ORG", f"{c.name} ({label})", kind, sector)
        b.add(g_start, g_end, "name", c)
    else:
        b.add(span.start, span.end, "name", c)
    _mark(b.orgs_at, span, OrgCode(kind, c.sector, True, c.id))


def capital_name(b: Builder, span: NameSpan) -> None:
    """A capital: its government when it acts or hosts a mission ("Moscow said"), a group of its
    country it heads ("Khartoum government"), else a place (its people, CVL)."""
    if not span.value:
        return
    doc, lex = b.doc, b.lex
    tok = doc[span.end - 1]
    group = group_head(doc, span, b.names_at, lex)
    if group is not None:  # "Khartoum government", "militias in Tripoli"
        b.add(group[1], group[2], "name", country_cluster(span.value, group[0], lex))
    elif not _stands_for_government(tok) and not _hosts_mission(tok):
        name = doc[span.start : span.end].text
        # A capital as a place: its people (CVL), as the PLOVER gold codes cities.
        place = Cluster(entity_id("GPE", name), "GPE", name, span.value, "CVL", place=True)
        b.add(span.start, span.end, "name", place)
    else:
        b.add(span.start, span.end, "name", country_cluster(span.value, "GOV", lex))


def org_name(b: Builder, span: NameSpan) -> None:
    """An organization, with the country and sector its name and an apposition give it ("the
    CNRP, the main opposition party")."""
    doc, lex, names_at = b.doc, b.lex, b.names_at
    org_span = _extend_embassy(doc, span, names_at)
    b.skip_inside.update(range(org_span.start + 1, org_span.end))
    c = _code_org(doc, org_span, b.names, lex)
    if c.country is None and not c.id.startswith("country:"):
        c.country = _country_before(doc, org_span.start, names_at)
        known = b.clusters.get(c.id)
        if known is not None and c.country is not None and known.country != c.country:
            # "Afghanistan's Ministry of Foreign Affairs" ... "Pakistan's Ministry of Foreign
            # Affairs": two bodies of one name
            c.id = entity_id("ORG", f"{c.name} ({c.country})")
    f = b.add(org_span.start, org_span.end, "name", c)
    b.org_clusters.append((org_span, f.cluster))
    apposition = right_apposition(doc, org_span.end, lex)
    if apposition is not None and any(
        (n := names_at.get(i)) is not None and n.kind == "person" for i in range(*apposition)
    ):
        apposition = None  # "the spokesperson for the Ministry, Ambassador Khan,": a person's
    if apposition is not None:
        title = code_title(
            doc[apposition[0] : apposition[1]],
            names_at=names_at,
            orgs=b.orgs_at,
            lex=lex,
            head_last=False,
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
        b.orgs_at,
        span,
        OrgCode(
            f.cluster.country,
            f.cluster.sector,
            f.cluster.country in ("IGO", "NGO"),
            f.cluster.id,
        ),
    )


def place_name(b: Builder, span: NameSpan) -> None:
    """A region or city of one country ("Darfur" SDN), or a group it names ("Darfur rebels")."""
    doc, names_at = b.doc, b.names_at
    name = doc[span.start : span.end].text
    where = place_of(name, b.lex)
    group = group_head(doc, span, names_at, b.lex)
    if group is not None:
        _named_group(b, span, group, where)
        return
    # A city's people are civilians (CVL), as for capitals; a region has no sector.
    place_country = where[0] if where else _country_before(doc, span.start, names_at)
    place_sector = "CVL" if where and where[1] == "city" else None
    b.add(
        span.start,
        span.end,
        "name",
        Cluster(entity_id("GPE", name), "GPE", name, place_country, place_sector, place=True),
    )


def people_name(b: Builder, span: NameSpan) -> None:
    """A people of one country ("Tamil" LKA) heading a group ("Tamil rebels", "Yoruba leaders");
    a people alone is no actor."""
    doc = b.doc
    where = place_of(doc[span.start : span.end].text, b.lex)
    group = elite_group(doc, span) or group_head(doc, span, b.names_at, b.lex)
    if group is not None:
        _named_group(b, span, group, where)
        return
    party = _party_of_members(doc[span.start : span.end].text, b.lex)
    if party is not None:  # "the Republicans", "Democrats": the members of a party
        text = alias(doc[span.start : span.end].text)
        b.add(
            span.start,
            span.end,
            "name",
            Cluster(entity_id("NORP", text), "NORP", text, party, "PTY"),
        )


def _party_of_members(text: str, lex: Lexicon) -> str | None:
    """The country of the party whose members a plural names ("Republicans": the Republican
    Party's, "Democrats": the Democratic Party's), else None."""
    low = text.lower()
    if not low.endswith("s") or " " in low:
        return None
    member = low[:-1]
    return party_country(member, lex) or party_country(f"{member}ic", lex)


def _named_group(
    b: Builder, span: NameSpan, group: tuple[str, int, int], where: tuple[str, str] | None
) -> None:
    """ "Darfur rebels", "Hutu rebel group": a group no country code names."""
    doc, names_at = b.doc, b.names_at
    noun_sector, g_start, g_end = group
    text = alias(doc[g_start:g_end].text)
    # "Nicaragua's Sandinista government": the country named before it wins.
    country = _country_before(doc, g_start, names_at) or (where[0] if where else None)
    if span.kind == "people" and where is not None and country == where[0]:
        country = sole_other_country(doc, span, country, names_at) or country
    group_sector: str | None = noun_sector
    known = group_of(text, b.lex, published_day(doc))  # "Islamic State": a group the lexicon names
    if known is not None:
        country, group_sector = known
    b.add(
        g_start, g_end, "name", Cluster(entity_id("ORG", text), "ORG", text, country, group_sector)
    )


#: What a name of each kind becomes (a handler adds its entity and mention to the builder).
#: Persons are not here: they are found after all other names, together (``find_people``).
NAME_HANDLERS: Mapping[str, Callable[[Builder, NameSpan], None]] = MappingProxyType(
    {
        "igo": igo_name,
        "country": country_name,
        "capital": capital_name,
        "org": org_name,
        "place": place_name,
        "people": people_name,
    }
)
