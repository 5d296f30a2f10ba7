"""Finding the event triggers of a sentence: the words that may code an event, at most one each.

Reads: the parse of a sentence and the document's quotes (``doc._.quotes``, for judgements told in
them). Writes nothing: returns :class:`~storyline.stages.events.classifier.Trigger` records, whose
type :mod:`storyline.stages.events.classifier` decides.

A candidate is a damning statement someone tells (:mod:`storyline.stages.events.judgements`), a
verb, or an event noun with an actor phrase on it ("his call", "talks with") or a doer ("Rubio led
talks"); a charge someone made is one even as another event's object ("rejected Pakistan's
allegation"). A word of a title ("The Girl Who Stood Up for Education") is none. The content of a
governing verb ("agreed to meet", "called on X to stand up"), the charge of an accusation ("accused
the bloc of failing") and what someone was prevented from doing are not coded on their own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.records import Quote
from storyline.stages import doc_list
from storyline.stages.events.classifier import (
    Trigger,
    judged_trigger,
    noun_trigger_code,
    ruling,
    states_in_front,
    threatened_harm,
    verb_trigger,
)
from storyline.stages.events.clauses import (
    RECEIVE_VERBS,
    agent,
    charged,
    doer_verb,
    governing,
    intended_acts,
    is_verb,
    object_sharers,
    prevented,
    subject,
)
from storyline.stages.events.judgements import judgement_at
from storyline.stages.events.lexicon import (
    ACTOR_LABELS,
    ACTOR_NOUNS,
    DECIDING_VERBS,
    DOER_OF_NOUNS,
    FORCE_BODIES,
    GOVERNING_TYPES,
    STANDING_NOUNS,
    SUPPORT_ONLY_NOUNS,
    Code,
    Lexicon,
    verb_lemma,
)

#: Named-entity labels of titles, whose words tell no event.
TITLE_LABELS = frozenset({"WORK_OF_ART"})
#: Tokens after which a sentence-like run starts with a capital: a quote, a colon, a dash.
OPENERS = frozenset({'"', "“", "'", "‘", ":", "—", "–", "-", "(", "["})
#: Parts of speech of an event noun.
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
#: Prepositions that put an actor on an event noun: "talks with", "an attack on".
ACTOR_PREPS = frozenset({"with", "from", "by", "to", "on", "against", "between"})


def find_triggers(sent: Span, lexicon: Lexicon, quotes: list[Quote] | None = None) -> list[Trigger]:
    """The event triggers of a sentence, in text order, at most one per token (``quotes``: the
    document's, read from the Doc when not given)."""
    found: list[Trigger] = []
    used: set[int] = set()
    if quotes is None:
        quotes = doc_list(sent.doc, "quotes")
    heading_end = glued_heading_end(sent)
    for token in sent:
        if token.i in used or token.i < heading_end:
            continue
        candidate = _candidate(token, lexicon, quotes, used)
        if candidate is not None:
            trigger, claimed = candidate
            found.append(trigger)
            used.update(claimed)
    return _ungoverned(found)


#: Words a name may follow as its object: a verb, a preposition.
NAME_GOVERNORS = frozenset({"VERB", "AUX", "ADP"})
#: Words that open a sentence, written capitalized inside one only where a heading glued to it
#: ends.
HEADING_BREAKS = frozenset(
    {"the", "a", "an", "in", "on", "at", "as", "after", "since", "while", "but", "despite",
     "for", "when", "although", "though", "during", "with", "this", "last", "earlier"}
)  # fmt: skip


def _candidate(
    token: Token, lexicon: Lexicon, quotes: list[Quote], used: set[int]
) -> tuple[Trigger, set[int]] | None:
    """The trigger a token makes, and the tokens it claims, else None."""
    if in_title(token):
        return None
    judgement = judgement_at(token, quotes)
    if judgement is not None:
        return judged_trigger(token, judgement), {token.i}
    if is_verb(token):
        trigger = verb_trigger(token, lexicon)
        return None if trigger is None else (trigger, {trigger.token.i, trigger.anchor.i})
    harm = threatened_harm(token) if token.pos_ in NOUN_TAGS else None
    if token.pos_ in NOUN_TAGS and (token.lemma_.lower() not in SUPPORT_ONLY_NOUNS or harm):
        code = noun_trigger_code(token)
        free = token.head.i not in used or owned_charge(token, code) or _own_doer(token)
        stands = noun_can_stand(token) or (harm is not None and bool(states_in_front(harm)))
        if code is not None and free and stands:
            return Trigger(token, token, noun_start(token), token, code, 0.6, True), {token.i}
    standing = _standing_code(token)
    if standing is not None and token.head.i not in used:
        return Trigger(token, token, noun_start(token), token, standing, 0.6, True), {token.i}
    return None


def _standing_code(token: Token) -> Code | None:
    """The code of a noun of :data:`STANDING_NOUNS` with a phrase naming a party on it, else
    None."""
    entry = STANDING_NOUNS.get(token.lemma_.lower()) if token.pos_ in NOUN_TAGS else None
    if entry is None:
        return None
    code, preps = entry
    for child in token.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in preps
            and any(g.dep_ == "pobj" for g in child.children)
        ):
            return code
        if child.dep_ == "poss" and "'s" in preps and _names_actor(child):
            return code
    return None


