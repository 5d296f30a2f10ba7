"""Score the actors stage on the PLOVER gold records (``events/plover-gsr``).

Reads: ``PLOVER_GSR_CAMEO.txt`` (a JSON array; each record's ``text`` and its ``source``/``target``
actors, each ``{actorText, code, sector}``). Writes: nothing; returns scores and a Markdown report.

For each gold actor the stage's actor is the one :func:`storyline.stages.lookup.actor_at` finds over
the first whole-word occurrence of ``actorText`` in the sentence (the look-up the events stage uses). Country
accuracy compares its ``country`` with the gold ``code``; sector accuracy compares its ``sector``
with the gold sector's first three letters (``CVLalb`` -> ``CVL``; no sector -> ``None``, which is
what the gold gives a bare country name). Gold actors whose text is not in the sentence, and gold
sectors ``***`` (uncoded), are left out and counted. The gold writes Japan ``JAP`` and Italy ``ITL``
(CAMEO/COW codes) where ISO 3166 says ``JPN`` and ``ITA``: those two are read as the ISO codes.

The records are split once and for all into a tune part (about 70%) and a held-out part (about
30%) by a hash of the sentence (:func:`part_of`), so repeated sentences stay on one side. Rules are
developed looking only at the tune part; the held-out numbers are the headline.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyline.errors import EvalError
from storyline.settings import Settings

GOLD_FILE = "PLOVER_GSR_CAMEO.txt"
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}
SECTOR_FIXES = {"CIV": "CVL"}
HELDOUT_BUCKETS = 3  # of 10: the share of sentences held out


def part_of(text: str) -> str:
    """``"heldout"`` or ``"tune"``: the fixed part of the gold a sentence belongs to."""
    bucket = int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 10
    return "heldout" if bucket < HELDOUT_BUCKETS else "tune"


def split(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The records of each part (``tune``, ``heldout``), in file order."""
    parts: dict[str, list[dict[str, Any]]] = {"tune": [], "heldout": []}
    for record in records:
        parts[part_of(str(record["text"]))].append(record)
    return parts


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold event records (not the DOCUMENT header) of the plover-gsr folder or file."""
    file = path / GOLD_FILE if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read the PLOVER gold records at {file}: {err}") from err
    if not isinstance(data, list):
        raise EvalError(f"{file} is not a JSON array of PLOVER records")
    return [r for r in data if isinstance(r, dict) and r.get("text") and r.get("id") != "DOCUMENT"]


def gold_actors(record: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    """(role, actorText, country, sector) of a record's source and target actors."""
    out = []
    for role in ("source", "target"):
        actors = record.get(role)
        if not isinstance(actors, list):
            continue
        for a in actors:
            if not isinstance(a, dict) or not a.get("actorText"):
                continue
            code = a.get("code")
            code = GOLD_CODE_FIXES.get(code, code) if isinstance(code, str) else None
            sector = a.get("sector")
            if isinstance(sector, str) and sector:
                sector = sector[:3].upper()
                sector = SECTOR_FIXES.get(sector, sector)
            else:
                sector = None
            out.append((role, str(a["actorText"]).strip(), code, sector))
    return out


def find_text(text: str, actor_text: str) -> tuple[int, int] | None:
    """Character range of the first whole-word occurrence of an actor's text ("Iraq" is not the
    start of "Iraqi"), else of its first occurrence; case-insensitive as a fallback."""
    whole = re.compile(rf"(?<!\w){re.escape(actor_text)}(?!\w)")
    for found in (whole.search(text), re.search(whole.pattern, text, re.IGNORECASE)):
        if found is not None:
            return found.start(), found.end()
    at = text.find(actor_text)
    if at < 0:
        at = text.lower().find(actor_text.lower())
    return (at, at + len(actor_text)) if at >= 0 else None


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> dict[str, Any]:
    """Country and sector accuracy of the actors found for the gold source and target actors: the
    held-out part's scores, with the tune part's under ``"tune"``."""
    from storyline.pipeline import build_nlp

    records = load_gold(path)
    if limit is not None:
        records = records[:limit]
    nlp = build_nlp(settings.replace(pipeline={"stages": ["timex", "actors"]}))
    parts = split(records)
    scores = score(parts["heldout"], nlp)
    scores["tune"] = score(parts["tune"], nlp)
    return scores


