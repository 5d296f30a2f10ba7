"""The quotes stage: who said what, to whom, through what channel, and when.

Reads: the parse, ``doc._.mentions``/``doc._.entities`` (actors stage), ``doc._.timexes`` (timex
stage), ``doc._.doc_id``, ``doc._.published``. Writes: ``doc._.quotes: list[Quote]``.

Two passes. Direct quotes start from paired quotation marks (``quotes_marks``): a quote that
stands as a clause of its own gets the speech verb next to it as its cue ("…," he said / He
said: "…" / Name: "…" / "…" -Name), or continues the previous quote when no cue is near, or, as a
paragraph of its own right after a sentence telling someone speaking ("Trump spoke only in
evasive bromides during the interview."), is theirs. A
quoted phrase embedded in reported speech (describing X as "…") is a partial quote (``mixed``).
Indirect quotes are the clausal complement of a speech verb ("said that …") or the clause
carrying "according to X". Content offsets exclude the quotation marks and a trailing comma.
Lines opening with a name and a colon ("SANDERS: We need …") are what the named speaker said, and
so are the interviewee's turns of a transcript run into the text ("VOA: …? Armitage: …",
``quotes_transcript``); the interviewer's questions are no quotes.

When it was said: the time expression attached to the cue; else the channel phrase of the sentence
before ("in an October 27 social media post"); a cue going on ("he added") keeps the speaker's
previous date; else the day of a speaking occasion the sentence right before tells of the same
resolved speaker ("as he addressed workers ... on June 14", "in a speech on Monday", "at a news
conference Tuesday"), basis ``text``; else the article's date, basis ``published``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import takewhile

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.records import DateBasis, Quote, QuoteKind, Span, Timex
from storyline.stages import doc_list, ensure_doc_extensions, published_day, stage_guard
from storyline.stages.quotes_cues import (
    CHANNEL_NOUNS,
    FRAMING_VERBS,
    SPEECH_NOUNS,
    according_object,
    addressee_of,
    channel_of,
    is_according_to,
    is_cue,
    name_span,
    subject_of,
)
from storyline.stages.quotes_marks import ALL_MARKS, Covered, Marked, find_marked
from storyline.stages.quotes_speakers import Resolver, Speaker
from storyline.stages.quotes_transcript import transcript_turns
from storyline.stages.syntax import pobj_of, span_chars, token_chars

_DASHES = frozenset("-—–")
_OBJECTS = frozenset({"dobj", "dative"})
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_END_PUNCT = frozenset(".!?")
_DATE_VALUE = re.compile(r"^\d{4}")
_MIN_WORDS_UNCUED = 4
# what may stand between a cue and the quote it opens: 'told reporters on Monday: “…”'
_BETWEEN_DEPS = frozenset(
    str.split("dobj dative pobj prep npadvmod advmod compound det amod nummod poss punct")
)
#: Verbs and nouns that tell the occasion a speaker spoke at ("as he addressed workers on June
#: 14", "in a speech on Monday", "at a news conference Tuesday").
_OCCASION_VERBS = frozenset(
    {
        "address",
        "speak",
        "talk",
        "tell",
        "say",
        "share",
        "deliver",
        "give",
        "brief",
        "remark",
        "attend",
        "testify",
    }
)
_OCCASION_NOUNS = frozenset(
    {
        "speech",
        "address",
        "conference",
        "briefing",
        "interview",
        "rally",
        "ceremony",
        "remarks",
        "session",
        "meeting",
        "gathering",
        "forum",
        "summit",
        "hearing",
        "trial",
        "debate",
    }
)
#: Prepositions that set a statement at a named occasion ("during the hearing", "at the summit").
_AT_OCCASION = frozenset({"during", "at", "in"})
#: Speech acts whose object is what they said ("claimed responsibility for the attack",
#: "denied the allegations", "rejected the allegation that …").
OBJECT_VERBS = frozenset(
    str.split("claim confirm deny announce report detail acknowledge admit reject dismiss")
)
#: Speech acts whose content is what someone is asked to do ("urged Beijing to use …").
URGING_VERBS = frozenset(str.split("urge ask press appeal demand"))
#: Speech acts whose content is the infinitive after them: what someone is told or ordered to do
#: ("told council members to draft regulations"), or what the speaker says they will do
#: ("threatened to break their cease-fire", "vowed to retaliate").
INFINITIVE_VERBS = URGING_VERBS | frozenset(
    str.split("tell order instruct threaten vow pledge promise")
)
#: Speech acts that characterize their object "as" something ("dismissed the findings as
#: controlled by the West", "described the dispute as of key national importance"): the content
#: runs from the object to the end of what it is called.
CHARACTERIZING_VERBS = FRAMING_VERBS | frozenset(str.split("dismiss denounce condemn identify"))
#: Speech acts that charge their object "of" or "for" something ("accused the Taliban of
#: plotting the attack"): the content runs from the object to the end of the charge.
ACCUSING_VERBS = frozenset(str.split("accuse blame"))
ACCUSING_PREPS = frozenset(str.split("of for"))
#: Speech acts whose content follows "for" ("called for his release").
CALLING_VERBS = frozenset(str.split("call appeal press"))
#: Warnings whose content follows "of" or "about" ("warning Washington of severe consequences").
WARNING_VERBS = frozenset(str.split("warn caution"))
WARNING_PREPS = frozenset(str.split("of about against"))
#: Verbs that voice a stance named by their object, whose content follows a preposition on it
#: ("expressed concern about heightened tensions") or is its that-clause ("expressed hope that
#: talks resume").
VOICING_VERBS = frozenset(str.split("express voice"))
STANCE_NOUNS = frozenset(
    str.split(
        "concern concerns alarm worry worries regret dismay outrage hope hopes confidence fear "
        "fears doubt doubts optimism belief skepticism scepticism frustration"
    )
)
STANCE_PREPS = frozenset(str.split("about over at regarding"))
#: Marks that open or close a quotation (not the apostrophe of "experts'").
QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»", "„"})
#: Verbs that are no reporting verb but whose object or complement is what was said.
CONTENT_VERBS = (
    OBJECT_VERBS | VOICING_VERBS | INFINITIVE_VERBS | CHARACTERIZING_VERBS | ACCUSING_VERBS
)
_AT_ONCE = frozenset({"as", "when", "while"})  # a clause telling the moment of the cue
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TIME_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T.*$")
_GOING_ON = frozenset(
    {"add", "continue"}
)  # cues that go on with the previous statement  # a quoted stretch with no cue shorter than this is a scare quote


@dataclass(slots=True)
class _Draft:
    """A quote before its speaker is resolved (internal; holds spaCy tokens)."""

    start: int
    end: int
    kind: QuoteKind
    cue: tuple[int, int] | None
    verb: Token | None  # the cue verb, when the cue is one
    speaker_head: Token | None
    follows: bool = False  # continues the previous quote (same speaker, date, channel)
    named: bool = False  # the speaker head is a name even if the tagger says otherwise


class QuotesStage:
    """spaCy component writing ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_doc_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with stage_guard(doc, "quotes"):
            doc._.quotes = find_quotes(doc)
        return doc


