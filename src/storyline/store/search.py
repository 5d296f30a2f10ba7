"""Ranked full-text search over documents, quotes and event sentences, by whole words.

Reads: the store. Writes: nothing.

A hit holds every word of the query as a whole word (``Hun`` finds "Hun Sen", not "hunted"; a
plural or possessive ending is allowed: ``sanction`` finds "sanctions"), case-insensitive. Hits are
ranked by a score: how often each word occurs (dampened), more for a word in a title or a speaker's
name and for the query's words side by side as a phrase, less for long texts. DuckDB's ``fts`` extension would do this with an index, but its Python package is not
published for the DuckDB release in use, and a read-only server cannot build an index; the regular
expressions below scan instead, so a search costs time in proportion to the text searched.

Every value is bound as a query parameter; the words of the query only reach SQL as escaped
regular expressions in parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from storyline.store.db import Store
from storyline.store.reads import MAX_QUERY_CHARS, BadQueryError, first_words

MAX_TERMS = 8
SNIPPET_CHARS = 80  # context on each side of a match
TITLE_WEIGHT = 3.0
PHRASE_WEIGHT = 4.0
LENGTH_NORM = 2000  # characters at which a text's score is halved

SearchKind = Literal["document", "quote", "event"]
KINDS: tuple[SearchKind, ...] = ("document", "quote", "event")
SUFFIX = r"(?:s|es|'s|’s)?"  # endings a word may take and still match


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A match: the record it is in and the matched characters in its document."""

    kind: SearchKind
    id: str  # document, quote or event id
    doc_id: str
    title: str | None  # the document's title, else its first words
    start: int  # offsets of the best match (the phrase, else the first word) in the document
    end: int
    snippet: str
    date: str | None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of hits, best first, and how many there are in all and of each kind."""

    items: list[SearchHit]
    total: int
    limit: int
    offset: int
    kinds: dict[str, int] = field(default_factory=dict)


def search_terms(query: str) -> list[str]:
    """The words of a search query (at most 8; punctuation around a word is dropped)."""
    words = []
    for raw in query.split():
        word = raw.strip(".,;:!?\"'“”‘’()[]{}")
        if word and (len(word) >= 2 or word.isdigit()):
            words.append(word)
    return words[:MAX_TERMS]


def _ascii_word(word: str) -> bool:
    return word.isascii() and word[0].isalnum() and word[-1].isalnum()


def _word_re(word: str) -> str:
    """An RE2 pattern for ``word`` as a whole word (with an optional ending), case-insensitive;
    group 1 is the word as found. ASCII words use RE2's (much cheaper) ``\b``."""
    body = re.escape(word.lower()) + SUFFIX
    if _ascii_word(word):
        return rf"(?i)\b({body})\b"
    return rf"(?i)(?:^|[^\pL\pN_])({body})(?:[^\pL\pN_]|$)"


def _phrase_re(words: list[str]) -> str:
    body = r"[\s\-–—]+".join(re.escape(w.lower()) for w in words) + SUFFIX
    if _ascii_word(words[0]) and _ascii_word(words[-1]):
        return rf"(?i)\b({body})\b"
    return rf"(?i)(?:^|[^\pL\pN_])({body})(?:[^\pL\pN_]|$)"


def _py_word(word: str) -> str:
    return rf"(?<![^\W_]){re.escape(word)}{SUFFIX}(?![^\W_])"


def locate(text: str, words: list[str]) -> tuple[int, int]:
    """Offsets of the whole query as a phrase in ``text``, else of its first word found."""
    phrase = r"[\s\-–—]+".join(re.escape(w) for w in words)
    for pattern in (rf"(?<![^\W_]){phrase}{SUFFIX}(?![^\W_])", *map(_py_word, words)):
        match = re.search(pattern, text, flags=re.IGNORECASE)
        if match:
            return match.start(), match.end()
    return 0, 0


def _snippet(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - SNIPPET_CHARS), min(len(text), end + SNIPPET_CHARS)
    out = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + out + ("…" if hi < len(text) else "")


@dataclass(frozen=True, slots=True)
class _Source:
    columns: str  # id, doc_id, title, lead, date, start, end, shown, speaker, etype
    source: str  # FROM ...
    searched: str  # the text the words must be in
    title: str | None  # text where a word counts more


_SOURCES: dict[SearchKind, _Source] = {
    "document": _Source(
        "d.id, d.id AS doc_id, d.title, left(d.text, 200) AS lead, d.published AS date, "
        'NULL::BIGINT AS start, NULL::BIGINT AS "end", d.text AS shown, NULL AS speaker, '
        "NULL AS etype",
        "FROM documents d",
        "(coalesce(d.title, '') || chr(10) || d.text)",
        "coalesce(d.title, '')",
    ),
    "quote": _Source(
        'q.id, q.doc_id, d.title, left(d.text, 200) AS lead, q.date, q.start, q."end", '
        "q.text AS shown, q.speaker, NULL AS etype",
        "FROM quotes q JOIN documents d ON d.id = q.doc_id",
        "(q.text || chr(10) || coalesce(q.speaker, ''))",
        "coalesce(q.speaker, '')",
    ),
    "event": _Source(
        "e.id, e.doc_id, d.title, left(d.text, 200) AS lead, e.date.value AS date, "
        'e.sentence.start AS start, e.sentence.end AS "end", e.sentence.text AS shown, '
        "NULL AS speaker, e.type AS etype",
        "FROM events e JOIN documents d ON d.id = e.doc_id",
        "e.sentence.text",
        None,
    ),
}


