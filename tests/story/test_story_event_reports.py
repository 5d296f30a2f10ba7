"""Merging the reports of one real-world event across articles: what a reader would call one
event (an unnamed side, the same day, the same act retold) and what stays apart (another attack
by the same group, statements of different days, the rescue after the attack)."""

from __future__ import annotations

import dataclasses

from storyline.records import Actor, Document, Event, EventDate, Span, StoryEvent
from storyline.story.events import merge_events
from storyline.story.timeline import sentence_around

BLA = ("bla", "PAK", "REB")
ARMY = (None, "PAK", "MIL")
TRUMP = ("trump", "USA", "GOV")


def _doc(key: str, published: str, text: str) -> Document:
    return Document(key, key, None, None, None, published, "metadata", text)


def _actor(doc: Document, name: str, codes: tuple[str | None, str, str] | None) -> Actor:
    start = doc.text.index(name)
    entity_id, country, sector = codes if codes else (None, None, None)
    return Actor(entity_id, name, country, sector, start, start + len(name))


def _event(
    doc: Document,
    trigger: str,
    type_: str,
    source: tuple[str, tuple[str | None, str, str] | None],
    date: str | None = None,
) -> Event:
    t = doc.text.index(trigger)
    sentence = sentence_around(doc.text, t, t + len(trigger))
    return Event(
        id=f"{doc.id}-{t}",
        doc_id=doc.id,
        type=type_,
        mode=None,
        modality="asserted",
        source=[_actor(doc, *source)],
        target=[],
        date=EventDate(date, "text") if date else EventDate(doc.published or "", "published"),
        location=None,
        sentence=sentence,
        trigger=Span(t, t + len(trigger), trigger),
        quote_id=None,
        confidence=0.9,
    )


def _together(merged: list[StoryEvent], a: Event, b: Event) -> bool:
    return any(a.id in s.mention_ids and b.id in s.mention_ids for s in merged)


FIRST = _doc(
    "first",
    "2025-03-12",
    "Militants attacked a passenger train Tuesday in Balochistan, taking many hostages. "
    "Just days later, a roadside bomb blast killed 11 coal miners, while the BLA took credit "
    "for attacking a military vehicle securing a supply convoy.",
)
SECOND = _doc(
    "second",
    "2025-03-13",
    "The BLA said Tuesday's attack on the passenger train was its work. "
    "The militants held passengers of the train hostage in a tunnel for hours.",
)


def test_the_same_attack_on_the_same_day_is_one_event_and_another_attack_stays_apart() -> None:
    train = _event(FIRST, "attacked", "ASSAULT", ("Militants", (None, "PAK", "REB")), "2025-03-11")
    convoy = _event(FIRST, "attacking", "ASSAULT", ("BLA", BLA))
    retold = _event(SECOND, "attack", "ASSAULT", ("BLA", BLA), "2025-03-11")
    merged = merge_events([train, convoy, retold], [FIRST, SECOND])
    assert _together(merged, train, retold)
    # Another attack by the same group, undated and sharing only "attack": not the train attack.
    assert not _together(merged, train, convoy) and not _together(merged, retold, convoy)


def test_an_unnamed_side_does_not_rule_out_the_named_one() -> None:
    retold = _event(SECOND, "attack", "ASSAULT", ("BLA", BLA), "2025-03-11")
    hostages = _event(SECOND, "held", "COERCE", ("The militants", None), "2025-03-11")
    train = _event(FIRST, "taking", "COERCE", ("Militants", (None, "PAK", "REB")), "2025-03-11")
    merged = merge_events([retold, hostages, train], [FIRST, SECOND])
    # "The militants" (no entity, no country) held the train's passengers: the BLA's hostages.
    assert _together(merged, hostages, train)


def test_the_rescue_operation_is_not_the_attack() -> None:
    rescue = _doc(
        "rescue",
        "2025-03-13",
        "The military attacked the militants holding the passenger train Tuesday in Balochistan "
        "and freed the hostages.",
    )
    train = _event(FIRST, "attacked", "ASSAULT", ("Militants", (None, "PAK", "REB")), "2025-03-11")
    operation = _event(rescue, "attacked", "ASSAULT", ("The military", ARMY), "2025-03-11")
    merged = merge_events([train, operation], [FIRST, rescue])
    assert not _together(merged, train, operation)  # the same words, the other side acting


