"""The learned type decision: a linear model that re-types a trigger the rules found, or drops it.

Reads: ``resources/events/types.json``, written by :mod:`storyline.stages.events.learn` (``make
train``): a multinomial logistic regression over sparse features of a trigger in its clause (the
trigger's lemma, its dependents' relations and lemmas, the heads of its objects and prepositional
phrases, negation and modal cues, the rule's own type, a bag of the clause's lemmas), the 16 PLOVER
types and ``NO_EVENT``. Writes nothing: :meth:`TypeModel.decide` returns the trigger retyped, the
trigger as the rules coded it, or None (no event). With the model on, the stage also offers it the
verbs the rules code nothing for (type ``UNCODED``, ``component.uncoded_verbs``): one becomes an
event when the model is confident of a type.

The model is a table of weights per feature kept as JSON (no pickle): the probability of a type is
the softmax of the bias plus the weights of the features present. It is loaded once per pipeline
(``[events] learned_types = false`` in the settings, the stage's ``learned``, turns it off).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from storyline.errors import ModelError
from storyline.stages.events.classifier import Trigger

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "events" / "types.json"
FORMAT_VERSION = 1
NO_EVENT = "NO_EVENT"
#: The rule type of a verb the rules code nothing for: an event only if the model finds one.
UNCODED = "UNCODED"
#: Types the model gives only to a trigger with a target: a cooperation is with someone ("China
#: conducted military drills encircling Taiwan" is no joint exercise).
PARTNERED = frozenset({"COOPERATE"})
#: Dependents that say nothing about the type.
_SKIPPED_DEPS = frozenset({"punct", "det", "cc", "case"})
#: Dependents whose own prepositional or object heads are features: "an attack on", "held talks".
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "nsubjpass", "xcomp", "ccomp"})
#: Parts of speech whose lemmas go into the clause's bag of words.
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "ADV"})
#: At most this many tokens of the clause go into its bag of words.
_BAG_TOKENS = 40


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _child_features(head: Token, prefix: str) -> Iterable[str]:
    """The relations and lemmas of a word's dependents, with the heads of its phrases."""
    for child in head.children:
        dep = child.dep_
        if dep in _SKIPPED_DEPS:
            continue
        yield f"{prefix}dep={dep}"
        yield f"{prefix}child={dep}:{_lemma(child)}"
        if child.ent_type_:
            yield f"{prefix}ent={dep}:{child.ent_type_}"
        if dep == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield f"{prefix}pobj={child.lower_}:{_lemma(obj)}"
                    yield f"{prefix}pobj_ent={child.lower_}:{obj.ent_type_ or '-'}"
        elif dep in _OBJECT_DEPS:
            for grand in child.children:
                if grand.dep_ in {"prep", "dobj", "compound", "amod", "poss"}:
                    yield f"{prefix}obj_child={dep}:{grand.dep_}:{_lemma(grand)}"


def _bag(anchor: Token) -> Iterable[str]:
    """The content lemmas of the clause the trigger heads (its subtree, in the sentence)."""
    sent = anchor.sent
    count = 0
    for token in anchor.subtree:
        if token.i < sent.start or token.i >= sent.end:
            continue
        if token.pos_ in _CONTENT_POS and not token.is_stop and token.is_alpha:
            yield f"bow={_lemma(token)}"
            count += 1
            if count >= _BAG_TOKENS:
                return


def features(trigger: Trigger, has_target: bool) -> list[str]:
    """The sparse features of a trigger in its clause, as ``name=value`` strings (unique)."""
    token, anchor = trigger.token, trigger.anchor
    rule, mode = trigger.code
    lemma = _lemma(token)
    found = [
        f"rule={rule}",
        f"rule_mode={rule}:{mode or '-'}",
        f"lemma={lemma}",
        f"lemma_rule={lemma}:{rule}",
        f"anchor={_lemma(anchor)}",
        f"anchor_lemma={_lemma(anchor)}:{lemma}",
        f"pos={token.pos_}",
        f"noun={trigger.is_noun}",
        f"judged={trigger.judgement is not None}",
        f"target={has_target}",
        f"anchor_dep={anchor.dep_}",
        f"head={anchor.dep_}:{_lemma(anchor.head)}" if anchor.head.i != anchor.i else "head=ROOT",
    ]
    found.extend(_child_features(anchor, ""))
    if token.i != anchor.i:
        found.extend(_child_features(token, "t_"))
    found.extend(_bag(anchor))
    return sorted(set(found))


