"""The timex stage's cost relative to the spaCy model alone, on news text.

Run by hand: ``.venv/bin/python benchmarks/timex_speed.py [examples/voa-2025/voa_stories.jsonl]``.
Parses every article once with the spaCy model (timed), then runs the timex stage's work on the
parsed docs (timed), best of three rounds each, and prints both and their ratio.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from storyline.pipeline import build_nlp
from storyline.settings import load_settings
from storyline.stages.timex import find_timexes


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/voa-2025/voa_stories.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    texts = [r["text"] for r in rows]
    dates = [r.get("published") for r in rows]
    nlp = build_nlp(load_settings(None).replace(pipeline={"stages": []}))
    list(nlp.pipe(texts[:5]))  # warm up
    model_times, stage_times = [], []
    n_timexes = 0
    for _ in range(3):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        model_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        n_timexes = sum(len(find_timexes(doc, d, "")) for doc, d in zip(docs, dates, strict=True))
        stage_times.append(time.perf_counter() - start)
    words = sum(len(doc) for doc in docs)
    model, stage = min(model_times), min(stage_times)
    print(f"{len(texts)} articles, {words:,} tokens, {n_timexes} timexes")
    print(f"spaCy model alone: {model:.2f} s ({words / model:,.0f} tokens/s)")
    print(f"timex stage:       {stage:.3f} s ({stage / model:.1%} of the model's time)")


if __name__ == "__main__":
    main()
