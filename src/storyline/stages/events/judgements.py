"""Judgements told as statements: "Putin is the aggressor", "This is completely false", "Trump is
right".

Reads: the parse of a sentence, the quotes of the document (``doc._.quotes``) and the actors stage's
entities. Writes nothing: returns who judged whom, for the events stage to code as an event.

A failing or a misdeed someone tells ("Akram said Kabul was failing to rein in ...", "the American
side has violated the agreement") is an accusation too. A copular clause whose predicate is damning
("X is the aggressor", "Kabul was failing", "the findings are illegal"; a word in storyline's list or
one the VADER sentiment lexicon rates damning, "a waste of time"; praise denied, "This just isn't
right") is an accusation of X by whoever tells it: the speaker of the quote it stands in, else the
subject of the reporting verb it hangs from ("Akram said Kabul is ..."); said of "this" or "you" it
stays an accusation with no target named. Said of what
someone claimed ("This is completely false", "the allegations are baseless") it is a rejection of
the claim, with no target unless the claim's owner is named ("Pakistan's claims are baseless").
Praise told the same way ("President Trump is right", "the speech of Lai was fantastic", "I'm very
proud of Secretary Rubio", "We are grateful to Japan", "I am honored by the endorsement of
Senator Cruz") is support of whom it praises; concern at what someone does ("We are
deeply concerned about the recent actions of Milorad Dodik") an accusation of them. No teller, no
event: a judgement in the reporter's own voice codes nothing; nor does a speaker's praise of
themselves ("We are absolutely right") or an "it" that stands for a clause ("it will be difficult
to ...").

What a quoted speaker says someone must or should do ("'You should resign,' Warren told Stumpf")
is a demand of them (REQUEST); what someone should have done ("That should never have happened")
a reproach (ACCUSE). Both are made: their modal words give no hypothetical modality.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.records import Quote
from storyline.stages.events.clauses import subject as clause_subject
from storyline.stages.events.lexicon import (
    ACTOR_LABELS,
    CLAIM_NOUNS,
    CONCERN_PREPS,
    CONCERN_WORDS,
    DAMNING_VALENCE,
    DEMAND_MODALS,
    NEGATIVE_CHARACTERIZATIONS,
    POSITIVE_CHARACTERIZATIONS,
    PRIDE_PREPS,
    PRIDE_WORDS,
    Code,
    valence,
    verb_lemma,
)
from storyline.stages.lookup import quote_at

#: Verbs that link a subject to what is said of it.
COPULAS = frozenset({"be", "become", "remain", "seem", "appear"})
#: Words that make a denial of what was said: "This is false", "the claims are baseless".
DENIALS = frozenset(
    {
        "false",
        "baseless",
        "untrue",
        "lie",
        "lies",
        "fabricated",
        "unfounded",
        "groundless",
        "absurd",
        "fabrication",
        "nonsense",
        "propaganda",
        "ridiculous",
    }
)
#: Verbs that tell a failing of their subject, damning when someone else tells it.
FAILING_VERBS = frozenset({"fail", "neglect"})
#: Verbs that tell a misdeed of their subject, an accusation when someone else tells it ("the
#: American side has violated the agreement", "China is busy bullying Taiwan", "you are
#: scapegoating the people at the very bottom"). Acts of force keep their own type.
MISDEED_VERBS = frozenset(
    str.split(
        "violate breach sabotage meddle interfere bully undermine obstruct mislead lie cheat "
        "collude scapegoat betray deceive manipulate persecute oppress discriminate exploit "
        "conceal rig squeeze"
    )
)
#: Subjects a judgement may have that name no actor but still point at someone: what was just
#: told ("This is a waste of time"), the one spoken to ("You squeezed employees").
POINTING = frozenset({"this", "that", "it", "these", "those", "you"})
#: Subjects that point back at what was just said.
DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those"})
#: Clauses an "it" subject may stand for ("it is difficult to ...", "it is bad for us that ...").
EXTRAPOSED = frozenset({"xcomp", "ccomp", "advcl", "csubj"})
#: Subjects a speaker's praise of themselves has.
SELF = frozenset({"i", "we"})
#: Reporting verbs a judgement may hang from (the teller is their subject).
TELLING_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "argue",
        "insist",
        "write",
        "warn",
        "charge",
        "claim",
        "declare",
        "tweet",
    }
)


@dataclass(frozen=True, slots=True)
class Judgement:
    """A damning predicate, what it is said of, and who tells it."""

    predicate: Token  # the damning word (attr or acomp of the copula)
    copula: Token
    subject: Token  # what it is said of
    code: Code
    quote: Quote | None  # the quote it stands in, if any
    teller: Token | None  # the subject of the reporting verb it hangs from, if any
    of_act: bool = False  # what it judges is an act: its doer is the one judged
    made: bool = False  # its modal or negation words make the judgement ("should", "isn't right")


def _words(predicate: Token) -> list[Token]:
    """A predicate and the words that qualify it or join it ("legally problematic, grossly
    unfair and inhumane")."""
    joined = [c for c in predicate.children if c.dep_ == "conj"]
    return [
        w
        for p in (predicate, *joined)
        for w in (p, *(c for c in p.children if c.dep_ in {"amod", "compound"}))
    ]


def any_in(words: Iterable[Token], lexicon: frozenset[str]) -> bool:
    """Whether one of the words is in a word list, by lemma or as written."""
    return any(w.lemma_.lower() in lexicon or w.lower_ in lexicon for w in words)


def _damning(predicate: Token) -> bool:
    """A damning predicate: in storyline's list, or rated ``DAMNING_VALENCE`` or below in the
    sentiment lexicon ("a waste of time", "outrageous")."""
    words = _words(predicate)
    rated = min((valence().get(w.lower_, 0.0) for w in words), default=0.0)
    return any_in(words, NEGATIVE_CHARACTERIZATIONS) or rated <= DAMNING_VALENCE


def denied_praise(predicate: Token) -> bool:
    """Praise denied: "This just isn't right", "Russia was not right" (a negation on the copula
    or the predicate): an accusation, asserted, not a negated one."""
    return _praising(predicate) and any(
        c.dep_ == "neg" for c in (*predicate.children, *predicate.head.children)
    )


def _praising(predicate: Token) -> bool:
    """Praise of the subject: "is right", "was fantastic" (not "the right time": an attribute
    with a noun head is a description)."""
    return predicate.pos_ == "ADJ" and any_in(_words(predicate), POSITIVE_CHARACTERIZATIONS)


def _pride(token: Token) -> Token | None:
    """Whom (or whose act) a speaker is proud of or grateful for: "I'm very proud of Secretary
    Rubio", "We are pleased with the Court's decision" (the object of the preposition)."""
    if token.lower_ not in PRIDE_WORDS or token.dep_ != "acomp":
        return None
    return _prep_object(token, PRIDE_PREPS)


def _honored(token: Token, quotes: list[Quote]) -> Judgement | None:
    """ "I am greatly honored by the endorsement of Senator Cruz": pride told in the passive,
    support of whoever did what it is "by"."""
    if token.lower_ not in PRIDE_WORDS or token.pos_ != "VERB":
        return None
    if not any(c.dep_ == "auxpass" for c in token.children):
        return None
    by = _prep_object(token, frozenset({"by"}))
    quote = quote_at(quotes, token.idx)
    teller = _teller(token)
    if by is None or ((quote is None or not quote.speaker_entity_id) and teller is None):
        return None
    return Judgement(token, token, by, ("SUPPORT", None), quote, teller, of_act=True)


def _concern(token: Token) -> Token | None:
    """What a speaker is concerned about: "deeply concerned about the recent actions of Dodik"."""
    if token.lower_ not in CONCERN_WORDS or token.dep_ != "acomp":
        return None
    return _prep_object(token, CONCERN_PREPS)


def _prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    prep = next(
        (c for c in token.children if c.dep_ in {"prep", "agent"} and c.lower_ in preps), None
    )
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _teller(copula: Token) -> Token | None:
    """The subject of the reporting verb whose complement the copular clause is."""
    current = copula
    for _ in range(3):
        head = current.head
        if current.dep_ == "ccomp" and head.lemma_.lower() in TELLING_VERBS:
            return next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if current.dep_ not in {"conj", "ccomp", "xcomp", "acomp"} or head is current:
            return None
        current = head
    return None


def _failing(token: Token, quotes: list[Quote]) -> Judgement | None:
    """ "Akram said Kabul was failing to rein in separatists", "'The Kabul authorities have
    failed to address the threat,' the envoy said": a failing someone tells is an accusation; so
    is a misdeed (:data:`MISDEED_VERBS`: "the Kabul administration has tried to sabotage")."""
    lemma = verb_lemma(token)
    if token.pos_ != "VERB" or lemma not in FAILING_VERBS | MISDEED_VERBS:
        return None
    if lemma in FAILING_VERBS:
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    else:
        subject, passive = clause_subject(token)
        if passive:
            return None  # "was undermined by": the victim, not the doer
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ in SELF):
        return None  # "we failed to": an admission, not an accusation
    quote = quote_at(quotes, token.idx)
    teller = _teller(token)
    if (quote is None or not quote.speaker_entity_id) and teller is None:
        return None
    return Judgement(token, token, subject, ("ACCUSE", "disapprove"), quote, teller)


