"""How a document's metadata and text read on a page: a safe link, the outlet's name, paragraphs.

Reads: strings of the stored documents. Writes: strings and offsets for the templates.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

#: Names of outlets by host (without "www."); any other host is shown as it is, in lower case.
OUTLETS = {
    "voanews.com": "VOA News",
    "voacambodia.com": "VOA Cambodia",
    "rfa.org": "Radio Free Asia",
    "phnompenhpost.com": "The Phnom Penh Post",
    "khmertimeskh.com": "Khmer Times",
    "cambodiadaily.com": "The Cambodia Daily",
    "bbc.com": "BBC News",
    "bbc.co.uk": "BBC News",
    "reuters.com": "Reuters",
    "apnews.com": "AP News",
    "aljazeera.com": "Al Jazeera",
    "theguardian.com": "The Guardian",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "cnn.com": "CNN",
    "dw.com": "DW",
    "france24.com": "France 24",
    "npr.org": "NPR",
    "bloomberg.com": "Bloomberg",
    "ft.com": "Financial Times",
    "wsj.com": "The Wall Street Journal",
    "nikkei.com": "Nikkei Asia",
    "scmp.com": "South China Morning Post",
    "xinhuanet.com": "Xinhua",
    "tass.com": "TASS",
    "kyivindependent.com": "The Kyiv Independent",
}


def link_url(url: str | None) -> str | None:
    """``url`` if it may become a link (an absolute http or https address), else None: a stored
    ``javascript:`` or ``data:`` address is shown as text, never made clickable."""
    if not url:
        return None
    clean = url.strip()
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in clean):
        return None
    try:
        parts = urllib.parse.urlsplit(clean)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return clean


def host(url: str | None) -> str:
    """The host of an address in lower case without ``www.`` ("" when there is none)."""
    try:
        name = urllib.parse.urlsplit((url or "").strip()).hostname or ""
    except ValueError:
        return ""
    return name.lower().removeprefix("www.")


def source_name(source: str | None, url: str | None = None) -> str:
    """The outlet as a reader names it: the stored source unless it is only a host name
    ("WWW.VOANEWS.COM"), else the outlet of the address's host ("VOA News"), else the host."""
    if source and source.strip():
        name = source.strip()
        as_host = name.lower().removeprefix("www.")
        if "." not in as_host or " " in as_host:
            return name
        return OUTLETS.get(as_host, as_host)
    h = host(url)
    if not h:
        return ""
    for known, outlet in OUTLETS.items():
        if h == known or h.endswith("." + known):
            return outlet
    return h


# --- paragraphs -----------------------------------------------------------------------------------

#: Words that end with a full stop but do not end a sentence (one-letter words and words with a
#: full stop inside, such as initials and "U.S.", never end one either).
_ABBREVIATIONS = """
    mr mrs ms dr prof st gen col lt sgt capt maj adm gov sen rep pres rev jr sr inc corp co ltd
    no vs etc jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(\s+)(?=[\"'“‘(\[]?[A-Z0-9])")
PARAGRAPH_SENTENCES = 3  # a paragraph made from running text has at most this many sentences
PARAGRAPH_CHARS = 320  # and ends at the first sentence end past this many characters


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int  # offsets of the paragraph's text, without the blank space around it
    end: int


def _sentence_breaks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of the blank space after each sentence end in ``text[lo:hi]``."""
    out = []
    for m in _SENTENCE_END.finditer(text, lo, hi):
        before = text[lo : m.start() + 1].split()
        word = before[-1].rstrip(".") if before else ""
        bare = word.lower().lstrip("\"'“‘([")
        if bare in ABBREVIATIONS or len(bare) == 1 or "." in bare:  # "Gen.", "U.S.", initials
            continue
        out.append((m.start(1), m.end(1)))
    return out


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a text: its lines (split on line breaks, blank lines dropped); a long line
    of running text (sources that lost their paragraph breaks) is cut at sentence ends into
    paragraphs of a few sentences. Offsets are into ``text``; what lies between two paragraphs is
    blank space."""
    out: list[Paragraph] = []
    for line in re.finditer(r"[^\r\n]+", text):
        lo, hi = line.start(), line.end()
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo == hi:
            continue
        start, sentences = lo, 0
        for space_start, space_end in _sentence_breaks(text, lo, hi):
            sentences += 1
            if sentences >= PARAGRAPH_SENTENCES or space_start - start >= PARAGRAPH_CHARS:
                out.append(Paragraph(start, space_start))
                start, sentences = space_end, 0
        out.append(Paragraph(start, hi))
    return out
