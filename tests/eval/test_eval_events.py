"""The events scorer: reading PLV and GSR gold, matching events to marks, the scores, and the quality
gate on a fixed held-out sample."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.eval import events as ev
from storyline.records import Actor, Event, EventDate, Span
from storyline.settings import Settings

FLOORS = Path(__file__).resolve().parents[1] / "quality_floors.json"
GATE_SIZE = 60


def event(
    etype: str,
    source: tuple[int, int],
    target: tuple[int, int] | None = None,
    modality: str = "asserted",
    confidence: float = 0.5,
) -> Event:
    def actor(span: tuple[int, int]) -> Actor:
        return Actor(None, "x", None, None, span[0], span[1])

    return Event(
        id=f"d:V{source[0]}",
        doc_id="d",
        type=etype,
        mode=None,
        modality=modality,  # type: ignore[arg-type]
        source=[actor(source)],
        target=[actor(target)] if target else [],
        date=EventDate("2022", "published"),
        location=None,
        sentence=Span(0, 10, "x"),
        trigger=Span(0, 1, "x"),
        quote_id=None,
        confidence=confidence,
    )


def test_unmark_finds_source_and_target_ranges() -> None:
    text, source, target = ev._unmark("On Monday, <s>Israel</s> attacked <t>Gaza</t> again.")
    assert text == "On Monday, Israel attacked Gaza again."
    assert source is not None and text[source[0] : source[1]] == "Israel"
    assert target is not None and text[target[0] : target[1]] == "Gaza"


def test_split_is_fixed_and_ignores_case_and_punctuation() -> None:
    assert ev.split_of("Israel attacked Gaza.") == ev.split_of("israel attacked gaza")
    splits = {ev.split_of(f"sentence number {i}") for i in range(50)}
    assert splits == {"dev", "tune"}


def test_pick_prefers_the_event_between_both_marks() -> None:
    case = ev.Case("Israel attacked Gaza and Egypt met Israel.", (0, 6), (16, 20), "ASSAULT")
    both = event("ASSAULT", (0, 6), (16, 20), confidence=0.4)
    source_only = event("CONSULT", (0, 6), None, confidence=0.9)
    elsewhere = event("CONSULT", (25, 30), None)
    assert ev.pick([source_only, both, elsewhere], case) is both
    assert ev.pick([elsewhere], case) is None


def test_pick_matches_an_actor_by_entity_id() -> None:
    case = ev.Case("The army said it shelled the town.", (0, 8), None, "ASSAULT")
    resolved = dataclasses.replace(
        event("ASSAULT", (14, 16)), source=[Actor("army", "army", None, None, 14, 16)]
    )
    assert ev.pick([resolved], case) is None
    assert ev.pick([resolved], case, source_ids=frozenset({"army"})) is resolved


def test_gold_type_maps_modality_into_plv_convention() -> None:
    assert ev.gold_type(event("CONSULT", (0, 1), modality="planned"), ev.PLV_NAMES) == "AGREE"
    assert ev.gold_type(event("RETREAT", (0, 1), modality="negated"), ev.PLV_NAMES) == "REJECT"
    assert ev.gold_type(event("RETREAT", (0, 1)), ev.PLV_NAMES) == "YIELD"
    assert ev.gold_type(event("ASSAULT", (0, 1), modality="planned"), ev.PLV_NAMES) == "THREATEN"
    assert ev.gold_type(event("ASSAULT", (0, 1), modality="reported"), ev.PLV_NAMES) == "ASSAULT"


def test_scores_per_type_macro_and_accuracy() -> None:
    pairs = [("ASSAULT", "ASSAULT")] * 8 + [("ASSAULT", ev.NONE)] * 2 + [("AID", "ASSAULT")]
    scores = ev.scores_of(pairs, min_support=1)
    assault = scores["per_type"]["ASSAULT"]
    assert assault["precision"] == pytest.approx(8 / 9)
    assert assault["recall"] == pytest.approx(8 / 10)
    assert scores["per_type"]["AID"]["f1"] == 0.0
    assert scores["macro_f1"] == pytest.approx((2 * (8 / 9) * 0.8 / (8 / 9 + 0.8)) / 2)
    assert scores["accuracy"] == pytest.approx(8 / 11)
    assert ev.scores_of(pairs)["macro_types"] == ["ASSAULT"]  # only types with >= 10 cases


def test_report_is_a_markdown_table() -> None:
    scores = {"data": "x.tsv", "kind": "plv", "dev": ev.scores_of([("AID", "AID")], 1)}
    text = ev.report(scores)
    assert "| AID | 1.000 | 1.000 | 1.000 | 1 | 1 |" in text
    assert "macro-F1 1.000" in text


def test_read_gsr_maps_early_plover_names(tmp_path: Path) -> None:
    records = [
        {"DOCUMENT": "licence"},
        {
            "event": "DEMAND",
            "text": "Israel demanded that Egypt act.",
            "source": [{"actorText": "Israel"}],
            "target": [{"actorText": "Egypt"}],
        },
        {"event": "FIGHT", "text": "Rebels fought troops.", "source": {"actorText": "Rebels"}},
    ]
    path = tmp_path / "PLOVER_GSR_CAMEO.txt"
    path.write_text(json.dumps(records), encoding="utf-8")
    cases = ev.read_gsr(tmp_path)
    assert [c.gold for c in cases] == ["REQUEST", "ASSAULT"]
    assert cases[0].source == (0, 6) and cases[0].target == (21, 26)
    assert ev._is_gsr(path) and ev._is_gsr(tmp_path)


@pytest.mark.slow
@pytest.mark.gold
def test_quality_gate_on_held_out_plv_sample(
    shared_data: Path, settings: Settings, nlp: Language
) -> None:
    plv = shared_data / "events" / "plv-zsp" / "PLV_train.tsv"
    if not plv.exists():
        pytest.skip(f"{plv} is not in the shared data")
    cases = ev.dev_cases(plv)
    sample = cases[:: max(1, len(cases) // GATE_SIZE)][:GATE_SIZE]
    predicted = ev.predict(sample, settings, ev.PLV_NAMES, nlp=nlp)
    scores = ev.scores_of([(c.gold, p) for c, p in zip(sample, predicted, strict=True)], 3)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert scores["accuracy"] >= floors["events.plv_dev60.accuracy"]
    assert scores["macro_f1"] >= floors["events.plv_dev60.macro_f1"]