@Language.factory(
    "storyline_quotes",
    requires=["doc._.mentions", "doc._.timexes"],
    assigns=["doc._.quotes"],
)
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    """The quotes stage (no settings)."""
    return QuotesStage(nlp, name)


def find_quotes(doc: Doc) -> list[Quote]:
    """The quotes of a parsed Doc, in text order."""
    ensure_doc_extensions()
    text = doc.text  # Doc.text joins every token on each access: read it once
    marked = [m for m in find_marked(text) if _trim_end(text, m.start, m.end) > m.start]
    quoted = [(m.open, min(m.end + 1, len(text))) for m in marked]
    starts = [t.idx for t in doc]
    drafts, partials = _direct_drafts(doc, text, marked, starts)
    used = {d.verb.i for d in drafts if d.verb is not None}
    indirect = _indirect_drafts(doc, text, quoted, used, drafts)
    for draft, mark in partials:
        if not any(d.start <= mark.start < d.end for d in indirect):
            indirect.append(draft)
    drafts = drafts + indirect
    drafts += _colon_drafts(doc, text, starts, drafts)
    drafts += _transcript_drafts(doc, starts, drafts)
    drafts.sort(key=lambda d: d.start)
    resolver = Resolver(doc, quoted)
    return _records(doc, drafts, resolver)


# --- direct quotes ---------------------------------------------------------------------------


def _token_at(starts: list[int], char: int) -> int:
    return max(bisect_right(starts, char) - 1, 0)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return end


def _direct_drafts(
    doc: Doc, text: str, marked: list[Marked], starts: list[int]
) -> tuple[list[_Draft], list[tuple[_Draft, Marked]]]:
    drafts: list[_Draft] = []
    partials: list[tuple[_Draft, Marked]] = []
    opens = {m.open for m in marked}
    closes = {m.end for m in marked if m.closed}
    for mark in marked:
        end = _trim_end(text, mark.start, mark.end)
        first = _token_at(starts, mark.start)
        last = _token_at(starts, end - 1)
        if first > last or last >= len(doc):
            continue
        inner = doc[first : last + 1]
        standalone, framing = _role_of(inner.start, inner.end, doc)
        words = sum(1 for t in inner if t.is_alpha)
        open_tok = _token_at(starts, mark.open)
        close_tok = _token_at(starts, mark.end) if mark.closed else last
        cue = _cue_near(doc, open_tok, close_tok, opens, closes)
        if cue == "inside":
            continue  # quoted words inside reported speech: the indirect quote holds them
        if (
            not standalone
            and isinstance(cue, tuple)
            and text[mark.end - 1] == ","
            and cue[1] is not None
            and cue[0][0] > mark.end
        ):
            standalone = True  # '“To all the black girls,” Bond said, “…”'
        if not standalone:
            if framing is not None:
                if framing.lemma_.lower() in FRAMING_VERBS:
                    # content: what is described and how ("the attack on Ukraine as '…'")
                    after = [c.left_edge.idx for c in framing.children if c.i > framing.i]
                    partials.append(
                        (
                            _Draft(
                                min([*after, mark.start]),
                                end,
                                "mixed",
                                token_chars(framing),
                                framing,
                                subject_of(framing),
                            ),
                            mark,
                        )
                    )
                continue  # part of the indirect quote of its verb
            if words < 6 or not any(t.pos_ in ("VERB", "AUX") for t in inner):
                continue  # a scare quote or a title, not a quotation
        if isinstance(cue, tuple):
            cue_range, verb, speaker_head = cue
            drafts.append(_Draft(mark.start, end, "direct", cue_range, verb, speaker_head))
            continue
        previous = drafts[-1] if drafts else None
        if previous is not None and _adjacent(doc, previous, mark, starts):
            same_par = "\n" not in text[previous.end : mark.open]
            drafts.append(
                _Draft(
                    mark.start,
                    end,
                    "direct",
                    previous.cue if same_par else None,
                    previous.verb if same_par else None,
                    previous.speaker_head,
                    follows=True,
                )
            )
        elif words >= _MIN_WORDS_UNCUED:
            drafts.append(_Draft(mark.start, end, "direct", None, None, None))
    return drafts, partials


def _role_of(first: int, stop: int, doc: Doc) -> tuple[bool, Token | None]:
    """Whether tokens ``[first, stop)`` form a quotation of their own (they hold a sentence root
    or a clause hanging from a speech verb), else the speech verb they are a partial quote of."""
    exits = [t for t in doc[first:stop] if t.head == t or not first <= t.head.i < stop]
    for token in exits:
        if token.head == token:
            return True, None
        if is_cue(token.head) and token.pos_ in ("VERB", "AUX"):
            # the whole clause must be quoted: 'said Democrats had "put the biggest crack"'
            # is indirect speech with a partial quote
            outside = [t for t in token.subtree if not first <= t.i < stop and t.is_alpha]
            if not outside:
                return True, None
    for token in exits:
        for ancestor in token.ancestors:
            if not first <= ancestor.i < stop and is_cue(ancestor):
                return False, ancestor
    return False, None


