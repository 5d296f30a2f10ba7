"""The HTML-reader scorer, and the quality gate on a fixed sample of the benchmark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval.ingest import evaluate, match_counts, prf, report
from storyline.settings import Settings

FLOORS = Path(__file__).resolve().parents[1] / "quality_floors.json"
BENCHMARK = "ingest/article-extraction-benchmark"
PAGE = """<html><head><title>T</title></head><body><nav>Home World Sport</nav><article>
<p>{body}</p></article><footer>Copyright notice and links to everything else here</footer>
</body></html>"""


def test_match_counts_bag_of_tokens() -> None:
    # true: a b c d; pred: a b x -> tp 2, fp 1, fn 2, normalized by 5
    assert match_counts("a b c d", "a, b! x", 1) == pytest.approx((0.4, 0.2, 0.4))
    assert match_counts("a b c d e", "a b c d e", 4) == pytest.approx((1.0, 0.0, 0.0))
    assert match_counts("", "", 1) == (0.0, 0.0, 0.0)


def test_prf_means_over_pages_as_the_benchmark_does() -> None:
    scores = prf([(0.5, 0.5, 0.0), (0.0, 0.0, 1.0)])  # page 2 produced nothing
    assert scores["precision"] == pytest.approx(0.5)  # page 2 has no output: not counted
    assert scores["recall"] == pytest.approx(0.5)  # (1.0 + 0.0) / 2
    assert scores["f1"] == pytest.approx(0.5)


def _fake_benchmark(root: Path, bodies: dict[str, str]) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    for key, body in bodies.items():
        with gzip.open(root / "html" / f"{key}.html.gz", "wt", encoding="utf-8") as stream:
            stream.write(PAGE.format(body=body))
        truth[key] = {"articleBody": body, "url": f"https://e.org/{key}"}
    (root / "ground-truth.json").write_text(json.dumps(truth))
    return root


def test_evaluate_on_a_tiny_benchmark(tmp_path: Path, settings: Settings) -> None:
    sentence = "The minister met the ambassador in the capital on Thursday to discuss the war. "
    root = _fake_benchmark(tmp_path / "b", {"p1": sentence * 5, "p2": sentence * 3})
    scores = evaluate(root, settings)
    assert scores["pages"] == 2
    assert scores["no_article"] == 0
    assert scores["token"]["recall"] == pytest.approx(1.0)
    assert 0.5 < scores["token"]["precision"] <= 1.0
    assert evaluate(root, settings, limit=1)["pages"] == 1
    text = report(scores)
    assert "| tokens (bag of words) |" in text and "pages/s" in text


def test_evaluate_refuses_a_wrong_folder(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(EvalError, match="ground-truth"):
        evaluate(tmp_path, settings)


@pytest.mark.gold
@pytest.mark.slow
def test_html_reader_quality_gate(shared_data: Path, settings: Settings) -> None:
    """Token and shingle precision/recall/F1 on the first 30 pages stay above the saved floors."""
    path = shared_data / BENCHMARK
    if not path.is_dir():
        pytest.skip(f"{path} not found")
    scores = evaluate(path, settings, limit=30)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    measured = {
        "ingest.token_precision": scores["token"]["precision"],
        "ingest.token_recall": scores["token"]["recall"],
        "ingest.token_f1": scores["token"]["f1"],
        "ingest.shingle_f1": scores["shingle"]["f1"],
    }
    low = {k: (round(v, 3), floors[k]) for k, v in measured.items() if v < floors[k]}
    assert not low, f"below the floor (measured, floor): {low}"
    assert scores["no_article"] <= floors["ingest.max_no_article"]
