"""Headers and links that keep stored text from running as script: a strict Content-Security-Policy,
nosniff, and only http(s) addresses made into links. Also HEAD on every page."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storyline.records import Document
from storyline.registry import DocResult
from storyline.store import Store
from storyline.web.text import link_url

PATHS = ["/", "/timeline", "/actors", "/documents/docA", "/api/events", "/static/style.css"]


@pytest.mark.parametrize("path", [*PATHS, "/documents/nope", "/api/events?limit=0"])
def test_every_answer_has_a_strict_policy(web: Any, path: str) -> None:
    response = web.get(path)
    csp = response.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline script, no eval
    assert directives["style-src"] == "'self'"  # no inline style either
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_api_docs_relax_only_styles(web: Any) -> None:
    for path in ("/docs", "/redoc"):
        response = web.get(path)
        assert response.status_code == 200
        csp = response.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "'unsafe-inline'" in csp.split("style-src")[1]
        assert "unsafe-eval" not in csp
        assert "<script>" not in response.text  # Swagger UI starts from a file


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/timeline",
        "/actors",
        "/network",
        "/documents",
        "/documents/docA",
        "/search",
        "/events",
        "/quotes",
    ],
)
def test_pages_have_no_inline_script_or_style(web: Any, path: str) -> None:
    page = web.get(path).text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "an inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", page), "an inline event handler"
    assert " style=" not in page and "<style" not in page


@pytest.mark.parametrize("path", ["/", "/actors", "/documents/docA", "/api/events", "/docs"])
def test_head_answers_like_get_without_a_body(web: Any, path: str) -> None:
    head = web.head(path)
    get = web.get(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert "content-security-policy" in head.headers


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a?b=1#c", True),
        ("javascript:alert(3)", False),
        ("JavaScript:alert(3)", False),
        (" javascript:alert(3)", False),
        ("java\tscript:alert(3)", False),
        ("data:text/html,<script>alert(3)</script>", False),
        ("vbscript:msgbox(3)", False),
        ("//example.org/a", False),
        ("/documents/docA", False),
        ("https://", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_addresses_become_links(url: str | None, link: bool) -> None:
    assert (link_url(url) is not None) == link


def test_a_javascript_url_is_shown_as_text_not_a_link(
    tmp_path: Path, build_sample: Callable[[Path], Path], client_for: Callable[[Path], Any]
) -> None:
    db = build_sample(tmp_path / "xss.duckdb")
    with Store.open(db) as store:
        doc = next(store.records(Document, where="id = 'docA'"))
        evil = dataclasses.replace(
            doc,
            id="evil",
            url="javascript:alert(3)",
            title='<img src=x onerror="alert(1)">',
            text=doc.text,
        )
        store.write_batch([DocResult(evil)])
    with client_for(db) as client:
        page = client.get("/documents/evil")
    assert page.status_code == 200
    assert 'href="javascript:' not in page.text.lower()
    assert "javascript:alert(3)" in html.unescape(page.text)  # shown, as text
    assert "<img src=x" not in page.text  # the title is escaped
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
