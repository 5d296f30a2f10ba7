"""Readers: files and folders of articles in, RawArticles (or Failures) out, then Documents.

Reads: ``.txt`` (with an optional ``NAME.json`` sidecar), ``.jsonl``, ``.html``/``.htm``,
``.warc``/``.warc.gz`` (each optionally gzip-compressed), and folders of them, recursively
(hidden files and folders are skipped, sidecars are read with their article; links to folders are
followed, and a link to a folder already read, such as a link back up the tree, is a failure row
rather than a loop). Writes: nothing.

Inputs are named by their absolute path (``os.path.abspath``: the path as given, made absolute,
links not resolved), so the same file given as ``a.txt`` and as ``/home/me/a.txt`` has one name
and one set of failure rows. A file name that is not UTF-8 is written with ``\\xNN`` escapes;
a lone UTF-16 surrogate in a text, an id or a title (JSON's ``"\\ud800"``) becomes U+FFFD.

Dates: an input's own date has the basis "metadata"; ``published`` (the user's ``--published``)
fills in for inputs that carry none ("user"); a date found in an HTML page is "inferred" and
is preferred to the user's. Every problem inside an input becomes a ``Failure`` row; only a path
that does not exist, or a ``published`` that is not a date, raises (``InputError``), before
anything is read.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.base import (
    RawArticle,
    clean_item,
    clean_name,
    make_document,
    note_failures,
)
from storyline.ingest.dates import parse_date
from storyline.ingest.files import is_sidecar, sidecar_owner
from storyline.ingest.html import (
    DEFAULT_HTML_OPTIONS,
    HtmlOptions,
    extract_html,
    read_html_file,
)
from storyline.ingest.jsonl import read_jsonl_file, read_jsonl_line
from storyline.ingest.text import read_text_file
from storyline.ingest.warc import read_warc_file
from storyline.records import Document, Failure
from storyline.settings import IngestSettings

__all__ = [
    "READERS",
    "RawArticle",
    "input_files",
    "note_failures",
    "parse_date",
    "read_inputs",
    "read_jsonl_line",
    "to_document",
    "walk_inputs",
]

Reader = Callable[[Path, IngestSettings, str | None], Iterator[RawArticle | Failure]]

#: File extension (lower case, ``.gz`` allowed after it) -> reader.
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".warc": read_warc_file,
}


def reader_for(path: Path) -> Reader | None:
    """The reader for a file, by extension (``.gz`` allowed after it), or None if unknown."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return read_warc_file
    name = name.removesuffix(".gz")
    return READERS.get(os.path.splitext(name)[1])


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _folder_key(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _unlisted(err: OSError, default: str) -> Failure:
    where = err.filename if isinstance(err.filename, str) else default
    return Failure(where, None, "read", f"cannot list the folder: {err.strerror or err}")


def walk_inputs(root: Path) -> Iterator[Path | Failure]:
    """The files under ``root`` in a stable order, without hidden ones and without sidecars, and a
    Failure for each folder that cannot be listed or is reached a second time through a link."""
    if not root.is_dir():
        if not is_sidecar(root):
            yield root
        return
    # Links to folders are followed; each folder is read once (by device and inode), so a link
    # back up the tree (a cycle) or a second link to the same folder reads nothing twice.
    seen: dict[tuple[int, int], str] = {}
    key = _folder_key(str(root))
    if key is not None:
        seen[key] = str(root)
    errors: list[OSError] = []
    for folder, dirs, names in os.walk(root, onerror=errors.append, followlinks=True):
        yield from (_unlisted(err, folder) for err in errors)
        errors.clear()
        kept = []
        for d in sorted(d for d in dirs if not _hidden(d)):
            sub = os.path.join(folder, d)
            key = _folder_key(sub)
            if key is not None and key in seen:
                reason = (
                    f"a link to a folder already read as {seen[key]}; not read again "
                    "(its files are read once, and a link back up the tree would never end)"
                )
                yield Failure(sub, None, "read", reason)
                continue
            if key is not None:
                seen[key] = sub
            kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            path = Path(folder) / name
            if not _hidden(name) and not is_sidecar(path):
                yield path
    yield from (_unlisted(err, str(root)) for err in errors)  # the last folder walked


def input_files(root: Path) -> Iterator[Path]:
    """The files under ``root`` in a stable order, without hidden ones and without sidecars
    (:func:`walk_inputs` without its Failures)."""
    for item in walk_inputs(root):
        if isinstance(item, Path):
            yield item


def _unknown(path: Path) -> Failure:
    known = ", ".join([*READERS, ".warc.gz"])
    reason = f"unknown file type {path.name!r}; storyline reads {known} (each also as .gz)"
    return Failure(str(path), None, "read", reason)


def _read_file(
    path: Path, settings: IngestSettings, published: str | None
) -> Iterator[RawArticle | Failure]:
    reader = reader_for(path)
    if reader is None:
        yield _unknown(path)
        return
    if not path.is_file():
        reason = "not a regular file (a broken link, a pipe or a device?)"
        yield Failure(str(path), None, "read", reason)
        return
    try:
        for item in reader(path, settings, published):
            if isinstance(item, RawArticle):
                yield from note_failures(item)
            yield item
    except OSError as err:
        yield Failure(str(path), None, "read", f"cannot read the file: {err}")
    except Exception as err:
        # A reader bug on some odd input must not end the batch: record it and go on.
        reason = f"unexpected error while reading: {type(err).__name__}: {err}"
        yield Failure(str(path), None, "read", reason)


def _read(
    roots: list[Path], settings: IngestSettings, published: str | None
) -> Iterator[RawArticle | Failure]:
    given = {p.resolve() for p in roots}
    for root in roots:
        owner = sidecar_owner(root) if not root.is_dir() else None
        if owner is not None and owner.resolve() not in given:
            # A sidecar named on its own would otherwise be skipped without a word.
            reason = f"{root.name} is the sidecar of {owner.name} and is read with it; give {owner}"
            yield clean_item(Failure(str(root), None, "read", reason))
        for path in walk_inputs(root):
            items = [path] if isinstance(path, Failure) else _read_file(path, settings, published)
            # Names and texts UTF-8 cannot hold (a file name that is not UTF-8, JSON's "\ud800")
            # are made storable here, once, for every reader.
            yield from (clean_item(item) for item in items)


def read_inputs(
    paths: Sequence[str | Path], settings: IngestSettings, published: str | None = None
) -> Iterator[RawArticle | Failure]:
    """Every article in the given files and folders, one at a time, or a Failure saying why not.

    Raises InputError at once (before reading) when a path does not exist or ``published`` is
    not a date. Dates from ``published`` have the basis "user".
    """
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InputError(f"input not found: {', '.join(missing)}")
    # One name per input, however it was given (relative or absolute): failure rows are keyed by it.
    roots = [Path(os.path.abspath(p)) for p in paths]
    if published is not None:
        try:
            published = parse_date(published)
        except ValueError as err:
            raise InputError(f"--published: {err}") from err
    return _read(roots, settings, published)


def to_document(
    article: RawArticle, html_options: HtmlOptions = DEFAULT_HTML_OPTIONS
) -> Document | Failure:
    """The Document of a raw article (HTML is reduced to its main text first), or a Failure."""
    try:
        return _to_document(article, html_options)
    except Exception as err:
        # Whatever the article holds, it is this article's failure, never the batch's.
        reason = f"unexpected error making the document: {type(err).__name__}: {err}"
        names = clean_name(article.input), clean_name(article.external_id)
        return Failure(*names, "validate", clean_name(reason))


def _to_document(article: RawArticle, html_options: HtmlOptions) -> Document | Failure:
    if article.text is not None:
        return make_document(article, article.text)
    if article.html is None:
        return Failure(article.input, article.external_id, "validate", "no text and no html")
    try:
        extracted = extract_html(article.html, article.url, html_options)
    except Exception as err:
        # trafilatura and lxml on arbitrary markup: any error is this article's, not the batch's.
        reason = f"HTML extraction failed: {type(err).__name__}: {err}"
        return Failure(article.input, article.external_id, "extract", reason)
    if extracted is None:
        reason = "no article text found in the HTML (a page of links, a paywall or an error page?)"
        return Failure(article.input, article.external_id, "extract", reason)
    published, basis = article.published, article.published_basis
    if extracted.date is not None and basis in (None, "user"):
        published, basis = extracted.date, "inferred"
    article = dataclasses.replace(
        article, title=article.title or extracted.title, published=published, published_basis=basis
    )
    return make_document(article, extracted.text)
