"""Fit the events stage's confidence calibration on the tune half of the article-level gold.

Reads: the article-level gold (``articles-gold/voa``, its ``tune`` part only: the held-out part is for
reporting) and the texts it annotates. Writes: ``resources/events/calibration.json``, the isotonic
fit of "the event's type was right" (matched one to one by sentence and type, as ``eval articles``
scores it) against the stage's raw score. Run by ``make train``:
``python -m storyline.eval.calibrate --data ../shared/data``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from sklearn.isotonic import IsotonicRegression

from storyline.eval.articles import (
    GoldArticle,
    Prediction,
    in_part,
    load_gold,
    run_pipeline,
    type_matched,
)
from storyline.settings import Settings, load_settings
from storyline.stages.events.calibration import RESOURCE

#: Pseudo-counts pulling each fitted precision toward the overall one (few events per score).
PRIOR_WEIGHT = 2.0


def scored_events(articles: Sequence[GoldArticle], settings: Settings) -> list[tuple[float, bool]]:
    """(raw confidence, type right) of every event the uncalibrated pipeline emits."""
    from storyline.pipeline import build_nlp

    # every event, whatever its score: the fit must see the low scores the threshold is set on
    settings = settings.replace(events={"min_confidence": 0.0})
    nlp = build_nlp(settings)
    if "storyline_events" in nlp.pipe_names:
        nlp.get_pipe("storyline_events").calibration = None  # type: ignore[attr-defined]
    predictions: list[Prediction] = run_pipeline([[a] for a in articles], settings, nlp=nlp)
    out: list[tuple[float, bool]] = []
    for gold, prediction in zip(articles, predictions, strict=True):
        right = type_matched(gold, prediction)
        out += [(e.confidence, i in right) for i, e in enumerate(prediction.events)]
    return out


def fit(samples: Iterable[tuple[float, bool]]) -> dict[str, list[float]]:
    """The monotone precision of each distinct raw score, smoothed toward the overall precision."""
    pairs = sorted(samples)
    if not pairs:
        return {"raw": [], "precision": []}
    overall = sum(ok for _, ok in pairs) / len(pairs)
    by_score: dict[float, list[bool]] = {}
    for raw, ok in pairs:
        by_score.setdefault(raw, []).append(ok)
    xs = sorted(by_score)
    ys = [
        (sum(by_score[x]) + PRIOR_WEIGHT * overall) / (len(by_score[x]) + PRIOR_WEIGHT) for x in xs
    ]
    weights = [len(by_score[x]) + PRIOR_WEIGHT for x in xs]
    fitted = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(
        xs, ys, sample_weight=weights
    )
    return {
        "raw": [round(float(x), 4) for x in xs],
        "precision": [round(float(y), 4) for y in fitted.predict(xs)],
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=RESOURCE)
    args = parser.parse_args(argv)
    articles = [a for a in load_gold(args.data / "articles-gold" / "voa") if in_part(a.id, "tune")]
    samples = scored_events(articles, load_settings(None))
    table = fit(samples)
    table_doc = {
        "about": "events.raw_confidence -> share of events with the right type, isotonic fit on "
        f"the tune half of articles-gold/voa ({len(articles)} articles, {len(samples)} events); "
        "made by python -m storyline.eval.calibrate",
        **table,
    }
    args.out.write_text(json.dumps(table_doc, indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(table['raw'])} points from {len(samples)} events")


if __name__ == "__main__":
    main()