def _names_actor(token: Token) -> bool:
    """Whether a word names an actor: a name, or a role noun ("the committee's")."""
    return token.ent_type_ in ACTOR_LABELS or token.lemma_.lower() in ACTOR_NOUNS


def glued_heading_end(sent: Span) -> int:
    """Where a subheading glued to the sentence after it ends ("Chinese demand The changes in
    Japanese immigration policy ...", "BLA surges Since last August, ..."): the token index of a
    sentence opener written capitalized right after a lower-case word, else the sentence's
    start. A heading tells no event."""
    for token in sent[1:]:
        before = token.doc[token.i - 1]
        if (
            token.lower_ in HEADING_BREAKS
            and token.is_title
            and not (_opens_a_name(token) and before.pos_ in NAME_GOVERNORS)
            and before.is_alpha
            and before.is_lower
        ):
            return token.i
    return sent.start


def _opens_a_name(token: Token) -> bool:
    """Whether a word opens a proper name ("The New York Times"): after a verb or preposition
    it is their object ("told The New York Times", "at The Hague"), no heading's end."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return bool(token.ent_type_) and following is not None and following.pos_ == "PROPN"


def in_title(token: Token) -> bool:
    """A word of a title or headline: "The Girl Who Stood Up for Education" (a verb written
    title-case inside a sentence), or a named work."""
    if token.ent_type_ in TITLE_LABELS:
        return True
    if token.pos_ != "VERB" or not token.is_title or token.is_sent_start:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_punct and before.text in OPENERS)


def _ungoverned(found: list[Trigger]) -> list[Trigger]:
    """The triggers that are not a governing verb's content, an accusation's charge or what
    someone was prevented from doing, in text order; a resolution's content ("voted for a
    resolution demanding ...") gives the type."""
    # the act voted for is the vote's event, no event of its own ("voted to impose sanctions")
    contents = {
        t.content.i
        for t in found
        if t.content is not None and verb_lemma(t.anchor) in DECIDING_VERBS
    }
    governed = {t.token.i for t in found if contents & {t.token.i, t.anchor.i}}
    by_token = {t.token.i: t for t in found}
    demanded = _demanded(found)
    for trigger in found:
        head = governing(trigger.anchor)
        if head is not None and head.i in by_token and by_token[head.i].code[0] in GOVERNING_TYPES:
            governed.add(trigger.token.i)
            by_token[head.i] = ruling(by_token[head.i], trigger)
        charge = charged(trigger.anchor)
        if charge is not None and charge.i in by_token and by_token[charge.i].code[0] == "ACCUSE":
            governed.add(trigger.token.i)  # "accused the bloc of failing": the charge only
        barred = prevented(trigger.anchor)
        if barred is not None and barred.i in by_token:
            governed.add(trigger.token.i)  # "prevented them from contacting": no contact
        if any(v.i in by_token for v in intended_acts(trigger.anchor)):
            governed.add(trigger.token.i)  # "stepped up efforts to build ties": the building
        if _one_act_with(trigger, by_token):
            governed.add(trigger.token.i)  # "killed and injured 1,000 fighters": one attack
        if trigger.token.i in demanded:
            governed.add(trigger.token.i)  # "the Taliban must stop detaining women, he said"
    return sorted(
        (by_token[t.token.i] for t in found if t.token.i not in governed), key=lambda t: t.token.i
    )


