"""The events stage: PLOVER event records coded from one sentence each.

Reads: the parse (``token.dep_``, ``token.head``, lemmas), ``doc._.mentions`` / ``doc._.entities``
(the actors stage), ``doc._.timexes``, ``doc._.quotes``, ``doc._.published``, ``doc._.doc_id``.
Writes: ``doc._.events: list[Event]`` and ``doc._.references: list[EventReference]``.

How an event is found (precision first: no event is better than a stitched one), one module each:

* :mod:`~storyline.stages.events.candidates`: the triggers of a sentence, a verb of the lexicon
  ("vetoed", "imposed sanctions"), a support verb with an event noun as object ("held talks",
  "offered his appreciation": the noun gives the type), an event noun ("the phone call with", "the
  deliveries of weapons") or a damning statement someone tells
  (:mod:`~storyline.stages.events.judgements`);
* :mod:`~storyline.stages.events.classifier`: the PLOVER type and mode, from the tables of
  :mod:`~storyline.stages.events.lexicon` (built by :mod:`~storyline.stages.events.train`);
* :mod:`~storyline.stages.events.typing_model`: a learned linear model (fit by
  :mod:`~storyline.stages.events.learn` from public event data) that retypes or drops the rules'
  triggers and codes the verbs the rules leave, where it is confident (the stage's ``learned``
  setting turns it off);
* :mod:`~storyline.stages.events.participants`: the source and target actors in the same sentence,
  from the parse and the actors stage. No source, no event, except an act of force or a formal
  accusation the text tells without its doer ("Four soldiers were killed", "an airstrike killed
  X", "were accused of plotting"): :mod:`~storyline.stages.events.unattributed` keeps it with an
  empty source;
* :mod:`~storyline.stages.events.modality`: negated, hypothetical, planned, reported or asserted;
* :mod:`~storyline.stages.events.dating`: the date of the time expression attached to the trigger,
  else the article's;
* :mod:`~storyline.stages.events.component`: the records, their place
  (:mod:`storyline.stages.places`; people told by role alone, "three people", "the police", take
  its country) and calibrated confidence
  (:mod:`~storyline.stages.events.calibration`), and the spaCy factory ``storyline_events``;
* :mod:`~storyline.stages.events.clauses`: the clause helpers they share (subjects, agents,
  objects, reporting verbs);
* :mod:`~storyline.stages.events.references`: the passing references to events ("Tuesday's
  attack", "the talks"), event nouns no event of the sentence reports; linked to the story events
  they refer to across documents (:mod:`storyline.story.references`).

PLOVER lines kept here: signing an agreement is SUPPORT, promising to sign AGREE; a phone call is
CONSULT with mode phone; economic sanctions SANCTION; condemning ACCUSE; voting for, sponsoring or
passing a resolution is coded by what the resolution does (condemns: ACCUSE; demands: REQUEST),
with the resolution's target as target; voting "on the resolution" takes what the nearest
resolution told before it in the article does (no such resolution: no event, for or against is
unsaid); a refusal ("would not support", "will not cooperate", "does not recognize the court") is
REJECT (:func:`~storyline.stages.events.modality.refusal`), while what simply did not happen ("has
not agreed") keeps its type with modality negated.
"""

from __future__ import annotations

from storyline.stages.events.candidates import find_triggers
from storyline.stages.events.classifier import Trigger
from storyline.stages.events.component import (
    EventsStage,
    extract_events,
    make_events_stage,
    raw_confidence,
    with_scene,
)
from storyline.stages.events.dating import date_of
from storyline.stages.events.modality import modality_of
from storyline.stages.events.participants import actors_of, is_states_group

__all__ = [
    "EventsStage",
    "Trigger",
    "actors_of",
    "date_of",
    "extract_events",
    "find_triggers",
    "is_states_group",
    "make_events_stage",
    "modality_of",
    "raw_confidence",
    "with_scene",
]
