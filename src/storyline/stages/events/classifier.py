"""The type decision: which PLOVER type (and mode) a trigger word codes in its context.

Reads: the parse around a word and the tables of :mod:`storyline.stages.events.lexicon`. Writes
nothing: returns :class:`Trigger` records for :mod:`storyline.stages.events.candidates`.

A verb is decided by the first of these rules that applies (``_VERB_RULES``, in order): a
participle glossing its clause ("..., leaving five dead": nothing), a question asked (nothing), a
role held told in a relative clause with no day of its own ("who headed the party": nothing),
releasing a thing rather than someone ("released a development program": nothing), firing
someone from a job ("fired 5,300 employees": nothing), putting someone in custody, keeping
someone from doing something ("prevented X from contacting": COERCE), a warning (a threat when
the warner tells what it will do, a charge when it tells what another will do, else a forecast:
nothing), worries dismissed (nothing), a restriction eased ("lifted the sanctions": CONCEDE),
someone hit "with" a penalty ("hit Canada with a levy": SANCTION), a demand told as "X says Y
must ..." or "X wants Y to ...", a vote to do something (the act voted for: "voted to impose
sanctions" SANCTION), agreeing with someone in a view (SUPPORT), questioning someone's quality or
act (ACCUSE), a verb and object coded together ("reached an agreement"), a verb of more or less
coded by what it acts on ("deepened ties": COOPERATE; "boosted its budget": nothing), a support
verb with an event noun as object ("held talks"), receiving a visitor or aid, a characterization
("called the ruling arbitrary", "described the ruling as arbitrary", "called Trump a pathological
liar"); else the verb lexicon's code, adjusted by its objects (a strike on someone, peacekeeping
troops, money given), the purpose of a call, and what a voted, sponsored or passed resolution
does.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

from spacy.tokens import Token

from storyline.records import Actor
from storyline.stages.events.clauses import (
    RECEIVE_VERBS,
    REPORT_VERBS,
    SUBJECTS,
    WRITING_NOUNS,
    objects_deep,
    prefixed,
    prep_objects,
    subject,
)
from storyline.stages.events.judgements import DENIALS, SELF, Judgement, any_in
from storyline.stages.events.lexicon import (
    ACTOR_LABELS,
    ACTOR_NOUNS,
    AID_OBJECTS,
    AUTHORITY_SECTORS,
    BY_AUTHORITY,
    CAPTIVE_NOUNS,
    CLAIM_NOUNS,
    CLAUSE_DEPS,
    COURT_SECTORS,
    COURT_VERBS,
    DAMNING_VALENCE,
    DECIDING_VERBS,
    DEMAND_MODALS,
    GIVING_VERBS,
    NEGATIVE_CHARACTERIZATIONS,
    OBJECT_VERBS,
    PERSON_ENDINGS,
    PHRASE_CODES,
    PRAISING_VALENCE,
    RELEASE_VERBS,
    RESOLUTION_NOUNS,
    ROLE_VERBS,
    SHIPPING_VERBS,
    STRIKE_PROTEST_VERBS,
    SUPPORT_VERB_CODES,
    SUPPORT_VERBS,
    TALKING_SECTORS,
    TENURE_PREPS,
    WORDS_OF_FORCE,
    Code,
    Lexicon,
    noun_code,
    valence,
    verb_code,
    verb_lemma,
)
from storyline.stages.lookup import entity_index, mentions_in
from storyline.stages.syntax import pobj_of

#: Verbs that put someone in custody when they send them to one of CUSTODY_NOUNS.
CUSTODY_VERBS = frozenset({"order", "send", "return", "take", "remand", "transfer", "move"})
CUSTODY_NOUNS = frozenset(
    {"prison", "jail", "gaol", "custody", "detention", "cell", "penitentiary"}
)
#: Verbs that ease a restriction named as their object: "lifted the freeze", "delayed the tariffs".
EASING_VERBS = frozenset(
    {
        "lift",
        "ease",
        "relax",
        "loosen",
        "suspend",
        "pause",
        "delay",
        "postpone",
        "waive",
        "scrap",
        "drop",
        "remove",
        "rescind",
        "revoke",
        "unfreeze",
    }
)
#: Restrictions one side puts on another; easing one is a concession (easing a military blockade,
#: a siege or a curfew is a retreat, as the hand patterns code it).
RESTRICTION_NOUNS = frozenset(
    {
        "sanction",
        "tariff",
        "levy",
        "duty",
        "embargo",
        "ban",
        "freeze",
        "restriction",
        "boycott",
        "penalty",
        "quota",
    }
)
#: Participles that gloss another clause with its result or aim ("..., leaving five dead",
#: "..., aiming to topple the government"): the writer's gloss, no act of their own.
GLOSS_PARTICIPLES = frozenset({"leave", "mean", "aim", "result", "cause"})
#: Words that open a question: "asked if ...", "asked what ...".
QUESTION_MARKS = frozenset({"if", "whether"})
QUESTION_TAGS = frozenset({"WP", "WRB", "WDT", "WP$"})
#: Dependents that say what was asked, or of whom.
ASKED_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "advcl", "prep", "nsubjpass", "attr"})
#: Verbs that code their event only with an object, a complement or a named doer: "declined the
#: offer", "declined to sign", "Chaffetz declined" (what was just offered), not "the population
#: declined".
COMPLEMENT_VERBS = frozenset({"decline"})
#: Sectors of the press, and the acts that are their work, no event: "VOA spoke with him",
#: "asked by VOA", "an email requesting comment" (``MED`` is medicine: a medical charity's
#: request is an act).
PRESS_SECTORS = frozenset({"JRN"})
PRESS_WORK = frozenset({"CONSULT", "REQUEST"})
#: Verbs that frame what they act on "as" something: "described the ruling as arbitrary".
FRAMING_LEMMAS = frozenset(
    {"describe", "characterize", "characterise", "label", "brand", "portray", "depict"}
)
#: Sectors of private people, whose visits are no diplomacy: tourists, refugees.
PRIVATE_SECTORS = frozenset({"CVL", "REF"})
#: Nouns of private people, whatever the actors stage coded: "the victims", "residents".
PRIVATE_PEOPLE = frozenset(
    {
        "victims", "civilians", "residents", "passengers", "villagers", "families", "students",
        "refugees", "migrants", "tourists", "citizens", "people", "children", "women", "men",
    }
)  # fmt: skip
VISIT: Code = ("CONSULT", "visit")
WITHDRAW: Code = ("RETREAT", "withdraw")
CONVICT: Code = ("SANCTION", "convict")
#: Verbs of force that, done to someone, put them out of a job: "fired 5,300 employees".
DISMISSING_VERBS = frozenset({"fire", "sack"})
#: Verbs of doubt: doubting someone's quality or act criticizes them.
DOUBTING_VERBS = frozenset({"question"})
#: Words that tell a support verb's event over: "declared the operation over".
ENDED_WORDS = frozenset({"over", "complete", "completed", "finished", "ended", "concluded"})
ENDED_DEPS = frozenset({"oprd", "acomp", "advmod", "prt", "ccomp"})
DECLARING_VERBS = frozenset({"declare", "announce", "pronounce"})
#: Verbs of more or less that code only what they act on: "increased the sanctions" (SANCTION),
#: "deepened ties" (COOPERATE), "boosted its budget" (nothing).
INTENSITY_VERBS = frozenset(
    {"increase", "raise", "boost", "expand", "deepen", "strengthen", "bolster", "enhance", "double"}
)
TIES_NOUNS = frozenset(
    {"tie", "ties", "relation", "relations", "relationship", "cooperation", "partnership"}
)
TIES: Code = ("COOPERATE", None)
#: Verbs that keep someone from doing something ("prevented X from contacting"): a restriction.
PREVENT_VERBS = frozenset({"prevent", "bar", "stop", "block", "ban", "forbid", "prohibit"})
RESTRICTED: Code = ("COERCE", "restrict")
#: Verbs of warning: a threat only when the warner says what it will do itself, or what the
#: state's forces will do (FORCE_NOUNS).
FORCE_NOUNS = frozenset({"police", "army", "troops", "forces", "military", "soldiers"})
WARN_VERBS = frozenset({"warn", "caution"})
#: Verbs of brushing something aside, and the worries that make them no rejection of anyone.
DISMISS_VERBS = frozenset({"dismiss", "reject", "rebuff", "downplay", "brush", "allay"})
CONCERN_NOUNS = frozenset({"concern", "fear", "worry", "speculation", "doubt", "anxiety"})
#: Verbs of wanting something done by someone: "wants Ukraine to withdraw" is a demand of Ukraine.
DESIRE_VERBS = frozenset({"want", "expect", "need", "wish", "prefer", "require"})
#: Verbs that hit someone "with" one of PENALTY_NOUNS: "hit Canada with a new levy".
PENALTY_VERBS = frozenset({"hit", "slap", "target", "punish", "strike"})
PENALTY_NOUNS = RESTRICTION_NOUNS - {"freeze"}
WITH = frozenset({"with"})
EASED: Code = ("CONCEDE", None)
PENALIZED: Code = ("SANCTION", None)
#: Nouns a call is made to besides the actor nouns: "called his counterpart".
PARTY_NOUNS = frozenset(
    {"counterpart", "counterparts", "colleague", "colleagues", "ally", "allies"}
)
#: Support verbs that make a "protest" a complaint: "lodged an official protest with".
COMPLAIN_VERBS = frozenset({"lodge", "file", "register", "send", "deliver", "issue"})
#: Types a promise of which is a threat: "vowed to retaliate", "pledged to punish".
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
#: Verbs that, done to people, kill them: "eliminated the IS deputy leader".
KILLING_EUPHEMISMS = frozenset({"eliminate", "neutralize", "neutralise"})
#: Verbs of telling that, with an object and "to" do something, ask it of the object.
DIRECTING_VERBS = frozenset({"tell", "instruct", "direct"})
#: Nouns of a threat that, naming the harm threatened, stand alone as events.
THREAT_NOUNS = frozenset({"threat"})
#: Words for force a threat may name: "the threat of military action".
FORCE_WORDS = frozenset({"action", "force", "retaliation", "war", "reprisal", "reprisals"})
#: Exercises that are one side's show of force unless joint.
DRILL_NOUNS = frozenset({"exercise", "exercises", "drill", "drills", "manoeuvres", "maneuvers"})
#: Words that make drills joint: "joint exercises", "drills with".
JOINT_WORDS = frozenset({"joint", "combined"})
#: Verbs that make a resolution: "passed a resolution demanding ...".
ADOPT_VERBS = frozenset({"pass", "adopt", "approve", "issue", "introduce", "table", "release"})
PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peacekeepers"})
#: Objects of "receive" that make it a visit: "received the ambassador".
VISITOR_NOUNS = frozenset(
    {"ambassador", "envoy", "delegation", "minister", "president", "premier", "counterpart"}
)
#: Generic heads that take the type of an event noun in front: "rice seed distribution mission".
MISSION_NOUNS = frozenset(
    ["mission", "operation", "programme", "program", "campaign", "effort", "drive", "trip"]
)
#: Words of a strike that say what kind it is: "hunger strike", "general strike".
HUNGER_STRIKE: Code = ("PROTEST", "hunger")
LABOUR_STRIKE: Code = ("PROTEST", "strike")
LABOUR_STRIKE_WORDS = frozenset({"general", "national", "labour"})
#: Types whose verb may back a resolution ("voted for", "supported") and so take its content's.
BACKING_TYPES = frozenset({"SUPPORT", "AGREE"})
#: What a resolution's content may code.
RESOLUTION_TYPES = frozenset({"ACCUSE", "REQUEST"})
#: A meeting by one of these is a phone CONSULT: "talks by video", "met via videoconference".
CHANNEL_PREPS = frozenset({"by", "over", "via"})
CHANNELS = frozenset({"phone", "telephone", "video", "videoconference", "call"})
PHONE: Code = ("CONSULT", "phone")
#: Determiners that point back to a resolution told before: "voted on the resolution".
BACK_REFERENCES = frozenset({"the", "this", "that"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A token that codes an event, the token its arguments hang from, and its code."""

    token: Token  # the event word (verb or noun)
    anchor: Token  # the verb whose subject is the source (the support verb, or the noun itself)
    start: Token  # first token of the trigger span
    end: Token  # last token of the trigger span
    code: Code
    evidence: float
    is_noun: bool
    content: Token | None = None  # the verb that says what a voted/sponsored resolution does
    judgement: Judgement | None = None  # a damning statement: "Putin is the aggressor"


