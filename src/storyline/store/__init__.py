"""The store: the schema derived from the records, migrations, and the DuckDB database.

Only this package imports duckdb.
"""

from storyline.store.db import Store

__all__ = ["Store"]
