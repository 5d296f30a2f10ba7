"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from storyline.eval.data import shared_data_dir
from storyline.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(None)


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    """The full storyline pipeline (model + every stage), loaded once per test session."""
    from storyline.pipeline import build_nlp

    return build_nlp(settings)


@pytest.fixture(scope="session")
def base_nlp(settings: Settings) -> Language:
    """The spaCy model alone, without storyline's stages, for hand-made inputs to one stage."""
    from storyline.pipeline import build_nlp

    return build_nlp(settings.replace(pipeline={"stages": []}))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public gold data folder; tests that need it skip with a reason when it is absent."""
    path = shared_data_dir()
    if path is None:
        pytest.skip(
            "public gold data not found: set STORYLINE_SHARED_DATA or put shared/ beside the repo"
        )
    return path


@pytest.fixture()
def tmp_db(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "test.duckdb"


class _FullDiskConnection:
    """A DuckDB connection whose COMMITs fail as they do when the disk is full: the transaction is
    over already (a ROLLBACK after it fails too), and the error names the cause."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)

    def execute(self, sql: str, *args: Any) -> Any:
        import duckdb

        if sql == "COMMIT":
            self.con.execute("ROLLBACK")
            raise duckdb.TransactionException(
                "TransactionContext Error: Failed to commit: Could not write file "
                '"x.duckdb.wal": No space left on device'
            )
        return self.con.execute(sql, *args)


@pytest.fixture()
def full_disk() -> Callable[[Any], Any]:
    """Wraps a connection so that its COMMITs meet a full disk."""
    return _FullDiskConnection
