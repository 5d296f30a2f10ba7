"""Latency of the HTTP API under concurrent clients, against a server on 127.0.0.1.

Starts ``storyline serve --db DB`` on a free local port (or uses --base, which must be a
127.0.0.1 address), then sends a bounded number of GET requests to /api/events with filters from
C concurrent clients (httpx, async), and prints the median and 95th-percentile latency.

    .venv/bin/python benchmarks/api_load.py --db storyline.duckdb --clients 20 --requests 2000

Reads: the database (through the server). Writes: one line per measured URL to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

import httpx

MAX_REQUESTS = 20_000
MAX_SECONDS = 120.0


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


def _targets(base: str) -> list[str]:
    """/api/events URLs with the busiest country and event type of the database as filters."""
    net = httpx.get(base + "/api/network", timeout=30).json()
    events = httpx.get(base + "/api/events", params={"limit": 100}, timeout=30).json()["items"]
    countries: dict[str, int] = {}
    types: dict[str, int] = {}
    for e in events:
        types[e["type"]] = types.get(e["type"], 0) + 1
        for a in e["source"] + e["target"]:
            if a["country"]:
                countries[a["country"]] = countries.get(a["country"], 0) + 1
    for n in net["nodes"]:
        if n["country"]:
            countries[n["country"]] = countries.get(n["country"], 0) + n["events"]
    country = max(countries, key=countries.__getitem__) if countries else "USA"
    etype = max(types, key=types.__getitem__) if types else "ACCUSE"
    return [
        "/api/events?" + urlencode({"country": country, "type": etype}),
        "/api/events?" + urlencode({"country": country, "date_from": "2020", "sort": "-date"}),
        "/api/events?" + urlencode({"type": etype, "modality": "asserted", "limit": 100}),
    ]


async def _load(base: str, path: str, clients: int, requests: int, seconds: float) -> list[float]:
    latencies: list[float] = []
    remaining = requests
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0 and time.monotonic() < stop_at:
                remaining -= 1
                t0 = time.perf_counter()
                r = await client.get(path)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    raise SystemExit(f"{path} answered {r.status_code}: {r.text[:200]}")

        await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database to serve (starts a local server)")
    parser.add_argument("--base", help="an already running server, http://127.0.0.1:PORT")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000, help="per URL")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most, per URL")
    args = parser.parse_args()
    requests = max(1, min(args.requests, MAX_REQUESTS))
    seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    proc = None
    if args.base:
        if urlparse(args.base).hostname != "127.0.0.1":
            raise SystemExit("--base must be a 127.0.0.1 address")
        base = args.base.rstrip("/")
    elif args.db:
        proc, base = _start_server(args.db)
    else:
        raise SystemExit("give --db or --base")
    try:
        print(f"{args.clients} concurrent clients, up to {requests} requests per URL, {base}")
        for path in _targets(base):
            asyncio.run(_load(base, path, args.clients, min(100, requests), seconds))  # warm-up
            started = time.perf_counter()
            lat = asyncio.run(_load(base, path, args.clients, requests, seconds))
            wall = time.perf_counter() - started
            ms = sorted(x * 1000 for x in lat)
            p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
            print(
                f"{path}: {len(ms)} requests in {wall:.1f} s ({len(ms) / wall:.0f}/s); "
                f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"
            )
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.communicate(timeout=20)


if __name__ == "__main__":
    main()
