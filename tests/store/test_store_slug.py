"""Slugs: readable ASCII folder names, safe on every file system."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salescoach.store.slug import FALLBACK, MAX_BYTES, is_slug, slugify, with_suffix

WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {
    f"{device}{number}" for device in ("com", "lpt") for number in range(10)
}


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Société Générale", "societe-generale"),
        ("L'Oréal", "l-oreal"),
        ("Cœur de Lion & Fils", "coeur-de-lion-fils"),
        ("ÆGIS Straße", "aegis-strasse"),
        ("Ça va, Noël ?", "ca-va-noel"),
        ("  Acme  Inc.  ", "acme-inc"),
        ("ACME", "acme"),
        ("ﬁnance ² Ø", "finance-2-o"),
        ("Łódź", "lodz"),
        ("../../etc/passwd", "etc-passwd"),
        (".hidden", "hidden"),
        ("a/b\\c", "a-b-c"),
        ("", FALLBACK),
        ("!!!", FALLBACK),
        ("CON", "con_"),
        ("nul", "nul_"),
        ("Com1", "com1_"),
        ("console", "console"),
    ],
)
def test_examples(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_non_latin_names_get_distinct_stable_slugs() -> None:
    first, second = slugify("日本電気"), slugify("Яндекс")
    assert first.startswith(f"{FALLBACK}-") and second.startswith(f"{FALLBACK}-")
    assert first != second
    assert slugify("日本電気") == first


def test_nfc_and_nfd_agree_on_a_french_name() -> None:
    name = "Crédit Agricole Île-de-France"
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name
    assert slugify(nfd) == slugify(name) == "credit-agricole-ile-de-france"


def test_long_names_are_cut_to_max_bytes_without_trailing_hyphen() -> None:
    slug = slugify("Établissements " + "très-long-nom " * 20)
    assert len(slug.encode()) <= MAX_BYTES
    assert not slug.endswith("-")


def test_suffixes_keep_the_limit() -> None:
    long = slugify("x" * 200)
    assert len(long) == MAX_BYTES
    assert with_suffix(long, 1) == long
    suffixed = with_suffix(long, 12)
    assert suffixed.endswith("-12") and len(suffixed) <= MAX_BYTES
    assert with_suffix("acme", 2) == "acme-2"
    assert with_suffix("con", 1) == "con"  # already made safe by slugify; suffixing never adds risk


@given(st.text())
def test_slug_properties(name: str) -> None:
    slug = slugify(name)
    assert slug
    assert len(slug.encode("utf-8")) <= MAX_BYTES
    assert slug.isascii()
    assert "/" not in slug and "\\" not in slug and "\x00" not in slug
    assert not slug.startswith((".", "-"))
    assert not slug.endswith("-")
    assert slug not in WINDOWS_DEVICES
    assert re.fullmatch(r"[a-z0-9_]+(-[a-z0-9_]+)*", slug)
    assert is_slug(slug)
    assert slugify(slug) == slug  # idempotent


@given(st.text())
def test_normalisation_forms_agree(name: str) -> None:
    forms = {slugify(unicodedata.normalize(form, name)) for form in ("NFC", "NFD")}
    assert len(forms) == 1


@given(st.text(), st.integers(min_value=1, max_value=10_000))
def test_suffixed_slugs_are_slugs(name: str, number: int) -> None:
    suffixed = with_suffix(slugify(name), number)
    assert is_slug(suffixed)
    assert len(suffixed) <= MAX_BYTES


@given(st.text(alphabet=st.characters(codec="ascii", categories=("Ll", "Nd")), min_size=1))
def test_simple_lower_case_names_are_their_own_slug(name: str) -> None:
    if name not in WINDOWS_DEVICES and len(name) <= MAX_BYTES:
        assert slugify(name) == name