TUESDAY = _doc(
    "tue",
    "2025-03-11",
    "Trump contended that the tariffs on Canada would make everything else disappear.",
)


def test_undated_statements_of_articles_of_different_days_stay_apart() -> None:
    thursday = _doc(
        "thu",
        "2025-03-13",
        "Trump contended in a post that the tariffs of the European Union are hostile.",
    )
    first = _event(TUESDAY, "contended", "ACCUSE", ("Trump", TRUMP))
    other = _event(thursday, "contended", "ACCUSE", ("Trump", TRUMP))
    assert len(merge_events([first, other], [TUESDAY, thursday])) == 2


def test_an_undated_statement_retold_in_the_same_words_days_later_is_one() -> None:
    thursday = _doc(
        "thu",
        "2025-03-13",
        "Earlier, Trump contended that the tariffs on Canada would make everything disappear.",
    )
    first = _event(TUESDAY, "contended", "ACCUSE", ("Trump", TRUMP))
    again = _event(thursday, "contended", "ACCUSE", ("Trump", TRUMP))
    (merged,) = merge_events([first, again], [TUESDAY, thursday])
    assert merged.doc_ids == ["tue", "thu"]


def test_an_unnamed_actor_called_by_the_same_words_counts_as_shared() -> None:
    later = _doc(
        "later",
        "2025-03-14",
        "The militants blew up tracks near the tunnel, bringing the passenger train to a halt.",
    )
    train = _event(FIRST, "attacked", "ASSAULT", ("Militants", (None, "PAK", "REB")), "2025-03-11")
    tracks = _event(later, "blew", "ASSAULT", ("The militants", None))
    (merged,) = merge_events([train, tracks], [FIRST, later])
    assert merged.doc_ids == ["first", "later"]


def test_the_timeline_dates_an_event_by_its_best_dated_report_and_cites_each_report_once() -> None:
    from storyline.story.timeline import build_timeline

    train = _event(FIRST, "attacked", "ASSAULT", ("Militants", (None, "PAK", "REB")), "2025-03")
    taking = _event(FIRST, "taking", "ASSAULT", ("Militants", (None, "PAK", "REB")), "2025-03")
    retold = _event(SECOND, "attack", "ASSAULT", ("BLA", BLA), "2025-03-11")
    merged = merge_events([train, taking, retold], [FIRST, SECOND])
    (story_event,) = [s for s in merged if train.id in s.mention_ids]
    assert retold.id in story_event.mention_ids and taking.id in story_event.mention_ids
    (entry,) = build_timeline(merged, [train, taking, retold], [FIRST, SECOND])
    assert entry.date == "2025-03-11"  # the day of the second report, not the month of the first
    cited = [(c.doc_id, c.start) for c in entry.citations]
    assert sorted(cited) == sorted(
        {(train.doc_id, train.sentence.start), (retold.doc_id, retold.sentence.start)}
    )


def test_undated_acts_of_one_source_in_articles_of_different_days_stay_apart() -> None:
    tuesday = _doc(
        "tue",
        "2025-03-11",
        "Canada retaliated by announcing increased tariffs on American electricity exports.",
    )
    thursday = _doc(
        "thu",
        "2025-03-13",
        "Europe quickly retaliated, and Canada imposed new tariffs on steel from the United States.",
    )
    canada = ("canada", "CAN", "GOV")
    announced = _event(tuesday, "announcing", "SANCTION", ("Canada", canada))
    imposed = _event(thursday, "imposed", "SANCTION", ("Canada", canada))
    assert len(merge_events([announced, imposed], [tuesday, thursday])) == 2


def test_an_unnamed_actor_called_otherwise_only_rules_nothing_out() -> None:
    trade = _doc(
        "trade", "2025-03-12", "In 2019, China signed a free trade agreement with Mauritius."
    )
    sudan = _doc(
        "sudan",
        "2025-03-12",
        "In 2019, the general signed a power-sharing agreement with protest leaders in Khartoum.",
    )
    china = _event(trade, "signed", "SUPPORT", ("China", ("china", "CHN", "GOV")), "2019")
    general = _event(sudan, "signed", "SUPPORT", ("the general", None), "2019")
    # The same year and the same verb; "the general" is not China and nothing says it is.
    assert len(merge_events([china, general], [trade, sudan])) == 2


