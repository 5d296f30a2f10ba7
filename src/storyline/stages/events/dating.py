"""The date of an event, from the time expressions of its sentence or the article's date.

Reads: ``doc._.timexes`` (the timex stage), the parse of the trigger's sentence and
``doc._.published``. Writes nothing.

The time expression attached to the trigger dates it (its head path reaches the trigger, or the
verb a conjoined trigger shares its clause with, a participle clause on the trigger — "rejected
the warrant, telling journalists on Wednesday" — or, for an event noun, the verb of its taking
place — "the talks began Monday" — before any other verb); for a stance told in a reported
clause, or an act told as going on when announced ("announced it was cutting ties"), the time
expression of the telling; a refusal, by the occasion of the act refused ("refused to endorse him
at the convention in July"); else the article's date with basis ``published`` (None when the
article has no date). An act told on in the simple past right after a sentence the text dates
takes that date (:func:`with_narrative_dates`: "In 2018, officials offered .... The relatives
refused.").
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.records import Event, EventDate, Timex
from storyline.stages.events.classifier import Trigger
from storyline.stages.events.clauses import (
    WRITING_NOUNS,
    clause_taken_for_a_name,
    doer_verb,
    reporting_verb,
)
from storyline.stages.lookup import timexes_in

#: Types of event dated by the telling when told in a reported clause ("announced earlier this
#: month that Cambodia would not support ..."); a deed told there ("said Tuesday that Russia
#: attacked") is not.
STANCE_TYPES = frozenset({"SUPPORT", "REJECT", "ACCUSE", "REQUEST", "AGREE", "THREATEN"})
#: Words of the day a quote is said: in a quote dated by the text, they are that day.
SAYING_DAY = frozenset({"today", "tonight", "this morning", "this afternoon", "this evening"})
#: Tags of a verb in the present tense.
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
#: Verbs of saying whose telling of an act going on is the act itself ("announced it was
#: cutting ties").
ANNOUNCING_LEMMAS = frozenset({"announce", "declare"})
#: Verbs of an event taking place, whose subject noun happens when they do.
OCCURRING_LEMMAS = frozenset(
    {"begin", "start", "end", "conclude", "complete", "occur", "happen", "resume", "open"}
)
#: Parts of speech that end the head path of a time expression: another verb's date.
VERB_POS = frozenset({"VERB", "AUX"})
#: Types whose infinitive's occasion dates them: "refused to endorse him at the convention in
#: July".
REFUSAL_TYPES = frozenset({"REJECT"})
#: Timex types that can date an event.
DATED_TYPES = frozenset({"DATE", "TIME"})
#: Dependencies of a time expression on a noun that say when what the noun tells was told.
TOLD_DEPS = frozenset({"poss", "compound", "npadvmod", "amod"})


def _is_date_value(value: str) -> bool:
    return len(value) >= 4 and value[:4].isdigit()


def _datable(doc: Doc, sent: Span) -> list[Timex]:
    """The sentence's dates and times with a calendar value."""
    return [
        t
        for t in timexes_in(doc, sent.start_char, sent.end_char)
        if t.type in DATED_TYPES and _is_date_value(t.value)
    ]


def date_of(
    doc: Doc, trigger: Trigger, sent: Span, published: str | None, said_on: str | None = None
) -> EventDate | None:
    """The date of the time expression attached to the trigger, else the article's date.
    ``said_on``: the date the text gives the quote the trigger is in, if any; a quote's "today"
    is that day ("'Today the leader of ISIS was killed,' Sudani said Thursday"), and what its
    speaker does in saying it ("We urge ...", "I reject ...") is done then."""
    for timex in _datable(doc, sent):
        if _attached(doc, timex, trigger.token, trigger.anchor) or _refused_then(
            doc, timex, trigger
        ):
            if said_on is not None and timex.text.lower() in SAYING_DAY:
                return EventDate(said_on, "text")
            value = timex.value if timex.type == "DATE" else timex.value[:10]
            return EventDate(_with_mod(value, timex), "text")
    if said_on is not None and _performed(trigger):
        return EventDate(said_on, "text")
    report = reporting_verb(trigger.anchor)
    if report is not None and (
        trigger.code[0] in STANCE_TYPES or _done_by_announcing(report, trigger.anchor)
    ):
        for timex in _datable(doc, sent):
            if _attached(doc, timex, report, report):
                value = timex.value if timex.type == "DATE" else timex.value[:10]
                return EventDate(value, "text")
    if published and _is_date_value(published):
        return EventDate(published[:10], "published")
    return None


