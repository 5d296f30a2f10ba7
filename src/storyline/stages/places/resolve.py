"""Place mentions of a document, each resolved to a gazetteer entry with a confidence.

Reads: ``doc.ents`` (spaCy's GPE, LOC and FAC; an ORG only when its words name a site of the
gazetteer, "the U.N. Security Council"), ``doc._.entities`` (the actors' countries, for context).
Writes nothing: returns :class:`PlaceMention` values (offsets into ``doc.text``).

How a name is resolved (:func:`resolve`), when the gazetteer holds several entries for it:

* a name followed by ", <country or subdivision>" ("Jeddah, Saudi Arabia", "Sibi, Balochistan",
  "Paris, Texas") keeps only the entries inside it, and the mention covers both names;
* each candidate scores a prior by kind (:data:`KIND_PRIOR`: a country's name is meant as the
  country more often than as a town of the same name), plus the share of the article's
  countries it lies in (the countries of the unambiguous place names and of the actors), plus
  one when its subdivision is named in the article or holds a city the article names
  unambiguously ("Paris" in a story naming Texas is Paris, Texas; "Georgia" in a story naming
  Atlanta is the state), plus one for a country's capital ("Washington" before the state,
  "Moscow" before Moscow, Idaho, even in a story of mostly American actors), plus a quarter of
  the base-10 logarithm of its population (the bigger place wins a tie: "Paris" alone is in
  France), less a half when only one of GeoNames' alternate names matched;
* other names the model tagged are read as places when the text says so: "the Turkish capital"
  (the capital of the country the adjective names), "the town of Beledweyne", "in Beledweyne",
  "a visit to Quetta" or "the regional capital, Banja Luka" when the model took the name for a
  person or a body, and "the Somali city of Beledweyne" or "the provincial capital, Quetta" when
  it tagged the name as nothing (a city of the gazetteer only); a name that is a country's and
  nothing else's is the country wherever the model took it for a person or a body or tagged it
  as nothing ("Mauritius"), unless it is as often a person's name ("Jordan") or modifies a noun
  ("the Cameroon border");
* a city whose subdivision the gazetteer does not know (GeoNames' own first-level codes are all
  it has outside the United States) takes the one the article gives a city of the same code:
  "Sibi, Balochistan" puts Quetta in Balochistan too (:func:`with_said_subdivisions`);
* a subdivision and a city of the same name in it ("Ankara", "Baghdad") read as the city unless
  the text says "province", "state", "region" or "governorate" after it;
* a place the gazetteer lacks is kept as written when the text says what it is ("Bolan
  district", "the Middle Shabelle region"), and so is the same name alone elsewhere in the
  article ("Hirshabelle state" ... "elsewhere in Hirshabelle"); it is in the country its
  possessor names ("Somalia's Puntland region"), else in the country the article is about
  (:func:`main_country`), if one.

The confidence is 0.9 for a name with one candidate (0.75 when by an alternate name), else it grows
with the margin of the best score over the second, between 0.5 and 0.9.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from storyline.stages import doc_list
from storyline.stages.places.gazetteer import Entry, Gazetteer, fold

#: The spaCy labels read as place mentions.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Prior score of a candidate by its kind.
KIND_PRIOR = {"site": 3.0, "country": 3.0, "admin1": 2.0, "city": 1.5, "region": 0.0}

#: Names the model tags as places that name no place of their own ("the West").
NOT_PLACES = frozenset({"west", "east", "north", "south", "the west", "the east", "the south"})

#: Parts of the world, which name no place of the gazetteer ("Asia" is not a Philippine town):
#: they resolve to nothing and, said as where something is, keep the article's scene off.
WORLD_REGIONS = frozenset(
    {
        "africa", "asia", "europe", "oceania", "antarctica", "arctic", "middle east",
        "north america", "south america", "latin america", "central america", "caribbean",
        "central asia", "east asia", "south asia", "southeast asia", "indo pacific", "pacific",
        "atlantic", "west africa", "east africa", "north africa", "southern africa", "sahel",
        "horn of africa", "sub saharan africa", "balkans", "caucasus", "gulf", "persian gulf",
        "western europe", "eastern europe", "scandinavia", "levant", "eurasia",
    }
)  # fmt: skip

#: Triggers after which "to <place>" is where the event happened ("a visit to Quetta").
ARRIVAL_LEMMAS = frozenset({"visit", "trip", "travel", "come", "arrive", "return", "fly"})

#: Nouns of "the <noun> of X" that say X is a place.
PLACE_NOUNS = frozenset({"town", "city", "village", "capital", "port", "district", "province"})

#: Added to a country's capital: "Washington" is the capital before the state, "Moscow" Russia's.
CAPITAL_BONUS = 1.0

#: Words after a name the gazetteer lacks that say it names an area: it is kept as written.
REGION_WORDS = frozenset(
    {"region", "province", "district", "area", "areas", "state", "county", "desert", "valley"}
)

#: The share of an article's country names one country must have for a place the gazetteer
#: lacks (and no possessor places) to be taken as in it.
MAIN_SHARE = 0.6

#: The confidence of a place the gazetteer lacks (kept as written, no point).
UNRESOLVED_CONFIDENCE = 0.3

#: Country names that are as often a person's name: a name the model took for a person or a
#: body, or tagged as nothing, is read as the country only when it is not one of these.
PERSON_COUNTRIES = frozenset({"jordan", "chad", "georgia", "israel", "niger", "guinea"})

#: Words after a name that say it is the subdivision, not the city ("Anbar province").
SUBDIVISION_WORDS = frozenset({"province", "state", "region", "governorate", "prefecture"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, as written (``[start, end)``), and what it resolved to."""

    start: int
    end: int
    text: str
    entry: Entry
    confidence: float


