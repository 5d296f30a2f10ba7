"""Learn people's countries from a news corpus with storyline's own actors stage, for the people
the shipped 2014 dictionary does not know (2015 onwards).

Runs the timex and actors stages over every text file of the given folders and keeps, for each
person named in full (two words or more), the countries their titles state ("U.S. President
Donald Trump", "Senator Lindsey Graham of South Carolina", "Russian President Vladimir Putin"):
a name whose titles agree (four fifths of its documents or more) in at least ``--min-docs``
documents is written with that country. Countries the stage inferred without a title (the
story's country, the dictionary) are not evidence, so the lexicon never learns from itself.

The same learning as ``storyline kb build`` (:mod:`storyline.story.people`), over texts instead of
a database. Writes ``src/storyline/resources/actors/people_learned.json`` (lower-case name -> ISO3), read by
the actors lexicon after the 2014 dictionary. Rebuild:
``.venv/bin/python scripts/learn_people.py ../shared/data/quotes/polnear/train/text``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from storyline.pipeline import build_nlp
from storyline.records import DocumentEntity, Role
from storyline.settings import load_settings
from storyline.stages.actors.lexicon import lexicon
from storyline.story.people import learn_people

OUT = Path(__file__).resolve().parents[1] / "src/storyline/resources/actors/people_learned.json"


def learn(folders: list[Path], min_docs: int, agree: float) -> dict[str, str]:
    """Lower-case full name -> ISO3 of the people whose titles state one country: the stages run
    on the texts, then what ``storyline kb build`` does on a database
    (:func:`storyline.story.people.learn_people`)."""
    settings = load_settings(None)
    nlp = build_nlp(settings.replace(pipeline={"stages": ["timex", "actors"]}))
    paths = sorted(p for folder in folders for p in folder.glob("*.txt"))
    entities: list[DocumentEntity] = []
    roles: list[Role] = []
    texts = (p.read_text(encoding="utf-8") for p in paths)
    for i, doc in enumerate(nlp.pipe(texts, batch_size=16)):
        doc_id = str(i)
        entities += [DocumentEntity.of(doc_id, e) for e in doc._.entities]
        roles += [dataclasses.replace(r, doc_id=doc_id) for r in doc._.roles]
    # not "IGO": an office in the U.N. is no nationality
    return learn_people(entities, roles, lexicon().country_names, min_docs, agree)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of .txt articles")
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--agree", type=float, default=0.8)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    people = learn(args.folders, args.min_docs, args.agree)
    args.out.write_text(json.dumps(people, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"people {len(people)} -> {args.out}")


if __name__ == "__main__":
    main()
