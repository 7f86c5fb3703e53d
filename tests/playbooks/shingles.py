"""Eight-word shingles of a text, normalised so that case, accents' spelling and punctuation do
not hide a copied sentence, and hashed so the source itself is never shipped."""

from __future__ import annotations

import hashlib
import re
import unicodedata

SHINGLE_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of ``text``: casefolded, NFC, typographic apostrophes made straight."""
    normal = unicodedata.normalize("NFC", text).casefold().replace("’", "'")
    return _WORD.findall(normal)


def shingles(text: str) -> list[tuple[str, ...]]:
    """Every run of :data:`SHINGLE_WORDS` consecutive words."""
    found = words(text)
    return [
        tuple(found[start : start + SHINGLE_WORDS])
        for start in range(len(found) - SHINGLE_WORDS + 1)
    ]


def digest(shingle: tuple[str, ...]) -> str:
    """A short, stable hash of one shingle (64 bits: collisions are not a concern here)."""
    return hashlib.sha256(" ".join(shingle).encode("utf-8")).hexdigest()[:16]


def shingle_hashes(text: str) -> set[str]:
    """The hashes of every shingle of ``text``."""
    return {digest(shingle) for shingle in shingles(text)}
