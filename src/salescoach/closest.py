""":func:`difflib.get_close_matches`, the same answer without comparing every possibility.

A mistyped meeting id in a home of 100,000 records is compared with its 50,000 meeting ids:
difflib computes the full similarity (:meth:`~difflib.SequenceMatcher.ratio`) of every id
whose cheap upper bounds pass the cutoff — nearly all of them, ids being much alike — which
took 12 s. Here the upper bound :meth:`~difflib.SequenceMatcher.quick_ratio` (the characters
in common, counted) is worked out for each, the candidates are compared best bound first, and
the comparison stops once no bound left can reach the ``n`` best found: a possibility whose
ratio cannot reach them cannot be among them, so the answer is difflib's, ties included.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher


def close_matches(
    word: str, possibilities: Iterable[str], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """``difflib.get_close_matches(word, possibilities, n, cutoff)``, best first."""
    if n <= 0:
        raise ValueError(f"n must be > 0: {n!r}")
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    letters = list(Counter(word).items())
    bounded: list[tuple[float, str]] = []
    for possibility in possibilities:
        total = len(possibility) + len(word)
        if not total:  # two empty strings: difflib's ratio is 1
            bounded.append((1.0, possibility))
            continue
        # real_quick_ratio (the lengths alone), then quick_ratio (the characters in common)
        if 2.0 * min(len(possibility), len(word)) / total < cutoff:
            continue
        # each character of the word, as often as both have it (str.count runs in C)
        common = sum(min(possibility.count(letter), times) for letter, times in letters)
        bound = 2.0 * common / total
        if bound >= cutoff:
            bounded.append((bound, possibility))
    bounded.sort(key=lambda item: item[0], reverse=True)
    best: list[tuple[float, str]] = []  # a heap of the n best (ratio, possibility) so far
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    for bound, possibility in bounded:
        if len(best) == n and bound < best[0][0]:
            break  # no one left can reach the n best
        matcher.set_seq1(possibility)
        ratio = matcher.ratio()
        if ratio < cutoff:
            continue
        if len(best) < n:
            heapq.heappush(best, (ratio, possibility))
        elif (ratio, possibility) > best[0]:
            heapq.heapreplace(best, (ratio, possibility))
    return [possibility for _, possibility in sorted(best, reverse=True)]
