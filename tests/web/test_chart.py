"""Events over time on a real time axis: empty periods kept, bars stacked by family, linked."""

from __future__ import annotations

import html
import re
from typing import Any

from storyline.store.reads import PeriodCount
from storyline.web.chart import HEIGHT, WIDTH, build, periods, unit_for


def counts(*rows: tuple[str, str, int]) -> list[PeriodCount]:
    return [PeriodCount(p, t, n) for p, t, n in rows]


def test_what_did_not_happen_is_drawn_apart() -> None:
    chart = build(
        [PeriodCount("2022-03", "SUPPORT", 2), PeriodCount("2022-03", "SUPPORT", 1, False)],
        "month",
        str,
    )
    assert chart is not None
    bar = chart.bars[0]
    assert [(s.happened, s.count) for s in bar.segments] == [(True, 2), (False, 1)]
    assert bar.title == "March 2022: 3 events (2 cooperation, 1 cooperation not happened)"


def test_periods_are_continuous() -> None:
    assert periods("2022-11", "2023-02", "month") == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert periods("2024-02-28", "2024-03-01", "day") == ["2024-02-28", "2024-02-29", "2024-03-01"]
    assert periods("2019", "2021", "year") == ["2019", "2020", "2021"]


def test_the_unit_follows_the_span() -> None:
    assert unit_for(counts(("2025-03", "AID", 1))) == "day"
    assert unit_for(counts(("2022-03", "AID", 1), ("2023-06", "AID", 1))) == "month"
    assert unit_for(counts(("2015-03", "AID", 1), ("2023-06", "AID", 1))) == "year"


def test_bars_stack_by_family_on_a_time_axis() -> None:
    chart = build(
        counts(("2022-03", "SUPPORT", 2), ("2022-03", "ACCUSE", 1), ("2022-06", "CONCEDE", 3)),
        "month",
        lambda p: f"/events?date_from={p}&date_to={p}",
    )
    assert chart is not None
    assert [b.period for b in chart.bars] == ["2022-03", "2022-04", "2022-05", "2022-06"]
    march, april, _, june = chart.bars
    assert april.total == 0 and april.segments == []  # an empty month keeps its place
    assert [(s.family, s.count) for s in march.segments] == [("coop", 2), ("conflict", 1)]
    assert chart.peak == 3 and chart.total == 6
    assert june.segments[0].height == HEIGHT - chart.axis  # the tallest bar fills the plot
    assert march.title == "March 2022: 3 events (2 cooperation, 1 conflict)"
    assert march.href == "/events?date_from=2022-03&date_to=2022-03"
    assert all(0 <= b.x < WIDTH for b in chart.bars)
    assert build([], "month", str) is None


def test_pages_draw_the_chart_with_links_to_the_events(web: Any) -> None:
    for path in ("/events", "/timeline", "/actors/cambodia"):
        page = html.unescape(web.get(path).text)
        assert '<figure class="chart">' in page, path
        links = re.findall(r'<a href="(/events\?[^"]*date_from=[^"]+)"><title>', page)
        assert links, path
    actor = html.unescape(web.get("/actors/cambodia").text)
    assert "/events?actor=cambodia&date_from=" in actor
    one = re.search(r'<a href="(/events\?actor=cambodia[^"]+)"><title>([^<]+)</title>', actor)
    assert one is not None
    shown = html.unescape(web.get(one.group(1)).text)
    n = int(re.search(r": (\d+) event", one.group(2)).group(1))  # type: ignore[union-attr]
    assert f"<strong>{n}</strong> event" in shown  # the bar's count is the events it links to
