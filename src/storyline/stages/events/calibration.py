"""Calibrated event confidence: the raw score of an event mapped to the precision measured for it.

Reads: ``resources/events/calibration.json``, written by ``python -m storyline.eval.calibrate``
(``make train``): an isotonic (monotone) fit of "the event's type was right" against the raw score
(``events.raw_confidence``) over the tune half of the article-level gold. Writes nothing.

A confidence of 0.8 then means: of the tune half's events with this raw score, about 80% had the
right type; ``make eval`` prints the precision of each threshold on the held-out half, which is what
a user keeping events above a threshold should expect.
"""

from __future__ import annotations

import bisect
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import ModelError

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "events" / "calibration.json"


@dataclass(frozen=True, slots=True)
class Calibration:
    """A monotone step function: raw scores ``xs`` (ascending) and their precisions ``ys``."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def precision(self, raw: float) -> float:
        """The calibrated confidence of a raw score (linear between the fitted points, the end
        values beyond them), rounded to three places."""
        if not self.xs:
            return raw
        i = bisect.bisect_left(self.xs, raw)
        if i == 0:
            return round(self.ys[0], 3)
        if i >= len(self.xs):
            return round(self.ys[-1], 3)
        x0, x1, y0, y1 = self.xs[i - 1], self.xs[i], self.ys[i - 1], self.ys[i]
        share = (raw - x0) / (x1 - x0) if x1 > x0 else 1.0
        return round(y0 + share * (y1 - y0), 3)


def read_calibration(path: Path) -> Calibration:
    """The calibration table at ``path``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        xs, ys = tuple(float(x) for x in data["raw"]), tuple(float(y) for y in data["precision"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ModelError(
            f"cannot read the event calibration {path}: {err}; rebuild it with `make train`"
        ) from err
    if len(xs) != len(ys) or list(xs) != sorted(xs):
        raise ModelError(f"{path}: raw scores must be ascending, one precision each")
    return Calibration(xs, ys)


@functools.cache
def load_calibration() -> Calibration:
    """The shipped calibration table (read once per process)."""
    return read_calibration(RESOURCE)


__all__ = ["RESOURCE", "Calibration", "load_calibration", "read_calibration"]
