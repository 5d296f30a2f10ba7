"""Where an event happened: the place phrase on its trigger, else the scene the article sets.

Reads: the parse of the event's sentence and the document's :class:`PlaceMention` values.
Writes nothing: returns :class:`storyline.records.Place` values.

* **Sentence** (basis ``sentence``): a place mention whose head path reaches the trigger (or the
  verb it hangs from) through a locative preposition (:data:`LOCATIVE_PREPS`: "talks in Jeddah",
  "attacked a train in Bolan district", "a hotel in the central town of Beledweyne"), without
  crossing another verb or a clause boundary; or a place naming a noun trigger's kind ("the Oval
  Office clash"); "to" counts after a trigger of arrival (:data:`ARRIVAL_LEMMAS`: "a visit to
  Quetta", and on the way to any trigger: "During his visit to Taiwan, he met"), and so does the
  object of "visit" ("will visit the Maldives"), "of" after a meeting noun ("a meeting of the
  Security Council"). An event done by saying so (:data:`VERBAL_TYPES`: an accusation, a demand)
  happened where it was said: its place may hang from the verb of saying whose content it is, or
  from a participle of speaking on that verb ("Speaking at a Security Council meeting, Akram said
  Kabul was failing"), but not from its subject or object ("called for a government in Syria",
  "said a professor at a university in Kurdistan" place nothing), and not when it is planned or
  supposed ("said during a visit to Beijing that he would urge the Commission"). The nearest such mention wins,
  then the most specific ("in Pakistan's Balochistan province": Balochistan). A country naming a
  noun trigger's kind is its nationality ("the U.S. tariff"), not its place, and one describing a
  town named after "of" is not the town ("the Red Sea port city of Jeddah": Jeddah). An act done by
  saying so in a quote also takes a place on the quote's verb ("'...,' Rubio told reporters in
  Jeddah"). A place opening the sentence, set off by a comma, places the events of its main
  clause (:func:`fronted_place`: "Meanwhile, in Washington, three senators led ... in calling on
  Rubio"), not what is asked for or told in it. Else (basis ``article``) the place the sentence
  before gave the same speaker's quote
  just before ("Speaking at a Security Council meeting, Akram said ... '...,' the Pakistani envoy
  said Monday"). Failing that, a *physical* event told as done (:func:`physical`: :data:`SCENE_TYPES`, acts that
  happen somewhere, not a phone call) takes its sentence's one locative place, if it has exactly
  one ("airstrikes against IS in Syria, hitting ..."; a country a place named with it lies in is
  not another: "an offensive launched by forces in Somalia's Puntland region"; an act of force
  landing on another country takes that one: "offices inside Russia ... before Russia invaded
  Ukraine"), told in the
  trigger's clause (not in another clause or a description of someone: "said Pollack, an expert at
  an institute in California"), not a meeting's venue but for a meeting. Else an act of force
  (:data:`FORCE_TYPES`) takes the place it lands on (:func:`_struck_place`: "North Korea invaded
  South Korea", "an attack on Ukraine"), and an act (not a saying) whose subject is a subdivision
  or town, not a capital, happened there (:func:`_governing_place`: "Although Bali banned the trade
  in 2017").
* **Article** (basis ``article``): the scene (:func:`scene`): a dateline ("QUETTA, Pakistan —"),
  an opening "In Quetta, ..." in the first sentences, the destination of a visit they tell
  (:func:`visit_scene`: "a two-day visit by Indian Prime Minister Narendra Modi to Mauritius"),
  else the most specific locative place of the first :data:`SCENE_SENTENCES` sentences (a meeting's
  venue, then a city, a subdivision, a country; a site where things are done, "at the White House",
  sets no scene, nor a place in a direct quote: "'The government in China works with universities,'
  said Casanova", nor where someone is: "experts in Washington", "the Peace Publish Center in
  Kabul", nor what describes a thing of another year: "the February 2020 pact the United States
  negotiated ... in Doha"). The scene holds only what was done (not what is planned, supposed or
  denied: "he would mobilize protests"), near the article's day (not "In 2015, soldiers raided"), and no act of rule
  that takes effect by decree (a ban, a seizure of assets, an investigation: :data:`RULE_MODES`).
  A town, subdivision or country is given to physical events (not withdrawals or
  concessions, as often policies) and to what a court decides ("A court later sentenced Zamora"),
  when their sentence says nothing is elsewhere (another country, or another town, site or
  subdivision of the scene's) and their source is not another country acting at home; a meeting's
  venue to what is done by *saying* so there on the article's day (:func:`scene_fits`). A visit's
  destination is also given to what its visitors and hosts did on it: talks, a signing, a
  commitment reaffirmed (:data:`VISIT_SCENE_TYPES`), told as done in the past, near the article's
  day; the visitors are not another country acting at home there (:func:`_on_the_visit`).
* **Home** (basis ``article``, confidence :data:`HOME_FACTOR`): failing both, a domestic act
  (:func:`home_place`: an attack, arrest, deployment or protest, or what a court decides) every
  party of which is of one country, whose sentence names no place, happened in that country, at
  the article's first mention of it ("Bosnian prosecutors ordered the arrest of Dodik"), when the
  sentence names that country or its people or the article names it at least
  :data:`HOME_NAMED` times (one that hardly names it is about the reader's own country: "a
  federal appeals court ruled" in a US paper).
* A place the gazetteer lacks but the text names with what it is ("Bolan district", "the Middle
  Shabelle region") is kept as written, unresolved, with a low confidence.
* An actor's nationality alone is never a place ("a Guatemalan judge" places nothing where the
  article never names Guatemala; **Home** needs the country named and every party of it), and an
  event the text does not place has none.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from storyline.records import Actor, Event, Place, PlaceBasis, Quote
from storyline.stages import doc_list
from storyline.stages.actors.lexicon import NON_STATE_CODES, country_of
from storyline.stages.places.gazetteer import Entry, Gazetteer
from storyline.stages.places.resolve import (
    ARRIVAL_LEMMAS,
    NOT_PLACES,
    PLACE_LABELS,
    PLACE_NOUNS,
    PlaceMention,
    fold,
    resolve,
)

#: Prepositions that say where ("in", "at", ...).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "across", "inside", "outside", "around", "throughout", "into"}
)
#: Dependencies that open another clause: a place beyond one is not the trigger's.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "parataxis"})
#: Event types given the article's scene when their sentence does not say where.
SCENE_TYPES = frozenset(
    {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "AID", "RETREAT", "CONCEDE", "CONSULT"}
)
#: Types of acts a country's own parties do at home: their place is that country when nothing
#: else is told (an attack, an arrest, a deployment, a protest).
HOME_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
#: Of those, the types the article's scene is given to (a withdrawal or a concession told in a
#: story is as often a policy with no place: "leaving a funding gap", "lift the freeze").
ARTICLE_SCENE_TYPES = SCENE_TYPES - {"RETREAT", "CONCEDE"}
#: Nouns of "a <noun> of <site>" that make the site the venue: "a meeting of the Security Council".
MEETING_NOUNS = frozenset({"meeting", "session", "summit", "conference", "debate", "hearing"})
#: Verbs of saying: what they tell is said where the speaker is (a venue's scene).
SPEECH_LEMMAS = frozenset(
    {
        "say", "tell", "warn", "urge", "call", "appeal", "dismiss", "deny", "reject", "accuse",
        "condemn", "defend", "demand", "insist", "argue", "claim", "praise", "criticize",
        "criticise", "welcome", "announce", "declare", "vow", "threaten", "ask",
    }
)  # fmt: skip
#: Verbs a speaker's whereabouts hang from: "Speaking at a Security Council meeting, he said".
SPEAKING_LEMMAS = SPEECH_LEMMAS | {"speak", "address", "talk", "testify", "brief", "write"}
#: Types of events done by saying so (an accusation, a demand, a refusal): where the saying was
#: is where they happened. Not a cooperation, sanction or attack the speaker tells of.
VERBAL_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
#: Nouns of a court: its rulings, whatever their type, happen where it sits (the scene).
COURT_NOUNS = frozenset({"court", "judge", "tribunal", "jury"})
#: Dependencies a locative phrase on an act done by saying so may climb through to the trigger:
#: the noun of another locative phrase ("agreed in talks in Jeddah") and its modifiers.
PHRASE_DEPS = frozenset(
    {"pobj", "compound", "amod", "det", "nummod", "poss", "case", "appos", "conj", "cc"}
)
#: Prepositions of a time a place may hang from: "On Thursday in Washington, Blinken assured".
TIME_PREPS = frozenset({"on", "during"})
#: Dependencies of a clause or description a place told in is not the trigger's own place
#: ("said Pollack, an expert at an institute in California", "since 2011, when the government
#: sent soldiers into Somalia"); a relative clause or participle on a party is the trigger's
#: scene as often ("killed the attackers who laid siege to a hotel in Beledweyne").
DESCRIPTION_DEPS = frozenset({"appos", "advcl", "ccomp", "csubj", "parataxis"})
#: Dependencies of a clause a verb asks for ("told the council to ban"): a place in it is the
#: trigger's only when the trigger is that verb.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
#: Kinds of places whose government acts at home when the place does something ("Bali banned").
GOVERNING_KINDS = frozenset({"admin1", "city"})
#: Dependencies of a trigger's subject.
SUBJECT_DEPS = frozenset({"nsubj"})
#: Sectors that sit at home whoever of their country visits: a legislature, a court.
SEATED_SECTORS = frozenset({"LEG", "JUD"})
#: Types of force: where the place they are aimed at is, there they happen.
FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
#: Prepositions of what an act of force is aimed at: "an attack on Ukraine".
TARGET_PREPS = frozenset({"on", "against"})
#: Verbs of surrounding a place: their object is where a show of force happens.
SURROUND_LEMMAS = frozenset({"encircle", "surround", "blockade", "circle", "patrol"})
#: Tags of the relative pronouns that open a relative clause ("which", "who", "whom").
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Words of a visit whose destination may set the article's scene (not a train "traveling
#: north to Peshawar" nor detainees "flown to Louisiana": a visit of someone named, see
#: :func:`visit_scene`).
VISIT_LEMMAS = frozenset({"visit", "trip", "tour", "travel"})
#: Verbs whose object is where they happen: "Modi will soon also visit the Maldives".
VISIT_OBJECT_LEMMAS = frozenset({"visit", "tour"})
#: Dependencies of a visit's visitor: "Modi visited", "a visit by Modi", "Modi's visit".
VISITOR_DEPS = frozenset({"nsubj", "poss", "agent"})
#: Types a visit's destination is given to when the visitors or their hosts do them there
#: (talks, a signing, an honour conferred, a commitment reaffirmed), beyond a scene's own.
VISIT_SCENE_TYPES = ARTICLE_SCENE_TYPES | {"SUPPORT", "AGREE", "COOPERATE"}
#: Modalities of what happened (not what is planned, denied or supposed): a visit's scene holds
#: what was done on it.
DONE_MODALITIES = frozenset({"asserted", "reported"})
#: Tags of a verb told in the past ("signed", "have upgraded").
PAST_TAGS = frozenset({"VBD", "VBN"})
#: Adverbs on a verb that put what it tells before the story's time: "I had met him before".
EARLIER_ADVERBS = frozenset({"before", "previously", "formerly", "once", "ago", "earlier"})
#: Days around the article's date an event may be dated and still be done on the visit it tells.
VISIT_DAYS = 7
#: Nouns of people a place may describe ("experts in Washington"): where they are sets no scene.
PEOPLE_NOUNS = frozenset(
    str.split(
        "expert analyst official counterpart resident people citizen student journalist "
        "reporter correspondent diplomat lawmaker observer scholar researcher professor "
        "activist worker member family refugee migrant immigrant community diaspora friend"
    )
)
#: Modes of acts of rule that take effect by decree, not at the scene (a ban, a seizure of
#: assets, an investigation); arrests, raids and deportations keep it.
RULE_MODES = frozenset({"ban", "seize", "investigate", "restrict", "curfew", "martial-law"})
#: Modes of a scene type that happen nowhere in particular: a phone call.
PLACELESS_MODES = frozenset({"phone"})
#: Which kind of place is the more specific (lower first; an area kept as written, as a city).
SPECIFICITY = {"site": 0, "city": 1, "region": 1, "admin1": 2, "country": 3}
#: How many opening sentences may set the scene.
SCENE_SENTENCES = 5
#: Confidence kept when a place comes from the article rather than the event's sentence.
ARTICLE_FACTOR = 0.8
#: Confidence kept when a place is the country of a domestic act, told nowhere.
HOME_FACTOR = 0.6
#: How many times an article must name a country for it to be the place of a domestic act whose
#: sentence does not name it: one that hardly names it is about the reader's own country ("a
#: federal appeals court ruled" in a US paper), whose name places nothing a reader needs told.
HOME_NAMED = 2
#: Confidence kept when a place is the sentence's, not on the trigger's phrase.
SENTENCE_FACTOR = 0.9
#: Sectors of a source acting at home: their events are not given another country's scene.
HOME_SECTORS = frozenset({"GOV", "LEG", "JUD"})
#: A dateline: "QUETTA, Pakistan —", "WASHINGTON (AP) -".
_DATELINE = re.compile(
    r"\s*([A-Z][A-Z.' -]+[A-Z])(?:,\s*([A-Z][\w.' ]+?))?\s*(?:\([^)]*\))?\s*[—–-]"
)
_MAX_PATH = 8


def as_place(mention: PlaceMention, basis: PlaceBasis, factor: float = 1.0) -> Place:
    """The event record's place for a mention."""
    entry = mention.entry
    return Place(
        name=mention.text,
        country=entry.country,
        start=mention.start,
        end=mention.end,
        resolved=entry.name if entry.kind != "region" else None,  # a region: as written only
        subdivision=entry.subdivision,
        latitude=entry.latitude,
        longitude=entry.longitude,
        confidence=round(mention.confidence * factor, 3),
        basis=basis,
    )


