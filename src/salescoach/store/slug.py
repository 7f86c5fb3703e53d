"""Names to folder names: short, readable, safe on every file system, stable across normalisations.

Policy (French names included): a slug is pure ASCII — lower-case letters, digits and single
hyphens, never starting or ending with a hyphen. Latin letters are transliterated by Unicode
compatibility decomposition (NFKD) with the combining marks dropped, so ``Société Générale``
becomes ``societe-generale``, ``Ça Va`` ``ca-va``, ``ﬁ`` ``fi``; the letters NFKD does not split
are spelt out (``Œuvre`` → ``oeuvre``, ``Æ`` → ``ae``, ``ß`` → ``ss``, ``Ø`` → ``o``). Every other
run of characters (spaces, punctuation, apostrophes, ``&``) becomes one hyphen: ``L'Oréal`` →
``l-oreal``.

Why ASCII: folders are typed in shells, committed to git and synced between macOS (which may
hand back decomposed file names), Linux and Windows; ASCII names look the same everywhere.

A name with nothing Latin in it (``日本電気``, ``Яндекс``) gets ``account-`` and eight hex digits of
a hash of its normalised text, so different names still get different, stable slugs; a name with
no letters or digits at all gets :data:`FALLBACK`. Slugs are not unique by themselves (``Acme`` and
``ACME.`` share one): the repository adds ``-2``, ``-3`` and keeps the real name beside the data.
"""

from __future__ import annotations

import re
import unicodedata

from salescoach.digest import sha256_hex

FALLBACK = "account"
MAX_BYTES = 80
"""A slug is at most this many bytes (ASCII, so characters) long, suffixes included."""

_SPELLED_OUT = {
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ß": "ss",
    "ẞ": "ss",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "ł": "l",
    "Ł": "l",
    "þ": "th",
    "Þ": "th",
    "ı": "i",
    "ŀ": "l",
    "Ŀ": "l",
}
_RUNS = re.compile(r"[^a-z0-9]+")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
_SLUG = re.compile(r"[a-z0-9_]+(-[a-z0-9_]+)*")


def slugify(name: str, *, fallback: str = FALLBACK) -> str:
    """The folder-safe ASCII slug of ``name`` (see the module docstring for the policy).

    Never empty, at most :data:`MAX_BYTES` bytes, no path separator, no leading dot or hyphen,
    never a Windows device name (``con`` becomes ``con_``), and the same for NFC and NFD input.
    """
    text = unicodedata.normalize("NFC", name)
    ascii_text = "".join(_transliterate(char) for char in text)
    slug = _RUNS.sub("-", ascii_text.lower()).strip("-")
    if not slug:
        if any(char.isalnum() for char in text):
            digest = sha256_hex(text.casefold().encode("utf-8"))[:8]
            slug = f"{fallback}-{digest}"
        else:
            slug = fallback
    return _safe(slug[:MAX_BYTES].rstrip("-"))


def with_suffix(slug: str, number: int) -> str:
    """``slug`` for the ``number``-th holder of that slug: ``acme``, ``acme-2``, ``acme-3``…

    The base is shortened when needed so the result stays within :data:`MAX_BYTES`.
    """
    if number <= 1:
        return slug
    suffix = f"-{number}"
    base = slug[: MAX_BYTES - len(suffix)].rstrip("-") or FALLBACK
    return _safe(f"{base}{suffix}")


def is_slug(text: str) -> bool:
    """Whether ``text`` has the shape :func:`slugify` and :func:`with_suffix` produce."""
    return (
        0 < len(text) <= MAX_BYTES
        and _SLUG.fullmatch(text) is not None
        and text not in _WINDOWS_RESERVED
    )


def _transliterate(char: str) -> str:
    if char.isascii():
        return char
    if char in _SPELLED_OUT:
        return _SPELLED_OUT[char]
    kept = "".join(
        part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part)
    )
    if kept.isascii():
        return "".join(_SPELLED_OUT.get(part, part) for part in kept)
    return " "


def _safe(slug: str) -> str:
    return f"{slug}_" if slug in _WINDOWS_RESERVED else slug


def account_name_key(name: str) -> str:
    """What makes two account names the same account: Unicode form, case and spacing ignored.

    ``Acme``, ``ACME`` and `` acme `` are one account; ``Acme Inc.`` and ``Acme, Inc.`` are two
    (they share the slug ``acme-inc``, so the second gets ``acme-inc-2``).
    """
    return " ".join(clean_name(name).casefold().split())


def clean_name(name: str) -> str:
    """An account name as stored: NFC, single spaces, without the invisible format characters
    (bidi overrides such as U+202E, zero-width spaces and joiners) that make a name display as
    another one."""
    visible = "".join(
        char for char in unicodedata.normalize("NFC", name) if unicodedata.category(char) != "Cf"
    )
    return " ".join(visible.split())
