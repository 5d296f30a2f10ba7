"""Source and target actors of an event, from the parse and the actors stage.

Reads: the parse of the trigger's sentence, ``doc._.mentions`` / ``doc._.entities`` (the actors
stage) and ``doc._.quotes``. Writes nothing.

Sources: the subject (the "by" agent of a passive), the possessor or "from" phrase of an event
noun, a country named in front of one aimed "on/against" someone ("U.S. tariffs on steel"), the
doer of a verb that leads or owns up to one ("Rubio led talks", "claimed responsibility for the
attack"), the speaker at or after a meeting. Targets: the object (a relative pronoun's
antecedent, "Canada, which he hit", also of a passive, "Porras, who was sanctioned by the EU"; an
unresolved pronoun continuing a clause, "blamed India, accusing it"; the owner of a rejected
claim, "rejected allegations by the army spokesperson"), "with/on/against/to" phrases ("at" for
attacks), the party of what a demand, threat or refusal is about ("called for the Taliban to lift
the ban"), the doer a charge names ("alleged that Iran attacked") or welcomed news tells of
("welcomed the announcement that Ukraine had agreed"), whom a participle aims an event noun at
("tariffs targeting Canada"), who "came under attack", and who an arrest, killing or trial
befalls ("Mhlanga's arrest"); several where the text names several. A reciprocal event (a meeting,
talks, a call "with" someone) keeps both parties: the one who meets as its source, the one met
"with" as its target (PLOVER's actor and recipient).

An actor is the actors stage's mention on the phrase's head word (or, for a role head such as
"government", inside the phrase). Where the actors stage left none there, the phrase is read by
the fallbacks of ``_ACTOR_FINDERS``, in order: a known entity's name, a named entity, a role noun
("police", "rebels"; people "from" or "of" an organization are the organization; "his forces" the
military of whom "his" stands for), a counted group of states, an unknown proper name, the speaker
of a direct quote ("I"), the speaker a pronoun stands for ("the ELN said it will release"), the earlier
subject of its sentence a pronoun stands for ("the militants ..., where they stormed it"), the
members of a group ("a group of British lawmakers"). A subject must name its actor on its head or by role
("Kaabu's story passed" has no actor); an object may name it in front ("condemned the Russian
aggression").

Groups of states: a counted or quantified plural of "countries", "nations" or "states" ("181
countries", "most ASEAN nations", "U.N. member states", "dozens of other countries") is an actor
with no entity, no country (it holds several) and sector GOV; a bare or merely described plural
("other countries", "democratic countries") is none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeAlias

from spacy.tokens import Doc, Token

from storyline.records import Actor
from storyline.stages import doc_list
from storyline.stages.actors.lexicon import NON_STATE_CODES, PERSON_ROLE_HEADS, role_sector
from storyline.stages.events.classifier import Trigger, states_in_front, threatened_harm
from storyline.stages.events.clauses import (
    RECEIVE_VERBS,
    RELATIVES,
    SUBJECTS,
    agent,
    clause_taken_for_a_name,
    condition_of,
    doer_verb,
    is_verb,
    object_sharers,
    objects_deep,
    prep_objects,
    reporting_verb,
    subject,
    text_of,
)
from storyline.stages.events.judgements import POINTING, Judgement
from storyline.stages.events.lexicon import (
    ACTOR_LABELS,
    ACTOR_NOUNS,
    CLAIM_NOUNS,
    DOER_OF_NOUNS,
    FORCE_BODIES,
    GOVERNING_TYPES,
    Code,
    noun_code,
    verb_lemma,
)
from storyline.stages.events.unattributed import INSTRUMENT_NOUNS
from storyline.stages.lookup import actor_of, entity_index, mentions_in, quote_at
from storyline.stages.quotes_cues import addressee_of
from storyline.stages.syntax import entity_span

#: Prepositions whose object is a target of a verb ("for" only of a request or support).
TARGET_PREPS = frozenset({"with", "on", "against", "to", "into", "upon", "for", "over"})
TARGET_PREPS_BUT_FOR = TARGET_PREPS - {"for"}
#: Types an "at" phrase gives the target of: "fired at protesters" (a meeting "at" a place has none).
AT_TYPES = frozenset({"ASSAULT", "THREATEN", "COERCE"})
AT = frozenset({"at"})
#: Verbs of words aimed "at" someone: "lashed out at Clinton", "took aim at", "a swipe at".
WORDS_AT = frozenset({"lash", "take", "swipe", "jab", "snipe", "rail", "poke"})
#: Prepositions whose object is the other party of a reciprocal event: "met with".
RECIPROCAL_PREPS = frozenset({"with"})
#: Types a "for" phrase gives the target of: "called for", "support for".
FOR_TYPES = frozenset({"REQUEST", "SUPPORT"})
#: Prepositions of an event noun that name its source, and its target.
NOUN_SOURCE_PREPS = frozenset({"from", "by", "between"})
NOUN_TARGET_PREPS = frozenset({"with", "to", "on", "against", "for"})
#: Prepositions of an event noun object that name the target: "imposed sanctions on Russia".
TRIGGER_OBJECT_PREPS = frozenset({"on", "against", "to", "with"})
#: Prepositions of another object that name the target: "condemned the invasion of Ukraine",
#: "backed a deal between Britain and Mauritius" (both).
OBJECT_PREPS = frozenset({"on", "against", "to", "of", "between"})
#: Media an act of words is done on, no party of it: "thanked Trump on Twitter".
MEDIA_CHANNELS = frozenset(
    str.split("twitter facebook instagram youtube telegram tiktok television tv radio x")
)
#: Nouns of what someone asks or puts forward, whose "from" phrase names who: "a request from
#: Democrats in Ohio".
ASKED_NOUNS = frozenset(
    str.split("request demand appeal plea bid proposal offer petition motion call claim argument")
)
#: Prepositions joining people to the organization they act for: "representatives from X".
MEMBER_PREPS = frozenset({"from", "of"})
#: Types of penalties: the country their object is of is their target ("banned Chinese imports").
PENALTY_TYPES = frozenset({"SANCTION"})
#: Nouns of a state's armed forces: "his forces", "their troops".
FORCE_NOUNS = frozenset({"force", "forces", "troop", "troops", "soldier", "soldiers", "army"})
#: Tags of a verb told in the past.
PAST_TAGS = frozenset({"VBD", "VBN"})
#: Verbs of help whose helped party the parser may hang as the subject of what it is helped to do.
HELP_VERBS = frozenset({"help", "assist", "enable"})
#: Places and vehicles whose people an attack on them befalls ("attacked a passenger train",
#: "stormed a hotel"), with the sector of those people: civilians, or soldiers at a base.
STRUCK_SITES: dict[str, str] = {
    **dict.fromkeys(
        ["train", "bus", "hotel", "school", "hospital", "clinic", "market", "marketplace",
         "mosque", "church", "temple", "synagogue", "shrine", "village", "town", "neighborhood",
         "neighbourhood", "restaurant", "cafe", "mall", "stadium", "wedding", "funeral",
         "gathering", "crowd", "home", "homes", "house", "houses", "ferry", "airliner",
         "passengers", "worshippers", "worshipers", "pilgrims", "shoppers", "commuters",
         "motorists", "farmers", "students", "schoolchildren"],
        "CVL",
    ),
    **dict.fromkeys(["base", "outpost", "checkpoint", "convoy", "barracks", "garrison"], "MIL"),
}  # fmt: skip
#: Nouns whose "from" phrase names what one parts from, not whom one asks: "calling for
#: independence from Iraq", "demanded the withdrawal of troops from Syria".
SEPARATION_NOUNS = frozenset(
    {"independence", "freedom", "separation", "secession", "autonomy", "withdrawal", "pullout",
     "exit", "release", "departure", "expulsion", "removal"}
)  # fmt: skip
#: Nouns of a relation whose "with" phrase names the other party: "severed relations with Kenya",
#: "suspended talks with Ukraine", "cutting ties with Kenya".
RELATION_NOUNS = frozenset(
    {
        "tie", "ties", "relation", "relations", "relationship", "talk", "talks", "contact",
        "contacts", "dialogue", "negotiation", "negotiations", "cooperation", "agreement", "deal",
        "pact", "treaty", "partnership", "alliance", "trade",
    }
)  # fmt: skip
#: Prepositions that tell whom an event noun is aimed at: "sanctions on Russia".
AIMED_AT = frozenset({"on", "against"})
#: The owner of a claim that is the object: "rejected allegations by the army spokesperson".
BY = frozenset({"by"})
FROM = frozenset({"from"})
TO = frozenset({"to"})
OF = frozenset({"of"})
#: Event nouns whose possessor is who they befall, not who does them: "Mhlanga's arrest".
# fmt: off
PATIENT_NOUNS = frozenset(
    [
        "arrest", "detention", "killing", "death", "execution", "abduction", "kidnapping",
        "release", "extradition", "deportation", "expulsion", "trial", "conviction", "sentencing",
        "imprisonment", "assassination", "murder", "jailing", "prosecution", "indictment",
        "ouster", "removal", "dismissal", "capture",
    ]
)
# fmt: on
#: Participles on an event noun that name whom it is aimed at: "tariffs targeting Canada".
AIMING_VERBS = frozenset({"target", "aim", "direct", "hit", "punish", "penalize"})
AIMED_PREPS = frozenset({"at", "against", "on"})
#: Prepositions that set a speaker at a meeting: "In a meeting with ...", "Following talks with ...".
SCENE_PREPS = frozenset({"in", "during", "at", "after", "following"})
MEETING_NOUNS = frozenset(
    {"meeting", "talk", "talks", "call", "conversation", "summit", "interview", "visit"}
)
#: Prepositions of a demand's or threat's content that name its target: "to use force against".
CONTENT_PREPS = frozenset({"against", "on", "with", "upon", "into"})
#: Object pronouns the actors stage may leave unresolved.
OBJECT_PRONOUNS = frozenset({"it", "him", "her", "them"})
#: Dependencies of a clause that continues the one it hangs from: "blamed India, accusing it".
CONTINUING_DEPS = frozenset({"advcl", "conj"})
#: Verbs whose subject receives the event noun they take as object.
RECEIVING = frozenset({"receive", "get", "obtain"})
#: Verbs whose subject an "under" phrase puts on the receiving end: "came under attack".
UNDER_VERBS = frozenset({"come", "be", "remain", "fall"})
#: Types whose target may be the one of the resolution the verb backs.
RESOLUTION_TYPES = frozenset({"ACCUSE", "REQUEST"})
#: Dependencies of a resolution's content that may name its target.
CONTENT_TARGET_DEPS = frozenset({"poss", "pobj", "dobj", "amod"})

#: Named-entity labels of names that are no actor.
NOT_ACTOR_LABELS = frozenset(
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
#: Pronouns that may stand for the speaker of the report they are the subject in.
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
#: The speaker's own pronoun in a direct quote, and the one of their side.
SELF = frozenset({"i"})
WE = frozenset({"we"})
#: Subject pronouns that may stand for an earlier subject of their sentence, and whether the
#: antecedent is plural: "The militants blew up tracks ..., where they stormed it."
ANAPHORS = {"they": True, "he": False, "she": False}
STATE_NOUNS = frozenset({"country", "nation", "state"})
QUANTIFIERS = frozenset({"most", "many", "several", "all", "some", "both"})
#: Heads whose "of" phrase names the actor: "a group of British lawmakers", "dozens of protesters".
# fmt: off
GROUP_NOUNS = frozenset(
    [
        "group", "delegation", "members", "member", "number", "dozens", "hundreds", "thousands",
        "some", "most", "all", "many", "team", "body", "unit", "contingent"
    ]
)
# fmt: on
#: Parts of an organization that act for it, whatever else their phrase names: "the Ohio
#: chapter of the NAACP", "the military wing of Hamas".
ORGAN_NOUNS = frozenset(["chapter", "branch", "wing", "affiliate", "arm"])
#: Texts whose author is the doer of what they say as a subject: "the ministry's statement
#: condemned the attack".
WRITTEN_NOUNS = frozenset(
    str.split(
        "statement brief letter report filing communique communiqué declaration message post "
        "tweet memo editorial"
    )
)
AUTHOR_PREPS = frozenset({"from", "by", "of"})
#: Characters that end a dateline or credit before a name: "ADDIS ABABA, May 15 (Xinhua) -- ".
DATELINE_ENDS = frozenset({"--", "—", "–", ":", ")"})

#: Sources, targets, and whether the event is reciprocal.
Parties: TypeAlias = tuple[list[Actor], list[Actor], bool]


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A noun phrase read for its actor: its head, character range, and whether it is a
    subject."""

    doc: Doc
    token: Token
    start: int
    end: int
    subject: bool


