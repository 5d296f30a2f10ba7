"""Titles and appositions of names, and the country and sector they give an actor.

"Cambodian Prime Minister Hun Sen" (a title before the name), "Yang Peou, secretary-general of the
Royal Academy of Cambodia," (an apposition after it), "Hun Sen, who has been prime minister since
1985," and "The Cambodia National Rescue Party, the exiled opposition party," all say what an actor
is. Reads: tokens, the parse, the name spans. Writes: nothing (returns ``Title`` values).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.stages import published_day
from storyline.stages.actors.lexicon import (
    KIN_ROLES,
    PERSON_ROLE_HEADS,
    Lexicon,
    country_of,
    group_of,
    normalize_role,
    party_country,
    place_of,
    role_sector,
)
from storyline.stages.actors.names import POSSESSIVE, NameSpan

#: Roles that head a company when the organization titling them is of no known sector ("Verizon
#: chief executive"; a state's chief executive is titled by its country or government).
COMPANY_ROLES = frozenset(
    {"chief executive", "chief executive officer", "ceo", "chief operating officer",
     "chief financial officer"}
)  # fmt: skip
#: Words that open the next item of a list after a name's comma, not an apposition.
CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
STOP_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
COPULAS = frozenset(
    {
        "has",
        "have",
        "had",
        "is",
        "was",
        "been",
        "became",
        "becomes",
        "serves",
        "served",
        "as",
        "also",
        "now",
        "then",
        "currently",
        "formerly",
        "be",
    }
)
TITLE_MODIFIERS = frozenset(
    {
        "acting",
        "former",
        "deputy",
        "vice",
        "interim",
        "caretaker",
        "outgoing",
        "incoming",
        "senior",
        "top",
        "exiled",
        "opposition",
        "ruling",
        "then",
        "self-proclaimed",
        "de",
        "facto",
        "assistant",
        "associate",
    }
)
FORMER = frozenset({"former", "ousted", "ex", "deposed", "exiled", "retired", "late"})
APPOS_STOP = frozenset({",", ";", ".", "—", "–", ")", "(", '"', "“", "”", ":", "?", "!"})


#: Prepositions of the country an official of an international body serves in: "envoy to Syria".
POSTING_PREPS = frozenset({"in", "to", "for", "on"})


@dataclass(frozen=True, slots=True)
class OrgCode:
    """What an organization name inside a title contributes: its codes and entity."""

    country: str | None
    sector: str | None
    igo: bool
    entity_id: str


@dataclass(frozen=True, slots=True)
class Title:
    """A role the text gives an actor, over tokens ``[start, end)``."""

    start: int
    end: int
    role: str | None  # normalized ("prime minister"), None when only an organization speaks
    country: str | None
    sector: str | None
    org_id: str | None  # the organization the role is held in, if named


def left_title(doc: Doc, start: int, names_at: dict[int, NameSpan], lex: Lexicon) -> int | None:
    """First token of the title just before a name ("Cambodian Prime Minister |Hun Sen")."""
    sent_start = doc[start].sent.start
    i, first = start - 1, start
    while i >= sent_start:
        tok = doc[i]
        span = names_at.get(i)
        if span is not None and span.kind == "person":
            break
        if tok.ent_type_ in STOP_ENTS:
            break
        low = tok.lower_
        if tok.text in POSSESSIVE:
            if i - 1 < sent_start or not doc[i - 1].text[:1].isupper():
                break
        elif (tok.is_punct and tok.text != "-") or tok.like_num:
            break
        elif _title_word(doc, i, start, sent_start, lex):
            pass
        elif low in ("and", "&") and span is not None and span.kind == "org":
            pass  # inside "Ministry of Foreign Affairs and International Cooperation"
        else:
            break
        first = i
        i -= 1
    # Drop leading words that are neither roles nor names ("On", "the").
    while first < start and not (
        doc[first].lower_ in lex.role_words or first in names_at or country_of(doc[first].text, lex)
    ):
        first += 1
    return first if first < start else None


def _title_word(doc: Doc, i: int, start: int, sent_start: int, lex: Lexicon) -> bool:
    """Whether token ``i`` can be part of a title ending before the name at ``start`` (in a
    sentence starting at ``sent_start``)."""
    tok, low = doc[i], doc[i].lower_
    before = doc[i - 1] if i > sent_start else None
    return (
        tok.text[:1].isupper()
        or low in lex.role_words
        or low in TITLE_MODIFIERS
        or tok.text == "-"
        or (tok.pos_ == "ADJ" and i + 1 < start and doc[i + 1].text[:1].isupper())
        # "United Nations-appointed special rapporteur", "Kremlin-backed governor"
        or (tok.tag_ == "VBN" and before is not None and before.text == "-")
        or (
            low in ("of", "for", "the")
            and before is not None
            and (before.text[:1].isupper() or low == "the")
        )
    )


def right_apposition(doc: Doc, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """Tokens of an apposition after a name: ", the exiled opposition party," -> its words."""
    if end >= len(doc) - 1 or doc[end].text != ",":
        return None
    sent_end = doc[end].sent.end
    i = end + 1
    if doc[i].lower_ == "who":
        i += 1
        while i < sent_end and doc[i].lower_ in COPULAS:
            i += 1
        if i == end + 2:
            return None  # "who said ..." is not a role
    if doc[i].lower_ in CONJUNCTIONS:
        return None  # "Heidi, and his father, Rafael": the next in a list, no apposition
    start = k = i
    while k < sent_end and k - start < 14:
        tok = doc[k]
        if tok.text in APPOS_STOP:
            break
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.dep_ not in ("amod", "compound")
            and (tok.lower_ not in lex.role_words)
        ):
            return None
        k += 1
    return (start, k) if k > start else None


def _words(doc: Doc, start: int, end: int, skip: set[int]) -> list[tuple[str, int, int]]:
    """Lower-case words of a token range with hyphenated compounds joined: (word, start, end)."""
    out: list[tuple[str, int, int]] = []
    i = start
    while i < end:
        if i in skip or (doc[i].is_punct and doc[i].text != "-"):
            i += 1
            continue
        word, j = doc[i].lower_, i + 1
        while j + 1 < end and doc[j].text == "-" and not doc[j].whitespace_:
            word += "-" + doc[j + 1].lower_
            j += 2
        if word != "-":
            out.append((word, i, j))
        i = j
    return out


def find_role(
    span: Span, *, skip: set[int], lex: Lexicon, head_last: bool
) -> tuple[str | None, str | None]:
    """(role, sector) of the longest role phrase in a token range; the head is the last role in a
    title before a name, the first in an apposition."""
    words = _words(span.doc, span.start, span.end, skip)
    best: tuple[int, int, str, str | None] | None = None  # (length, position, role, sector)
    for i in range(len(words)):
        for n in range(min(5, len(words) - i), 0, -1):
            phrase = " ".join(w for w, _, _ in words[i : i + n])
            sector = role_sector(phrase, lex) or ("CVL" if phrase in KIN_ROLES else None)
            last = words[i + n - 1][0]
            is_person = (
                last in PERSON_ROLE_HEADS
                or last.split("-")[-1] in PERSON_ROLE_HEADS
                or last in KIN_ROLES
            )
            if sector is None and not (is_person and n == 1):
                continue
            if n == 1 and last in TITLE_MODIFIERS and i + 1 < len(words):
                continue  # "deputy U.N. ambassador": a modifier of the role after it, no role

            if not is_person and sector not in ("OPP", "REB", "MIL", "LEG", "JUD", "COP", "GOV"):
                continue
            pos = i if head_last else -i
            key = (n + (1 if is_person else 0), pos)
            if best is None or key > best[:2]:
                best = (key[0], key[1], normalize_role(phrase), sector)
            break
    if best is None:
        return None, None
    return best[2], best[3] or None


def code_title(
    span: Span,
    *,
    names_at: dict[int, NameSpan],
    orgs: dict[int, OrgCode],
    lex: Lexicon,
    head_last: bool,
) -> Title | None:
    """The role, country and sector a title or apposition (``span``) gives; None when it gives
    none."""
    doc, start, end = span.doc, span.start, span.end
    in_org = {i for i in range(start, end) if i in orgs}
    role, sector = _title_role(span, in_org, lex, head_last)
    if role is not None and start >= 2 and doc[start - 1].text in POSSESSIVE:
        # "the party's leader": the owner is the role's body, as in "party leader" (PTY).
        owner = doc[start - 2]
        owned = role_sector(f"{owner.lower_} {role}", lex) if owner.pos_ == "NOUN" else None
        if owned is not None and start - 2 not in names_at and start - 2 not in orgs:
            sector = owned
    org = next((orgs[i] for i in range(start, end) if i in orgs), None)
    posted = org is not None and org.igo
    country = next(
        (
            named.value
            for i in range(start, end)
            if (named := names_at.get(i)) is not None
            and named.kind == "country"
            and i not in in_org
            # "the U.N. special representative in Haiti": where an IGO's official serves
            and not (posted and _posting(doc[named.start : named.end].root))
        ),
        None,
    )
    words = {w for w, _, _ in _words(doc, start, end, set())}
    if org is not None:
        country = country or org.country
        sector = _sector_in(org, words, role, sector)
    group = _armed_group(span, lex) if org is None and role is not None else None
    if group is not None:  # "Taliban leader", "the leader of Afghanistan's Taliban insurgency"
        country, sector = group[0] or country, group[1]
    sector = _qualified(words, role, sector)
    before = max(doc[start].sent.start, start - 3)  # "Republican poll | leader Donald Trump"
    if role == "leader" and sector == "GOV" and _party_title(doc[before:end], lex):
        sector = "PTY"  # "Republican poll leader Donald Trump": a leader in a party's race
    if country is None and role is not None and sector in PLACED_OFFICE_SECTORS:
        # "California Rep. Adam Schiff", "Kabul police chief": an office of a place of one
        # country is that country's
        country = next(
            (
                iso
                for i in range(start, end)
                if (named := names_at.get(i)) is not None
                and named.start == i
                and (iso := _place_country(doc[named.start : named.end], named, lex))
                and not _posting(doc[named.start : named.end].root)
            ),
            None,
        )
    if country is None and role is not None and sector in ("LEG", "PTY", "GOV", None):
        # "Democratic Representative Jason Crow", "presumptive Republican nominee", "GOP
        # front-runner": a party whose name alone says the country
        country = next(
            (
                iso
                for t in doc[start:end]
                if t.text[:1].isupper() and (iso := party_country(t.text, lex)) is not None
            ),
            None,
        )
    if role is None and (org is None or (sector is None and country is None)):
        return None
    return Title(start, end, role, country, sector, org.entity_id if org else None)


def _sector_in(org: OrgCode, words: set[str], role: str | None, sector: str | None) -> str | None:
    """The sector of a role held in an organization the title names: an IGO's official serves
    it (a refugee agency's, refugees), a company's chief executive heads a company ("Verizon
    chief executive Lowell McAdam": no state's office), else the organization's sector."""
    if org.igo:
        return "REF" if "refugees" in words else (sector or org.sector or "GOV")
    if org.sector is None and role in COMPANY_ROLES:
        return "BUS"
    return org.sector or sector


#: Words of a title that put a party leader in a legislature ("Senate Republican leader").
CHAMBER_WORDS = frozenset({"senate", "house", "congressional", "parliamentary", "assembly"})


def _party_title(span: Span, lex: Lexicon) -> bool:
    """Whether a title names a party and no chamber ("Republican poll leader", "GOP leader")."""
    words = {t.lower_ for t in span}
    return not words & CHAMBER_WORDS and any(
        t.text[:1].isupper() and party_country(t.text, lex) is not None for t in span
    )


#: Sectors of the offices a place in their title places in its country ("Texas Sen.", "Moscow
#: mayor"); a reporter's ("Moscow correspondent") is not among them.
PLACED_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "PTY"})


