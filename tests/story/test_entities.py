"""Cross-document entity linking: merges, redirects, and roles as of a date."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.records import Entity, Role
from storyline.stages.actors import entity_id
from storyline.story.entities import inherit, latest_codes, link_entities, roles_as_of


def person(
    name: str,
    country: str | None = None,
    sector: str | None = None,
    aliases: list[str] | None = None,
) -> Entity:
    return Entity(entity_id("PERSON", name), name, "PERSON", country, sector, aliases or [])


def role(
    entity: Entity, doc: str, title: str, country: str | None, sector: str | None, date: str | None
) -> Role:
    return Role(doc, entity.id, title, country, sector, 0, len(title), date)


def test_rows_with_one_id_become_one_entity_with_all_aliases() -> None:
    a = Entity("igo:UNGA", "UN General Assembly", "ORG", "IGO", "GOV", ["UNGA"])
    b = Entity("igo:UNGA", "UN General Assembly", "ORG", "IGO", "GOV", ["General Assembly"])
    linked, redirects = link_entities([a, b], [])
    assert redirects == {}
    assert [(e.id, e.aliases) for e in linked] == [("igo:UNGA", ["General Assembly", "UNGA"])]


def test_short_name_in_one_article_joins_the_full_name_in_another() -> None:
    full = person("Volodymyr Zelenskyy", "UKR", "GOV", ["Zelenskyy"])
    short = person("Zelenskyy")
    linked, redirects = link_entities([short, full], [])
    assert redirects == {short.id: full.id}
    [zelenskyy] = linked
    assert (zelenskyy.name, zelenskyy.country, zelenskyy.sector) == (
        "Volodymyr Zelenskyy",
        "UKR",
        "GOV",
    )


def test_people_sharing_a_surname_are_not_merged() -> None:
    sen = person("Hun Sen", "KHM", "GOV")
    manet = person("Hun Manet", "KHM", "GOV")
    hun = person("Hun")
    linked, redirects = link_entities([sen, manet, hun], [])
    assert redirects == {}
    assert len(linked) == 3


def test_short_name_with_another_country_is_not_merged() -> None:
    full = person("John Smith", "GBR", "GOV")
    short = person("Smith", "USA", None)
    _, redirects = link_entities([full, short], [])
    assert redirects == {}


def test_acronym_joins_the_organization_a_document_gave_it_to() -> None:
    party = Entity(
        entity_id("ORG", "Cambodia National Rescue Party"),
        "Cambodia National Rescue Party",
        "ORG",
        "KHM",
        "OPP",
        ["CNRP"],
    )
    acronym = Entity(entity_id("ORG", "CNRP"), "CNRP", "ORG", None, None, [])
    airline = Entity(entity_id("ORG", "Air India"), "Air India", "ORG", "IND", "BUS", [])
    guess = Entity(entity_id("ORG", "AI"), "AI", "ORG", None, None, [])
    linked, redirects = link_entities([party, acronym, airline, guess], [])
    assert redirects == {acronym.id: party.id}
    assert next(e for e in linked if e.id == party.id).aliases == ["CNRP"]


def test_a_first_name_alone_is_not_a_surname() -> None:
    full = person("Thomas Countryman", "USA", "GOV")
    first = person("Thomas")
    _, redirects = link_entities([full, first], [])
    assert redirects == {}


def test_office_changes_between_two_dated_articles() -> None:
    hun_sen = person("Hun Sen", "KHM", "GOV")
    before = role(hun_sen, "d1", "prime minister", "KHM", "GOV", "2022-03-04")
    after = role(hun_sen, "d2", "former prime minister", "KHM", "ELI", "2024-01-10")
    linked, _ = link_entities([hun_sen], [after, before])
    assert linked[0].sector == "ELI"  # the latest role wins for the entity row
    as_of_2023 = roles_as_of([before, after], hun_sen.id, "2023-06-15")
    assert as_of_2023 is not None and as_of_2023.role == "prime minister"
    as_of_2024 = roles_as_of([before, after], hun_sen.id, "2024-05-01")
    assert as_of_2024 is not None and as_of_2024.role == "former prime minister"
    assert roles_as_of([before, after], hun_sen.id, "2020-01-01") is None
    assert latest_codes([before, after], "2023-01-01") == ("KHM", "GOV")


def test_an_article_inherits_roles_but_never_loses_its_own() -> None:
    bare = person("Hun Sen")  # the article only says "Hun Sen"
    seen = [role(bare, "d1", "prime minister", "KHM", "GOV", "2022-03-04")]
    assert (
        inherit(bare, seen, "2022-10-28").country,
        inherit(bare, seen, "2022-10-28").sector,
    ) == ("KHM", "GOV")
    assert inherit(bare, seen, "2021-01-01").sector is None  # nothing said yet at that date
    own = person("Hun Sen", "KHM", "ELI")
    assert inherit(own, seen, "2022-10-28").sector == "ELI"


_WORDS = ["Lee", "Joen", "Kim", "Hun", "Sen", "Manet", "Party", "National", "Rescue", "Cambodia"]


def _reference_redirects(entities: list[Entity]) -> dict[str, str]:
    """The redirects by comparing every entity with every other (no blocks)."""
    from storyline.story.entities import _acronym, _compatible, _contains, _ends_with, _words

    summaries = {e.id: e for e in entities}
    found: dict[str, str] = {}
    for s in summaries.values():
        short = _words(s.name)
        if s.type == "PERSON" and short and not any(c.isdigit() for c in s.name):
            hosts = {
                o.id
                for o in summaries.values()
                if o.id != s.id
                and o.type == "PERSON"
                and _compatible(s.country, o.country)
                and any(
                    _ends_with(f, short) or (_contains(f, short) and s.country and o.country)
                    for f in {_words(a) for a in [o.name, *o.aliases]}
                )
            }
        elif s.type == "ORG" and " " not in s.name and s.name.isupper() and len(s.name) >= 2:
            hosts = {
                o.id
                for o in summaries.values()
                if o.id != s.id
                and o.type == "ORG"
                and _acronym(o.name) == s.name
                and s.name in {o.name, *o.aliases}
            }
        else:
            continue
        if len(hosts) == 1:
            found[s.id] = hosts.pop()
    return found


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["PERSON", "ORG"]),
            st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
            st.sampled_from([None, "KHM", "KOR"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_linking_by_blocks_finds_the_redirects_of_comparing_all_pairs(rows) -> None:
    from storyline.story.entities import resolve

    entities = {}
    for kind, words, country, with_acronym in rows:
        name = " ".join(words) if kind == "PERSON" or len(words) > 1 else words[0].upper()
        aliases = ["".join(w[0] for w in words)] if with_acronym and len(words) > 1 else []
        e = Entity(entity_id(kind, name), name, kind, country, None, aliases)
        entities.setdefault(e.id, e)  # one row per id: its summary is the row itself
    _, redirects = link_entities(list(entities.values()), [])
    assert redirects == resolve(_reference_redirects(list(entities.values())))