def phrase(token: Token) -> tuple[int, int]:
    """Character range of a noun phrase: its left part, the head and compounds after it."""
    left = token.left_edge
    for t in token.doc[left.i : token.i]:
        # a dateline or credit before the name: "ADDIS ABABA, May 15 (Xinhua) -- Ethiopian ..."
        if t.text in DATELINE_ENDS or t.text.startswith("--"):
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
    principal = _represented(token)
    if principal is not None:  # "lawyers for both Donald and Ivana Trump filed papers"
        token = principal
    heads = [token, *[c for c in token.conjuncts if c.i > token.i]]
    heads = [h for h in heads if not _described_by_next(h, heads)]
    actors: list[Actor] = []
    for head in heads:
        actor = actor_at_token(doc, head, subject)
        if actor is not None and all(a.start != actor.start for a in actors):
            actors.append(actor)
    return actors


#: Nouns of people acting for someone named after "for": the one they act for is the party.
REPRESENTATIVE_NOUNS = frozenset(str.split("lawyer lawyers attorney attorneys counsel"))
FOR = frozenset({"for"})


def _represented(token: Token) -> Token | None:
    """Whom a representative noun acts for ("lawyers for Ivana Trump": Ivana Trump), else None."""
    if token.lower_ not in REPRESENTATIVE_NOUNS:
        return None
    return next((principal for _, principal in prep_objects(token, FOR)), None)


