"""The HTML reader, and main-text extraction with trafilatura.

Reads: ``.html``/``.htm`` files (plain or gzip) and their ``NAME.json`` sidecars. Writes: nothing.

``extract_html`` keeps the article's body, title and date and drops menus, footers, comments and
related-article lists. Its options were chosen on the article-extraction benchmark
(``storyline.eval.ingest``; scores in the module docstring there).

A date found in the page (by htmldate: meta tags, JSON-LD, ``<time>`` elements, the URL) has the
basis "inferred", even when it came from a meta tag: htmldate does not say where it found the date,
and such dates are sometimes a modification or copyright date. A date from a sidecar is "metadata".
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from configparser import ConfigParser
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura.settings import use_config

from storyline.ingest.base import RawArticle
from storyline.ingest.dates import parse_date
from storyline.ingest.decode import BinaryInputError, decode_bytes, html_declared_charset
from storyline.ingest.files import read_input_bytes, read_sidecar
from storyline.ingest.text import article_with_sidecar
from storyline.records import Failure
from storyline.settings import IngestSettings

# trafilatura logs a warning for every page it finds no article in; the Failure row says so.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """trafilatura's knobs that change what text is kept."""

    favor_precision: bool = False
    favor_recall: bool = False
    include_comments: bool = False
    include_tables: bool = True
    fast: bool = False  # skip the readability/jusText fallback
    # Less main text than this many characters is "no article" (a menu, an error page).
    min_chars: int = 80


#: The options to_document uses: the best F1 on the benchmark (see storyline.eval.ingest).
DEFAULT_HTML_OPTIONS = HtmlOptions(favor_precision=True)
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@functools.cache
def _config(min_chars: int) -> ConfigParser:
    config = deepcopy(use_config())
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", str(min_chars))
    return config


@dataclass(frozen=True, slots=True)
class Extracted:
    """What was found in a page: the main text, and its title and date if any."""

    text: str
    title: str | None
    date: str | None


def extract_html(
    html: str, url: str | None = None, options: HtmlOptions = DEFAULT_HTML_OPTIONS
) -> Extracted | None:
    """The article in an HTML page, or None when trafilatura finds no main text."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        fast=options.fast,
        favor_precision=options.favor_precision,
        favor_recall=options.favor_recall,
        include_comments=options.include_comments,
        include_tables=options.include_tables,
        date_extraction_params=dict(_DATE_PARAMS),
        config=_config(options.min_chars),
    )
    if result is None:
        return None
    text = getattr(result, "text", None)
    if not isinstance(text, str) or not text.strip():
        return None
    title = getattr(result, "title", None)
    try:
        date = parse_date(getattr(result, "date", None))
    except ValueError:
        date = None
    return Extracted(text, title if isinstance(title, str) and title.strip() else None, date)


def read_html_file(
    path: Path, settings: IngestSettings, published: str | None
) -> Iterator[RawArticle | Failure]:
    """The page in an ``.html`` file as a RawArticle (extraction happens in to_document)."""
    name = str(path)
    data = read_input_bytes(path, settings.max_file_bytes, "HTML")
    if isinstance(data, Failure):
        yield data
        return
    try:
        html, _encoding = decode_bytes(
            data, settings.fallback_encodings, declared=html_declared_charset(data)
        )
    except BinaryInputError as err:
        yield Failure(name, None, "decode", f"{err}; is this really an HTML file?")
        return
    meta, problem = read_sidecar(path, settings.fallback_encodings)
    if problem is not None:
        yield problem
    yield article_with_sidecar(path, meta, published, html=html)
