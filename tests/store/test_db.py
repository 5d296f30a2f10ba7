"""The store: round-trips, idempotent writes, migrations, read-only use."""

from __future__ import annotations

import contextlib
import dataclasses
import random
import re
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import StoreError, StoreLockedError
from storyline.records import (
    TABLES,
    Actor,
    Citation,
    Document,
    DocumentEntity,
    Entity,
    EntityLink,
    Event,
    EventDate,
    Failure,
    Mention,
    Place,
    Quote,
    Span,
    Timex,
)
from storyline.registry import DocResult
from storyline.store import Store
from storyline.store.db import MIGRATIONS

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
offset = st.integers(min_value=0, max_value=2**31)
for _cls in (Span, Actor, Citation, Place):
    st.register_type_strategy(_cls, st.builds(_cls, start=offset, end=offset))


@pytest.fixture(scope="module")
def shared_store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as d, Store.open(Path(d) / "t.duckdb") as store:
        yield store


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    docs=st.lists(st.builds(Document, text=text, id=st.text(min_size=1, max_size=8)), max_size=5),
    timexes=st.lists(st.builds(Timex, start=offset, end=offset), max_size=5),
    quotes=st.lists(
        st.builds(
            Quote,
            start=offset,
            end=offset,
            speaker_start=st.none() | offset,
            speaker_end=st.none() | offset,
        ),
        max_size=4,
    ),
    events=st.lists(st.builds(Event), max_size=4),
)
def test_records_round_trip_through_the_store(
    shared_store: Store,
    docs: list[Document],
    timexes: list[Timex],
    quotes: list[Quote],
    events: list[Event],
) -> None:
    store = shared_store
    for cls in (Document, Timex, Quote, Event):
        store.replace(cls, [])
    # Records go to their tables whatever document holds them: here one that no drawn id can be.
    holder = Document("round-trip", "x#0", None, None, None, None, None, "")
    store.write_batch(
        [*map(DocResult, docs), DocResult(holder, timexes=timexes, quotes=quotes, events=events)]
    )
    for cls, written in ((Timex, timexes), (Quote, quotes), (Event, events)):
        keyed = {tuple(getattr(r, k) for k in cls.KEY): r for r in reversed(written)}
        assert sorted(map(repr, store.records(cls))) == sorted(map(repr, keyed.values()))
    unique_docs = {d.id: d for d in reversed([*docs, holder])}
    assert sorted(map(repr, store.records(Document))) == sorted(map(repr, unique_docs.values()))


def _event(doc_id: str, entity_id: str = "E1") -> Event:
    actor = Actor(entity_id, "Hun Sen", None, None, 0, 7)
    return Event(
        f"{doc_id}:V8",
        doc_id,
        "CONSULT",
        "phone",
        "asserted",
        [actor],
        [],
        EventDate("2022-10-27", "text"),
        None,
        Span(0, 20, "Hun Sen called Kyiv."),
        Span(8, 14, "called"),
        None,
        0.8,
    )


def _doc(n: int | str) -> Document:
    return Document(f"d{n}", f"x#{n}", None, None, None, "2022-10-28", "metadata", f"Text {n}.")


def test_writing_twice_stores_once(tmp_db: Path) -> None:
    doc = Document("d1", "x#1", None, None, None, "2022-10-28", "metadata", "Hun Sen called Kyiv.")
    fail = Failure("x#2", None, "read", "invalid JSON")
    with Store.open(tmp_db) as store:
        for _ in range(2):
            store.write_batch([DocResult(doc, events=[_event("d1")])], [fail])
        assert store.count("documents") == 1
        assert store.count("events") == 1
        assert store.count("failures") == 1
        assert store.has_document("d1") and not store.has_document("d2")


