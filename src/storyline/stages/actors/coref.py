"""Pronouns and nominals ("he", "it", "the premier", "the Kingdom") linked to the actors they mean.

Precision first: a pronoun or nominal is linked only when one antecedent stands out (the subject of
its clause or of the latest sentence that mentions a compatible actor); otherwise it stays unlinked.
Reads: tokens, the parse, the mentions found so far. Writes: nothing (returns new ``Found`` values).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from storyline.stages.actors.lexicon import (
    HEAD_ROLES,
    PERSON_ROLE_HEADS,
    Lexicon,
    country_of,
    normalize_role,
    party_country,
    role_sector,
)
from storyline.stages.actors.surnames import HONORIFICS

PERSON_PRONOUNS = MappingProxyType(
    {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
)
THING_PRONOUNS = frozenset({"it", "its"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "it is unlikely that ...", "it seems": no antecedent.
EXPLETIVE_HEADS = frozenset(
    {
        "be",
        "seem",
        "appear",
        "matter",
        "take",
        "look",
        "remain",
        "become",
        "make",
        "happen",
        "rain",
        "mean",
        "cost",
        "turn",
        "come",
    }
)
ORG_NOMINALS = frozenset({"party", "embassy", "ministry", "government", "administration"})
COUNTRY_NOMINALS = frozenset({"kingdom"})
#: Head words of a nominal that means a non-state group named before: "the insurgent group".
GROUP_NOMINALS = frozenset({"group", "insurgency", "militia", "movement"})
#: Head words of a nominal that means an organization named before, international ones too:
#: "the organization", "the alliance", "the bloc".
BODY_NOMINALS = frozenset({"organization", "organisation", "alliance", "bloc"})
#: Words before such a head that say the group is armed: its antecedent is an armed group.
ARMED_WORDS = frozenset(
    {"insurgent", "militant", "terror", "terrorist", "extremist", "rebel", "armed", "jihadist"}
)
#: Sectors of a country's state: never the antecedent of "the group"; rebels or an opposition of
#: a country do not speak for it (``bodies``).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
LOOKBACK_SENTS = 3


@dataclass
class Cluster:
    """One actor of a document while the stage works on it."""

    id: str
    type: str  # PERSON, ORG, GPE, NORP
    name: str
    country: str | None = None
    sector: str | None = None
    place: bool = False  # a location, not an actor: never an antecedent
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    org_words: frozenset[str] = frozenset()


@dataclass
class Found:
    """A mention while the stage works: tokens ``[start, end)``, its kind and actor."""

    start: int
    end: int
    kind: str  # name, pronoun, nominal, title
    cluster: Cluster
    head: int  # token index of the syntactic head
    quoted: bool = False


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks. A quote left open at a paragraph's end closes
    there (news style opens each quoted paragraph again)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        chunk, base = para.group(), para.start()
        open_at: int | None = None
        for m in re.finditer(r"[\"“”]", chunk):
            ch = m.group()
            if open_at is None and ch in '"“':
                open_at = m.start()
            elif open_at is not None and ch in '"”':
                spans.append((base + open_at, base + m.end()))
                open_at = None
        if open_at is not None:
            spans.append((base + open_at, base + len(chunk)))
    return spans


class QuoteMask:
    """Whether a character offset lies inside a quotation."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]


def _role_matches(wanted: str, held: str) -> bool:
    if wanted == held or held.endswith(" " + wanted):
        return True
    return wanted == "leader" and held in HEAD_ROLES


def resolve_nominals(
    doc: Doc,
    found: list[Found],
    quotes: QuoteMask,
    lex: Lexicon,
    tokens: Sequence[Token] | None = None,
) -> list[Found]:
    """ "the premier", "the embattled Ukrainian leader", "the Kingdom", "the party" -> actors."""
    # A demonym inside a nominal ("the embattled Ukrainian leader") does not block it.
    covered = {
        i
        for f in found
        for i in range(f.start, f.end)
        if not (f.cluster.id.startswith("country:") and f.kind == "name")
    }
    by_start = sorted(found, key=lambda f: f.start)
    out: list[Found] = []
    for tok in doc if tokens is None else tokens:
        if tok.lower_ != "the" or tok.i in covered:
            continue
        head = _nominal_head(tok, covered, lex)
        if head is None:
            continue
        earlier = [f for f in by_start if f.start < tok.i] + [f for f in out if f.start < tok.i]
        earlier.sort(key=lambda f: f.start)
        target = next(
            (
                find(tok, head, earlier, lex)
                for words, find in NOMINAL_KINDS
                if head.lower_ in words
            ),
            None,
        )
        if target is None:
            continue
        out.append(Found(tok.i, head.i + 1, "nominal", target, head.i, tok.idx in quotes))
        covered.update(range(tok.i, head.i + 1))
    return out


