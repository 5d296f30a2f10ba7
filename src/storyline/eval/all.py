"""``make eval``: score every stage on the public gold data and write the numbers to a Markdown file.

Reads: the shared data folder. Writes: the results file (committed with the code).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import subprocess
import sys
import time
from pathlib import Path

from storyline.errors import StorylineError
from storyline.settings import load_settings

#: The prefix of a suite path inside the project (run from its root) instead of the shared data.
PROJECT = "project:"
#: (title, eval module, path inside the shared data folder, or PROJECT + a path in the project)
SUITES: tuple[tuple[str, str, str], ...] = (
    (
        "Time expressions — TempEval-3 training data (TimeBank + AQUAINT), ARTime-corrected values",
        "timex",
        "timex/artime_corrected/tbaq_corrected",
    ),
    (
        "Time expressions — TempEval-3 training data as released (tbaq_cleaned)",
        "timex",
        "timex/tbaq_cleaned",
    ),
    ("Time expressions — WikiWars", "timex", "timex/wikiwars"),
    (
        "Time expressions — tweets (ARTime-corrected values)",
        "timex",
        "timex/artime_corrected/tweets_modified_train",
    ),
    ("Quotes — PolNeAR train", "quotes", "quotes/polnear/train"),
    ("Quotes — PolNeAR dev", "quotes", "quotes/polnear/dev"),
    ("Actors — PLOVER GSR source and target actors", "actors", "events/plover-gsr"),
    ("Events — PLV sentences (end to end)", "events", "events/plv-zsp/PLV_train.tsv"),
    ("Events — PLOVER GSR records", "events", "events/plover-gsr"),
    ("HTML reader — article extraction benchmark", "ingest", "ingest/article-extraction-benchmark"),
    ("Timelines — gold timelines (scorer sanity check)", "timeline", "tls"),
    (
        "Articles — VOA article-level gold (events, actors, dates, places, quotes)",
        "articles",
        "articles-gold/voa",
    ),
    (
        "Stories — VOA multi-article stories (story events, stories)",
        "stories",
        "articles-gold/stories",
    ),
    (
        "Articles — six more VOA articles annotated for the project (second development set)",
        "articles",
        f"{PROJECT}eval/gold/voa-extra",
    ),
    (
        "Articles — eight more VOA articles annotated for the project (third development set)",
        "articles",
        f"{PROJECT}eval/gold/voa-check",
    ),
    (
        "Articles — eight VOA articles kept as an independent check (read as a whole only)",
        "articles",
        f"{PROJECT}eval/gold/voa-check2",
    ),
)


def _commit() -> str:
    """The short commit, with " + local changes" when tracked files differ from it."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "unknown"
    commit = out.stdout.strip() or "unknown"
    return f"{commit} + local changes" if dirty.stdout.strip() else commit


def split_sections(text: str) -> tuple[str, dict[str, str]]:
    """The header of a results file and its sections by suite title (each section's text from its
    ``## title`` line up to the next suite's)."""
    titles = {f"## {title}": title for title, _, _ in SUITES}
    header: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = header
    for line in text.splitlines():
        if line.rstrip() in titles:
            current = sections.setdefault(titles[line.rstrip()], [])
        current.append(line)
    return "\n".join(header).rstrip(), {k: "\n".join(v).rstrip() for k, v in sections.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, required=True, help="the Markdown results file")
    parser.add_argument("--only", nargs="*", help="eval modules to run (default: all)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"error: {args.data} is not a folder; pass --data or set SHARED_DATA", file=sys.stderr
        )
        return 1
    settings = load_settings()
    commit = _commit()
    today = dt.date.today().isoformat()
    old_header = ""
    old_sections: dict[str, str] = {}
    if args.only and args.out.exists():
        old_header, old_sections = split_sections(args.out.read_text(encoding="utf-8"))
    header = [
        "# Evaluation results",
        "",
        f"Written by `make eval` on {today} at commit {commit}, "
        f"model `{settings.model.name}`. Every number below was measured by the scorers in "
        "`src/storyline/eval/` on the public gold data; nothing is copied by hand.",
    ]
    if old_sections:
        # Only some suites run: keep the other sections as they were, and say so.
        kept = [line for line in old_header.splitlines() if not line.startswith("Sections of ")]
        header = [
            *"\n".join(kept).rstrip().splitlines(),
            "",
            f"Sections of {', '.join(f'`{m}`' for m in args.only)} rewritten on {today} at commit "
            f"{commit} (`python -m storyline.eval.all --only ...`); the others are as before.",
        ]
    parts = list(header)
    for title, module_name, rel in SUITES:
        if args.only and module_name not in args.only:
            if title in old_sections:
                parts += ["", old_sections[title]]
            continue
        path = Path(rel.removeprefix(PROJECT)) if rel.startswith(PROJECT) else args.data / rel
        print(f"== {title}", file=sys.stderr, flush=True)
        parts += ["", f"## {title}", "", f"Data: `{rel}`", ""]
        if not path.exists():
            parts.append("_not run: the data is not there_")
            continue
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"storyline.eval.{module_name}")
            scores = module.evaluate(path, settings)
            text = module.report(scores)
        except (StorylineError, ImportError) as err:
            text = f"_failed: {err}_"
        parts.append(text.strip())
        parts.append(f"\n_{time.perf_counter() - started:.0f} s, commit {commit}_")
        print(text, file=sys.stderr, flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    print(f"results written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
