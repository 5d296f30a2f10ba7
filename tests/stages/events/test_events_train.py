"""The verb lexicon builder: CAMEO verb patterns to PLOVER types, and the shipped file."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.stages.events import train as events_train
from storyline.stages.events.lexicon import load_lexicon

TABLE = """\
# CAMEO to PLOVER
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet
04: CONSULT
041: CONSULT, phone,  # Discuss by telephone
16: SANCTION
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
17: COERCE
170: COERCE, ,    # Coerce
"""

VERBS = """\
####### SYNONYM SETS #######

&TREATY
+TREATY
+ACCORD

####### VERB PATTERNS #######

---  CALL   [041:041]  ---
CALL
PHONE
- * MEETING                                           [036]         # CALL
- * &TREATY                                           [---]         # CALL

---  IMPOSE   [170]  ---
IMPOSE
- * SANCTIONS                                         [163]         # IMPOSE

######## TRANSFORMATIONS ##########
"""


def build(tmp_path: Path) -> dict[str, object]:
    data = tmp_path / "data"
    (data / "events" / "plover-gsr").mkdir(parents=True)
    (data / "events" / "petrarch2-validation").mkdir(parents=True)
    (data / events_train.CAMEO2PLOVER).write_text(TABLE, encoding="utf-8")
    (data / events_train.VERB_DICT).write_text(VERBS, encoding="latin-1")
    return events_train.build(data, tmp_path / "verbs.json")


def test_cameo_codes_map_to_plover_with_the_codebook_lines(tmp_path: Path) -> None:
    lexicon = build(tmp_path)
    verbs = lexicon["verbs"]
    assert isinstance(verbs, dict)
    assert verbs["call"]["default"] == ["CONSULT", "phone"]
    assert verbs["phone"]["default"] == ["CONSULT", "phone"]
    patterns = {
        tuple(w[0] for w in p["post"]): (p["type"], p["mode"]) for p in verbs["call"]["patterns"]
    }
    assert patterns[("meeting",)] == ("AGREE", None)
    assert patterns[("&TREATY",)] == (None, None)  # [---]: not an event
    # Economic sanctions reduce relations: SANCTION, as the PLOVER codebook reads.
    impose = {tuple(w[0] for w in p["post"]): p["type"] for p in verbs["impose"]["patterns"]}
    assert verbs["impose"]["default"] == ["COERCE", None]
    assert impose[("sanctions",)] == "SANCTION"
    assert lexicon["synsets"] == {"&TREATY": ["accord", "treaty"]}
    written = json.loads((tmp_path / "verbs.json").read_text(encoding="utf-8"))
    assert written == lexicon


def test_plover_of_uses_the_nearest_listed_parent() -> None:
    table = {"17": ("COERCE", None), "173": ("COERCE", "arrest"), "02": ("REQUEST", None)}
    assert events_train.plover_of("1731", table) == ("COERCE", None)
    assert events_train.plover_of("173", table) == ("COERCE", "arrest")
    assert events_train.plover_of("042:043", {"04": ("CONSULT", None)}) == ("CONSULT", None)
    assert events_train.plover_of("---", table) is None
    assert events_train.plover_of("010", table) is None  # public statements code nothing


def test_shipped_lexicon_is_small_and_loads() -> None:
    path = Path(events_train.RESOURCE)
    assert path.stat().st_size < 5_000_000
    lexicon = load_lexicon()
    assert lexicon.defaults["condemn"][0] == "ACCUSE"
    assert len(lexicon.patterns) > 1000
