"""The sample database grown past one page of every list (for pagers and load tests).

130 more short reports, each naming an actor of its own, and 520 more timeline entries.
"""

from __future__ import annotations

from pathlib import Path

from sample import build_sample_db, find

from storyline.records import (
    Citation,
    Document,
    Entity,
    EntityLink,
    Mention,
    TimelineEntry,
)
from storyline.registry import DocResult
from storyline.store import Store


def _write_actors(
    store: Store, docs: list[Document], entities: list[Entity], mentions: list[Mention]
) -> None:
    """Store documents naming new entities: each document's view of its entity, the entity, and
    the link between them (as ``build_sample_db`` does)."""
    by_id = {e.id: e for e in entities}
    store.write_batch(
        [
            DocResult(
                d,
                entities=[by_id[m.entity_id] for m in mentions if m.doc_id == d.id],
                mentions=[m for m in mentions if m.doc_id == d.id],
            )
            for d in docs
        ]
    )
    store.replace(Entity, [*store.records(Entity), *entities])
    links = [EntityLink(m.doc_id, m.entity_id, m.entity_id) for m in mentions]
    store.replace(EntityLink, [*store.records(EntityLink), *links])


def build_big_db(path: Path, n: int = 130) -> Path:
    """Write the sample database and ``n`` more documents and actors at ``path``."""
    build_sample_db(path)
    docs, entities, mentions = [], [], []
    for i in range(n):
        text = f"Official {i:03d} of Ruritania met reporters in the capital on day {i}."
        doc_id = f"bulk{i:03d}"
        published = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        docs.append(
            Document(doc_id, f"{doc_id}.txt", None, None, None, published, "metadata", text)
        )
        entity = Entity(f"official-{i:03d}", f"Official {i:03d}", "PERSON", "RUR", "GOV", [])
        s, e = find(text, entity.name)
        entities.append(entity)
        mentions.append(Mention(doc_id, entity.id, s, e, entity.name))
    entries = [
        TimelineEntry(
            "T1",
            f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "day",
            f"Entry {i}",
            f"Something happened ({i}).",
            [],
            [Citation(f"bulk{i % n:03d}", 0, 8)],
        )
        for i in range(4 * n)
    ]
    with Store.open(path) as store:
        _write_actors(store, docs, entities, mentions)
        store.replace(TimelineEntry, [*store.records(TimelineEntry), *entries])
    return path