def _described_by_next(head: Token, heads: list[Token]) -> bool:
    """Whether a conjunct is a role noun describing the person named by the next one, under one
    article: "the Iranian American journalist and VOA host Masih Alinejad" is one person."""
    later = [h for h in heads if h.i > head.i]
    if not later or head.tag_ != "NN" or head.lower_ not in PERSON_ROLE_HEADS:
        return False
    name = later[0]
    return (
        name.ent_type_ == "PERSON"
        and name.pos_ == "PROPN"
        and not any(c.dep_ == "det" for c in name.children)  # "the host Alinejad": another
        and not any(t.ent_type_ == "PERSON" for t in head.lefts)  # the role has its own name
    )


def actor_at_token(doc: Doc, token: Token, subject: bool = False) -> Actor | None:
    """The actor a noun phrase's head names: the first of ``_ACTOR_FINDERS`` that finds one."""
    start, end = phrase(token)
    found = _Phrase(doc, token, start, end, subject)
    for finder in _ACTOR_FINDERS:
        actor = finder(found)
        if actor is not None:
            return actor
    return None


def _from_mentions(p: _Phrase) -> Actor | None:
    """The actors stage's mention on the head word, else the widest inside the phrase."""
    found = mentions_in(p.doc, p.start, p.end)
    if not found:
        return None
    token = p.token
    head_start, head_end = token.idx, token.idx + len(token.text)
    on_head = [m for m in found if m.start < head_end and head_start < m.end]
    inside = [m for m in found if p.start <= m.start and m.end <= p.end] or found
    # A name in front of a head that is no actor ("Kaabu's story") is not the subject.
    if on_head or names_actor(token) or not p.subject:
        best = max(on_head or inside, key=lambda m: (m.end - m.start, -m.start))
        return actor_of(best, entity_index(p.doc))
    return None


def _known_name(p: _Phrase) -> Actor | None:
    """A name the actors stage knows from elsewhere in the document ("Zelenskyy" after
    "President Volodymyr Zelenskyy") but did not mark here."""
    token = p.token
    # "Trump this week also said": a subject name the tagger took for a verb
    tags = {"PROPN", "NOUN", "VERB"} if p.subject else {"PROPN", "NOUN"}
    if not (token.text[:1].isupper() and token.pos_ in tags):
        return None
    for entity in entity_index(p.doc).values():
        if token.text in {*entity.name.split(), *entity.aliases}:
            return Actor(
                entity.id,
                entity.name,
                entity.country,
                entity.sector,
                token.idx,
                token.idx + len(token.text),
            )
    return None


def _named_entity(p: _Phrase) -> Actor | None:
    """A named entity of an actor's label inside the phrase (on the head, for a subject)."""
    token = p.token
    for t in p.doc[token.left_edge.i : token.i + 1]:
        if t.ent_type_ in ACTOR_LABELS:
            ent = entity_span(t)
            ent_on_head = ent.start <= token.i < ent.end
            if (
                p.start <= ent.start_char
                and ent.end_char <= p.end
                and (ent_on_head or names_actor(token) or not p.subject)
            ):
                return Actor(None, ent.text, None, None, ent.start_char, ent.end_char)
    return None


def _members_body(p: _Phrase) -> Actor | None:
    """People a role noun names "from" or "of" an organization act for it: "representatives from
    Greenpeace", "officials of the World Bank" (the organization; a country's people are the
    actors stage's groups)."""
    token = p.token
    if token.lemma_.lower() not in ACTOR_NOUNS and token.lower_ not in ACTOR_NOUNS:
        return None
    entities = entity_index(p.doc)
    for _, obj in prep_objects(token, MEMBER_PREPS):
        start, end = obj.left_edge.idx, obj.idx + len(obj.text)
        for mention in mentions_in(p.doc, start, end):
            entity = entities.get(mention.entity_id)
            if entity is not None and entity.type == "ORG":
                return actor_of(mention, entities)
    return None


def _role_noun(p: _Phrase) -> Actor | None:
    """A role noun: "police", "rebels", with the sector the agents table gives it."""
    token = p.token
    if token.lemma_.lower() in ACTOR_NOUNS or token.lower_ in ACTOR_NOUNS:
        return Actor(None, text_of(p.doc, p.start, p.end), None, _sector(token), p.start, p.end)
    return None


def _states(p: _Phrase) -> Actor | None:
    """ "181 countries", "most ASEAN nations": states acting together, no single country."""
    if is_states_group(p.token):
        return Actor(None, text_of(p.doc, p.start, p.end), None, "GOV", p.start, p.end)
    return None


def _unknown_name(p: _Phrase) -> Actor | None:
    """A name neither the actors stage nor the NER knew ("ICE returned ..."): the name itself."""
    token = p.token
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_ACTOR_LABELS:
        return None
    head_end = token.idx + len(token.text)
    first = token
    for left in reversed(list(token.lefts)):
        if left.dep_ == "compound" and left.pos_ == "PROPN" and left.i == first.i - 1:
            first = left
    return Actor(None, text_of(p.doc, first.idx, head_end), None, None, first.idx, head_end)


def _direct_quote(p: _Phrase) -> bool:
    quote = quote_at(doc_list(p.doc, "quotes"), p.token.idx)
    return quote is not None and quote.kind == "direct"


def _quote_speaker(p: _Phrase, pronouns: frozenset[str] = SELF) -> Actor | None:
    """ "I will meet with ..." inside a direct quote: the speaker the quotes stage resolved."""
    if p.token.lower_ not in pronouns:
        return None
    quote = quote_at(doc_list(p.doc, "quotes"), p.token.idx)
    if quote is None or quote.kind != "direct" or not quote.speaker_entity_id:
        return None
    speaker = entity_index(p.doc).get(quote.speaker_entity_id)
    if speaker is None:
        return None
    return Actor(speaker.id, speaker.name, speaker.country, speaker.sector, p.start, p.end)


def _quote_addressee(p: _Phrase) -> Actor | None:
    """ "You went on television to blame ...," Warren told Stumpf: "you" in a direct quote told
    to someone named is that someone."""
    if p.token.lower_ != "you":
        return None
    quote = quote_at(doc_list(p.doc, "quotes"), p.token.idx)
    if quote is None or quote.kind != "direct" or quote.cue is None or not quote.addressee:
        return None
    cue = p.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    target = addressee_of(cue.root) if cue is not None and len(cue) else None
    if target is None or target.pos_ == "PRON":
        return None
    found = actor_at_token(p.doc, target)
    return None if found is None else dataclasses.replace(found, start=p.start, end=p.end)


