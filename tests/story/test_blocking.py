"""Blocking: each pair tried once, in one block; big blocks skipped; components of the pairs."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from storyline.story import blocking
from storyline.story.blocking import block_pairs, blocks, components, day_buckets, pairs_of


def test_overlapping_intervals_share_a_bucket_and_distant_days_do_not() -> None:
    a = set(day_buckets(date(2025, 3, 1), date(2025, 3, 31)))
    b = set(day_buckets(date(2025, 3, 31), date(2025, 3, 31)))
    assert a & b
    far = set(day_buckets(date(2025, 9, 1), date(2025, 9, 1)))
    assert not a & far


def test_a_pair_sharing_two_keys_is_tried_once() -> None:
    keys = {"a": frozenset({"k1", "k2"}), "b": frozenset({"k1", "k2"}), "c": frozenset({"k2"})}
    tried: list[tuple[str, str]] = []

    def accept(x: str, y: str) -> bool:
        tried.append((x, y))
        return True

    pairs = pairs_of(keys, accept)
    assert sorted(tried) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert sorted(pairs) == sorted(tried)


def test_a_block_over_the_limit_is_not_compared(monkeypatch) -> None:
    monkeypatch.setattr(blocking, "BLOCK_LIMIT", 2)
    members = ["a", "b", "c"]
    assert list(block_pairs("k", members, lambda _: frozenset({"k"}), lambda *_: True)) == []
    assert list(block_pairs("k", members[:2], lambda _: frozenset({"k"}), lambda *_: True)) == [
        ("a", "b")
    ]


def test_components_join_chains_and_keep_lone_items() -> None:
    found = components(["e", "a", "b", "c", "d"], [("c", "b"), ("a", "b"), ("x", "e")])
    assert found == [["a", "b", "c"], ["d"], ["e", "x"]]


@given(
    st.dictionaries(
        st.sampled_from("abcdefgh"),
        st.frozensets(st.sampled_from(["k1", "k2", "k3", "k4"]), min_size=1),
        min_size=1,
    ),
    st.integers(min_value=0, max_value=2**16),
)
def test_blocked_pairs_are_the_accepted_pairs_that_share_a_key(keys, seed) -> None:
    """Against the plain quadratic loop: every accepted pair sharing a key, and only those."""

    def accept(x: str, y: str) -> bool:
        return hash((x, y, seed)) % 3 != 0

    expected = {
        (x, y)
        for x, y in itertools.combinations(sorted(keys), 2)
        if keys[x] & keys[y] and accept(x, y)
    }
    found = pairs_of(keys, accept)
    assert len(found) == len(set(found))
    assert set(found) == expected
    assert set(itertools.chain.from_iterable(blocks(keys).values())) == set(keys)
