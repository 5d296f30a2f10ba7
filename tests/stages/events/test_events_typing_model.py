"""Unit cases of the learned type decision (:mod:`storyline.stages.events.typing_model`): the
features of a trigger, the model's JSON form and the shipped model, and how ``decide`` retypes or
drops a trigger. Short texts parsed by the spaCy model alone (``events_docs``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from events_docs import make
from spacy.language import Language

from storyline.errors import ConfigError, ModelError
from storyline.stages.events import extract_events
from storyline.stages.events.candidates import find_triggers
from storyline.stages.events.component import uncoded_verbs
from storyline.stages.events.lexicon import load_lexicon
from storyline.stages.events.typing_model import (
    NO_EVENT,
    UNCODED,
    TypeModel,
    features,
    load_type_model,
    model_from_json,
    model_to_json,
    read_type_model,
)

pytestmark = pytest.mark.slow

CLASSES = ("ACCUSE", "ASSAULT", NO_EVENT)


def _trigger(base_nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = make(base_nlp, text)
    found = [t for s in doc.sents for t in find_triggers(s, load_lexicon())]
    return next(t for t in found if t.token.text == word)


def _model(weights: dict[str, dict[int, float]], drop: float = 0.6) -> TypeModel:
    return TypeModel(CLASSES, (0.0, 0.0, 0.0), weights, drop, 0.6)


def test_features_name_the_rule_the_lemma_its_objects_and_cues(base_nlp: Language) -> None:
    trigger = _trigger(base_nlp, "Russia did not attack Ukraine on Monday.", "attack")
    found = features(trigger, has_target=True)
    assert "rule=ASSAULT" in found
    assert "lemma=attack" in found
    assert "lemma_rule=attack:ASSAULT" in found
    assert "child=neg:not" in found
    assert "ent=dobj:GPE" in found
    assert "pobj=on:monday" in found
    assert "target=True" in found
    assert "bow=attack" in found
    assert found == sorted(set(found))


def test_features_of_a_support_verb_and_its_noun(base_nlp: Language) -> None:
    trigger = _trigger(base_nlp, "Russia held talks with Ukraine.", "talks")
    found = features(trigger, has_target=True)
    assert "anchor=hold" in found and "lemma=talk" in found
    assert "rule=CONSULT" in found
    assert "t_pobj=with:ukraine" in found  # the noun's own phrase, apart from the verb's


def test_decide_retypes_drops_or_keeps(base_nlp: Language) -> None:
    trigger = _trigger(base_nlp, "Russia attacked Ukraine.", "attacked")
    assert trigger.code[0] == "ASSAULT"
    retype = _model({"lemma=attack": {0: 5.0}})
    assert retype.decide(trigger, True).code == ("ACCUSE", None)  # type: ignore[union-attr]
    drop = _model({"lemma=attack": {2: 5.0}})
    assert drop.decide(trigger, True) is None
    unsure = _model({"lemma=attack": {2: 0.5}}, drop=0.9)
    assert unsure.decide(trigger, True) is trigger


def test_probabilities_are_a_softmax_over_present_features() -> None:
    model = _model({"a": {0: 1.0}, "b": {1: 1.0}})
    probs = model.probabilities(["a", "unseen"])
    assert sum(probs.values()) == pytest.approx(1.0)
    assert probs["ACCUSE"] > probs["ASSAULT"] == pytest.approx(probs[NO_EVENT])


def test_json_round_trip_and_bad_files(tmp_path: Path) -> None:
    model = _model({"lemma=attack": {1: 1.25}})
    data = model_to_json(model, {"sources": ["test"]})
    again = model_from_json(json.loads(json.dumps(data)))
    assert again == model
    bad = tmp_path / "types.json"
    data["weights"] = {"x": {"7": 1.0}}  # a class index out of range
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="make train"):
        read_type_model(bad)
    data["version"] = 99
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="version"):
        read_type_model(bad)


def test_shipped_model_loads_once_and_covers_every_type() -> None:
    model = load_type_model()
    assert load_type_model() is model
    assert NO_EVENT in model.classes and "ASSAULT" in model.classes
    assert len(model.classes) >= 15
    assert 0.5 <= model.drop_at <= 1.0 and 0.5 <= model.retype_at <= 1.0
    assert any(name.startswith("rule=") for name in model.weights)


def test_extract_events_without_the_model_keeps_the_rules(base_nlp: Language) -> None:
    doc = make(base_nlp, "Russia vetoed the motion.")
    drop_all = TypeModel(("REJECT", NO_EVENT), (0.0, 10.0), {}, 0.6, 0.6)
    assert [e.type for e in extract_events(doc)] == ["REJECT"]
    assert extract_events(doc, types=drop_all) == []


def test_uncoded_verbs_leave_out_triggers_their_content_and_saying(base_nlp: Language) -> None:
    doc = make(base_nlp, "Russia vetoed the motion and painted a wall, Hun Sen said.")
    sent = next(iter(doc.sents))
    found = find_triggers(sent, load_lexicon())
    assert [t.token.text for t in found] == ["vetoed"]
    extra = uncoded_verbs(sent, found)
    assert [t.token.text for t in extra] == ["painted"]
    assert extra[0].code == (UNCODED, None)


def test_an_uncoded_verb_is_an_event_only_when_the_model_is_sure(base_nlp: Language) -> None:
    doc = make(base_nlp, "Russia painted Ukraine's wall.")
    assert extract_events(doc) == []
    sure = TypeModel(
        ("ASSAULT", NO_EVENT), (0.0, 0.0), {"lemma=paint": {0: 5.0}}, 0.6, 0.6, add_at=0.9
    )
    events = extract_events(doc, types=sure)
    assert [(e.type, e.trigger.text, e.source[0].name) for e in events] == [
        ("ASSAULT", "painted", "Russia")
    ]
    unsure = TypeModel(
        ("ASSAULT", NO_EVENT), (0.0, 0.0), {"lemma=paint": {0: 1.0}}, 0.6, 0.6, add_at=0.9
    )
    assert extract_events(doc, types=unsure) == []


def test_the_learned_types_setting_turns_the_model_off(tmp_path: Path) -> None:
    from storyline.pipeline import build_nlp
    from storyline.settings import load_settings

    off = tmp_path / "off.toml"
    off.write_text('[events]\nlearned_types = false\n[pipeline]\nstages = ["events"]\n')
    settings = load_settings(off)
    assert settings.events.learned_types is False
    assert build_nlp(settings).get_pipe("storyline_events").types is None  # type: ignore[attr-defined]
    on = settings.replace(events={"learned_types": True})
    assert build_nlp(on).get_pipe("storyline_events").types is load_type_model()  # type: ignore[attr-defined]
    bad = tmp_path / "bad.toml"
    bad.write_text('[events]\nlearned_types = "no"\n')
    with pytest.raises(ConfigError, match=r"events\.learned_types"):
        load_settings(bad)


def test_a_cooperation_is_given_only_to_a_trigger_with_a_target(base_nlp: Language) -> None:
    trigger = _trigger(base_nlp, "Russia attacked Ukraine.", "attacked")
    model = TypeModel(
        ("ASSAULT", "COOPERATE", NO_EVENT), (0.0, 0.0, 0.0), {"lemma=attack": {1: 5.0}}, 0.9, 0.6
    )
    assert model.decide(trigger, has_target=True).code[0] == "COOPERATE"  # type: ignore[union-attr]
    assert model.decide(trigger, has_target=False).code[0] == "ASSAULT"  # type: ignore[union-attr]