def _subdivision_said(span: Span) -> bool:
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is not None and nxt.lower_ in SUBDIVISION_WORDS


def _without_namesake_admin(candidates: tuple[Entry, ...], said: bool) -> tuple[Entry, ...]:
    """Drop the subdivision named like a city in it ("Ankara" the province), unless said."""
    if said:
        admins = tuple(c for c in candidates if c.kind == "admin1")
        return admins or candidates
    cities = {(c.country, c.subdivision) for c in candidates if c.kind == "city"}
    return tuple(
        c for c in candidates if c.kind != "admin1" or (c.country, c.subdivision) not in cities
    )


def score(entry: Entry, countries: Counter[str], subdivisions: frozenset[str]) -> float:
    """A candidate's score in an article (module docstring)."""
    total = sum(countries.values())
    share = countries[entry.country] / total if total and entry.country else 0.0
    value = KIND_PRIOR[entry.kind] + share + 0.25 * math.log10(entry.population + 10)
    value += CAPITAL_BONUS * entry.capital
    if entry.subdivision and entry.subdivision in subdivisions:
        value += 1.0
    return value - 0.5 * entry.alternate


def resolve(
    candidates: tuple[Entry, ...], countries: Counter[str], subdivisions: frozenset[str]
) -> tuple[Entry, float] | None:
    """The best candidate and the confidence in it (module docstring); None without candidates."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0], 0.75 if candidates[0].alternate else 0.9
    ranked = sorted(
        ((score(c, countries, subdivisions), -c.population, c.name, c) for c in candidates),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    best, second = ranked[0][0], ranked[1][0]
    margin = (best - second) / best if best > 0 else 0.0
    return ranked[0][3], round(min(0.9, 0.5 + margin), 3)


def _place_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, tuple[Entry, ...]]]:
    """The spans that name places, with their candidates, in text order."""
    spans: list[tuple[Span, tuple[Entry, ...]]] = []
    for ent in doc.ents:
        text = ent.text
        if ent.label_ in PLACE_LABELS and fold(text) not in NOT_PLACES:
            world = _without_the(fold(text)) in WORLD_REGIONS
            found = () if world else gazetteer.candidates(text) or _designated_name(text, gazetteer)
            spans.append((ent, found))
        elif ent.label_ == "ORG" and any(c.kind == "site" for c in gazetteer.candidates(text)):
            spans.append((ent, tuple(c for c in gazetteer.candidates(text) if c.kind == "site")))
        elif ent.label_ == "NORP":
            capital = _capital_phrase(doc, ent, gazetteer)
            if capital is not None:
                spans.append(capital)
        elif ent.label_ in {"PERSON", "ORG"} and (country := _country_named(ent, gazetteer)):
            spans.append(country)  # "Mauritius conferred", "with Mauritius" (model: a person)
        elif ent.label_ in {"PERSON", "ORG"} and _said_as_place(ent):
            cities = tuple(c for c in gazetteer.candidates(text) if c.kind == "city")
            if cities and not any(c.alternate for c in cities):
                spans.append((ent, cities))  # "the central town of Beledweyne"
    spans += _untagged_towns(doc, gazetteer) + _untagged_countries(doc, gazetteer)
    return sorted(spans, key=lambda found: found[0].start)


def _untagged_towns(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, tuple[Entry, ...]]]:
    """Names the model tagged as nothing that the text says are towns: "the Somali city of
    Beledweyne", "the provincial capital, Quetta" (a city of the gazetteer by its main name)."""
    out: list[tuple[Span, tuple[Entry, ...]]] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ == "compound":
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            noun = token.head.head  # "the city of X"
        elif token.dep_ == "appos":
            noun = token.head  # "the capital, X"
        else:
            continue
        if (noun.lemma_ or noun.lower_).lower() not in PLACE_NOUNS:
            continue
        start = min((c.i for c in token.lefts if c.dep_ == "compound"), default=token.i)
        span = doc[start : token.i + 1]
        if any(t.ent_type_ for t in span):
            continue
        cities = tuple(c for c in gazetteer.candidates(span.text) if c.kind == "city")
        if cities and not any(c.alternate for c in cities):
            out.append((span, cities))
    return out


