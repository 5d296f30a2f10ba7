"""The events stage (scaffold: the owner of this module replaces it with the real stage)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.stages import ensure_doc_extensions, stage_guard


class EventsStage:
    """spaCy component for the events stage."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_doc_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "events"):
            pass
        return doc


@Language.factory("storyline_events", requires=["doc._.mentions", "doc._.timexes", "doc._.quotes"], assigns=["doc._.events"])
def make_events_stage(nlp: Language, name: str) -> EventsStage:
    return EventsStage(nlp, name)
