"""Learn people's countries and offices from a news corpus with storyline's own actors stage, for
the people the shipped 2014 dictionary does not know (2015 onwards).

Runs the timex and actors stages over every text file of the given folders and keeps, for each
person named in full (two words or more), the countries their titles state ("U.S. President
Donald Trump", "Senator Lindsey Graham of South Carolina", "Russian President Vladimir Putin"):
a name whose titles agree (four fifths of its documents or more) in at least ``--min-docs``
documents is written with that country. Countries the stage inferred without a title (the
story's country, the dictionary) are not evidence, so the lexicon never learns from itself. A
person's office is the sector most of their titles give (three fifths of the documents that title
them with one, in ``--min-docs`` documents or more), with the first and last day of those
documents; the day is read from the file name (``nyt_2016-02-03_....txt``), and undated files
teach no office.

The same learning as ``storyline kb build`` (:mod:`storyline.story.people`), over texts instead of
a database. Writes ``src/storyline/resources/actors/people_learned.json`` (lower-case name -> ISO3), read by
the actors lexicon after the 2014 dictionary (with ``{"country", "sector", "since", "until"}`` for
a person with an office). Rebuild:
``.venv/bin/python scripts/learn_people.py ../shared/data/quotes/polnear/train/text``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from storyline.pipeline import build_nlp
from storyline.records import DocumentEntity, Role
from storyline.settings import load_settings
from storyline.stages.actors.lexicon import lexicon
from storyline.story.people import learn_offices, learn_people, people_file

OUT = Path(__file__).resolve().parents[1] / "src/storyline/resources/actors/people_learned.json"
#: The publication day a file name carries.
FILE_DAY = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def _docs(nlp: Language, paths: list[Path]) -> Iterator[Doc]:
    """The texts as Docs, each with its id and the day its file name carries."""
    for i, path in enumerate(paths):
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        day = FILE_DAY.search(path.name)
        doc._.doc_id = str(i)
        doc._.published = day.group(1) if day else None
        yield doc


def learn(folders: list[Path], min_docs: int, agree: float) -> dict[str, object]:
    """The people file of the people whose titles state one country, and of those whose titles
    give an office: the stages run on the texts, then what ``storyline kb build`` does on a
    database (:mod:`storyline.story.people`)."""
    settings = load_settings(None)
    nlp = build_nlp(settings.replace(pipeline={"stages": ["timex", "actors"]}))
    paths = sorted(p for folder in folders for p in folder.glob("*.txt"))
    entities: list[DocumentEntity] = []
    roles: list[Role] = []
    for doc in nlp.pipe(_docs(nlp, paths), batch_size=16):
        entities += [DocumentEntity.of(doc._.doc_id, e) for e in doc._.entities]
        roles += [dataclasses.replace(r, doc_id=doc._.doc_id) for r in doc._.roles]
    # not "IGO": an office in the U.N. is no nationality
    countries = learn_people(entities, roles, lexicon().country_names, min_docs, agree)
    return people_file(countries, learn_offices(entities, roles, min_docs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of .txt articles")
    parser.add_argument("--min-docs", type=int, default=2)
    parser.add_argument("--agree", type=float, default=0.8)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    people = learn(args.folders, args.min_docs, args.agree)
    args.out.write_text(json.dumps(people, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    offices = sum(isinstance(v, dict) for v in people.values())
    print(f"people {len(people)} ({offices} with an office) -> {args.out}")


if __name__ == "__main__":
    main()
