"""The actor lexicons shipped in ``storyline/resources/actors`` and look-ups over them.

Reads: ``countries.json``, ``agents.json``, ``organizations.json`` (built by
``scripts/build_actor_resources.py``; sources and licenses in that folder's README.md) and
``offices.json`` (storyline's own table of offices and institutions few countries have).
Writes: nothing. Loaded once per process through ``functools.cache``.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from storyline.errors import ConfigError

#: Actor codes of no state (PLOVER's international, non-governmental, militarized and
#: multinational actors): no country is their home, their forces are no state's military.
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})
#: Role nouns that stand for a person holding an office (used for "the premier", titles).
PERSON_ROLE_HEADS = frozenset(
    {
        "president",
        "premier",
        "minister",
        "chancellor",
        "king",
        "queen",
        "emperor",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary-general",
        "ambassador",
        "envoy",
        "governor",
        "mayor",
        "general",
        "commander",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "senator",
        "lawmaker",
        "judge",
        "prosecutor",
        "secretary",
        "director",
        "head",
        "official",
        "diplomat",
        "monarch",
        "prince",
        "princess",
        "sultan",
        "emir",
        "ayatollah",
        "pope",
        "commissioner",
        "rapporteur",
        "counsellor",
        "counselor",
        "adviser",
        "advisor",
        "speaker",
        "vice-president",
        "deputy",
        "activist",
        "academic",
        "professor",
        "analyst",
        "researcher",
        "journalist",
        "reporter",
        "editor",
        "founder",
        "ceo",
        "executive",
        "negotiator",
        "candidate",
        "nominee",
        "front-runner",
        "frontrunner",
        "hopeful",
        "representative",
    }
)
#: Words of kinship that title a person ("his wife, Heidi", "Ivana Trump, his ex-wife"): a
#: relative holds no office by it, a civilian (CVL) unless a title says more; they name no
#: group ("the daughter of Indian immigrants" is one person).
KIN_ROLES = frozenset(
    str.split(
        "wife husband ex-wife ex-husband widow widower father son daughter brother sister "
        "son-in-law daughter-in-law father-in-law stepson stepdaughter"
    )
)
#: Titles that mean the head of a state or government ("the leader" may stand for any of them).
HEAD_ROLES = frozenset(
    {
        "president",
        "prime minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "emperor",
        "leader",
        "head of state",
        "monarch",
        "sultan",
        "emir",
        "supreme leader",
        "ruler",
        "head of government",
        "dictator",
        "strongman",
    }
)
#: Same office, different words.
ROLE_SYNONYMS = MappingProxyType(
    {
        "premier": "prime minister",
        "pm": "prime minister",
        "spokeswoman": "spokesman",
        "spokesperson": "spokesman",
        "secretary general": "secretary-general",
        "sen.": "senator",
        "sen": "senator",
        "gov.": "governor",
        "rep.": "representative",
    }
)

FUNCTION_WORDS = frozenset(
    {
        "with",
        "of",
        "and",
        "the",
        "for",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "a",
        "an",
        "or",
        "as",
        "who",
        "that",
        "this",
        "his",
        "her",
        "its",
        "their",
        "our",
        "s",
        "-",
        "&",
        "not",
    }
)
SECTOR_NAMES = MappingProxyType(
    {
        "GOV": "government",
        "MIL": "military",
        "OPP": "opposition",
        "PTY": "party",
        "CVL": "civilians",
        "JRN": "media",
        "MED": "medical",
        "BUS": "business",
        "NGO": "NGO",
        "JUD": "judiciary",
        "LEG": "legislature",
        "REB": "rebels",
        "COP": "police",
        "EDU": "education",
        "REF": "refugees",
        "ELI": "elite",
        "LAB": "labor",
        "REL": "religious",
        "CRM": "criminals",
        "SPY": "intelligence",
        "UAF": "armed",
        "AGR": "agriculture",
        "HLH": "health",
        "SOC": "social",
    }
)


@dataclass(frozen=True, slots=True)
class Organization:
    """An IGO or NGO of storyline's own table: a stable code, a name, a sector."""

    code: str
    name: str
    sector: str | None
    kind: str  # "IGO" or "NGO"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every table the actors stage looks names up in. Keys are as noted per field."""

    country_names: dict[str, str]  # ISO3 -> English name
    countries: dict[str, str]  # surface (case as written) -> ISO3
    countries_lower: dict[str, str]  # lower-cased surface (mixed-case forms only) -> ISO3
    capitals: dict[str, str]  # capital surface -> ISO3
    kingdoms: frozenset[str]
    agents: dict[str, str]  # lower-case role phrase -> sector
    role_words: frozenset[str]  # every word of a role phrase
    organizations: dict[str, Organization]  # surface -> organization
    groups: dict[str, tuple[str, str | None]]  # lower-case name -> (country code, sector)
    group_names: frozenset[str]  # armed groups' names found in text without the tagger
    people: dict[str, str]  # lower-case name -> ISO3 (nationality; offices come from text first)
    # lower-case full name -> (sector, first day, last day, campaign days) learned from later
    # news's titles (``storyline kb build``), for an article of those days that gives no title
    people_offices: dict[str, Office]
    places: dict[str, tuple[str, str]]  # city, region or people -> (ISO3, "city"|"region"|"people")
    offices: dict[str, frozenset[str]]  # office or institution few countries have -> their ISO3s
    in_power: dict[str, tuple[str, str, str]]  # group name -> (since ISO date, country, sector)
    max_words: int  # longest surface, in words
    first_words: dict[str, int]  # first word of a surface, lower case -> most words after it
    given_names: dict[str, str]  # lower-case given name -> "f" or "m" (mostly given to one sex)