def _fragment(
    doc: Doc, index: int, step: int, opens: set[int], closes: set[int], *, limit: int = 30
) -> list[Token]:
    """Tokens from ``index`` in direction ``step`` up to a sentence end, a paragraph break or
    another quote, nearest first."""
    found: list[Token] = []
    i = index
    while 0 <= i < len(doc) and len(found) < limit:
        token = doc[i]
        if token.is_space and "\n" in token.text:
            break
        if step > 0 and token.idx in opens:
            break
        if step < 0 and (token.idx in closes or (token.text in ALL_MARKS and token.idx in opens)):
            break
        if token.text in _END_PUNCT:
            break
        found.append(token)
        i += step
    return found


def _cue_near(
    doc: Doc, open_tok: int, close_tok: int, opens: set[int], closes: set[int]
) -> tuple[tuple[int, int], Token | None, Token | None] | str | None:
    """The cue of a direct quote whose marks are tokens ``open_tok`` and ``close_tok``: its
    range, the verb (if a verb) and the speaker head."""
    before = _fragment(doc, open_tok - 1, -1, opens, closes) or _colon_line(
        doc, open_tok, opens, closes
    )
    before = [t for t in before if not t.is_space]
    after = _fragment(doc, close_tok + 1, 1, opens, closes) if close_tok + 1 < len(doc) else []
    if before and before[0].text == ":":
        verbs = [t for t in before if is_cue(t)]
        if verbs:
            return _verb_cue(verbs[0], before)
        # "Here's Clinton in December 1992: “…”", "… STATES - Michael P. McDonald: “…”"
        line = list(takewhile(lambda t: t.text not in _DASHES, before[1:]))
        names = [t for t in line if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_NAMES]
        if names and len(line) <= 8 and not any(t.pos_ == "VERB" for t in line):
            return token_chars(before[0]), None, names[0]
    if len(before) > 1 and before[0].text in (",", ":") and is_cue(before[1]):
        # 'the Command said, “…”': the verb right before the quote is its cue, not one after
        return _verb_cue(before[1], before)
    for token in after:
        if is_cue(token):
            if any(c.dep_ == "ccomp" and _opens_right_after(c, token) for c in token.children):
                break  # '“…” He said the ministry had assessed …': the verb reports its own
            return _verb_cue(token, after)
        if is_according_to(token):
            if token.i == close_tok + 1 and doc[close_tok - 1].text in _END_PUNCT:
                break  # '“… high.” According to scientists, it is rare …': a sentence of its own
            return (token.idx, token.nbor(1).idx + 2), None, according_object(token)
    if after and after[0].text in _DASHES and len(after) > 1 and after[1].pos_ == "PROPN":
        names = [t for t in after[1:6] if t.pos_ == "PROPN"]
        return token_chars(after[0]), None, names[-1] if names else after[1]
    for k, token in enumerate(before):
        if is_cue(token):
            aside = _participle_aside(token)  # 'Tester said, referring to the excuse, “…”'
            if any(
                t.is_alpha and t.dep_ not in _BETWEEN_DEPS and t.i not in aside for t in before[:k]
            ):
                return "inside"  # 'said that he is in favor because “…”'
            return _verb_cue(token, before)
    return None


def _participle_aside(verb: Token) -> set[int]:
    """The tokens of a participle set off after a cue verb ("said, referring to the excuse,"),
    which stand between it and the quote it introduces without holding that quote."""
    return {
        t.i
        for c in verb.children
        if c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VBG" and c.i > verb.i
        for t in c.subtree
    }


def _colon_line(doc: Doc, open_tok: int, opens: set[int], closes: set[int]) -> list[Token]:
    """The words before a quote that opens a paragraph, when the paragraph before ends in a
    colon ("Cruz continued:\n\n“You look at the questions …”"), nearest first; else none."""
    i = open_tok - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":" or not any("\n" in t.text for t in doc[i + 1 : open_tok]):
        return []
    return _fragment(doc, i, -1, opens, closes)


def _opens_right_after(clause: Token, verb: Token) -> bool:
    """Whether a clause starts right after its verb ("said the ministry …", "said that …"), not
    after a comma ("said, suggesting …")."""
    first = clause.left_edge
    return first.i == verb.i + 1 and not first.is_punct


def _verb_cue(
    verb: Token, fragment: list[Token]
) -> tuple[tuple[int, int], Token | None, Token | None]:
    subject = subject_of(verb)
    inside = {t.i for t in fragment}
    if subject is None or subject.i not in inside:
        # the parser lost the subject across the quote marks (or took a title glued to the
        # paragraph): the nearest name or pronoun next to the verb, before it first
        near = [
            t
            for t in fragment
            if t.pos_ in ("PRON", "PROPN", "NOUN")
            and t.i != verb.i
            and t.dep_ != "pobj"
            # an object is no speaker when the verb has a subject outside the fragment
            # ("Mhlanga, who faces …“…,” denies the charges"; but "…,” wrote one user")
            and not (subject is not None and t.dep_ in _OBJECTS)
        ]
        if near:
            subject = min(near, key=lambda t: (t.i > verb.i, abs(t.i - verb.i)))
            while subject.dep_ in ("compound", "flat") and subject.i < subject.head.i:
                if subject.head.i not in inside or subject.head.pos_ not in ("NOUN", "PROPN"):
                    break
                subject = subject.head  # "asked campaign manager Robby Mook": the name heads
    return token_chars(verb), verb, subject


