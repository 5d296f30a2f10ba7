"""The events stage: PLOVER event records coded from one sentence each.

Reads: the parse (``token.dep_``, ``token.head``, lemmas), ``doc._.mentions`` / ``doc._.entities``
(the actors stage), ``doc._.timexes``, ``doc._.quotes``, ``doc._.published``, ``doc._.doc_id``.
Writes: ``doc._.events: list[Event]``.

How an event is found (precision first: no event is better than a stitched one):

* a trigger: a verb of the lexicon ("vetoed", "imposed sanctions"), a support verb with an event noun
  as object ("held talks", "offered his appreciation": the noun gives the type), or an event noun
  ("the phone call with", "the deliveries of weapons"); the type comes from
  :mod:`storyline.stages.events.lexicon`;
* a source actor in the same sentence, from the parse: the subject (the "by" agent of a passive), the
  possessor or "from" phrase of an event noun. No source, no event. An actor is the actors stage's
  mention on the phrase's head word (or, for a role head such as "government", inside the phrase);
  failing that a known entity's name, a named entity, a role noun ("police", "rebels") or an
  unknown proper name. A subject must name its actor on its head or by role ("Kaabu's story
  passed" has no actor); an object may name it in front ("condemned the Russian aggression"). A
  pronoun the actors stage left unresolved, subject of its own speaker's report ("the ELN said it
  will release"), is the speaker;
* targets from the object, "with/on/against/to" phrases; several where the text names several.
  Reciprocal events (meetings, talks, calls "with" someone) list both parties as sources.

Modality convention, first match wins: ``negated`` (a negation on the trigger or on the verb that
governs it: "would not support", "unable to"); ``hypothetical`` ("if", "unless", "until",
"whether", "could", "might", "may", "should", "must", "can", "unlikely to", "doubts that");
``planned`` ("will", "shall", "would" in reported future, "plans to", "is set to",
"going to"); ``reported`` (told by someone else than the source: inside another speaker's quote or a
clause under another person's reporting verb, "according to"); else ``asserted``. The source's own
words about what it does ("we do not support") keep the modality of the verb, not ``reported``.

Dates: the time expression attached to the trigger (its head path reaches the trigger, or the verb
a conjoined trigger shares its clause with, before any other verb); for a stance told in a
reported clause, the time expression of the telling; else the article's date with basis
``published`` (None when the article has no date).

PLOVER lines kept here: signing an agreement is SUPPORT, promising to sign AGREE; a phone call is
CONSULT with mode phone; economic sanctions SANCTION; condemning ACCUSE; voting for, sponsoring or
passing a resolution is coded by what the resolution does (condemns: ACCUSE; demands: REQUEST),
with the resolution's target as target; voting "on the resolution" takes what the nearest
resolution told before it in the article does (no such resolution: no event, for or against is
unsaid); "would not support" is SUPPORT with modality negated.

Groups of states: a counted or quantified plural of "countries", "nations" or "states" ("181
countries", "most ASEAN nations", "U.N. member states", "dozens of other countries") is an actor
with no entity, no country (it holds several) and sector GOV; a bare or merely described plural
("other countries", "democratic countries") is none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from storyline.records import Actor, Event, EventDate, Quote, Timex
from storyline.records import Span as TextSpan
from storyline.stages import doc_list, ensure_doc_extensions, stage_guard
from storyline.stages.events.calibration import Calibration, load_calibration
from storyline.stages.events.judgements import Judgement, judgement_at
from storyline.stages.events.lexicon import (
    AID_OBJECTS,
    AUTHORITY_SECTORS,
    BY_AUTHORITY,
    CLAIM_NOUNS,
    DEMAND_MODALS,
    GIVING_VERBS,
    GOVERNING_TYPES,
    NEGATIVE_CHARACTERIZATIONS,
    OBJECT_VERBS,
    RESOLUTION_NOUNS,
    STRIKE_PROTEST_VERBS,
    SUPPORT_ONLY_NOUNS,
    SUPPORT_VERB_CODES,
    SUPPORT_VERBS,
    Code,
    Lexicon,
    load_lexicon,
    noun_code,
    verb_code,
    verb_lemma,
)
from storyline.stages.lookup import actor_of, entity_index, mentions_in, quote_at, timexes_in
from storyline.stages.places import PlaceMention, as_place, load_gazetteer, place_mentions
from storyline.stages.places.locate import ARTICLE_FACTOR, event_place, scene_fits
from storyline.stages.places.locate import scene as article_scene

_SUBJECTS = frozenset({"nsubj", "csubj"})
_RELATIVES = frozenset({"WP", "WDT"})  # who, which, that as a relative clause's subject
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_TARGET_PREPS = frozenset({"with", "on", "against", "to", "into", "upon", "for", "over"})
_RECIPROCAL_PREPS = frozenset({"with"})
_PLANNED_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "should", "can", "must"})
_PLAN_VERBS = frozenset(
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
_REPORT_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "claim",
        "announce",
        "state",
        "add",
        "write",
        "allege",
        "accord",
        "note",
        "insist",
        "explain",
        "believe",
        "think",
        "recall",
        "mention",
    }
)
#: Named-entity labels that can stand for an actor when the actors stage has no mention there.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Common nouns that name an actor by role, used when no named actor is there.
_ACTOR_NOUNS = frozenset(
    [
        "network",
        "activist",
        "administration",
        "agency",
        "aircraft",
        "alliance",
        "ambassador",
        "army",
        "artillery",
        "assembly",
        "authority",
        "bloc",
        "cabinet",
        "chancellor",
        "chief",
        "coalition",
        "commander",
        "commission",
        "committee",
        "congress",
        "consulate",
        "council",
        "court",
        "delegate",
        "delegation",
        "demonstrator",
        "department",
        "diplomat",
        "drone",
        "embassy",
        "emir",
        "envoy",
        "expert",
        "extremist",
        "faction",
        "fighter",
        "force",
        "founder",
        "general",
        "government",
        "governor",
        "group",
        "guard",
        "hacker",
        "helicopter",
        "inspector",
        "insurgent",
        "investigator",
        "jet",
        "jihadist",
        "judge",
        "junta",
        "king",
        "kingdom",
        "lawmaker",
        "leader",
        "legislator",
        "legislature",
        "marine",
        "mayor",
        "militant",
        "military",
        "militia",
        "minister",
        "ministry",
        "mission",
        "monarch",
        "monitor",
        "mp",
        "navy",
        "negotiator",
        "observer",
        "office",
        "officer",
        "official",
        "operator",
        "opposition",
        "owner",
        "parliament",
        "party",
        "peacekeeper",
        "police",
        "policeman",
        "premier",
        "president",
        "prince",
        "prosecutor",
        "protester",
        "queen",
        "rapporteur",
        "rebel",
        "regime",
        "regulator",
        "representative",
        "republic",
        "secretary",
        "senate",
        "sheikh",
        "soldier",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "student",
        "terrorist",
        "tribunal",
        "troop",
        "union",
        "warplane",
        "watchdog",
        "worker",
        "head",
        "heads",
        "chief",
        "chiefs",
        "leaders",
        "officer",
        "official",
        "musicians",
        "artists",
        "journalists",
        "doctors",
        "teachers",
        "lawyers",
        "citizens",
        "voters",
        "supporters",
        "opponents",
        "employees",
        "union",
        "unions",
        "nurses",
        "drivers",
        "women",
        "migrants",
        "bomber",
        "attacker",
        "attackers",
        "assailant",
        "assailants",
        "gunman",
        "militant",
        "rebel",
        "soldier",
        "insurgent",
        "protester",
        "government",
        "police",
        "troops",
        "army",
        "military",
        "forces",
        "soldiers",
        "rebels",
        "militants",
        "insurgents",
        "protesters",
        "demonstrators",
        "court",
        "judge",
        "prosecutor",
        "officials",
        "authorities",
        "ministry",
        "minister",
        "president",
        "premier",
        "leader",
        "parliament",
        "lawmakers",
        "opposition",
        "party",
        "regime",
        "administration",
        "embassy",
        "ambassador",
        "diplomat",
        "delegation",
        "council",
        "committee",
        "agency",
        "guards",
        "fighters",
        "gunmen",
        "students",
        "workers",
        "activists",
        "commander",
        "navy",
        "coalition",
        "junta",
        "cabinet",
        "senate",
        "congress",
        "ngo",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "delegates",
        "negotiators",
        "farmers",
        "villagers",
        "civilians",
        "refugees",
        "residents",
        "victims",
    ]
)
_NOT_ACTOR_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "PRODUCT",
        "LANGUAGE",
    }
)
_STANCE_TYPES = frozenset({"SUPPORT", "REJECT", "ACCUSE", "REQUEST", "AGREE", "THREATEN"})
_COMPLAIN_VERBS = frozenset({"lodge", "file", "register", "send", "deliver", "issue"})
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_DRILL_NOUNS = frozenset({"exercise", "exercises", "drill", "drills", "manoeuvres", "maneuvers"})
_ADOPT_VERBS = frozenset({"pass", "adopt", "approve", "issue", "introduce", "table", "release"})
_PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peacekeepers"})
_VISITOR_NOUNS = frozenset(
    {"ambassador", "envoy", "delegation", "minister", "president", "premier", "counterpart"}
)
_SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
_DOUBT_NOUNS = frozenset({"doubt", "hope", "fear", "possibility", "chance", "prospect", "risk"})
_RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "accept"})
_MISSION_NOUNS = frozenset(
    ["mission", "operation", "programme", "program", "campaign", "effort", "drive", "trip"]
)
_STATE_NOUNS = frozenset({"country", "nation", "state"})
_QUANTIFIERS = frozenset({"most", "many", "several", "all", "some", "both"})
_GROUP_NOUNS = frozenset(
    [
        "group",
        "delegation",
        "members",
        "member",
        "number",
        "dozens",
        "hundreds",
        "thousands",
        "some",
        "most",
        "all",
        "many",
        "team",
        "body",
        "unit",
        "contingent",
    ]
)


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


def _is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT")


def _governing(token: Token) -> Token | None:
    """The verb a complement clause ("agreed to meet") hangs from, else None."""
    if token.dep_ in {"xcomp", "ccomp", "advcl"} and token.head is not token:
        return token.head
    return None


def _charged(token: Token) -> Token | None:
    """The verb whose "of" phrase a gerund is ("accused the bloc of failing"), else None."""
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ == "of":
        return token.head.head
    return None


def find_triggers(sent: Span, lexicon: Lexicon, quotes: list[Quote] | None = None) -> list[Trigger]:
    """The event triggers of a sentence, in text order, at most one per token (``quotes``: the
    document's, read from the Doc when not given)."""
    found: list[Trigger] = []
    used: set[int] = set()
    if quotes is None:
        quotes = doc_list(sent.doc, "quotes")
    for token in sent:
        if token.i in used:
            continue
        judgement = judgement_at(token, quotes)
        if judgement is not None:
            found.append(
                Trigger(
                    token,
                    judgement.copula,
                    token,
                    token,
                    judgement.code,
                    0.5,
                    False,
                    None,
                    judgement,
                )
            )
            used.add(token.i)
        elif _is_verb(token):
            trigger = _verb_trigger(token, lexicon)
            if trigger is not None:
                found.append(trigger)
                used.update({trigger.token.i, trigger.anchor.i})
        elif token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() not in SUPPORT_ONLY_NOUNS:
            code = noun_code(token) or _compound_code(token)
            if code is not None and token.head.i not in used and _noun_can_stand(token):
                found.append(Trigger(token, token, _noun_start(token), token, code, 0.6, True))
                used.add(token.i)
    # The content of a governing verb ("agreed to meet", "called on X to stand up") is not coded
    # on its own; a resolution's content ("voted for a resolution demanding ...") gives the type.
    governed = set()
    by_token = {t.token.i: t for t in found}
    for trigger in found:
        head = _governing(trigger.anchor)
        if head is not None and head.i in by_token and by_token[head.i].code[0] in GOVERNING_TYPES:
            governed.add(trigger.token.i)
            ruling = by_token[head.i]
            if ruling.code[0] == "AGREE" and trigger.code[0] in _CONFLICT_TYPES:
                # "vowed to retaliate", "pledged to punish": a promise of harm is a threat
                by_token[head.i] = dataclasses.replace(ruling, code=("THREATEN", None))
        charge = _charged(trigger.anchor)
        if charge is not None and charge.i in by_token and by_token[charge.i].code[0] == "ACCUSE":
            governed.add(trigger.token.i)  # "accused the bloc of failing": the charge only
    return sorted(
        (by_token[t.token.i] for t in found if t.token.i not in governed), key=lambda t: t.token.i
    )


def _compound_code(token: Token) -> Code | None:
    """A generic head with an event noun in front: "his rice seed distribution mission"."""
    if token.lemma_.lower() not in _MISSION_NOUNS:
        return None
    for left in token.lefts:
        if left.dep_ == "compound":
            code = noun_code(left)
            if code is not None:
                return code
    return None


def _noun_start(token: Token) -> Token:
    # "phone call", "rice seed distribution mission": compounds in front belong to the trigger
    start = token
    for left in reversed(list(token.lefts)):
        if left.dep_ in {"compound", "nmod"} and left.i == start.i - 1:
            start = left
            start = min((t for t in left.subtree), key=lambda t: t.i)
    return start


def _noun_can_stand(token: Token) -> bool:
    """An event noun codes on its own only with an actor phrase on it: "his call", "talks with",
    "cooperation between Russia and North Korea", "an offensive launched by Puntland forces"."""
    for child in token.children:
        if child.dep_ == "poss" or (
            child.dep_ == "prep"
            and child.lower_ in {"with", "from", "by", "to", "on", "against", "between"}
        ):
            return True
        if child.dep_ == "acl" and _agent(child) is not None:
            return True
        if child.dep_ in {"amod", "compound"} and child.ent_type_ == "NORP":
            return True
        if child.dep_ == "relcl" and child.lemma_.lower() in _RECEIVE_VERBS:
            return True
    return False


def _verb_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = verb_lemma(token)
    objects = [c for c in token.children if c.dep_ in {"dobj", "attr"}]
    if lemma in _REPORT_VERBS:
        # "Russia says Israel must end attacks": a demand made by the speaker of the addressee
        for child in token.children:
            if (
                child.dep_ == "ccomp"
                and any(a.dep_ == "aux" and a.lower_ in DEMAND_MODALS for a in child.children)
                and any(c.dep_ in _SUBJECTS for c in child.children)
            ):
                return Trigger(token, token, token, token, ("REQUEST", None), 0.6, False, child)
    # A verb and object coded together: "reached an agreement", "blocked the sale".
    for obj in objects:
        pair = SUPPORT_VERB_CODES.get((lemma, obj.lemma_.lower()))
        if pair is not None:
            return Trigger(obj, token, token, obj, pair, 0.8, False)
    # Support verb + event noun: "held talks", "offered his appreciation", "imposed sanctions".
    if lemma in SUPPORT_VERBS:
        for obj in objects:
            code = noun_code(obj)
            if code is not None and code[0] == "PROTEST" and lemma in _COMPLAIN_VERBS:
                code = ("ACCUSE", "allege")  # "lodged an official protest with": a complaint
            if code is not None and obj.lemma_.lower() == "strike":
                kind = {c.lower_ for c in obj.children if c.dep_ in {"compound", "amod"}}
                if "hunger" in kind:
                    code = ("PROTEST", "hunger")
                elif lemma in STRIKE_PROTEST_VERBS or kind & {"general", "national", "labour"}:
                    code = ("PROTEST", "strike")
            if (
                code == ("COOPERATE", None)
                and obj.lemma_.lower() in _DRILL_NOUNS
                and not any(
                    c.lower_ in {"joint", "combined"} or (c.dep_ == "prep" and c.lower_ == "with")
                    for c in [*obj.children, *token.children]
                )
            ):
                code = ("MOBILIZE", None)  # one side's drills are a show of force
            if code is not None:
                if lemma == "impose" and code[0] == "SANCTION":
                    return Trigger(obj, token, token, obj, code, 0.9, False)
                return Trigger(obj, token, token, obj, code, 0.8, False)
    if lemma == "receive" and any(
        o.ent_type_ in {"PERSON", "NORP"} or o.lemma_.lower() in _VISITOR_NOUNS for o in objects
    ):
        return Trigger(token, token, token, token, ("CONSULT", "visit"), 0.7, False)
    if lemma in _RECEIVE_VERBS:
        for obj in objects:
            code = noun_code(obj) or (("AID", None) if obj.lemma_.lower() in AID_OBJECTS else None)
            if code is not None and code[0] == "AID":
                # "Ukraine has received assistance from the US": the giver is the source
                return Trigger(obj, obj, token, obj, code, 0.7, True)
    if lemma == "call" and any(c.dep_ == "oprd" for c in token.children):
        return _characterization(token)
    code, evidence = verb_code(token, lexicon)
    if lemma in OBJECT_VERBS and not objects:
        return None
    if lemma == "strike" and code is None and objects:
        code, evidence = ("ASSAULT", None), 0.7  # "struck militia groups"; a labour strike has none
    if (
        code is not None
        and code[0] in {"MOBILIZE", "COOPERATE"}
        and any(t.lemma_.lower() in _PEACEKEEPING for t in token.subtree)
    ):
        code, evidence = ("AID", "peacekeeping"), 0.8  # troops sent for peacekeeping
    if lemma in GIVING_VERBS and any(
        o.lemma_.lower() in AID_OBJECTS or o.ent_type_ == "MONEY" for o in objects
    ):
        code, evidence = ("AID", None), 0.8
    if code is not None and code == ("CONSULT", "phone") and lemma == "call":
        # "called X to congratulate him": the call's purpose gives the type
        for child in token.children:
            if child.dep_ in {"advcl", "xcomp"} and child.i > token.i:
                purpose, _ = verb_code(child, lexicon)
                support = [o for o in child.children if o.dep_ == "dobj" and noun_code(o)]
                if purpose is not None and purpose[0] == "SUPPORT":
                    return Trigger(token, token, token, token, purpose, 0.7, False)
                if support and noun_code(support[0]) == ("SUPPORT", None):
                    return Trigger(token, token, token, token, ("SUPPORT", None), 0.7, False)
    # Voting for / sponsoring / passing a resolution: coded by what the resolution does.
    backs = code is not None and code[0] in {"SUPPORT", "AGREE"}
    votes_on = lemma == "vote" and any(
        c.dep_ == "prep" and c.lower_ == "on" for c in token.children
    )
    for obj in _objects_deep(token):
        if obj.lemma_.lower() in RESOLUTION_NOUNS and (backs or votes_on or lemma in _ADOPT_VERBS):
            content = _resolution_content(obj, lexicon)
            if content is None and votes_on:
                content = _earlier_resolution_content(obj, lexicon)
                if content is None:
                    return None  # voting on it, for or against unsaid, of unknown content
            if content is not None:
                verb, content_code = content
                return Trigger(
                    token, token, _prefixed(token), token, content_code, 0.7, False, verb
                )
    if code is None:
        return None
    return Trigger(token, token, _prefixed(token), token, code, evidence, False)


def _characterization(token: Token) -> Trigger | None:
    """ "called the ruling arbitrary": an accusation when the complement is damning, a rejection
    when what is so called is someone's claim, else no event (never a phone call)."""
    complements = [c for c in token.children if c.dep_ == "oprd"]
    words = {
        w.lemma_.lower() for c in complements for w in [c, *c.children] if w.dep_ != "punct"
    } | {w.lower_ for c in complements for w in [c, *c.children]}
    if not words & NEGATIVE_CHARACTERIZATIONS:
        return None
    called = [c for c in [*token.children] if c.dep_ in {"dobj", "oprd"}]
    if any(c.lemma_.lower() in CLAIM_NOUNS for c in called):
        return Trigger(token, token, token, token, ("REJECT", None), 0.7, False)
    return Trigger(token, token, token, token, ("ACCUSE", "disapprove"), 0.7, False)


def _prefixed(token: Token) -> Token:
    """The first token of a verb written with a split prefix: "co-sponsoring" -> "co"."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in {"co", "re"}:
        return doc[token.i - 2]
    return token


def _objects_deep(token: Token) -> Iterator[Token]:
    """Objects of a verb, its prepositions' objects, and what they are in apposition with."""
    found = []
    for child in token.children:
        if child.dep_ in {"dobj", "attr"}:
            found.append(child)
        elif child.dep_ == "prep":
            found += [g for g in child.children if g.dep_ == "pobj"]
    for obj in found:
        yield obj
        yield from (c for c in obj.children if c.dep_ == "appos")


def _resolution_content(noun: Token, lexicon: Lexicon) -> tuple[Token, Code] | None:
    for child in noun.children:
        if child.dep_ in {"acl", "relcl"}:
            code, _ = verb_code(child, lexicon)
            if code is not None and code[0] in {"ACCUSE", "REQUEST"}:
                return child, code
    return None


# --- actors ------------------------------------------------------------------------------------


def _earlier_resolution_content(noun: Token, lexicon: Lexicon) -> tuple[Token, Code] | None:
    """What "the resolution" voted on does, from the nearest resolution before it in the
    document that says what it does ("a resolution condemning Russia's invasion")."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
        return None
    for token in reversed(noun.doc[: noun.sent.start]):
        if token.lemma_.lower() == noun.lemma_.lower():  # a resolution, not a statement
            content = _resolution_content(token, lexicon)
            if content is not None:
                return content
    return None


def _phrase(token: Token) -> tuple[int, int]:
    """Character range of a noun phrase: its left part, the head and compounds after it."""
    left = token.left_edge
    for t in token.doc[left.i : token.i]:
        # a dateline or credit before the name: "ADDIS ABABA, May 15 (Xinhua) -- Ethiopian ..."
        if t.text in {"--", "—", "–", ":", ")"} or t.text.startswith("--"):
            left = token.doc[t.i + 1]
    right = token
    for child in token.rights:
        if child.dep_ in {"compound", "flat", "appos"} and child.i == right.i + 1:
            right = child
    return left.idx, right.idx + len(right.text)


def actors_of(doc: Doc, token: Token, subject: bool = False) -> list[Actor]:
    """The actors a noun phrase names (with its conjuncts), from the actors stage or, failing
    that, the named entities and role nouns of the phrase.

    A subject must name its actor on its head word or by a role noun: in "Kaabu's story passed"
    the story, not Kaabu, passed. An object may name it in front: "condemned the Russian
    aggression" targets Russia.
    """
    heads = [token, *[c for c in token.conjuncts if c.i > token.i]]
    actors: list[Actor] = []
    for head in heads:
        actor = _actor_at_token(doc, head, subject)
        if actor is not None and all(a.start != actor.start for a in actors):
            actors.append(actor)
    return actors


def _actor_at_token(doc: Doc, token: Token, subject: bool = False) -> Actor | None:
    start, end = _phrase(token)
    head_start, head_end = token.idx, token.idx + len(token.text)
    found = mentions_in(doc, start, end)
    if found:
        entities = entity_index(doc)
        # Prefer the mention on the head word, then the widest inside the phrase.
        on_head = [m for m in found if m.start < head_end and head_start < m.end]
        inside = [m for m in found if start <= m.start and m.end <= end] or found
        # A name in front of a head that is no actor ("Kaabu's story") is not the subject.
        if on_head or _names_actor(token) or not subject:
            best = max(on_head or inside, key=lambda m: (m.end - m.start, -m.start))
            return actor_of(best, entities)
    if token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN"}:
        # A name the actors stage knows from elsewhere in the document ("Zelenskyy" after
        # "President Volodymyr Zelenskyy") but did not mark here.
        for entity in entity_index(doc).values():
            if token.text in {*entity.name.split(), *entity.aliases}:
                return Actor(
                    entity.id,
                    entity.name,
                    entity.country,
                    entity.sector,
                    token.idx,
                    token.idx + len(token.text),
                )
    for t in doc[token.left_edge.i : token.i + 1]:
        if t.ent_type_ in _ACTOR_LABELS:
            ent = _entity_span(t)
            ent_on_head = ent.start <= token.i < ent.end
            if (
                start <= ent.start_char
                and ent.end_char <= end
                and (ent_on_head or _names_actor(token) or not subject)
            ):
                return Actor(None, ent.text, None, None, ent.start_char, ent.end_char)
    if token.lemma_.lower() in _ACTOR_NOUNS or token.lower_ in _ACTOR_NOUNS:
        return Actor(None, _text(doc, start, end), None, None, start, end)
    if is_states_group(token):
        # "181 countries", "most ASEAN nations": states acting together, no single country
        return Actor(None, _text(doc, start, end), None, "GOV", start, end)
    if token.pos_ == "PROPN" and token.ent_type_ not in _NOT_ACTOR_LABELS:
        # a name neither the actors stage nor the NER knew ("ICE returned ..."): the name itself
        first = token
        for left in reversed(list(token.lefts)):
            if left.dep_ == "compound" and left.pos_ == "PROPN" and left.i == first.i - 1:
                first = left
        return Actor(None, _text(doc, first.idx, head_end), None, None, first.idx, head_end)
    quote = quote_at(doc_list(doc, "quotes"), token.idx)
    direct = quote is not None and quote.kind == "direct"
    if direct and token.lower_ == "i" and quote is not None and quote.speaker_entity_id:
        # "I will meet with ..." inside a direct quote: the speaker the quotes stage resolved
        speaker_entity = entity_index(doc).get(quote.speaker_entity_id)
        if speaker_entity is not None:
            return Actor(
                speaker_entity.id,
                speaker_entity.name,
                speaker_entity.country,
                speaker_entity.sector,
                start,
                end,
            )
    if (
        token.pos_ == "PRON"
        and token.lower_ in _SPEAKER_PRONOUNS
        and direct == (token.lower_ == "we")
    ):
        # "The ELN has said it will release ...": the pronoun is the speaker (in a direct
        # quote only "we" is; "they" there are others)
        report = _reporting_verb(token.head)
        if report is not None and token.dep_ in _SUBJECTS:
            speaker, _ = _subject(report)
            if speaker is not None and speaker.i != token.i and speaker.pos_ != "PRON":
                return _actor_at_token(doc, speaker, subject=True)
    if token.lemma_.lower() in _GROUP_NOUNS or token.lower_ in _GROUP_NOUNS:
        # "a group of British lawmakers", "dozens of protesters": the actor is in the of-phrase
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lower_ == "people":
                    # "tens of thousands of people": a crowd, named by its number
                    return Actor(
                        None,
                        _text(doc, start, obj.idx + len(obj.text)),
                        None,
                        None,
                        start,
                        obj.idx + len(obj.text),
                    )
                if obj is not None:
                    return _actor_at_token(doc, obj)
    return None


def is_states_group(token: Token) -> bool:
    """True for a counted or quantified group of states: "181 countries", "Nearly 100 countries",
    "most ASEAN nations", "U.N. member states", "dozens of other countries".

    A bare or merely described plural ("other countries", "democratic countries") is no actor. A
    group is coded with no country and sector GOV (see ``STATES_GROUP``).
    """
    if token.tag_ != "NNS" or token.lemma_.lower() not in _STATE_NOUNS:
        return False
    for child in token.children:
        if child.dep_ == "nummod" or (
            child.dep_ in {"amod", "det"} and child.lower_ in _QUANTIFIERS
        ):
            return True
        if child.dep_ == "compound" and (child.lower_ == "member" or child.ent_type_ == "ORG"):
            return True
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lemma_.lower() in _GROUP_NOUNS or head.head.lower_ in _GROUP_NOUNS)
    )


def _text(doc: Doc, start: int, end: int) -> str:
    """The text of a token-aligned character range (``doc.text`` rebuilds the whole text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text if span is not None else ""


def _names_actor(token: Token) -> bool:
    """True when a head noun names an actor by role or group ("government", "forces"), or is an
    attack whose author is named in front of it ("Israeli airstrikes killed ...")."""
    lemma = token.lemma_.lower()
    return (
        lemma in _ACTOR_NOUNS
        or token.lower_ in _ACTOR_NOUNS
        or lemma in _GROUP_NOUNS
        or token.lower_ in _GROUP_NOUNS
        or (noun_code(token) or ("", None))[0] == "ASSAULT"
    )


def _entity_span(token: Token) -> Span:
    """The named entity a token is part of (read from the token's IOB tags: ``doc.ents`` is
    rebuilt on every access and costs more than the rest of the stage)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (inherited through xcomp/conj/relcl), and whether it is passive."""
    seen = 0
    current: Token | None = verb
    through_xcomp = False
    while current is not None and seen < 6:
        seen += 1
        for child in current.children:
            if child.dep_ in _SUBJECTS and current.dep_ == "relcl" and child.tag_ in _RELATIVES:
                return current.head, False  # "six militants who attacked": the militants
            if child.dep_ in _SUBJECTS:
                return child, False
            if child.dep_ in _PASSIVE_SUBJECTS:
                # "X were supposed to sign": X signs; only the verb's own passive subject is its
                # target
                return child, not through_xcomp
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ in {"xcomp", "conj", "acomp", "pcomp"} and current.head is not current:
            through_xcomp = through_xcomp or current.dep_ == "xcomp"
            current = current.head
            continue
        if (
            current.dep_ == "advcl"
            and current.tag_ == "VBG"
            and not any(c.dep_ == "mark" for c in current.children)
        ):
            # "..., providing $5 billion in assistance": the participle shares the subject
            current = current.head
            continue
        if current.pos_ == "ADP" and current.dep_ == "prep" and seen > 1:
            current = current.head  # "joined ... in co-sponsoring": the joiner co-sponsors
            continue
        break
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _prep_objects(token: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj":
                    yield child.lower_, g
        elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            yield "to", child


def _sources_targets(doc: Doc, trigger: Trigger) -> tuple[list[Actor], list[Actor], bool]:
    """Source and target actors, and whether the event is reciprocal ("met with")."""
    anchor, token = trigger.anchor, trigger.token
    sources: list[Actor] = []
    targets: list[Actor] = []
    reciprocal = False
    if trigger.judgement is not None:
        return _judged(doc, trigger.judgement)
    if trigger.is_noun:
        for child in token.children:
            if child.dep_ == "poss":
                sources += actors_of(doc, child)
        for _, obj in _prep_objects(token, frozenset({"from", "by", "between"})):
            # "between Russia and North Korea": both parties
            sources += actors_of(doc, obj)
        for child in token.children:
            agent = _agent(child) if child.dep_ == "acl" else None
            if agent is not None:
                sources += actors_of(doc, agent, subject=True)  # "an offensive launched by X"
        if not sources:
            for child in token.lefts:
                if child.dep_ in {"amod", "compound"} and child.ent_type_ == "NORP":
                    sources += actors_of(doc, child)
        if token.dep_ == "dobj" and token.head.lemma_.lower() in _RECEIVE_VERBS:
            for _, obj in _prep_objects(token.head, frozenset({"from"})):
                sources += actors_of(doc, obj)
            subj, _ = _subject(token.head)
            if subj is not None:
                targets += actors_of(doc, subj)
        for child in token.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in _RECEIVE_VERBS:
                # "the deliveries of weapons it has received from the US"
                for _, obj in _prep_objects(child, frozenset({"from"})):
                    sources += actors_of(doc, obj)
                subj, _ = _subject(child)
                if subj is not None:
                    targets += actors_of(doc, subj)
        if not sources and token.dep_ in {"dobj", "pobj"}:
            # "during his second phone conversation": the noun's own possessor handled above;
            # a noun that is the object of a receiving verb names the giver by "from".
            head = token.head if token.dep_ == "dobj" else token.head.head
            for _, obj in _prep_objects(head, frozenset({"from"})):
                sources += actors_of(doc, obj)
        for prep, obj in _prep_objects(token, frozenset({"with", "to", "on", "against", "for"})):
            found = actors_of(doc, obj)
            if prep in _RECIPROCAL_PREPS and trigger.code[0] == "CONSULT":
                reciprocal = True
                sources += found if sources else []
            else:
                targets += found
        if not targets and token.dep_ == "dobj":
            # "the deliveries of weapons it has received": the receiver is the subject
            subj, _ = _subject(token.head)
            if subj is not None and token.head.lemma_.lower() in {"receive", "get", "obtain"}:
                targets += actors_of(doc, subj)
        return _dedupe(sources), _dedupe(targets, sources), reciprocal
    if trigger.content is not None and trigger.content.dep_ == "ccomp":
        # a demand told as "X says Y must ...": X is the source, Y the target
        subj, _ = _subject(anchor)
        sources = actors_of(doc, subj, subject=True) if subj is not None else []
        demanded, _ = _subject(trigger.content)
        targets = actors_of(doc, demanded) if demanded is not None else []
        return _dedupe(sources), _dedupe(targets, sources), False
    if trigger.content is not None:
        # a resolution's content: its target is whom the resolution condemns or makes demands of
        subj, _ = _subject(anchor)
        sources = actors_of(doc, subj, subject=True) if subj is not None else []
        for t in trigger.content.subtree:
            if t.dep_ in {"poss", "pobj", "dobj", "amod"} and t.i != trigger.content.i:
                targets = actors_of(doc, t)
                if targets:
                    break
        return _dedupe(sources), _dedupe(targets, sources), False
    subj, passive = _subject(anchor)
    agent = _agent(anchor)
    if passive or (subj is None and agent is not None):
        # "a meeting requested by the United States": a participle's "by" agent is its source
        if agent is not None:
            sources += actors_of(doc, agent, subject=True)
        if subj is not None:
            targets += actors_of(doc, subj)
    elif subj is not None:
        sources += actors_of(doc, subj, subject=True)
    for child in anchor.children:
        # "oprd": what is characterized, "called Pakistan's assertions baseless"
        if child.dep_ in {"dobj", "attr", "oprd"} and child.i != token.i and not passive:
            found = actors_of(doc, child)
            if not found:
                # "condemned Russia's invasion", "imposed sanctions on Russia"
                for g in child.children:
                    if g.dep_ == "poss":
                        found += actors_of(doc, g)
                for _, obj in _prep_objects(child, frozenset({"on", "against", "to", "of"})):
                    if not found:
                        found += actors_of(doc, obj)
            targets += found
        if child.dep_ == "dobj" and child.i == token.i:
            for prep, obj in _prep_objects(child, frozenset({"on", "against", "to", "with"})):
                if prep in _RECIPROCAL_PREPS and trigger.code[0] == "CONSULT":
                    reciprocal = True
                    sources += actors_of(doc, obj) if sources else []
                else:
                    targets += actors_of(doc, obj)
    for prep, obj in _prep_objects(anchor, _TARGET_PREPS):
        found = actors_of(doc, obj)
        if prep in _RECIPROCAL_PREPS and trigger.code[0] == "CONSULT":
            reciprocal = True
            sources += found if sources else []  # a party "with" whom, but no one meeting: none
        elif prep != "for" or trigger.code[0] in {"REQUEST", "SUPPORT"}:
            targets += found
    if trigger.code[0] in {"ACCUSE", "REQUEST"} and not targets and token is anchor:
        # "co-sponsoring a resolution condemning Russia's invasion": the resolution's target
        for obj in _objects_deep(anchor):
            for child in obj.children:
                if child.dep_ in {"acl", "relcl"}:
                    for g in child.children:
                        if g.dep_ == "dobj":
                            targets += actors_of(doc, g) or [
                                a for p in g.children if p.dep_ == "poss" for a in actors_of(doc, p)
                            ]
    return _dedupe(sources), _dedupe(targets, sources), reciprocal


def _judged(doc: Doc, judgement: Judgement) -> tuple[list[Actor], list[Actor], bool]:
    """Who tells a judgement (the quote's speaker, else the reporting verb's subject) and whom it
    judges (the subject, or the owner of a claim called false)."""
    sources: list[Actor] = []
    if judgement.teller is not None:
        sources = actors_of(doc, judgement.teller, subject=True)
    quote = judgement.quote
    if not sources and quote is not None and quote.speaker_entity_id:
        entity = entity_index(doc).get(quote.speaker_entity_id)
        if entity is not None and quote.speaker_start is not None and quote.speaker_end is not None:
            sources = [
                Actor(
                    entity.id,
                    entity.name,
                    entity.country,
                    entity.sector,
                    quote.speaker_start,
                    quote.speaker_end,
                )
            ]
    subject = judgement.subject
    if judgement.code[0] == "REJECT":
        owners = [c for c in subject.children if c.dep_ == "poss"]
        targets = [a for o in owners for a in actors_of(doc, o)]
    else:
        targets = actors_of(doc, subject)
        if not targets:
            return [], [], False  # a damning word about no one named ("the situation is dangerous")
    return _dedupe(sources), _dedupe(targets, sources), False


def _dedupe(actors: Iterable[Actor], exclude: Iterable[Actor] = ()) -> list[Actor]:
    seen = {(a.start, a.end) for a in exclude}
    seen_ids = {a.entity_id for a in exclude if a.entity_id}
    out = []
    for actor in actors:
        if (actor.start, actor.end) in seen or (actor.entity_id and actor.entity_id in seen_ids):
            continue
        seen.add((actor.start, actor.end))
        if actor.entity_id:
            seen_ids.add(actor.entity_id)
        out.append(actor)
    return out


# --- modality, date, place, quote ---------------------------------------------------------------


def _chain(token: Token) -> Iterator[Token]:
    """The trigger's verb and the verbs that govern it through complements, nearest first."""
    current = token
    for _ in range(6):
        yield current
        if (
            current.dep_ in {"xcomp", "conj", "acomp", "pcomp", "prep"}
            and current.head is not current
        ):
            current = current.head
        else:
            return


def modality_of(trigger: Trigger, quote: Quote | None, sources: list[Actor]) -> str:
    """The modality of an event (see the module docstring for the convention)."""
    anchor = trigger.anchor
    chain = list(_chain(anchor))
    tokens = [c for v in chain for c in v.children]
    if trigger.is_noun:
        tokens += list(trigger.token.children)
    if any(t.dep_ == "neg" for t in tokens) or any(
        t.lower_ in {"never", "no"} and t.dep_ in {"neg", "advmod", "det"}
        for t in tokens
        if t.head in chain
    ):
        return "negated"
    if any(v.lower_ in {"unable", "impossible"} for v in chain):
        return "negated"
    if any(t.dep_ == "mark" and t.lower_ in {"if", "unless", "whether", "until"} for t in tokens):
        return "hypothetical"
    if any(v.lower_ in {"unlikely", "likely", "able", "possible"} for v in chain):
        return "hypothetical"
    top = chain[-1]
    if top.dep_ in {"acl", "ccomp"} and top.head.lemma_.lower() in _DOUBT_NOUNS:
        return "hypothetical"  # "expressing doubts that Russia would surrender"
    auxes = {t.lower_ for t in tokens if t.dep_ in {"aux", "auxpass"}}
    if auxes & _HYPOTHETICAL_AUX:
        return "hypothetical"
    if auxes & _PLANNED_AUX or "would" in auxes:
        return "planned"
    if any(v.lemma_.lower() in _PLAN_VERBS and v is not anchor for v in chain):
        return "planned"
    if trigger.is_noun and any(
        t.lower_ in {"upcoming", "planned", "next", "proposed"} for t in trigger.token.lefts
    ):
        return "planned"
    if _reported(anchor, quote, sources):
        return "reported"
    return "asserted"


def _reported(anchor: Token, quote: Quote | None, sources: list[Actor]) -> bool:
    source_ids = {a.entity_id for a in sources if a.entity_id}
    if quote is not None:
        return not (quote.speaker_entity_id and quote.speaker_entity_id in source_ids)
    current = anchor
    for _ in range(6):
        if any(c.dep_ == "prep" and c.lower_ == "according" for c in current.children):
            return True
        if current.dep_ in {"ccomp", "parataxis"} and current.head.lemma_.lower() in _REPORT_VERBS:
            subj, _ = _subject(current.head)
            if subj is None:
                return True
            speaker = actors_of(anchor.doc, subj)
            return not any(
                (a.entity_id and a.entity_id in source_ids)
                or any(a.start == s.start for s in sources)
                for a in speaker
            )
        if current.head is current:
            return False
        current = current.head
    return False


def _is_date_value(value: str) -> bool:
    return len(value) >= 4 and value[:4].isdigit()


def date_of(doc: Doc, trigger: Trigger, sent: Span, published: str | None) -> EventDate | None:
    """The date of the time expression attached to the trigger, else the article's date."""
    verbs_in_between = frozenset({"VERB", "AUX"})
    for timex in timexes_in(doc, sent.start_char, sent.end_char):
        if timex.type not in {"DATE", "TIME"} or not _is_date_value(timex.value):
            continue
        if _attached(doc, timex, trigger.token, trigger.anchor, verbs_in_between):
            value = timex.value if timex.type == "DATE" else timex.value[:10]
            return EventDate(_with_mod(value, timex), "text")
    # A stance told in a reported clause ("announced earlier this month that Cambodia would not
    # support ...") is dated by the telling; a deed told there ("said Tuesday that Russia
    # attacked") is not.
    report = _reporting_verb(trigger.anchor)
    if report is not None and trigger.code[0] in _STANCE_TYPES:
        for timex in timexes_in(doc, sent.start_char, sent.end_char):
            if timex.type not in {"DATE", "TIME"} or not _is_date_value(timex.value):
                continue
            if _attached(doc, timex, report, report, verbs_in_between):
                value = timex.value if timex.type == "DATE" else timex.value[:10]
                return EventDate(value, "text")
    if published and _is_date_value(published):
        return EventDate(published[:10], "published")
    return None


def _with_mod(value: str, timex: Timex) -> str:
    return value  # the mod (START, END, ...) stays on the timex record


def _reporting_verb(anchor: Token) -> Token | None:
    """The reporting verb whose complement clause holds the trigger, if any."""
    current = anchor
    for _ in range(4):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in _REPORT_VERBS:
            return current.head
        if current.dep_ not in {"xcomp", "conj"} or current.head is current:
            return None
        current = current.head
    return None


def _attached(
    doc: Doc, timex: Timex, token: Token, anchor: Token, verb_pos: frozenset[str]
) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    targets = {token.i, anchor.i}
    if anchor.dep_ in {"relcl", "advcl"} and span.start <= anchor.head.i < span.end:
        return True  # "Since August 2022, when the president called for ..."
    if (
        anchor.dep_ in {"acl", "ccomp"}
        and anchor.head.pos_ == "NOUN"
        and span.root.head.i == anchor.head.i
        and span.root.dep_ in {"poss", "compound", "npadvmod", "amod"}
    ):
        return True  # "Tuesday's announcement that Ukraine had agreed": told then
    head = anchor
    while head.head is not head and (head.dep_ == "conj" or _shares_time(head)):
        # "Last month, a court sentenced Dodik ... and banned him": the fronted date is shared;
        # so is the date of the verb a participle hangs from ("in December, U.S. forces carried
        # out airstrikes, hitting targets")
        head = head.head
        targets.add(head.i)
    current = span.root
    for _ in range(12):
        if current.i in targets:
            return True
        if current.head is current:
            return False
        current = current.head
        if current.i not in targets and current.pos_ in verb_pos and current.i != span.root.i:
            return False
    return False


def _shares_time(verb: Token) -> bool:
    """A participle clause with no conjunction of its own ("..., hitting targets") happens when the
    verb it hangs from does."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ == "mark" for c in verb.children)
    )


def with_scene(doc: Doc, events: list[Event], places: Sequence[PlaceMention]) -> list[Event]:
    """Events their sentence does not place, placed at the article's scene where it fits (basis
    ``article``; see :mod:`storyline.stages.places.locate`)."""
    scene = article_scene(doc, load_gazetteer(), places)
    if scene is None:
        return events
    place = as_place(scene, "article", ARTICLE_FACTOR)
    return [
        dataclasses.replace(event, location=place)
        if scene_fits(doc, event, scene, places)
        else event
        for event in events
    ]


def _with_channel(trigger: Trigger) -> Trigger:
    """A meeting "by phone" or "by video" is a phone CONSULT."""
    if trigger.code[0] != "CONSULT":
        return trigger
    for head in (trigger.anchor, trigger.token):
        for _, obj in _prep_objects(head, frozenset({"by", "over", "via"})):
            if obj.lemma_.lower() in {"phone", "telephone", "video", "videoconference", "call"}:
                return Trigger(
                    trigger.token,
                    trigger.anchor,
                    trigger.start,
                    trigger.end,
                    ("CONSULT", "phone"),
                    trigger.evidence,
                    trigger.is_noun,
                )
    return trigger


# --- the stage -----------------------------------------------------------------------------------


def raw_confidence(evidence: float, has_target: bool, named: int) -> float:
    """The uncalibrated score of an event: how specific its trigger's evidence is (0..1), whether it
    has a target, and how many of its actors are named entities."""
    return min(0.95, 0.3 + 0.4 * evidence + 0.1 * has_target + 0.05 * min(named, 2))


def extract_events(
    doc: Doc, lexicon: Lexicon | None = None, calibration: Calibration | None = None
) -> list[Event]:
    """Every event the document's sentences code, in text order. With a ``calibration``, an
    event's confidence is the share of events of its raw score whose type was right on dev data;
    without, the raw score."""
    lexicon = lexicon or load_lexicon()
    doc_id = doc._.doc_id or ""
    published = doc._.published
    quotes = doc_list(doc, "quotes")
    places = place_mentions(doc, load_gazetteer())
    events: list[Event] = []
    for sent in doc.sents:
        for found in find_triggers(sent, lexicon, quotes):
            sources, targets, reciprocal = _sources_targets(doc, found)
            if not sources:
                continue
            trigger = _with_channel(found)
            if trigger.code in BY_AUTHORITY and any(a.sector in AUTHORITY_SECTORS for a in sources):
                trigger = dataclasses.replace(trigger, code=BY_AUTHORITY[trigger.code])
            # The object of a support verb may come first ("what concessions Ukraine might be
            # willing to make"): the trigger's text runs from its first to its last token.
            first, last = sorted((trigger.start, trigger.end), key=lambda t: t.i)
            start = first.idx
            end = last.idx + len(last.text)
            quote = quote_at(quotes, start)
            modality = modality_of(trigger, quote, sources)
            named = sum(1 for a in [*sources, *targets] if a.entity_id)
            confidence = raw_confidence(trigger.evidence, bool(targets), named)
            if calibration is not None:
                confidence = calibration.precision(confidence)
            events.append(
                Event(
                    id=f"{doc_id}:V{start}",
                    doc_id=doc_id,
                    type=trigger.code[0],
                    mode=trigger.code[1],
                    modality=modality,  # type: ignore[arg-type]
                    source=sources,
                    target=[] if reciprocal and not targets else targets,
                    date=date_of(doc, trigger, sent, published),
                    location=event_place(
                        doc, sent, {trigger.anchor, trigger.token}, trigger.code, places
                    ),
                    sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
                    trigger=TextSpan(start, end, _text(doc, start, end)),
                    quote_id=quote.id if quote else None,
                    confidence=round(confidence, 3),
                )
            )
    return with_scene(doc, events, places)


class EventsStage:
    """spaCy component: writes ``doc._.events``."""

    def __init__(self, nlp: Language, name: str, calibrated: bool = True) -> None:
        ensure_doc_extensions()
        self.name = name
        self.lexicon = load_lexicon()
        self.calibration = load_calibration() if calibrated else None

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        with stage_guard(doc, "events"):
            doc._.events = extract_events(doc, self.lexicon, self.calibration)
        return doc


@Language.factory(
    "storyline_events",
    requires=["doc._.mentions", "doc._.timexes", "doc._.quotes"],
    assigns=["doc._.events"],
    default_config={"calibrated": True},
)
def make_events_stage(nlp: Language, name: str, calibrated: bool) -> EventsStage:
    """The events stage (PLOVER event records); ``calibrated``: confidences through the shipped
    calibration table (``resources/events/calibration.json``), else raw scores."""
    return EventsStage(nlp, name, calibrated)
