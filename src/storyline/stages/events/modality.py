"""The modality of an event: negated, hypothetical, planned, reported or asserted.

Reads: the parse around the trigger, the quote it stands in and its source actors. Writes nothing.

Convention, first match wins (``_RULES``): ``negated`` (a negation on the trigger or on the verb
that governs it: "would not support", "unable to"); ``hypothetical`` ("if", "unless", "until",
"whether", "could", "might", "may", "should", "must", "can", "unlikely to", "interested in",
"hopes to", "considering", "doubts that", "fears that");
``planned`` ("will", "shall", "would" in reported future, "plans to", "is set to", "going to");
``reported`` (told by someone else than the source: inside another speaker's quote or a clause
under another person's reporting verb, "according to"); else ``asserted``. The source's own words
about what it does ("we do not support") keep the modality of the verb, not ``reported``.
"until" with a past verb bounds a time ("headed the party until he resigned"), no condition.

A possibility in the writer's own voice (:func:`speculation`: a modal of possibility no quote
or reporting verb tells, "the administration could impose restrictions") is no event at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.records import Actor, Quote
from storyline.stages.events.classifier import CONFLICT_TYPES, Trigger
from storyline.stages.events.clauses import REPORT_VERBS, condition_of, participle_adjunct, subject
from storyline.stages.events.participants import actors_of

PLANNED_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "can", "must"})
#: Verbs and adjectives that put what they govern in the future: "plans to", "is set to".
PLAN_VERBS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "schedule",
        "prepare",
        "aim",
        "set",
        "go",
        "willing",
        "ready",
        "prepared",
        "due",
        "offer",
    }
)
#: Nouns whose clause is hypothetical: "expressing doubts that Russia would surrender".
DOUBT_NOUNS = frozenset({"doubt", "hope", "fear", "possibility", "chance", "prospect", "risk"})
#: Negating words besides a "neg" dependency: "never", "no".
NEGATORS = frozenset({"never", "no"})
#: Verbs whose negation affirms what they govern: "will not hesitate to retaliate".
AFFIRMING_HEADS = frozenset({"hesitate"})
#: Words of the governing chain that negate it: "unable to".
NEGATING_HEADS = frozenset({"unable", "impossible"})
#: Types of acts of accord whose refusal is a REJECT, with the REJECT mode of what is refused.
REFUSABLE: dict[str, str | None] = {
    "COOPERATE": None,
    "SUPPORT": None,
    "AGREE": None,
    "CONSULT": "meet",
    "AID": "assist",
    "CONCEDE": "yield",
    "RETREAT": "yield",
}
#: Auxiliaries of a will: "will not", "won't" ("wo"), "would not".
REFUSING_AUX = frozenset({"will", "wo", "would"})
#: Verbs whose negation in the present is a stance of rejection: "does not recognize the court".
RECOGNIZING = frozenset({"recognize", "recognise", "accept", "acknowledge"})
#: Verbs whose negation in the present is a standing restriction: "the army does not allow
#: humanitarian agencies to go to these areas" (PLOVER COERCE, restrict).
PERMITTING = frozenset({"allow", "permit", "let"})
RESTRICT = ("COERCE", "restrict")
#: Tags of a verb in the present (after "does not": the base form).
PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ"})
#: Conjunctions that make a clause hypothetical.
CONDITIONS = frozenset({"if", "unless", "whether", "until"})
THREATEN = ("THREATEN", None)
#: Conditions that only bound a time when their verb is in the past: "until he resigned".
PAST_BOUNDS = frozenset({"until"})
#: Words of the governing chain that make it hypothetical: "unlikely to", "interested in
#: talking", "hopes to meet", "considering offering".
LIKELIHOODS = frozenset(
    {
        "unlikely",
        "likely",
        "able",
        "possible",
        "interested",
        "keen",
        "eager",
        "hope",
        "wish",
        "want",
        "consider",
        "weigh",
        "contemplate",
        "mull",
    }
)
#: Verbs whose complement clause is hypothetical: "fears that Washington will disengage".
DOUBT_VERBS = frozenset({"fear", "doubt", "worry", "hope"})
#: Words in front of an event noun that put it in the future: "the upcoming talks".
FUTURE_MARKS = frozenset({"upcoming", "planned", "next", "proposed"})
#: The dependencies a trigger's governing verbs are reached through.
_GOVERNED = frozenset({"xcomp", "conj", "acomp", "pcomp", "prep"})


@dataclass(frozen=True, slots=True)
class _Clause:
    """What the modality of a trigger is read from."""

    trigger: Trigger
    chain: list[Token]  # the trigger's verb and the verbs that govern it, nearest first
    tokens: list[Token]  # their children (and an event noun's)
    auxes: frozenset[str]  # the lower-cased auxiliaries among them
    quote: Quote | None
    sources: list[Actor]


def _chain(token: Token) -> Iterator[Token]:
    """The trigger's verb and the verbs that govern it through complements, nearest first."""
    current = token
    for _ in range(6):
        yield current
        if (
            current.dep_ in _GOVERNED or participle_adjunct(current)
        ) and current.head is not current:
            current = current.head
        else:
            return