def _adjacent(doc: Doc, previous: _Draft, mark: Marked, starts: list[int]) -> bool:
    """Whether nothing but the previous quote's own cue clause stands between it and ``mark``."""
    tail = max(previous.end, previous.cue[1] if previous.cue else previous.end)
    if tail > mark.open:
        return False
    cue_sent = doc[_token_at(starts, previous.cue[0])].sent.start if previous.cue else None
    for i in range(_token_at(starts, tail), _token_at(starts, mark.open)):
        token = doc[i]
        if token.idx < tail or not token.is_alpha:
            continue
        if cue_sent is None or token.sent.start != cue_sent:
            return False
    return True


# --- "Name: what they said" lines (headlines, transcripts) ------------------------------------

_LABELS = frozenset(
    str.split(
        "see also|update|updated|watch|read more|related|photo|photos|video|source|note|"
        "editor's note|editor’s note|q|a|breaking|breaking news|exclusive|opinion|analysis|"
        "live|poll|fact check|transcript|caption|credit|warning|correction|disclosure|listen|"
        "read|more|also|image|images|file|pictured|top|bottom|left|right|above|below",
        "|",
    )
)
_NAME_LINKS = frozenset({"of", "the", "de", "van", "von", "al", "bin", "and", "for"})
_LINE = re.compile(r"[^\n]+")
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _colon_drafts(doc: Doc, text: str, starts: list[int], taken: list[_Draft]) -> list[_Draft]:
    """Lines opening with a name and a colon ("Trump: Clinton email scandal disqualifies her",
    "SANDERS: We need …"): the rest of the line is what the named speaker said."""
    found = []
    for line in _LINE.finditer(text):
        colon = text.find(":", line.start(), line.end())
        lead = text[line.start() : colon].strip()
        if colon < 0 or not lead or len(lead.split()) > 6 or lead.lower() in _LABELS:
            continue
        start, end = (
            line.start()
            + len(text[line.start() : colon])
            - len(text[line.start() : colon].lstrip()),
            colon,
        )
        content_start = colon + 1
        while content_start < line.end() and text[content_start] in " \t“\"‘'":
            content_start += 1
        content_end = _trim_end(text, content_start, line.end())
        while content_end > content_start and text[content_end - 1] in "”\"’'":
            content_end -= 1
        if len(text[content_start:content_end].split()) < 3:
            continue
        if any(d.start < content_end and content_start < d.end for d in taken):
            continue
        names = [
            doc[i]
            for i in range(_token_at(starts, start), _token_at(starts, end - 1) + 1)
            if doc[i].idx < end
        ]
        # a name: capitalized words (the tagger often calls a line-initial name a noun)
        words = [t for t in names if t.is_alpha]
        if not words or not all(t.text[0].isupper() or t.lower_ in _NAME_LINKS for t in words):
            continue
        propn = [t for t in words if t.text[0].isupper()]
        if not propn or any(t.pos_ in ("AUX", "PRON") for t in names):
            continue
        colon_tok = doc[_token_at(starts, colon)]
        kind: QuoteKind = "direct" if text[colon + 1 : content_start].strip() else "indirect"
        cue = token_chars(colon_tok)
        found.append(_Draft(content_start, content_end, kind, cue, None, propn[-1], named=True))
    return found


def _transcript_drafts(doc: Doc, starts: list[int], taken: list[_Draft]) -> list[_Draft]:
    """The interviewee's turns of an interview transcript run into the text ("VOA: ...?
    Armitage: ..."), each a direct quote of the person its label names (``quotes_transcript``);
    the interviewer's questions are no quotes."""
    found = []
    for turn in transcript_turns(doc.text):
        colon = doc[_token_at(starts, turn.colon)]
        cue = token_chars(colon)
        if turn.asks or any(d.cue == cue for d in taken):
            continue  # a question; a line "SANDERS: We need …" found already
        name = doc[_token_at(starts, turn.name_end - 1)]
        found.append(_Draft(turn.start, turn.end, "direct", cue, None, name, named=True))
    return found


# --- indirect quotes -------------------------------------------------------------------------


def _indirect_drafts(
    doc: Doc, text: str, quoted: list[tuple[int, int]], used: set[int], direct: list[_Draft]
) -> list[_Draft]:
    drafts: list[_Draft] = []

    inside_quote = Covered(quoted)
    taken = [(d.start, d.end) for d in direct]
    for token in doc:
        if token.i in used or token.idx in inside_quote:
            continue
        if is_according_to(token):
            found = _according_draft(doc, token)
        elif is_cue(token) or token.lemma_.lower() in CONTENT_VERBS:
            found = (
                _clause_draft(doc, text, token)
                or _aside_draft(doc, text, token)
                or _object_draft(doc, text, token)
            )
        elif token.lemma_.lower() in _ARGUING_VERBS:
            found = _argued_draft(doc, token)
        else:
            continue
        if found is None:
            continue
        if any(s < found.end and found.start < e for s, e in taken):
            continue
        if any(found.start <= s < found.end for s, _ in quoted):
            found.kind = "mixed"
        taken.append((found.start, found.end))
        drafts.append(found)
    for token in doc:  # "Trump's claim that … was debunked", when no one reports it
        owned = _owned_claim(doc, token) if token.pos_ == "NOUN" else None
        if owned is None or token.idx in inside_quote:
            continue
        if any(s < owned.end and owned.start < e for s, e in taken):
            continue
        taken.append((owned.start, owned.end))
        drafts.append(owned)
    return drafts


#: Marks that set another speaker's report against the first ("..., while Omarov's lawyer said").
_CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})