def test_two_statements_of_one_source_on_one_day_need_their_wording() -> None:
    monday = _doc("mon", "2025-03-10", "Trump accused Canada on Monday of unfair dairy rules.")
    press = _doc("press", "2025-03-11", "On Monday, Trump also accused the media of bias.")
    dairy = _event(monday, "accused", "ACCUSE", ("Trump", TRUMP), "2025-03-10")
    media = _event(press, "accused", "ACCUSE", ("Trump", TRUMP), "2025-03-10")
    assert len(merge_events([dairy, media], [monday, press])) == 2


CLAIMED = _doc(
    "claimed",
    "2025-03-12",
    "The BLA quickly claimed responsibility for the attack. "
    "In a separate incident, BLA fighters attacked a remote police checkpoint in Kech district, "
    "wounding three officers.",
)


def test_the_attack_a_later_report_leaves_undated_retells_the_dated_one() -> None:
    train = _event(SECOND, "attack", "ASSAULT", ("BLA", BLA), "2025-03-11")
    claimed = _event(CLAIMED, "attack.", "ASSAULT", ("BLA", BLA))
    post = _event(CLAIMED, "attacked", "ASSAULT", ("BLA", BLA))
    merged = merge_events([train, claimed, post], [SECOND, CLAIMED])
    assert _together(merged, train, claimed)
    # An undated attack told without "the" is another act.
    assert not _together(merged, train, post)


SOLDIERS = _doc(
    "soldiers",
    "2025-03-14",
    "Five paramilitary soldiers were also killed in the attack and the ensuing battle. "
    "Two policemen were killed when gunmen stormed a checkpoint in Kech.",
)


def _unattributed(doc: Document, trigger: str, target: str) -> Event:
    """An act the text tells without its doer: no source, the ones it befell as target."""
    event = _event(doc, trigger, "ASSAULT", ("Five", None))
    start = doc.text.index(target)
    victims = Actor("pak-mil", target, "PAK", "MIL", start, start + len(target))
    return dataclasses.replace(event, source=[], target=[victims])


def test_an_act_told_without_its_doer_in_the_known_attack_is_part_of_it() -> None:
    train = _event(FIRST, "attacked", "ASSAULT", ("Militants", (None, "PAK", "REB")), "2025-03-11")
    killed = _unattributed(SOLDIERS, "killed", "paramilitary soldiers")
    merged = merge_events([train, killed], [FIRST, SOLDIERS])
    assert _together(merged, train, killed)


def test_an_act_told_without_its_doer_elsewhere_stays_apart() -> None:
    train = _event(FIRST, "attacked", "ASSAULT", ("Militants", (None, "PAK", "REB")), "2025-03-11")
    text = SOLDIERS.text
    at = text.index("killed when")
    killed = dataclasses.replace(
        _unattributed(SOLDIERS, "killed when", "policemen"),
        trigger=Span(at, at + len("killed"), "killed"),
    )
    # the same type, the same days, no doer to rule it out: but nothing ties it to the train
    assert not _together(merge_events([train, killed], [FIRST, SOLDIERS]), train, killed)


SENATE = ("senate", "USA", "LEG")


def test_two_requests_of_one_source_on_one_day_that_ask_for_different_things_stay_apart() -> None:
    ships = _doc(
        "ships",
        "2025-03-14",
        "Senators led by Jim Risch sent a letter to the State Department, urging it to stop the "
        "chemical shipments from China to Iran.",
    )
    bosnia = _doc(
        "bosnia",
        "2025-03-14",
        "Senators led by Jim Risch wrote to the State Department, calling on it to prevent a "
        "deterioration in Bosnia.",
    )
    retold = _doc(
        "retold",
        "2025-03-14",
        "The senators led by Jim Risch are urging the department to stop the chemical shipments "
        "to Iran.",
    )
    a = _event(ships, "urging", "REQUEST", ("Senators", SENATE))
    b = _event(bosnia, "calling", "REQUEST", ("Senators", SENATE))
    c = _event(retold, "urging", "REQUEST", ("senators", SENATE))
    merged = merge_events([a, b, c], [ships, bosnia, retold])
    assert not _together(merged, a, b)
    assert _together(merged, a, c)
