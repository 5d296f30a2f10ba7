"""Bad input never crashes a run and never vanishes: every problem is a failure row."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.records import Document, Failure
from storyline.runner import run
from storyline.settings import Settings
from storyline.store import Store

sys.path.insert(0, str(Path(__file__).parent / "ingest"))
from ingest_samples import ARTICLE_HTML, NO_ARTICLE_HTML, write_warc

GOOD = "Hun Sen said on Thursday that Cambodia would co-sponsor the resolution."


def _bad_inputs(root: Path) -> None:
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "empty.txt").write_bytes(b"")
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "latin1.txt").write_bytes("Le président a parlé jeudi à Phnom Penh.".encode("latin-1"))
    lines = [
        json.dumps(
            {"id": "ok", "text": "Russia vetoed the motion last week.", "published": "2022-03-04"}
        ),
        "{not json",
        json.dumps({"id": "no-text", "title": "only a title"}),
        json.dumps(
            {
                "id": "bad-date",
                "text": "Troops crossed the border on Monday.",
                "published": "2022-02-30",
            }
        ),
        json.dumps(["a", "list"]),
        json.dumps({"id": "long-line", "text": "word " * 40_000}),
    ]
    (root / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "nothing.html").write_text(NO_ARTICLE_HTML, encoding="utf-8")
    (root / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    data = write_warc(
        root / "full.warc.gz",
        [("http://example.org/a", "200 OK", "text/html", ARTICLE_HTML.encode())],
    )
    (root / "truncated.warc.gz").write_bytes(data[: len(data) // 2])
    (root / "huge.txt").write_text(("The minister spoke. " * 420_000)[:8_000_000], encoding="utf-8")
    (root / "notes.xyz").write_text("what is this", encoding="utf-8")


@pytest.mark.slow
def test_a_folder_of_bad_input_is_processed_and_accounted_for(
    tmp_path: Path, nlp: Language, settings: Settings
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    _bad_inputs(inputs)
    db = tmp_path / "bad.duckdb"
    summary = run([inputs], db, settings, nlp=nlp)
    with Store.open(db, read_only=True) as store:
        documents = {d.external_id: d for d in store.records(Document)}
        failures = list(store.records(Failure))
    assert summary.failures == len(failures) > 0
    failed = " ".join(f"{f.input} {f.external_id} {f.reason}" for f in failures)
    # good articles stored, the odd ones recorded
    assert any(d.text == GOOD for d in documents.values())
    assert any("Russia vetoed" in d.text for d in documents.values())
    assert any("président" in d.text for d in documents.values())
    for name in (
        "binary.txt",
        "empty.txt",
        "mixed.jsonl#2",
        "no-text",
        "nothing.html",
        "truncated.warc.gz",
        "notes.xyz",
    ):
        assert name in failed, f"no failure row for {name}: {failed}"
    # an impossible date drops the date, keeps the article and says so
    bad_date = next(d for d in documents.values() if "crossed the border" in d.text)
    assert bad_date.published is None
    assert any("bad-date" in f"{f.input} {f.external_id}" for f in failures)
    # the 8 MB article is stored whole and its analysis refused with a reason
    huge = next(d for d in documents.values() if d.text.startswith("The minister spoke."))
    assert len(huge.text) > settings.pipeline.max_chars
    assert any("max_chars" in f.reason for f in failures)
    # the 200,000-character line is an article like any other
    assert any(d.external_id == "long-line" for d in documents.values())
    # the same folder again: nothing stored twice, no new failure rows
    again = run([inputs], db, settings, nlp=nlp)
    assert again.stored == 0
    with Store.open(db, read_only=True) as store:
        assert store.count("failures") == len(failures)