def _clause_draft(doc: Doc, text: str, verb: Token) -> _Draft | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    clause = max(clauses, key=lambda c: len(list(c.subtree)))
    stop = clause.right_edge.i + 1
    for child in clause.rights:
        # ", conceding the race": what the speaker did next, not what was said
        if child.dep_ == "advcl" and child.tag_ == "VBG" and doc[child.left_edge.i - 1].text == ",":
            stop = min(stop, child.left_edge.i)
    for token in clause.subtree:
        # "... said the evidence was circumstantial, while Omarov's lawyer said ...": another
        # speaker's report is a quote of its own
        if (
            token.dep_ == "advcl"
            and token.i > clause.i
            and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in token.children)
            and is_cue(token)
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            stop = min(stop, token.left_edge.i)
    first = clause.left_edge.i
    for child in clause.lefts:
        # "Although Mauritius has said …, they give India a foothold, say analysts": another
        # report in front is no part of this one
        if child.dep_ == "advcl" and any(is_cue(t) and _has_subject(t) for t in child.subtree):
            first = max(first, child.right_edge.i + 1)
    start, end = _trimmed(doc, first, stop)
    # reported speech stays in the cue's paragraph, whatever the parser joined
    start = max(start, text.rfind("\n", 0, verb.idx) + 1)
    stop = text.find("\n", verb.idx)
    end = min(end, stop if stop >= 0 else len(text))
    end = _trim_end(text, start, end)
    if end <= start:
        return None
    return _Draft(start, end, "indirect", token_chars(verb), verb, subject_of(verb))


def _aside_draft(doc: Doc, text: str, verb: Token) -> _Draft | None:
    """What a speech verb set off as an aside reports: the clause it interrupts or closes
    ("This, he says, would enable …", "Zamora's health was better, Gallagher said, but now …").
    The content is the host clause without the aside, up to a clause of its own joined after
    the aside ("but now his legal team is concerned"); it spans the aside when the host goes on
    past it."""
    if verb.dep_ != "parataxis" or not is_cue(verb) or subject_of(verb) is None:
        return None
    host = verb.head
    if host.dep_ in {"aux", "auxpass"}:
        host = host.head  # "These employees, Stumpf said, were well paid": hung on "were"
    aside = (verb.left_edge.i, verb.right_edge.i)
    stop = host.right_edge.i + 1
    for child in host.rights:
        if child.i > aside[1] and child.dep_ == "conj" and _has_subject(child):
            cc = [c.i for c in host.rights if c.dep_ == "cc" and aside[1] < c.i < child.i]
            stop = min(stop, min(cc, default=child.left_edge.i))
    before = _trimmed(doc, host.left_edge.i, aside[0])
    after = _trimmed(doc, aside[1] + 1, stop)
    if before == (0, 0) and after == (0, 0):
        return None
    if after == (0, 0):
        return _paragraph_draft(text, verb, *before)
    return _paragraph_draft(text, verb, before[0] if before != (0, 0) else after[0], after[1])


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _paragraph_draft(text: str, verb: Token, start: int, end: int) -> _Draft | None:
    """The indirect quote of characters ``[start, end)``, kept in the cue's paragraph."""
    start = max(start, text.rfind("\n", 0, verb.idx) + 1)
    stop = text.find("\n", verb.idx)
    end = _trim_end(text, start, min(end, stop if stop >= 0 else len(text)))
    if end <= start:
        return None
    return _Draft(start, end, "indirect", token_chars(verb), verb, subject_of(verb))


def _object_draft(doc: Doc, text: str, verb: Token) -> _Draft | None:
    """What a speech act with no clause said, from its object: "claimed responsibility for the
    attack", "confirmed al-Rufay'i's killing", "rejected the allegation that …", "called for
    his release", "urged Beijing to use its influence", "called on nations to act", "warned
    Washington of severe consequences", "expressed concern about heightened tensions", "told
    council members to draft regulations", "threatened to break the cease-fire", "dismissed the
    findings as controlled by the West", "accused the Taliban of plotting the attack"."""
    if verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "relcl"):
        return None
    lemma = verb.lemma_.lower()
    content: Token | None = None
    asks_infinitive = lemma in INFINITIVE_VERBS or (
        lemma in CALLING_VERBS and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)
    )
    framed = _framed_content(verb, lemma)
    if framed is not None:
        return _span_draft(doc, text, verb, *framed)
    for child in verb.children:
        if child.dep_ == "xcomp" and asks_infinitive:
            content = child  # "urged Beijing to use its influence", "called on nations to act"
        elif child.dep_ == "prep" and child.lower_ == "for" and lemma in CALLING_VERBS:
            obj = pobj_of(child)
            content = obj if obj is not None else content
        elif child.dep_ == "dobj" and lemma in OBJECT_VERBS and content is None:
            content = child
        elif content is None:
            content = _prep_content(lemma, child)
    if content is None or content.pos_ in ("PRON", "PROPN") or len(list(content.subtree)) < 2:
        return None
    owned = _owned_claim(doc, content)
    if owned is not None:
        return owned
    return _span_draft(doc, text, verb, content.left_edge.i, content.right_edge.i + 1)


def _span_draft(doc: Doc, text: str, verb: Token, first: int, stop_token: int) -> _Draft | None:
    """The indirect quote of tokens ``[first, stop_token)`` after ``verb``, kept in its
    paragraph."""
    start, end = _trimmed(doc, first, stop_token)
    if start < verb.idx:
        return None
    return _paragraph_draft(text, verb, start, end)


def _as_clause(token: Token) -> bool:
    """ "as controlled and directed by the West": a clause opened by "as"."""
    return token.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "as" for m in token.children
    )


def _framed_content(verb: Token, lemma: str) -> tuple[int, int] | None:
    """The tokens of what a characterizing or accusing speech act says: its object and what the
    object is called or charged with ("dismissed the findings as controlled by the West",
    "accused the Taliban of plotting the attack"); None without both."""
    if lemma in CHARACTERIZING_VERBS:
        wanted = {"as"}
    elif lemma in ACCUSING_VERBS:
        wanted = set(ACCUSING_PREPS)
    else:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    if not objects:
        return None
    # "as" may hang on the object: "dismissed [the findings as controlled by the West]"
    frames = [
        c
        for c in [*verb.children, *objects[0].children]
        if (c.dep_ == "prep" and c.lower_ in wanted)
        or ("as" in wanted and (c.dep_ == "oprd" or _as_clause(c)))
    ]
    frames = sorted((c for c in frames if c.i > objects[0].i), key=lambda c: c.i)
    if not frames:
        return None
    doc = verb.doc
    span = doc[objects[0].left_edge.i : frames[-1].right_edge.i + 1]
    if any(t.text in QUOTE_MARKS for t in span):
        return None  # words in quotation marks: a partial quote the direct drafts frame
    return objects[0].left_edge.i, frames[-1].right_edge.i + 1