def _negated(c: _Clause) -> bool:
    return (
        any(t.dep_ == "neg" and t.head.lemma_.lower() not in AFFIRMING_HEADS for t in c.tokens)
        or any(
            t.lower_ in NEGATORS and t.dep_ in {"neg", "advmod", "det"}
            for t in c.tokens
            if t.head in c.chain
        )
        or any(v.lower_ in NEGATING_HEADS for v in c.chain)
    )


def _conditional(c: _Clause) -> bool:
    return any(_condition(t) for t in c.tokens) or any(
        v.lower_ in LIKELIHOODS or v.lemma_.lower() in LIKELIHOODS for v in c.chain[1:]
    )


def _condition(token: Token) -> bool:
    """A conjunction making its clause a condition; "until" with a past verb tells when something
    ended ("headed the party until he resigned in October"), no condition."""
    if token.dep_ != "mark" or token.lower_ not in CONDITIONS:
        return False
    return not (token.lower_ in PAST_BOUNDS and token.head.tag_ == "VBD")


def _doubted(c: _Clause) -> bool:
    """ "expressing doubts that Russia would surrender"."""
    top = c.chain[-1]
    head = top.head.lemma_.lower()
    return (top.dep_ in {"acl", "ccomp"} and head in DOUBT_NOUNS) or (
        top.dep_ == "ccomp" and head in DOUBT_VERBS
    )


def _hypothetical_aux(c: _Clause) -> bool:
    return bool(c.auxes & HYPOTHETICAL_AUX)


def _planned(c: _Clause) -> bool:
    anchor, token = c.trigger.anchor, c.trigger.token
    return (
        bool(c.auxes & PLANNED_AUX)
        or "would" in c.auxes
        or any(v.lemma_.lower() in PLAN_VERBS and v is not anchor for v in c.chain)
        or (c.trigger.is_noun and any(t.lower_ in FUTURE_MARKS for t in token.lefts))
    )


def _told(c: _Clause) -> bool:
    return reported(c.trigger.anchor, c.quote, c.sources)


#: (modality, test) in the order they are tried; none holds: ``asserted``.
_RULES: tuple[tuple[str, Callable[[_Clause], bool]], ...] = (
    ("negated", _negated),
    ("hypothetical", _conditional),
    ("hypothetical", _doubted),
    ("hypothetical", _hypothetical_aux),
    ("planned", _planned),
    ("reported", _told),
)


def _clause(trigger: Trigger, quote: Quote | None, sources: list[Actor]) -> _Clause:
    chain = list(_chain(trigger.anchor))
    tokens = [c for v in chain for c in v.children]
    if trigger.is_noun:
        tokens += list(trigger.token.children)
    auxes = frozenset(t.lower_ for t in tokens if t.dep_ in {"aux", "auxpass"})
    return _Clause(trigger, chain, tokens, auxes, quote, sources)


def modality_of(trigger: Trigger, quote: Quote | None, sources: list[Actor]) -> str:
    """The modality of an event (see the module docstring for the convention)."""
    clause = _clause(trigger, quote, sources)
    judgement = trigger.judgement
    rules = _RULES
    if judgement is not None and judgement.made:  # "isn't right", "should resign": made
        rules = tuple(r for r in _RULES if r[0] == "reported")
    return next((modality for modality, holds in rules if holds(clause)), "asserted")