def _performative_we(p: _Phrase) -> Actor | None:
    """ "We urge the authorities ...", "we reject ..." in a direct quote: a first-person plural
    in the simple present, unnegated, performs the act for the speaker's side, so the speaker is
    the source; "we do not support", "we must condemn" state no act."""
    token, verb = p.token, p.token.head
    if token.lower_ != "we" or token.dep_ != "nsubj" or verb.tag_ != "VBP":
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    return _quote_speaker(p, pronouns=WE)


def _reporting_speaker(p: _Phrase) -> Actor | None:
    """ "The ELN has said it will release ...": the pronoun is the speaker (in a direct quote
    only "we" is; "they" there are others)."""
    token = p.token
    if token.pos_ != "PRON" or token.lower_ not in SPEAKER_PRONOUNS:
        return None
    if _direct_quote(p) != (token.lower_ == "we"):
        return None
    report = reporting_verb(token.head)
    if report is None or token.dep_ not in SUBJECTS:
        return None
    speaker, _ = subject(report)
    if speaker is not None and speaker.i != token.i and speaker.pos_ != "PRON":
        return actor_at_token(p.doc, speaker, subject=True)
    return None


def _owned_forces(p: _Phrase) -> Actor | None:
    """ "The Afghan army chief said his forces had killed ...": forces a pronoun owns are the
    military of the country of whom the pronoun stands for (its mention, else the speaker whose
    report the forces' clause is)."""
    token = p.token
    if token.lemma_.lower() not in FORCE_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is None:
        return None
    entities = entity_index(p.doc)
    found = mentions_in(p.doc, owner.idx, owner.idx + len(owner.text))
    whose = next((actor_of(m, entities) for m in found if m.entity_id in entities), None)
    report = reporting_verb(token.head) if whose is None else None
    if report is not None:
        speaker, _ = subject(report)
        whose = actor_at_token(p.doc, speaker, subject=True) if speaker is not None else None
    country = whose.country if whose is not None else None
    if whose is None or country is None or country in NON_STATE_CODES:
        return None
    sector = "REB" if whose.sector == "REB" else "MIL"  # a rebel group's forces are rebels
    return Actor(None, text_of(p.doc, p.start, p.end), country, sector, p.start, p.end)


def _sentence_antecedent(p: _Phrase) -> Actor | None:
    """ "The militants blew up tracks, ..., where they stormed it": a subject pronoun outside a
    direct quote stands for the nearest earlier subject of its sentence that names an actor and
    agrees in number (a plural noun or conjoined names for "they", a singular one for "he");
    "they" with none, for the plural main subject of the sentence before."""
    token = p.token
    plural = ANAPHORS.get(token.lower_)
    if plural is None or token.dep_ not in SUBJECTS or _direct_quote(p):
        return None
    for candidate in reversed(p.doc[token.sent.start : token.i]):
        if candidate.dep_ not in {"nsubj", "nsubjpass"} or candidate.pos_ == "PRON":
            continue
        if _is_plural(candidate) != plural:
            return None
        return actor_at_token(p.doc, candidate, subject=True)
    return _previous_subject(p) if plural else None


def _previous_subject(p: _Phrase) -> Actor | None:
    """ "Rights groups condemned the verdict. They also called for ...": "they" opening its
    sentence's subjects stands for the plural main subject of the sentence before."""
    start = p.token.sent.start
    if start == 0:
        return None
    before = p.doc[start - 1].sent
    main = next((t for t in before.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
    if main is None or main.pos_ == "PRON" or not _is_plural(main):
        return None
    if quote_at(doc_list(p.doc, "quotes"), main.idx) is not None:
        return None  # a speaker's words name no one the writer goes on about
    return actor_at_token(p.doc, main, subject=True)


def _is_plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)


def _document_author(p: _Phrase) -> Actor | None:
    """ "Ivana Trump's brief dismissed those reports", "a statement from the ministry condemned
    the attack": what a text says as subject, its author says (its owner, or who it is from or
    by)."""
    token = p.token
    if not p.subject or token.lemma_.lower() not in WRITTEN_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((obj for _, obj in prep_objects(token, AUTHOR_PREPS)), None)
    return actor_at_token(p.doc, owner) if owner is not None else None


def _organ_of(p: _Phrase) -> Actor | None:
    """ "the Ohio chapter of the NAACP": the organization a part of it acts for (its "of"
    phrase), before any place or name on the part's own words."""
    token = p.token
    if token.lemma_.lower() not in ORGAN_NOUNS:
        return None
    owner = next((obj for _, obj in prep_objects(token, frozenset({"of"}))), None)
    return actor_at_token(p.doc, owner) if owner is not None else None


def _group_member(p: _Phrase) -> Actor | None:
    """ "a group of British lawmakers", "dozens of protesters": the actor is in the of-phrase;
    "tens of thousands of people": a crowd, named by its number."""
    token = p.token
    if token.lemma_.lower() not in GROUP_NOUNS and token.lower_ not in GROUP_NOUNS:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lower_ == "people":
                end = obj.idx + len(obj.text)
                return Actor(None, text_of(p.doc, p.start, end), None, None, p.start, end)
            if obj is not None:
                return actor_at_token(p.doc, obj)
    return None


#: How a phrase's actor is found, first that finds one wins: the actors stage's mention, then
#: the fallbacks for what it left unmarked.
#: Words for places the agents table counts as their people; a place is no party.
PLACE_NOUNS = frozenset(
    str.split("village town city province region district county capital neighborhood area")
)
#: What makes a singular noun someone: "a school", "the court", "its embassy".
COUNTED_DEPS = frozenset({"det", "poss", "nummod"})


def _agent_noun(p: _Phrase) -> Actor | None:
    """What an object names by a common noun of the agents table, with its sector: "ordered all
    public schools to", "met heads of private companies" (EDU, BUS). A subject needs a role noun
    of ``ACTOR_NOUNS``: a doer is told by role, not by any word for people. A bare singular
    is a mass noun, no one ("lift the freeze on intelligence")."""
    token = p.token
    if p.subject or token.pos_ != "NOUN" or token.lemma_.lower() in PLACE_NOUNS:
        return None
    if token.tag_ == "NN" and not any(c.dep_ in COUNTED_DEPS for c in token.children):
        return None
    sector = _sector(token)
    if sector is None:
        return None
    return Actor(None, text_of(p.doc, p.start, p.end), None, sector, p.start, p.end)


def _sector(noun: Token) -> str | None:
    """The sector the agents table gives a noun for people, by its form or lemma."""
    return role_sector(noun.lower_) or role_sector(noun.lemma_)


_ACTOR_FINDERS: tuple[Callable[[_Phrase], Actor | None], ...] = (
    _organ_of,
    _document_author,
    _from_mentions,
    _known_name,
    _named_entity,
    _members_body,
    _owned_forces,
    _role_noun,
    _states,
    _unknown_name,
    _quote_speaker,
    _quote_addressee,
    _performative_we,
    _reporting_speaker,
    _sentence_antecedent,
    _group_member,
    _agent_noun,
)


def is_states_group(token: Token) -> bool:
    """True for a counted or quantified group of states: "181 countries", "Nearly 100 countries",
    "most ASEAN nations", "U.N. member states", "dozens of other countries".

    A bare or merely described plural ("other countries", "democratic countries") is no actor. A
    group is coded with no country and sector GOV (see ``STATES_GROUP``).
    """
    if token.tag_ != "NNS" or token.lemma_.lower() not in STATE_NOUNS:
        return False
    for child in token.children:
        if child.dep_ == "nummod" or (
            child.dep_ in {"amod", "det"} and child.lower_ in QUANTIFIERS
        ):
            return True
        if child.dep_ == "compound" and (child.lower_ == "member" or child.ent_type_ == "ORG"):
            return True
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lemma_.lower() in GROUP_NOUNS or head.head.lower_ in GROUP_NOUNS)
    )