def _quoted_demand(token: Token, quotes: list[Quote]) -> Judgement | None:
    """ "'You should resign,' Warren told Stumpf", "'The Taliban must stop killing civilians,'
    Ameri said": what a quoted speaker says someone must do, on no reporting verb of its own
    (that is the reporting verb's demand: "X says Y must ..."), is a demand of them; what they
    should have done, or not ("That should never have happened"), a reproach."""
    auxes = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if token.pos_ != "VERB" or not auxes & DEMAND_MODALS:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in SELF:
        return None  # "we must act": a resolve, not a demand of anyone
    quote = quote_at(quotes, token.idx)
    teller = _teller(token)
    if "have" in auxes and token.tag_ == "VBN" and (teller or (quote and quote.speaker_entity_id)):
        return Judgement(token, token, subject, ("ACCUSE", "disapprove"), quote, teller, made=True)
    if teller is not None or quote is None or not quote.speaker_entity_id:
        return None  # told by a reporting verb: its demand ("X says Y must ...")
    if quote.kind != "direct" or not _addressable(subject):
        return None  # "more and more women should come into the force": a wish
    return Judgement(token, token, subject, ("REQUEST", None), quote, None, made=True)


def _addressable(subject: Token) -> bool:
    """Whether a demand's subject is someone a demand can be made of: the one spoken to, or a
    named party ("the Taliban", "Russia")."""
    return subject.lower_ == "you" or subject.ent_type_ in ACTOR_LABELS


