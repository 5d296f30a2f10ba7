"""What readers produce: raw articles (before analysis) and the step that makes a Document of one.

Reads: nothing. Writes: nothing. Pure functions over values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from storyline.ingest.dates import parse_date
from storyline.records import Document, Failure, PublishedBasis

_WS = re.compile(r"\s+")
# C0/C1 control characters other than tab and newline (NUL, form feeds, stray escapes).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A UTF-16 surrogate in a Python string is always a lone one (JSON's "\ud800", or a byte of a
# file name that is not UTF-8, which Python keeps as U+DC80-U+DCFF): no UTF-8 can hold it.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as a reader found it. Exactly one of ``text`` and ``html`` is set."""

    input: str  # "path" or "path#record" — where it came from, for failure rows
    external_id: str  # the input's own id, else "path#record"
    text: str | None = None
    html: str | None = None
    published: str | None = None
    published_basis: PublishedBasis | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    # Problems that did not stop the article (an impossible date that was dropped, say).
    # read_inputs turns each into a Failure row with stage "validate"; see note_failures().
    notes: tuple[str, ...] = ()


def replace_surrogates(text: str) -> str:
    """``text`` with every lone UTF-16 surrogate replaced by U+FFFD (one character for one)."""
    return _SURROGATE.sub("\ufffd", text)


def clean_name(name: str) -> str:
    """A file name or path as it can be stored and shown: a byte that is not UTF-8 (which Python
    keeps as a surrogate) written ``\\xNN``, any other lone surrogate as U+FFFD."""
    if not _SURROGATE.search(name):
        return name
    name = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m[0]) - 0xDC00:02x}", name)
    return replace_surrogates(name)


def _clean_optional(value: str | None) -> str | None:
    return None if value is None else replace_surrogates(value)


def clean_item(item: RawArticle | Failure) -> RawArticle | Failure:
    """A reader's output with nothing UTF-8 cannot hold: names and reasons through
    :func:`clean_name`, texts and metadata through :func:`replace_surrogates`."""
    if isinstance(item, Failure):
        external_id = None if item.external_id is None else clean_name(item.external_id)
        return Failure(clean_name(item.input), external_id, item.stage, clean_name(item.reason))
    return dataclasses.replace(
        item,
        input=clean_name(item.input),
        external_id=clean_name(item.external_id),
        text=_clean_optional(item.text),
        html=_clean_optional(item.html),
        title=_clean_optional(item.title),
        url=_clean_optional(item.url),
        source=_clean_optional(item.source),
        notes=tuple(clean_name(n) for n in item.notes),
    )


def note_failures(article: RawArticle) -> list[Failure]:
    """One "validate" Failure per note on the article: what was dropped from it, and why."""
    return [Failure(article.input, article.external_id, "validate", note) for note in article.notes]


def resolve_published(
    value: object, user: str | None
) -> tuple[str | None, PublishedBasis | None, tuple[str, ...]]:
    """The article's date, its basis and notes: its own date, else the user's (--published).

    An unreadable or impossible date of its own is dropped with a note, and the user's date, if
    any, takes its place.
    """
    try:
        own = parse_date(value)
    except ValueError as err:
        note = f"published date ignored: {err}"
        return user, ("user" if user else None), (note,)
    if own is not None:
        return own, "metadata", ()
    if user is not None:
        return user, "user", ()
    return None, None, ()


def field_text(record: dict[str, object], key: str) -> str | None:
    """A metadata field as a string (numbers too), None when absent, blank or not a scalar."""
    value = record.get(key)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        value = normalize_text(value)
        return value or None
    return None


def normalize_text(text: str) -> str:
    """The text as stored: NFC, Unix line ends, no NUL or stray control characters, no lone
    surrogates (each becomes U+FFFD), no outer blanks.

    Offsets of every record index into this string.
    """
    text = replace_surrogates(text.replace("\r\n", "\n").replace("\r", "\n"))
    # Control characters go before NFC: removing one later could bring a base character and a
    # combining mark together, and a second pass would then change the text (not idempotent).
    text = _CONTROL.sub("", text).replace("\ufeff", "")
    return unicodedata.normalize("NFC", text).strip()


def document_id(text: str) -> str:
    """Content hash of the normalized text: the same article from two inputs gets one id.

    Whitespace runs are folded and case kept, so a re-wrapped copy is still the same document.
    """
    key = _WS.sub(" ", text).strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def make_document(article: RawArticle, text: str) -> Document | Failure:
    """A Document from a raw article and its extracted plain text, or a Failure saying why not."""
    text = normalize_text(text)
    if not text:
        return Failure(article.input, article.external_id, "validate", "no text")
    return Document(
        id=document_id(text),
        external_id=article.external_id,
        source=article.source,
        url=article.url,
        title=article.title,
        published=article.published,
        published_basis=article.published_basis,
        text=text,
    )