class Verdict(enum.Enum):
    """A rule's decision that the verb codes no event (the rules after it are not asked)."""

    NO_EVENT = enum.auto()


#: What a verb rule returns: a trigger, no event, or None when the rule does not apply.
Decision: TypeAlias = Trigger | Verdict | None


def judged_trigger(token: Token, judgement: Judgement) -> Trigger:
    """The trigger of a damning statement: the predicate, anchored on the copula."""
    return Trigger(
        token, judgement.copula, token, token, judgement.code, 0.65, False, None, judgement
    )


def noun_trigger_code(token: Token) -> Code | None:
    """The code of an event noun, or of a generic head with one in front."""
    return noun_code(token) or compound_code(token)


def threatened_harm(token: Token) -> Token | None:
    """The harm a threat noun names ("China's threat of military action", "threats of Washington
    sanctions"): its "of" noun when that is a coercive act (:data:`CONFLICT_TYPES`) or a word for
    force (:data:`FORCE_WORDS`); a threat that names one stands as an event of its own."""
    if token.lemma_.lower() not in THREAT_NOUNS:
        return None
    for _, harm in prep_objects(token, frozenset({"of"})):
        code = noun_code(harm)
        if harm.lemma_.lower() in FORCE_WORDS or (code is not None and code[0] in CONFLICT_TYPES):
            return harm
    return None


