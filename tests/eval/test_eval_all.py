"""``make eval``'s results file: a partial run (``--only``) keeps the other suites' sections."""

from __future__ import annotations

from storyline.eval.all import SUITES, split_sections


def test_split_sections_by_suite_title() -> None:
    (first, _, _), (second, _, _) = SUITES[0], SUITES[-1]
    text = "\n".join(
        [
            "# Evaluation results",
            "",
            "Written by `make eval` on a day.",
            "",
            f"## {first}",
            "",
            "## A heading inside a report, not a suite",
            "| a | b |",
            "",
            f"## {second}",
            "numbers",
        ]
    )
    header, sections = split_sections(text)
    assert header == "# Evaluation results\n\nWritten by `make eval` on a day."
    assert list(sections) == [first, second]
    assert "A heading inside a report" in sections[first]
    assert sections[second] == f"## {second}\nnumbers"
