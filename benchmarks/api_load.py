"""Throughput and latency of the API and the web pages under concurrent clients, on 127.0.0.1.

Starts ``storyline serve --db DB`` on a free local port (or uses --base, which must be a
127.0.0.1 address), then for each mix of URLs has C concurrent clients (httpx, async) send GET
requests for a bounded time and count, and prints requests per second, the 50th, 95th and 99th
percentile latency and the number of errors (any answer but 200, a dropped connection or a
timeout). The mixes:

- ``api``: /api/events with the busiest country and event type as filters, /api/facets,
  /api/search, /api/network, /api/entities;
- ``pages``: the home page and every page it links to (timeline, stories, actors, network,
  documents, a document, an actor, a search, the second page of the actors and documents lists).

The server keeps its answers by URL while the database is unchanged, so after the warm-up the
mixes measure answers from that cache; ``--no-cache`` adds a parameter no route reads and no
other request has to every URL, so that every request is answered by the app.

    .venv/bin/python benchmarks/api_load.py --db storyline.duckdb --clients 20 --seconds 20

Reads: the database (through the server). Writes: one line per mix (and per URL with
--per-url) to stdout; with --json, the figures as JSON to that file; with --markdown, a table of
them (and the machine's load, which weighs on every figure) to that file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlparse

import httpx

MAX_REQUESTS = 50_000
MAX_SECONDS = 120.0
TIMEOUT = 30.0  # a request slower than this counts as an error
BUST = "bench"  # the parameter that makes every URL new with --no-cache


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    exe = Path(sys.executable).with_name("storyline")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"the server exited: {err}")
        try:
            if httpx.get(base + "/api/facets", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def _mixes(base: str) -> dict[str, list[str]]:
    """The URLs of each mix, with filters taken from the database's busiest values."""

    def get(path: str) -> Any:
        return httpx.get(base + path, timeout=30).json()

    events = get("/api/events?limit=100")["items"]
    countries: dict[str, int] = {}
    types: dict[str, int] = {}
    for e in events:
        types[e["type"]] = types.get(e["type"], 0) + 1
        for a in e["source"] + e["target"]:
            if a["country"]:
                countries[a["country"]] = countries.get(a["country"], 0) + 1
    country = max(countries, key=countries.__getitem__) if countries else "USA"
    etype = max(types, key=types.__getitem__) if types else "ACCUSE"
    actor = get("/api/entities?sort=-events&limit=1")["items"]
    doc = get("/api/documents?sort=-events&limit=1")["items"]
    actor_id = quote(actor[0]["entity"]["id"], safe="") if actor else "none"
    doc_id = quote(doc[0]["id"], safe="") if doc else "none"
    return {
        "api": [
            "/api/events?" + urlencode({"country": country, "type": etype}),
            "/api/events?" + urlencode({"country": country, "date_from": "2020", "sort": "-date"}),
            "/api/events?" + urlencode({"type": etype, "modality": "asserted", "limit": 100}),
            "/api/facets",
            "/api/search?q=minister",
            "/api/network",
            "/api/entities?sort=-events",
        ],
        "pages": [
            "/",
            "/timeline",
            "/stories",
            "/actors",
            "/actors?offset=50",
            "/network",
            "/documents",
            "/documents?offset=50",
            f"/documents/{doc_id}",
            f"/actors/{actor_id}",
            "/search?q=minister",
        ],
    }


@dataclass
class Result:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # seconds, per URL
    errors: dict[str, int] = field(default_factory=dict)  # per kind ("500", "ReadTimeout", ...)
    wall: float = 0.0

    def all(self) -> list[float]:
        return sorted(x for lat in self.latencies.values() for x in lat)


def _pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, round(p * (len(values) - 1)))] if values else float("nan")


def _busted(path: str, n: int) -> str:
    """``path`` with a parameter no route reads and no other request has: a new URL, so the
    server's cache of answers cannot answer it."""
    return f"{path}{'&' if '?' in path else '?'}{BUST}={n}"


