"""The web UI in headless Chromium (Debian's package, driven by Playwright) on the seed database.

Loads every view at laptop and phone widths, follows a timeline entry to its document and checks the
highlighted span, and saves screenshots to test-artifacts/screenshots/. Skips with the reason when
Chromium is not installed (``make browser-deps`` installs it as root). With $STORYLINE_BROWSER_DB
set to a database (the demo one of the README), browses that one instead of the seed articles.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from storyline.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"laptop": (1280, 860), "phone": (390, 844)}
BROWSER_DB = "STORYLINE_BROWSER_DB"  # a database to browse instead of the seed articles

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The bundled seed articles, processed by the real pipeline; or the database named by
    $STORYLINE_BROWSER_DB (the demo database, say), served read-only as it is."""
    given = os.environ.get(BROWSER_DB)
    if given:
        return Path(given)
    from storyline.runner import run

    settings: Settings = request.getfixturevalue("settings")
    nlp: Language = request.getfixturevalue("nlp")
    db = tmp_path_factory.mktemp("browser") / "seeds.duckdb"
    run([REPO / "examples" / "seeds"], db, settings, nlp=nlp)
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(seed_db: Path) -> Iterator[str]:
    import uvicorn

    from storyline.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(seed_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            "/usr/bin/chromium is not installed: run `make browser-deps` as root "
            "(apt-get install chromium) to run the browser tests"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Visit:
    """A page opened at one width, recording console errors and every URL it requested."""

    def __init__(self, browser: Any, base: str, size: tuple[int, int]) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on(
            "response",
            lambda r: self.errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )

    def open(self, path: str) -> Any:
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        return self.page

    def check(self) -> None:
        assert self.errors == []
        outside = [u for u in self.requests if not u.startswith((self.base, "data:", "about:"))]
        assert outside == []  # offline: nothing from another host

    def close(self) -> None:
        self.context.close()


def _first(base: str, path: str) -> Any:
    import httpx

    return httpx.get(base + path, timeout=10).json()


def _views(base: str) -> dict[str, str]:
    actor = _first(base, "/api/entities?sort=-events&limit=1")["items"][0]["entity"]["id"]
    doc = _first(base, "/api/documents?sort=-events&limit=1")["items"][0]["id"]
    story = _first(base, "/api/stories?sort=-events&limit=1")["items"][0]["id"]
    return {
        "home": "/",
        "timeline": "/timeline",
        "timeline-story": f"/timeline?story={story}&zoom=day",
        "actors": "/actors",
        "actor": f"/actors/{actor}",
        "network": "/network",
        "map": "/map",
        "documents": "/documents",
        "document": f"/documents/{doc}",
        "search": "/search?q=Cambodia",
        "search-page-2": "/search?q=Cambodia&offset=20",
        "actors-filtered": "/actors?name=a",
        "events": "/events",
        "events-filtered": "/events?sort=-date&modality=asserted",
        "quotes": "/quotes",
        "stories": "/stories",
        "stories-filtered": "/stories?sort=-events&country=KHM",
        "stories-modality": "/stories?modality=planned",
        "documents-filtered": "/documents?sort=-quotes&source=The+Phnom+Penh+Post",
        "actors-faceted": "/actors?country=KHM&sort=-quotes",
    }


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_view_loads_and_looks_right(browser: Any, server: str, width: str) -> None:
    visit = Visit(browser, server, WIDTHS[width])
    try:
        for name, path in _views(server).items():
            page = visit.open(path)
            assert page.locator("h1").first.inner_text().strip()
            if name == "network":
                page.wait_for_selector("#network[data-ready=true]", timeout=10_000)
                assert page.locator("#network .node").count() >= 2
            if name == "document":
                assert page.locator("#doc-text .k-trigger").count() >= 1
                assert page.locator("#doc-text .k-quote").count() >= 1
                assert page.locator("#doc-text p").count() >= 2  # paragraphs, not one block
            # Nothing wider than the screen: phones scroll down, never sideways.
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{name} is {overflow}px too wide at {width}"
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        visit.check()
    finally:
        visit.close()


def test_timeline_entry_opens_its_document_with_the_span_highlighted(
    browser: Any, server: str
) -> None:
    visit = Visit(browser, server, WIDTHS["laptop"])
    try:
        page = visit.open("/timeline")
        link = page.locator("a.source").first
        href = link.get_attribute("href")
        assert href and "#" in href
        link.click()
        page.wait_for_selector("#doc-text .hl")
        doc_id, span = page.url.removeprefix(server + "/documents/").split("#")
        start, end = (int(x) for x in span.split("-"))
        text = _first(server, f"/api/documents/{doc_id}")["document"]["text"]
        highlighted = page.eval_on_selector_all(
            "#doc-text .hl", "els => els.map(e => e.textContent).join('')"
        )
        assert highlighted == text[start:end]
        assert page.locator("#hl-banner").is_visible()
        assert page.evaluate(
            "(() => { const r = document.querySelector('#doc-text .hl').getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
        )  # scrolled into view
        page.screenshot(path=str(SHOTS / "timeline-to-document-laptop.png"))
        visit.check()
    finally:
        visit.close()


def test_quote_shows_its_speaker(browser: Any, server: str) -> None:
    quotes = _first(server, "/api/quotes?limit=100")["items"]
    quote = next((q for q in quotes if q["speaker"]), None)
    if quote is None:
        pytest.fail("the seed database has no quote with a speaker")
    visit = Visit(browser, server, WIDTHS["phone"])
    try:
        page = visit.open(f"/documents/{quote['doc_id']}#{quote['start']}-{quote['end']}")
        page.wait_for_selector("#doc-text .hl")
        target = page.locator("#doc-text .hl.k-quote").first
        assert quote["speaker"] in (target.get_attribute("title") or "")
        target.click()  # a tap shows the label on a phone
        assert quote["speaker"] in page.locator(".tip").inner_text()
        page.screenshot(path=str(SHOTS / "quote-speaker-phone.png"))
        visit.check()
    finally:
        visit.close()


def test_api_docs_render_offline(browser: Any, server: str) -> None:
    visit = Visit(browser, server, WIDTHS["laptop"])
    try:
        page = visit.open("/docs")
        page.wait_for_selector(".opblock", timeout=15_000)
        assert page.locator(".opblock").count() >= 8
        page.screenshot(path=str(SHOTS / "api-docs-laptop.png"))
        visit.check()
    finally:
        visit.close()


@pytest.mark.parametrize(
    "path", ["/timeline", "/network", "/actors", "/search?q=Cambodia", "/events", "/quotes"]
)
def test_filters_fit_a_phone(browser: Any, server: str, path: str) -> None:
    """At 390 px every field and button of a filter form, and every facet, lies on the screen."""
    visit = Visit(browser, server, WIDTHS["phone"])
    try:
        page = visit.open(path)
        outside = page.evaluate(
            """() => [...document.querySelectorAll('form.filters, form.big-search')].flatMap(f => {
                const box = f.getBoundingClientRect();
                return [...f.querySelectorAll('select, input:not([type=hidden]), button')]
                  .filter(e => { const r = e.getBoundingClientRect();
                                 return r.right > box.right + 1 || r.left < box.left - 1
                                        || r.right > window.innerWidth; })
                  .map(e => e.name || e.textContent);
            }).concat([...document.querySelectorAll('.facets, .facets li')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth)
                .map(e => e.textContent))"""
        )
        assert outside == []
        page.screenshot(
            path=str(SHOTS / f"filters{path.split('?', maxsplit=1)[0].replace('/', '-')}-phone.png")
        )
        visit.check()
    finally:
        visit.close()


def test_no_script_runs_from_a_stored_url(browser: Any, server: str) -> None:
    """The policy forbids inline script: a page that tried one would log a violation."""
    visit = Visit(browser, server, WIDTHS["laptop"])
    try:
        page = visit.open("/")
        ran = page.evaluate(
            """() => new Promise(done => {
                document.addEventListener('securitypolicyviolation', () => done('blocked'));
                const s = document.createElement('script');
                s.textContent = 'window.__ran = true';
                document.body.appendChild(s);
                setTimeout(() => done(window.__ran ? 'ran' : 'blocked'), 500);
            })"""
        )
        assert ran == "blocked"
    finally:
        visit.close()


def test_network_draws_what_did_not_happen_dashed(browser: Any, server: str) -> None:
    visit = Visit(browser, server, WIDTHS["laptop"])
    try:
        counts = {}
        for modality in ("happened", "any"):
            page = visit.open("/network" if modality == "happened" else "/network?modality=any")
            page.wait_for_selector("#network[data-ready=true]", timeout=10_000)
            counts[modality] = page.locator("#network .edge.not-happened").count()
            page.screenshot(path=str(SHOTS / f"network-{modality}-laptop.png"))
        assert counts["happened"] == 0
        modalities = {e["modality"] for e in _first(server, "/api/network")["items"]}
        if modalities - {"asserted", "reported"}:
            assert counts["any"] > 0
        visit.check()
    finally:
        visit.close()