def _prep_content(lemma: str, child: Token) -> Token | None:
    """What a warning or a voiced concern is about: "warning Washington of severe consequences",
    "expressed concern about heightened tensions", "expressed hope that talks resume"; else
    None."""
    if lemma in WARNING_VERBS and child.dep_ == "prep" and child.lower_ in WARNING_PREPS:
        return pobj_of(child)
    if lemma in VOICING_VERBS and child.dep_ == "dobj" and child.lower_ in STANCE_NOUNS:
        for part in child.children:
            if part.dep_ == "prep" and part.lower_ in STANCE_PREPS:
                return pobj_of(part)
            if part.dep_ in ("acl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in part.children
            ):
                return part  # "expressed hope that economic cooperation could resume"
    return None


#: Verbs and nouns of an argument made, whose "that" clause is what the verb's subject said: "made
#: the case that this was a few bad apples".
_ARGUING_VERBS = frozenset({"make", "press"})
_ARGUMENT_NOUNS = frozenset({"case", "argument", "point", "claim"})


def _argued_draft(doc: Doc, verb: Token) -> _Draft | None:
    """ "Stumpf tried to make the case that this was a few bad apples": the clause of the
    argument a verb makes, said by the verb's subject (the cue: the verb and its noun)."""
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        clause = _that_clause(noun) if noun.lemma_.lower() in _ARGUMENT_NOUNS else None
        if clause is None:
            continue
        start, end = _trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1)
        if end <= start:
            return None
        cue = (verb.idx, noun.idx + len(noun.text))
        return _Draft(start, end, "indirect", cue, verb, subject_of(verb))
    return None


def _that_clause(noun: Token) -> Token | None:
    """The "that" clause a noun of saying holds ("the allegation that ...", "the case that")."""
    return next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def _owned_claim(doc: Doc, noun: Token) -> _Draft | None:
    """The clause of a speech noun its owner said ("rejected Pakistan's allegation that the
    attack was planned from Afghan soil": Pakistan alleged it), else None."""
    if noun.lemma_.lower() not in SPEECH_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    clause = _that_clause(noun)
    if owner is None or clause is None:
        return None
    start, end = _trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1)
    if end <= start:
        return None
    return _Draft(start, end, "indirect", token_chars(noun), None, owner)


def _according_draft(doc: Doc, token: Token) -> _Draft | None:
    head = token.head
    if is_cue(head):
        return None  # "X said …, according to a transcript": X's quote already covers it
    sent = token.sent
    to = token.nbor(1)
    phrase_end = max(to.right_edge.i, token.right_edge.i) + 1
    if token.i - sent.start <= 1:
        start, end = _trimmed(doc, phrase_end, sent.end)
    elif _set_off(doc, token.i, phrase_end) and _trimmed(doc, phrase_end, sent.end) != (0, 0):
        # "The plan, according to the minister, would cost billions": the sentence around it
        start, end = _trimmed(doc, sent.start, sent.end)
    else:
        start, end = _trimmed(doc, sent.start, token.i)
    if end <= start:
        return None
    cue = (token.idx, to.idx + len(to))
    return _Draft(start, end, "indirect", cue, None, according_object(token))


def _set_off(doc: Doc, first: int, stop: int) -> bool:
    """Whether tokens ``[first, stop)`` stand between commas, as an aside."""
    return doc[first - 1].text == "," and stop < len(doc) and doc[stop].text == ","


def _trimmed(doc: Doc, first: int, stop: int) -> tuple[int, int]:
    """Character range of tokens ``[first, stop)`` without edge punctuation and spaces."""
    while first < stop and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while stop > first and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    if stop <= first:
        return 0, 0
    return span_chars(doc, first, stop)


# --- records ---------------------------------------------------------------------------------


