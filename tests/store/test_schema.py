"""The DuckDB DDL is derived from the records and agrees with them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from storyline.records import TABLE_RECORDS
from storyline.store import Store
from storyline.store.schema import arrow_schema, sql_type, stored_table


@pytest.mark.parametrize("cls", TABLE_RECORDS, ids=lambda c: c.TABLE)
def test_database_columns_match_the_record(cls: type, tmp_path: Path) -> None:
    sql = (
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position"
    )
    with Store.open(tmp_path / "s.duckdb") as store:
        rows = store.sql(sql, [stored_table(cls)])
        read = store.sql(sql, [cls.TABLE])  # a view for linked records: the same columns
    fields = [f.name for f in dataclasses.fields(cls)]
    assert [r["column_name"] for r in rows] == fields
    assert [(r["column_name"], r["data_type"]) for r in read] == [
        (r["column_name"], r["data_type"]) for r in rows
    ]
    schema = arrow_schema(cls)
    for row in rows:
        field = schema.field(row["column_name"])
        expected = sql_type(field.type).replace('"', "")
        assert row["data_type"].replace('"', "") == expected
        if row["column_name"] not in cls.KEY:
            assert (row["is_nullable"] == "YES") == field.nullable
