"""Name spans of a Doc for the actors stage: spaCy's entities reconciled with the actor lexicons.

Reads: ``doc.ents``, tokens. Writes: nothing (returns ``NameSpan`` values, token offsets).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.stages.actors.lexicon import (
    PERSON_ROLE_HEADS,
    Lexicon,
    capital_of,
    country_of,
    group_of,
    nationality_of,
    organization_of,
    place_of,
)

ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
#: Labels the tagger gives some people's names it does not know ("Vassily Nebenzia" WORK_OF_ART).
MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
# A named thing ending in one of these is an event or a document, not an actor.
NOT_ACTOR_HEADS = frozenset(
    {
        "summit",
        "charter",
        "treaty",
        "agreement",
        "accord",
        "accords",
        "instrument",
        "partner",
        "conference",
        "declaration",
        "resolution",
        "act",
        "convention",
        "games",
        "cup",
        "war",
        "invasion",
        "week",
        "day",
        "plan",
        "initiative",
        "talks",
        "forum",
        "meeting",
        "meetings",
        "protocol",
        "program",
        "accession",
        "programme",
        "strategy",
        "deal",
        "crisis",
        "operation",
    }
)
NOMINAL_WORDS = frozenset({"kingdom", "republic", "country", "nation", "state", "government"})
#: Capitalised prefixes of one surname ("McCaul", "DeSantis", "LaGuardia", "VanDyke").
NAME_PREFIXES = frozenset(str.split("mc mac de di da la le van von del della du o"))
CAMEL = re.compile(r"[a-z][A-Z][a-z]+$")
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name in the text: tokens ``[start, end)`` and what it is.

    ``kind``: ``person``, ``org``, ``igo`` (value: the organization code), ``country`` (value:
    ISO3), ``capital`` (value: ISO3), ``place``, ``people`` (a NORP that is no country).
    """

    start: int
    end: int
    kind: str
    value: str | None = None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _lexicon_hits(doc: Doc, lex: Lexicon, tokens: Sequence[Token]) -> list[NameSpan]:
    """Longest lexicon matches starting at capitalized tokens."""
    hits: list[NameSpan] = []
    words = [t.text for t in tokens]
    spaces = [t.whitespace_ for t in tokens]
    i = 0
    while i < len(words):
        found = _hit_at(doc, lex, words, spaces, i)
        if found is None:
            i += 1
            continue
        hits.append(found)
        i = found.end
    return hits


def _hit_at(doc: Doc, lex: Lexicon, words: list[str], spaces: list[str], i: int) -> NameSpan | None:
    """The longest lexicon match starting at word ``i``, if any."""
    word = words[i]
    if word.endswith("-led") and (iso := country_of(word[:-4], lex)):
        return NameSpan(i, i + 1, "country", iso)  # "U.S.-led": one token
    longest = lex.first_words.get(word.lower(), 0)
    if not longest or word in ("The", "A", "An"):
        return None
    # In lower case only an armed group's name ("al-Shabab members"), never a common word.
    lower = not word[:1].isupper()
    for j in range(min(len(words), i + longest), i, -1):
        last = words[j - 1]
        if last in POSSESSIVE or (not last[:1].isalnum() and last != "."):
            continue
        text = "".join(w + sp for w, sp in zip(words[i:j], spaces[i:j], strict=True)).strip()
        if lower and (text.lower() not in lex.group_names or text.islower()):
            continue
        found = _lexicon_name(doc, lex, text, i, j)
        if found is not None:
            return found
    return None


def _lexicon_name(doc: Doc, lex: Lexicon, text: str, i: int, j: int) -> NameSpan | None:
    """What the lexicons call the words ``[i, j)`` (``text``): an IGO, a country or demonym, a
    capital, an armed group, a people before a noun; else None."""
    org = organization_of(text, lex)
    if org is not None:
        return NameSpan(i, j, "igo", org.code)
    iso = country_of(text, lex)
    if iso is not None:
        return NameSpan(i, j, "country", iso)
    iso = capital_of(text, lex)
    if iso is not None:
        return NameSpan(i, j, "capital", iso)
    if text.lower() in lex.group_names and not any(t.ent_type_ == "PERSON" for t in doc[i:j]):
        return NameSpan(i, j, "org")  # "A Taliban attack": an armed group by name
    # "Tamil rebels", "Yoruba leaders": a people of one country before a noun (the tagger calls
    # them PERSON, GPE or NORP as it likes).
    where = place_of(text, lex)
    if where is not None and where[1] == "people" and _before_noun(doc, j):
        return NameSpan(i, j, "people", where[0])
    return None


