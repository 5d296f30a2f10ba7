"""The map in headless Chromium (Debian's package, driven by Playwright): country shapes and a
point per place are drawn, each point links to its sentences, no console error and no request
leaves the host. Skips with the reason when Chromium is not installed (``make browser-deps``)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.records import Actor, Document, Event, EventDate, Place, Span
from storyline.registry import DocResult
from storyline.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TEXT = "Militants attacked a train near Sibi. The minister met envoys in Jeddah on Monday."
SIBI = Place("Sibi", "PAK", 32, 36, "Sibi", "Balochistan", 29.543, 67.877, 0.9, "sentence")
JEDDAH = Place("Jeddah", "SAU", 65, 71, "Jeddah", None, 21.543, 39.173, 0.9, "sentence")

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _event(start: int, type_: str, place: Place, sentence: Span) -> Event:
    actor = Actor("E1", "Pakistan", "PAK", None, 0, 9)
    return Event(
        f"d1:V{start}", "d1", type_, None, "asserted", [actor], [],
        EventDate("2025-03-11", "text"), place, sentence,
        Span(start, start + 8, TEXT[start : start + 8]), None, 0.8,
    )  # fmt: skip


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from storyline.api import create_app

    db = tmp_path_factory.mktemp("map") / "map.duckdb"
    doc = Document("d1", "x#1", None, None, None, "2025-03-12", "metadata", TEXT)
    first, second = Span(0, 37, TEXT[:37]), Span(38, len(TEXT), TEXT[38:])
    with Store.open(db) as store:
        events = [_event(10, "ASSAULT", SIBI, first), _event(51, "CONSULT", JEDDAH, second)]
        store.write_batch([DocResult(doc, events=events)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), port=port, log_level="warning"))
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
        pytest.skip("/usr/bin/chromium is not installed: run `make browser-deps` as root")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def test_the_map_draws_countries_and_linked_points_without_errors(base: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "/map")
    page.wait_for_selector("#map .map-point", timeout=15000)
    assert page.locator("#map .map-countries path").count() > 150  # Natural Earth's countries
    assert page.locator("#map .map-point").count() == 2
    hrefs = page.eval_on_selector_all("#map a", "els => els.map(e => e.getAttribute('href'))")
    assert sorted(hrefs) == ["/documents/d1#0-37", "/documents/d1#38-82"]
    page.close()
    assert errors == []
    assert all(url.startswith(base) for url in requests)
