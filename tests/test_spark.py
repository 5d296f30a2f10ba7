"""The Spark runner: schemas that agree with the store, and the same records as a local run."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from storyline.cli import app
from storyline.records import TABLE_RECORDS
from storyline.settings import Settings
from storyline.store import Store
from storyline.store.schema import arrow_schema, create_table_sql, sql_type

pytest.importorskip("pyspark", reason="PySpark is not installed: pip install -e '.[spark]'")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
N_VOA = 10

needs_java = pytest.mark.skipif(
    shutil.which("java") is None,
    reason="Java not found: install Java 17 (apt-get install openjdk-17-jre-headless) to run Spark",
)


def _spark_of_arrow(dtype: pa.DataType) -> str:
    """The Spark simpleString an Arrow type must become (written out independently here)."""
    if pa.types.is_string(dtype):
        return "string"
    if pa.types.is_int64(dtype):
        return "bigint"
    if pa.types.is_float64(dtype):
        return "double"
    if pa.types.is_boolean(dtype):
        return "boolean"
    if pa.types.is_list(dtype):
        return f"array<{_spark_of_arrow(dtype.value_type)}>"
    if pa.types.is_struct(dtype):
        return "struct<" + ",".join(f"{f.name}:{_spark_of_arrow(f.type)}" for f in dtype) + ">"
    raise AssertionError(f"unexpected Arrow type {dtype}")


def _bare(sql: str) -> str:
    """A DuckDB type without quotes and blanks (DuckDB quotes only reserved field names)."""
    return sql.replace('"', "").replace(" ", "")


@pytest.mark.parametrize("cls", TABLE_RECORDS, ids=lambda c: c.TABLE)
def test_spark_arrow_and_duckdb_schemas_agree(cls: type[Any]) -> None:
    from storyline.spark import spark_schema

    arrow = arrow_schema(cls)
    spark = spark_schema(cls)
    con = duckdb.connect(":memory:")
    con.execute(create_table_sql(cls))
    described = con.execute(f'DESCRIBE "{cls.TABLE}"').fetchall()
    names = [f.name for f in dataclasses.fields(cls)]
    assert [f.name for f in arrow] == names
    assert spark.fieldNames() == names
    assert [row[0] for row in described] == names
    key = set(cls.KEY)
    for a, s, d in zip(arrow, spark.fields, described, strict=True):
        assert s.dataType.simpleString() == _spark_of_arrow(a.type), a.name
        assert s.nullable == a.nullable, a.name
        assert _bare(d[1]) == _bare(sql_type(a.type)), a.name
        # A key column is NOT NULL in DuckDB whatever the record says.
        assert (d[2] == "YES") == (a.nullable and a.name not in key), a.name


def test_result_rows_carry_every_per_document_table() -> None:
    from storyline.registry import DocResult
    from storyline.spark.session import DOC_TABLES, result_schema

    schema = result_schema()
    tables = dict(DOC_TABLES)
    for f in dataclasses.fields(DocResult):
        assert f.name in schema.names
        if f.name != "document":
            item = schema.field(f.name).type.value_type
            assert list(item) == list(arrow_schema(tables[f.name])), f.name


def test_engine_spark_without_pyspark_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    for name in [
        m for m in sys.modules if m == "storyline.spark" or m.startswith("storyline.spark.")
    ]:
        monkeypatch.delitem(sys.modules, name)
    result = CliRunner().invoke(
        app,
        ["run", str(EXAMPLES / "seeds"), "--engine", "spark", "--output", str(tmp_path / "out")],
    )
    assert result.exit_code == 1
    assert "pip install" in result.output and "spark" in result.output


def test_engine_spark_needs_an_output_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(EXAMPLES / "seeds"), "--engine", "spark"])
    assert result.exit_code == 2
    assert "--output" in result.output


# --- local mode ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("Java not found: install Java 17 (apt-get install openjdk-17-jre-headless)")
    from storyline.spark import session

    spark = session("local[2]", {"spark.sql.shuffle.partitions": "2"})
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seed articles, the first VOA stories, and a file with a line that is not JSON."""
    root = tmp_path_factory.mktemp("inputs")
    shutil.copytree(EXAMPLES / "seeds", root / "seeds")
    lines = (EXAMPLES / "voa-2025" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    (root / "voa.jsonl").write_text("\n".join(lines[:N_VOA]) + "\n", encoding="utf-8")
    bad = [json.dumps({"id": "no-text", "title": "nothing here"}), "{not json"]
    (root / "bad.jsonl").write_text("\n".join(bad) + "\n", encoding="utf-8")
    return [str(root / "seeds"), str(root / "voa.jsonl"), str(root / "bad.jsonl")]


def _rows(store: Store, table: str) -> list[str]:
    """Every row of a table, as sorted canonical JSON (order of rows is not part of a table)."""
    rows = store.arrow(table).to_pylist()
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)


