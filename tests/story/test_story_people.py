"""People's countries learned from titles across documents (:mod:`storyline.story.people`), and
the actors lexicon reading such a file (``actors.people``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.records import DocumentEntity, Role
from storyline.stages.actors.coref import Cluster
from storyline.stages.actors.lexicon import (
    lexicon,
    lexicon_with,
    nationality_of,
    read_people_file,
    with_people,
)
from storyline.stages.actors.people import known_office
from storyline.story.people import Office, learn_offices, learn_people, people_file

COUNTRIES = {"USA", "RUS", "FRA"}


def _person(doc: str, name: str) -> DocumentEntity:
    return DocumentEntity(doc, f"id-{name}", name, "PERSON", None, None)


def _title(doc: str, name: str, country: str | None) -> Role:
    return Role(doc, f"id-{name}", "president", country, "GOV", 0, 1, None)


def test_a_country_stated_by_titles_in_enough_documents_is_learned() -> None:
    docs = ["a", "b", "c"]
    entities = [_person(d, "Jane Roe") for d in docs] + [_person("a", "Ann Lee")]
    roles = [_title(d, "Jane Roe", "FRA") for d in docs] + [_title("a", "Ann Lee", "USA")]
    assert learn_people(entities, roles, COUNTRIES) == {"jane roe": "FRA"}  # Lee: one document
    assert learn_people(entities, roles, COUNTRIES, min_docs=1) == {
        "ann lee": "USA",
        "jane roe": "FRA",
    }


def test_disagreeing_titles_and_untitled_countries_teach_nothing() -> None:
    docs = ["a", "b", "c", "d"]
    entities = [_person(d, "Jane Roe") for d in docs]
    split = [_title("a", "Jane Roe", "FRA"), _title("b", "Jane Roe", "FRA")]
    split += [_title("c", "Jane Roe", "USA"), _title("d", "Jane Roe", "RUS")]
    assert learn_people(entities, split, COUNTRIES) == {}  # 2 of 4 agree, under four fifths
    untitled = [_title(d, "Jane Roe", None) for d in docs]
    assert learn_people(entities, untitled, COUNTRIES) == {}
    one_word = [_person(d, "Roe") for d in docs]
    assert learn_people(one_word, [_title(d, "Roe", "FRA") for d in docs], COUNTRIES) == {}
    # A title naming the U.N. or a code that is no country is no nationality.
    igo = [_title(d, "Jane Roe", "IGO") for d in docs]
    assert learn_people(entities, igo, COUNTRIES) == {}


def test_a_document_counts_once_per_name() -> None:
    entities = [_person("a", "Jane Roe")]
    roles = [_title("a", "Jane Roe", "FRA"), _title("a", "Jane Roe", "FRA")]
    assert learn_people(entities, roles, COUNTRIES) == {}


def test_known_people_win_and_unique_surnames_are_added() -> None:
    known = {"vladimir putin": "RUS", "putin": "RUS"}
    merged = with_people(known, {"vladimir putin": "USA", "jane roe": "FRA"})
    assert merged["vladimir putin"] == "RUS"
    assert merged["jane roe"] == "FRA" and merged["roe"] == "FRA"
    shared = with_people({"john roe": "USA"}, {"jane roe": "FRA"})
    assert "roe" not in shared  # two countries bear the surname


def test_the_lexicon_reads_a_people_file(tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    path.write_text(json.dumps({"Zorblat Quennik": "fra"}), encoding="utf-8")
    assert read_people_file(path) == ({"zorblat quennik": "FRA"}, {})
    lex = lexicon_with((str(path),))
    assert nationality_of("Zorblat Quennik", lex) == "FRA"
    assert nationality_of("Zorblat Quennik", lexicon()) is None
    assert lexicon_with(()) is lexicon()


@pytest.mark.parametrize(
    "text",
    [
        "[1, 2]",
        '{"jane roe": "France"}',
        "{not json",
        '{"jane roe": {"country": "FRA", "sector": "GOV"}}',  # an office needs its days
    ],
)
def test_a_bad_people_file_is_a_config_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "people.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="people file"):
        read_people_file(path)


def _office(doc: str, name: str, sector: str, day: str | None) -> Role:
    return Role(doc, f"id-{name}", "nominee", "USA", sector, 0, 1, day)


def test_the_sector_most_titles_give_is_learned_with_its_days() -> None:
    days = {"a": "2016-01-05", "b": "2016-03-01", "c": "2016-07-20", "d": "2016-08-02"}
    entities = [_person(d, "Jane Roe") for d in days]
    roles = [_office(d, "Jane Roe", "PTY", day) for d, day in days.items() if d != "d"]
    roles += [_office("d", "Jane Roe", "LEG", days["d"])]  # a senator running: 3 of 4 PTY
    assert learn_offices(entities, roles) == {"jane roe": Office("PTY", "2016-01-05", "2016-07-20")}
    assert learn_offices(entities, roles, agree=0.8) == {}  # 3 of 4 is under four fifths
    undated = [_office(d, "Jane Roe", "PTY", None) for d in days]
    assert learn_offices(entities, undated) == {}  # no day, no office


def test_a_people_file_carries_offices_the_lexicon_reads(tmp_path: Path) -> None:
    offices = {"jane roe": Office("PTY", "2016-01-05", "2016-07-20")}
    data = people_file({"jane roe": "USA", "ann lee": "FRA"}, offices)
    assert data["ann lee"] == "FRA"
    assert data["jane roe"] == {
        "country": "USA", "sector": "PTY", "since": "2016-01-05", "until": "2016-07-20"
    }  # fmt: skip
    path = tmp_path / "people.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    countries, held = read_people_file(path)
    assert countries == {"jane roe": "USA", "ann lee": "FRA"}
    assert held == {"jane roe": ("PTY", "2016-01-05", "2016-07-20", None)}
    lex = lexicon_with((str(path),))
    roe = Cluster("E1", "PERSON", "Jane Roe")
    assert known_office(roe, lex, "2016-10-01") == "PTY"  # within half a year of the last day
    assert known_office(roe, lex, "2020-10-01") is None  # years later: the office may be gone
    assert known_office(roe, lex, None) is None
    assert known_office(Cluster("E2", "PERSON", "Roe"), lex, "2016-03-01") is None  # surname


def test_a_senator_titled_a_candidate_is_one_on_those_days(tmp_path: Path) -> None:
    days = {"a": "2015-11-05", "b": "2016-02-01", "c": "2016-04-20", "d": "2016-08-02"}
    entities = [_person(d, "Jane Roe") for d in days]
    roles = [_office(d, "Jane Roe", "LEG", day) for d, day in days.items()]
    roles += [_office(d, "Jane Roe", "PTY", days[d]) for d in ("b", "c")]  # running
    (office,) = learn_offices(entities, roles).values()
    assert office == Office("LEG", "2015-11-05", "2016-08-02", ("2016-02-01", "2016-04-20"))
    path = tmp_path / "people.json"
    path.write_text(json.dumps(people_file({}, {"jane roe": office})), encoding="utf-8")
    lex = lexicon_with((str(path),))
    roe = Cluster("E1", "PERSON", "Jane Roe")
    assert known_office(roe, lex, "2016-03-01") == "PTY"  # in the primaries: a candidate
    assert known_office(roe, lex, "2016-09-26") == "LEG"  # after them: the senator again
