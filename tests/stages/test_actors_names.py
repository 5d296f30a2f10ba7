"""Name splitting in the actors stage (actors_names), on strings."""

from __future__ import annotations

import pytest

from storyline.stages.actors_names import camel_cut


@pytest.mark.parametrize(
    ("token", "cut"),
    [("WeekHun", 4), ("TodayDonald", 5), ("McCaul", 0), ("DeSantis", 0), ("MacArthur", 0)],
)
def test_a_glued_word_is_cut_but_a_surname_prefix_is_not(token: str, cut: int) -> None:
    assert camel_cut(token) == cut
