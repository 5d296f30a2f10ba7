"""The quotes stage on short texts: one test per news layout (the spaCy model alone, with
hand-made actor mentions and time expressions where a case needs them)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline.records import Entity, Mention, Quote, Timex
from storyline.stages import ensure_doc_extensions
from storyline.stages.quotes import QuotesStage, find_quotes

pytestmark = pytest.mark.slow


def _doc(
    nlp: Language,
    text: str,
    *,
    published: str | None = "2022-03-04",
    entities: list[Entity] | None = None,
    mentions: list[tuple[str, str, str]] | None = None,
    timexes: list[tuple[str, str]] | None = None,
) -> Doc:
    """A parsed Doc; ``mentions`` are (text, entity id, kind) found at their first occurrence,
    ``timexes`` (text, value)."""
    ensure_doc_extensions()
    doc = nlp(text)
    doc._.doc_id = "d1"
    doc._.published = published
    doc._.entities = entities or []
    found = []
    for words, entity_id, kind in mentions or []:
        start = text.index(words)
        found.append(Mention("d1", entity_id, start, start + len(words), words, kind))
    doc._.mentions = found
    doc._.timexes = [
        Timex("d1", text.index(w), text.index(w) + len(w), w, "DATE", value, None)
        for w, value in timexes or []
    ]
    return doc


def _quotes(nlp: Language, text: str, **kwargs: object) -> list[Quote]:
    return find_quotes(_doc(nlp, text, **kwargs))  # type: ignore[arg-type]


def _one(quotes: list[Quote], content_start: str) -> Quote:
    (found,) = [q for q in quotes if q.text.startswith(content_start)]
    return found


def test_quote_before_the_cue(base_nlp):
    text = "Maria Lopez runs the clinic.\n\n“We are running out of beds,” Lopez said on Monday."
    quote = _one(_quotes(base_nlp, text), "We are running")
    assert quote.text == "We are running out of beds"  # no marks, no trailing comma
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "said"
    assert text[quote.speaker_start : quote.speaker_end] == "Lopez"
    assert quote.id == f"d1:Q{quote.start}"


def test_cue_before_the_quote_with_a_colon_and_an_apposition(base_nlp):
    text = "John Carter, a doctor at the clinic, said: “We are running out of beds.”"
    quote = _one(_quotes(base_nlp, text), "We are running")
    assert quote.speaker == "John Carter"
    assert quote.cue is not None and quote.cue.text == "said"


def test_colon_after_a_name_is_a_cue(base_nlp):
    text = "The minister spoke first.\n\nJohn Carter: “We are running out of beds.”"
    quote = _one(_quotes(base_nlp, text), "We are running")
    assert quote.speaker == "John Carter"
    assert quote.cue is not None and quote.cue.text == ":"


def test_cue_inside_the_quote(base_nlp):
    text = "“We are running out of beds,” he said, “and nobody in the capital is listening.”"
    quotes = _quotes(base_nlp, text)
    first, second = _one(quotes, "We are"), _one(quotes, "and nobody")
    assert first.cue == second.cue
    assert first.cue is not None and first.cue.text == "said"
    assert (first.speaker_start, first.speaker_end) == (second.speaker_start, second.speaker_end)


def test_a_quote_resumed_after_a_participle_aside_to_its_cue(base_nlp):
    text = (
        "“Every time you say that,” Tester said, referring to the excuse, “you give ammunition "
        "to the people who want to break up the big banks.”"
    )
    quotes = _quotes(base_nlp, text)
    first, second = _one(quotes, "Every time"), _one(quotes, "you give")
    assert first.cue == second.cue and first.cue is not None and first.cue.text == "said"
    assert text[second.speaker_start : second.speaker_end] == "Tester"


def test_an_aside_cue_hung_on_an_auxiliary_reports_the_whole_clause(base_nlp):
    text = "These employees, Stumpf said, were well paid by the bank."
    quote = _one(_quotes(base_nlp, text), "These employees")
    assert quote.text.endswith("were well paid by the bank")
    assert text[quote.speaker_start : quote.speaker_end] == "Stumpf"


def test_the_case_someone_makes_is_what_they_said(base_nlp):
    text = "Stumpf tried on Tuesday to make the case that this was a few bad apples."
    quote = _one(_quotes(base_nlp, text), "that this was")
    assert quote.cue is not None and quote.cue.text == "make the case"
    assert text[quote.speaker_start : quote.speaker_end] == "Stumpf"
    assert not _quotes(base_nlp, "The company made a profit that year.")


def test_dash_name_after_the_quote(base_nlp):
    text = "“Stay home, stay safe, and wash your hands.” - Anthony Fauci"
    quote = _one(_quotes(base_nlp, text), "Stay home")
    assert quote.speaker == "Anthony Fauci"


def test_multi_paragraph_quote_and_its_speaker(base_nlp):
    text = (
        "Economist Anna Berg said the bank had waited too long.\n\n"
        "“Prices have risen for two years.\n\n"
        "“Wages have not kept up with them, and families are paying the price,” she said."
    )
    quote = _one(_quotes(base_nlp, text), "Prices have risen")
    assert quote.text.endswith("paying the price")
    assert "\n\n“Wages" in quote.text
    assert quote.speaker == "Anna Berg"


def test_speakerless_paragraph_continues_the_previous_speaker(base_nlp):
    text = (
        "The U.S. Embassy in Phnom Penh welcomed the statement. “The United States is pleased "
        "to see Cambodia join us,” it said.\n"
        "“The resolution was supported by most ASEAN nations.”\n"
        "Officials in Bangkok declined to comment."
    )
    quotes = _quotes(base_nlp, text)
    first, follow = _one(quotes, "The United States"), _one(quotes, "The resolution")
    assert first.speaker is not None and "Embassy" in first.speaker
    assert text[first.speaker_start : first.speaker_end] == "it"
    assert follow.speaker == first.speaker
    assert follow.cue is None
    assert not [q for q in quotes if q.text.startswith("Officials")]


def test_partial_quote_inside_reported_speech_is_mixed(base_nlp):
    text = (
        "Singaporean Foreign Minister Vivian Balakrishnan imposed sanctions on Russia, "
        "describing the attack on Ukraine as “an unprovoked military invasion.”"
    )
    quote = _one(_quotes(base_nlp, text), "the attack on Ukraine")
    assert quote.kind == "mixed"
    assert quote.text.endswith("an unprovoked military invasion.")
    assert quote.cue is not None and quote.cue.text == "describing"
    assert quote.speaker == "Vivian Balakrishnan"


def test_partial_quote_in_a_that_clause_makes_the_indirect_quote_mixed(base_nlp):
    text = "Hun Sen said that Cambodia must “protect the truth” at the United Nations."
    (quote,) = _quotes(base_nlp, text)
    assert quote.kind == "mixed"
    assert quote.text == "that Cambodia must “protect the truth” at the United Nations"


def test_reported_speech_with_a_that_clause(base_nlp):
    text = "Hun Sen announced that Cambodia would not support the referendum."
    (quote,) = _quotes(base_nlp, text)
    assert quote.kind == "indirect"
    assert quote.text == "that Cambodia would not support the referendum"
    assert quote.speaker == "Hun Sen"
    assert quote.cue is not None and quote.cue.text == "announced"


def test_according_to(base_nlp):
    text = (
        "More than 1 million Ukrainians have fled to neighboring countries, according to "
        "Filippo Grandi, the U.N. high commissioner for refugees."
    )
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == "More than 1 million Ukrainians have fled to neighboring countries"
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.speaker == "Filippo Grandi"


def test_according_to_as_an_aside_reports_the_sentence_around_it(base_nlp):
    text = "The new line, according to Filippo Grandi, would cost billions of dollars."
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == text.rstrip(".")
    assert quote.speaker == "Filippo Grandi"


def test_speech_verb_as_an_aside_reports_the_clause_it_interrupts(base_nlp):
    text = (
        "The change, Luis Eguiluz says, would enable humanitarian agencies to reach 1.2 million "
        "Nigerians."
    )
    (quote,) = _quotes(base_nlp, text)
    assert quote.text.startswith("The change")
    assert quote.text.endswith("reach 1.2 million Nigerians")
    assert quote.speaker == "Luis Eguiluz"


def test_an_aside_before_a_new_clause_reports_only_the_clause_before(base_nlp):
    text = (
        "Zamora's health was better while under house arrest, Caoilfhionn Gallagher said, but "
        "now his legal team is concerned about his health."
    )
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == "Zamora's health was better while under house arrest"
    assert quote.speaker == "Caoilfhionn Gallagher"


def test_a_report_in_front_of_another_is_not_part_of_it(base_nlp):
    text = (
        "Although Mauritius has said that the facilities are not for military use, they give "
        "India a foothold to monitor traffic in the western Indian Ocean, say analysts."
    )
    first, second = _quotes(base_nlp, text)
    assert first.text == "that the facilities are not for military use"
    assert first.speaker == "Mauritius"
    assert second.text.startswith("they give India a foothold")
    assert second.cue is not None and second.cue.text == "say"


def test_a_voiced_hope_or_concern_reports_its_that_clause(base_nlp):
    text = "Senator Jane Doe expressed hope that economic cooperation could resume soon."
    (quote,) = _quotes(base_nlp, text)
    assert quote.text.endswith("economic cooperation could resume soon")
    assert quote.speaker == "Jane Doe"
    assert quote.cue is not None and quote.cue.text == "expressed"


def test_nested_quotes_stay_one_quote(base_nlp):
    text = "“He told me ‘leave now’ and I left the village,” Amal Hassan said."
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == "He told me ‘leave now’ and I left the village"
    assert quote.speaker == "Amal Hassan"


def test_straight_marks(base_nlp):
    text = '"We will keep the border open," Interior Minister Sar Kheng said.'
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == "We will keep the border open"
    assert quote.speaker == "Sar Kheng"


@pytest.mark.parametrize(
    "text",
    [
        "He said “this never closes.\n\nThe next paragraph has none.",
        'Stray ” marks “ everywhere ” “ ” and " odd " ones “',
        "“",
        "",
    ],
)
def test_unpaired_marks_never_crash(base_nlp, text):
    quotes = _quotes(base_nlp, text)
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)


def test_scare_quotes_are_not_quotations(base_nlp):
    text = "In March, Cambodia voted to demand a stop to Russia’s “military operations” in Ukraine."
    assert _quotes(base_nlp, text) == []


def test_headline_line_does_not_swallow_the_next_sentence(base_nlp):
    text = (
        "SEE ALSO: UN Refugee Chief: 1 Million Have Fled Ukraine in Russian Invasion’s First "
        "WeekHun Sen, who has been prime minister since 1985, said that many countries were "
        "condemning the war in Ukraine."
    )
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == "that many countries were condemning the war in Ukraine"
    assert text[quote.speaker_start : quote.speaker_end] == "Hun Sen"


def test_addressee_channel_and_date_from_the_text(base_nlp):
    text = (
        "“We must condemn the country that invaded,” CNRP acting President Sam Rainsy told "
        "VOA Khmer late Wednesday in a telephone interview."
    )
    (quote,) = _quotes(base_nlp, text, timexes=[("late Wednesday", "2022-03-02")])
    assert quote.addressee == "VOA Khmer"
    assert quote.channel == "telephone interview"
    assert (quote.date, quote.date_basis) == ("2022-03-02", "text")


def test_date_falls_back_to_the_article_date(base_nlp):
    text = "“We do not support the use of force,” he said in an audio message."
    (quote,) = _quotes(base_nlp, text, published="2022-03-04T09:30:00")
    assert (quote.date, quote.date_basis) == ("2022-03-04", "published")
    assert quote.channel == "audio message"


def test_time_expression_of_another_clause_is_not_the_date_said(base_nlp):
    text = "Hun Sen, who has been prime minister since 1985, said that Cambodia would vote."
    (quote,) = _quotes(base_nlp, text, timexes=[("1985", "1985")])
    assert quote.date_basis == "published"


def test_pronoun_resolved_by_the_actors_stage(base_nlp):
    text = "The premier spoke to workers. “Ukraine cannot win by force alone,” he said."
    entities = [Entity("e-hun-sen", "Hun Sen", "PERSON", "KHM", "GOV")]
    mentions = [("The premier", "e-hun-sen", "nominal"), ("he", "e-hun-sen", "pronoun")]
    (quote,) = _quotes(base_nlp, text, entities=entities, mentions=mentions)
    assert quote.speaker == "Hun Sen"
    assert quote.speaker_entity_id == "e-hun-sen"
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_pronoun_without_a_mention_takes_the_previous_subject(base_nlp):
    text = (
        "Royal Academy of Cambodia secretary-general Yang Peou spoke on Monday.\n\n"
        "“The meeting is important,” he said."
    )
    (quote,) = _quotes(base_nlp, text)
    assert quote.speaker == "Yang Peou"


@pytest.mark.parametrize(
    "text",
    [
        "“The meeting is important,” he said.",
        "Yang Peou and Chum Sounry met on Monday. “The meeting is important,” he said.",
    ],
)
def test_unresolvable_pronoun_gives_no_speaker(base_nlp, text):
    (quote,) = _quotes(base_nlp, text)
    assert quote.speaker is None
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_component_writes_doc_quotes_and_survives_a_bad_doc(base_nlp):
    stage = QuotesStage(base_nlp, "storyline_quotes")
    doc = _doc(base_nlp, "“We will win,” Maria Lopez said.")
    assert stage(doc)._.quotes and doc._.quotes[0].speaker == "Maria Lopez"
    broken = _doc(base_nlp, "“We will win,” Maria Lopez said.")
    broken._.mentions = [object()]  # not a Mention: the stage records an error, no exception
    stage(broken)
    assert broken._.errors and broken._.errors[0][0] == "quotes"


def test_headline_with_a_name_and_a_colon(base_nlp):
    text = "Trump: Clinton email scandal disqualifies her\n\nThe candidate spoke in Ohio."
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == "Clinton email scandal disqualifies her"
    assert quote.speaker == "Trump"
    assert quote.cue is not None and quote.cue.text == ":"


def test_label_with_a_colon_is_not_a_speaker(base_nlp):
    text = "SEE ALSO: Refugee Chief Says One Million Have Fled\n\nThe talks went on."
    quotes = _quotes(base_nlp, text)
    assert not [q for q in quotes if q.cue is not None and q.cue.text == ":"]
    assert not [q for q in quotes if "talks" in q.text]  # never past the headline's line


def test_a_time_is_not_a_speaker(base_nlp):
    text = "9:30 p.m. Donald Trump says he may move to the South."
    (quote,) = _quotes(base_nlp, text)
    assert quote.speaker == "Donald Trump"


def test_short_opening_part_before_the_cue_joins_the_quote(base_nlp):
    text = "“To all the girls,” Halle Bond said, “own your magic and rock your truth.”"
    quotes = _quotes(base_nlp, text)
    first, second = _one(quotes, "To all the girls"), _one(quotes, "own your magic")
    assert first.cue == second.cue
    assert first.speaker == "Halle Bond"


def test_quote_inside_reported_speech_after_the_cue_is_mixed(base_nlp):
    text = (
        "Tom Barrett said that he is in favor of Trump because “we don’t need a policy wonk "
        "as president.”"
    )
    (quote,) = _quotes(base_nlp, text)
    assert quote.kind == "mixed"
    assert quote.text.startswith("that he is in favor of Trump because")


def test_a_dateline_is_not_a_speaker(base_nlp):
    text = "LONDON (AP) — Donald Trump said he was unlikely to get along with David Cameron."
    (quote,) = _quotes(base_nlp, text)
    assert quote.speaker == "Donald Trump"


def test_what_the_speaker_did_next_is_not_content(base_nlp):
    text = "Rubio said that he would not seek a recount, conceding the race to Clinton."
    (quote,) = _quotes(base_nlp, text)
    assert quote.text == "that he would not seek a recount"


HUN_SEN = [Entity("e-hun-sen", "Hun Sen", "PERSON", "KHM", "GOV")]


def test_quote_takes_the_day_of_the_speech_told_just_before(base_nlp):
    text = (
        "The premier shared his thoughts as he addressed 20,000 workers on June 14.\n\n"
        "“Ukraine cannot win by force alone,” he said."
    )
    (quote,) = _quotes(
        base_nlp,
        text,
        published="2023-06-15",
        entities=HUN_SEN,
        mentions=[("The premier", "e-hun-sen", "nominal")],
        timexes=[("June 14", "2023-06-14")],
    )
    assert quote.speaker == "Hun Sen"
    assert (quote.date, quote.date_basis) == ("2023-06-14", "text")


@pytest.mark.parametrize(
    "before",
    [
        # no speaking occasion: a date of something else the speaker did
        "Hun Sen visited a factory on June 14.",
        # another person's speech
        "Yang Peou addressed the workers on June 14.",
        # a date that is no day
        "Hun Sen addressed the workers in June.",
    ],
)
def test_quote_keeps_the_article_date_without_the_speakers_dated_occasion(base_nlp, before):
    text = f"{before} “Ukraine cannot win by force alone,” Hun Sen said."
    value = "2023-06" if "in June" in before else "2023-06-14"
    when = "June" if "in June" in before else "June 14"
    entities = [*HUN_SEN, Entity("e-yang", "Yang Peou", "PERSON", "KHM", None)]
    mentions = [("Hun Sen", "e-hun-sen", "name")]
    if "Yang" in before:
        mentions = [("Yang Peou", "e-yang", "name")]
    (quote,) = _quotes(
        base_nlp,
        text,
        published="2023-06-15",
        entities=entities,
        mentions=mentions,
        timexes=[(when, value)],
    )
    assert (quote.date, quote.date_basis) == ("2023-06-15", "published")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "China expressed concern about heightened tensions on the Korean Peninsula.",
            "heightened tensions on the Korean Peninsula",
            "expressed",
        ),
        (
            "Ankara is warning Washington of severe consequences if it turns to Moscow.",
            "severe consequences",
            "warning",
        ),
        # what one is told or vows to do
        (
            "The governor told council members to draft regulations to ban the trade.",
            "to draft regulations to ban the trade",
            "told",
        ),
        (
            "The Taliban threatened to break their cease-fire with international forces.",
            "to break their cease-fire with international forces",
            "threatened",
        ),
        # what someone is called or charged with, with its object
        (
            "Nebenzia dismissed the panel's findings as controlled and directed by the West.",
            "the panel's findings as controlled and directed by the West",
            "dismissed",
        ),
        (
            "Afghan officials accused the Taliban of plotting the attack on the school.",
            "the Taliban of plotting the attack on the school",
            "accused",
        ),
    ],
)
def test_speech_acts_whose_content_is_no_clause(base_nlp, text, content, cue):
    quote = _one(_quotes(base_nlp, text), content)
    assert (quote.text, quote.kind, quote.cue.text if quote.cue else None) == (
        content,
        "indirect",
        cue,
    )


def test_a_voiced_feeling_of_no_stance_is_no_quote(base_nlp):
    assert _quotes(base_nlp, "He expressed his gratitude to the people of Kenya.") == []


def test_a_finding_is_what_the_finder_says(base_nlp):
    text = "A U.N. panel has determined that the detention of the journalist is arbitrary."
    quote = _one(_quotes(base_nlp, text), "that the detention")
    assert quote.kind == "indirect"
    assert quote.cue is not None and quote.cue.text == "determined"