async def _load(
    base: str, paths: list[str], clients: int, requests: int, seconds: float, bust: bool = False
) -> Result:
    """``clients`` workers sending the ``paths`` round-robin until ``requests`` or ``seconds``
    (with ``bust``, each request a URL of its own)."""
    result = Result(latencies={p: [] for p in paths})
    sent = 0
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=TIMEOUT) as client:

        async def worker() -> None:
            nonlocal sent
            while sent < requests and time.monotonic() < stop_at:
                path = paths[sent % len(paths)]
                sent += 1
                t0 = time.perf_counter()
                try:
                    r = await client.get(_busted(path, sent) if bust else path)
                    kind = None if r.status_code == 200 else str(r.status_code)
                except httpx.HTTPError as err:
                    kind = type(err).__name__
                if kind is None:
                    result.latencies[path].append(time.perf_counter() - t0)
                else:
                    result.errors[kind] = result.errors.get(kind, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        result.wall = time.perf_counter() - started
    return result


def _summary(name: str, r: Result) -> dict[str, object]:
    ms = [x * 1000 for x in r.all()]
    errors = sum(r.errors.values())
    return {
        "mix": name,
        "requests": len(ms) + errors,
        "ok": len(ms),
        "errors": errors,
        "error_kinds": r.errors,
        "seconds": round(r.wall, 1),
        "req_per_s": round((len(ms) + errors) / r.wall, 1) if r.wall else 0.0,
        "p50_ms": round(_pct(ms, 0.50), 1),
        "p95_ms": round(_pct(ms, 0.95), 1),
        "p99_ms": round(_pct(ms, 0.99), 1),
        "max_ms": round(ms[-1], 1) if ms else float("nan"),
        "per_url_p95_ms": {
            p: round(_pct(sorted(x * 1000 for x in lat), 0.95), 1) for p, lat in r.latencies.items()
        },
    }


def _markdown(
    figures: list[dict[str, object]],
    clients: int,
    db: Path | None,
    load: tuple[float, float],
    no_cache: bool = False,
) -> str:
    lines = [
        f"{clients} concurrent clients on {db.name if db else 'a running server'}"
        f"{', every URL new (--no-cache)' if no_cache else ''}; "
        f"{os.cpu_count()} CPU cores; load average {load[0]:.1f} before, {load[1]:.1f} after.",
        "",
        "| mix | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for f in figures:
        lines.append(
            f"| {f['mix']} | {f['requests']} | {f['req_per_s']} | {f['p50_ms']} | {f['p95_ms']} "
            f"| {f['p99_ms']} | {f['max_ms']} | {f['errors']} |"
        )
    lines += ["", "95th percentile per URL:", "", "| URL | p95 ms |", "| --- | ---: |"]
    for f in figures:
        for path, p95 in f["per_url_p95_ms"].items():  # type: ignore[attr-defined]
            lines.append(f"| `{path}` | {p95} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to serve (starts a local server)")
    parser.add_argument("--base", help="an already running server, http://127.0.0.1:PORT")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=10_000, help="at most, per mix")
    parser.add_argument("--seconds", type=float, default=20.0, help="at most, per mix")
    parser.add_argument("--mix", choices=["api", "pages", "all"], default="all")
    parser.add_argument("--per-url", action="store_true", help="also print p95 per URL")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="make every URL new (an unread parameter), so that the server's cache of answers "
        "answers none: the cost of answering",
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--markdown", type=Path, help="write the figures as a table to this file")
    args = parser.parse_args()
    requests = max(1, min(args.requests, MAX_REQUESTS))
    seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    clients = max(1, min(args.clients, 200))
    proc = None
    if args.base:
        if urlparse(args.base).hostname != "127.0.0.1":
            raise SystemExit("--base must be a 127.0.0.1 address")
        base = args.base.rstrip("/")
    elif args.db:
        proc, base = _start_server(args.db)
    else:
        raise SystemExit("give --db or --base")
    figures = []
    load_before = os.getloadavg()[0]
    try:
        mixes = _mixes(base)
        names = list(mixes) if args.mix == "all" else [args.mix]
        print(f"{clients} concurrent clients, at most {seconds:.0f} s per mix, {base}")
        for name in names:
            paths = mixes[name]
            bust = args.no_cache
            asyncio.run(_load(base, paths, clients, 5 * len(paths), seconds, bust))  # warm-up
            s = _summary(name, asyncio.run(_load(base, paths, clients, requests, seconds, bust)))
            figures.append(s)
            kinds = ", ".join(f"{k} ×{n}" for k, n in sorted(s["error_kinds"].items()))  # type: ignore[attr-defined]
            print(
                f"{name}: {s['requests']} requests in {s['seconds']} s ({s['req_per_s']}/s); "
                f"p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, p99 {s['p99_ms']} ms, "
                f"max {s['max_ms']} ms; errors {s['errors']}" + (f" ({kinds})" if kinds else "")
            )
            if args.per_url:
                for path, p95 in s["per_url_p95_ms"].items():  # type: ignore[attr-defined]
                    print(f"    p95 {p95:8.1f} ms  {path}")
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.communicate(timeout=20)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    if args.markdown:
        args.markdown.write_text(
            _markdown(figures, clients, args.db, (load_before, os.getloadavg()[0]), args.no_cache)
        )
    if any(f["errors"] for f in figures):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
