"""The timex stage (scaffold: the owner of this module replaces it with the real stage)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.stages import ensure_doc_extensions, stage_guard


class TimexStage:
    """spaCy component for the timex stage."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_doc_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "timex"):
            pass
        return doc


@Language.factory("storyline_timex", requires=[], assigns=["doc._.timexes"])
def make_timex_stage(nlp: Language, name: str) -> TimexStage:
    return TimexStage(nlp, name)