def names_actor(token: Token) -> bool:
    """True when a head noun names an actor by role or group ("government", "forces"), or is an
    attack whose author is named in front of it ("Israeli airstrikes killed ...")."""
    lemma = token.lemma_.lower()
    return (
        lemma in ACTOR_NOUNS
        or token.lower_ in ACTOR_NOUNS
        or lemma in GROUP_NOUNS
        or token.lower_ in GROUP_NOUNS
        or (noun_code(token) or ("", None))[0] == "ASSAULT"
    )


# --- who did what to whom ----------------------------------------------------------------------


def sources_targets(doc: Doc, trigger: Trigger) -> Parties:
    """Source and target actors, and whether the event is reciprocal ("met with")."""
    if trigger.judgement is not None:
        return judged(doc, trigger.judgement)
    if trigger.is_noun:
        return _noun_parties(doc, trigger)
    if trigger.content is not None:
        return _content_parties(doc, trigger.anchor, trigger.content)
    visit = _visit_told_as_attribute(doc, trigger.anchor)
    if visit is not None:  # "Xi met visiting Russian President Putin": Putin visits Xi
        return visit
    misparsed = clause_taken_for_a_name(trigger.anchor)
    if misparsed is not None:  # "Trump hosted Erdogan in the White House", parsed as a name
        doer, done_to = misparsed
        sources = actors_of(doc, doer, subject=True)
        return dedupe(sources), dedupe(actors_of(doc, done_to), sources), False
    return _verb_parties(doc, trigger)


#: Verbs of meeting a visitor: the meeting is the event a visit told as an attribute is part of.
MEETING_VERBS = frozenset(str.split("meet host receive welcome greet hold talk"))


#: Role nouns that are machines: as a subject they stand for the force using them ("a drone
#: struck"); given, they are what is given.
MACHINE_NOUNS = frozenset(str.split("drone aircraft artillery helicopter jet warplane"))


def visitor_of(token: Token) -> Token | None:
    """The visitor "visiting" describes ("met visiting Russian President Putin", "the visiting
    delegation"): its noun, or the object the parser gave it when it took it for a clause right
    after the main verb; None for a verb of visiting ("Putin is visiting China")."""
    if token.lower_ != "visiting":
        return None
    if token.dep_ == "amod":
        return token.head
    if token.dep_ not in {"xcomp", "advcl"} or token.i != token.head.i + 1:
        return None
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return objects[0] if objects else None


def _visit_told_as_attribute(doc: Doc, anchor: Token) -> Parties | None:
    """The parties of a visit told as an attribute of the visitor: the visitor, and the host
    (the subject of the verb the visitor is the object of: "Blinken assured visiting Foreign
    Minister Payne"). None when "visiting" is no such attribute."""
    visitor = visitor_of(anchor)
    if visitor is None:
        return None
    verb = anchor.head if anchor.dep_ != "amod" else visitor.head
    if verb.lemma_.lower() in MEETING_VERBS:
        return [], [], False  # "met visiting President Putin": the meeting tells the visit
    host, _ = subject(verb) if is_verb(verb) else (None, False)
    sources = actors_of(doc, visitor, subject=True)
    targets = actors_of(doc, host) if host is not None else []
    return dedupe(sources), dedupe(targets, sources), False


def _prep_parties(
    doc: Doc, head: Token, preps: frozenset[str], code: Code, has_sources: bool
) -> tuple[list[Actor], bool]:
    """The targets a word's prepositional phrases among ``preps`` name (a party "with" whom
    someone meets only when someone meets), and whether the event is then reciprocal."""
    targets: list[Actor] = []
    reciprocal = False
    for prep, obj in prep_objects(head, preps):
        if prep == "on" and obj.lower_ in MEDIA_CHANNELS:
            continue  # "thanked Trump on Twitter": where it was said, no party
        if prep in RECIPROCAL_PREPS and code[0] == "CONSULT":
            reciprocal = True
            if has_sources:
                targets += actors_of(doc, obj)
        else:
            targets += actors_of(doc, obj)
    return targets, reciprocal


def _from_phrases(doc: Doc, head: Token) -> list[Actor]:
    return [a for _, obj in prep_objects(head, FROM) for a in actors_of(doc, obj)]


def _receipt(doc: Doc, verb: Token) -> tuple[list[Actor], list[Actor]]:
    """Who gave (the "from" phrase) and who received (the subject) what a receiving verb names."""
    givers = _from_phrases(doc, verb)
    subj, _ = subject(verb)
    return givers, (actors_of(doc, subj) if subj is not None else [])


def _noun_sources(doc: Doc, token: Token) -> list[Actor]:
    """The sources an event noun names: its possessor, "from/by/between" phrases ("between Russia
    and North Korea": both parties), the "by" agent of its participle ("an offensive launched by
    X"), the doer of the verb that leads or owns up to it ("Rubio led talks"), the speaker at a
    meeting ("In a meeting with X, the officials said"), else a nationality in front of it."""
    sources: list[Actor] = []
    lemma = token.lemma_.lower()
    if lemma not in PATIENT_NOUNS:
        sources += _possessors(doc, token)
    if lemma in DOER_OF_NOUNS:
        # "the withdrawal of U.S. troops from the country": the troops withdraw (from a place)
        sources += [a for _, o in prep_objects(token, OF) for a in actors_of(doc, o)]
    else:
        for _, obj in prep_objects(token, NOUN_SOURCE_PREPS):
            sources += actors_of(doc, obj)
    for child in token.children:
        by = agent(child) if child.dep_ == "acl" else None
        if by is not None:
            sources += actors_of(doc, by, subject=True)
    doer = (doer_verb(token) or _scene_of(token)) if not sources else None
    if doer is not None:
        sources += _subject_parties(doc, doer)[0]
    if not sources:
        sources += _threateners(doc, token) or _nationality_in_front(doc, token)
    if not sources:  # "the police killings of ...": the body in front did it
        bodies = [c for c in token.lefts if c.dep_ == "compound" and c.lower_ in FORCE_BODIES]
        sources += [a for c in bodies for a in actors_of(doc, c)]
    return sources