def _records(doc: Doc, drafts: list[_Draft], resolver: Resolver) -> list[Quote]:
    doc_id = str(doc._.doc_id or "")
    published = published_day(doc)
    timexes: list[Timex] = doc_list(doc, "timexes")
    text = resolver.text
    quotes: list[Quote] = []
    previous: Quote | None = None
    previous_speaker: Speaker | None = None
    seen: set[int] = set()
    resolved: dict[int, Speaker] = {}  # by speaker head token: "he said, adding that …"
    told_on: dict[str, str] = {}  # speaker -> the day the text gave their last dated words
    occasions = _occasion_days(doc, timexes, resolver)
    for draft in drafts:
        if draft.start in seen:
            continue
        seen.add(draft.start)
        content = Span(draft.start, draft.end, text[draft.start : draft.end])
        if previous is not None and _carries_on(doc, text, draft, previous):
            draft.follows = True  # a paragraph quoting on, with no cue of its own
        if draft.follows and previous is not None:
            cue = (
                Span(draft.cue[0], draft.cue[1], text[draft.cue[0] : draft.cue[1]])
                if (draft.cue)
                else None
            )
            quote = replace(
                previous,
                id=f"{doc_id}:Q{draft.start}",
                start=content.start,
                end=content.end,
                text=content.text,
                kind=draft.kind,
                cue=cue,
            )
            quotes.append(quote)
            previous = quote
            continue
        if draft.kind == "direct" and draft.cue is None and draft.speaker_head is None:
            draft.speaker_head = _introducer(doc, text, draft)  # "Trump spoke …. “We have to …”"
        stop = previous.cue.start if previous is not None and previous.cue else None
        speaker = None
        if draft.speaker_head is not None:
            key = draft.speaker_head.i
            if key not in resolved:
                resolved[key] = resolver.resolve(
                    draft.speaker_head, previous_speaker, stop, as_name=draft.named
                )
            speaker = resolved[key]
        cue = (
            Span(draft.cue[0], draft.cue[1], text[draft.cue[0] : draft.cue[1]])
            if draft.cue
            else None
        )
        addressee = _addressee(draft.verb, resolver) if draft.verb is not None else None
        channel, date, basis = _channel_and_date(doc, draft, speaker, resolver, timexes)
        if (
            date is None
            and draft.verb is not None
            and draft.verb.lemma_.lower() in _GOING_ON
            and previous is not None
            and speaker is not None
            and previous.speaker == speaker.name
        ):
            # "he added": the same occasion as the speaker's previous quote
            date, basis = previous.date, previous.date_basis
            channel = channel or previous.channel
        if date is None and draft.verb is not None and speaker is not None:
            date = _occasion_date(doc, draft, speaker, resolver, timexes)
            basis = "text" if date else None
        if date is None and draft.verb is not None:
            # "During the hearing, the judge said": the day the text gave that occasion
            date = _named_occasion(draft.verb, occasions)
            basis = "text" if date else None
        if date is None and speaker is not None and speaker.name in told_on:
            # the speaker's words the text dated before, with no day of their own: the same
            # occasion ("Trump said Wednesday in an interview ... “We have to ...”")
            date, basis = told_on[speaker.name], "context"
        if date is not None:
            date = _TIME_OF_DAY.sub(r"\1", date)  # said "Wednesday night": the day it was said
        if date is None and published:  # the article date stands in: basis "published"
            date, basis = published, "published"
        quote = Quote(
            id=f"{doc_id}:Q{draft.start}",
            doc_id=doc_id,
            start=content.start,
            end=content.end,
            text=content.text,
            kind=draft.kind,
            cue=cue,
            speaker=speaker.name if speaker else None,
            speaker_entity_id=speaker.entity_id if speaker else None,
            speaker_start=speaker.start if speaker else None,
            speaker_end=speaker.end if speaker else None,
            addressee=addressee,
            channel=channel,
            date=date,
            date_basis=basis if date else None,
        )
        quotes.append(quote)
        previous = quote
        if speaker is not None and speaker.name is not None and basis == "text" and date:
            # only a day names one occasion ("earlier this month" may be any of several)
            if _DAY_VALUE.match(date):
                told_on[speaker.name] = date
            else:
                told_on.pop(speaker.name, None)
        if speaker is not None and speaker.name is not None:
            previous_speaker = speaker
    return quotes


#: Verbs of a sentence that introduces the quoted paragraph after it: "Trump spoke only in
#: evasive bromides during the interview.\n\n“We have to do something …”".
_INTRODUCING = frozenset({"speak", "talk", "testify", "explain", "argue", "insist", "continue"})


def _introducer(doc: Doc, text: str, draft: _Draft) -> Token | None:
    """The subject of the sentence right before a quoted paragraph with no cue, when that
    sentence tells them speaking (``_INTRODUCING``) and a name is its subject."""
    first = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if first is None or len(first) == 0 or first[0].sent.start == 0:
        return None
    before = doc[first[0].sent.start - 1].sent
    if text[before.end_char : draft.start].strip(' \n\t"“”') != "":
        return None  # something stands between: not right after it
    verbs = [t for t in before if t.lemma_.lower() in _INTRODUCING and t.pos_ == "VERB"]
    subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
    return next((c for c in subjects if c.ent_type_ in ("PERSON", "ORG")), None)


def _carries_on(doc: Doc, text: str, draft: _Draft, previous: Quote) -> bool:
    """Whether a direct quote with no cue goes on with the quote right before it, nothing but
    the rest of that quote's sentence, spaces and punctuation between them ("Carter said that
    …, but this would not happen.\n\n“That's because …”")."""
    if draft.kind != "direct" or draft.cue is not None or draft.speaker_head is not None:
        return False
    if previous.speaker is None:
        return False
    tail = max(previous.end, previous.cue.end if previous.cue else previous.end)
    last = doc.char_span(tail - 1, tail, alignment_mode="expand")
    if last is not None and len(last) > 0:
        tail = max(tail, last[0].sent.end_char)
    return tail <= draft.start and not any(c.isalnum() for c in text[tail : draft.start])


def _addressee(verb: Token, resolver: Resolver) -> str | None:
    target = addressee_of(verb)
    if target is None or target.pos_ == "PRON":
        return None
    start, end = name_span(target)
    first = verb.doc[target.left_edge.i]
    if first.lower_ == "the" and first.idx < start and first.head == target:
        start = first.idx  # "told The Post"
    text = resolver.text[start:end]
    ref = resolver.ref_at(*token_chars(target))
    if ref is not None and ref.entity_id is not None and len(ref.name) > len(text):
        return ref.name  # the canonical name says more than the text
    return text


def _channel_and_date(
    doc: Doc, draft: _Draft, speaker: Speaker | None, resolver: Resolver, timexes: list[Timex]
) -> tuple[str | None, str | None, DateBasis | None]:
    """The channel ("audio message") and the date said, from the cue's sentence, else from the
    sentence before when it tells how the same speaker made the statement."""
    if draft.cue is None:
        return None, None, None
    cue_token = doc.char_span(draft.cue[0], draft.cue[1], alignment_mode="expand")
    if cue_token is None or len(cue_token) == 0:
        return None, None, None
    sent = cue_token[0].sent
    channel = None
    if draft.verb is not None:
        found = channel_of(draft.verb, (draft.start, draft.end))
        channel = found[0] if found else None
    date = _date_in(timexes, sent.start_char, sent.end_char, (draft.start, draft.end), draft.cue)
    if date is not None and draft.verb is not None:
        date = _attached_date(doc, timexes, draft)
    first = doc.char_span(min(draft.start, draft.cue[0]), draft.cue[1], alignment_mode="expand")
    first_sent = first[0].sent if first is not None and len(first) else sent
    if channel is None and draft.verb is not None and first_sent.start > 0 and speaker:
        before = doc[first_sent.start - 1].sent
        for token in before:
            if resolver.in_quote(token.idx) or token.pos_ != "VERB":
                continue
            found = channel_of(token)
            subject = subject_of(token)
            if found is None or subject is None:
                continue
            if resolver.resolve(subject, speaker, None).name == speaker.name:
                channel = found[0]
                noun = found[1]
                phrase = list(noun.subtree)
                date = date or _date_in(
                    timexes, phrase[0].idx, noun.idx + len(noun), (0, 0), draft.cue
                )
                break
    if date is None:
        return channel, None, None
    return channel, date, "text"


