"""Acts of force the text tells without a doer: "Four soldiers were killed", "a roadside bomb
killed 11 coal miners", "he was arrested in July"; and formal accusations told without the
accuser: "Iranian operatives were accused of planning to kidnap her".

News tells many attacks and arrests from the side of those they befall. Such an act is still an
event (GDELT, ICEWS and POLECAT code it with an unknown source): its target, date and place are
known and a later sentence or report may name who did it. An event with no source is emitted only
when the text itself leaves the doer out, never because the parse lost one:

- its type is one of :data:`UNATTRIBUTED_TYPES` (a use of force, not what someone says), or it
  is an accusation told by a verb of charging in the passive with no "by" phrase
  (:data:`CHARGING_VERBS`; "Russia was criticized" stays no event: whose words matters), or a
  penalty so told ("was fined", :data:`PENALTY_VERBS`);
- its trigger is a verb of force (:data:`FORCE_VERBS`) in the passive with no "by" phrase
  ("were killed", "was arrested"), or one whose subject is the weapon or the blast itself
  (:data:`INSTRUMENT_NOUNS`: "an airstrike killed", "a car bomb wounded");
- its target is an actor (people, a group, a state), named or counted ("21 passengers");
- it is not a tally over a stretch of time ("Since 2009, hundreds have been killed", "1,250
  terrorists have been killed in the last 15 months"): many acts, none of them told.
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.records import Actor
from storyline.stages.events.classifier import Trigger
from storyline.stages.events.clauses import agent, subject
from storyline.stages.events.lexicon import verb_lemma

#: The types an act told without its doer may have: uses of force.
UNATTRIBUTED_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Nouns of a weapon or blast that may be the subject of an act of force ("a roadside bomb blast
#: killed 11 coal miners"): the doer is left untold.
INSTRUMENT_NOUNS = frozenset(
    str.split(
        "airstrike blast bomb bombing drone explosion explosive gunfire ied mine "
        "missile mortar rocket shell shelling strike grenade barrage volley"
    )
)
#: Verbs a passive or instrument subject makes an act done to people, not by them.
FORCE_VERBS = frozenset(
    str.split(
        "kill wound injure shoot abduct kidnap arrest detain execute assassinate attack "
        "bomb shell behead torture massacre slaughter murder lynch capture seize"
    )
)
#: Verbs of a formal accusation, told in the passive without the accuser: "were accused of
#: planning to kidnap her", "was charged with murder".
CHARGING_VERBS = frozenset({"accuse", "charge", "indict"})
#: Penalties told in the passive without who imposed them: "Wells Fargo was fined $185 million"
#: (an authority's act; who it was, a later sentence or report may say).
PENALTY_VERBS = frozenset({"fine", "penalize", "sanction"})
#: (type, verb) of the acts emitted when told in the passive with no "by" phrase.
PASSIVE_ACTS = frozenset(
    {("ACCUSE", v) for v in CHARGING_VERBS} | {("SANCTION", v) for v in PENALTY_VERBS}
)
#: Conjunctions that make a passive act a condition, no act told: "if Turkey is sanctioned".
CONDITIONS = frozenset({"if", "unless", "whether"})
#: Words of a stretch of time a tally is counted over: "since 2009", "in the last 15 months".
SPAN_PREPS = frozenset({"since", "in", "over", "during", "within", "throughout"})
SPAN_WORDS = frozenset({"last", "past", "since"})
TIME_UNITS = frozenset(str.split("days weeks months years decades"))


def unattributed(trigger: Trigger, targets: list[Actor]) -> bool:
    """Whether a trigger the rules found no source for is an act told without its doer (module
    docstring), to be emitted with no source."""
    if not targets or trigger.is_noun:
        return False
    verb = trigger.anchor
    lemma = verb_lemma(verb)
    if (trigger.code[0], lemma) in PASSIVE_ACTS:  # "were accused of", "was fined $185 million"
        conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children)
        return subject(verb)[1] and agent(verb) is None and not conditional
    if trigger.code[0] not in UNATTRIBUTED_TYPES or lemma not in FORCE_VERBS:
        return False
    if _tally(verb):
        return False
    found, passive = subject(verb)
    if passive:
        return agent(verb) is None
    return found is not None and _instrument(found)


def _tally(verb: Token) -> bool:
    """Whether a verb counts acts over a stretch of time: "since 2009", "in the last 15 months",
    "over the past decade"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in SPAN_PREPS:
            continue
        if prep.lower_ == "since":
            return True
        for obj in prep.children:
            words = {t.lower_ for t in obj.subtree}
            if words & SPAN_WORDS and (obj.lower_ in TIME_UNITS or obj.lemma_ == "decade"):
                return True
    return False


def _instrument(token: Token) -> bool:
    """Whether a subject is a weapon or a blast ("a roadside bomb blast", "an airstrike")."""
    return token.lemma_.lower() in INSTRUMENT_NOUNS and token.ent_type_ == ""


__all__ = ["FORCE_VERBS", "INSTRUMENT_NOUNS", "UNATTRIBUTED_TYPES", "unattributed"]