def _nationality_in_front(doc: Doc, token: Token) -> list[Actor]:
    """ "Israeli strikes"; a country's name in front only when the target is told apart: "U.S.
    restrictions on Chinese businesses" ("Iran sanctions" are on Iran)."""
    aimed = any(True for _ in prep_objects(token, AIMED_AT))
    labels = {"NORP", "GPE"} if aimed else {"NORP"}
    return [
        a
        for child in token.lefts
        if child.dep_ in {"amod", "compound", "nmod"} and child.ent_type_ in labels
        for a in actors_of(doc, child)
    ]


def _threateners(doc: Doc, noun: Token) -> list[Actor]:
    """Who threatens the harm a threat noun names, when the threat names no one: the harm's own
    doer ("threats of Washington sanctions", "the threat of U.S. sanctions")."""
    harm = threatened_harm(noun)
    if harm is None:
        return []
    return [a for owner in states_in_front(harm) for a in actors_of(doc, owner)]


def _scene_of(noun: Token) -> Token | None:
    """The verb a meeting is the scene of: "In a meeting with publishers, the officials said"
    (the officials were at the meeting); else None. Only meetings: after an attack, whoever
    speaks did not attack."""
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in SCENE_PREPS
        and head.head.pos_ in {"VERB", "AUX"}
        and noun.lemma_.lower() in MEETING_NOUNS
    ):
        return head.head
    return None


def _possessors(doc: Doc, noun: Token) -> list[Actor]:
    return [a for c in noun.children if c.dep_ == "poss" for a in actors_of(doc, c)]


def _fronted_country(doc: Doc, noun: Token) -> list[Actor]:
    """The country a penalty's object is of, named in front of it: "blocked the Turkish sale",
    "banned Chinese imports"."""
    found: list[Actor] = []
    for left in noun.lefts:
        if left.dep_ in {"amod", "compound", "nmod", "poss"}:
            found += [a for a in actors_of(doc, left) if a.country]
    return found


def _patients(doc: Doc, noun: Token) -> list[Actor]:
    """Who an event noun befalls: the possessor of "Mhlanga's arrest", the "of" phrase of "the
    killing of 33 militants"."""
    if noun.lemma_.lower() not in PATIENT_NOUNS:
        return []
    return _possessors(doc, noun) or [
        a for _, o in prep_objects(noun, OF) for a in actors_of(doc, o)
    ]


def _noun_parties(doc: Doc, trigger: Trigger) -> Parties:
    token = trigger.token
    sources = _noun_sources(doc, token)
    targets: list[Actor] = _patients(doc, token)
    receivers = [token.head] if token.dep_ == "dobj" else []
    # "the deliveries of weapons it has received from the US"
    receivers += [c for c in token.children if c.dep_ == "relcl"]
    for verb in receivers:
        if verb.lemma_.lower() in RECEIVE_VERBS:
            givers, received = _receipt(doc, verb)
            sources += givers
            targets += received
    if not sources and token.dep_ in {"dobj", "pobj"}:
        # "during his second phone conversation": the noun's own possessor handled above;
        # a noun that is the object of a receiving verb names the giver by "from".
        sources += _from_phrases(doc, token.head if token.dep_ == "dobj" else token.head.head)
    more_targets, reciprocal = _prep_parties(
        doc, token, NOUN_TARGET_PREPS, trigger.code, bool(sources)
    )
    targets += more_targets
    targets += _aimed_at(doc, token)
    targets += _under_attack(doc, token)
    if not targets and token.dep_ == "dobj" and token.head.lemma_.lower() in RECEIVING:
        # "the deliveries of weapons it has received": the receiver is the subject
        subj, _ = subject(token.head)
        if subj is not None:
            targets += actors_of(doc, subj)
    return dedupe(sources), dedupe(targets, sources), reciprocal


def _under_attack(doc: Doc, noun: Token) -> list[Actor]:
    """Who "came under attack" (or fire, pressure): the subject of the verb the "under" phrase
    hangs from."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.lemma_.lower() not in UNDER_VERBS:
        return []
    subj, _ = subject(prep.head)
    return actors_of(doc, subj) if subj is not None else []


def _aimed_at(doc: Doc, noun: Token) -> list[Actor]:
    """Whom a participle on an event noun says it is aimed at: "tariffs targeting Canada and
    Mexico", "sanctions aimed at Russia"."""
    targets: list[Actor] = []
    for child in noun.children:
        if child.dep_ != "acl" or child.lemma_.lower() not in AIMING_VERBS:
            continue
        for g in child.children:
            if g.dep_ == "dobj":
                targets += actors_of(doc, g)
        targets += [a for _, o in prep_objects(child, AIMED_PREPS) for a in actors_of(doc, o)]
    return targets


def _content_parties(doc: Doc, anchor: Token, content: Token) -> Parties:
    """A demand told as "X says Y must ...": X is the source, Y the target; a resolution's
    content: its target is whom the resolution condemns or makes demands of."""
    subj, _ = subject(anchor)
    sources = actors_of(doc, subj, subject=True) if subj is not None else []
    targets: list[Actor] = []
    if content.dep_ == "ccomp":
        demanded, _ = subject(content)
        if demanded is not None and demanded.lower_ == "you":
            # "'You should resign,' Warren told Stumpf": the one told is the one asked
            demanded = next((c for c in anchor.children if c.dep_ in {"dobj", "dative"}), None)
        targets = actors_of(doc, demanded) if demanded is not None else []
        return dedupe(sources), dedupe(targets, sources), False
    for t in content.subtree:
        if t.dep_ in CONTENT_TARGET_DEPS and t.i != content.i:
            targets = actors_of(doc, t)
            if targets:
                break
    return dedupe(sources), dedupe(targets, sources), False


def _subject_parties(doc: Doc, anchor: Token) -> tuple[list[Actor], list[Actor], bool]:
    """Sources and targets the subject and "by" agent of a verb name, and whether it is passive:
    "a meeting requested by the United States": a participle's "by" agent is its source."""
    subj, passive = subject(anchor)
    by = agent(anchor)
    sources: list[Actor] = []
    targets: list[Actor] = []
    if passive or (subj is None and by is not None):
        if by is not None:
            sources += actors_of(doc, by, subject=True)
        if subj is not None:
            targets += actors_of(doc, subj)
    elif subj is not None:
        sources += (
            _instrument_users(doc, subj)
            or actors_of(doc, subj, subject=True)
            or _reporter_going_on(doc, anchor)
        )
    return sources, targets, passive


def _instrument_users(doc: Doc, subj: Token) -> list[Actor]:
    """Whose weapon or strike a subject is, by its "by" phrase: "Coordinated airstrikes by the
    Somali army and its partners killed ...": the army and the partners."""
    if subj.lemma_.lower() not in INSTRUMENT_NOUNS:
        return []
    return [a for _, obj in prep_objects(subj, BY) for a in actors_of(doc, obj, subject=True)]


