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
  "rebels", "a court") are of the place they are said to be in ("forces in Somalia's Puntland
  region"), else of the country the document is about, when one country is named at least three
  times as often as any other, else of the one country the sentences just before them name;
  otherwise they stay unlinked.
* An office or institution only some countries have ("Secretary of State", "senator",
  "Congress": ``offices.json``) is of the one of them the document names; a head's office the
  text gives no country ("President Donald Trump" beside "Turkish President Erdogan") is of the
  country named most once the countries whose holder is named are left out; a person first
  named right after a sentence whose subject is a definite role ("The U.N. special envoy for
  Syria is calling ... Geir Pedersen issued") holds that role.
* Entity ids are stable across documents: ``"E"`` + 12 hex digits of SHA-1 over
  ``TYPE|normalized canonical name`` for people, organizations and places.

Modules: ``names`` (name spans from spaCy's entities and the lexicons), ``lexicon`` (the actor
lexicons), ``named`` (what each kind of name becomes), ``groups`` (groups a name heads),
``people`` (people and their titles), ``roles`` (titles and appositions), ``surnames`` (which
namesake a short name is), ``bodies`` (passes over the whole document), ``coref`` (nominals and
pronouns), ``build`` (the per-document builder and its records), ``stage`` (``find_actors`` and
the spaCy component).
"""

from __future__ import annotations

from storyline.stages.actors.build import country_cluster, entity_id, normalize_name
from storyline.stages.actors.groups import group_head
from storyline.stages.actors.stage import ActorsStage, find_actors, make_actors_stage

__all__ = [
    "ActorsStage",
    "country_cluster",
    "entity_id",
    "find_actors",
    "group_head",
    "make_actors_stage",
    "normalize_name",
]
