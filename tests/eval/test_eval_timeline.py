"""The timeline scorer: date F1 and concat / agreement / align ROUGE, and the gold readers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval.timeline import (
    from_entries,
    read_open_tls,
    read_tilse,
    report,
    rouge_n,
    score_timeline,
    shift,
)
from storyline.records import TimelineEntry

GOLD = [
    (date(2022, 2, 24), ["Russian troops invade Ukraine ."]),
    (date(2022, 3, 2), ["The UN General Assembly votes to condemn the invasion ."]),
    (date(2022, 10, 27), ["Hun Sen announces a phone call with Zelenskyy ."]),
]


def test_gold_against_itself_scores_one():
    scores = score_timeline(GOLD, GOLD)
    for metric in ("date", "concat_rouge1", "concat_rouge2", "agreement_rouge1", "align_rouge2"):
        assert scores[metric]["f1"] == pytest.approx(1.0), metric


def test_shifted_date_lowers_date_f1_and_agreement_but_not_concat():
    moved = [(d, s) if i != 1 else (date(2022, 3, 3), s) for i, (d, s) in enumerate(GOLD)]
    scores = score_timeline(moved, GOLD)
    assert scores["date"]["f1"] == pytest.approx(2 / 3)
    assert scores["concat_rouge1"]["f1"] == pytest.approx(1.0)
    assert scores["agreement_rouge1"]["f1"] < 1.0
    # One day off keeps half the credit of that date's words under alignment.
    assert scores["agreement_rouge1"]["f1"] < scores["align_rouge1"]["f1"] < 1.0
    far = score_timeline(shift(GOLD, 30), GOLD)
    assert far["date"]["f1"] == 0.0
    assert far["align_rouge1"]["f1"] < scores["align_rouge1"]["f1"]


def test_rouge_counts_clipped_ngrams():
    r = rouge_n(["the cat the cat"], ["the cat sat"], 1)
    assert r["precision"] == pytest.approx(2 / 4) and r["recall"] == pytest.approx(2 / 3)
    assert rouge_n(["a b"], ["c d"], 2)["f1"] == 0.0


def test_read_tilse_and_open_tls(tmp_path: Path):
    tilse = tmp_path / "t.txt"
    tilse.write_text(
        "2011-01-25\nProtests begin .\n--------------------------------\n"
        "2011-01-28\nFirst .\nSecond .\n--------------------------------\n",
        encoding="utf-8",
    )
    assert read_tilse(tilse) == [
        (date(2011, 1, 25), ["Protests begin ."]),
        (date(2011, 1, 28), ["First .", "Second ."]),
    ]
    jsonl = tmp_path / "timelines.jsonl"
    jsonl.write_text(
        '[["2022-02-24T00:00:00", ["a"]], ["2023-05T00:00:00", ["b"]], '
        '["2022-04-03 T00:00:00", ["c"]]]\n',
        encoding="utf-8",
    )
    (timeline,) = read_open_tls(jsonl)
    assert [d for d, _ in timeline] == [date(2022, 2, 24), date(2022, 4, 3), date(2023, 5, 1)]
    bad = tmp_path / "bad.txt"
    bad.write_text("no date here\n", encoding="utf-8")
    with pytest.raises(EvalError):
        read_tilse(bad)


def test_storyline_entries_convert_to_scorer_form():
    entries = [
        TimelineEntry(None, "2022-03", "month", "h", "Cambodia voted.", [], []),
        TimelineEntry(None, "2022-02-24", "day", "h", "Russia invaded.", [], []),
    ]
    assert from_entries(entries) == [
        (date(2022, 2, 24), ["Russia invaded."]),
        (date(2022, 3, 1), ["Cambodia voted."]),
    ]


def test_evaluate_on_a_shared_gold_topic(shared_data, settings):
    from storyline.eval.timeline import evaluate

    folder = shared_data / "tls" / "t17-crisis-gold-timelines" / "crisis" / "egypt"
    if not folder.exists():
        pytest.skip(f"{folder} not found")
    scores = evaluate(folder, settings)
    assert scores["timelines"] >= 2
    assert scores["itself"]["date"] == pytest.approx(1.0)
    assert scores["shifted_one_day"]["date"] < 1.0
    assert 0.0 < scores["across_outlets"]["concat_rouge1"] < 1.0
    assert "against itself" in report(scores)
