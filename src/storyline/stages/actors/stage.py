"""The actors component: ``find_actors`` runs the name handlers and passes in order.

Each name in the text goes to the handler of its kind (``NAME_HANDLERS``: international
organizations, countries and demonyms, capitals, organizations, places, peoples); then the
passes of ``PASSES`` run over the whole document, each reading what the ones before it found:
acronyms, people, bodies and groups no name makes an entity of, the country of those the text
leaves open, nominals ("the premier") and pronouns.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from storyline.records import Entity, Mention, Role
from storyline.stages import ensure_doc_extensions, stage_guard
from storyline.stages.actors.bodies import (
    companies_of_their_people,
    fleeing_refugees,
    home_country,
    leaders_governments,
    members_of,
    office_country,
    only_country,
    open_office,
    owned_bodies,
    recent_office_holders,
    unnamed_bodies,
    unnamed_international,
)
from storyline.stages.actors.build import Builder, records_of
from storyline.stages.actors.coref import resolve_nominals, resolve_pronouns
from storyline.stages.actors.lexicon import Lexicon, lexicon, lexicon_with
from storyline.stages.actors.named import (
    NAME_HANDLERS,
    link_acronyms,
    link_short_names,
    untagged_acronyms,
)
from storyline.stages.actors.people import find_people, misspelled_office_holders


def nominals(b: Builder) -> None:
    """ "the premier", "the party": a role noun or nominal for the actor it points back at (it
    replaces what was found inside it)."""
    found = resolve_nominals(b.doc, b.found, b.quotes, b.lex, b.tokens)
    inside = {i for f in found for i in range(f.start, f.end)}
    b.found = [f for f in b.found if f.start not in inside] + found


def pronouns(b: Builder) -> None:
    """ "he", "she", "it", "they": the actor each pronoun stands for, where one is clear."""
    b.found.extend(resolve_pronouns(b.doc, b.found, b.quotes, b.tokens))


#: The passes over the whole document after the names, in order.
PASSES: tuple[Callable[[Builder], None], ...] = (
    link_acronyms,
    link_short_names,
    untagged_acronyms,
    find_people,
    companies_of_their_people,
    leaders_governments,
    fleeing_refugees,
    members_of,
    unnamed_international,
    office_country,
    only_country,
    home_country,
    open_office,
    misspelled_office_holders,
    nominals,
    unnamed_bodies,
    members_of,  # again: "fighters loyal to the former president", now the body is known
    pronouns,
    owned_bodies,
    recent_office_holders,
)


def find_actors(
    doc: Doc, lex: Lexicon | None = None
) -> tuple[list[Entity], list[Mention], list[Role]]:
    """The entities, mentions and roles of a parsed Doc (the stage's whole work)."""
    b = Builder(doc, lex or lexicon())
    for span in b.names:
        handler = NAME_HANDLERS.get(span.kind)
        if handler is not None and span.start not in b.skip_inside:
            handler(b, span)
    for step in PASSES:
        step(b)
    return records_of(doc, b)


class ActorsStage:
    """spaCy component: entities, mentions and roles of each document (see the package docs)."""

    def __init__(self, nlp: Language, name: str, people: tuple[str, ...] = ()) -> None:
        ensure_doc_extensions()
        self.name = name
        self.lex = lexicon_with(people)

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "actors"):
            entities, mentions, roles = find_actors(doc, self.lex)
            doc._.entities = entities
            doc._.mentions = mentions
            doc._.roles = roles
        return doc


@Language.factory(
    "storyline_actors",
    requires=["doc.ents", "doc.sents"],
    assigns=["doc._.entities", "doc._.mentions", "doc._.roles"],
    default_config={"people": []},
)
def make_actors_stage(nlp: Language, name: str, people: list[str]) -> ActorsStage:
    """The actors stage; ``people``: files of people's countries (``storyline kb build``) read
    after the shipped lexicons (setting ``actors.people``)."""
    return ActorsStage(nlp, name, tuple(people))
