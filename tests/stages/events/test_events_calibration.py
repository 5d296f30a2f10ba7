"""The confidence calibration: a monotone map from raw scores to measured precision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import ModelError
from storyline.eval.calibrate import fit
from storyline.stages.events.calibration import Calibration, load_calibration, read_calibration


def test_a_raw_score_maps_to_the_precision_between_fitted_points() -> None:
    table = Calibration((0.5, 0.7, 0.9), (0.4, 0.6, 0.9))
    assert table.precision(0.5) == 0.4
    assert table.precision(0.6) == 0.5
    assert table.precision(0.2) == 0.4 and table.precision(0.99) == 0.9
    assert Calibration((), ()).precision(0.73) == 0.73  # no table: the raw score


def test_the_fit_is_monotone_and_pulled_toward_the_overall_precision() -> None:
    samples = [(0.5, False)] * 6 + [(0.6, True), (0.6, False)] + [(0.7, True)] * 3 + [(0.8, False)]
    table = fit(samples)
    assert table["raw"] == [0.5, 0.6, 0.7, 0.8]
    ys = table["precision"]
    assert ys == sorted(ys)  # a higher raw score never means a lower confidence
    overall = 4 / 12
    assert 0 < ys[0] < overall < ys[-1] < 1  # six misses are not "never right"


def test_a_broken_table_says_how_to_rebuild_it(tmp_path: Path) -> None:
    bad = tmp_path / "calibration.json"
    bad.write_text(json.dumps({"raw": [0.7, 0.5], "precision": [0.1, 0.2]}))
    with pytest.raises(ModelError, match="ascending"):
        read_calibration(bad)
    bad.write_text("{")
    with pytest.raises(ModelError, match="make train"):
        read_calibration(bad)


def test_the_shipped_table_is_monotone() -> None:
    table = load_calibration()
    assert list(table.ys) == sorted(table.ys)
    assert all(0.0 <= y <= 1.0 for y in table.ys)


@pytest.mark.slow
def test_the_fit_sees_the_events_the_threshold_would_leave_out() -> None:
    """The calibration is fitted on every event, whatever the emitting threshold: fitted only on
    those above it, low raw scores clip to the lowest fitted precision and pass the threshold."""
    from storyline.eval.articles import GoldArticle
    from storyline.eval.calibrate import scored_events
    from storyline.settings import load_settings

    text = (
        "Russia attacked Ukraine on Monday. The ministry said the visit could help ties. "
        "Analysts doubt that China would mediate."
    )
    article = GoldArticle("a1", "2025-03-12", None, text)
    strict = load_settings(None).replace(events={"min_confidence": 0.99})
    scores = [raw for raw, _ in scored_events([article], strict)]
    assert scores and min(scores) < 0.99