@pytest.mark.spark
@pytest.mark.slow
@needs_java
def test_spark_run_gives_the_records_of_a_local_run(
    spark: Any, inputs: list[str], settings: Settings, nlp: Language, tmp_path: Path
) -> None:
    from storyline.runner import run
    from storyline.spark import run_spark

    local = run(inputs, tmp_path / "local.duckdb", settings, nlp=nlp)
    summary = run_spark(inputs, tmp_path / "parquet", settings, spark=spark)
    assert summary.stored == local.stored == 3 + N_VOA
    assert summary.read == local.read
    assert summary.words == local.words

    result = CliRunner().invoke(
        app, ["import", "--parquet", str(tmp_path / "parquet"), "--db", str(tmp_path / "s.duckdb")]
    )
    assert result.exit_code == 0, result.output
    with (
        Store.open(tmp_path / "local.duckdb", read_only=True) as a,
        Store.open(tmp_path / "s.duckdb", read_only=True) as b,
    ):
        local_rows = {cls.TABLE: _rows(a, cls.TABLE) for cls in TABLE_RECORDS}
        spark_rows = {cls.TABLE: _rows(b, cls.TABLE) for cls in TABLE_RECORDS}
    assert len(local_rows["failures"]) >= 2  # the record without text and the broken line
    assert local_rows["events"] and local_rows["story_events"] and local_rows["timeline"]
    for cls in TABLE_RECORDS:
        assert spark_rows[cls.TABLE] == local_rows[cls.TABLE], cls.TABLE


def test_parquet_lines_keep_the_dropped_date_as_a_failure_row() -> None:
    from storyline.spark.read import _read_parquet_lines

    line = json.dumps({"id": "a", "text": "Troops crossed the border.", "published": "2022-02-30"})
    batch = pa.RecordBatch.from_pylist(
        [{"file_idx": 0, "path": "in.parquet", "rec_idx": 0, "line": line}]
    )
    rows = [r for out in _read_parquet_lines(None)(iter([batch])) for r in out.to_pylist()]
    documents = [r for r in rows if r["document"]]
    failures = [r["failure"] for r in rows if r["failure"]]
    assert len(documents) == 1 and documents[0]["document"]["published"] is None
    assert [f["stage"] for f in failures] == ["validate"]
    assert sum(r["article"] for r in rows) == 1


def _story_event(sid: str, doc_ids: list[str], date: str | None, basis: str = "text") -> Any:
    from storyline.records import EventDate, StoryEvent

    when = EventDate(date, basis) if date else None  # type: ignore[arg-type]
    return StoryEvent(sid, "ASSAULT", "asserted", [], [], when, [f"m{sid}"], doc_ids)


def test_story_events_are_stamped_with_the_story_of_most_of_their_articles() -> None:
    from storyline.records import StoryEvent, to_dict
    from storyline.spark.jobs import _stamp

    rows = []
    for s, held in (
        (_story_event("S1", ["a", "b", "c"], None), [(0, "T1"), (1, "T2"), (2, "T2")]),
        (_story_event("S2", ["b", "a"], None), [(0, "T2"), (1, "T1")]),  # a tie: the first
        (_story_event("S3", ["x"], None), None),  # an article no story holds
    ):
        row = to_dict(s)
        del row["story_id"]
        row["_stories"] = [{"pos": p, "story_id": t} for p, t in held] if held else None
        rows.append(row)
    out = [r for b in _stamp(iter([pa.RecordBatch.from_pylist(rows)])) for r in b.to_pylist()]
    assert [r["story_id"] for r in out] == ["T2", "T2", None]
    assert list(out[0]) == list(arrow_schema(StoryEvent).names)


def test_a_story_span_keeps_what_a_scan_of_all_its_dates_would_pick() -> None:
    from storyline.records import to_dict
    from storyline.spark.jobs import _span_dates
    from storyline.story.stories import span_date, span_ends

    events = [
        _story_event("S1", ["a"], "2022-03"),
        _story_event("S2", ["a"], "2022-02-24"),
        _story_event("S3", ["a"], "2022"),  # a year: not part of a span
        _story_event("S4", ["a"], "2022-03-31"),
        _story_event("S5", ["a"], "2022-01-05", basis="published"),  # not dated by the text
    ]
    rows = [{**to_dict(s), "story_id": "T1"} for s in reversed(events)]
    (out,) = _span_dates(pa.Table.from_pylist(rows)).to_pylist()
    values = [v for v in map(span_date, events) if v]
    assert out["story_id"] == "T1"
    assert span_ends(out["dates"]) == span_ends(values) == ("2022-02-24", "2022-03-31")
    assert _span_dates(pa.Table.from_pylist(rows[:1] + rows[2:3])).to_pylist()[0]["dates"] == []


@pytest.mark.spark
@needs_java
def test_a_local_session_starts_its_jvm_with_the_local_options(spark: Any) -> None:
    from storyline.spark.session import LOCAL_JAVA_OPTIONS

    runtime = spark._jvm.java.lang.management.ManagementFactory.getRuntimeMXBean()
    arguments = [str(a) for a in runtime.getInputArguments()]
    assert LOCAL_JAVA_OPTIONS.split() and set(LOCAL_JAVA_OPTIONS.split()) <= set(arguments)


@pytest.mark.spark
@needs_java
def test_spark_components_are_those_of_the_local_runner(spark: Any) -> None:
    import random

    from storyline.spark.blocks import connected_components
    from storyline.story.blocking import components

    rng = random.Random(7)
    ids = [f"i{n:02d}" for n in range(40)]
    # Chains, stars and lone pairs: components of up to a dozen links across.
    pairs = [(a, b) for a, b in (rng.sample(ids, 2) for _ in range(30))]
    pairs += [(f"c{n:02d}", f"c{n + 1:02d}") for n in range(12)]
    frame = spark.createDataFrame(pairs, "a string, b string")
    labels = {r["id"]: r["label"] for r in connected_components(frame).collect()}
    local = components([], pairs)
    assert labels == {i: group[0] for group in local for i in group}
