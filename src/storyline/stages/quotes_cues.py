"""Cues, speakers, addressees and channels of quotes, read off the dependency parse.

Reads: spaCy tokens of a parsed Doc. Writes: token and character ranges (never records).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from storyline.stages.syntax import entity_span, pobj_of, span_chars


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lemmas of verbs that report speech (or writing). A cue must be one of these, or "according to".
SPEECH_VERBS: frozenset[str] = _words(
    """say tell add state announce write claim explain insist note argue warn declare tweet post
    remark reply respond answer ask acknowledge admit allege assert comment confirm deny
    emphasize emphasise stress suggest recall report reveal predict promise vow urge continue
    concede complain contend conclude indicate maintain mention observe pledge proclaim
    recount reiterate repeat shout testify underscore joke quip boast accuse charge criticize
    criticise lament estimate disclose opine counter brief inform assure caution demand tout
    describe call term label dub characterize characterise question speculate hint signal
    scoff retort concur clarify affirm contest dispute determine find detail"""
)
#: Of those, the ones whose direct object is the person spoken to ("told The Post").
ADDRESSEE_VERBS: frozenset[str] = _words(
    """tell inform brief assure warn ask remind urge caution advise"""
)
#: Verbs that frame a partial quote as their complement ("describing the attack as '…'").
FRAMING_VERBS: frozenset[str] = _words(
    """describe call term label dub characterize characterise brand"""
)
#: Nouns of a statement whose owner said the clause they carry ("Pakistan's allegation that …").
SPEECH_NOUNS: frozenset[str] = _words(
    """allegation claim accusation assertion charge suggestion argument insistence contention
    assurance warning"""
)
#: Head nouns of a phrase naming the channel a statement was made in.
CHANNEL_NOUNS: frozenset[str] = _words(
    """message post statement interview speech tweet email e-mail letter video broadcast
    conference briefing address op-ed column article podcast release telegram blog posting
    update hearing debate rally appearance program programme show remarks radio television
    newspaper editorial commentary call communique communiqué memo transcript report
    announcement book essay"""
)
CHANNEL_PREPS: frozenset[str] = _words("""in on via during through at""")
PRONOUNS_PERSON: frozenset[str] = _words("""he she him her""")
PRONOUNS_GROUP: frozenset[str] = _words("""it they we""")
_NAME_DEPS = frozenset(["compound", "flat", "amod", "nmod"])
_DASHES = frozenset("-—–")
_CLITICS = frozenset({"'s", "’s"})
_QUANTIFIERS = frozenset({"both", "all", "each", "either", "neither"})  # "figures — both said"
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "QUANTITY", "MONEY", "ORDINAL"})
_GLUE = re.compile(r"^[A-Z][a-z]{3,}(?=[A-Z][a-z])")  # "WeekHun Sen": a glued headline


def is_cue(token: Token) -> bool:
    """A verb of speech (not an auxiliary or a noun such as "remarks")."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma == "point":  # "pointed out that …"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    return lemma in SPEECH_VERBS


def is_according_to(token: Token) -> bool:
    """The "according" of "according to X"."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def according_object(token: Token) -> Token | None:
    """The X of "according to X" (its head noun)."""
    to = token.nbor(1)
    for child in list(to.children) + list(token.children):
        if child.dep_ == "pobj":
            return child
    for child in to.children:
        if child.dep_ != "punct":
            return child
    return to.nbor(1) if to.i + 1 < len(token.doc) else None


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing from "adding"/"saying" to the main verb."""
    subject = _subject_of(verb) or _name_before(verb) or _participle_doer(verb)
    if subject is not None and subject.ent_type_ in _NOT_SPEAKERS:
        # "9:30 p.m. Donald Trump says …", "Saturday Warren said …": a time is not a speaker
        names = [
            t
            for t in verb.doc[subject.i + 1 : verb.i]
            if t.pos_ in ("PROPN", "PRON") and t.ent_type_ not in _NOT_SPEAKERS
        ]
        subject = names[-1] if names else None
    sent = verb.sent
    colons = [t.i for t in sent if t.text == ":" and t.i < verb.i]
    if subject is not None and subject.text.isupper() and len(subject.text) > 2:
        # a dateline ("LONDON (AP) — Donald Trump said …") is no speaker either
        colons += [t.i for t in sent if t.text in _DASHES and subject.i < t.i < verb.i]
    if subject is not None and colons and subject.i < max(colons):
        # a scraped line ("SEE ALSO: …") glued to the sentence: the speaker is the first
        # person or organization named after the last colon
        colons.sort()
        named = [
            t
            for t in verb.doc[colons[-1] + 1 : verb.i]
            if t.ent_type_ in ("PERSON", "ORG") and t.ent_iob_ == "B"
        ]
        if named:
            ent = named[0]
            while ent.i + 1 < verb.i and ent.doc[ent.i + 1].ent_iob_ == "I":
                ent = ent.doc[ent.i + 1]
            return ent
    return subject