def states_in_front(noun: Token) -> list[Token]:
    """The states or peoples named in front of a noun, whose act it is: whose the harm a threat
    names is ("Washington sanctions", "China's retaliation"), who does an event noun ("U.S.
    restrictions")."""
    return [
        c
        for c in noun.lefts
        if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.ent_type_ in {"GPE", "NORP"}
    ]


def compound_code(token: Token) -> Code | None:
    """A generic head with an event noun in front: "his rice seed distribution mission"."""
    if token.lemma_.lower() not in MISSION_NOUNS:
        return None
    for left in token.lefts:
        if left.dep_ == "compound":
            code = noun_code(left)
            if code is not None:
                return code
    return None


def ruling(trigger: Trigger, governed: Trigger) -> Trigger:
    """A governing trigger, with a promise of harm ("vowed to retaliate") made a threat."""
    if trigger.code[0] == "AGREE" and governed.code[0] in CONFLICT_TYPES:
        return dataclasses.replace(trigger, code=("THREATEN", None))
    return trigger


def _objects(token: Token) -> list[Token]:
    """A verb's objects; with none, the noun the parser made the subject of a participle clause
    after it ("China conducted the military drills encircling Taiwan": "drills" the subject of
    "encircling", not the object of "conducted")."""
    found = [c for c in token.children if c.dep_ in {"dobj", "attr"}]
    if found:
        return found
    return [
        s
        for c in token.children
        if c.dep_ == "ccomp"
        and c.tag_ == "VBG"
        and c.i > token.i
        and not any(m.dep_ == "mark" for m in c.children)
        for s in c.children
        if s.dep_ == "nsubj" and s.pos_ == "NOUN" and s.i > token.i
    ]


def reproach(verb: Token) -> bool:
    """ "should never have happened", "should have resigned": a reproach of what was done, no
    demand."""
    return verb.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ == "have" for a in verb.children)