def _before_noun(doc: Doc, j: int) -> bool:
    """Whether a noun follows token ``j``, directly or after one adjective ("Ibo traditional
    elders")."""
    if j < len(doc) and doc[j].pos_ == "ADJ":
        j += 1
    return j < len(doc) and doc[j].pos_ == "NOUN"


def _ent_kind(ent: Span) -> str | None:
    if ent.label_ == "PERSON":
        return "person"
    if ent.label_ in ("ORG", "FAC"):
        return "org"
    if ent.label_ in ("GPE", "LOC"):
        return "place"
    # A NORP that is no country demonym ("Hutu", "Tamil") names an actor only with a role noun.
    return "people" if ent.label_ == "NORP" else None


def _person_core(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Where the name proper begins in a PERSON entity that swallowed a title."""
    while start < end - 1:
        tok = doc[start]
        if tok.lower_ in lex.role_words or country_of(tok.text, lex) or tok.is_punct:
            start += 1
        else:
            break
    return start


def find_names(doc: Doc, lex: Lexicon, tokens: Sequence[Token] | None = None) -> list[NameSpan]:
    """Non-overlapping name spans in text order (``tokens``: the Doc's tokens, when the caller
    already listed them)."""
    tokens = list(doc) if tokens is None else tokens
    blocked: set[int] = set()
    candidates: list[tuple[int, int, NameSpan]] = []  # (priority, -length) via sort below
    surnames = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON"}
    for ent in doc.ents:
        name = _ent_name(doc, ent, lex, blocked, surnames)
        if name is not None:
            candidates.append((1, -(name.end - name.start), name))
    for hit in _lexicon_hits(doc, lex, tokens):
        if not blocked.intersection(range(hit.start, hit.end)):
            candidates.append((0, -(hit.end - hit.start), hit))
    # Longer spans first; at equal length the lexicon (priority 0) wins over spaCy's label.
    candidates.sort(key=lambda c: (c[1], c[0], c[2].start))
    taken: set[int] = set()
    names: list[NameSpan] = []
    for _, _, span in candidates:
        rng = range(span.start, span.end)
        if taken.intersection(rng):
            continue
        taken.update(rng)
        names.append(span)
    names = [_extend_person(doc, s, taken) for s in sorted(names, key=lambda s: s.start)]
    names = _join_particles(doc, names)
    names = _join_ministries(doc, names)
    names = _cut_at_lines(doc, names)
    names = _one_kind_per_name(doc, names, lex)
    return _person_parts(doc, names, lex, tokens)


def _one_kind_per_name(doc: Doc, names: list[NameSpan], lex: Lexicon) -> list[NameSpan]:
    """A name the tagger calls a place once and an organization elsewhere in the document, and
    no place the lexicons know, is the organization throughout ("Verizon" tagged GPE beside
    "Verizon" tagged ORG)."""
    orgs = {doc[n.start : n.end].text for n in names if n.kind == "org"}
    return [
        NameSpan(n.start, n.end, "org")
        if n.kind == "place"
        and (text := doc[n.start : n.end].text) in orgs
        and not (country_of(text, lex) or capital_of(text, lex) or place_of(text, lex))
        else n
        for n in names
    ]


def _ent_name(
    doc: Doc, ent: Span, lex: Lexicon, blocked: set[int], surnames: frozenset[str] | set[str]
) -> NameSpan | None:
    """The name a spaCy entity gives, if it names an actor (``blocked`` takes the tokens of a
    named event or document: no lexicon hit inside them either; ``surnames``: the last words
    of the document's PERSON entities)."""
    if ent.label_ not in ENT_LABELS:
        # "Vassily Nebenzia told" tagged a work of art: a person
        speaks = ent.label_ in MISREAD_LABELS and _speaking_name(ent)
        return NameSpan(ent.start, ent.end, "person") if speaks else None
    bounds = _ent_bounds(doc, ent, blocked, lex)
    kind = _ent_kind(ent)
    if bounds is None or kind is None:
        return None
    start, end = bounds
    text = doc[start:end].text
    if kind == "person":
        return _person_name(doc, start, end, lex)
    if (kind == "place" and _acting_person(doc[start:end], text, lex)) or (
        kind == "org" and _person_misread(doc[start:end], lex, surnames)
    ):
        # "Erdogan has accused ..." tagged GPE; "Nikki Haley" tagged ORG, "Haley" a PERSON
        return NameSpan(start, end, "person")
    if _not_a_name(doc[start:end], kind, lex):
        return None
    return NameSpan(start, end, kind)


def _person_name(doc: Doc, start: int, end: int, lex: Lexicon) -> NameSpan | None:
    """The name an entity tagged PERSON gives: none for a country or capital ("Kyiv" tagged
    PERSON: the lexicon hit takes it), a place for a known town after a preposition of place,
    a group the lexicon knows ("al-Shabab"), else the person without the title the tagger took
    in."""
    text = doc[start:end].text
    if capital_of(text, lex) or country_of(text, lex):
        return None
    if group_of(text, lex) is not None:
        return NameSpan(start, end, "org")  # "a senior al-Shabab leader" tagged PERSON
    if _placed(doc[start:end], text, lex):
        return NameSpan(start, end, "place")  # "relocating to Okinawa" tagged PERSON
    return NameSpan(_person_core(doc, start, end, lex), end, "person")


#: Prepositions of where a place is or is gone to ("relocating to Okinawa").
WHERE_PREPS = frozenset({"in", "to", "from", "at", "near", "into", "across", "toward", "towards"})


def _placed(span: Span, text: str, lex: Lexicon) -> bool:
    """A name the tagger calls a person that is a known town or region after a preposition of
    place ("relocating with their two children to Okinawa")."""
    root = span.root
    return (
        place_of(text, lex) is not None and root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPS
    )


def _ent_bounds(doc: Doc, ent: Span, blocked: set[int], lex: Lexicon) -> tuple[int, int] | None:
    """An entity's tokens without articles and possessives; None for a nominal ("the Kingdom")
    and for a named event or document ("the Paris Agreement"), whose tokens are blocked; an
    organization the lexicon knows is one whatever its last word ("World Food Program")."""
    start, end = _trim(doc, ent.start, ent.end)
    if start >= end:
        return None
    if doc[start:end].text.lower() in NOMINAL_WORDS:
        return None  # "the Kingdom": a nominal, resolved later
    head_words = [t.lower_ for t in doc[start:end]]
    head = head_words[head_words.index("of") - 1] if "of" in head_words[1:] else head_words[-1]
    named = head in NOT_ACTOR_HEADS or head_words[-1] in NOT_ACTOR_HEADS
    if named and organization_of(doc[start:end].text, lex) is None:
        blocked.update(range(start, end))
        return None
    return start, end


def _not_a_name(span: Span, kind: str, lex: Lexicon) -> bool:
    """Whether an organization or place entity is no actor's name of its own."""
    text, last = span.text, span[-1]
    if kind == "org" and last.lower_ in PERSON_ROLE_HEADS:
        return True  # "British Defence Secretary": a title, not an organization
    if (
        kind == "place"
        and (country_of(text, lex) or capital_of(text, lex)) is None
        and any(country_of(t.text, lex) for t in span)
    ):
        return True  # a GPE that only contains a country word ("Russian Invasion")
    if (
        kind in ("org", "place")
        and len(span) > 1
        and last.dep_ == "amod"
        and last.head.i >= span.end
        and country_of(last.text, lex)
    ):
        return True  # "Radical French farmers": words before a demonym, not a name
    return kind == "org" and organization_of(text, lex) is not None  # the lexicon gives the code


#: Small words a title-case headline leaves in lower case ("Clinton Drops Out of the Race").
HEADLINE_SMALL = frozenset(
    str.split("a an the and or but nor of in on at to for by from with as vs via per into over")
)
_BYLINE = re.compile(r"^\s*(?:by|from)\s+[A-Z]", re.IGNORECASE)


def line_kind(line: str) -> str | None:
    """ "byline" for "By John Smith, AP", "headline" for a title-case line that is no sentence
    ("Hillary Clinton Drops Out Of Race"), else None."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if _BYLINE.match(line) and len(words) <= 12:
        return "byline"
    big = [w for w in words if w.lower() not in HEADLINE_SMALL]
    if len(words) < 3 or line.rstrip().endswith((".", "?", "!", ":", ",")):
        return None
    if sum(w[0].isupper() for w in big) >= max(3, 0.8 * len(big)):
        return "headline"
    return None


def _cut_at_lines(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """Names as the lines they stand in let them be: none across a line break ("Associated
    Press\n\nWASHINGTON"), none in a byline, and a name in a title-case headline cut to the
    words the body uses as a name ("Hillary Clinton Drops" -> "Hillary Clinton", "Donald Trump
    Claims Victory" -> "Donald Trump" when the body writes "Trump")."""
    text = doc.text
    lines = [(m.start(), m.end(), line_kind(m.group())) for m in re.finditer(r"[^\n]+", text)]
    if not any(kind for _, _, kind in lines):
        return [_one_line(doc, n) for n in names]
    heads = [a for a, _, kind in lines if kind]
    ends = [b for _, b, kind in lines if kind]
    body = {
        t.text
        for t in doc
        if t.pos_ == "PROPN" and not any(a <= t.idx < b for a, b in zip(heads, ends, strict=True))
    }
    out: list[NameSpan] = []
    for name in names:
        n = _one_line(doc, name)
        at = doc[n.start].idx
        kind = next((k for a, b, k in lines if a <= at < b), None)
        if kind == "byline":
            continue
        headline = kind == "headline" and n.kind in ("person", "org") and n.end - n.start > 1
        out.append(_headline_cut(doc, n, body) if headline else n)
    return out


def _one_line(doc: Doc, n: NameSpan) -> NameSpan:
    for i in range(n.start + 1, n.end):
        if "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_:
            return NameSpan(n.start, i, n.kind, n.value) if i > n.start else n
    return n


def _headline_cut(doc: Doc, n: NameSpan, body: set[str]) -> NameSpan:
    """The longest head of a headline name whose last word the body tags a proper noun, so a
    capitalised verb or noun of the headline ("Drops", "Claims Victory") is left out."""
    for end in range(n.end, n.start, -1):
        if doc[end - 1].text in body:
            return n if end == n.end else NameSpan(n.start, end, n.kind, n.value)
    return n


# Where a name that acts stands: a place rarely accuses or attends, a person often does.
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})


#: Verbs whose subject is a speaker, so a name no lexicon knows as a place is a person there.
SPEAKING_LEMMAS = frozenset(
    str.split("say tell add dismiss reject deny insist argue warn urge claim accuse vow")
)


def _speaking_name(span: Span) -> bool:
    """A span of proper nouns that is the subject of a verb of saying ("Vassily Nebenzia told
    the council"): no work of art or product speaks."""
    return (
        all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)
        and span.root.dep_ == "nsubj"
        and span.root.head.lemma_.lower() in SPEAKING_LEMMAS
    )


def _person_misread(span: Span, lex: Lexicon, surnames: frozenset[str] | set[str]) -> bool:
    """A person's name spaCy calls an organization: two or three capitalized words, the first a
    given name, the last one the document names as a person elsewhere ("Nikki Haley" beside
    "Haley" tagged PERSON), and no group the lexicon knows ("Wells Fargo" stays a bank)."""
    words = [t for t in span if not t.is_punct]
    return (
        2 <= len(words) <= 3
        and all(t.is_title for t in words)
        and words[0].lower_ in lex.given_names
        and words[-1].lower_ in surnames
        and group_of(span.text, lex) is None
        and organization_of(span.text, lex) is None
    )


def _acting_person(span: Span, text: str, lex: Lexicon) -> bool:
    """A name spaCy calls a place that is no known place but a person in the people lexicon, as
    the subject, object or possessor of the sentence's action ("Buhari attended", "Buhari's
    decision")."""
    if country_of(text, lex) or capital_of(text, lex) or place_of(text, lex):
        return False
    if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in SPEAKING_LEMMAS:
        return True  # "Nebenzia dismissed the findings": no known place speaks
    return span.root.dep_ in ACTING_DEPS and nationality_of(text, lex) is not None


NAME_PARTICLES = frozenset(
    {"von", "der", "van", "de", "den", "del", "da", "bin", "al", "ibn", "le"}
)


def _join_particles(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """ "Ursula von der" + "Leyen" (tagged a place): one person."""
    out: list[NameSpan] = []
    for span in names:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "person"
            and span.kind in ("place", "org")
            and span.start == prev.end
            and span.end - span.start == 1
            and doc[prev.end - 1].lower_ in NAME_PARTICLES
        ):
            out[-1] = NameSpan(prev.start, span.end, "person")
            continue
        out.append(span)
    return out


def _extend_person(doc: Doc, span: NameSpan, taken: set[int]) -> NameSpan:
    """ "Ursula von der" + "Leyen": a person's name the tagger cut short."""
    if span.kind != "person":
        return span
    end = span.end
    while (
        end < len(doc)
        and end not in taken
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and doc[end].ent_type_ in ("", "PERSON")
        and doc[end].dep_ in ("compound", "flat", "nsubj", "nsubjpass", "dobj", "pobj", "appos")
        and doc[end - 1].head.i == end
    ):
        end += 1
    return span if end == span.end else NameSpan(span.start, end, "person")


def _join_ministries(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """ "Ministry of Foreign Affairs" + "and" + "International Cooperation" -> one organization."""
    out: list[NameSpan] = []
    for span in names:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "org"
            and span.kind in ("org", "place")
            and span.start == prev.end + 1
            and doc[prev.end].lower_ in ("and", "&")
            and " of " in f" {doc[prev.start : prev.end].text.lower()} "
        ):
            out[-1] = NameSpan(prev.start, span.end, "org")
            continue
        if (
            prev is not None
            and prev.kind == "org"
            and span.kind == "org"
            and _of_link(doc, prev, span)
        ):
            # "U.N. Office" + "for the" + "Coordination of Humanitarian Affairs" -> one
            out[-1] = NameSpan(prev.start, span.end, "org")
            continue
        out.append(span)
    return out


def _of_link(doc: Doc, prev: NameSpan, span: NameSpan) -> bool:
    """Whether only "for", "of" or "on" (and "the") stand between two organization names, the
    first ending in a capitalized word: one name the tagger cut in two."""
    between = [t.lower_ for t in doc[prev.end : span.start]]
    return (
        doc[prev.end - 1].text[:1].isupper()
        and between[:1] in (["for"], ["of"], ["on"])
        and between[1:] in ([], ["the"])
    )


def _norm(text: str) -> str:
    return text.lower().replace("’", "'").removesuffix("'s")


def camel_cut(text: str) -> int:
    """Where a name starts inside a token glued to the word before it ("WeekHun" -> 4), else 0."""
    m = CAMEL.search(text)
    if m is None or text[: m.start() + 1].lower() in NAME_PREFIXES:
        return 0  # "McCaul", "DeSantis", "MacArthur": one name, not a word glued to a name
    return m.start() + 1


def person_key(doc: Doc, span: NameSpan) -> tuple[str, ...]:
    """A person's name as lower-case words, for matching short and full forms."""
    words = [t.text for t in doc[span.start : span.end] if not t.is_punct]
    if words:
        words[0] = words[0][camel_cut(words[0]) :]
    return tuple(_norm(w) for w in words)


def _person_parts(
    doc: Doc, names: list[NameSpan], lex: Lexicon, tokens: Sequence[Token]
) -> list[NameSpan]:
    """Names that are part of a person's full name ("Zelenskyy", "Peou") become persons."""
    full = [person_key(doc, s) for s in names if s.kind == "person" and s.end - s.start > 1]
    parts: set[tuple[str, ...]] = set()
    for key in full:
        for i in range(len(key)):
            for j in range(i + 1, len(key) + 1):
                if (i, j) != (0, len(key)):
                    parts.add(key[i:j])
    if not parts:
        return names
    out: list[NameSpan] = []
    covered: set[int] = set()
    for span in _owned_people(doc, names, parts):
        as_person = span.kind in ("org", "place") and person_key(doc, span) in parts
        new = NameSpan(span.start, span.end, "person") if as_person else span
        covered.update(range(new.start, new.end))
        out.append(new)
    for tok in tokens:
        if (
            tok.i not in covered
            and tok.text[:1].isupper()
            and not tok.is_stop
            # the tagger may call a surname opening a sentence a noun ("Zelenskyy offered")
            and (tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and len(tok.text) >= 4))
            and (_norm(tok.text),) in parts
            and tok.lower_ not in lex.role_words
        ):
            out.append(NameSpan(tok.i, tok.i + 1, "person"))
    return sorted(out, key=lambda s: s.start)


def _owned_people(doc: Doc, names: list[NameSpan], parts: set[tuple[str, ...]]) -> list[NameSpan]:
    """ "Cornell’s Casanova" tagged one organization: the owner and, after the possessive, a
    surname of a person the document names in full, as two names."""
    out: list[NameSpan] = []
    for span in names:
        last = span.end - 1
        owned = (
            span.kind in ("org", "place")
            and last - span.start >= 2
            and doc[last - 1].lower_ in POSSESSIVE
            and (_norm(doc[last].text),) in parts
        )
        if owned:
            out.append(NameSpan(span.start, last - 1, span.kind))
            out.append(NameSpan(last, span.end, "person"))
        else:
            out.append(span)
    return out


def one_letter_off(known: str, written: str) -> bool:
    """Whether ``written`` is ``known`` (six letters or more) with one letter changed, added or
    left out ("Pederson" for "Pedersen")."""
    if len(known) < 6 or known == written or abs(len(known) - len(written)) > 1:
        return False
    if len(known) == len(written):
        return sum(a != b for a, b in zip(known, written, strict=True)) == 1
    short, long = sorted((known, written), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))