def _place_country(span: Span, named: NameSpan, lex: Lexicon) -> str | None:
    """The country of a city, region or capital a name is, else None."""
    if named.kind == "capital":
        return named.value
    if named.kind != "place":
        return None
    found = place_of(span.text, lex)
    return found[0] if found is not None and found[1] in ("city", "region") else None


#: Sectors of the groups whose leaders take their group's codes, not their office's: a rebel
#: or insurgent group's "leader" or "commander" is one of the rebels.
GROUP_LED_SECTORS = frozenset({"REB", "CRM"})


def _armed_group(span: Span, lex: Lexicon) -> tuple[str | None, str] | None:
    """The (country, sector) of an armed group a title names, in it or in the "of" phrase of its
    head ("Taliban leader", "the leader of Afghanistan's Taliban insurgency"), else None."""
    of_phrase = [
        t
        for c in span.root.children
        if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end
        for t in c.subtree
    ]
    day = published_day(span.doc)
    for token in [*span, *of_phrase]:
        if not token.text[:1].isupper():
            continue
        # as of the article's day: the Taliban's leader governs from August 2021
        found = group_of(token.text, lex, day)
        if found is not None and found[1] in GROUP_LED_SECTORS:
            return found[0], found[1]
    return None


def _posting(token: Token) -> bool:
    """Whether a country in a title is where its holder serves ("envoy to Syria", "representative
    in Haiti"), not whose they are."""
    return token.dep_ == "pobj" and token.head.lower_ in POSTING_PREPS


def _title_role(
    span: Span, in_org: set[int], lex: Lexicon, head_last: bool
) -> tuple[str | None, str | None]:
    """(role, sector) of a title, the words of an organization in it left out; the whole title
    when that cuts a role in two ("British Defence | Secretary")."""
    role, sector = find_role(span, skip=in_org, lex=lex, head_last=head_last)
    if sector is None and in_org:
        whole_role, whole_sector = find_role(span, skip=set(), lex=lex, head_last=head_last)
        if (
            whole_sector is not None
            and whole_role is not None
            and role is not None
            and (whole_role.endswith(role))
        ):
            role, sector = whole_role, whole_sector
    return role, sector


def _qualified(words: set[str], role: str | None, sector: str | None) -> str | None:
    """The sector as the title's words qualify it: the opposition, or a former office holder."""
    if "opposition" in words or ("exiled" in words and sector in ("PTY", None)):
        return "OPP"
    if role is not None and FORMER.intersection(words):
        # A former office holder is one of CAMEO's elites; a former lawyer is no judge now.
        return "ELI" if sector in ("GOV", "ELI") else None
    return sector