def _report_demand(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Russia says Israel must end attacks": a demand made by the speaker of the addressee
    ("we must act", a resolve of the speaker's own, is none)."""
    if lemma not in REPORT_VERBS:
        return None
    for child in token.children:
        if (
            child.dep_ == "ccomp"
            and any(a.dep_ == "aux" and a.lower_ in DEMAND_MODALS for a in child.children)
            and any(c.dep_ in SUBJECTS and c.lower_ not in SELF for c in child.children)
            and not reproach(child)
        ):
            return Trigger(token, token, token, token, ("REQUEST", None), 0.6, False, child)
    return None


def _told_to(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Japan told Russia to withdraw its troops": telling someone to do something asks it of
    them (REQUEST); what they are told to do is its content, not an act of the teller."""
    if lemma not in DIRECTING_VERBS or not any(o.dep_ == "dobj" for o in objects):
        return None
    for child in token.children:
        if child.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            return Trigger(token, token, token, token, ("REQUEST", None), 0.7, False)
    return None


def _taken_out(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "eliminated the Islamic State deputy leader", "neutralized six militants": people
    eliminated are killed (ASSAULT); tariffs eliminated are not."""
    if lemma not in KILLING_EUPHEMISMS or not any(_someone(o) for o in objects):
        return None
    return Trigger(token, token, token, token, ("ASSAULT", None), 0.7, False)


def _gloss(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Gunmen stormed a hotel, leaving five dead": a participle glossing its clause's result or
    aim codes nothing of its own."""
    if lemma in GLOSS_PARTICIPLES and token.tag_ == "VBG" and token.dep_ == "advcl":
        return Verdict.NO_EVENT
    return None


def _question(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "asked if the U.S. was considering sanctions", "What ...?" she asked: a question is no
    request; nor is an asking with nothing asked of anyone."""
    if lemma != "ask":
        return None
    if not any(c.dep_ in ASKED_DEPS for c in token.children):
        return Verdict.NO_EVENT
    for child in token.children:
        if child.dep_ not in {"ccomp", "advcl", "xcomp"}:
            continue
        opener = child.left_edge
        if opener.lower_ in QUESTION_MARKS or opener.tag_ in QUESTION_TAGS:
            return Verdict.NO_EVENT
        if any(t.text == "?" for t in child.subtree):
            return Verdict.NO_EVENT
    return None


def _needs_object(token: Token, lemma: str) -> bool:
    """Whether a verb with no object codes nothing: "returned home" (OBJECT_VERBS), "the
    population continues to decline" (COMPLEMENT_VERBS, with no complement either)."""
    if lemma in OBJECT_VERBS:
        return True
    return lemma in COMPLEMENT_VERBS and not any(
        c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "nsubj" and c.ent_type_ in ACTOR_LABELS)
        for c in token.children
    )


def _no_party(actor: Actor) -> bool:
    """Private people, or people the text codes nothing of and no noun of a party names ("the
    victims", "she"; not "rebels")."""
    if actor.sector in PRIVATE_SECTORS:
        return True
    if actor.sector is not None or actor.country is not None:
        return False
    words = actor.name.lower().split()
    private = any(w in PRIVATE_PEOPLE for w in words)
    return private or not any(w in ACTOR_NOUNS for w in words)


def no_political_act(trigger: Trigger, sources: list[Actor]) -> bool:
    """Whether an event is no political act: a talk or a request the press makes ("VOA spoke
    with Armitage": its first source, the subject, is the press), or a visit of private people
    ("2.8 million Chinese tourists visited Vietnam": civilians, refugees), or their leaving."""
    if not sources:
        return False
    if trigger.code == VISIT and all(a.sector in PRIVATE_SECTORS for a in sources):
        return True
    if trigger.code == WITHDRAW and all(_no_party(a) for a in sources):
        return True  # "schoolgirls leaving for home": no party withdraws
    if trigger.code == CONVICT and verb_lemma(trigger.token) in COURT_VERBS:
        return not any(a.sector in COURT_SECTORS for a in sources)  # only a court rules so
    return trigger.code[0] in PRESS_WORK and sources[0].sector in PRESS_SECTORS


def _role_held(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Maimane, who headed the Democratic Alliance", "an official who had negotiated with North
    Korea extensively", "Central Command, which oversees operations": a relative clause telling
    the role someone holds or held describes them; no act is dated there, so it is no event."""
    if token.dep_ != "relcl" or lemma not in ROLE_VERBS or not _someone(token.head):
        return None
    dated = any(
        t.ent_type_ in {"DATE", "TIME"} and _in_own_clause(t, token) and not _tenure(t, token)
        for t in token.subtree
    )
    return None if dated else Verdict.NO_EVENT


def _tenure(word: Token, verb: Token) -> bool:
    """Whether a time word under a verb tells how long something lasted ("for the past two
    years", "until 2017", "from 1963 to 2024"), not when it was done."""
    current = word
    while current.i not in (verb.i, current.head.i):
        if current.dep_ == "prep" and current.lower_ in TENURE_PREPS:
            return True
        current = current.head
    return False


def _in_own_clause(word: Token, verb: Token) -> bool:
    """Whether a word of a verb's subtree belongs to the verb's own clause, not to a clause
    under it."""
    current = word
    while current.i != verb.i:
        if current.dep_ in CLAUSE_DEPS or current.head.i == current.i:
            return False
        current = current.head
    return True


def _released_thing(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "China released an AI development program": what is released is no one, so no captive is
    freed (a person, a group, a captive or a pronoun is). The released thing may be the
    passive subject ("the report was released") or the noun the verb describes ("a report
    released by the OECD")."""
    if lemma not in RELEASE_VERBS:
        return None
    released = objects or [c for c in token.children if c.dep_ == "nsubjpass"]
    if not released and token.dep_ == "acl" and token.tag_ == "VBN":
        released = [token.head]
    if not released:
        return None
    return None if any(_someone(o) for o in released) else Verdict.NO_EVENT


def _dismissed(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Wells Fargo fired 5,300 employees", "fired the campaign manager": someone fired from a
    job is no attack (shots, rockets or tear gas fired, or firing on someone, are)."""
    if lemma not in DISMISSING_VERBS:
        return None
    return Verdict.NO_EVENT if any(_someone(o) for o in objects) else None


def _someone(word: Token) -> bool:
    """Whether a noun phrase names people: an actor, a person, a captive, or a number "of"
    them ("dozens of women")."""
    members = [g for c in word.children if c.lower_ == "of" for g in c.children]
    if any(_someone(m) for m in [*word.conjuncts, *members] if m.i > word.i):
        return True
    lemma = word.lemma_.lower()
    return (
        word.ent_type_ in ACTOR_LABELS
        or word.pos_ in {"PRON", "PROPN"}
        or lemma in ACTOR_NOUNS
        or word.lower_ in ACTOR_NOUNS
        or lemma in CAPTIVE_NOUNS
        # compounds of a person noun: "homeguards", "crewmen", "bodyguard"
        or any(lemma.endswith(noun) for noun in PERSON_ENDINGS)
    )


def _prevented(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "prevented family members from contacting him": a restriction on them."""
    if lemma not in PREVENT_VERBS:
        return None
    for child in token.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "from"
            and any(g.dep_ == "pcomp" for g in child.children)
        ):
            return Trigger(token, token, token, token, RESTRICTED, 0.8, False)
    return None


def _warned(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "warned that it would retaliate": a threat; "warned that Russia could attack": a charge
    against Russia; "warned of a resurgence", "warned that prices could rise": a forecast."""
    if lemma not in WARN_VERBS:
        return None
    told = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if told is None:
        return Verdict.NO_EVENT if not objects and _of_phrase(token) else None
    warner = next((c for c in token.children if c.dep_ in SUBJECTS), None)
    doer = next((c for c in told.children if c.dep_ in SUBJECTS), None)
    if doer is None:
        return Verdict.NO_EVENT
    if _own_side(warner, doer):
        return None  # "warned that it would retaliate": the lexicon's threat
    if any(_names_party(t) for t in doer.subtree):
        return Trigger(token, token, token, token, ("ACCUSE", "disapprove"), 0.6, False, told)
    return Verdict.NO_EVENT


def _own_side(warner: Token | None, doer: Token) -> bool:
    """Whether what a warning tells is done by the warner's side: itself ("warned that it would
    retaliate") or the state's forces ("warned that police will no longer tolerate rallies")."""
    if doer.pos_ == "PRON" or doer.lemma_.lower() in FORCE_NOUNS:
        return True
    return warner is not None and doer.lower_ == warner.lower_


def _of_phrase(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"of", "about"} for c in token.children)


def _concern_dismissed(
    token: Token, lemma: str, objects: list[Token], lexicon: Lexicon
) -> Decision:
    """ "dismissed concerns that the resolution would undermine the talks": no one rejected."""
    if lemma in DISMISS_VERBS and any(o.lemma_.lower() in CONCERN_NOUNS for o in objects):
        return Verdict.NO_EVENT
    return None


def _wanted_done(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Russia wants Ukraine to withdraw", "Pakistan expects Kabul to hand over the attackers": a
    demand of the party named, not the act done."""
    if lemma not in DESIRE_VERBS:
        return None
    for child in token.children:
        if child.dep_ not in {"ccomp", "xcomp"} or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            continue
        addressee = next((c for c in child.children if c.dep_ in SUBJECTS), None)
        if addressee is not None and _names_party(addressee):
            return Trigger(token, token, token, token, ("REQUEST", None), 0.7, False, child)
    return None


def _sided_with(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "The judge agreed with Ivana Trump that there was no reason to intrude": taking someone's
    side in a view (support), not agreeing to do something ("agreed with Kyiv to swap prisoners",
    "agreed with Moscow on a truce" stay agreements)."""
    if lemma != "agree" or objects:
        return None
    preps = {c.lower_: c for c in token.children if c.dep_ == "prep"}
    party = pobj_of(preps["with"]) if "with" in preps else None
    if party is None or not _names_party(party) or {"on", "to", "over"} & preps.keys():
        return None
    if any(c.dep_ == "xcomp" for c in token.children):
        return None
    return Trigger(token, token, token, token, ("SUPPORT", None), 0.7, False)


def _questioned(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Trump questioned Cruz's eligibility", "delegates questioned how Cruz could turn back on a
    pledge": doubting what someone is or does is a criticism of them (questioning someone is an
    interview or an interrogation, left to the lexicon)."""
    if lemma not in DOUBTING_VERBS:
        return None
    owned = any(
        o.pos_ == "NOUN" and any(c.dep_ == "poss" and _names_party(c) for c in o.children)
        for o in objects
    )
    asked = any(
        c.dep_ == "ccomp" and any(w.tag_ in {"WRB", "WP", "IN"} for w in c.lefts)
        for c in token.children
    )
    return (
        Trigger(token, token, token, token, ("ACCUSE", "disapprove"), 0.6, False)
        if (owned or asked)
        else None
    )


def _voted_to(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "The Senate voted to impose sanctions on Russia", "the panel voted to condemn the
    invasion": a vote decides the act voted for, of the voters (its code, by the voting verb's
    subject); voting to do what codes nothing is no event."""
    if lemma not in DECIDING_VERBS:
        return None
    for child in token.children:
        if child.dep_ != "xcomp" or child.pos_ != "VERB":
            continue
        voted = verb_trigger(child, lexicon)
        if voted is not None:
            return Trigger(token, token, token, token, voted.code, 0.7, False, child)
        return Verdict.NO_EVENT
    return None


def _verb_object_pair(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """A verb and object coded together: "reached an agreement", "blocked the sale"."""
    for obj in objects:
        pair = SUPPORT_VERB_CODES.get((lemma, obj.lemma_.lower()))
        if pair is not None:
            return Trigger(obj, token, token, obj, pair, 0.8, False)
    return None


def _strike_code(obj: Token, lemma: str, code: Code) -> Code:
    """A strike held: a hunger strike, or a labour one when the verb or its words say so."""
    kind = {c.lower_ for c in obj.children if c.dep_ in {"compound", "amod"}}
    if "hunger" in kind:
        return HUNGER_STRIKE
    if lemma in STRIKE_PROTEST_VERBS or kind & LABOUR_STRIKE_WORDS:
        return LABOUR_STRIKE
    return code


def _one_sided_drill(token: Token, obj: Token, code: Code) -> bool:
    """Drills no one joins are a show of force."""
    return (
        code == ("COOPERATE", None)
        and obj.lemma_.lower() in DRILL_NOUNS
        and not any(
            c.lower_ in JOINT_WORDS or (c.dep_ == "prep" and c.lower_ == "with")
            for c in [*obj.children, *token.children]
        )
    )


def _support_noun_code(token: Token, lemma: str, obj: Token) -> Code | None:
    """The code an event noun gives the support verb it is the object of."""
    code = noun_code(obj)
    if code is None:
        return None
    if code[0] == "PROTEST" and lemma in COMPLAIN_VERBS:
        code = ("ACCUSE", "allege")  # "lodged an official protest with": a complaint
    if obj.lemma_.lower() == "strike":
        code = _strike_code(obj, lemma, code)
    if _one_sided_drill(token, obj, code):
        code = ("MOBILIZE", None)  # one side's drills are a show of force
    return code


def _told_over(token: Token) -> bool:
    """ "declared the operation over", "declared the operation over Wednesday night" (the parse
    takes "over" for the preposition of the time, on the verb or on its object)."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for c in [*token.children, *(g for o in objects for g in o.children)]:
        if c.dep_ in ENDED_DEPS and c.lower_ in ENDED_WORDS:
            return True
        if (
            token.lemma_.lower() in DECLARING_VERBS
            and c.dep_ == "prep"
            and c.lower_ == "over"
            and any(g.ent_type_ in {"DATE", "TIME"} for g in c.subtree if g is not c)
        ):
            return True
    return False


def _intensified(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "increased the sanctions on Russia", "deepened ties with China": the event is what the
    verb acts on; "boosted its defense budget", "raised concerns" code nothing."""
    if lemma not in INTENSITY_VERBS:
        return None
    if subject(token)[0] is None:
        return Verdict.NO_EVENT  # "expanding cooperation between Russia and North Korea": the noun
    for obj in objects:
        code = _support_noun_code(token, lemma, obj)
        if code is not None:
            return Trigger(obj, token, token, obj, code, 0.8, False)
        if obj.lemma_.lower() in TIES_NOUNS or obj.lower_ in TIES_NOUNS:
            return Trigger(obj, token, token, obj, TIES, 0.8, False)
    return Verdict.NO_EVENT


def _support_verb(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """Support verb + event noun: "held talks", "offered his appreciation", "imposed sanctions"."""
    if lemma not in SUPPORT_VERBS:
        return None
    if _told_over(token):
        return Verdict.NO_EVENT  # "declared the clearance operation over": its end told
    for obj in objects:
        code = _support_noun_code(token, lemma, obj)
        if code is not None:
            evidence = 0.9 if lemma == "impose" and code[0] == "SANCTION" else 0.8
            return Trigger(obj, token, token, obj, code, evidence, False)
    return None


def _received_visitor(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "received the ambassador": a visit."""
    if lemma == "receive" and any(
        o.ent_type_ in {"PERSON", "NORP"} or o.lemma_.lower() in VISITOR_NOUNS for o in objects
    ):
        return Trigger(token, token, token, token, ("CONSULT", "visit"), 0.7, False)
    return None


def _received_aid(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "Ukraine has received assistance from the US": the giver is the source."""
    if lemma not in RECEIVE_VERBS:
        return None
    for obj in objects:
        code = noun_code(obj) or (("AID", None) if obj.lemma_.lower() in AID_OBJECTS else None)
        if code is not None and code[0] == "AID":
            return Trigger(obj, obj, token, obj, code, 0.7, True)
    return None


def _called_so(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "called the ruling arbitrary": a characterization, never a phone call; nor is calling a
    thing ("called the decision a blatant case", "called the move inhumane" parsed without its
    complement): a call is made to someone."""
    if lemma != "call":
        return None
    if any(c.dep_ == "oprd" for c in token.children):
        return characterization(token) or Verdict.NO_EVENT
    things = [o for o in objects if o.dep_ == "dobj" and not _names_party(o)]
    return Verdict.NO_EVENT if things else None


def _framed_as(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "described the ruling as arbitrary", "characterized the conditions as inhumane": a
    characterization (:func:`_characterized`) by what it is framed as; else the verb's own
    code."""
    if lemma not in FRAMING_LEMMAS:
        return None
    # the whole "as" phrase: the parser may hang the adjective on "as" itself
    framed = [w for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for w in c.subtree]
    return _characterized(token, framed, objects)


def _eased(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "lifted the freeze on intelligence", "delayed the tariffs", "the sanctions were eased": a
    restriction eased is a concession, whatever the verb codes alone."""
    if lemma not in EASING_VERBS:
        return None
    eased = [*objects, *(c for c in token.children if c.dep_ == "nsubjpass")]
    if any(o.lemma_.lower() in RESTRICTION_NOUNS for o in eased):
        return Trigger(token, token, token, token, EASED, 0.8, False)
    return None


def _penalized(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "hit Canada with a new 25% levy": a penalty, not an attack."""
    if lemma not in PENALTY_VERBS:
        return None
    for _, obj in prep_objects(token, WITH):
        if obj.lemma_.lower() in PENALTY_NOUNS:
            return Trigger(token, token, token, token, PENALIZED, 0.8, False)
    return None


def _names_party(token: Token) -> bool:
    """Whether an object can be the one a call is made to: a name, a pronoun, or a noun naming
    an actor by role ("his counterpart" is no role noun, but "the president" is)."""
    lemma = token.lemma_.lower()
    return (
        token.pos_ in {"PROPN", "PRON"}
        or token.ent_type_ in ACTOR_LABELS
        or lemma in ACTOR_NOUNS
        or token.lower_ in ACTOR_NOUNS
        or lemma in PARTY_NOUNS
    )


def _to_custody(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "ordered Zamora back to prison", "sent the journalist to jail": putting someone in
    custody, whatever the verb."""
    if lemma not in CUSTODY_VERBS or not objects:
        return None
    places = [
        w
        for prep in token.children
        if prep.dep_ == "prep" or (prep.dep_ == "advmod" and prep.lower_ == "back")
        for w in prep.subtree
        if w.dep_ == "pobj" and w.lemma_.lower() in CUSTODY_NOUNS
    ]
    if not places:
        return None
    return Trigger(token, token, token, token, ("COERCE", "arrest"), 0.8, False)


def _legal_phrase(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """A verb coded by a word of its object or prepositional phrase (:data:`PHRASE_CODES`):
    "invoked his Fifth Amendment rights", "voted to hold Pagliano in contempt"."""
    if not any(lemma in verbs for verbs, _, _ in PHRASE_CODES):
        return None  # asked of every verb: read the phrases only of the few that may code so
    words = {
        t.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "prep"} for t in c.subtree
    }
    for verbs, wanted, code in PHRASE_CODES:
        if lemma in verbs and words & wanted:
            return Trigger(token, token, token, token, code, 0.8, False)
    return None


def _carried_text(token: Token, lemma: str, objects: list[Token], lexicon: Lexicon) -> Decision:
    """ "sent a letter urging the FBI to act", "filed papers opposing the unsealing": the text's
    participle is the event (its author's, :func:`~storyline.stages.events.clauses.subject`),
    the sending or filing none."""
    for obj in objects:
        if obj.lemma_.lower() not in WRITING_NOUNS:
            continue
        for child in obj.children:
            if child.dep_ == "acl" and child.tag_ == "VBG" and verb_code(child, lexicon)[0]:
                return Verdict.NO_EVENT
    return None


#: The verb rules asked before the lexicon, first that applies wins.
_VERB_RULES: tuple[Callable[[Token, str, list[Token], Lexicon], Decision], ...] = (
    _gloss,
    _question,
    _role_held,
    _released_thing,
    _dismissed,
    _to_custody,
    _prevented,
    _warned,
    _concern_dismissed,
    _eased,
    _penalized,
    _report_demand,
    _told_to,
    _taken_out,
    _wanted_done,
    _voted_to,
    _sided_with,
    _questioned,
    _carried_text,
    _legal_phrase,
    _verb_object_pair,
    _intensified,
    _support_verb,
    _received_visitor,
    _received_aid,
    _called_so,
    _framed_as,
)


def characterization(token: Token) -> Trigger | None:
    """ "called the ruling arbitrary": a characterization (:func:`_characterized`) by its
    complement, else no event (never a phone call)."""
    complements = [c for c in token.children if c.dep_ == "oprd"]
    words = [w for c in complements for w in (c, *c.children)]
    called = [c for c in token.children if c.dep_ in {"dobj", "oprd"}]
    return _characterized(token, words, called)


def _characterized(token: Token, words: list[Token], things: list[Token]) -> Trigger | None:
    """A characterization by ``words`` of ``things``: an accusation when the words are damning
    (in storyline's list, or rated ``DAMNING_VALENCE`` or below in the sentiment lexicon), a
    rejection when what is so characterized is someone's claim and the words deny it ("called
    the claims baseless"; "called his comments insulting" accuses), praise when they are rated
    ``PRAISING_VALENCE`` or above ("called the decision a huge win"), else None."""
    rated = [valence().get(w.lower_, 0.0) for w in words]
    if not (
        any_in(words, NEGATIVE_CHARACTERIZATIONS) or min(rated, default=0.0) <= DAMNING_VALENCE
    ):
        if max(rated, default=0.0) >= PRAISING_VALENCE:  # "called the decision a huge win"
            return Trigger(token, token, token, token, ("SUPPORT", None), 0.7, False)
        return None
    claim = any(t.lemma_.lower() in CLAIM_NOUNS for t in things) and any_in(words, DENIALS)
    code: Code = ("REJECT", None) if claim else ("ACCUSE", "disapprove")
    return Trigger(token, token, token, token, code, 0.7, False)


def _adjusted(
    token: Token, lemma: str, objects: list[Token], code: Code | None, evidence: float
) -> tuple[Code | None, float]:
    """The lexicon's code of a verb, adjusted by what it is done to or with."""
    if lemma == "strike" and code is None and objects:
        code, evidence = ("ASSAULT", None), 0.7  # "struck militia groups"; a labour strike has none
    if (
        code is not None
        and code[0] in {"MOBILIZE", "COOPERATE"}
        and any(t.lemma_.lower() in PEACEKEEPING for t in token.subtree)
    ):
        code, evidence = ("AID", "peacekeeping"), 0.8  # troops sent for peacekeeping
    if lemma in GIVING_VERBS and any(_aid_object(o) for o in objects):
        code, evidence = ("AID", None), 0.8
    elif lemma in SHIPPING_VERBS and objects and _to_a_party(token):
        code, evidence = ("AID", None), 0.7
    return code, evidence


def _to_a_party(token: Token) -> bool:
    """Whether a verb's "to" phrase names a state or group ("shipped containers to Russia")."""
    return any(
        obj.ent_type_ in {"GPE", "NORP", "ORG"} for _, obj in prep_objects(token, frozenset({"to"}))
    )


def _aid_object(obj: Token) -> bool:
    """Whether what is given is material help: "food", "$5 million", "relief items"."""
    words = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
    return obj.ent_type_ == "MONEY" or any(w.lemma_.lower() in AID_OBJECTS for w in words)


def _call_purpose(token: Token, lexicon: Lexicon) -> Trigger | None:
    """ "called X to congratulate him": the call's purpose gives the type."""
    for child in token.children:
        if child.dep_ in {"advcl", "xcomp"} and child.i > token.i:
            purpose, _ = verb_code(child, lexicon)
            support = [o for o in child.children if o.dep_ == "dobj" and noun_code(o)]
            if purpose is not None and purpose[0] == "SUPPORT":
                return Trigger(token, token, token, token, purpose, 0.7, False)
            if support and noun_code(support[0]) == ("SUPPORT", None):
                return Trigger(token, token, token, token, ("SUPPORT", None), 0.7, False)
    return None


def _resolution(token: Token, lemma: str, code: Code | None, lexicon: Lexicon) -> Decision:
    """Voting for / sponsoring / passing a resolution: coded by what the resolution does."""
    backs = code is not None and code[0] in BACKING_TYPES
    votes_on = lemma == "vote" and any(
        c.dep_ == "prep" and c.lower_ == "on" for c in token.children
    )
    for obj in objects_deep(token):
        if obj.lemma_.lower() in RESOLUTION_NOUNS and (backs or votes_on or lemma in ADOPT_VERBS):
            content = resolution_content(obj, lexicon)
            if content is None and votes_on:
                content = earlier_resolution_content(obj, lexicon)
                if content is None:
                    # voting on it, for or against unsaid, of unknown content
                    return Verdict.NO_EVENT
            if content is not None:
                verb, content_code = content
                return Trigger(token, token, prefixed(token), token, content_code, 0.7, False, verb)
    return None


def verb_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    """The trigger a verb makes in its context, or None."""
    lemma = verb_lemma(token)
    objects = _objects(token)
    for rule in _VERB_RULES:
        decided = rule(token, lemma, objects, lexicon)
        if decided is not None:
            return decided if isinstance(decided, Trigger) else None
    code, evidence = verb_code(token, lexicon)
    if not objects and _needs_object(token, lemma):
        return None
    code, evidence = _adjusted(token, lemma, objects, code, evidence)
    if code is not None and code == PHONE and lemma == "call":
        purpose = _call_purpose(token, lexicon)
        if purpose is not None:
            return purpose
    decided = _resolution(token, lemma, code, lexicon)
    if decided is not None:
        return decided if isinstance(decided, Trigger) else None
    if code is None:
        return None
    return Trigger(token, token, prefixed(token), token, code, evidence, False)


def resolution_content(noun: Token, lexicon: Lexicon) -> tuple[Token, Code] | None:
    """The verb that says what a resolution does ("a resolution condemning ...") and its code."""
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"}:
            code, _ = verb_code(child, lexicon)
            if code is not None and code[0] in RESOLUTION_TYPES:
                return child, code
    return None


def earlier_resolution_content(noun: Token, lexicon: Lexicon) -> tuple[Token, Code] | None:
    """What "the resolution" voted on does, from the nearest resolution before it in the
    document that says what it does ("a resolution condemning Russia's invasion")."""
    if not any(c.dep_ == "det" and c.lower_ in BACK_REFERENCES for c in noun.children):
        return None
    for token in reversed(noun.doc[: noun.sent.start]):
        if token.lemma_.lower() == noun.lemma_.lower():  # a resolution, not a statement
            content = resolution_content(token, lexicon)
            if content is not None:
                return content
    return None


def with_channel(trigger: Trigger) -> Trigger:
    """A meeting "by phone" or "by video" is a phone CONSULT."""
    if trigger.code[0] != "CONSULT":
        return trigger
    for head in (trigger.anchor, trigger.token):
        for _, obj in prep_objects(head, CHANNEL_PREPS):
            if obj.lemma_.lower() in CHANNELS:
                return Trigger(
                    trigger.token,
                    trigger.anchor,
                    trigger.start,
                    trigger.end,
                    PHONE,
                    trigger.evidence,
                    trigger.is_noun,
                )
    return trigger


def by_authority(trigger: Trigger, sources: list[Actor]) -> Trigger:
    """A trigger whose type changes with who does it: an investigation by the police is
    coercion (``BY_AUTHORITY``); an attack by legislators or candidates is words
    (``WORDS_OF_FORCE``)."""
    if trigger.code in BY_AUTHORITY and any(a.sector in AUTHORITY_SECTORS for a in sources):
        return dataclasses.replace(trigger, code=BY_AUTHORITY[trigger.code])
    if (
        trigger.code[0] == "ASSAULT"
        and not trigger.is_noun
        and verb_lemma(trigger.token) in WORDS_OF_FORCE
        and (all(a.sector in TALKING_SECTORS for a in sources) or _person_on_person(trigger))
    ):
        return dataclasses.replace(trigger, code=("ACCUSE", "disapprove"))
    return trigger


def _person_on_person(trigger: Trigger) -> bool:
    """ "Trump attacked Clinton over her emails": one named person's attack on another is
    words."""
    verb = trigger.token
    named = [c for c in verb.children if c.dep_ in {"nsubj", "dobj"} and _a_person(c)]
    return {c.dep_ for c in named} == {"nsubj", "dobj"}


def _a_person(token: Token) -> bool:
    """Whether a word names a person: the actors stage's entity there is one, else the tagger's."""
    entities = entity_index(token.doc)
    at = mentions_in(token.doc, token.idx, token.idx + len(token))
    types = {entities[m.entity_id].type for m in at if m.entity_id in entities}
    return types == {"PERSON"} if types else token.ent_type_ == "PERSON"


__all__ = [
    "Decision",
    "Trigger",
    "Verdict",
    "by_authority",
    "characterization",
    "compound_code",
    "earlier_resolution_content",
    "judged_trigger",
    "noun_trigger_code",
    "resolution_content",
    "ruling",
    "verb_trigger",
    "with_channel",
]
