"""Fixtures of the reader tests: settings and sample inputs (see ingest_samples.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ingest_samples import ARTICLE_HTML, NO_ARTICLE_HTML, write_warc

from storyline.settings import IngestSettings, Settings


@pytest.fixture()
def ingest_settings(settings: Settings) -> IngestSettings:
    return settings.ingest


@pytest.fixture()
def warc_writer() -> Callable[..., bytes]:
    return write_warc


@pytest.fixture()
def article_html() -> str:
    return ARTICLE_HTML


@pytest.fixture()
def no_article_html() -> str:
    return NO_ARTICLE_HTML
