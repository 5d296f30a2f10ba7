"""Fixtures for the API tests: a small hand-made database and a test client over it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from big_sample import build_big_db
from sample import build_sample_db
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette asks for its successor http client, which is not a dependency here; the
    # test client works the same with httpx.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("api") / "sample.duckdb")


@pytest.fixture(scope="session")
def client(sample_db: Path) -> Iterator[Any]:
    from storyline.api import create_app

    with TestClient(create_app(sample_db)) as c:
        yield c


@pytest.fixture(scope="session")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample and 130 more documents and actors: every list has several pages."""
    return build_big_db(tmp_path_factory.mktemp("api-big") / "big.duckdb")


@pytest.fixture(scope="session")
def big_client(big_db: Path) -> Iterator[Any]:
    from storyline.api import create_app

    with TestClient(create_app(big_db)) as c:
        yield c
