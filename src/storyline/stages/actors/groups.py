"""Groups a name heads: "Russian troops", "Russia's army", "UN peacekeepers", "Darfur rebels",
"the president of Armenia", "168 Liberians"; and the sector a role noun gives them.

Reads: the parse around a ``NameSpan``. Writes: nothing (returns sectors and token ranges).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storyline.stages.actors.lexicon import (
    PERSON_ROLE_HEADS,
    PLACE_WORDS,
    Lexicon,
    place_of,
    role_sector,
)
from storyline.stages.actors.names import NameSpan
from storyline.stages.syntax import is_possessive, pobj_of

# Things a force has, not its people: "U.N. helicopters" are the UN's, not its troops.
EQUIPMENT = frozenset(
    {"aircraft", "helicopters", "helicopter", "jets", "warplanes", "planes", "tanks", "vehicles"}
)

# Where people live: "a village in western Cambodia" is its civilians.
SETTLEMENTS = frozenset({"village", "villages", "town", "towns", "city", "cities", "hamlet"})

# "the president of Armenia", "rebels in the Ivory Coast", "students throughout Indonesia".
GROUP_PREPOSITIONS = frozenset({"of", "in", "throughout", "across"})

# Words that make a newspaper or broadcaster the state's: "official", "state-run".
STATE_MEDIA_WORDS = frozenset({"official", "state", "state-run", "state-owned", "government"})

# "a newspaper based in Beirut", "a group headquartered in Trinidad": of that place.
BASED_WORDS = frozenset({"based", "headquartered"})

# Words that link a group to the country it is of: "rebels in Darfur", "a group based in Gaza".
ORIGIN_WORDS = GROUP_PREPOSITIONS | BASED_WORDS

# Nouns for a body of people: "an extremist organization in Northern Ireland" is a group there.
COLLECTIVE_NOUNS = frozenset(
    {"group", "organization", "organisation", "movement", "faction", "wing", "cell", "network"}
)

# The notables of a people: "Yoruba leaders", "Ibo traditional elders" (ELI).
ELITE_NOUNS = frozenset(
    {"leaders", "elders", "chiefs", "chieftains", "politicians", "notables", "dignitaries"}
)

# What a country leads in a war: "the U.S.-led coalition" is its military.
LED_MILITARY = frozenset({"coalition", "force", "forces", "alliance", "offensive", "operation"})

# People who speak or act for the body a noun before them names ("army spokesperson").
VOICE_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials"}
)

# Words that count people: "many Afghans", "thousands of Nigerians".
QUANTIFIERS = frozenset({"many", "some", "several", "few", "numerous", "most"})

QUANTITY_NOUNS = frozenset(
    {"thousand", "hundred", "dozen", "million", "score", "crowd", "group", "number", "hundreds"}
)


def counted_people(doc: Doc, span: NameSpan, names_at: dict[int, NameSpan]) -> bool:
    """A plural demonym that counts or describes people ("168 Liberians", "thousands of
    Nigerians", "young Algerians", "Palestinians living in Gaza"): civilians of the country, not
    the country itself ("the Palestinians reject ...")."""
    tok = doc[span.end - 1]
    if tok.tag_ not in ("NNPS", "NNS") or not tok.text[:1].isupper():
        return False
    for child in tok.lefts:
        if child.i in names_at:
            continue
        if child.dep_ in ("nummod", "amod", "compound") or child.lower_ in QUANTIFIERS:
            return True
    for child in tok.rights:
        if child.dep_ in ("acl", "relcl"):
            return True  # "Palestinians living in the West Bank"
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            place = pobj_of(child)
            where = names_at.get(place.i) if place is not None else None
            if where is not None and where.kind in ("place", "country", "capital"):
                return True  # "Palestinians of the West Bank"
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.i < head.i
        and (head.head.lemma_.lower() in QUANTITY_NOUNS or head.head.pos_ == "NUM")
    )


def noun_sector(doc: Doc, noun: Token, lex: Lexicon) -> str | None:
    sector = _role_noun_sector(doc, noun, lex)
    if sector == "JRN" and any(c.lower_ in STATE_MEDIA_WORDS for c in noun.lefts):
        return "GOV"  # "an official Syrian newspaper", "state television": the government's voice
    return sector


def _role_noun_sector(doc: Doc, noun: Token, lex: Lexicon) -> str | None:
    prev = doc[noun.i - 1] if noun.i > 0 else None
    if prev is not None and prev.pos_ in ("NOUN", "ADJ", "PROPN"):
        found = role_sector(f"{prev.lower_} {noun.lower_}", lex)
        if found:
            return found
        if noun.lower_ in VOICE_NOUNS and prev.pos_ == "NOUN":
            # "army spokesperson", "police officials": they speak for the body
            found = role_sector(prev.lower_, lex)
            if found:
                return found
    found = role_sector(noun.lower_, lex) or role_sector(noun.lemma_, lex)
    if found:
        return found
    # "opposition candidates", "rebel commanders": a modifier that names a sector of people (not
    # of a thing: "a naval blockade", "a U.N. military presence").
    if noun.tag_ not in ("NNS", "NNPS") and noun.lower_ not in COLLECTIVE_NOUNS:
        return None
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ"):
            # "a terror group": the word for its members ("terrorist") names the sector
            sector = role_sector(child.lower_, lex) or role_sector(child.lower_ + "ist", lex)
            if sector in ("OPP", "REB", "MIL", "COP"):
                return sector
    return None


def group_head(
    doc: Doc, span: NameSpan, names_at: dict[int, NameSpan], lex: Lexicon
) -> tuple[str, int, int] | None:
    """(sector, start, end) when a country or IGO name heads a group of actors: "Russian troops",
    "Russia's army", "UN peacekeepers", "the president of Armenia"; else None."""
    led = _led_group(doc, span, lex)
    if led is not None:
        return led
    held = _holding_group(doc, span, lex)
    if held is not None:
        return held
    tok = _name_token(doc, span, lex)
    if tok.dep_ == "pobj":
        return _object_group(doc, span, tok, names_at, lex)
    head = tok.head
    if (
        tok.dep_ == "amod"
        and head.i == span.end
        and head.tag_ == "NNPS"
        and (head.i not in names_at or names_at[head.i].kind == "people")
        and head.lower_ not in lex.role_words
    ):
        return "CVL", span.start, head.i + 1  # "Iraqi Kurds": a people of the country
    return _modified_group(doc, span, tok, names_at, lex)


def _name_token(doc: Doc, span: NameSpan, lex: Lexicon) -> Token:
    """The token that stands for a name in the parse: its last word, climbing conjunctions
    ("Russian and Chinese troops") and a place word after it ("Sindh province")."""
    tok = doc[span.end - 1]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if (
        tok.dep_ == "compound"
        and tok.head.i == span.end
        and tok.head.lower_ in PLACE_WORDS
        and (span.value or place_of(doc[span.start : span.end + 1].text, lex))
    ):
        tok = tok.head  # "the government of Sindh province": the province is the name's head
    return tok


def _object_group(
    doc: Doc, span: NameSpan, tok: Token, names_at: dict[int, NameSpan], lex: Lexicon
) -> tuple[str, int, int] | None:
    """A name as the object of a preposition: "a village in western Cambodia" (its people),
    "rebels in Darfur", "the president of Armenia", "a terror group based in Trinidad"."""
    head = tok.head
    if (
        head.head.i < head.i
        and head.head.lower_ in SETTLEMENTS
        and head.lower_ in (*GROUP_PREPOSITIONS, "near")
        and head.head.i not in names_at
    ):
        return "CVL", head.head.i, span.end  # "a village in western Cambodia": its people
    based = head.head
    if (
        head.lower_ == "in"
        and based.lower_ in BASED_WORDS
        and based.dep_ == "acl"
        and based.head.i < based.i
        and based.head.pos_ == "NOUN"
    ):
        head = based  # "a terror group based in Trinidad": the group is of where it is based
    if head.lower_ in ORIGIN_WORDS and head.head.i < head.i:
        return _origin_group(doc, span, head, names_at, lex)
    return None


def _origin_group(
    doc: Doc, span: NameSpan, head: Token, names_at: dict[int, NameSpan], lex: Lexicon
) -> tuple[str, int, int] | None:
    """The group of people a name is the origin of, through ``head`` ("of", "in", "based"...):
    "rebels in Darfur", "a group in Gaza", but not "a meeting in Cairo"."""
    noun = head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i in names_at:
        return None
    if (
        head.lower_ not in ("of", *BASED_WORDS)
        and noun.tag_ not in ("NNS", "NNPS")
        and noun.lower_ not in COLLECTIVE_NOUNS
    ):
        return None  # "rebels in Darfur", "a group in Gaza", but not "a meeting in Cairo"
    if any(c.i in names_at for c in noun.lefts):
        return None  # "Romanian refugees in Hungary": the demonym says whose
    sector = noun_sector(doc, noun, lex)
    if not sector or (sector == "MIL" and head.lower_ != "of"):
        return None  # "peacekeepers in Iraq", "troops in Bosnia": often another country's
    lefts = [c.i for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i not in names_at]
    return sector, min([*lefts, noun.i]), span.end


def _modified_group(
    doc: Doc, span: NameSpan, tok: Token, names_at: dict[int, NameSpan], lex: Lexicon
) -> tuple[str, int, int] | None:
    """A group a name modifies: "Russian troops", "Russia's army", "the Cambodian ministry"."""
    head = tok.head
    if (
        tok.dep_ not in ("amod", "compound", "nmod", "poss")
        or head.i <= tok.i
        or head.i in names_at
        or not (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.lower_ in lex.role_words))
    ):
        return None
    if head.pos_ == "PROPN" and head.head.i in names_at:
        return None  # a title before a person's name: the person speaks for it
    if head.dep_ == "compound" and head.head.ent_type_ == "PERSON" and head.head.i > head.i:
        return None  # "Republican poll leader Donald Trump": a title, no group
    if (
        head.tag_ == "NN"
        and head.lower_ in PERSON_ROLE_HEADS
        and any(t.lower_ == "the" for t in head.children)
    ):
        return None  # "the embattled Ukrainian leader": a person, resolved as a nominal
    sector = noun_sector(doc, head, lex)
    if not sector:
        return None
    end = head.i + 1 if head.i - span.end <= 3 and head.i == _next_noun(doc, span) else span.end
    if any(i in names_at for i in range(span.end, end)):
        end = span.end
    return sector, span.start, end


def sole_other_country(
    doc: Doc, span: NameSpan, own: str | None, names_at: dict[int, NameSpan]
) -> str | None:
    """The one country a people's sentence names when it does not name the people's own
    ("Shona rebels" in a sentence on Mozambique alone): where the group acts."""
    sent = doc[span.start].sent
    named = {
        n.value
        for i in range(sent.start, sent.end)
        if (n := names_at.get(i)) is not None and n.kind in ("country", "capital") and n.value
    }
    if own in named or len(named) != 1:
        return None
    return next(iter(named))


def _holding_group(doc: Doc, span: NameSpan, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "Albanian rebel-held territory", "Tamil rebel-controlled areas": the group of the
    country that holds the place."""
    i = span.end
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i + 2].pos_ != "VERB":
        return None
    noun = doc[i]
    if noun.pos_ != "NOUN" or noun.dep_ != "npadvmod" or noun.head.i != i + 2:
        return None
    sector = noun_sector(doc, noun, lex)
    return (sector, span.start, i + 1) if sector else None