def refusal(trigger: Trigger) -> tuple[str, str | None] | None:
    """The code of a refusal told as a negated act of accord: a restriction in force for a
    permission denied in the present ("does not allow"); else REJECT (PLOVER: "all rejections and
    refusals"): a will not to do it ("Dodik will not cooperate", "Cambodia would not support a
    referendum", "won't meet") or a stance of not recognizing ("does not recognize the court");
    the mode says what is refused (a meeting, help, yielding). None for what simply did not
    happen ("Russia has not agreed to the ceasefire", "did not sign")."""
    if trigger.code[0] not in REFUSABLE or trigger.is_noun:
        return None
    verb = trigger.anchor
    if not any(c.dep_ == "neg" for c in verb.children):
        return None  # not negated, or negated above the act ("did not say it would help")
    if verb.lemma_.lower() in PERMITTING and verb.tag_ in PRESENT_TAGS:
        return RESTRICT  # "does not allow aid agencies to go": a restriction in force
    will = any(c.dep_ == "aux" and c.lower_ in REFUSING_AUX for c in verb.children)
    stance = verb.lemma_.lower() in RECOGNIZING and verb.tag_ in PRESENT_TAGS
    return ("REJECT", REFUSABLE[trigger.code[0]]) if will or stance else None


def conditional_threat(trigger: Trigger) -> tuple[str, str | None] | None:
    """The code of a coercive act promised on a condition ("would impose sanctions on Turkey if
    Ankara activated the system", "will raise tariffs unless Canada drops its own"): the act is
    not done, the threat of it is (PLOVER THREATEN). None for anything else."""
    if trigger.code[0] not in CONFLICT_TYPES or condition_of(trigger.anchor) is None:
        return None
    return THREATEN


def vowed_force(trigger: Trigger, quote: Quote | None, sources: list[Actor]) -> bool:
    """Force a doer says it will use ("Trump said he would bomb ISIS", "Hun Sen said he would
    attack Russia"): told by the doer itself, the attack is not done, the threat of it is
    (PLOVER THREATEN)."""
    return (
        trigger.code[0] == "ASSAULT"
        and told(trigger.anchor, quote)
        and not reported(trigger.anchor, quote, sources)
    )


def speculation(trigger: Trigger, quote: Quote | None) -> bool:
    """A possibility in the writer's own voice ("the administration could impose restrictions"):
    a modal of possibility that no one tells (no quote, no reporting verb above it). No one says
    it will be done, so it is no event; a party's "sanctions could follow" is told, and "China is
    considering sanctions" is China's own stance."""
    clause = _clause(trigger, quote, [])
    return _hypothetical_aux(clause) and not _negated(clause) and not told(trigger.anchor, quote)


def reported(anchor: Token, quote: Quote | None, sources: list[Actor]) -> bool:
    """True when the event is told by someone else than its source: inside another speaker's
    quote, "according to" someone, or in a clause under another person's reporting verb."""
    source_ids = {a.entity_id for a in sources if a.entity_id}
    if quote is not None:
        return not (quote.speaker_entity_id and quote.speaker_entity_id in source_ids)
    teller = _telling(anchor, steps=6)
    if isinstance(teller, Token):
        return _told_by_another(teller, sources, source_ids)
    return teller


def told(anchor: Token, quote: Quote | None) -> bool:
    """True when someone tells the event: it stands in a quote, "according to" someone, or in a
    clause under a reporting verb; False for the writer's own voice."""
    return quote is not None or _telling(anchor, steps=8) is not False


def _telling(anchor: Token, steps: int) -> Token | bool:
    """What tells a clause, looking up at most ``steps`` heads: the reporting verb it stands
    under, True for an "according to" phrase, else False."""
    current = anchor
    for _ in range(steps):
        if any(c.dep_ == "prep" and c.lower_ == "according" for c in current.children):
            return True
        if current.dep_ in {"ccomp", "parataxis"} and current.head.lemma_.lower() in REPORT_VERBS:
            return current.head
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _told_by_another(report: Token, sources: list[Actor], source_ids: set[str]) -> bool:
    """True unless the reporting verb's subject is one of the sources (or it has none)."""
    subj, _ = subject(report)
    if subj is None:
        return True
    speaker = actors_of(report.doc, subj)
    return not any(
        (a.entity_id and a.entity_id in source_ids) or any(a.start == s.start for s in sources)
        for a in speaker
    )