def _nominal_head(the: Token, covered: set[int], lex: Lexicon) -> Token | None:
    """The head noun of the nominal ``the`` opens, when it may point back at an actor: at most
    five words on, no name but a demonym before it, no name or "of" after it."""
    doc = the.doc
    head = the.head
    if the.dep_ != "det" or not 0 < head.i - the.i <= 5 or head.i in covered:
        return None
    between = doc[the.i + 1 : head.i]
    if any(t.pos_ not in ("ADJ", "VERB", "PROPN", "ADV", "NOUN", "PUNCT") for t in between) or any(
        t.pos_ == "PROPN" and not (country_of(t.text, lex) or party_country(t.text, lex))
        for t in between
    ):
        return None
    word = head.lower_
    if head.pos_ == "PROPN" and word not in COUNTRY_NOMINALS and word not in PERSON_ROLE_HEADS:
        return None
    # A title before a name ("the Prime Minister Hun Sen") or "the leader of X": not here.
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ == "of"):
        return None
    return head


def _kingdom_of(the: Token, head: Token, earlier: list[Found], lex: Lexicon) -> Cluster | None:
    """ "the Kingdom": the kingdom named most often before it."""
    counts: dict[str, int] = {}
    for f in earlier:
        c = f.cluster
        if c.id.startswith("country:") and c.country in lex.kingdoms and c.sector is None:
            counts[c.id] = counts.get(c.id, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return next(f.cluster for f in earlier if f.cluster.id == best)


def _organization_of(the: Token, head: Token, earlier: list[Found], lex: Lexicon) -> Cluster | None:
    """ "the party": the last organization named before it whose name holds the word."""
    return next(
        (
            f.cluster
            for f in reversed(earlier)
            if head.lower_ in f.cluster.org_words and f.cluster.type == "ORG"
        ),
        None,
    )


def _person_of(the: Token, head: Token, earlier: list[Found], lex: Lexicon) -> Cluster | None:
    """ "the premier", "the embattled Ukrainian leader": the last person named before it who
    holds that role (of that country, when a demonym says one)."""
    doc, word, j = the.doc, head.lower_, head.i
    country = next((iso for t in doc[the.i + 1 : j] if (iso := country_of(t.text, lex))), None)
    wanted = word
    if j - 1 > the.i and role_sector(f"{doc[j - 1].lower_} {word}", lex):
        wanted = f"{doc[j - 1].lower_} {word}"
    wanted = normalize_role(wanted)
    for f in reversed(earlier):
        c = f.cluster
        if c.type != "PERSON" or (country is not None and c.country != country):
            continue
        if any(_role_matches(wanted, r) for r in c.roles):
            return c
    return None


def _group_of(the: Token, head: Token, earlier: list[Found], lex: Lexicon) -> Cluster | None:
    """ "the group", "the insurgent group", "the organization": the last non-state organization
    named in the three sentences before it (an armed one when a word before the head says so;
    an international one for "the organization", "the alliance", "the bloc")."""
    doc = the.doc
    armed = any(t.lower_ in ARMED_WORDS for t in doc[the.i + 1 : head.i])
    sent = the.sent
    for _ in range(LOOKBACK_SENTS):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    for f in reversed(earlier):
        if f.start < sent.start:
            return None
        c = f.cluster
        if c.type != "ORG" or c.id.startswith("country:"):
            continue
        if c.country == "IGO":
            if head.lower_ in BODY_NOMINALS and not armed:
                return c  # "NATO ... The alliance"
            continue
        if c.sector in STATE_SECTORS or (armed and c.sector != "REB"):
            continue
        return c
    return None


#: What a nominal's head word points back at, by the kind of word (first match wins).
NOMINAL_KINDS: tuple[
    tuple[frozenset[str], Callable[[Token, Token, list[Found], Lexicon], Cluster | None]], ...
] = (
    (COUNTRY_NOMINALS, _kingdom_of),
    (ORG_NOMINALS, _organization_of),
    (GROUP_NOMINALS | BODY_NOMINALS, _group_of),
    (PERSON_ROLE_HEADS | {"premier"}, _person_of),
)


def _is_subject(doc: Doc, f: Found) -> bool:
    return doc[f.head].dep_ in SUBJECT_DEPS


def _compatible(c: Cluster, pronoun: str) -> bool:
    if c.place:
        return False
    if pronoun in PERSON_PRONOUNS:
        return c.type == "PERSON" and c.gender in (None, PERSON_PRONOUNS[pronoun])
    return c.type != "PERSON"


def resolve_pronouns(
    doc: Doc, found: list[Found], quotes: QuoteMask, tokens: Sequence[Token] | None = None
) -> list[Found]:
    """he/him/his/she/her/it/its outside quotations -> the actor they most likely mean
    (``tokens``: the Doc's tokens, when the caller already listed them)."""
    mentions = sorted(found, key=lambda f: f.start)
    _titled_genders(doc, mentions)
    sents = list(doc.sents)
    sent_of = {s.start: k for k, s in enumerate(sents)}
    out: list[Found] = []
    for tok in doc if tokens is None else tokens:
        low = tok.lower_
        if ((low not in PERSON_PRONOUNS and low not in THING_PRONOUNS) or tok.pos_ != "PRON") and (
            not (low in ("his", "its", "her") and tok.tag_ == "PRP$")
        ):
            continue
        if tok.idx in quotes:
            continue
        if low == "it" and (
            tok.dep_ not in SUBJECT_DEPS
            or tok.head.lemma_ in EXPLETIVE_HEADS
            or (tok.head.pos_ != "VERB" and tok.head.lemma_ != "have")
        ):
            continue
        target = _antecedent(tok, low, mentions=mentions, sents=sents, k=sent_of[tok.sent.start])
        if target is None:
            continue
        if low in PERSON_PRONOUNS and target.gender is None:
            target.gender = PERSON_PRONOUNS[low]
        new = Found(tok.i, tok.i + 1, "pronoun", target, tok.i)
        out.append(new)
        bisect.insort(mentions, new, key=lambda f: f.start)
    return out


def _titled_genders(doc: Doc, mentions: Sequence[Found]) -> None:
    """A person's gender from a title in front of one of their names ("Ms. Alinejad"): it
    outweighs a gender guessed from a pronoun near a name."""
    for f in mentions:
        person = f.cluster
        if person.type == "PERSON" and f.kind == "name" and f.start:
            title = HONORIFICS.get(doc[f.start - 1].lower_.rstrip("."))
            person.gender = title or person.gender


def _antecedent(
    tok: Token, pronoun: str, *, mentions: list[Found], sents: list[Span], k: int
) -> Cluster | None:
    """The actor a pronoun means: in its own sentence (``sents[k]``) when that decides, else in
    the sentences before it."""
    decided, found = _in_sentence(tok, pronoun, mentions, sents[k])
    if decided:
        return found
    return _in_sentences_before(tok.doc, pronoun, mentions, sents, k)


def _in_sentence(
    tok: Token, pronoun: str, mentions: list[Found], sent: Span
) -> tuple[bool, Cluster | None]:
    """(decided, the actor) for a pronoun from the actors before it in its sentence; not decided
    when the sentence leaves it to the ones before ("..., he said")."""
    doc, i = tok.doc, tok.i
    same = [
        f
        for f in mentions
        if sent.start <= f.start and f.end <= i and not f.quoted and _compatible(f.cluster, pronoun)
    ]
    if pronoun in POSSESSIVE_PRONOUNS and i < sent.root.i:
        # "In its Jan. 22 report, the Financial Times said": the main clause's subject, after it.
        later = _main_subject_after(tok, pronoun, mentions, sent)
        if later is not None and not [f for f in same if _is_subject(doc, f)]:
            return True, later
    if pronoun in THING_PRONOUNS and _blocked(doc, sent.start, i, _covered(mentions, sent)):
        return True, None  # "the Jairan would depart, but it did not": a thing no actor names
    subjects = [f for f in same if _is_subject(doc, f)]
    # Binding: the object of a verb is not its own subject ("Hun Sen told him").
    subjects = [
        f
        for f in subjects
        if not (tok.dep_ in ("dobj", "iobj") and doc[f.head].head.i == tok.head.i)
    ]
    chosen = (
        subjects[-1].cluster
        if subjects
        else _told_apart_by_gender(tok, pronoun, mentions, same, sent)
    )
    if chosen is not None:
        return True, chosen
    if pronoun == "it" and tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "advcl":
        # "... for its support for Ukraine's bid to join, after it signed": with no subject to
        # take, the subject of an adverbial clause is the nearest named possessor before it (the
        # agent of a nominal: "Ukraine's bid", "China's stance"), not an object or a place.
        owners = [f for f in same if f.kind == "name" and doc[f.head].dep_ == "poss"]
        if owners:
            return True, owners[-1].cluster
    same = _unbound(tok, pronoun, same)
    if same and (pronoun in POSSESSIVE_PRONOUNS or tok.dep_ not in SUBJECT_DEPS):
        # "urging him", "for its support": the one actor before it in its sentence; several and
        # no subject: unclear. A subject ("..., he said") looks back to earlier sentences.
        return True, same[-1].cluster if len({f.cluster.id for f in same}) == 1 else None
    return False, None


def _told_apart_by_gender(
    tok: Token, pronoun: str, mentions: list[Found], same: list[Found], sent: Span
) -> Cluster | None:
    """ "Elizabeth Warren grilled John Stumpf, after he admitted …": a subject pronoun whose
    sentence's subject is a person of the other gender means the one person before it of its
    own gender."""
    if pronoun not in PERSON_PRONOUNS or tok.dep_ not in SUBJECT_DEPS:
        return None
    doc = tok.doc
    other_subject = any(
        sent.start <= f.start
        and f.end <= tok.i
        and f.cluster.type == "PERSON"
        and f.cluster.gender not in (None, PERSON_PRONOUNS[pronoun])
        and _is_subject(doc, f)
        for f in mentions
    )
    own = {f.cluster.id: f.cluster for f in same if f.cluster.gender == PERSON_PRONOUNS[pronoun]}
    return next(iter(own.values())) if other_subject and len(own) == 1 else None


def _covered(mentions: list[Found], sent: Span) -> set[int]:
    """The tokens of a sentence's actor mentions; places may be what "it" means, so they do not
    count."""
    return {
        j
        for f in mentions
        if sent.start <= f.start < sent.end and not f.cluster.place
        for j in range(f.start, f.end)
    }


def _main_subject_after(
    tok: Token, pronoun: str, mentions: list[Found], sent: Span
) -> Cluster | None:
    """The subject of the main clause after a possessive that opens its sentence."""
    doc = tok.doc
    return next(
        (
            f.cluster
            for f in mentions
            if tok.i < f.start < sent.end
            and not f.quoted
            and _compatible(f.cluster, pronoun)
            and _is_subject(doc, f)
            and doc[f.head].head.i == sent.root.i
        ),
        None,
    )


def _unbound(tok: Token, pronoun: str, same: list[Found]) -> list[Found]:
    """The actors before a pronoun that it may mean: not a place's object for a thing, not the
    subject of its own verb for an object."""
    doc = tok.doc
    if pronoun in THING_PRONOUNS:
        # "remained at Liuheng Island ... its": a place's object is no antecedent of a thing.
        same = [
            f
            for f in same
            if not _locative(doc, f) and doc[f.head].dep_ not in ("amod", "compound", "poss")
        ]
    if tok.dep_ in ("dobj", "iobj"):
        # Binding: "Bill Clinton joined her": not the subject of her own verb.
        same = [f for f in same if not (_is_subject(doc, f) and doc[f.head].head.i == tok.head.i)]
    return same


def _in_sentences_before(
    doc: Doc, pronoun: str, mentions: list[Found], sents: list[Span], k: int
) -> Cluster | None:
    """The actor a pronoun means from the sentences before its own: the nearest one with an
    actor it may mean, its main subject, else its one actor."""
    for back in range(k - 1, max(-1, k - 1 - LOOKBACK_SENTS), -1):
        prev = sents[back]
        cands = [
            f
            for f in mentions
            if prev.start <= f.start < prev.end and not f.quoted and _compatible(f.cluster, pronoun)
        ]
        if not cands:
            continue
        subj = [f for f in cands if _is_subject(doc, f)]
        if subj:
            main = [f for f in subj if doc[f.head].head.i == prev.root.i]
            return (main or subj)[0].cluster
        if len({f.cluster.id for f in cands}) == 1:
            return cands[0].cluster
        return None
    return None


def _locative(doc: Doc, f: Found) -> bool:
    head = doc[f.head]
    return head.dep_ == "pobj" and head.head.lower_ in ("at", "in", "near", "from", "into")


def _blocked(doc: Doc, start: int, end: int, covered: set[int]) -> bool:
    """Whether the nearest subject before ``end`` in its sentence is a noun no mention covers."""
    for j in range(end - 1, start - 1, -1):
        t = doc[j]
        if t.dep_ in SUBJECT_DEPS:
            thing = t.pos_ in ("NOUN", "PROPN") or t.lower_ in ("it", "this", "that", "which")
            return thing and j not in covered
    return False