def with_narrative_dates(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """Events told in the past with no date of their own, dated by the sentence before theirs
    when the text dates what that sentence tells: a story told on ("In 2018, Iranian officials
    offered to pay her relatives .... The relatives refused.": 2018). Only an act told in the
    simple past outside quotation marks, in a sentence with no time expression, after a sentence
    whose events the text dates all to one day, month or year; else as it was."""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]

    def index(char: int) -> int:
        return bisect.bisect_right(starts, char) - 1

    told: dict[int, set[str]] = {}
    for event in events:
        if event.date is not None and event.date.basis == "text":
            told.setdefault(index(event.sentence.start), set()).add(event.date.value)
    out = []
    for event in events:
        k = index(event.sentence.start)
        before = told.get(k - 1, set())
        if (
            len(before) == 1
            and event.date is not None
            and event.date.basis == "published"
            and event.quote_id is None
            and k not in told
            and not _datable(doc, sents[k])
            and _told_in_past(doc, event)
        ):
            out.append(dataclasses.replace(event, date=EventDate(next(iter(before)), "context")))
        else:
            out.append(event)
    return out


def _told_in_past(doc: Doc, event: Event) -> bool:
    """Whether an event's trigger is a verb in the simple past ("refused", "were killed")."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" for c in verb.children)
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children
    )


def _performed(trigger: Trigger) -> bool:
    """A stance a speaker takes in the present tense in their own words ("We urge ...", "I
    reject ..."): done in the saying."""
    anchor = trigger.anchor
    return (
        trigger.code[0] in STANCE_TYPES
        and not trigger.is_noun
        and anchor.tag_ in PRESENT_TAGS
        and not any(c.dep_ == "aux" for c in anchor.children)
    )


def phrase_date(doc: Doc, noun: Token, sent: Span) -> EventDate | None:
    """The date a noun phrase gives the event its noun names ("Tuesday's attack", "the attack on
    March 11", "last week's talks"), else None: no fallback to the article's date."""
    for timex in _datable(doc, sent):
        if _attached(doc, timex, noun, noun):
            value = timex.value if timex.type == "DATE" else timex.value[:10]
            return EventDate(value, "text")
    return None


def _done_by_announcing(report: Token, anchor: Token) -> bool:
    """An act told as going on when it was announced ("In December, Mogadishu announced it was
    cutting ties"): the announcement does it; not one told as done before ("announced it had
    attacked") or to come ("will cut")."""
    if report.lemma_.lower() not in ANNOUNCING_LEMMAS or anchor.tag_ != "VBG":
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "be" for c in anchor.children)


def _with_mod(value: str, timex: Timex) -> str:
    return value  # the mod (START, END, ...) stays on the timex record


def _told_then(span: Span, anchor: Token) -> bool:
    """A time expression on the word a trigger's clause hangs from: "Since August 2022, when the
    president called for ...", "Tuesday's announcement that Ukraine had agreed"."""
    if anchor.dep_ in {"relcl", "advcl"} and span.start <= anchor.head.i < span.end:
        return True
    return (
        anchor.dep_ in {"acl", "ccomp"}
        and anchor.head.pos_ == "NOUN"
        and span.root.head.i == anchor.head.i
        and span.root.dep_ in TOLD_DEPS
    )