def test_entities_are_stored_as_each_document_saw_them(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store:
        seen = [
            DocResult(_doc(1), entities=[Entity("E1", "Hun Sen", "PERSON", "KHM", None, [])]),
            DocResult(_doc(2), entities=[Entity("E1", "Hun Sen", "PERSON", None, "GOV", [])]),
        ]
        store.write_batch(seen)
        views = sorted(store.records(DocumentEntity), key=lambda d: d.doc_id)
        assert store.count("entities") == 0  # the corpus's entities come from linking
    assert [(v.doc_id, v.country, v.sector) for v in views] == [
        ("d1", "KHM", None),
        ("d2", None, "GOV"),
    ]


def test_links_are_read_through_without_rewriting_the_extracted_rows(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store:
        mention = Mention("d1", "E_short", 0, 7, "Hun Sen")
        store.write_batch(
            [DocResult(_doc(1), mentions=[mention], events=[_event("d1", "E_short")])]
        )
        store.replace(Entity, [Entity("E_full", "Hun Sen", "PERSON", "KHM", "GOV", [])])
        store.replace(EntityLink, [EntityLink("d1", "E_short", "E_full")])
        (event,) = store.records(Event)
        (mention,) = store.records(Mention)
        (raw_event,) = store.records(Event, extracted=True)
        (raw_mention,) = store.records(Mention, extracted=True)
        # Links of another document do not apply.
        store.replace(EntityLink, [EntityLink("d2", "E_short", "E_full")])
        (unlinked,) = store.records(Mention)
    assert mention.entity_id == "E_full" and raw_mention.entity_id == "E_short"
    assert event.source[0] == dataclasses.replace(
        event.source[0], entity_id="E_full", country="KHM", sector="GOV"
    )
    assert raw_event == _event("d1", "E_short")
    assert unlinked.entity_id == "E_short"


def test_migrations_are_recorded_once(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store:
        assert store.migrate() == []
        names = [r["name"] for r in store.sql("SELECT name FROM schema_migrations")]
    assert names == [name for name, _ in MIGRATIONS]


def test_read_only_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes")
    with pytest.raises(StoreError):
        Store.open(bogus)


def test_unknown_table_is_refused(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store, pytest.raises(StoreError, match="valid:"):
        store.count("users; DROP TABLE documents")


def test_values_out_of_range_raise_a_store_error(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store, pytest.raises(StoreError, match="cannot write"):
        store.write_batch(
            [DocResult(_doc(1), timexes=[Timex("d1", 0, 2**70, "x", "DATE", "2022", None)])]
        )


def test_a_database_of_the_first_schema_is_migrated_with_its_rows(tmp_db: Path) -> None:
    import duckdb

    con = duckdb.connect(str(tmp_db))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for sql in MIGRATIONS[0][1]:
        con.execute(sql)
    con.execute("INSERT INTO schema_migrations VALUES ('0001_initial', now())")
    con.execute("INSERT INTO entities VALUES ('E1', 'Hun Sen', 'PERSON', 'KHM', 'GOV', [])")
    con.execute("INSERT INTO mentions VALUES ('d1', 'E1', 0, 7, 'Hun Sen', 'name')")
    con.close()
    with Store.open(tmp_db) as store:
        (view,) = store.records(DocumentEntity)
        (mention,) = store.records(Mention)
        names = [r["name"] for r in store.sql("SELECT name FROM schema_migrations ORDER BY 1")]
    assert (view.doc_id, view.id, view.country) == ("d1", "E1", "KHM")
    assert mention == Mention("d1", "E1", 0, 7, "Hun Sen", "name")
    assert names == [name for name, _ in MIGRATIONS]


def test_a_database_of_the_place_without_coordinates_is_migrated_with_its_rows(
    tmp_db: Path,
) -> None:
    import duckdb

    from storyline.store.schema import create_table_sql

    old_place = 'STRUCT("name" VARCHAR, "country" VARCHAR, "start" BIGINT, "end" BIGINT)'
    new_events = create_table_sql(Event, "extracted_events")
    new_place = re.search(r'"location" (STRUCT\([^)]*\))', new_events)
    assert new_place is not None
    con = duckdb.connect(str(tmp_db))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for name, statements in MIGRATIONS[:2]:
        for sql in statements:
            con.execute(sql.replace(new_place.group(1), old_place))
        con.execute("INSERT INTO schema_migrations VALUES (?, now())", [name])
    con.execute("ALTER TABLE story_events DROP COLUMN location")
    con.execute(
        "INSERT INTO extracted_events VALUES ('d1:V8', 'd1', 'ASSAULT', NULL, 'asserted', [], [], "
        "NULL, {'name': 'Quetta', 'country': 'PAK', 'start': 0, 'end': 6}, "
        "{'start': 0, 'end': 20, 'text': 'x'}, {'start': 8, 'end': 14, 'text': 'x'}, NULL, 0.8)"
    )
    con.close()
    with Store.open(tmp_db) as store:
        (event,) = store.records(Event)
        names = [r["name"] for r in store.sql("SELECT name FROM schema_migrations ORDER BY 1")]
        placed_event = dataclasses.replace(_event("d2"), location=_QUETTA)
        store.write_batch([DocResult(_doc(2), events=[placed_event])])
        placed = [e.location for e in store.records(Event) if e.doc_id == "d2"]
        columns = [
            r["column_name"]
            for r in store.sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'story_events'"
            )
        ]
    assert event.location == Place("Quetta", "PAK", 0, 6, basis="sentence")
    assert placed == [_QUETTA]
    assert "location" in columns
    assert names == [name for name, _ in MIGRATIONS]


_QUETTA = Place("Quetta", "PAK", 0, 6, "Quetta", "Balochistan", 30.18, 67.0, 0.9, "sentence")


def test_reads_inside_a_transaction_see_its_writes(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store:
        store.write_batch([DocResult(_doc(1), events=[_event("d1", "E1")])])
        with store.transaction("relink"):
            store.replace(Entity, [Entity("E1", "Hun Sen", "PERSON", "KHM", "GOV", [])])
            store.replace(EntityLink, [EntityLink("d1", "E1", "E1")])
            (event,) = store.records(Event)
            rows = store.sql("SELECT id FROM entities")
    assert (event.source[0].country, event.source[0].sector) == ("KHM", "GOV")
    assert rows == [{"id": "E1"}]


# --- failures: a full disk, a damaged file, another process holding the file ----------------------


def test_a_full_disk_is_named_not_hidden_by_the_rollback(
    tmp_db: Path, full_disk: Callable[[Any], Any]
) -> None:
    with Store.open(tmp_db) as store:
        store.write_batch([DocResult(_doc(1))])
        real = store.con
        store.con = full_disk(real)
        with pytest.raises(StoreError) as failed:
            store.write_batch([DocResult(_doc(2), events=[_event("d2")])])
        message = str(failed.value)
        assert "No space left on device" in message and "free some space" in message
        assert "cannot rollback" not in message
        store.con = real
        # Consistent: the failed batch left nothing; usable: the next write goes in.
        assert [d.id for d in store.records(Document)] == ["d1"]
        assert store.count("events") == 0
        store.write_batch([DocResult(_doc(2), events=[_event("d2")])])
    with Store.open(tmp_db, read_only=True) as store:
        assert (store.count("documents"), store.count("events")) == (2, 1)


def test_any_error_inside_a_transaction_rolls_it_back(tmp_db: Path) -> None:
    with Store.open(tmp_db) as store:
        with pytest.raises(KeyboardInterrupt), store._transaction("write a batch"):
            store._insert(Document, [_doc(1)])
            raise KeyboardInterrupt
        assert store.count("documents") == 0
        store.write_batch([DocResult(_doc(2))])  # no transaction left open to trip over
        assert store.count("documents") == 1


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a real database of several blocks (DuckDB's blocks are 256 KiB)."""
    path = tmp_path_factory.mktemp("good") / "good.duckdb"
    rng = random.Random(7)
    texts = [
        "".join(rng.choice(string.ascii_letters + " ") for _ in range(100_000)) for _ in (1, 2)
    ]
    with Store.open(path) as store:
        docs = [dataclasses.replace(_doc(n), text=t) for n, t in enumerate(texts)]
        store.write_batch([DocResult(docs[0], events=[_event("d0")]), DocResult(docs[1])])
    return path.read_bytes()


DAMAGED = re.escape("is not a storyline database or is damaged") + ".*restore it"


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "writable"])
@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"these are my notes\n",
        lambda data: random.Random(1).randbytes(len(data)),
        lambda data: data[:4096],
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1000],
    ],
    ids=["empty", "text", "garbage", "header only", "half", "all but the end"],
)
def test_a_damaged_file_is_named_when_opened(
    tmp_path: Path, good_db: bytes, damage: Callable[[bytes], bytes], read_only: bool
) -> None:
    path = tmp_path / "damaged.duckdb"
    path.write_bytes(damage(good_db))
    with pytest.raises(StoreError, match=DAMAGED):
        Store.open(path, read_only=read_only)


def test_a_damaged_block_is_named_when_read(tmp_path: Path, good_db: bytes) -> None:
    good = good_db
    header, block = 3 * 4096, 256 * 1024
    found_on_read = 0
    for at in range(header, len(good), block):
        path = tmp_path / f"bad-{at}.duckdb"
        path.write_bytes(good[: at + 100] + b"\xff" * 1000 + good[at + 1100 :])
        opened = False
        try:
            with Store.open(path, read_only=True) as store:
                opened = True
                for table in TABLES:
                    store.arrow(table)
        except StoreError as err:
            assert re.search(DAMAGED, str(err)), err
            found_on_read += opened
    assert found_on_read, "no damaged block was met by a read: the test corrupts the wrong bytes"


_HOLD = """
import sys, time
from storyline.store import Store
store = Store.open(sys.argv[1], read_only=True)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


@contextlib.contextmanager
def _held(db: Path, seconds: float) -> Iterator[subprocess.Popen[bytes]]:
    """Another process holding the database (as `storyline serve` or a reader does)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(db), str(seconds)], stdout=subprocess.PIPE
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"held\n"
        yield proc
    finally:
        proc.kill()
        proc.communicate()