def _country_named(ent: Span, gazetteer: Gazetteer) -> tuple[Span, tuple[Entry, ...]] | None:
    """A name (its possessive "'s" aside) that is a country's and nothing else's in the
    gazetteer, not a person's name as often (:data:`PERSON_COUNTRIES`): "Mauritius", "the
    Maldives", "Mauritius's National Day"."""
    span = ent
    if span.root.dep_ == "compound":
        return None  # "near the Cameroon border": a modifier, not the place
    if len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    key = fold(span.text)
    if not key or _without_the(key) in PERSON_COUNTRIES:
        return None
    found = gazetteer.candidates(span.text)
    if not found or any(c.kind != "country" for c in found):
        return None
    return span, found


def _untagged_countries(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, tuple[Entry, ...]]]:
    """Names of a country the model tagged as nothing: "a visit by Modi to Mauritius" (with the
    proper nouns compounded on them: "Sri Lanka")."""
    out: list[tuple[Span, tuple[Entry, ...]]] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
            start -= 1
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1  # "the Maldives"
        span = doc[start : token.i + 1]
        if any(t.ent_type_ for t in span):
            continue
        named = _country_named(span, gazetteer)
        if named is not None:
            out.append(named)
    return out


def _designated_name(text: str, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """The candidates of a name the model tagged with the word that says what it is: "Balochistan
    province" is the subdivision Balochistan, "Kalat district" the town's."""
    name, _, word = text.rpartition(" ")
    if not name or word.lower() not in REGION_WORDS | SUBDIVISION_WORDS:
        return ()
    found = gazetteer.candidates(name)
    if word.lower() in SUBDIVISION_WORDS:
        return tuple(c for c in found if c.kind == "admin1") or found
    return found


def _without_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def _said_as_place(ent: Span) -> bool:
    """A name the model took for a person or body, said as a place: "the town of X", "in X",
    "a visit to X", "the regional capital, X"."""
    head = ent.root.head
    if ent.root.dep_ == "appos":
        return (head.lemma_ or head.lower_).lower() in PLACE_NOUNS
    if ent.root.dep_ != "pobj" or head.dep_ != "prep":
        return False
    return (
        head.lower_ in {"in", "near", "at"}
        or (head.lower_ == "of" and (head.head.lemma_ or head.head.lower_).lower() in PLACE_NOUNS)
        or (
            head.lower_ == "to" and (head.head.lemma_ or head.head.lower_).lower() in ARRIVAL_LEMMAS
        )
    )


def _capital_phrase(
    doc: Doc, ent: Span, gazetteer: Gazetteer
) -> tuple[Span, tuple[Entry, ...]] | None:
    """ "the Turkish capital": the capital of the country the adjective names."""
    if ent.end >= len(doc) or doc[ent.end].lower_ != "capital":
        return None
    found = {c.country for c in gazetteer.countries_of_people(ent.text)}
    iso3 = found.pop() if len(found) == 1 else None
    capital = gazetteer.capitals.get(iso3) if iso3 else None
    if capital is None:
        return None
    return doc[ent.start : ent.end + 1], (capital,)


def _context(
    doc: Doc, spans: list[tuple[Span, tuple[Entry, ...]]], gazetteer: Gazetteer
) -> tuple[Counter[str], frozenset[str]]:
    """The article's countries (unambiguous place names and actors) and named subdivisions."""
    countries: Counter[str] = Counter()
    subdivisions: set[str] = set()
    for _, found in spans:
        if len({c.country for c in found}) == 1 and found[0].country:
            countries[found[0].country] += 1
        if len({c.subdivision for c in found}) == 1 and found[0].subdivision:
            subdivisions.add(found[0].subdivision)  # "Atlanta": Georgia the state is in the story
    for entity in doc_list(doc, "entities"):
        if entity.country and len(entity.country) == 3 and entity.country in gazetteer.countries:
            countries[entity.country] += 1
    return countries, frozenset(subdivisions)


def _container(doc: Doc, span: Span, following: Span | None, gazetteer: Gazetteer) -> Entry | None:
    """The country or subdivision named right after ", " ("Jeddah, Saudi Arabia"), if any."""
    if following is None or following.start != span.end + 1 or doc[span.end].text != ",":
        return None
    kinds = [c for c in gazetteer.candidates(following.text) if c.kind in {"country", "admin1"}]
    return kinds[0] if len(kinds) == 1 else None


def _unresolved(doc: Doc, span: Span, previous: PlaceMention | None) -> tuple[Entry, int] | None:
    """A place the gazetteer lacks, kept as written with the word that says what it is ("the
    Middle Shabelle region", "Bolan district"), in the country its possessor names ("Somalia's
    Puntland region"); None for a name that says neither (a continent, "the Middle East").
    Returns the entry and the mention's end."""
    designator = doc[span.end] if span.end < len(doc) else None
    if designator is None or designator.lower_ not in REGION_WORDS:
        return None
    country = None
    between = doc.text[previous.end : span.start_char] if previous else ""
    if previous is not None and previous.entry.kind == "country" and between in {"'s ", "’s "}:
        country = previous.entry.country
    name = span.text[4:] if span.text.lower().startswith("the ") else span.text
    entry = Entry(name, "region", country, None, None, None, 0)
    return entry, designator.idx + len(designator.text)


def main_country(countries: Counter[str]) -> str | None:
    """The country an article is about: the one its places and actors name at least
    :data:`MAIN_SHARE` of the time, if any."""
    total = sum(countries.values())
    if not total:
        return None
    iso3, count = countries.most_common(1)[0]
    return iso3 if count >= MAIN_SHARE * total else None


def _region_key(span: Span) -> str:
    return _without_the(fold(span.text))


def _designated(doc: Doc, found_spans: list[tuple[Span, tuple[Entry, ...]]]) -> frozenset[str]:
    """The names the gazetteer lacks that the article says are areas somewhere ("Hirshabelle
    state"): the same name alone elsewhere ("elsewhere in Hirshabelle") is that area too."""
    return frozenset(
        _region_key(span)
        for span, named in found_spans
        if not named
        and span.label_ in PLACE_LABELS
        and span.end < len(doc)
        and doc[span.end].lower_ in REGION_WORDS
    )


def _named_region(
    span: Span, designated: frozenset[str], regions: dict[str, Entry]
) -> Entry | None:
    """The area a name the gazetteer lacks stands for, when the article designates it elsewhere."""
    key = _region_key(span)
    if span.label_ not in PLACE_LABELS or key not in designated or key in WORLD_REGIONS:
        return None
    name = span.text[4:] if span.text.lower().startswith("the ") else span.text
    return regions.get(key) or Entry(name, "region", None, None, None, None, 0)


def place_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place the document names that the gazetteer resolves, in text order."""
    found_spans = _place_spans(doc, gazetteer)
    spans = [span for span, _ in found_spans]
    countries, subdivisions = _context(doc, found_spans, gazetteer)
    designated = _designated(doc, found_spans)
    main = main_country(countries)
    regions: dict[str, Entry] = {}  # the areas kept as written so far, by name
    out: list[PlaceMention] = []
    skip_next = False
    for i, (span, named) in enumerate(found_spans):
        if skip_next:
            skip_next = False
            continue
        following = spans[i + 1] if i + 1 < len(spans) else None
        container = _container(doc, span, following, gazetteer)
        candidates = _without_namesake_admin(named, _subdivision_said(span))
        end = span.end_char
        if container is not None and following is not None:
            inside = tuple(
                c
                for c in candidates
                if c.country == container.country
                and (container.kind == "country" or c.subdivision in {None, container.name})
            )
            if inside:
                candidates, end, skip_next = inside, following.end_char, True
        found = resolve(candidates, countries, subdivisions)
        if found is None:
            previous = out[-1] if out else None
            unresolved = _unresolved(doc, span, previous)
            if unresolved is None:
                named_region = _named_region(span, designated, regions)
                if named_region is None:
                    continue
                unresolved = named_region, span.end_char
            entry, end = unresolved
            if entry.country is None and main is not None:
                entry = replace(entry, country=main)  # "Hirshabelle state" in a Somali story
            regions.setdefault(_region_key(span), entry)
            out.append(
                PlaceMention(
                    span.start_char,
                    end,
                    doc.text[span.start_char : end],
                    entry,
                    UNRESOLVED_CONFIDENCE,
                )
            )
            continue
        entry, confidence = found
        if container is not None and skip_next and container.kind == "admin1":
            entry = replace(entry, subdivision=container.name)
        out.append(
            PlaceMention(span.start_char, end, doc.text[span.start_char : end], entry, confidence)
        )
    return with_said_subdivisions(out)


def with_said_subdivisions(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Cities of the gazetteer without a known subdivision take the one the article gives a city
    of the same GeoNames first-level code ("Sibi, Balochistan" puts Quetta in Balochistan too)."""
    said: dict[tuple[str | None, str], str] = {}
    for m in mentions:
        e = m.entry
        if e.kind == "city" and e.admin1_code and e.subdivision:
            said.setdefault((e.country, e.admin1_code), e.subdivision)
    out = []
    for mention in mentions:
        e = mention.entry
        known = said.get((e.country, e.admin1_code or "")) if e.kind == "city" else None
        out.append(
            replace(mention, entry=replace(e, subdivision=known))
            if known and not e.subdivision
            else mention
        )
    return out


__all__ = [
    "ARRIVAL_LEMMAS",
    "PLACE_LABELS",
    "PlaceMention",
    "fold",
    "place_mentions",
    "resolve",
    "score",
]