def _path_to(
    token: Token, targets: set[int], arrival: bool, direct: bool = False, country: bool = False
) -> int | None:
    """Steps from a place token up to a target through a locative preposition, else None. With
    ``direct``, the locative phrase hangs from the target itself (or from nouns of other locative
    phrases on it: "agreed in talks in Jeddah"), not from its subject or object. A ``country``
    naming the trigger's kind is its nationality, not its place ("the U.S. tariff")."""
    current, steps, located = token, 0, False
    while steps < _MAX_PATH:
        if current.i in targets:
            if not steps and current.dep_ in {"compound", "nmod"} and not country:
                return 0  # a trigger's own words: "a United Nations Security Council meeting"
            return steps if located else None
        speaking = _speaking_to(current, targets)
        if not speaking and (
            current.dep_ in CLAUSE_DEPS or (steps and current.pos_ in {"VERB", "AUX"})
        ):
            return None  # "Speaking at a Security Council meeting, he said": the speaker's place
        locative = current.dep_ == "prep" and (
            current.lower_ in LOCATIVE_PREPS
            or (current.lower_ == "to" and (arrival or _arrival_word(current.head)))
            or (current.lower_ == "of" and current.head.lemma_.lower() in MEETING_NOUNS)
        )
        if direct and located and not (locative or speaking or _phrase_step(current)):
            return None  # "called for a government in Syria", "a professor in Kurdistan said"
        visited = current.dep_ == "dobj" and current.head.lemma_.lower() in VISIT_OBJECT_LEMMAS
        located = located or locative or visited  # "talks in Jeddah", "a visit to Quetta"
        if current.head is current:
            return None
        if current.dep_ in {"compound", "nmod"} and current.head.i in targets and not country:
            return steps + 1  # "the Oval Office clash", "the Bolan attack"
        # a name set beside a place noun is that place: "in the regional capital, Banja Luka"
        steps += current.dep_ != "appos"
        current = current.head
    return None


