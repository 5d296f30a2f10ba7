"""The TempEval-3 style timex scorer: TimeML reading, scoring arithmetic, and the quality gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from storyline.errors import EvalError
from storyline.eval.timex import (
    GoldTimex,
    canonical_value,
    is_heldout,
    read_folder,
    read_timeml,
    report,
    score_doc,
    score_docs,
)
from storyline.records import Timex

FLOORS = Path(__file__).resolve().parents[1] / "quality_floors.json"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" temporalFunction="false" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> it would sell units <TIMEX3 tid="t2" type="DURATION" value="P3Y" mod="APPROX">about three years</TIMEX3> later.
</TEXT>
</TimeML>
"""


def test_read_timeml(tmp_path: Path) -> None:
    path = tmp_path / "x1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.dct == "1998-02-06"
    assert [t.text for t in doc.timexes] == ["Thursday", "about three years"]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert doc.text.strip().startswith("AT&T said Thursday")
    assert doc.timexes[1] == GoldTimex(
        doc.timexes[1].start, doc.timexes[1].end, "about three years", "DURATION", "P3Y", "APPROX"
    )
    assert read_folder(tmp_path)[0].name == "x1"


def test_read_errors(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="does not exist"):
        read_folder(tmp_path / "missing")
    with pytest.raises(EvalError, match=r"no \.tml"):
        read_folder(tmp_path)
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML></TimeML>", encoding="utf-8")
    with pytest.raises(EvalError, match="TEXT"):
        read_timeml(bad)


def test_score_doc() -> None:
    gold = [
        GoldTimex(0, 8, "Thursday", "DATE", "1998-02-05", None),
        GoldTimex(20, 37, "about three years", "DURATION", "P3Y", None),
        GoldTimex(50, 54, "1997", "DATE", "1997", None),
    ]
    system = [
        Timex("d", 0, 8, "Thursday", "DATE", "1998-02-05", None),  # strict, right value
        Timex("d", 26, 37, "three years", "DURATION", "P4Y", None),  # relaxed, wrong value
        Timex("d", 60, 63, "now", "DATE", "PRESENT_REF", None),  # spurious
    ]
    errors: list[dict[str, object]] = []
    tally = score_doc(gold, system, errors, "d")
    scores = tally.scores()
    assert scores["strict_p"] == pytest.approx(1 / 3)
    assert scores["strict_r"] == pytest.approx(1 / 3)
    assert scores["relaxed_f1"] == pytest.approx(2 / 3)
    assert scores["value_accuracy"] == pytest.approx(1 / 2)
    assert scores["value_f1"] == pytest.approx(1 / 3)
    assert scores["type_accuracy"] == 1.0
    assert sorted(e["kind"] for e in errors) == ["missed", "spurious", "value"]


def test_canonical_value_and_split() -> None:
    assert canonical_value("1998-W8") == canonical_value("1998-W08") == "1998-W08"
    assert canonical_value("1998-W8-WE") == "1998-W08-WE"
    names = [f"doc{i}" for i in range(200)]
    held = [n for n in names if is_heldout(n)]
    assert 20 <= len(held) <= 60
    assert held == [n for n in names if is_heldout(n)]


def test_report_is_a_markdown_table() -> None:
    tally = score_doc(
        [GoldTimex(0, 4, "1997", "DATE", "1997", None)],
        [Timex("d", 0, 4, "1997", "DATE", "1997", None)],
    )
    scores = {"path": "x", "all": tally.scores(), "dev": tally.scores()}
    table = report(scores)
    assert "| all | 1 | 1 | 1 | 1.000" in table
    assert "| dev |" in table and "| heldout |" not in table


@pytest.mark.slow
@pytest.mark.gold
@pytest.mark.parametrize(
    ("relative", "prefix"),
    [
        ("timex/artime_corrected/tbaq_corrected", "timex.tbaq_heldout20"),
        ("timex/tbaq_cleaned", "timex.tbaq_orig_heldout20"),
    ],
)
def test_quality_gate(shared_data: Path, base_nlp: Language, relative: str, prefix: str) -> None:
    """The stage on 20 fixed held-out TempEval-3 documents stays above the saved floors, with
    the ARTime-corrected values and with the original TempEval-3 ones."""
    folder = shared_data / relative
    if not folder.is_dir():
        pytest.skip(f"{folder} is not there")
    docs = [d for d in read_folder(folder) if is_heldout(d.name)][:20]
    assert len(docs) == 20
    scores = score_docs(docs, base_nlp)["all"]
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for key in ("strict_f1", "relaxed_f1", "value_f1"):
        floor = floors[f"{prefix}.{key}"]
        assert scores[key] >= floor, f"{prefix} {key} {scores[key]:.3f} fell below {floor}"