def elite_group(doc: Doc, span: NameSpan) -> tuple[str, int, int] | None:
    """ "Yoruba leaders", "Ibo traditional elders", "Hausa politicians": the notables of a people
    (no country's office holders) are its elites (ELI), as PLOVER codes them."""
    head = doc[span.end - 1].head
    if (
        doc[span.end - 1].dep_ not in ("compound", "amod", "nmod")
        or not span.end <= head.i <= span.end + 1
        or head.lower_ not in ELITE_NOUNS
        or any(doc[i].pos_ != "ADJ" for i in range(span.end, head.i))
    ):
        return None
    return "ELI", span.start, head.i + 1


def people_noun(doc: Doc, group: tuple[str, int, int]) -> bool:
    """Whether a group's last word names people ("UN peacekeepers"), not their equipment or a
    state of affairs ("U.N. helicopters", "a U.N. military presence")."""
    last = doc[group[2] - 1]
    return last.tag_ in ("NNS", "NNPS") and last.lower_ not in EQUIPMENT


def _led_group(doc: Doc, span: NameSpan, lex: Lexicon) -> tuple[str, int, int] | None:
    """ "Vietnamese-led forces", "the U.S.-led coalition": forces its country leads are its."""
    if span.end + 2 <= len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "led":
        led = doc[span.end + 1]
    elif doc[span.end - 1].lower_.endswith("-led"):
        led = doc[span.end - 1]
    else:
        return None
    noun = led.head
    if noun.i <= led.i or noun.i - led.i > 3 or noun.pos_ != "NOUN":
        return None
    sector = noun_sector(doc, noun, lex) or ("MIL" if noun.lower_ in LED_MILITARY else None)
    return (sector, span.start, noun.i + 1) if sector else None


def _next_noun(doc: Doc, span: NameSpan) -> int:
    i = span.end
    while i < len(doc) and doc[i].pos_ in ("ADJ", "PART", "NOUN") and doc[i].pos_ != "NOUN":
        i += 1
    if i < len(doc) and is_possessive(doc[i]):
        i += 1
        while i < len(doc) and doc[i].pos_ == "ADJ":
            i += 1
    while i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN" and doc[i].pos_ == "NOUN":
        i += 1
    return i
