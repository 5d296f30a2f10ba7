"""Blocking: the candidate pairs of a cross-document step, and the groups they join.

Reads: items with ids and the keys each gives (a name, an actor, a trigger word, each within a
window of time). Writes nothing: returns the pairs of a block that a step accepts, and the connected
components of accepted pairs.

Comparing every item with every other grows with the square of the corpus. A step instead gives
each item a few keys, and only items sharing a key — a *block* — are compared. A key holds a time
bucket (``day_buckets``), so a block gathers items of one stretch of time. A block larger than
``BLOCK_LIMIT`` (a country's government over a month of a large archive) is split by the words
a pair must share to be accepted, and a part still that large is left out (a word that common says
too little to compare on): the work per item is bounded whatever the corpus size.
A pair sharing several keys is scored in one block only, the one of the first key they share, so the
blocks can be processed independently (one task each on Spark) and their pairs simply put together.

The groups are the connected components of the accepted pairs (``components``); the Spark runner
computes the same components by iterative joins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date

#: Days per time bucket of a key. Two intervals that overlap share a bucket.
BUCKET_DAYS = 32
#: An interval spanning more buckets than this is keyed by ``fallback`` instead (a decade says
#: nothing of which month-long stretch to look in).
MAX_BUCKETS = 14
#: Blocks with more members than this are not compared (their key is too common to tell).
BLOCK_LIMIT = 400


def day_buckets(start: date, end: date) -> range:
    """The time buckets an interval of days overlaps."""
    return range(start.toordinal() // BUCKET_DAYS, end.toordinal() // BUCKET_DAYS + 1)


def blocks(keys: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """The members of each key (item ids in the order given), ``keys`` giving each item's keys."""
    members: dict[str, list[str]] = defaultdict(list)
    for item_id, own in keys.items():
        for key in own:
            members[key].append(item_id)
    return dict(members)


def block_pairs(
    key: str,
    members: Sequence[str],
    keys_of: Callable[[str], frozenset[str]],
    accept: Callable[[str, str], bool],
    words_of: Callable[[str], frozenset[str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """The accepted pairs of one block of item ids, as (smaller id, larger id), each pair once
    over all blocks: a pair is tried only in the block of the first key (in sort order) its members
    share. A block over ``BLOCK_LIMIT`` is split by ``words_of`` (the words a pair must share to be
    accepted at all), each part within the limit compared; without ``words_of`` it is skipped."""
    ordered = sorted(set(members))
    if len(ordered) <= BLOCK_LIMIT:
        yield from _pairs(key, ordered, keys_of, accept)
    elif words_of is not None:
        parts: dict[str, list[str]] = defaultdict(list)
        for item in ordered:
            for word in words_of(item):
                parts[word].append(item)
        for word, part in sorted(parts.items()):
            if len(part) <= BLOCK_LIMIT:
                in_part = _first_shared(word, words_of, accept)
                yield from _pairs(key, part, keys_of, in_part)


def _first_shared(
    word: str, words_of: Callable[[str], frozenset[str]], accept: Callable[[str, str], bool]
) -> Callable[[str, str], bool]:
    """``accept`` for the part of a split block holding ``word``, trying a pair only in the part
    of the first word it shares."""
    return lambda a, b: min(words_of(a) & words_of(b)) == word and accept(a, b)


def _pairs(
    key: str,
    ordered: Sequence[str],
    keys_of: Callable[[str], frozenset[str]],
    accept: Callable[[str, str], bool],
) -> Iterator[tuple[str, str]]:
    for i, a in enumerate(ordered):
        keys_a = keys_of(a)
        for b in ordered[i + 1 :]:
            if min(keys_a & keys_of(b)) == key and accept(a, b):
                yield a, b


def components(ids: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The connected components of ``pairs`` over ``ids`` (an id in no pair is its own component),
    each sorted, in the order of their smallest id. Ids in pairs but not in ``ids`` are kept."""
    parent: dict[str, str] = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra != rb:
            # The smaller id is the root: the component's label, as the Spark runner's is.
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in parent:
        groups[root(i)].append(i)
    return [sorted(groups[r]) for r in sorted(groups)]


def pairs_of(
    keys: Mapping[str, frozenset[str]],
    accept: Callable[[str, str], bool],
    words: Mapping[str, frozenset[str]] | None = None,
) -> list[tuple[str, str]]:
    """Every accepted pair of the items (by id) over all the blocks of their ``keys`` (blocks
    over the limit split by ``words``, see ``block_pairs``)."""
    found: list[tuple[str, str]] = []
    words_of = words.__getitem__ if words is not None else None
    for key, member_ids in sorted(blocks(keys).items()):
        found += block_pairs(key, member_ids, keys.__getitem__, accept, words_of)
    return found


__all__ = [
    "BLOCK_LIMIT",
    "BUCKET_DAYS",
    "block_pairs",
    "blocks",
    "components",
    "day_buckets",
    "pairs_of",
]