#: The sector of a candidate's titles: while a person is titled one, they act as one.
CAMPAIGN_SECTOR = "PTY"


class Office(NamedTuple):
    """The sector a person's titles give them, and the first and last publication day (ISO) of
    the documents that give it; ``campaign``: the first and last day of the documents that
    title them a candidate (:data:`CAMPAIGN_SECTOR`: "Republican presidential candidate Ted
    Cruz"), when that is not their office but two documents or more say it (a senator running
    for president). Learned by :mod:`storyline.story.people`, read from a people file."""

    sector: str
    since: str
    until: str
    campaign: tuple[str, str] | None = None


def _read_people() -> tuple[dict[str, str], dict[str, Office]]:
    """The 2014 dictionary's people, then those storyline learned from later news
    (``scripts/learn_people.py``), merged by ``with_people``; and the learned offices."""
    path = resources.files("storyline").joinpath("resources", "actors", "people.json.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        data: dict[str, str] = json.load(f)
    learned = resources.files("storyline").joinpath("resources", "actors", "people_learned.json")
    if not learned.is_file():
        return data, {}
    countries, offices = people_entries(json.loads(learned.read_text(encoding="utf-8")), learned)
    return with_people(data, countries), offices


def people_entries(raw: object, path: object) -> tuple[dict[str, str], dict[str, Office]]:
    """A people file's countries (lower-case name -> ISO3) and offices: each name's value is an
    ISO3 code, or ``{"country": ISO3 or null, "sector", "since", "until"}`` (days, ISO);
    ``ConfigError`` naming ``path`` when it is neither."""
    if not isinstance(raw, dict):
        raise ConfigError(_PEOPLE_FORMAT.format(path=path))
    countries: dict[str, str] = {}
    offices: dict[str, Office] = {}
    for name, value in raw.items():
        key = " ".join(str(name).lower().split())
        country = value
        if isinstance(value, dict):
            sector, since, until = (value.get(k) for k in ("sector", "since", "until"))
            if not (isinstance(sector, str) and isinstance(since, str) and isinstance(until, str)):
                raise ConfigError(_PEOPLE_FORMAT.format(path=path))
            offices[key] = Office(
                sector.upper(), since, until, _campaign(value.get("campaign"), path)
            )
            country = value.get("country")
            if country is None:
                continue
        if not (isinstance(country, str) and len(country) == 3):
            raise ConfigError(_PEOPLE_FORMAT.format(path=path))
        if key:
            countries[key] = country.upper()
    return countries, offices


def _campaign(value: object, path: object) -> tuple[str, str] | None:
    """A people file's ``"campaign": [since, until]``, None when absent."""
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise ConfigError(_PEOPLE_FORMAT.format(path=path))
    return value[0], value[1]


_PEOPLE_FORMAT = (
    "the people file {path} must be a JSON object of name -> ISO3 code (or -> "
    '{{"country", "sector", "since", "until", "campaign": [since, until] if any}}), as '
    "`storyline kb build` writes it"
)


def with_people(known: Mapping[str, str], recent: Mapping[str, str]) -> dict[str, str]:
    """``known`` people (lower-case name -> ISO3) and ``recent`` ones: a recent full name, and its
    surname when no one else of another country bears it; ``known`` wins where both name one."""
    data = dict(known)
    surnames: dict[str, set[str]] = {}
    for name, iso in [*data.items(), *recent.items()]:
        if " " in name:
            surnames.setdefault(name.split()[-1], set()).add(iso)
    for name, iso in recent.items():
        surname = name.split()[-1]
        if len(surnames.get(surname, ())) == 1 and surname not in data:
            data[surname] = iso  # "Trump": no bearer of another country is known
    for name, iso in recent.items():
        data.setdefault(name, iso)
    return data


def read_people_file(path: str | Path) -> tuple[dict[str, str], dict[str, Office]]:
    """A people file (``storyline kb build``): its countries and offices
    (:func:`people_entries`)."""
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ConfigError(f"cannot read the people file {p}: {err}") from err
    return people_entries(raw, p)


@functools.cache
def lexicon_with(people_files: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicons with the people of ``people_files`` added after them (setting
    ``actors.people``; read once per process and list of files)."""
    lex = lexicon()
    if not people_files:
        return lex
    extra: dict[str, str] = {}
    offices = dict(lex.people_offices)
    for path in people_files:
        countries, held = read_people_file(path)
        extra.update(countries)
        offices.update(held)
    return dataclasses.replace(lex, people=with_people(lex.people, extra), people_offices=offices)


PLACE_WORDS = frozenset({"state", "province", "region", "district", "county", "city"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "dos", "da", "de", "van", "von", "le"})


def nationality_of(name: str, lex: Lexicon | None = None) -> str | None:
    """ISO3 of a well-known person's country ("Vladimir Putin" -> RUS), else None. Spellings are
    folded ("al-Bashir" = "al Bashir", "El" = "al") and, failing the whole name, a middle name is
    dropped ("Omar Hassan al-Bashir" -> "Omar al Bashir")."""
    lex = lex or lexicon()
    key = " ".join(name.lower().replace("’", "'").split())
    found = lex.people.get(key)
    if found:
        return found
    words = ["al" if w == "el" else w for w in key.replace("-", " ").split()]
    candidates = [words]
    if len(words) >= 3:
        last = 2 if words[-2] in NAME_PARTICLES else 1
        if len(words) > last + 1:
            candidates.append([words[0], *words[-last:]])
    for words in candidates:
        found = lex.people.get(" ".join(words))
        if found:
            return found
    return None


@functools.cache
def _one_letter_short() -> dict[str, str]:
    """Surnames of the people lexicon (6 letters or more) with one letter left out -> ISO3, where
    every surname giving that form shares one country ("mitterand" -> FRA)."""
    seen: dict[str, str | None] = {}
    for name, iso in lexicon().people.items():
        if " " in name or len(name) < 6:
            continue
        for k in range(len(name)):
            short = name[:k] + name[k + 1 :]
            if short in lexicon().people:
                continue
            seen[short] = iso if seen.get(short, iso) == iso else None
    return {k: v for k, v in seen.items() if v is not None}


def misspelled_nationality(surname: str) -> str | None:
    """ISO3 of a well-known person whose surname is written with one letter missing ("Gbago" for
    "Gbagbo", "Mitterand" for "Mitterrand"), else None. Only for office holders the text names
    without a country: a near miss on anyone else is too weak a sign."""
    key = surname.lower().replace("’", "'")
    if len(key) < 5 or " " in key:
        return None
    return _one_letter_short().get(key)


def place_of(text: str, lex: Lexicon | None = None) -> tuple[str, str] | None:
    """(ISO3, kind) of a city, region or people that is no country ("Darfur" -> (SDN, region),
    "Tamil" -> (LKA, people), "Tel Aviv" -> (ISR, city)), else None."""
    lex = lex or lexicon()
    text = _clean(text)
    found = lex.places.get(text)
    if found is None and " " in text:
        rest, last = text.rsplit(" ", 1)
        if last.lower() in PLACE_WORDS:  # "West Darfur State", "Sindh province"
            found = lex.places.get(rest)
    return found


def party_country(word: str, lex: Lexicon) -> str | None:
    """The country of the party "<word> party" or the word itself names, if the lexicon has it
    as a party (PTY): "republican" -> USA (the Republican Party), "GOP" -> USA."""
    for key in (f"{word.lower()} party", word.lower()):
        party = lex.groups.get(key)
        if party is not None and party[1] == "PTY":
            return party[0]
    return None


def _read(name: str) -> Any:
    path = resources.files("storyline").joinpath("resources", "actors", name)
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def lexicon() -> Lexicon:
    """The shipped lexicons (read once per process)."""
    c = _read("countries.json")
    o = _read("organizations.json")
    offices = _read("offices.json")
    # storyline's own role nouns of elections ("nominee", "front-runner") after the dictionaries
    agents: dict[str, str] = {**offices["roles"], **_read("agents.json")}
    orgs: dict[str, Organization] = {}
    for row in o["igos"]:
        org = Organization(row["code"], row["name"], row["sector"], row["kind"])
        for alias in row["aliases"]:
            orgs.setdefault(alias, org)
    countries: dict[str, str] = c["surfaces"]
    lower = {k.lower(): v for k, v in countries.items() if not k.isupper()}
    words = (
        frozenset(w for phrase in agents for w in phrase.replace("-", " - ").split())
        - FUNCTION_WORDS
    )
    places = {k: (v[0], v[1]) for k, v in c.get("places", {}).items()}
    peoples = [k for k, (_, kind) in places.items() if kind == "people"]
    group_names = frozenset(o.get("named_groups", []))
    surfaces = [*countries, *c["capitals"], *orgs, *peoples, *group_names]
    people, people_offices = _read_people()
    return Lexicon(
        country_names=c["names"],
        countries=countries,
        countries_lower=lower,
        capitals=c["capitals"],
        kingdoms=frozenset(c["kingdoms"]),
        agents={k: v for k, v in agents.items() if v},
        role_words=words,
        organizations=orgs,
        groups={k: (v[0], v[1]) for k, v in o["groups"].items()},
        group_names=group_names,
        people=people,
        people_offices=people_offices,
        places=places,
        offices={
            k: frozenset(v) for part in ("offices", "bodies") for k, v in offices[part].items()
        },
        in_power={k: (v[0], v[1], v[2]) for k, v in offices.get("in_power", {}).items()},
        max_words=max(len(s.split()) for s in surfaces),
        first_words=_first_words(surfaces),
        given_names=_read("given_names.json"),
    )


def country_of(text: str, lex: Lexicon | None = None) -> str | None:
    """ISO3 of a country name or demonym as written ("Cambodian", "U.S."), else None."""
    lex = lex or lexicon()
    text = _clean(text)
    if text in lex.countries:
        return lex.countries[text]
    if not text.isupper() and text[:1].isupper():
        return lex.countries_lower.get(text.lower())
    return None


def capital_of(text: str, lex: Lexicon | None = None) -> str | None:
    """ISO3 of the country whose capital this is ("Moscow" -> RUS), else None."""
    lex = lex or lexicon()
    return lex.capitals.get(_clean(text))


def organization_of(text: str, lex: Lexicon | None = None) -> Organization | None:
    """The IGO/NGO a name stands for ("UNGA", "the U.N. Security Council"), else None."""
    lex = lex or lexicon()
    return lex.organizations.get(_clean(text))


def group_of(
    text: str, lex: Lexicon | None = None, date: str | None = None
) -> tuple[str, str | None] | None:
    """(country code, sector) of a named armed group or international body, else None; a group
    that has since taken power is its country's government on a ``date`` (ISO) from then on
    (the Taliban from 15 August 2021)."""
    lex = lex or lexicon()
    text = _clean(text)
    key = text.lower()
    found = lex.groups.get(key)
    demonym, _, rest = text.partition(" ")
    if found is None and rest and country_of(demonym, lex):
        key = rest.lower()  # "Afghan Taliban": the Taliban
        found = lex.groups.get(key)
    ruling = lex.in_power.get(key)
    if found is not None and ruling is not None and date and date[:10] >= ruling[0]:
        return ruling[1], ruling[2]
    return found


def office_countries(words: str, lex: Lexicon | None = None) -> frozenset[str]:
    """The countries that have an office or institution of this name when few do ("secretary of
    state" -> USA, GBR, VAT; "congress"), else none (an office every country has)."""
    lex = lex or lexicon()
    return lex.offices.get(" ".join(words.lower().split()), frozenset())


def role_sector(words: str, lex: Lexicon | None = None) -> str | None:
    """Sector of a role phrase ("prime minister" -> GOV, "rebels" -> REB), else None."""
    lex = lex or lexicon()
    key = " ".join(words.lower().split())
    return lex.agents.get(key) or lex.agents.get(key.replace("-", " "))


def normalize_role(words: str) -> str:
    """A role as stored on a Role record: lower case, one space, synonyms folded."""
    text = " ".join(words.lower().replace(" - ", "-").split())
    return ROLE_SYNONYMS.get(text, text)


def _first_words(surfaces: list[str]) -> dict[str, int]:
    """First word of each surface -> the most tokens a surface starting with it may span (words
    count double: "U.S." or "Ivory Coast's" split into more tokens than words)."""
    out: dict[str, int] = {}
    for surface in surfaces:
        words = _clean(surface).split()
        if words:
            first = words[0].lower()
            out[first] = max(out.get(first, 0), 2 * len(words) + 1)
    return out


@functools.lru_cache(maxsize=1 << 16)
def _clean(text: str) -> str:
    # Cached: every lexicon look-up of a token or candidate name folds it again.
    text = " ".join(text.split())
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()