def score(records: list[dict[str, Any]], nlp: Language) -> dict[str, Any]:
    """The scores of :func:`evaluate` for some gold records, with a pipeline that has the actors
    stage."""
    from storyline.stages.lookup import actor_at

    country_ok = country_n = sector_ok = sector_n = 0
    missing_text = uncoded = not_found = stage_errors = 0
    sector_confusion: Counter[tuple[str, str]] = Counter()
    country_misses: Counter[tuple[str, str]] = Counter()
    examples: list[dict[str, Any]] = []
    texts = [str(r["text"]) for r in records]
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        if doc._.errors:
            stage_errors += 1
        for role, actor_text, code, sector in gold_actors(record):
            where = find_text(doc.text, actor_text)
            if where is None:
                missing_text += 1
                continue
            found = actor_at(doc, *where)
            if found is None:
                not_found += 1
            got_country = found.country if found else None
            got_sector = found.sector if found else None
            if code:
                country_n += 1
                if got_country == code:
                    country_ok += 1
                else:
                    country_misses[(code, str(got_country))] += 1
            if sector == "***":
                uncoded += 1
            else:
                sector_n += 1
                if got_sector == sector:
                    sector_ok += 1
                else:
                    sector_confusion[(str(sector), str(got_sector))] += 1
            wrong = (code and got_country != code) or sector not in ("***", got_sector)
            if wrong and len(examples) < 400:
                examples.append(
                    {
                        "id": record.get("id"),
                        "role": role,
                        "text": actor_text,
                        "gold": [code, sector],
                        "found": [got_country, got_sector],
                        "name": found.name if found else None,
                    }
                )
    return {
        "records": len(records),
        "actors_scored_country": country_n,
        "actors_scored_sector": sector_n,
        "country_accuracy": country_ok / country_n if country_n else 0.0,
        "sector_accuracy": sector_ok / sector_n if sector_n else 0.0,
        "no_actor_found": not_found,
        "actor_text_not_in_sentence": missing_text,
        "sector_uncoded_in_gold": uncoded,
        "documents_with_stage_errors": stage_errors,
        "sector_confusion": [
            {"gold": g, "found": f, "count": n} for (g, f), n in sector_confusion.most_common(15)
        ],
        "country_misses": [
            {"gold": g, "found": f, "count": n} for (g, f), n in country_misses.most_common(15)
        ],
        "examples": examples,
    }


def report(scores: dict[str, Any]) -> str:
    """The scores as a Markdown section."""
    tune = scores.get("tune")
    lines = ["## Actors (PLOVER gold actors, events/plover-gsr)", ""]
    if isinstance(tune, dict):
        lines += [
            "| part | records | country accuracy | sector accuracy |",
            "|---|---|---|---|",
            f"| **held out** | {scores['records']} | **{scores['country_accuracy']:.3f}** | "
            f"**{scores['sector_accuracy']:.3f}** |",
            f"| tune | {tune['records']} | {tune['country_accuracy']:.3f} | "
            f"{tune['sector_accuracy']:.3f} |",
            "",
            "The rest is the held-out part.",
            "",
        ]
    lines += [
        f"- records: {scores['records']}; actors scored: {scores['actors_scored_country']} "
        f"for country, {scores['actors_scored_sector']} for sector",
        f"- **country accuracy: {scores['country_accuracy']:.3f}**",
        f"- **sector accuracy: {scores['sector_accuracy']:.3f}**",
        f"- no actor found at the gold text: {scores['no_actor_found']}; gold text not in the "
        f"sentence: {scores['actor_text_not_in_sentence']}; gold sector uncoded (`***`): "
        f"{scores['sector_uncoded_in_gold']}",
        "",
        "| gold sector | found | count |",
        "|---|---|---|",
    ]
    lines += [f"| {r['gold']} | {r['found']} | {r['count']} |" for r in scores["sector_confusion"]]
    lines += ["", "| gold country | found | count |", "|---|---|---|"]
    lines += [f"| {r['gold']} | {r['found']} | {r['count']} |" for r in scores["country_misses"]]
    return "\n".join(lines) + "\n"
