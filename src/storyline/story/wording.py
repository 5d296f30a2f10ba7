"""Wording features shared by event merging, story grouping and timelines: content words and names.

Reads: plain strings. Writes nothing. No spaCy: a regex tokenizer and a crude suffix stemmer are
enough to tell that "co-sponsoring the U.N. resolution" and "co-sponsored the resolution"
share words.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
# Runs of capitalized words (with inner "of", "the", "and") — a cheap stand-in for names.
_NAME = re.compile(r"\b[A-Z][\w’'\-.]*(?:\s+(?:(?:of|the|and|for|al|de)\s+)?[A-Z][\w’'\-.]*)*")

_POSSESSIVE = re.compile(r"['’]s?$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)\.$")

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say saying told tell according would could may might must shall one two three four
    five six seven eight nine ten many much monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november december
    week weeks month months year years day days today yesterday tomorrow last next earlier later
    late early ago since still already even well mr mrs ms new also however among including
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Capitalized words that open sentences or name times, not actors.
_NAME_STOP_TEXT = """
    The A An He She It They We I In On At But And For This That These Those His Her Their Our
    Its If As After Before When While During Since Earlier Later Last Next Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December SEE ALSO Mr Mrs Ms Dr Prime Minister President
"""
_NAME_STOP = frozenset(_NAME_STOP_TEXT.split())


@functools.lru_cache(maxsize=65536)  # a corpus repeats its words
def stem(word: str) -> str:
    """A crude English stem: lowercase, no possessive, no common inflection suffix."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + keep
            break
    return w.replace("-", "")


def content_words(text: str) -> list[str]:
    """The stemmed content words of a text, in order, stopwords removed."""
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if word.lower() in STOPWORDS or len(word) < 2:
            continue
        out.append(stem(word))
    return out


def names(text: str) -> list[str]:
    """Capitalized word runs that look like names ("Hun Sen", "U.N. Security Council").

    A title or time word inside a run splits it ("Ukrainian President Volodymyr Zelenskyy" gives
    "Ukrainian" and "Volodymyr Zelenskyy"); a possessive "'s" is dropped.
    """
    found = []
    for m in _NAME.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" “\"'‘")
        opens_sentence = not before or before[-1] in ".!?\n:"
        parts: list[list[str]] = [[]]
        for w in m.group().split():
            if w.strip(".") in _NAME_STOP:
                parts.append([])
                continue
            bare = _POSSESSIVE.sub("", w)
            parts[-1].append(bare)
            # A possessive or a sentence-final period ends the name ("Cambodia’s Ministry").
            if bare != w or (w.endswith(".") and not _INITIALS.match(w)):
                parts.append([])
        for i, words in enumerate(p for p in parts if p):
            if i == 0 and len(words) == 1 and opens_sentence and parts[0]:
                continue  # one capitalized word opening a sentence is most often not a name
            name = " ".join(words).strip(" .")
            if len(name) >= 2 and name.lower() not in STOPWORDS:
                found.append(name)
    return found


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def tfidf(counts: Counter[str], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """A TF-IDF vector (log-scaled term frequency, smoothed IDF)."""
    return {
        term: (1.0 + math.log(tf)) * math.log((1 + n_docs) / (1 + df.get(term, 0)) + 1.0)
        for term, tf in counts.items()
    }


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard overlap of two word sets."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
