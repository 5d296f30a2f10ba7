"""Build the events stage's verb lexicon from public, licensed sources (``make train``).

Reads: ``events/petrarch2-validation/CAMEO.2.0.txt`` (the PETRARCH-2 CAMEO verb-pattern dictionary,
MIT, (c) 2015 Open Event Data Alliance) and ``events/plover-gsr/CAMEO2PLOVER-2021.txt`` (the
CAMEO -> PLOVER table of PLOVER draft 0.8, CC BY-SA 4.0, (c) Open Event Data Alliance).
Writes: ``src/storyline/resources/events/verbs.json``: for each verb lemma, its default PLOVER
type and the phrase patterns that change it, each with a PLOVER type and mode.

The output is a derived work of both sources and carries their terms (MIT notice kept; CC BY-SA 4.0
with attribution); see ``resources/events/SOURCE.md``. Nothing trained here comes from data without a
licence (PLV, CASE, ConfliBERT are used for scoring only). The build is deterministic and takes a
second: run ``python -m storyline.stages.events.train --data ../shared/data``.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import EvalError

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "events" / "verbs.json"
VERB_DICT = "events/petrarch2-validation/CAMEO.2.0.txt"
CAMEO2PLOVER = "events/plover-gsr/CAMEO2PLOVER-2021.txt"

# CAMEO roots the 2021 table leaves out: 01 (public statement) codes nothing; 02 (appeal) is PLOVER
# REQUEST, as PLOVER merged CAMEO's appeal and demand.
_EXTRA_ROOTS = {"02": ("REQUEST", None)}
# Where PLOVER's own codebook draws the line differently from the 2021 table: economic sanctions,
# embargoes and boycotts reduce relations (SANCTION), as the PLOVER codebook's SANCTION says.
_OVERRIDES = {"163": ("SANCTION", None)}

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None), from the 2021 translation table."""
    table: dict[str, tuple[str, str | None]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        if not code.strip().isdigit():
            continue
        parts = [p.strip() for p in rest.split(",")]
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        table.setdefault(code.strip(), (parts[0], mode))
    table.update(_EXTRA_ROOTS)
    table.update(_OVERRIDES)
    return table


def plover_of(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER type of a CAMEO code: its own row, else its nearest listed parent's."""
    code = code.strip()
    if ":" in code:  # "042:043" source:target codes of a reciprocal pattern; ":110" target only
        code = next((c for c in code.split(":") if c.strip()), "")
    if not code.isdigit():
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            ptype, mode = table[code[:n]]
            # A mode is specific to its own code; a parent's mode does not carry down.
            return ptype, mode if n == len(code) else None
    return None


def _words(token: str, synsets: dict[str, list[str]]) -> list[str]:
    token = token.strip("(){}$+%^,")
    if not token or token in {"*", "-"}:
        return []
    if token.startswith("&"):
        return [token] if token in synsets else []  # a synonym set, kept by name
    return [token.lower().rstrip("_").replace("_", " ").split()[0]] if token.rstrip("_") else []


def _slots(text: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    slots = []
    for token in text.split():
        words = _words(token, synsets)
        if words:
            slots.append(sorted(set(words)))
    return slots


def _synset_line(line: str, current: str | None, synsets: dict[str, list[str]]) -> str | None:
    """Read one line of the synonym sets ("&NAME", then "+word" lines); the set now open."""
    if line.startswith("&"):
        current = line.strip()
        synsets[current] = []
    elif line.startswith("+") and current:
        word = line[1:].strip().rstrip("_").replace("_", " ").lower()
        if word:
            synsets[current].append(word.split()[0])
    return current


@dataclass
class _VerbReader:
    """The verb section of CAMEO.2.0.txt read line by line: blocks of verbs ("--- NAME [code]"),
    their lines (``LEMMA {forms} [code]``) and the patterns of the block ("- pre * post [code]")."""

    table: dict[str, tuple[str, str | None]]
    synsets: dict[str, list[str]]
    verbs: dict[str, dict[str, Any]] = field(default_factory=dict)
    block_code: str = "---"
    block_lemmas: list[tuple[str, str | None]] = field(default_factory=list)

    def read(self, line: str) -> None:
        match = _BLOCK.match(line)
        if match:
            self.block_code = match.group(2)
            self.block_lemmas = []
        elif not line.strip():
            return
        elif line.startswith("-"):
            self._pattern(line)
        else:
            self._verb(line)

    def _pattern(self, line: str) -> None:
        code_match = _CODE.search(line)
        if not code_match:
            return
        body = line[1 : code_match.start()]
        if "*" not in body:
            return
        pre, post = body.split("*", 1)
        plover = plover_of(code_match.group(1), self.table)
        pattern: dict[str, Any] = {
            "pre": _slots(pre, self.synsets),
            "post": _slots(post, self.synsets),
            "type": plover[0] if plover else None,
            "mode": plover[1] if plover else None,
            "cameo": code_match.group(1).strip(),
        }
        for lemma, particle in self.block_lemmas:
            entry = self.verbs[lemma]
            full = dict(pattern)
            if particle:
                full["post"] = [[particle], *pattern["post"]]
            entry["patterns"].append(full)

    def _verb(self, line: str) -> None:
        """A verb line: LEMMA {irregular forms} [own code]."""
        word = line.split(maxsplit=1)[0].lstrip("+").rstrip("_").lower()
        if not word or not word[0].isalpha():
            return
        parts = word.split("_")
        lemma, particle = parts[0], (parts[1] if len(parts) > 1 else None)
        own = _CODE.search(line)
        code = own.group(1) if own else self.block_code
        plover = plover_of(code, self.table)
        entry = self.verbs.setdefault(lemma, {"default": None, "patterns": []})
        if particle is None and entry["default"] is None and plover:
            entry["default"] = list(plover)
        elif particle and plover:
            entry["patterns"].append(
                {
                    "pre": [],
                    "post": [[particle]],
                    "type": plover[0],
                    "mode": plover[1],
                    "cameo": code,
                }
            )
        self.block_lemmas.append((lemma, particle))


def read_verb_dictionary(
    path: Path, table: dict[str, tuple[str, str | None]]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """Verb lemma -> {"default": [type, mode] | None, "patterns": [...]}, and the synonym sets
    ("&NAME" -> words) the patterns name, from CAMEO.2.0.txt."""
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    reader = _VerbReader(table, synsets)
    in_verbs = False
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if "TRANSFORMATIONS" in raw:
            break
        if in_verbs:
            reader.read(line)
        else:
            current = _synset_line(line, current, synsets)
    for entry in reader.verbs.values():
        entry["patterns"] = _useful(entry)
    return reader.verbs, synsets


def _useful(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The patterns that change the verb's default, without repeats, most specific first."""
    default = entry["default"] or [None, None]
    seen: set[str] = set()
    kept = []
    for pattern in entry["patterns"]:
        if [pattern["type"], pattern["mode"]] == list(default) and pattern["type"] is not None:
            continue
        if pattern["type"] is None and entry["default"] is None:
            continue
        key = json.dumps([pattern["pre"], pattern["post"]])
        if key in seen:
            continue
        seen.add(key)
        kept.append({k: pattern[k] for k in ("pre", "post", "type", "mode")})
    kept.sort(key=lambda p: -(len(p["pre"]) + len(p["post"])))
    return kept


def build(data: Path, out: Path = RESOURCE) -> dict[str, Any]:
    """Build the verb lexicon from the shared data folder and write it to ``out``."""
    verb_path, table_path = data / VERB_DICT, data / CAMEO2PLOVER
    for path in (verb_path, table_path):
        if not path.exists():
            raise EvalError(f"{path} does not exist; pass --data the shared data folder")
    table = read_cameo2plover(table_path)
    verbs, synsets = read_verb_dictionary(verb_path, table)
    lexicon = {
        "version": 1,
        "sources": [
            "PETRARCH-2 CAMEO.2.0.txt verb dictionary, MIT, (c) 2015 Open Event Data Alliance",
            "PLOVER CAMEO2PLOVER-2021.txt, CC BY-SA 4.0, (c) Open Event Data Alliance",
        ],
        "synsets": {k: sorted(set(v)) for k, v in sorted(synsets.items())},
        "verbs": {k: verbs[k] for k in sorted(verbs)},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(lexicon, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8"
    )
    return lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=RESOURCE, help="where to write verbs.json")
    args = parser.parse_args(argv)
    lexicon = build(args.data, args.out)
    n_patterns = sum(len(v["patterns"]) for v in lexicon["verbs"].values())
    print(f"wrote {args.out}: {len(lexicon['verbs'])} verbs, {n_patterns} patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
