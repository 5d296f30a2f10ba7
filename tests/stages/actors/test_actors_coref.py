"""Nominals and pronouns (stages/actors/coref.py) and the quoted text they are not linked in."""

from __future__ import annotations

import pytest
from actors_text import entity_named, mention_at, run
from spacy.language import Language

from storyline.stages.actors.coref import QuoteMask, quote_spans

pytestmark = pytest.mark.slow


def test_quote_spans_close_at_paragraph_end() -> None:
    text = 'He said "we act" today.\n“One paragraph\n“Two,” he said.'
    spans = quote_spans(text)
    mask = QuoteMask(spans)
    assert text.index("we") in mask
    assert text.index("today") not in mask
    assert text.index("One") in mask
    assert text.index("he said.") not in mask


def test_title_before_name_pronoun_and_premier_are_one_person(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Cambodian Prime Minister Hun Sen said he would call Kyiv. "
        "The premier said Cambodia is set to host the summit.",
    )
    hun_sen = entity_named(doc, "Hun Sen")
    assert (hun_sen.country, hun_sen.sector, hun_sen.type) == ("KHM", "GOV", "PERSON")
    he = mention_at(doc, "he")
    premier = mention_at(doc, "The premier")
    assert he is not None and he.entity_id == hun_sen.id and he.kind == "pronoun"
    assert premier is not None and premier.entity_id == hun_sen.id and premier.kind == "nominal"
    [role] = [r for r in doc._.roles if r.entity_id == hun_sen.id]
    assert (role.role, role.date) == ("prime minister", "2022-03-04")


def test_no_link_for_expletive_it_or_pronouns_in_quotes(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        'Hun Sen said it is unlikely that Ukraine will win. "He will not stop," Hun Sen said.',
    )
    assert mention_at(doc, "it") is None
    assert mention_at(doc, "He") is None


def test_pronoun_after_a_quote_is_the_last_speaker(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Cambodia backed the plan. Royal Academy of Cambodia secretary-general Yang Peou said "
        "the meeting is important.\n"
        "The Kingdom has adopted a policy of neutrality, he said.",
    )
    he = mention_at(doc, "he")
    kingdom = mention_at(doc, "The Kingdom")
    peou = entity_named(doc, "Yang Peou")
    assert he is not None and he.entity_id == peou.id
    assert kingdom is not None and kingdom.entity_id == "country:KHM"


def test_subject_it_of_an_adverbial_clause_is_the_nearest_possessor(base_nlp: Language) -> None:
    doc = run(base_nlp, "Putin praised China's stance on Ukraine after it abstained in the vote.")
    it = mention_at(doc, "it")
    assert it is not None and it.entity_id == "country:CHN"


def test_the_group_is_the_non_state_group_named_just_before(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "The Taliban denounced the delay. The insurgent group threatened to attack foreign forces.",
        published="2021-05-09",  # before the Taliban took power
    )
    taliban = entity_named(doc, "Taliban")
    group = mention_at(doc, "The insurgent group")
    assert group is not None and group.entity_id == taliban.id and group.kind == "nominal"
    doc = run(base_nlp, "The army attacked the town. The insurgent group denied it.")
    assert mention_at(doc, "The insurgent group") is None  # no group named before
    doc = run(
        base_nlp,
        "Human Rights Watch criticized the law. The court upheld it. Officials defended it. "
        "Police arrested protesters. The group condemned the arrests.",
    )
    assert mention_at(doc, "The group") is None  # named too long before


def test_the_organization_or_the_alliance_is_the_body_named_just_before(
    base_nlp: Language,
) -> None:
    doc = run(base_nlp, "NATO met in Brussels. The alliance agreed to send more troops to Poland.")
    alliance = mention_at(doc, "The alliance")
    assert alliance is not None and alliance.entity_id == entity_named(doc, "NATO").id
    doc = run(base_nlp, "NATO met in Brussels. The group agreed to send more troops to Poland.")
    assert mention_at(doc, "The group") is None  # "the group" is no international body


def test_a_title_tells_whom_a_pronoun_cannot_mean(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Prosecutor Jacob Gutwillig spoke on Tuesday. Masih Alinejad sat in the court, "
        "and Alinejad said his words moved her. "
        '"You will hear all of that from Ms. Alinejad herself," he told the court.',
    )
    he = mention_at(doc, "he")
    assert he is not None and he.entity_id == entity_named(doc, "Jacob Gutwillig").id


def test_given_names_tell_apart_the_people_a_pronoun_may_mean(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Sen. Elizabeth Warren grilled bank chief John Stumpf on Tuesday, after he admitted "
        "that no one had been fired. Stumpf earned $19 million. “This just isn’t right,” "
        "Warren said. “You squeezed employees to the breaking point,” she said.",
    )
    warren = entity_named(doc, "Elizabeth Warren").id
    stumpf = entity_named(doc, "John Stumpf").id
    he, she = mention_at(doc, "he"), mention_at(doc, "she")
    assert he is not None and he.entity_id == stumpf
    assert she is not None and she.entity_id == warren


def test_a_party_word_before_a_role_noun_keeps_it_a_nominal(base_nlp: Language) -> None:
    doc = run(
        base_nlp,
        "Republican nominee Donald Trump spoke in Ohio on Monday. "
        "The GOP nominee said the election was rigged.",
    )
    trump = entity_named(doc, "Donald Trump")
    nominee = mention_at(doc, "The GOP nominee")
    assert nominee is not None and nominee.entity_id == trump.id and nominee.kind == "nominal"