def _subject_of(verb: Token) -> Token | None:
    current = _reporting_verb(verb)
    for _ in range(5):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # "…, OH, after winning Ohio, Gov. John Kasich (R-OH) said": the nearest one
            named = [
                c
                for c in subjects
                if c.ent_type_ not in _NOT_SPEAKERS and c.lower_ not in _QUANTIFIERS
            ]
            before = [c for c in named if c.i < current.i]
            child = before[-1] if before else subjects[0]
            if child.dep_ == "nsubjpass":
                return _agent_of(current)
            return child
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head  # "a statement saying that ...": the statement speaks
        if current.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp") and current.head != current:
            current = _reporting_verb(current.head)  # "…, arguing … and warned …"
            continue
        if current.dep_ == "prep" and current.head.pos_ in ("VERB", "AUX"):
            current = current.head  # "distanced himself by saying", "told …, before insisting"
            continue
        break
    return None


def _name_before(verb: Token) -> Token | None:
    """A person's name set off by commas just before a verb the parser left without a subject
    ("Dodik's lawyer, Anto Nobilo, said ...", the name hung on a noun before it): the last word
    of that name."""
    doc = verb.doc
    i = verb.i - 2
    if i < verb.sent.start or doc[verb.i - 1].text != "," or verb.dep_ != "ROOT":
        return None
    name = doc[i]
    return name if name.ent_type_ == "PERSON" and name.pos_ == "PROPN" else None


def _participle_doer(verb: Token) -> Token | None:
    """The subject of the clause a participle set off by a comma goes on from, when the parser
    hung the participle elsewhere ("Sudani was first to share word of the strike, announcing on
    social media that ..."): the last subject before the comma."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return None
    subjects = [
        t
        for t in doc[verb.sent.start : verb.i - 1]
        if t.dep_ == "nsubj" and t.head.i < verb.i and t.ent_type_ not in _NOT_SPEAKERS
    ]
    return subjects[-1] if subjects else None


def _reporting_verb(verb: Token) -> Token:
    """The speech verb a participle goes on from ("Sanders said the process could be messy,
    adding …": "said", not "be"), else the verb itself."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return verb
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return verb  # "while Trump is arguing": a clause of its own
    head = verb.head
    while head.dep_ in ("ccomp", "conj") and head.head != head and not is_cue(head):
        head = head.head
    # the speech verb comes first: a verb after the participle is inside a quote
    if head.i != verb.head.i and is_cue(head) and head.i < verb.i:
        return head
    # "He rejected the idea migration can lead to enrichment, arguing …": after a comma, the
    # participle goes with the sentence's main verb, whatever clause the parser hung it on; a
    # main clause joined by "but" keeps its own ("..., but Biden missed the deadline, citing
    # reasons and announcing …": Biden announces)
    main = _main_clause_of(verb)
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    if after_comma and main is not None and main.i < verb.i and main.pos_ in ("VERB", "AUX"):
        return main
    return verb


def _main_clause_of(verb: Token) -> Token | None:
    """The verb of the main clause above ``verb``: the sentence's root, or a clause joined to
    the root with a subject of its own."""
    root = verb.sent.root
    for head in verb.ancestors:
        if head.i == root.i:
            return head
        if (
            head.dep_ == "conj"
            and head.head.i == root.i
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        ):
            return head
    return None


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" and (obj := pobj_of(child)) is not None:
            return obj
    return None


def name_span(head: Token) -> tuple[int, int]:
    """Character range of the name or noun phrase headed by ``head`` (without appositions or
    relative clauses): the named entity around it, else its compound/modifier chain."""
    doc = head.doc
    if head.ent_type_:
        span = entity_span(head)
        if len(span) > 1 and span[0].lower_ in _CLITICS:
            span = span[1:]  # "Here's Clinton": the tagger took the verb's "'s" in
        return unglue(span[0], span.start_char, span.end_char)
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i > head.i or prev.head.i < start - 1 or prev.is_punct:
            break
        if prev.dep_ not in _NAME_DEPS | {"det", "poss", "case"}:
            break
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat", "compound") and doc[end].head.i == head.i:
        end += 1
    return unglue(doc[start], *span_chars(doc, start, end))


def unglue(first: Token, start: int, end: int) -> tuple[int, int]:
    """Drop a glued headline word from the front of a name: "WeekHun Sen" -> "Hun Sen";
    ``first`` is the name's first token, ``[start, end)`` its character range."""
    glued = _GLUE.match(first.text)
    if glued:
        start += glued.end()
    return start, end


def addressee_of(verb: Token) -> Token | None:
    """The person or body spoken to: "told The Post", "said to reporters"."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if lemma in ADDRESSEE_VERBS and child.dep_ in ("dobj", "dative", "iobj"):
            return child
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and lemma != "according":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                    return obj
    return None


def channel_of(verb: Token, skip: tuple[int, int] = (0, 0)) -> tuple[str, Token] | None:
    """The channel phrase attached to ``verb`` ("in an audio message" -> "audio message"), and
    its head noun; ``skip`` is a character range (the quote content) not to look in."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in CHANNEL_PREPS:
            continue
        if skip[0] <= prep.idx < skip[1]:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() in CHANNEL_NOUNS:
                return channel_text(obj), obj
    return None


def channel_text(noun: Token) -> str:
    """The channel's words: the noun and the modifiers right before it, without determiners
    or dates ("an October 27 social media post" -> "social media post")."""
    doc = noun.doc
    start = noun.i
    while start > 0:
        prev = doc[start - 1]
        if prev.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            break
        if prev.dep_ in ("compound", "amod", "nmod") or (prev.text == "-" and start > 1):
            start -= 1
            continue
        break
    while start < noun.i and doc[start].text == "-":
        start += 1
    return doc[start : noun.i + 1].text
