"""Fixtures for the web UI tests: the hand-made sample database of tests/api, and a test client."""

from __future__ import annotations

import importlib.util
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette asks for its successor http client, which is not a dependency here.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

_SAMPLE = Path(__file__).resolve().parents[1] / "api" / "sample.py"


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sample_module() -> Any:
    return _load("storyline_web_sample", _SAMPLE)


def _big_sample_module() -> Any:
    sys.modules.setdefault("sample", _sample_module())  # what big_sample imports
    return _load("storyline_web_big_sample", _SAMPLE.with_name("big_sample.py"))


@pytest.fixture(scope="session")
def web_sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = _sample_module().build_sample_db(tmp_path_factory.mktemp("web") / "sample.duckdb")
    return path


@pytest.fixture(scope="session")
def web(web_sample_db: Path) -> Iterator[Any]:
    from storyline.api import create_app

    with TestClient(create_app(web_sample_db)) as c:
        yield c


@pytest.fixture(scope="session")
def web_big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample and 130 more documents and actors: every list has several pages."""
    path: Path = _big_sample_module().build_big_db(
        tmp_path_factory.mktemp("web-big") / "big.duckdb"
    )
    return path


@pytest.fixture(scope="session")
def big_web(web_big_db: Path) -> Iterator[Any]:
    from storyline.api import create_app

    with TestClient(create_app(web_big_db)) as c:
        yield c


@pytest.fixture(scope="session")
def build_sample() -> Callable[[Path], Path]:
    """Write the sample database at a path (for tests that change it)."""
    build: Callable[[Path], Path] = _sample_module().build_sample_db
    return build


@pytest.fixture(scope="session")
def client_for() -> Callable[[Path], Any]:
    """A test client (use as a context manager) over the database at a path."""
    from storyline.api import create_app

    return lambda db: TestClient(create_app(db))
