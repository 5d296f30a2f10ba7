"""The actors scorer: reading PLOVER gold actors, the scores, and the quality gate on a fixed sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.eval import actors as ev

FLOORS = Path(__file__).resolve().parents[1] / "quality_floors.json"
GATE_STEP = 4  # every 4th gold record: 81 sentences, ~160 actors


def test_gold_actors_normalize_codes_and_sectors() -> None:
    record = {
        "text": "Japanese troops and Albanian rebels clashed.",
        "source": [{"actorText": "Japanese troops", "code": "JAP", "sector": "MIL"}],
        "target": [
            {"actorText": "Albanian rebels", "code": "ALB", "sector": "REBalb"},
            {"actorText": "nobody"},
        ],
    }
    assert ev.gold_actors(record) == [
        ("source", "Japanese troops", "JPN", "MIL"),
        ("target", "Albanian rebels", "ALB", "REB"),
        ("target", "nobody", None, None),
    ]
    assert ev.find_text(record["text"], "albanian rebels") == (20, 35)
    assert ev.find_text(record["text"], "Kosovo") is None


def test_load_gold_skips_the_document_header(tmp_path: Path) -> None:
    path = tmp_path / ev.GOLD_FILE
    path.write_text(json.dumps([{"id": "DOCUMENT"}, {"id": "x", "text": "Iraq protested."}]))
    assert [r["id"] for r in ev.load_gold(tmp_path)] == ["x"]
    path.write_text("{}")
    with pytest.raises(ev.EvalError):
        ev.load_gold(path)


@pytest.mark.slow
def test_score_counts_right_and_wrong_codes(nlp: Language) -> None:
    records = [
        {
            "text": "Russian troops shelled the town.",
            "source": [{"actorText": "Russian troops", "code": "RUS", "sector": "MIL"}],
        },
        {"text": "Iraq protested.", "source": [{"actorText": "Iraq", "code": "FRA"}]},
    ]
    scores = ev.score(records, nlp)
    assert scores["country_accuracy"] == 0.5
    assert scores["sector_accuracy"] == 1.0
    assert "country accuracy: 0.500" in ev.report(scores)


@pytest.mark.slow
@pytest.mark.gold
def test_quality_gate_on_plover_gold_actors(nlp: Language, shared_data: Path) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    records = ev.load_gold(shared_data / "events" / "plover-gsr")[::GATE_STEP]
    scores = ev.score(records, nlp)
    assert scores["country_accuracy"] >= floors["actors.plover_sample.country_accuracy"]
    assert scores["sector_accuracy"] >= floors["actors.plover_sample.sector_accuracy"]


def test_split_is_fixed_by_sentence_and_holds_out_about_a_third() -> None:
    records = [{"id": str(i), "text": f"Sentence number {i} about Iraq."} for i in range(300)]
    parts = ev.split([*records, dict(records[0], id="again")])
    assert sorted(parts) == ["heldout", "tune"]
    assert 60 <= len(parts["heldout"]) <= 120
    first = ev.part_of(records[0]["text"])
    assert [r["id"] for r in parts[first] if r["text"] == records[0]["text"]] == ["0", "again"]
    assert ev.part_of("Iraq protested.") == ev.part_of("Iraq protested.")


def test_report_puts_the_held_out_part_first() -> None:
    base = {
        "records": 3,
        "actors_scored_country": 4,
        "actors_scored_sector": 4,
        "country_accuracy": 0.5,
        "sector_accuracy": 0.25,
        "no_actor_found": 0,
        "actor_text_not_in_sentence": 0,
        "sector_uncoded_in_gold": 0,
        "sector_confusion": [],
        "country_misses": [],
    }
    text = ev.report(dict(base, tune=dict(base, records=7, country_accuracy=0.75)))
    assert "| **held out** | 3 | **0.500** | **0.250** |" in text
    assert "| tune | 7 | 0.750 | 0.250 |" in text


def test_find_text_prefers_a_whole_word() -> None:
    text = "Thousands of Iraqi Kurds called for independence from Iraq."
    assert ev.find_text(text, "Iraq") == (text.rindex("Iraq"), text.rindex("Iraq") + 4)
    assert ev.find_text(text, "iraqi kurds") == (13, 24)
    assert ev.find_text("Iraqis protested.", "Iraq") == (0, 4)  # no whole word: first occurrence