def _reporter_going_on(doc: Doc, anchor: Token) -> list[Actor]:
    """The reporter of a clause the parser joined a verb to, when that verb's borrowed subject
    names no actor: "The Working Group determined that the detention is arbitrary and called for
    his release" (the Group calls, not the detention)."""
    clause = anchor.head
    if anchor.dep_ != "conj" or clause.dep_ != "ccomp" or anchor.tag_ not in PAST_TAGS:
        return []  # "... and called for": a past act, as the report's
    reporter, passive = subject(clause.head)
    if reporter is None or passive:
        return []
    return actors_of(doc, reporter, subject=True)


def _object_actors(doc: Doc, obj: Token) -> list[Actor]:
    """The actors a verb's object names, else its possessor's or its "on/against/to/of/by"
    phrase's: "condemned Russia's invasion", "imposed sanctions on Russia", "the attack by
    Hamas"; a relative pronoun is its antecedent ("Canada, which he hit"); an object pronoun
    left unresolved is the party of the clause it continues ("blamed India, accusing it")."""
    if obj.tag_ in RELATIVES and obj.head.dep_ == "relcl":
        obj = obj.head.head  # "Canada, which he hit with a levy": the antecedent
    # "attacked his wife, Heidi Cruz, and his father, Rafael Cruz": the names in apposition
    found = [
        a
        for noun in (obj, *obj.conjuncts)
        for g in noun.children
        if g.dep_ == "appos" and g.ent_type_ in {"PERSON", "ORG"}
        for a in actors_of(doc, g)
    ] or actors_of(doc, obj)
    if not found and obj.lower_ in OBJECT_PRONOUNS:
        return _continued_party(doc, obj.head)
    if not found:
        for g in obj.children:
            if g.dep_ == "poss":
                found += actors_of(doc, g)
        preps = OBJECT_PREPS | BY  # "condemned the attack by Hamas", "a hearing by the court"
        if obj.lemma_.lower() in ASKED_NOUNS:
            preps = preps | FROM  # "rejected a request from Democrats in Ohio"
        if obj.lemma_.lower() in RELATION_NOUNS or obj.lower_ in RELATION_NOUNS:
            preps = preps | RECIPROCAL_PREPS  # "severed relations with Kenya"
        for _, pobj in prep_objects(obj, preps):
            if not found:
                found += actors_of(doc, pobj)
    return found


def _continued_party(doc: Doc, verb: Token) -> list[Actor]:
    """The object (or "to" party) of the clause a participle or conjunct continues: "blamed India,
    accusing it", "sent a letter to Rubio, urging him"; else none."""
    if verb.dep_ not in CONTINUING_DEPS:
        return []
    head = verb.head
    for child in head.children:
        if child.dep_ == "dobj" and child.lower_ not in OBJECT_PRONOUNS:
            found = actors_of(doc, child)
            if found:
                return found
    return [a for _, obj in prep_objects(head, TO) for a in actors_of(doc, obj)]


def _content_targets(doc: Doc, anchor: Token, code: str) -> list[Actor]:
    """The targets of what a demand, threat, promise or refusal is about: "threatened to use
    force against North Korea", "warned that it would retaliate against Japan", "called for the
    Taliban to lift the ban", "refused to meet Zelenskyy", "demanded that Beijing remove the
    buoys"."""
    targets: list[Actor] = []
    for child in anchor.children:
        if child.dep_ == "ccomp" and not _own_doing(anchor, child) and code == "REQUEST":
            doer, _ = subject(child)  # "demanded that Beijing remove the buoys"
            targets += actors_of(doc, doer) if doer is not None else []
        elif child.dep_ == "xcomp" or (child.dep_ == "ccomp" and _own_doing(anchor, child)):
            targets += [a for _, o in prep_objects(child, CONTENT_PREPS) for a in actors_of(doc, o)]
            for obj in (c for c in child.children if c.dep_ == "dobj"):
                if not targets:
                    targets += _object_actors(doc, obj)
        elif child.dep_ in {"advcl", "ccomp"} and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in child.children
        ):
            targets += [a for c in child.children if c.dep_ in SUBJECTS for a in actors_of(doc, c)]
    return targets


def _alleged_doers(doc: Doc, anchor: Token) -> list[Actor]:
    """Whom a charge told as a clause names as the doer: "alleged that Iran had attacked"."""
    doers: list[Actor] = []
    for child in anchor.children:
        if child.dep_ == "ccomp":
            doer, _ = subject(child)
            if doer is not None and doer.pos_ != "PRON":
                doers += actors_of(doc, doer)
    return doers


def _own_doing(anchor: Token, told: Token) -> bool:
    """Whether a told clause says what the teller itself will do: "warned that it would
    retaliate against Japan"."""
    doer, _ = subject(told)
    teller, _ = subject(anchor)
    return doer is not None and (
        doer.pos_ == "PRON" or (teller is not None and doer.lower_ == teller.lower_)
    )


def _resolution_targets(doc: Doc, anchor: Token) -> list[Actor]:
    """ "co-sponsoring a resolution condemning Russia's invasion": the resolution's target."""
    targets: list[Actor] = []
    for obj in objects_deep(anchor):
        for child in obj.children:
            if child.dep_ not in {"acl", "relcl"}:
                continue
            for g in child.children:
                if g.dep_ == "dobj":
                    targets += actors_of(doc, g) or [
                        a for p in g.children if p.dep_ == "poss" for a in actors_of(doc, p)
                    ]
    return targets


def _verb_parties(doc: Doc, trigger: Trigger) -> Parties:
    anchor, token, code = trigger.anchor, trigger.token, trigger.code
    sources, targets, passive = _subject_parties(doc, anchor)
    reciprocal = False
    for child in anchor.children:
        # "oprd": what is characterized, "called Pakistan's assertions baseless"
        if child.dep_ in {"dobj", "attr", "oprd"} and child.i != token.i and not passive:
            targets += _object_party(doc, child, code)
        if child.dep_ == "dobj" and (child.i == token.i or _names_the_act(child, code)):
            targets += _patients(doc, child)  # "announced Mhlanga's arrest"
            if code[0] in PENALTY_TYPES and not targets:
                targets += _fronted_country(doc, child)  # "blocked the Turkish sale"
            more_targets, with_whom = _prep_parties(
                doc, child, TRIGGER_OBJECT_PREPS, code, bool(sources)
            )
            targets += more_targets
            reciprocal = reciprocal or with_whom
    if not targets and not passive:
        targets += _shared_object(doc, anchor) or _visitors_met(doc, anchor)
    preps = TARGET_PREPS if code[0] in FOR_TYPES else TARGET_PREPS_BUT_FOR
    if code[0] in AT_TYPES or (code[0] == "ACCUSE" and verb_lemma(anchor) in WORDS_AT):
        preps = preps | AT  # "fired a missile at Japan", "lashed out at Clinton"
    more_targets, with_whom = _prep_parties(doc, anchor, preps, code, bool(sources))
    targets += more_targets
    reciprocal = reciprocal or with_whom
    if not targets:
        targets += _implied_targets(doc, anchor, token, code)
    return dedupe(sources), dedupe(targets, sources), reciprocal