def _demanded(found: list[Trigger]) -> set[int]:
    """The tokens of what a saying demands ("X says Israel must end attacks"): the demand is the
    event, what it asks for is not (as "urged Israel to end attacks")."""
    return {
        t.i
        for demand in found
        if demand.code[0] == "REQUEST"
        and demand.content is not None
        and demand.content.dep_ == "ccomp"
        and demand.content.head.i == demand.token.i
        for t in demand.content.subtree
    }


def _one_act_with(trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """Whether a verb joined to the verb before it by "and" tells the same act: of the same type,
    sharing its object (:func:`object_sharers`: "killed and injured", "orchestrated and
    directed"; "removed Bashir and jailed him" are two acts)."""
    token = trigger.token
    if trigger.is_noun or token.dep_ != "conj" or token.head.i not in by_token:
        return False
    first = by_token[token.head.i]
    return (
        first.code[0] == trigger.code[0]
        and not first.is_noun
        and any(v.i == token.i for v in object_sharers(first.anchor))
    )


def owned_charge(token: Token, code: Code | None) -> bool:
    """A charge someone made, named as the object of another event ("rejected Pakistan's
    allegation", "reject allegations by the army spokesperson"): an event of its own."""
    if code is None or code[0] != "ACCUSE":
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in token.children)


def _own_doer(token: Token) -> bool:
    """An event noun that names its own doer, told as another event's object ("praised the
    withdrawal of U.S. troops", "condemned Russia's attack", "to handle U.S. restrictions"): an
    event of its own; so is one done "by" someone ("overcoming restrictions imposed by the
    U.S.")."""
    doer_of = token.lemma_.lower() in DOER_OF_NOUNS
    return bool(states_in_front(token)) or any(
        c.dep_ == "poss"
        or (doer_of and c.dep_ == "prep" and c.lower_ == "of")
        or (c.dep_ == "acl" and agent(c) is not None)
        for c in token.children
    )


def noun_start(token: Token) -> Token:
    """The first token of an event noun's trigger: "phone call", "rice seed distribution mission":
    compounds in front belong to the trigger."""
    start = token
    for left in reversed(list(token.lefts)):
        if left.dep_ in {"compound", "nmod"} and left.i == start.i - 1:
            start = left
            start = min((t for t in left.subtree), key=lambda t: t.i)
    return start


def noun_can_stand(token: Token) -> bool:
    """An event noun codes on its own only with an actor phrase on it: "his call", "talks with",
    "cooperation between Russia and North Korea", "an offensive launched by Puntland forces", "the
    withdrawal of U.S. troops", or a doer who leads or owns up to it ("Rubio led talks",
    "al-Shabab claimed responsibility for the attack")."""
    doer = doer_verb(token)
    if doer is not None and subject(doer)[0] is not None:
        return True
    doer_of = token.lemma_.lower() in DOER_OF_NOUNS
    return any(_actor_phrase(child, doer_of) for child in token.children)


def _actor_phrase(child: Token, doer_of: bool) -> bool:
    """Whether a dependent of an event noun names a party to it (``doer_of``: its "of" phrase
    names the doer)."""
    return (
        child.dep_ == "poss"
        or (child.dep_ == "prep" and child.lower_ in ACTOR_PREPS)
        or (doer_of and child.dep_ == "prep" and child.lower_ == "of")
        or (child.dep_ == "acl" and agent(child) is not None)
        or (child.dep_ in {"amod", "compound"} and child.ent_type_ == "NORP")
        or (child.dep_ == "compound" and child.lower_ in FORCE_BODIES)  # "police killings"
        or (child.dep_ == "relcl" and child.lemma_.lower() in RECEIVE_VERBS)
    )