@dataclass(frozen=True, slots=True)
class TypeModel:
    """A multinomial linear model: per class a bias, per feature the weights of the classes it
    moves (class index -> weight), and the thresholds of :meth:`decide`."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Mapping[int, float]]
    drop_at: float
    retype_at: float
    add_at: float = 1.0

    def probabilities(self, names: Iterable[str]) -> dict[str, float]:
        """The probability of each class given a trigger's features."""
        scores = list(self.bias)
        for name in names:
            for index, weight in self.weights.get(name, {}).items():
                scores[index] += weight
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def decide(self, trigger: Trigger, has_target: bool) -> Trigger | None:
        """The trigger as the model codes it: None when it is confident there is no event, retyped
        when it is confident of another type than the rules', else unchanged. An ``UNCODED`` verb
        is an event only when the model's best type reaches ``add_at``. A type of
        :data:`PARTNERED` is given only to a trigger with a target."""
        probs = self.probabilities(features(trigger, has_target))
        if not has_target:
            for kind in PARTNERED:  # cooperating is with someone: not without a target
                probs[kind] = 0.0
        best = max(probs, key=lambda c: probs[c])
        if trigger.code[0] == UNCODED:
            if best == NO_EVENT or probs[best] < self.add_at:
                return None
            return dataclasses.replace(trigger, code=(best, None))
        if best == NO_EVENT:
            return None if probs[best] >= self.drop_at else trigger
        if best != trigger.code[0] and probs[best] >= self.retype_at:
            return dataclasses.replace(trigger, code=(best, None))
        return trigger


def model_from_json(data: Mapping[str, object]) -> TypeModel:
    """A model from its JSON form (see :func:`model_to_json`)."""
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"format version {data.get('version')!r}, expected {FORMAT_VERSION}")
    classes = tuple(str(c) for c in data["classes"])  # type: ignore[attr-defined]
    bias = tuple(float(b) for b in data["bias"])  # type: ignore[attr-defined]
    raw_weights = data["weights"]
    if not isinstance(raw_weights, dict) or len(bias) != len(classes):
        raise ValueError("weights must be an object and bias one number per class")
    weights = {
        str(name): {int(i): float(w) for i, w in moves.items()}
        for name, moves in raw_weights.items()
    }
    if any(i < 0 or i >= len(classes) for moves in weights.values() for i in moves):
        raise ValueError("a weight names a class index out of range")
    thresholds = data["thresholds"]
    if not isinstance(thresholds, dict):
        raise ValueError("thresholds must be an object")
    return TypeModel(
        classes,
        bias,
        weights,
        float(thresholds["drop"]),
        float(thresholds["retype"]),
        float(thresholds.get("add", 1.0)),
    )


def model_to_json(model: TypeModel, about: Mapping[str, object]) -> dict[str, object]:
    """The JSON form of a model, with ``about`` (its provenance and training figures)."""
    return {
        "version": FORMAT_VERSION,
        "about": dict(about),
        "classes": list(model.classes),
        "bias": [round(b, 4) for b in model.bias],
        "thresholds": {"drop": model.drop_at, "retype": model.retype_at, "add": model.add_at},
        "weights": {
            name: {str(i): round(w, 4) for i, w in sorted(moves.items())}
            for name, moves in sorted(model.weights.items())
        },
    }


def read_type_model(path: Path) -> TypeModel:
    """The type model at ``path``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return model_from_json(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise ModelError(
            f"cannot read the event type model {path}: {err}; rebuild it with `make train`"
        ) from err


@functools.cache
def load_type_model() -> TypeModel:
    """The shipped type model (read once per process)."""
    return read_type_model(RESOURCE)


__all__ = [
    "NO_EVENT",
    "RESOURCE",
    "UNCODED",
    "TypeModel",
    "features",
    "load_type_model",
    "model_from_json",
    "model_to_json",
    "read_type_model",
]