def _names_the_act(obj: Token, code: Code) -> bool:
    """Whether a verb's object is an event noun of the verb's own type: "convened a meeting with
    heads of companies" meets the heads."""
    named = noun_code(obj)
    return named is not None and named[0] == code[0]


def _object_party(doc: Doc, obj: Token, code: Code) -> list[Actor]:
    """The parties a verb's object names; none for machines given in aid ("supplied drones to
    Russia": the drones are what is given)."""
    if code[0] == "AID" and obj.lemma_.lower() in MACHINE_NOUNS:
        return []
    if code[0] == "ASSAULT" and obj.lemma_.lower() in STRUCK_SITES and not obj.ent_type_:
        return []  # "attacked a school": its people (``_struck_site``)
    return _object_actors(doc, obj)


def _visitors_met(doc: Doc, anchor: Token) -> list[Actor]:
    """ "met visiting Russian President Putin": the visitor the parser hung on "visiting" is the
    verb's object."""
    for child in anchor.children:
        visitor = visitor_of(child) if child.dep_ != "amod" else None
        if visitor is not None:
            return actors_of(doc, visitor)
    return []


def _implied_targets(doc: Doc, anchor: Token, token: Token, code: Code) -> list[Actor]:
    """The targets of a verb with no object or phrase naming one, by its type (the first that
    names some): what a voted resolution or a governing act is aimed at, who is accused in what
    is alleged, whose news is welcomed, whom something is asked of, whom help helps."""
    own = token.i == anchor.i
    found: list[Actor] = []
    if code[0] in RESOLUTION_TYPES and own:
        found = _resolution_targets(doc, anchor)
    if code[0] in GOVERNING_TYPES and own and not found:
        found = _content_targets(doc, anchor, code[0])
    if code[0] == "ACCUSE" and own and not found:
        found = _alleged_doers(doc, anchor)
    if code[0] == "SUPPORT" and not found:
        found = _welcomed_doers(doc, anchor)
    if code[0] == "REQUEST" and not found:
        found = _asked_of(doc, anchor)
    if anchor.lemma_.lower() in HELP_VERBS and not found:
        found = _helped(doc, anchor)
    if code[0] == "ASSAULT" and own and not found:
        found = _struck_site(doc, anchor)
    return found


def _struck_site(doc: Doc, anchor: Token) -> list[Actor]:
    """The people of the place or vehicle an attack's object names (:data:`STRUCK_SITES`):
    "militants attacked a passenger train" befalls those on it, civilians with no country
    the phrase tells; so does one told in the passive ("the town was sieged")."""
    for child in anchor.children:
        sector = STRUCK_SITES.get(child.lower_) if child.dep_ in {"dobj", "nsubjpass"} else None
        if sector is not None:
            start, end = phrase(child)
            return [Actor(None, text_of(doc, start, end), None, sector, start, end)]
    return []


def _helped(doc: Doc, anchor: Token) -> list[Actor]:
    """Whom a verb of help helps when the parser made them the subject of what they are helped
    to do: "India helped Mauritius build an airstrip"."""
    return [
        a
        for clause in anchor.children
        if clause.dep_ in {"ccomp", "xcomp"}
        for doer in clause.children
        if doer.dep_ == "nsubj"
        for a in actors_of(doc, doer)
    ]


def _asked_of(doc: Doc, anchor: Token) -> list[Actor]:
    """Whom a request is made of, its "from" phrase on the verb, on what is asked or on what it
    is asked for: "demanded an apology from Somalia", "seeking assistance from Russia", "asked for
    help from Germany"."""
    asked = [anchor]
    for child in anchor.children:
        if child.dep_ == "dobj":
            asked.append(child)
        elif child.dep_ == "prep" and child.lower_ == "for":
            asked += [c for c in child.children if c.dep_ == "pobj"]
    asked = [w for w in asked if w.lemma_.lower() not in SEPARATION_NOUNS]
    return [a for word in asked for _, obj in prep_objects(word, FROM) for a in actors_of(doc, obj)]


def _shared_object(doc: Doc, anchor: Token) -> list[Actor]:
    """The object a verb shares with the verb "and" joins to it ("killed and injured 1,000
    Taliban fighters"), when it has none of its own."""
    sharers = object_sharers(anchor)
    if not sharers:
        return []
    return [a for o in sharers[0].children if o.dep_ == "dobj" for a in _object_actors(doc, o)]


def _welcomed_doers(doc: Doc, anchor: Token) -> list[Actor]:
    """Whom backing a piece of news backs: the doer its content clause names ("welcomed the
    announcement that Ukraine had agreed to a ceasefire": Ukraine)."""
    doers: list[Actor] = []
    for obj in (c for c in anchor.children if c.dep_ == "dobj"):
        for clause in (c for c in obj.children if c.dep_ in {"acl", "ccomp"}):
            doer, passive = subject(clause)
            if doer is not None and not passive and doer.tag_ not in RELATIVES:
                doers += actors_of(doc, doer)
    return doers


def judged(doc: Doc, judgement: Judgement) -> Parties:
    """Who tells a judgement (the quote's speaker, else the reporting verb's subject) and whom it
    judges (the subject, or the owner of a claim called false; the doer of an act praised)."""
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
    judged_subject = judgement.subject
    if judgement.code[0] == "REJECT":
        owners = [c for c in judged_subject.children if c.dep_ == "poss"]
        targets = [a for o in owners for a in actors_of(doc, o)]
    else:
        targets = actors_of(doc, judged_subject)
        if not targets and judgement.of_act:
            targets = _object_actors(doc, judged_subject)  # "the speech of Lai was fantastic"
        if not targets and judged_subject.lower_ not in POINTING:
            return [], [], False  # a damning word about no one named ("the situation is dangerous")
    return dedupe(sources), dedupe(targets, sources), False


def threatened(doc: Doc, verb: Token) -> list[Actor]:
    """Whom a threat made on a condition is aimed at: the subject of its "if" or "unless" clause
    ("will impose sanctions if Turkey buys the jets": Turkey)."""
    condition = condition_of(verb)
    subj = subject(condition)[0] if condition is not None else None
    return actors_of(doc, subj) if subj is not None else []


def answers_a_claim(anchor: Token) -> bool:
    """Whether a verb answers a claim whose owner the sentence does not name: "rejected the
    accusations", "Rebutting the claim, ..." (not "rejected Pakistan's allegation")."""
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in CLAIM_NOUNS
        and not any(
            g.dep_ in {"poss", "prep", "compound", "amod"} and _names_owner(g) for g in c.children
        )
        for c in anchor.children
    )


def _names_owner(token: Token) -> bool:
    """Whether a dependent of a claim noun names whose claim it is ("Pakistan's", "by the army",
    "Chinese claims")."""
    if token.dep_ == "prep":
        return token.lower_ in {"by", "from", "of"}
    return token.dep_ == "poss" or token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}


def dedupe(actors: Iterable[Actor], exclude: Iterable[Actor] = ()) -> list[Actor]:
    """Actors in order without repeats (same range or same entity), leaving out ``exclude``'s."""
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