def judgement_at(token: Token, quotes: list[Quote]) -> Judgement | None:
    """The judgement whose damning (or praising) predicate is ``token``, if it is one that
    someone tells."""
    told = _failing(token, quotes) or _honored(token, quotes) or _quoted_demand(token, quotes)
    if told is not None:
        return told
    if token.dep_ not in {"attr", "acomp"} or token.head.lemma_.lower() not in COPULAS:
        return None
    copula = token.head
    subject = next((c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    quote = quote_at(quotes, token.idx)
    teller = _teller(copula)
    if subject is None or ((quote is None or not quote.speaker_entity_id) and teller is None):
        return None
    if _extraposed(subject, copula, token):
        return None
    verdict = _verdict(token, subject)
    if verdict is None:
        return None
    judged, code, of_act = verdict
    made = denied_praise(token)
    return Judgement(token, copula, judged, code, quote, teller, of_act, made)


def _extraposed(subject: Token, copula: Token, predicate: Token) -> bool:
    """ "It will be very difficult for these things to be met", "it's bad business to try": an
    "it" that stands for a clause judges a course of things, no one's act."""
    return subject.lower_ == "it" and any(
        c.dep_ in EXTRAPOSED for c in (*copula.children, *predicate.children)
    )


def _verdict(predicate: Token, subject: Token) -> tuple[Token, Code, bool] | None:
    """What a predicate judges, its code, and whether it judges an act (its doer judged):
    concern at what someone does is criticism of them, praise and pride support."""
    concern = _concern(predicate)
    if concern is not None:
        return concern, ("ACCUSE", "disapprove"), True
    code = _code(predicate, subject)
    if code is None:
        return None
    if code[0] != "SUPPORT":
        return subject, code, False
    proud_of = _pride(predicate)
    if proud_of is None and subject.lower_ in SELF:
        return None  # "We are absolutely right": a speaker's praise of themselves
    return proud_of or subject, code, True


def _code(predicate: Token, subject: Token) -> Code | None:
    """What a predicate said of a subject codes: a rejection of a claim called false, an
    accusation, support (praise, pride), else nothing."""
    if denied_praise(predicate):
        return ("ACCUSE", "disapprove")
    if not _damning(predicate):
        praised = _praising(predicate) or _pride(predicate) is not None
        return ("SUPPORT", None) if praised else None
    words = {predicate.lemma_.lower(), predicate.lower_} | {
        c.lower_ for c in predicate.children if c.dep_ in {"amod", "advmod"}
    }
    denial = bool(words & DENIALS) and (
        subject.lower_ in DEMONSTRATIVES or subject.lemma_.lower() in CLAIM_NOUNS
    )
    return ("REJECT", None) if denial else ("ACCUSE", "disapprove")


__all__ = [
    "COPULAS",
    "DEMONSTRATIVES",
    "DENIALS",
    "POINTING",
    "SELF",
    "Judgement",
    "any_in",
    "denied_praise",
    "judgement_at",
]
