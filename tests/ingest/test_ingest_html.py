from __future__ import annotations

import gzip
import json
from pathlib import Path

from storyline.ingest import read_inputs, to_document
from storyline.ingest.base import RawArticle
from storyline.ingest.html import extract_html
from storyline.records import Document, Failure
from storyline.settings import IngestSettings


def test_extract_html_keeps_the_article_and_drops_boilerplate(article_html: str) -> None:
    extracted = extract_html(article_html)
    assert extracted is not None
    assert "Prime Minister Hun Sen said the kingdom opposed" in extracted.text
    assert "Sport menu link" not in extracted.text
    assert "All rights reserved" not in extracted.text
    assert extracted.title == "Cambodia backs UN resolution on Ukraine"
    assert extracted.date == "2022-03-03"


def test_extract_html_finds_nothing_in_a_link_list(no_article_html: str) -> None:
    assert extract_html(no_article_html) is None


def test_html_file_date_is_inferred_over_user_date(
    tmp_path: Path, ingest_settings: IngestSettings, article_html: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html, encoding="utf-8")
    [article] = list(read_inputs([path], ingest_settings, published="2020-01-01"))
    assert isinstance(article, RawArticle)
    assert article.html is not None and article.text is None
    document = to_document(article)
    assert isinstance(document, Document)
    assert (document.published, document.published_basis) == ("2022-03-03", "inferred")
    assert document.title == "Cambodia backs UN resolution on Ukraine"
    assert document.external_id == str(path)


def test_html_sidecar_date_wins(
    tmp_path: Path, ingest_settings: IngestSettings, article_html: str
) -> None:
    with gzip.open(tmp_path / "page.htm.gz", "wt", encoding="utf-8") as stream:
        stream.write(article_html)
    (tmp_path / "page.json").write_text(json.dumps({"published": "2022-03-04", "title": "Mine"}))
    [article] = list(read_inputs([tmp_path], ingest_settings))
    assert isinstance(article, RawArticle)
    document = to_document(article)
    assert isinstance(document, Document)
    assert (document.published, document.published_basis, document.title) == (
        "2022-03-04",
        "metadata",
        "Mine",
    )


def test_html_in_a_declared_legacy_charset(
    tmp_path: Path, ingest_settings: IngestSettings, article_html: str
) -> None:
    page = article_html.replace('charset="utf-8"', 'charset="iso-8859-15"').replace(
        "Phnom Penh said", "Phnom Penh (€) said"
    )
    (tmp_path / "legacy.html").write_bytes(page.encode("iso-8859-15"))
    [article] = list(read_inputs([tmp_path], ingest_settings))
    document = to_document(article)
    assert isinstance(document, Document)
    assert "Phnom Penh (€) said" in document.text


def test_html_with_no_article_is_a_failure(
    tmp_path: Path, ingest_settings: IngestSettings, no_article_html: str
) -> None:
    (tmp_path / "index.html").write_text(no_article_html)
    [article] = list(read_inputs([tmp_path], ingest_settings))
    assert isinstance(article, RawArticle)
    failure = to_document(article)
    assert isinstance(failure, Failure)
    assert (failure.stage, failure.input) == ("extract", str(tmp_path / "index.html"))
    assert "no article" in failure.reason
