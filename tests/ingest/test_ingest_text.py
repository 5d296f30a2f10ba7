from __future__ import annotations

import gzip
import json
from pathlib import Path

from storyline.ingest import read_inputs, to_document
from storyline.ingest.base import RawArticle
from storyline.records import Document, Failure
from storyline.settings import IngestSettings

TEXT = (
    "PHNOM PENH — Cambodia on Thursday co-sponsored a UN resolution.\r\n\r\nIt was the first time."
)


def _items(paths: list[Path], settings: IngestSettings, published: str | None = None) -> list:
    return list(read_inputs(paths, settings, published=published))


def test_txt_with_sidecar_takes_its_metadata(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    meta = {
        "id": "ppp-1",
        "published": "2022-10-28",
        "title": "T",
        "url": "https://x.org/a",
        "source": "The Phnom Penh Post",
        "extra": [1, 2],
    }
    (tmp_path / "a.json").write_text(json.dumps(meta), encoding="utf-8")
    [article] = _items([tmp_path], ingest_settings, published="2020-01-01")
    assert isinstance(article, RawArticle)
    assert article.external_id == "ppp-1"
    assert (article.published, article.published_basis) == ("2022-10-28", "metadata")
    assert (article.title, article.url, article.source) == ("T", "https://x.org/a", meta["source"])
    document = to_document(article)
    assert isinstance(document, Document)
    assert document.text == TEXT.replace("\r\n", "\n")
    assert document.external_id == "ppp-1"


def test_txt_without_sidecar_uses_path_and_user_date(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    path = tmp_path / "b.txt"
    path.write_text(TEXT, encoding="utf-8")
    [article] = _items([path], ingest_settings, published="2022-03-03")
    assert isinstance(article, RawArticle)
    assert article.external_id == str(path)
    assert (article.published, article.published_basis) == ("2022-03-03", "user")
    [undated] = _items([path], ingest_settings)
    assert isinstance(undated, RawArticle)
    assert (undated.published, undated.published_basis) == (None, None)


def test_txt_in_cp1252_and_gzip(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    text = "Le Café – “déjà vu” in Phnom Penh."
    (tmp_path / "c.txt").write_bytes(text.encode("cp1252"))
    with gzip.open(tmp_path / "d.txt.gz", "wb") as stream:
        stream.write(text.encode("utf-8"))
    items = _items([tmp_path], ingest_settings)
    assert [i.text for i in items if isinstance(i, RawArticle)] == [text, text]


def test_same_text_twice_gets_one_document_id(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    (tmp_path / "one.txt").write_text("Hun Sen spoke.\nThen he left.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Hun Sen spoke. Then\r\nhe left.\n\n", encoding="utf-8")
    documents = [to_document(a) for a in _items([tmp_path], ingest_settings)]
    assert all(isinstance(d, Document) for d in documents)
    first, second = documents
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == second.id
    assert first.external_id != second.external_id


def test_broken_sidecar_keeps_the_article(tmp_path: Path, ingest_settings: IngestSettings) -> None:
    (tmp_path / "e.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "e.json").write_text("{not json", encoding="utf-8")
    items = _items([tmp_path], ingest_settings)
    failures = [i for i in items if isinstance(i, Failure)]
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert len(articles) == 1
    assert [(f.input, f.stage) for f in failures] == [(str(tmp_path / "e.json"), "parse")]


def _documents(items: list) -> list[Document]:
    out = [to_document(i) for i in items if isinstance(i, RawArticle)]
    return [d for d in out if isinstance(d, Document)]


def test_sidecar_with_lone_surrogates_and_in_cp1252(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_text('{"id": "A\\ud800", "title": "T\\udc00"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT + " Again.", encoding="utf-8")
    (tmp_path / "b.json").write_bytes('{"title": "Le président “parle”"}'.encode("cp1252"))
    items = _items([tmp_path], ingest_settings)
    assert not [i for i in items if isinstance(i, Failure)]
    a, b = _documents(items)
    assert (a.external_id, a.title) == ("A\ufffd", "T\ufffd")
    assert b.title == "Le président “parle”"


def test_utf8_file_with_cp1252_lines_keeps_its_curly_quotes(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    utf8 = "Hun Sen said: “We will co-sponsor the resolution.”\n"
    cp1252 = "Le président a déclaré: “non”.\n"
    (tmp_path / "mixed.txt").write_bytes(utf8.encode() + cp1252.encode("cp1252"))
    [document] = _documents(_items([tmp_path], ingest_settings))
    assert document.text == (utf8 + cp1252).strip()


def test_a_control_byte_is_stripped_at_the_start_as_at_the_end(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    body = "Cambodia co-sponsored the resolution on Thursday. " * 2000  # about 100 KB
    (tmp_path / "early.txt").write_bytes(b"\x01" + body.encode() + b"Early.")
    (tmp_path / "late.txt").write_bytes(body.encode() + b"\x01" + b"Late.")
    items = _items([tmp_path], ingest_settings)
    assert not [i for i in items if isinstance(i, Failure)]
    early, late = _documents(items)
    assert early.text == (body + "Early.").strip() and late.text == (body + "Late.").strip()


def test_a_file_mostly_of_control_bytes_is_binary(
    tmp_path: Path, ingest_settings: IngestSettings
) -> None:
    (tmp_path / "image.txt").write_bytes(b"GIF89a" + bytes(range(32)) * 100)
    [failure] = _items([tmp_path], ingest_settings)
    assert isinstance(failure, Failure)
    assert failure.stage == "decode" and "not text" in failure.reason