def _occasion_date(
    doc: Doc, draft: _Draft, speaker: Speaker, resolver: Resolver, timexes: list[Timex]
) -> str | None:
    """The day of the occasion the sentence before a quote tells, when the quote's own sentence
    has no date: "The premier shared his thoughts as he addressed workers ... on June 14. 'I do
    not believe ...,' he said." dates the quote June 14.

    The sentence before must describe the same resolved speaker at a speaking occasion (a verb
    such as "addressed", "spoke", or a noun such as "speech", "news conference" on the date's
    path) with a day-level date attached to that clause, outside any quote.
    """
    assert draft.cue is not None
    first = doc.char_span(min(draft.start, draft.cue[0]), draft.cue[1], alignment_mode="expand")
    if first is None or len(first) == 0 or first[0].sent.start == 0 or speaker.name is None:
        return None
    before = doc[first[0].sent.start - 1].sent
    for timex in timexes:
        if not (before.start_char <= timex.start and timex.end <= before.end_char):
            continue
        if timex.type not in ("DATE", "TIME") or not _DAY_VALUE.match(timex.value):
            continue
        if resolver.in_quote(timex.start):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        occasion = False
        verb: Token | None = None
        for ancestor in span.root.ancestors:
            if ancestor.pos_ in ("NOUN", "PROPN") and ancestor.lemma_.lower() in _OCCASION_NOUNS:
                occasion = True
            if ancestor.pos_ in ("VERB", "AUX"):
                verb = ancestor
                break
        if verb is None:
            continue
        occasion = occasion or verb.lemma_.lower() in _OCCASION_VERBS
        if not occasion:
            continue
        subject = subject_of(verb)
        if subject is None:
            continue
        if resolver.resolve(subject, speaker, None).name == speaker.name:
            return timex.value
    return None


def _attached_date(doc: Doc, timexes: list[Timex], draft: _Draft) -> str | None:
    """The date of the nearest time expression that modifies the cue verb (or the verb it
    hangs from): "told VOA Khmer late Wednesday", not "prime minister since 1985"."""
    assert draft.verb is not None
    verbs = {draft.verb.i}
    current = draft.verb
    while current.dep_ in ("advcl", "xcomp", "conj") and current.head != current:
        current = current.head
        verbs.add(current.i)
    found = []
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or draft.start <= timex.start < draft.end:
            continue
        if timex.type not in ("DATE", "TIME") or not _DATE_VALUE.match(timex.value):
            continue
        if _dates_a_thing(span.root):
            continue
        clause = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None and (clause.i in verbs or _same_occasion(clause, verbs)):
            found.append(timex)
    if not found:
        return None
    cue = draft.verb.idx
    return min(found, key=lambda t: abs(t.start - cue)).value


def _occasion_days(doc: Doc, timexes: list[Timex], resolver: Resolver) -> dict[str, str]:
    """The day the text first gives each occasion noun ("attended the hearing on Monday",
    "Monday's briefing"): lemma -> TIMEX3 day, outside quotes."""
    days: dict[str, str] = {}
    for timex in timexes:
        if not _DAY_VALUE.match(timex.value) or resolver.in_quote(timex.start):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        for ancestor in span.root.ancestors:
            nouns = [ancestor] if ancestor.pos_ == "NOUN" else []
            if ancestor.pos_ in ("VERB", "AUX"):
                nouns = [c for c in ancestor.children if c.dep_ in ("dobj", "nsubj")]
            for noun in nouns:
                if noun.lemma_.lower() in _OCCASION_NOUNS:
                    days.setdefault(noun.lemma_.lower(), timex.value)
            if ancestor.pos_ in ("VERB", "AUX"):
                break
    return days


def _named_occasion(verb: Token, days: dict[str, str]) -> str | None:
    """The day of an occasion the cue is set at ("During the hearing, the judge said"), when
    the text dated that occasion before."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _AT_OCCASION:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in days:
                return days[noun.lemma_.lower()]
    return None


def _dates_a_thing(root: Token) -> bool:
    """Whether a time expression dates a thing, not the telling: "Despite September's delivery
    of the S-400s, Washington ... indicating" (a channel or occasion may be dated: "in a
    September email", "at Monday's briefing")."""
    head = root.head
    return (
        root.dep_ in ("poss", "compound", "amod", "nmod")
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in CHANNEL_NOUNS | _OCCASION_NOUNS
    )


def _same_occasion(clause: Token, verbs: set[int]) -> bool:
    """Whether a clause tells the moment of the cue: "told a news channel as he declared the
    operation over Wednesday night"."""
    return (
        clause.dep_ == "advcl"
        and clause.head.i in verbs
        and any(c.dep_ == "mark" and c.lower_ in _AT_ONCE for c in clause.children)
    )


def _date_in(
    timexes: list[Timex], start: int, end: int, skip: tuple[int, int], cue: tuple[int, int]
) -> str | None:
    found = [
        t
        for t in timexes
        if start <= t.start
        and t.end <= end
        and not (skip[0] <= t.start < skip[1])
        and t.type in ("DATE", "TIME")
        and _DATE_VALUE.match(t.value)
    ]
    if not found:
        return None
    nearest = min(found, key=lambda t: min(abs(t.start - cue[1]), abs(cue[0] - t.end)))
    return nearest.value