def _arrival_word(token: Token) -> bool:
    """A noun of arrival a place's "to" hangs from on the way to the trigger: "During your visit
    to Taiwan, you met the president", "what happened on his trip to Beijing"."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in ARRIVAL_LEMMAS


def _phrase_step(token: Token) -> bool:
    """A step up a locative phrase on an act done by saying so: the noun of a phrase ("in talks
    in Jeddah"), a time it is said at ("On Thursday in Washington, Blinken assured"), the agent
    of a passive ("criticized by envoys at a Security Council meeting")."""
    return (
        token.dep_ in PHRASE_DEPS
        or (token.dep_ == "prep" and token.lower_ in TIME_PREPS)
        or token.dep_ == "agent"
    )


def _describes_a_town(token: Token) -> bool:
    """A place modifying a town's noun that names the town after "of": "the Red Sea port city of
    Jeddah", "the Black Sea port of Odesa"."""
    noun = token.head
    for _ in range(2):
        if noun.dep_ == "compound":
            noun = noun.head  # "the Black Sea port town of ..."
    return (
        token.dep_ in {"compound", "nmod", "amod"}
        and (noun.lemma_ or noun.lower_).lower() in PLACE_NOUNS
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def _speaking_to(token: Token, targets: set[int]) -> bool:
    """A participle of speaking on a target verb: "Speaking at the meeting, he said"."""
    return (
        token.dep_ == "advcl"
        and token.head.i in targets
        and token.tag_ in {"VBG", "VBN"}
        and token.lemma_.lower() in SPEAKING_LEMMAS
    )


def saying(heads: Iterable[Token]) -> list[Token]:
    """The verbs of saying whose content holds a trigger ("said Kabul was failing"): an event done
    by saying so happened where it was said."""
    out = []
    for token in heads:
        current = token
        for _ in range(3):
            if current.dep_ in {"ccomp", "xcomp"} and current.head.lemma_.lower() in SPEECH_LEMMAS:
                out.append(current.head)
                break
            if current.head.i == current.i or current.dep_ in CLAUSE_DEPS:
                break
            current = current.head
    return out


def sentence_place(
    doc: Doc,
    sent: Span,
    heads: Iterable[Token],
    mentions: Sequence[PlaceMention],
    direct: bool = False,
) -> PlaceMention | None:
    """The place mention of the sentence attached to the trigger (module docstring); with
    ``direct``, only a locative phrase on the trigger itself (:func:`_path_to`)."""
    heads = list(heads)
    targets = {t.i for t in heads}
    arrival = any(t.lemma_.lower() in ARRIVAL_LEMMAS for t in heads)
    best: tuple[int, int, int, PlaceMention] | None = None
    for mention in mentions:
        if not (sent.start_char <= mention.start < sent.end_char):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        head = _head(span)
        if _describes_a_town(head):
            continue  # "the Red Sea port city of Jeddah": Jeddah is the place
        country = mention.entry.kind == "country"
        steps = _path_to(head, targets, arrival, direct, country)
        if steps is None:
            continue
        distance = min(abs(_phrase_of(head).i - t.i) for t in heads)
        key = (steps, distance, SPECIFICITY[mention.entry.kind])
        if best is None or key < best[:3]:
            # the nearer in the parse, then the phrase nearer the trigger ("telling journalists
            # in the regional capital, Banja Luka, ... at the U.N. Security Council"), then the
            # more specific of one phrase ("in Pakistan's Balochistan province")
            best = (*key, mention)
    return best[3] if best else None


def _phrase_of(token: Token) -> Token:
    """The preposition whose phrase holds a place token, else the token."""
    current = token
    for _ in range(_MAX_PATH):
        if current.dep_ == "prep" or current.head.i == current.i:
            return current if current.dep_ == "prep" else token
        current = current.head
    return token


def dateline(doc: Doc, gazetteer: Gazetteer) -> PlaceMention | None:
    """The place of a dateline opening the text ("QUETTA, Pakistan —"), if the gazetteer has it."""
    found = _DATELINE.match(doc.text[:120])
    if found is None:
        return None
    city = found.group(1).title()
    candidates = gazetteer.candidates(city)
    if found.group(2):
        inside = {c.country for c in gazetteer.candidates(found.group(2))}
        candidates = tuple(c for c in candidates if c.country in inside) or candidates
    resolved = resolve(candidates, Counter(), frozenset())
    if resolved is None:
        return None
    end = found.end(2) if found.group(2) else found.end(1)
    return PlaceMention(found.start(1), end, doc.text[found.start(1) : end], *resolved)


def opening_place(doc: Doc, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """An opening "In Quetta, ..." or "At the White House, ..." in the first sentences."""
    for i, sent in enumerate(doc.sents):
        if i >= SCENE_SENTENCES:
            break
        first = sent[0]
        if first.lower_ not in {"in", "at"}:
            continue
        for mention in mentions:
            if sent.start_char < mention.start < sent.end_char:
                after = doc.text[mention.end : mention.end + 1]
                if after == "," and len(doc.text[sent.start_char : mention.start].split()) <= 3:
                    return mention
                break
    return None


def _locative(token: Token) -> bool:
    """Whether a place token hangs from a locative preposition ("in the town of Beledweyne"), or
    names the venue of a meeting ("a meeting of the U.N. Security Council")."""
    current = token
    for _ in range(4):
        if current.dep_ == "prep" and current.lower_ in LOCATIVE_PREPS:
            return True
        head = current.head.lemma_.lower()
        if current.dep_ == "prep" and current.lower_ == "of" and head in MEETING_NOUNS:
            return True
        if current.dep_ == "prep" and not (current.lower_ == "of" and head in PLACE_NOUNS):
            return False  # "negotiations with North Korea": the place of no locative phrase
        if current.head.i == current.i or current.pos_ in {"VERB", "AUX"}:
            return False
        current = current.head
    return False


def _describes_someone(token: Token) -> bool:
    """Whether a place's locative phrase tells where someone is, not where something happens: it
    hangs from a noun of people or a name ("experts in Washington", "counterparts in California",
    "published by the Peace Publish Center in Kabul")."""
    current = token
    for _ in range(4):
        if current.dep_ == "prep" and current.lower_ in LOCATIVE_PREPS:
            noun = current.head
            return noun.pos_ == "PROPN" or (noun.lemma_ or noun.lower_).lower() in PEOPLE_NOUNS
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _in_past_description(token: Token, published: str | None) -> bool:
    """Whether a place is told in a clause describing a noun of another year than the article's
    ("the February 2020 landmark pact the United States negotiated with the insurgents in
    Qatar's capital, Doha"): background to the story, not its scene ("attackers who laid siege
    to a hotel in Beledweyne" are the story)."""
    year = (published or "")[:4]
    current = token
    while current.head.i != current.i:
        if current.dep_ in {"relcl", "acl"} and current.pos_ in {"VERB", "AUX"}:
            told = current.head.subtree
            return any(_a_year(t) and t.text != year for t in told)
        current = current.head
    return False


def _a_year(token: Token) -> bool:
    """A year of a date ("February 2020", "in 2013")."""
    return token.ent_type_ == "DATE" and len(token.text) == 4 and token.text.isdigit()


def meeting_venue(doc: Doc, mention: PlaceMention) -> bool:
    """Whether a site is named as a meeting's venue: "a meeting of the U.N. Security Council",
    "at a Security Council meeting" (not "at the White House": a site where things are done)."""
    current = _root(doc, mention)
    for _ in range(4):
        if (current.lemma_ or current.lower_).lower() in MEETING_NOUNS:
            return True
        if current.head is current or current.pos_ in {"VERB", "AUX"}:
            return False
        current = current.head
    return False


def opening_scene(doc: Doc, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The most specific place the opening sentences say something happened in (a site before a
    city before a subdivision before a country; the first of a kind), not in a speaker's own
    words (where things are in what they say is not where the story is)."""
    sents = list(itertools.islice(doc.sents, SCENE_SENTENCES))
    if not sents:
        return None
    limit = sents[-1].end_char
    quotes = doc_list(doc, "quotes")
    best: tuple[int, int, PlaceMention] | None = None
    for mention in mentions:
        if mention.start >= limit:
            break
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or mention.entry.kind == "region" or not _locative(span.root):
            continue  # a place the gazetteer lacks ("Bolan district") sets no scene
        if _describes_someone(span.root):
            continue  # "experts in Washington", "the Peace Publish Center in Kabul"
        if _in_past_description(span.root, doc._.published):
            continue  # "the pact the United States negotiated ... in Doha": background
        if mention.entry.kind == "site" and not meeting_venue(doc, mention):
            continue  # "at the White House": a site sets the scene of a meeting only
        if any(q.kind == "direct" and q.start <= mention.start < q.end for q in quotes):
            continue  # "'The government in China works with ...,' said Casanova"
        key = (SPECIFICITY[mention.entry.kind], mention.start)
        if best is None or key < best[:2]:
            best = (*key, mention)
    return best[2] if best else None


def scene(doc: Doc, gazetteer: Gazetteer, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The scene the article sets: a dateline, an opening "In Quetta, ...", the destination of a
    visit the opening sentences tell, else the opening sentences' most specific locative place."""
    visit = visit_scene(doc, mentions)
    return (
        dateline(doc, gazetteer)
        or opening_place(doc, mentions)
        or (visit[0] if visit is not None else None)
        or opening_scene(doc, mentions)
    )


def visit_scene(
    doc: Doc, mentions: Sequence[PlaceMention]
) -> tuple[PlaceMention, frozenset[str]] | None:
    """The place the first visit told in the opening sentences goes to ("a two-day visit by
    Indian Prime Minister Narendra Modi to Mauritius", "will visit the Maldives"), with the
    countries of its visitors (:func:`_visitors`; a visit of no one the actors stage gives a
    country sets no scene)."""
    sents = list(itertools.islice(doc.sents, SCENE_SENTENCES))
    if not sents:
        return None
    limit = sents[-1].end_char
    for mention in mentions:
        if mention.start >= limit:
            break
        if mention.entry.kind == "region":
            continue
        arrival = _arrival_of(_root(doc, mention))
        if arrival is None or arrival.lemma_.lower() not in VISIT_LEMMAS:
            continue
        visitors = _visitors(doc, arrival)
        if visitors:
            return mention, visitors
    return None


def _arrival_of(token: Token) -> Token | None:
    """The visit a place is the destination of: "a visit to Quetta", "visit the Maldives"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and head.dep_ == "prep":
        trip = head.head
        return trip if trip.lemma_.lower() in ARRIVAL_LEMMAS else None
    if token.dep_ == "dobj" and head.lemma_.lower() in VISIT_OBJECT_LEMMAS:
        return head
    return None


def _visitors(doc: Doc, arrival: Token) -> frozenset[str]:
    """The countries of who makes a visit (its subject, "by" agent or possessor; for a visit
    noun with none, the subject of the verb it hangs from: "Modi arrived for a visit to"), by the
    actors the actors stage found there."""
    words: list[Token] = []
    for child in arrival.children:
        if child.dep_ in VISITOR_DEPS:
            words += list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "by":
            words += [t for c in child.children for t in c.subtree]
    verb = arrival
    while not words and verb.dep_ in {"pobj", "prep", "dobj"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            words = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    countries = {e.id: e.country for e in doc_list(doc, "entities")}
    found = set()
    for mention in doc_list(doc, "mentions"):
        if any(mention.start <= t.idx < mention.end for t in words):
            country = countries.get(mention.entity_id)
            if country and len(country) == 3:
                found.add(country)
    return frozenset(found)


def physical(event_type: str, mode: str | None) -> bool:
    """Whether an event of this type and mode happens somewhere (a meeting, an attack), unlike
    a statement or a phone call."""
    return event_type in SCENE_TYPES and mode not in PLACELESS_MODES


def event_place(
    doc: Doc,
    sent: Span,
    heads: Iterable[Token],
    code: tuple[str, str | None],
    mentions: Sequence[PlaceMention],
    modality: str = "asserted",
) -> Place | None:
    """Where an event happened by its sentence: the place phrase on its trigger; for an event of
    a scene type, else the one place its sentence says something happened in ("U.S. forces
    carried out airstrikes in Syria, hitting ..."). Where something was said is not where what
    the speaker plans or supposes will happen ("said during a visit to Beijing that he would
    urge the Commission")."""
    heads = list(heads)
    verbal = code[0] in VERBAL_TYPES
    told = verbal and modality in DONE_MODALITIES
    quote = _quote_of(doc, heads) if told else None
    if told:
        heads += saying(heads) + (_cue(doc, quote) if quote is not None else [])
    found = sentence_place(doc, sent, heads, mentions, direct=verbal)
    if found is None and (told or not verbal):
        found = fronted_place(doc, sent, heads, mentions)
    if found is not None:
        return as_place(found, "sentence")
    before = _speakers_place(doc, sent, quote, mentions) if quote is not None else None
    if before is not None:
        return as_place(before, "article", ARTICLE_FACTOR)
    home = None if verbal else _governing_place(doc, sent, heads, mentions)
    if not physical(*code) or modality not in DONE_MODALITIES:
        return as_place(home, "sentence", SENTENCE_FACTOR) if home is not None else None
    local = most_specific(
        [
            m
            for m in _in_sentence(sent, mentions)
            if _locative(_root(doc, m))
            and _in_clause_of(_root(doc, m), heads)
            and (code[0] == "CONSULT" or not meeting_venue(doc, m))  # no attack in a meeting
        ]
    )
    struck = _struck_place(doc, sent, heads, mentions) if code[0] in FORCE_TYPES else None
    # "offices inside Russia ... before Russia invaded Ukraine": where the force landed
    elsewhere = struck is not None and local and struck.entry.country != local[0].entry.country
    if len({(m.entry.name, m.entry.country) for m in local}) == 1 and not elsewhere:
        return as_place(local[0], "sentence", SENTENCE_FACTOR)
    home = home or struck
    return as_place(home, "sentence", SENTENCE_FACTOR) if home is not None else None


#: Dependencies through which a verb stays in the clause its sentence's opening place sets:
#: "In Washington, senators led a group in calling on Rubio ...".
FRONTED_REACH = frozenset({"xcomp", "pcomp", "prep", "conj", "advcl", "dobj", "pobj"})


def fronted_place(
    doc: Doc, sent: Span, heads: Sequence[Token], mentions: Sequence[PlaceMention]
) -> PlaceMention | None:
    """The place a sentence opens with ("Meanwhile, in Washington, three senators led ... in
    calling on Rubio"), for a trigger of its main clause: a locative phrase on the sentence's
    main verb, before it and set off by a comma, with no verb before it."""
    root = sent.root
    if not any(_in_main_clause(head, root) for head in heads):
        return None
    for mention in _in_sentence(sent, mentions):
        token = _root(doc, mention)
        prep = token.head
        if not (
            token.dep_ == "pobj"
            and prep.dep_ == "prep"
            and prep.lower_ in LOCATIVE_PREPS
            and prep.head.i == root.i
            and token.i < root.i
        ):
            continue
        opening = doc[sent.start : prep.i]
        after = doc[token.right_edge.i + 1] if token.right_edge.i + 1 < sent.end else None
        if (
            after is not None
            and after.text == ","
            and not any(t.pos_ in {"VERB", "AUX"} for t in opening)
        ):
            return mention
    return None


def _in_main_clause(token: Token, root: Token) -> bool:
    """Whether a trigger is its sentence's main verb or hangs from it by a verb's own phrases (not
    a clause of content, a description or a quote)."""
    current = token
    for _ in range(8):
        if current.i == root.i:
            return True
        if current.dep_ not in FRONTED_REACH or current.head.i == current.i:
            return False
        current = current.head
    return False


def _struck_place(
    doc: Doc, sent: Span, heads: Sequence[Token], mentions: Sequence[PlaceMention]
) -> PlaceMention | None:
    """The place an act of force lands on, if one: the object of its verb (not of a verb with a
    particle, idiomatic as often) or of "on"/"against" on it ("North Korea invaded South Korea",
    "the Russia attack on Ukraine"), or of a verb of surrounding on it ("military drills
    encircling Taiwan")."""
    targets: set[int] = set()
    for head in heads:
        literal = head.pos_ == "VERB" and not any(c.dep_ == "prt" for c in head.children)
        for child in head.children:
            if child.dep_ == "dobj" and literal:  # not "ripping off the United States"
                targets.add(child.i)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                targets |= {c.i for c in child.children if c.dep_ == "pobj"}
            elif child.dep_ in {"acl", "xcomp"} and child.lemma_.lower() in SURROUND_LEMMAS:
                targets |= {c.i for c in child.children if c.dep_ == "dobj"}
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in SURROUND_LEMMAS:
            targets |= {
                c.i for c in head.head.children if c.dep_ == "dobj"
            }  # parsed as its subject
    found = [m for m in _in_sentence(sent, mentions) if _root(doc, m).i in targets]
    return found[0] if len(found) == 1 else None


def _governing_place(
    doc: Doc, sent: Span, heads: Sequence[Token], mentions: Sequence[PlaceMention]
) -> PlaceMention | None:
    """A subdivision or town that does the event itself, acting at home: the subject of the
    trigger ("Although Bali banned the trade in 2017": in Bali; not what it says, as "California
    sued the administration", said where it is filed). Not a country (what a state
    does is as often a policy with no place) nor a capital (its name stands for its country's
    government: "Moscow warned")."""
    subjects = {c.i for head in heads for c in head.children if c.dep_ in SUBJECT_DEPS}
    for mention in _in_sentence(sent, mentions):
        entry = mention.entry
        if entry.kind not in GOVERNING_KINDS or entry.capital:
            continue
        if _root(doc, mention).i in subjects:
            return mention
    return None


def _in_clause_of(token: Token, heads: Sequence[Token]) -> bool:
    """Whether a place is told in the trigger's clause: not in another clause or a description
    ("said Pollack, an expert at an institute in California"; "Speaking at a think tank in
    Washington, he said the president would meet Kim"; "an Uyghur living in Australia"), nor
    in what the verb the trigger hangs from asks for ("after a meeting with activists, told the
    council to ban dog meat in Solo": the meeting is not in Solo; "helped Mauritius build a jetty
    in Agalega" is the trigger's own)."""
    own = {t.i for head in heads for t in (head, *head.ancestors)}
    triggers = {head.i for head in heads}
    current = token
    for _ in range(len(token.doc)):  # up to the root (whose head is itself)
        clause = current.i not in own and current.dep_ in COMPLEMENT_DEPS | DESCRIPTION_DEPS
        if clause and not (current.dep_ in COMPLEMENT_DEPS and current.head.i in triggers):
            return False  # another clause, or what the verb the trigger hangs from asks for
        if current.head.i == current.i:
            break
        current = current.head
    return True


def _quote_of(doc: Doc, heads: Sequence[Token]) -> Quote | None:
    """The quote a trigger is told in, if any."""
    at = heads[0].idx
    return next((q for q in doc_list(doc, "quotes") if q.start <= at < q.end), None)


def _cue(doc: Doc, quote: Quote) -> list[Token]:
    """The tokens of a quote's verb of saying ("'...,' Rubio told reporters in Jeddah")."""
    if quote.cue is None:
        return []
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _speakers_place(
    doc: Doc, sent: Span, quote: Quote, mentions: Sequence[PlaceMention]
) -> PlaceMention | None:
    """Where the speaker of a quote was when the sentence before it placed them: "Speaking at a
    Security Council meeting, Akram said Kabul was failing ... 'The Kabul authorities have
    failed ...,' the Pakistani envoy said." The speaker's quote just before, in that sentence or
    this one, must say where."""
    if quote.speaker_entity_id is None:
        return None
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    start = previous.start_char if previous is not None else sent.start_char
    earlier = [q for q in doc_list(doc, "quotes") if start <= q.start < quote.start]
    if not earlier or earlier[-1].speaker_entity_id != quote.speaker_entity_id:
        return None
    cue = _cue(doc, earlier[-1])
    if not cue:
        return None
    return sentence_place(doc, cue[0].sent, cue, mentions, direct=True)


def most_specific(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions without a country or subdivision another of them lies in: "in Somalia's
    Puntland region", "in Aleppo, in northern Syria", "in Balochistan's Kalat district" are one
    place each."""
    inside = {m.entry.country for m in mentions if m.entry.kind != "country"}
    holding = {(m.entry.country, m.entry.subdivision) for m in mentions if m.entry.kind == "city"}
    return [
        m
        for m in mentions
        if not (m.entry.kind == "country" and m.entry.country in inside)
        and not (m.entry.kind == "admin1" and (m.entry.country, m.entry.name) in holding)
    ]


def scene_fits(
    doc: Doc, event: Event, scene: PlaceMention, mentions: Sequence[PlaceMention]
) -> bool:
    """Whether the article's scene is the place of an event its sentence does not place.

    A town, subdivision or country is the place of an event of :data:`ARTICLE_SCENE_TYPES`, or
    of any type done by a court (:data:`COURT_NOUNS`: a sentence, an appeal), whose sentence
    names no place elsewhere (resolved or not) and whose source is not another country
    or its government (acting at home: "Trump blocked the sale", "North Korea launched a
    missile"). A meeting's venue ("a meeting of the U.N. Security Council") is the place of what
    is done by saying so (:data:`VERBAL_TYPES`; not a cooperation the speaker tells of) on the
    article's day, not in a relative clause (background: "a report, which Moscow denied"), when
    its sentence names no other town or site (the countries a speaker talks about are not
    places)."""
    if event.location is not None or event.modality not in DONE_MODALITIES:
        return False  # "he would mobilize protests": what is planned happens nowhere yet
    if event.mode in RULE_MODES or not _near_the_day(event, doc._.published):
        return False  # a ban, a seizure of assets; "In 2018, Israel's crackdown": another time
    visit = visit_scene(doc, mentions)
    visitors = visit[1] if visit is not None and visit[0] == scene else None
    venue = scene.entry.kind == "site" and meeting_venue(doc, scene)
    if venue:
        fits = event.type in VERBAL_TYPES
    else:
        fits = event.type in ARTICLE_SCENE_TYPES and physical(event.type, event.mode)
        fits = fits or any(_judicial(doc, a) for a in event.source)
        if visitors and any(a.country in visitors - {scene.entry.country} for a in event.source):
            fits = _on_the_visit(doc, event, scene, visitors)  # the visitors: on the visit only
        elif visitors is not None and not fits:
            fits = _on_the_visit(doc, event, scene, visitors)
    if not fits:
        return False  # a venue hosts what is said there; a town or country, what is done there
    if venue and not (_on_the_day(event, doc._.published) and _said(doc, event)):
        return False  # "Last week, the leaders signed": told at the meeting, done elsewhere
    if venue and _in_relative_clause(doc, event):
        return False  # "a report in February, which Moscow denied": told as background
    country = scene.entry.country
    sent = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    if sent is None:
        return False
    # the places the sentence says something is in ("Pakistan's allegation" names an actor)
    here = [m for m in _in_sentence(sent, mentions) if _locative(_root(doc, m))]
    if venue:
        # said at the venue: a country the speaker talks about is not another place
        return not any(m.entry.kind != "country" and m.entry != scene.entry for m in here)
    if any(m.entry.country != country or m.entry.kind == "region" for m in here):
        return False  # elsewhere, or in a place the gazetteer lacks ("the Middle Shabelle region")
    if any(_elsewhere(m.entry, scene.entry) for m in here):
        return False  # "a convoy in Kalat district, killing one" in a story set in Sibi
    if _unknown_place(sent, mentions):
        return False  # "killed dozens ... in Hirshabelle": a place the gazetteer lacks
    return not any(_acting_at_home(a, country, visitors or frozenset()) for a in event.source)


def home_place(
    doc: Doc, event: Event, scene: PlaceMention | None, mentions: Sequence[PlaceMention]
) -> PlaceMention | None:
    """The country of a domestic act no place is told for: an act of :data:`HOME_TYPES` (not
    a decree's) or a court's ruling, told as done, every party of which is of one country
    ("Bosnian prosecutors ordered the arrest of Dodik", "a Bosnian court sentenced Dodik"),
    whose sentence names no place, in an article whose scene, if any, is in that country. The
    place is the country where the article first names it (kind ``country``); None otherwise."""
    if event.location is not None or event.modality not in DONE_MODALITIES:
        return None
    judicial = any(_judicial(doc, a) for a in event.source)
    domestic = event.type in HOME_TYPES and event.mode not in RULE_MODES | PLACELESS_MODES
    if not (domestic or judicial):
        return None
    countries = {a.country for a in (*event.source, *event.target) if a.country}
    if len(countries) != 1 or not all(a.country for a in event.source):
        return None  # parties of several countries; a source of none ("the court" of the ICJ)
    (country,) = countries
    if country in NON_STATE_CODES or (scene is not None and scene.entry.country != country):
        return None  # an IGO, a group of no country; a story set in another country
    sent = doc.char_span(event.sentence.start, event.sentence.end, alignment_mode="expand")
    if sent is None or any(_locative(_root(doc, m)) for m in _in_sentence(sent, mentions)):
        return None  # the sentence tells a place of its own (placed or not by the rules above)
    if _unknown_place(sent, mentions):
        return None
    named = [m for m in mentions if m.entry.kind == "country" and m.entry.country == country]
    if len(named) < HOME_NAMED and not _names_country(sent, country):
        return None  # a country hardly named is the reader's own: "a federal appeals court ruled"
    return named[0] if named else None


def _names_country(sent: Span, country: str) -> bool:
    """Whether a sentence names a country by its name or people ("a Bosnian court", "Somali
    forces")."""
    words = [*(ent.text for ent in sent.ents), *(t.text for t in sent if t.is_title or t.is_upper)]
    return any(country_of(w) == country for w in words)


def _on_the_visit(doc: Doc, event: Event, scene: PlaceMention, visitors: frozenset[str]) -> bool:
    """Whether an event of :data:`VISIT_SCENE_TYPES` was done on the visit the article tells: by
    the visitors or their hosts only (actors of no country count: "both leaders"), done (not
    planned, nor in a quote: "We support Mauritius", a stance), and not dated elsewhere in time
    ("In 2019, China signed")."""
    if event.type not in VISIT_SCENE_TYPES or event.mode in PLACELESS_MODES:
        return False
    if event.modality not in DONE_MODALITIES:
        return False
    if event.type not in ARTICLE_SCENE_TYPES and not _told_as_done(doc, event):
        return False  # "India backs the handover", "India's naval cooperation": a stance
    if _base_form(doc, event):
        return False  # "it is necessary for India to ... help them build capacities"
    if _told_as_earlier(doc, event):
        return False  # "I had met Dr. Lai before": not on this visit
    hosts = visitors | {scene.entry.country}
    if any(len(a.country or "") == 3 and a.country not in hosts for a in event.source):
        return False
    return _near_the_day(event, doc._.published)


def _elsewhere(entry: Entry, scene: Entry) -> bool:
    """Whether a place of the same country is another than the scene: a town, site or
    subdivision that neither is the scene nor holds it."""
    if entry == scene or entry.kind in {"country", "region"}:
        return False
    return entry.kind != "admin1" or entry.name != scene.subdivision


def _judicial(doc: Doc, actor: Actor) -> bool:
    """A court or judge ("A court later sentenced Zamora"): what it decides, it decides where it
    sits."""
    if actor.sector == "JUD":
        return True
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in COURT_NOUNS


def _acting_at_home(actor: Actor, country: str | None, visitors: frozenset[str]) -> bool:
    """A government, legislature or court of another country than the scene's, or that country
    itself ("North Korea launched a missile" is no event in a Californian scene); not one whose
    visit the article tells (``visitors``: "Modi's visit came amid ..."), unless a legislature or
    court, which sits at home ("the monies the U.S. Congress voted for Taiwan")."""
    foreign = bool(actor.country) and len(actor.country or "") == 3 and actor.country != country
    visiting = actor.country in visitors and actor.sector not in SEATED_SECTORS
    foreign = foreign and not visiting
    return foreign and (actor.sector in HOME_SECTORS or actor.sector is None)


def _unknown_place(sent: Span, mentions: Sequence[PlaceMention]) -> bool:
    """Whether the sentence says something is in a place no mention stands for."""
    starts = {m.start for m in mentions}
    return any(
        ent.label_ in PLACE_LABELS
        and ent.start_char not in starts
        and fold(ent.text) not in NOT_PLACES
        and _locative(ent.root)
        for ent in sent.ents
    )


def _said(doc: Doc, event: Event) -> bool:
    """Whether the event is a thing said: inside a quote, or told by a verb of saying."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return event.quote_id is not None or (
        trigger is not None and trigger.root.lemma_.lower() in SPEECH_LEMMAS
    )


def _in_relative_clause(doc: Doc, event: Event) -> bool:
    """Whether the trigger is told in a relative clause ("a report, which Moscow denied"; the
    parser may hang it as an adverbial clause, its relative pronoun says what it is)."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None:
        return False
    root = trigger.root
    return root.dep_ == "relcl" or any(c.tag_ in RELATIVE_TAGS for c in root.children)


def _on_the_day(event: Event, published: str | None) -> bool:
    """Whether the event is dated the article's day (or only by it)."""
    date = event.date
    return date is None or date.basis == "published" or date.value == (published or "")[:10]


def _told_as_done(doc: Doc, event: Event) -> bool:
    """Whether an event is told by a verb in the past, outside a quote ("the prime ministers
    signed eight pacts", "have upgraded their ties"): an act done, not a stance in the present
    ("India backs the handover"), a standing relation ("India's naval cooperation") or what a
    speaker says ("We support Mauritius")."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None or event.quote_id is not None:
        return False
    return any(t.tag_ in PAST_TAGS for t in trigger)


def _base_form(doc: Doc, event: Event) -> bool:
    """Whether an event is told by a verb's base form ("to help", "will cooperate"): what is
    to be done, whatever modality the sentence was given."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return trigger is not None and trigger.root.tag_ == "VB"


def _told_as_earlier(doc: Doc, event: Event) -> bool:
    """Whether the trigger's verb says it was done at an earlier time than the story's
    (:data:`EARLIER_ADVERBS`: "I had met Dr. Lai before")."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None:
        return False
    root = trigger.root
    verbs = [root, root.head] if root.dep_ in {"dobj", "pobj"} else [root]
    return any(
        c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS for v in verbs for c in v.children
    )


def _near_the_day(event: Event, published: str | None) -> bool:
    """Whether the event is undated, dated by the article, or dated a day within
    :data:`VISIT_DAYS` of it."""
    date = event.date
    if date is None or date.basis == "published" or not published:
        return True
    try:
        day = datetime.date.fromisoformat(date.value)
        then = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return False  # a month, a year: another time than the visit's days
    return abs((day - then).days) <= VISIT_DAYS


def _in_sentence(sent: Span, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    return [m for m in mentions if sent.start_char <= m.start < sent.end_char]


def _root(doc: Doc, mention: PlaceMention) -> Token:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return _head(span) if span is not None else doc[0]


def _head(span: Span) -> Token:
    """The token a place's words hang from, not a determiner the model took in ("a United
    Nations Security Council meeting": Council, not "a")."""
    words = [t for t in span if t.dep_ not in {"det", "punct", "case"}] or list(span)
    inside = {t.i for t in words}
    return next((t for t in words if t.head.i not in inside or t.head.i == t.i), span.root)
