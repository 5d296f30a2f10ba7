"""The clause helpers the events stage's modules share: subjects, agents, objects, reporting verbs.

Reads: the parse of a sentence (``token.dep_``, ``token.head``, lemmas, tags). Writes nothing. The
helpers all stages share (token ranges, the entity a token is in) are in :mod:`storyline.stages.syntax`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "csubj"})
#: who, which, that as a relative clause's subject
RELATIVES = frozenset({"WP", "WDT"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
#: Dependents that give a participle a clause of its own: a conjunction or a subject.
ADJUNCT_BREAKERS = frozenset({"mark", *SUBJECTS, *PASSIVE_SUBJECTS})
#: Verbs that tell what someone said or thinks; the trigger in their complement is told.
REPORT_VERBS = frozenset(
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
        "tweet",  # "Coulter tweeted that Trump should deport Haley"
    }
)
#: Verbs whose subject receives what their object names ("received assistance from the US").
RECEIVE_VERBS = frozenset({"receive", "get", "obtain", "accept"})
#: Verbs whose subject does what their event-noun object names: "led talks", "hosted a summit",
#: "claimed the killing of 33 militants".
DOER_VERBS = frozenset(
    {
        "lead",
        "host",
        "chair",
        "co-host",
        "cohost",
        "co-chair",
        "spearhead",
        "carry",
        "conduct",
        "hold",
        "launch",
        "stage",
        "mount",
        "wage",
        "perpetrate",
        "commit",
        "orchestrate",
        "execute",
        "undertake",
        "claim",
    }
)
#: Verbs of owning up: "claimed responsibility for the attack" names who attacked.
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "admit", "bear"})
#: Nouns that measure an event noun out: "eight hours of talks", "a wave of strikes".
MEASURE_NOUNS = frozenset(
    {"hour", "day", "week", "month", "round", "series", "wave", "spate", "string", "year"}
)
#: Prepositions that also open clauses ("before a court granted ..."), whose object the parse
#: may take for the clause's subject.
CLAUSE_PREPS = frozenset({"before", "after", "until", "since"})
#: Nouns of intent whose infinitive is done by the one who has the intent ("efforts to build").
INTENTION_NOUNS = frozenset(str.split("effort plan bid attempt push move decision drive campaign"))
#: Nouns of a text someone files, sends or issues, whose participle says what its author does:
#: "filed a motion asking the judge to unseal", "sent a letter urging the FBI".
WRITING_NOUNS = frozenset(
    str.split("letter motion petition lawsuit suit complaint brief filing paper papers memo bill")
)
#: Verbs that carry an intention noun without an event of their own: "stepped up efforts to".
INTENT_CARRIERS = frozenset(
    str.split(
        "step make redouble intensify lead continue announce unveil pursue begin start launch "
        "undertake renew boost increase accelerate expand mount move press push spearhead join"
    )
)
#: The conjunctions of a condition set on an act: "if Ankara activates it", "unless Canada
#: drops them".
SET_CONDITIONS = frozenset({"if", "unless"})
#: Tags of a finite verb (past, present): one that can head a clause of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: The dependencies a verb's subject is inherited through (xcomp, conj, ...), up to the verb.
_INHERITED = frozenset({"xcomp", "conj", "acomp", "pcomp"})


def is_verb(token: Token) -> bool:
    """A verb, or an auxiliary that is the root of its sentence."""
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT")


def governing(token: Token) -> Token | None:
    """The verb a complement clause ("agreed to meet") hangs from, else None. A participle
    clause opening the sentence ("Rebutting the claim, Balkhi said ...") is no content of the
    verb it leads to but an act of its own. A verb joined by "and" to a complement is part of it
    ("called on the parties to reduce hostilities and resume talks")."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i and is_verb(first.head):
        first = first.head
    if first.i != token.i:
        return governing(first)
    if token.dep_ not in {"xcomp", "ccomp", "advcl"} or token.head.i == token.i:
        return None
    if token.dep_ == "advcl" and token.i < token.head.i and token.tag_ in {"VBG", "VBN"}:
        return None
    if token.lower_ == "visiting" and token.i == token.head.i + 1:
        return None  # "assured visiting Foreign Minister Payne": the visitor's attribute
    if participle_adjunct(token) and token.doc[token.i - 1].text == ",":
        return None  # "rejected the offer, accusing the government of ...": an act of its own
    return token.head


