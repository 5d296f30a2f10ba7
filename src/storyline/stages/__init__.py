"""The extraction stages: one spaCy component per module.

Each stage reads what earlier stages left on the ``Doc`` and writes its records (``storyline.records``)
to a ``Doc`` extension attribute. The contract, in pipeline order:

===========  ====================  ==============================================================
stage        factory               writes
===========  ====================  ==============================================================
timex        ``storyline_timex``   ``doc._.timexes: list[Timex]``
actors       ``storyline_actors``  ``doc._.entities: list[Entity]``, ``doc._.mentions: list[Mention]``,
                                   ``doc._.roles: list[Role]``
quotes       ``storyline_quotes``  ``doc._.quotes: list[Quote]``
events       ``storyline_events``  ``doc._.events: list[Event]``,
                                   ``doc._.references: list[EventReference]``
===========  ====================  ==============================================================

The table is ``storyline.registry.STAGES``, which the settings, the pipeline, the store and the
Spark runner read. Before the model's own pipes, ``storyline_sentences``
(:mod:`storyline.stages.sentences`) splits a sentence-ending one-letter platform name ("posted on
X. Militants attacked ...") so that the parser starts a sentence after it; it writes no records.

A stage wraps its work in ``with stage_guard(doc, "name"):`` so that an exception on one document
becomes a failure row instead of a crash. Every stage may read ``doc._.doc_id`` (the document's id, "" when unknown) and ``doc._.published``
(the document creation time as an ISO date or datetime string, or None), which the pipeline sets
before the Doc enters the pipeline. Records hold character offsets into ``doc.text``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc

from storyline.registry import DOC_RECORDS

#: Doc extension attributes and what they hold (the records' attributes from the registry).
DOC_ATTRS: dict[str, str] = {
    "doc_id": "the document id (str)",
    "published": "document creation time, ISO string or None",
    **{kind.field: f"list[{kind.record.__name__}]" for kind in DOC_RECORDS},
    "errors": "list[tuple[str, str]]: (stage, reason) of each stage that failed on this doc",
}


def ensure_doc_extensions() -> None:
    """Register the Doc attributes storyline uses (idempotent)."""
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_list(doc: Doc, name: str) -> list[Any]:
    """The records a stage left under ``doc._.<name>``, or an empty list when it did not run."""
    ensure_doc_extensions()
    value = doc._.get(name)
    return list(value) if value else []


def published_day(doc: Doc) -> str | None:
    """The document's publication day (ISO ``YYYY-MM-DD``), or None when it has no date."""
    ensure_doc_extensions()
    published = doc._.published
    return str(published)[:10] if published else None


@contextlib.contextmanager
def stage_guard(doc: Doc, stage: str) -> Iterator[None]:
    """Run a stage's work on one doc; an exception becomes a (stage, reason) in ``doc._.errors``.

    A bug on one odd article must not take down the batch or the other stages' records.
    """
    ensure_doc_extensions()
    try:
        yield
    except Exception as err:  # recorded as a failure row by the pipeline
        errors = list(doc._.errors or [])
        errors.append((stage, f"{type(err).__name__}: {err}"[:500]))
        doc._.errors = errors
