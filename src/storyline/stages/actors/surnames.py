"""Which of several people sharing a name part a short mention is ("Clinton" in an article that
names Bill and Hillary Clinton).

Reads: the parse, the person name spans and their candidate clusters. Writes: nothing (picks
one cluster). Evidence, as a reader uses it: the honorific before the short name ("Mrs.
Clinton"), the title before it or the apposition after it ("Former President Clinton",
"Clinton, the former secretary of state") against the titles the text gave each full name, and
the gender of a pronoun the short name is the antecedent of ("Clinton told voters that she …")
against the gender each full name tells (its honorific, its given name, else the pronouns that
follow it). With no evidence, or even evidence, the person named last before the mention
(recency) is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from spacy.tokens import Doc

from storyline.stages.lookup import families

#: Honorifics that tell a person's gender.
HONORIFICS: Mapping[str, str] = MappingProxyType(
    {
        "mrs": "f",
        "ms": "f",
        "miss": "f",
        "madam": "f",
        "madame": "f",
        "mr": "m",
        "sir": "m",
    }
)
#: Third-person pronouns that tell a referent's gender.
PRONOUN_GENDER: Mapping[str, str] = MappingProxyType(
    {
        "he": "m",
        "him": "m",
        "his": "m",
        "himself": "m",
        "she": "f",
        "her": "f",
        "hers": "f",
        "herself": "f",
    }
)
_PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Cues:
    """What the text tells of a person at one mention: gender ("m"/"f"/None), role families."""

    gender: str | None
    roles: frozenset[int]


def mention_cues(
    doc: Doc,
    start: int,
    end: int,
    titles: Callable[[int, int], Sequence[str]],
    given_names: Mapping[str, str],
) -> Cues:
    """The cues at the name tokens ``[start, end)``; ``titles(start, end)`` gives the title
    and apposition words the text sets around them. The gender: of an honorific before the
    name, else of its given name (``given_names``, lower case -> "f"/"m"; a name of two words
    or more), else of the pronoun that follows."""
    gender = HONORIFICS.get(doc[start - 1].lower_.rstrip(".")) if start > 0 else None
    if gender is None and end - start > 1:
        gender = given_names.get(doc[start].lower_)
    gender = gender or _pronoun_after(doc, start, end)
    roles: frozenset[int] = frozenset()
    for words in titles(start, end):
        roles |= families(words)
    return Cues(gender, roles)


def _pronoun_after(doc: Doc, start: int, end: int) -> str | None:
    """The gender of the first subject or possessive pronoun after a name that is its
    sentence's subject, in the same sentence ("Clinton told voters that she would win"), or
    opening the next one ("Clinton won. She thanked ..."); not an object pronoun of the name's
    own verb ("Bill Clinton joined her")."""
    head = doc[end - 1]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = head.sent
    stop = sent.end
    if stop < len(doc):
        stop = min(doc[stop].sent.end, stop + 4)
    for token in doc[end:stop]:
        if token.ent_type_ == "PERSON" and token.i >= sent.end:
            return None  # someone else is named first
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is not None and token.dep_ in _PRONOUN_DEPS:
            return gender
    return None


def pick(candidates: Sequence[T], at: Cues, known: dict[int, Cues], recent: T | None) -> T | None:
    """The candidate (``known`` by ``id()``) whose cues agree best with the mention's; the one
    named last (``recent``) when the cues do not tell them apart."""
    scored = [(_score(at, known.get(id(c), Cues(None, frozenset()))), c) for c in candidates]
    top = max(score for score, _ in scored)
    best = [c for score, c in scored if score == top]
    contradicted = recent is not None and recent not in best
    if len(best) == 1 and (top > 0 or contradicted):
        return best[0]
    if recent is not None and recent in best:
        return recent
    return best[0] if top > 0 else None


def agrees(at: Cues, known: Cues) -> bool:
    """Whether nothing the text tells at a mention contradicts what it tells of a person."""
    return _score(at, known) >= 0


def _score(at: Cues, cues: Cues) -> int:
    score = 0
    if at.gender and cues.gender:
        score += 2 if at.gender == cues.gender else -2
    if at.roles & cues.roles:
        score += 2
    return score


def merge(found: Sequence[Cues]) -> Cues:
    """One person's cues over all its full-name mentions: the gender most of them tell."""
    votes = [c.gender for c in found if c.gender]
    gender = max(set(votes), key=votes.count) if votes and len(set(votes)) == 1 else None
    roles: frozenset[int] = frozenset()
    for c in found:
        roles |= c.roles
    return Cues(gender, roles)