def _candidates(words: list[str], kinds: tuple[SearchKind, ...]) -> tuple[str, list[Any]]:
    """SQL for the records holding every word, with what ranks them: ``tf`` (how often each word
    occurs), ``title_tf`` (in the title or speaker) and ``phrase`` (the words side by side)."""
    parts, params = [], []
    for kind in kinds:
        src = _SOURCES[kind]
        select_params: list[Any] = []
        tf = []
        for w in words:
            tf.append(f"len(regexp_extract_all({src.searched}, ?, 1))")
            select_params.append(_word_re(w))
        title_tf = ["0"] * len(words)
        if src.title is not None:
            title_tf = []
            for w in words:
                title_tf.append(f"len(regexp_extract_all({src.title}, ?, 1))")
                select_params.append(_word_re(w))
        phrase = "0"
        if len(words) > 1:
            phrase = f"len(regexp_extract_all({src.searched}, ?, 1))"
            select_params.append(_phrase_re(words))
        must, where_params = [], []
        for w in words:
            # a cheap substring test first, then the whole-word test
            must.append(f"contains(lower({src.searched}), ?) AND regexp_matches({src.searched}, ?)")
            where_params += [w.lower(), _word_re(w)]
        parts.append(
            f"SELECT '{kind}' AS kind, {src.columns}, length({src.searched}) AS chars, "
            f"[{', '.join(tf)}] AS tf, [{', '.join(title_tf)}] AS title_tf, {phrase} AS phrase "
            f"{src.source} WHERE {' AND '.join(must)}"
        )
        params += select_params + where_params
    return " UNION ALL ".join(parts), params


def _score_sql(n: int) -> str:
    """SQL ranking a candidate: per word, log(1 + occurrences), a word in a title or speaker
    counting more; plus a bonus for the words as a phrase; over a norm growing with length."""
    per_word = " + ".join(
        f"ln(1 + tf[{i}] + {TITLE_WEIGHT} * title_tf[{i}])" for i in range(1, n + 1)
    )
    return f"(({per_word}) + {PHRASE_WEIGHT} * ln(1 + phrase)) / sqrt(1 + chars / {LENGTH_NORM}.0)"


def search(
    store: Store,
    query: str,
    kinds: tuple[SearchKind, ...] = KINDS,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Documents, quotes and event sentences holding every word of ``query``, best first."""
    if len(query) > MAX_QUERY_CHARS:
        raise BadQueryError(f"search query is {len(query)} characters; at most {MAX_QUERY_CHARS}")
    words = search_terms(query)
    if not words or not kinds:
        return SearchResults([], 0, limit, offset, {})
    candidates, params = _candidates(words, kinds)
    per_kind = ", ".join(f"count(*) FILTER (WHERE kind = '{k}') OVER () AS _n_{k}" for k in kinds)
    rows = store.sql(
        f"""
        WITH c AS ({candidates})
        SELECT kind, id, doc_id, title, lead, date, start, "end", shown, speaker, etype,
               {_score_sql(len(words))} AS score, {per_kind}
        FROM c
        ORDER BY score DESC, date DESC NULLS LAST, doc_id, start NULLS FIRST, id
        LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
    found: dict[str, int]
    if rows:
        found = {k: int(rows[0][f"_n_{k}"]) for k in kinds}
    else:  # past the last hit: count on their own
        counts = store.sql(f"SELECT kind, count(*) AS n FROM ({candidates}) GROUP BY kind", params)
        found = {str(r["kind"]): int(r["n"]) for r in counts}
    found = {k: n for k, n in found.items() if n}
    hits = [_hit(r, words) for r in rows]
    return SearchResults(hits, sum(found.values()), limit, offset, found)


def _hit(r: dict[str, Any], words: list[str]) -> SearchHit:
    title = r["title"] or first_words(r["lead"])
    shown: str = r["shown"]
    if r["kind"] == "document":
        start, end = locate(shown, words)
        snippet = _snippet(shown, start, end)
    elif r["kind"] == "quote":
        start, end = r["start"], r["end"]
        who = f"{r['speaker']}: " if r["speaker"] else ""
        snippet = who + _snippet(shown, 0, min(len(shown), 200))
    else:
        start, end = r["start"], r["end"]
        snippet = f"{r['etype']}: " + " ".join(shown.split())
    return SearchHit(
        r["kind"], r["id"], r["doc_id"], title, start, end, snippet, r["date"], round(r["score"], 4)
    )
