"""The quotes stage (scaffold: the owner of this module replaces it with the real stage)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.stages import ensure_doc_extensions, stage_guard


class QuotesStage:
    """spaCy component for the quotes stage."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_doc_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "quotes"):
            pass
        return doc


@Language.factory("storyline_quotes", requires=["doc._.mentions", "doc._.timexes"], assigns=["doc._.quotes"])
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    return QuotesStage(nlp, name)
