"""The actors stage (scaffold: the owner of this module replaces it with the real stage)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.stages import ensure_doc_extensions, stage_guard


class ActorsStage:
    """spaCy component for the actors stage."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_doc_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "actors"):
            pass
        return doc


@Language.factory("storyline_actors", requires=["doc.ents", "doc.sents"], assigns=["doc._.entities", "doc._.mentions", "doc._.roles"])
def make_actors_stage(nlp: Language, name: str) -> ActorsStage:
    return ActorsStage(nlp, name)