def _sharing(anchor: Token) -> set[int]:
    """The verbs whose date the trigger's verb shares: "Last month, a court sentenced Dodik ...
    and banned him": the fronted date is shared; so is the date of the verb a participle hangs
    from ("in December, U.S. forces carried out airstrikes, hitting targets"), and the date of
    filing or sending the text a participle tells the content of ("Earlier this month, lawyers
    filed papers opposing the unsealing")."""
    found = set()
    head = anchor
    while head.head is not head and (head.dep_ == "conj" or _shares_time(head)):
        head = head.head
        found.add(head.i)
    text = head.head
    if head.dep_ == "acl" and text.lemma_.lower() in WRITING_NOUNS and text.dep_ == "dobj":
        found.add(text.head.i)  # "Earlier this month, lawyers filed papers opposing ..."
    return found


def _refused_then(doc: Doc, timex: Timex, trigger: Trigger) -> bool:
    """ "refused to endorse Trump during a speech at the convention in July": a refusal to act
    is dated by the occasion the act was refused on (a promise or a threat to act is not: the
    act is to come)."""
    if trigger.code[0] not in REFUSAL_TYPES or trigger.is_noun:
        return False
    refused = [c for c in trigger.anchor.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return any(_attached(doc, timex, verb, verb) for verb in refused)


def _attached(doc: Doc, timex: Timex, token: Token, anchor: Token) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    if _told_then(span, anchor):
        return True
    # "has claimed several attacks since last August": not done then
    return span.root.head.lower_ != "since" and _on_the_trigger(span, token, anchor)


def _on_the_trigger(span: Span, token: Token, anchor: Token) -> bool:
    """Whether a time expression hangs on the trigger's words (or the verbs that share its
    time), with no other verb between."""
    targets = {token.i, anchor.i} | _sharing(anchor)
    # "Dodik rejected the warrant, telling journalists on Wednesday ...": a participle clause on
    # the trigger happens when it does
    targets |= {c.i for c in anchor.children if c.i > anchor.i and _shares_time(c)}
    if _occurs(anchor):
        targets.add(anchor.head.i)  # "the withdrawal ... was completed on Friday"
    targets |= _doing(token)
    if clause_taken_for_a_name(anchor) is not None:
        targets.add(anchor.head.i)  # "Earlier this month, Trump hosted Erdogan": the name roots
    current = span.root
    for _ in range(12):
        if current.i in targets:
            return True
        if current.head is current:
            return False
        current = current.head
        if current.i not in targets and current.pos_ in VERB_POS and current.i != span.root.i:
            return False
    return False


def _doing(noun: Token) -> set[int]:
    """The verbs telling an event noun done, whose time is the event's: the verb its doer does it
    with ("in December, U.S. forces carried out a series of airstrikes") and a participle on it
    ("an offensive launched by Puntland forces earlier this month")."""
    if noun.pos_ != "NOUN":
        return set()
    found = {
        c.i
        for c in noun.children
        if c.dep_ == "acl"
        and c.tag_ == "VBN"
        and not any(g.dep_ in {"nsubj", "nsubjpass", "mark"} for g in c.children)
    }  # a reduced relative, not a clause of its own ("the allegation that X was planned")
    doer = doer_verb(noun)
    return found | ({doer.i} if doer is not None else set())


def _occurs(noun: Token) -> bool:
    """An event noun that is the subject of a verb of taking place ("the talks began Monday",
    "the withdrawal was completed on Friday", "the attack took place Tuesday"): that verb's time
    is the event's."""
    if noun.pos_ != "NOUN" or noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = noun.head
    # "took place", not "will take effect": when a measure starts to apply is not when it was taken
    took_place = verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children
    )
    return took_place or verb.lemma_.lower() in OCCURRING_LEMMAS


def _shares_time(verb: Token) -> bool:
    """A participle clause with no conjunction of its own ("..., hitting targets") happens when the
    verb it hangs from does."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ == "mark" for c in verb.children)
    )
