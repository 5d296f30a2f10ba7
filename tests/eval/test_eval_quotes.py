"""The PolNeAR quotes scorer, on a hand-made brat split, and the quality gate on dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.errors import EvalError
from storyline.eval.quotes import (
    GoldAttribution,
    Predicted,
    _match,
    evaluate,
    gold_name,
    has_name,
    load_split,
    read_ann,
    report,
    same_name,
)
from storyline.settings import Settings

FLOORS = Path(__file__).resolve().parents[1] / "quality_floors.json"

TEXT = (
    "A headline\n\n"
    "“We will win,” Maria Lopez said. Experts think the plan fails.\n"
    "Maria Lopez told reporters that the border would stay open.\n"
)


def _ann(text: str, role: str, words: str, n: int) -> str:
    start = text.index(words)
    return f"T{n}\t{role} {start} {start + len(words)}\t{words}"


@pytest.fixture()
def split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    lines = [
        _ann(TEXT, "Content", "“We will win,”", 1),
        _ann(TEXT, "Source", "Maria Lopez", 2),
        _ann(TEXT, "Cue", "said", 3),
        "E1\tAttribution:T9 Content:T1 Cue:T3 Source:T2",
        _ann(TEXT, "Source", "Experts", 4),
        _ann(TEXT, "Cue", "think", 5),
        _ann(TEXT, "Content", "the plan fails", 6),
        "E2\tAttribution:T10 Content:T6 Cue:T5 Source:T4",
    ]
    (tmp_path / "attributions" / "doc1_a1.ann").write_text("\n".join(lines), encoding="utf-8")
    # a second annotator, sorting later: ignored
    (tmp_path / "attributions" / "doc1_b2.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_read_ann_joins_fragments_and_roles(tmp_path):
    ann = tmp_path / "x.ann"
    ann.write_text(
        "T1\tContent 10 20;30 40\tab\nT2\tCue 21 25\tsaid\nT3\tAttribution-no-source 21 25\tx\n"
        "E1\tAttribution-no-source:T3 Content:T1 Cue:T2\n",
        encoding="utf-8",
    )
    assert read_ann(ann) == [((10, 40), (21, 25), None)]


def test_exact_and_overlap_matching():
    text = "“We will win,” she said."
    gold = [GoldAttribution(0, 14, None, None, speech=True)]
    exact = [Predicted(1, 12, None, None, None)]  # without marks and comma: same after trimming
    part = [Predicted(4, 12, None, None, None)]
    assert _match(text, gold, exact, exact=True) == {0: 0}
    assert _match(text, gold, part, exact=True) == {}
    assert _match(text, gold, part, exact=False) == {0: 0}


def test_not_a_split_folder_raises(tmp_path):
    with pytest.raises(EvalError, match="text/ and attributions/"):
        load_split(tmp_path)


def test_gold_name_is_the_proper_name_heading_the_source(nlp: Language) -> None:
    text = "Campaign manager Robby Mook said it. He said so. Trump's spokesman said no."
    doc = nlp(text)

    def name(words: str) -> str | None:
        start = text.index(words)
        return gold_name(doc, (start, start + len(words)))

    assert name("Campaign manager Robby Mook") == "mook"
    assert name("He") is None
    assert name("Trump's spokesman") is None


def test_same_name_allows_suffixes_and_initials() -> None:
    assert same_name("Brent Bozell III", "bozell") and same_name("Hillary Clinton", "clinton")
    assert same_name("Associated Press", "ap")
    assert not same_name("Ted Cruz Hints Trump", "cruz") and not same_name(None, "cruz")


def test_has_name_wants_a_capitalized_last_word() -> None:
    assert has_name("Hillary Clinton") and has_name("FBI")
    assert not has_name("he") and not has_name("Iraqi officials") and not has_name(None)


@pytest.mark.slow
def test_evaluate_scores_speech_and_all(split: Path, settings: Settings):
    scores = evaluate(split, settings)
    assert scores["documents"] == 1
    assert (scores["gold_all"], scores["gold_speech"]) == (2, 1)
    # "We will win" is found and attributed; "the plan fails" (think) is not a speech cue; the
    # "told reporters that …" quote has no gold attribution here, so it counts against precision
    assert scores["speech_overlap"]["recall"] == 1.0
    assert scores["speech_exact"]["recall"] == 1.0
    assert scores["speech_speaker_accuracy"] == 1.0
    assert (scores["speech_by_name"], scores["speech_by_name_n"]) == (1.0, 1)
    assert scores["all_overlap"]["recall"] == 0.5
    assert scores["speech_overlap"]["precision"] == 0.5
    assert "| speech | overlap |" in report(scores)


@pytest.mark.slow
@pytest.mark.gold
def test_quality_gate_on_polnear_dev_sample(shared_data: Path, settings: Settings):
    dev = shared_data / "quotes" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip(f"PolNeAR dev split not found at {dev}")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    scores = evaluate(dev, settings, limit=15)
    assert scores["speech_overlap"]["f1"] >= floors["quotes.speech_overlap_f1"]
    assert scores["speech_speaker_accuracy"] >= floors["quotes.speech_speaker_accuracy"]
