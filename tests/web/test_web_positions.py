"""An actor's stance toward others: lanes per counterpart, marks by quad class, hollow when the
event did not happen, each linked to its sentence."""

from __future__ import annotations

import html
import re
from typing import Any

from storyline.records import Event, from_dict
from storyline.web.pages import cite_url
from storyline.web.positions import build, quad


def sample_events(web: Any) -> list[Event]:
    items = web.get("/api/events", params={"limit": 100}).json()["items"]
    return [from_dict(Event, e) for e in items]


def test_quad_classes() -> None:
    assert [quad(t) for t in ("SUPPORT", "AID", "ACCUSE", "ASSAULT")] == [
        "verbal-coop",
        "material-coop",
        "verbal-conflict",
        "material-conflict",
    ]


def test_marks_per_target_on_a_time_axis(web: Any) -> None:
    chart = build("cambodia", sample_events(web), cite_url)
    assert chart is not None
    # Cambodia as a source: SUPPORT -> United Nations (planned), SUPPORT -> Ukraine (asserted)
    assert sorted(lane.name for lane in chart.lanes) == ["Ukraine", "United Nations"]
    by_title = {m.title.split(" — ")[0]: m for m in chart.marks}
    planned = by_title["3 Mar 2022: SUPPORT (planned) toward United Nations"]
    assert planned.quad == "verbal-coop" and not planned.happened
    welcomed = by_title["May 2023: SUPPORT toward Ukraine"]
    assert welcomed.happened and welcomed.x > planned.x  # later is further right
    assert all(m.href.startswith("/documents/doc") and "#" in m.href for m in chart.marks)
    assert build("kin-phea", sample_events(web), cite_url) is None  # never a source


def test_actor_page_draws_it(web: Any) -> None:
    page = html.unescape(web.get("/actors/cambodia").text)
    assert "Cambodia toward others, over time" in page
    marks = re.findall(
        r'<a href="(/documents/[^"]+)"><title>[^<]*</title><circle class="mark ([^"]+)"', page
    )
    assert len(marks) == 2 and any("unreal" in cls for _, cls in marks)
