"""Load a Spark run's Parquet tables into a DuckDB store.

Reads: ``FOLDER/<table>/*.parquet`` (or ``FOLDER/<table>.parquet``) for each table of
``storyline.records``, as written by ``storyline.spark``. Writes: those tables of the store, replaced
whole, so export, timeline, the API and the UI work on a Spark run's output.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from storyline.errors import StoreError
from storyline.records import TABLE_RECORDS
from storyline.store.db import Store
from storyline.store.schema import relink_events_sql, stored_table


def parquet_files(folder: str | Path, table: str) -> list[str]:
    """The Parquet files of one table under a Spark output folder (empty when it has none)."""
    root = Path(folder)
    single = root / f"{table}.parquet"
    if single.is_file():
        return [str(single)]
    return sorted(str(p) for p in (root / table).glob("*.parquet"))


def import_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    """Replace the store's tables with the Parquet tables under ``folder``; rows per table.

    Columns are matched by name, so a file written with the columns in another order still loads;
    a column the table lacks is an error that names the table.
    """
    root = Path(folder)
    if not root.is_dir():
        raise StoreError(f"Parquet folder {root} does not exist")
    found = {cls.TABLE: parquet_files(root, cls.TABLE) for cls in TABLE_RECORDS}
    if not found["documents"]:
        raise StoreError(
            f"{root} holds no documents table; give the --output folder of `storyline run "
            "--engine spark`"
        )
    counts: dict[str, int] = {}
    store.con.execute("BEGIN TRANSACTION")
    try:
        for cls in TABLE_RECORDS:
            files = found[cls.TABLE]
            # Linked records arrive with their ids linked; stored as the extracted rows, the
            # store's views read them through the imported links unchanged.
            table = stored_table(cls)
            store.con.execute(f'DELETE FROM "{table}"')
            if files:
                store.con.execute(
                    f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet(?)', [files]
                )
        # The imported events' actors read through the imported links, as after a rebuild.
        for sql in relink_events_sql():
            store.con.execute(sql)
        for cls in TABLE_RECORDS:
            rows = store.con.execute(f'SELECT count(*) FROM "{cls.TABLE}"').fetchall()
            counts[cls.TABLE] = int(rows[0][0])
        store.con.execute("COMMIT")
    except duckdb.Error as err:
        store.con.execute("ROLLBACK")
        raise StoreError(f"cannot import the Parquet tables of {root}: {err}") from err
    return counts


__all__ = ["import_parquet", "parquet_files"]