def charged(token: Token) -> Token | None:
    """The verb whose "of" phrase a gerund is ("accused the bloc of failing"), else None."""
    return _gerund_of(token, "of")


def prevented(token: Token) -> Token | None:
    """The verb whose "from" phrase a gerund is ("prevented the diplomats from contacting"),
    else None."""
    return _gerund_of(token, "from")


def _gerund_of(token: Token, prep: str) -> Token | None:
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ == prep:
        return token.head.head
    return None


def prefixed(token: Token) -> Token:
    """The first token of a verb written with a split prefix: "co-sponsoring" -> "co"."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in {"co", "re"}:
        return doc[token.i - 2]
    return token


def objects_deep(token: Token) -> Iterator[Token]:
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


def text_of(doc: Doc, start: int, end: int) -> str:
    """The text of a token-aligned character range (``doc.text`` rebuilds the whole text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text if span is not None else ""


def _own_subject(verb: Token, through_xcomp: bool) -> tuple[Token | None, bool] | None:
    """The subject a verb has itself (and whether it is passive), else None."""
    for child in verb.children:
        if child.dep_ in SUBJECTS and verb.dep_ == "relcl" and child.tag_ in RELATIVES:
            return verb.head, False  # "six militants who attacked": the militants
        if child.dep_ in SUBJECTS:
            return _after_label(child), False
        if child.dep_ in PASSIVE_SUBJECTS:
            # "X were supposed to sign": X signs; only the verb's own passive subject is its
            # target; "Porras, who was sanctioned by the EU": the antecedent is
            relative = verb.dep_ == "relcl" and child.tag_ in RELATIVES
            return (verb.head if relative else child), not through_xcomp
    return None


def _shares_subject(verb: Token, seen: int) -> bool:
    """A verb whose subject is its head's: a participle with no conjunction of its own ("...,
    providing $5 billion in assistance"), or a preposition's clause ("joined ... in
    co-sponsoring": the joiner co-sponsors)."""
    if participle_adjunct(verb):
        return True
    return verb.pos_ == "ADP" and verb.dep_ == "prep" and seen > 1


def participle_adjunct(verb: Token) -> bool:
    """A participle adjunct with no conjunction and no subject of its own ("..., providing $5
    billion in assistance", "..., deepening security ties"): its subject and modality are its
    clause's."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ADJUNCT_BREAKERS for c in verb.children)
    )


def clause_taken_for_a_name(verb: Token) -> tuple[Token, Token] | None:
    """The doer and the one done to of a clause the parser took for a name ("Trump hosted
    Erdogan in the White House": "hosted" a modifier of "Erdogan", the sentence's root, and
    "Trump" a modifier of it): a participle before a proper noun that roots a sentence with no
    verb, and a proper noun before the participle hung on the same one. None otherwise."""
    head = verb.head
    if verb.dep_ != "amod" or verb.tag_ not in {"VBN", "VBD"} or head.dep_ != "ROOT":
        return None
    if head.pos_ != "PROPN" or head.i < verb.i:
        return None
    doers = [
        c
        for c in head.lefts
        if c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN" and c.i < verb.i
    ]
    return (doers[-1], head) if doers else None


def _after_label(token: Token) -> Token:
    """The subject itself when the parser took an interview's speaker label for it ("VOA:
    Russia's President Vladimir Putin recently visited China": "VOA" the subject, Putin its
    apposition or a second subject after the colon); else the token."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ":":
        return token
    after = [c for c in token.rights if c.dep_ == "appos" and c.i > token.i + 1]
    after += [c for c in token.head.children if c.dep_ in SUBJECTS and c.i > token.i + 1]
    return after[0] if after else token


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (inherited through xcomp/conj/relcl), and whether it is passive (a
    passive conjunct inherits the subject as its patient: "the province has been free of rabies
    but is threatened by ...")."""
    found, passive = _subject(verb)
    if found is not None and not passive and verb.dep_ == "conj":
        passive = _passive_form(verb)
    return found, passive


def _passive_form(verb: Token) -> bool:
    """Whether a verb is written in the passive ("is threatened")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """:func:`subject`, before a passive conjunct is told apart."""
    seen = 0
    current: Token | None = verb
    through_xcomp = False
    while current is not None and seen < 6:
        seen += 1
        own = _own_subject(current, through_xcomp)
        if own is not None:
            return own
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ in _INHERITED and current.head is not current:
            through_xcomp = through_xcomp or current.dep_ == "xcomp"
            current = current.head
            continue
        if _shares_subject(current, seen):
            current = current.head
            continue
        # "filed a motion asking the judge": the filer asks; "Russia's decision to withdraw"
        intended = _writer_of(current) or _intended_by(current)
        if intended is not None:
            if intended.pos_ != "VERB":
                return intended, False
            current = intended
            continue
        stranded = _stranded_subject(current) or _name_taken_for_root(current)
        if stranded is not None:
            return stranded, False
        if _run_on_verb(current):
            current = current.head  # "imposed tariffs, then exempted the duties"
            continue
        break
    return None, False


def _writer_of(verb: Token) -> Token | None:
    """Who does what a participle after a written text says: the text's possessor ("the
    senators' letter urging"), else the subject of the verb it is the object of ("filed a motion
    asking", "sent a letter urging"); else None."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.lemma_.lower() not in WRITING_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "dobj" and noun.head is not noun:
        return _subject(noun.head)[0]
    return None


def _intended_by(verb: Token) -> Token | None:
    """Who means to do what an infinitive after an intention noun says: the noun's possessor
    ("Russia's decision to withdraw", "a US offer to host"), else the verb that carries the noun
    ("India and China stepped up efforts to build ties", "led the effort to remove") or that it
    is the purpose of ("fired missiles in an effort to pressure"); else None ("rejected a plan
    to arrest": the rejecter does not arrest)."""
    noun = verb.head
    if (
        verb.dep_ != "acl"
        or noun.lemma_.lower() not in INTENTION_NOUNS
        or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return None
    owner = next(
        (
            c
            for c in noun.children
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
        ),
        None,
    )
    if owner is not None:
        return owner
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in INTENT_CARRIERS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        prep, carrier = noun.head.lower_, noun.head.head
        if prep == "in" or carrier.lemma_.lower() in INTENT_CARRIERS:
            return carrier  # "moved ahead with efforts to take control"
    return None


def intended_acts(verb: Token) -> list[Token]:
    """The infinitives after intention nouns a verb takes as object ("stepped up efforts to build
    ties": "build"), whose event the verb only carries."""
    return [
        act
        for noun in verb.children
        if noun.dep_ == "dobj" and noun.lemma_.lower() in INTENTION_NOUNS
        for act in noun.children
        if (by := _intended_by(act)) is not None and by.i == verb.i
    ]


def _stranded_subject(verb: Token) -> Token | None:
    """The subject the parse hung on a preposition: in "spent 800 days in prison before a court
    in October granted him house arrest" the court, parsed as the object of "before", is the
    subject of "granted" (the clause's verb has none of its own)."""
    if verb.dep_ != "advcl" or any(c.dep_ in {"mark", *SUBJECTS} for c in verb.children):
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in CLAUSE_PREPS or prep.i > verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.right_edge.i + 1 == verb.left_edge.i:
                return obj
    return None


def _name_taken_for_root(verb: Token) -> Token | None:
    """The subject the parse made the sentence's root: in "Trump at first imposed 25% tariffs"
    (or "Leavitt called Ford's comments insulting") the name roots the sentence and the verb,
    with no subject of its own, hangs on it as its clause (or as a past-tense modifier). The
    name, when it is a noun before the verb with only adverbs between them."""
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ != "VBD":
        return None  # "Five people killed in the attack": a headline's reduced relative
    if verb.dep_ not in {"ccomp", "dep", "acl"} or not _bare_clause_verb(verb):
        return None
    if head.dep_ != "ROOT" or head.pos_ not in {"PROPN", "NOUN"} or head.i > verb.i:
        return None
    between = head.doc[head.i + 1 : verb.left_edge.i]
    return head if all(t.dep_ in {"advmod", "prep", "pobj", "amod"} for t in between) else None


def _bare_clause_verb(verb: Token) -> bool:
    """A finite verb, or a participle with no auxiliary (the tagger's guess for "imposed" when
    it took the name before it for the root)."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _run_on_verb(verb: Token) -> bool:
    """A finite verb the parse hung on the verb before it with no link ("imposed 25% tariffs ...,
    then exempted the duties"): it goes on the same clause and shares its subject."""
    return (
        verb.dep_ == "dep"
        and verb.tag_ == "VBD"
        and verb.head.pos_ == "VERB"
        and verb.head.i < verb.i
        and not any(c.dep_ in {"mark", "nsubj", "nsubjpass", "expl"} for c in verb.children)
    )


def object_sharers(verb: Token) -> list[Token]:
    """The verbs "and" joins to a verb with no object of its own, sharing theirs with it
    ("killed and injured 1,000 fighters"): next to it (at most two words between), with no
    subject of their own; none when the verb has its own object ("removed Bashir and jailed
    him")."""
    if any(c.dep_ in {"dobj", "attr"} for c in verb.children):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and c.i - verb.i <= 3
        and not any(g.dep_ in SUBJECTS for g in c.children)
    ]


def condition_of(verb: Token) -> Token | None:
    """The verb of the "if" or "unless" clause set on a verb, if any ("will impose sanctions if
    Turkey buys the jets": "buys")."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in SET_CONDITIONS for m in clause.children
        ):
            return clause
    return None


def agent(verb: Token) -> Token | None:
    """The object of a verb's "by" agent phrase, if any; of a passive verb, also a "by" phrase
    the parser hung on its prepositional object ("have been threatened with similar
    consequences by China")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if not _passive_form(verb):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            by = next((b for b in obj.children if b.dep_ == "prep" and b.lower_ == "by"), None)
            if by is not None:
                return next((g for g in by.children if g.dep_ == "pobj"), None)
    return None


#: Verbs whose subject takes part in what their "in" phrase names: "joined 16 others in a
#: lawsuit".
JOINING_VERBS = frozenset({"join", "participate"})


def doer_verb(noun: Token) -> Token | None:
    """The verb whose subject does what an event noun names: "Rubio led eight hours of peace
    talks", "al-Shabab claimed responsibility for the attack"; else None ("Trump criticized the
    attack": the critic did not attack)."""
    token, verbs = noun, DOER_VERBS
    if _pobj_of(token, "of") and token.head.head.lemma_.lower() in MEASURE_NOUNS:
        token = token.head.head
    if _pobj_of(token, "for") and token.head.head.lemma_.lower() == "responsibility":
        token, verbs = token.head.head, RESPONSIBILITY_VERBS
    if token.dep_ == "dobj" and token.head.lemma_.lower() in verbs:
        return token.head
    if _pobj_of(token, "in") and token.head.head.lemma_.lower() in JOINING_VERBS:
        return token.head.head  # "has joined 16 others in a lawsuit"
    return None


def _pobj_of(token: Token, prep: str) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ == prep


def prep_objects(token: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) of a word's prepositional phrases among ``preps`` (a dative
    object counts as "to")."""
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj":
                    yield child.lower_, g
        elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            yield "to", child


def reporting_verb(anchor: Token) -> Token | None:
    """The reporting verb whose complement clause holds the trigger, if any."""
    current = anchor
    for _ in range(4):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in REPORT_VERBS:
            return current.head
        if current.dep_ not in {"xcomp", "conj"} or current.head is current:
            return None
        current = current.head
    return None