def test_an_open_waits_for_another_process_to_let_go(tmp_db: Path) -> None:
    Store.open(tmp_db).close()
    with _held(tmp_db, 1.0):
        started = time.monotonic()
        with Store.open(tmp_db) as store:
            waited = time.monotonic() - started
            store.write_batch([DocResult(_doc(1))])
    assert waited > 0.2  # it did meet the lock, and it did get the file in the end


def test_a_database_held_too_long_says_by_whom_and_what_to_do(tmp_db: Path) -> None:
    Store.open(tmp_db).close()
    with _held(tmp_db, 60) as holder:
        started = time.monotonic()
        with pytest.raises(StoreLockedError) as locked:
            Store.open(tmp_db, lock_wait=0.5)
        assert 0.5 <= time.monotonic() - started < 10
    message = str(locked.value)
    assert f"in use by process {holder.pid}" in message and "try again" in message


def test_a_database_without_the_event_actors_table_is_upgraded_even_when_opened_to_read(
    tmp_db: Path,
) -> None:
    with Store.open(tmp_db) as store:
        store.write_batch([DocResult(_doc(1), events=[_event("d1", "E_short")])])
        store.replace(Entity, [Entity("E_full", "Hun Sen", "PERSON", "KHM", "GOV", [])])
        store.replace(EntityLink, [EntityLink("d1", "E_short", "E_full")])
        (linked,) = store.records(Event)
        # As a database made before the table: the view computed the actors on every read.
        store.con.execute('DROP VIEW "events"')
        store.con.execute('DROP TABLE "event_actors"')
        store.con.execute("DELETE FROM schema_migrations WHERE name = '0005_event_actors'")
    assert linked.source[0].entity_id == "E_full"
    with Store.open(tmp_db, read_only=True) as store:
        (event,) = store.records(Event)
    assert event == linked
