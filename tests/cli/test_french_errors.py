"""What a French-speaking rep reads is French: the errors worded before the language was known
(the store's, the playbook library's) and the labels salescoach puts around a record shown with
``--lang fr``, through the installed command."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from salescoach.errors import StoreError
from salescoach.reworded import error_in
from salescoach.store.atomic import contained, refuse_link
from tests.cli.helpers import salescoach


def _plain(text: str) -> str:
    """``text`` with its no-break spaces (before French punctuation) as plain ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _answers(folder: Path) -> Path:
    """A complete answers file for a discovery prep of Acme."""
    made = salescoach("prep", "Acme", "--type", "discovery", "--example-answers")
    assert made.returncode == 0, made.stderr
    answers = folder / "acme.yaml"
    answers.write_text(made.stdout, encoding="utf-8")
    return answers


@pytest.mark.parametrize("chosen", ["--lang", "config"])
def test_a_folder_leading_outside_the_home_is_told_in_french(
    chosen: str, tmp_path: Path, isolated_home: Path
) -> None:
    answers = _answers(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    isolated_home.mkdir(exist_ok=True)
    (isolated_home / "accounts").symlink_to(elsewhere)
    if chosen == "config":
        Path(os.environ["SALESCOACH_CONFIG"]).write_text("lang: fr\n", encoding="utf-8")
        lang: list[str] = []
    else:
        lang = ["--lang", "fr"]
    saved = salescoach(*lang, "prep", "--answers", str(answers), "--no-input")
    assert saved.returncode == 1
    said = _plain(saved.stderr)
    assert f"{isolated_home / 'accounts' / 'acme'} mène hors du dossier des données" in said
    assert f"(vers {elsewhere / 'acme'})" in said
    assert "salescoach ne suit jamais un lien hors de son dossier : déplacez" in said
    assert "Rien n'est perdu" in said and "salescoach resume" in said
    assert "leads outside" not in said and "never follows" not in said
    assert list(elsewhere.iterdir()) == []


def test_the_same_error_stays_english_in_english(tmp_path: Path, isolated_home: Path) -> None:
    answers = _answers(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    isolated_home.mkdir(exist_ok=True)
    (isolated_home / "accounts").symlink_to(elsewhere)
    saved = salescoach("prep", "--answers", str(answers), "--no-input")
    assert saved.returncode == 1
    assert "leads outside the data home" in saved.stderr
    assert "never follows links out of its home; move the data inside it" in saved.stderr


def test_a_home_that_is_a_file_is_told_in_french(tmp_path: Path) -> None:
    answers = _answers(tmp_path)
    home = tmp_path / "home-file"
    home.write_text("x\n", encoding="utf-8")
    saved = salescoach(
        "--lang", "fr", "prep", "--answers", str(answers), "--no-input",
        env={"SALESCOACH_HOME": str(home)},
    )  # fmt: skip
    assert saved.returncode == 1
    said = _plain(saved.stderr)
    assert f"impossible d'écrire {home / 'accounts'} : ce n'est pas un dossier" in said
    assert "vérifiez que le dossier des données est accessible en écriture" in said
    assert "check that" not in said


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("meetin", "vouliez-vous dire « meeting » ?"),
        ("nopebook", "playbooks connus : account-review, "),
    ],
)
def test_an_unknown_playbook_is_told_in_french(typed: str, hint: str) -> None:
    shown = salescoach("--lang", "fr", "playbook", "show", typed)
    assert shown.returncode == 1
    said = _plain(shown.stderr)
    assert f"aucun playbook « {typed} » dans le chemin de recherche" in said
    assert hint in said
    assert "did you mean" not in said and "known:" not in said and "no playbook" not in said


def test_an_unknown_playbook_in_english_suggests_the_close_one() -> None:
    shown = salescoach("playbook", "show", "meetin")
    assert shown.returncode == 1
    assert "no playbook `meetin` on the search path" in shown.stderr
    assert "did you mean `meeting`?" in shown.stderr


def test_the_other_store_refusals_are_worded_in_french(tmp_path: Path) -> None:
    link = tmp_path / "lock"
    link.symlink_to(tmp_path / "target")
    with pytest.raises(StoreError) as refused:
        refuse_link(link)
    text, hint = error_in(refused.value, "fr")
    assert _plain(text) == f"{link} est un lien symbolique : salescoach ne l'ouvre pas"
    assert _plain(hint or "") == "supprimez le lien : salescoach recrée le fichier lui-même"
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(StoreError) as unresolved:
        contained(tmp_path, loop)
    text, _ = error_in(unresolved.value, "fr")
    assert _plain(text).startswith(f"{loop} : impossible de résoudre le chemin (")


def _saved_english_prep(tmp_path: Path) -> None:
    answers = _answers(tmp_path)
    saved = salescoach("prep", "--answers", str(answers), "--no-input")
    assert saved.returncode == 0, saved.stderr


@pytest.mark.parametrize("sheet", [[], ["--sheet"]])
def test_an_english_record_shown_in_french_has_french_labels_around_it(
    sheet: list[str], tmp_path: Path
) -> None:
    _saved_english_prep(tmp_path)
    shown = salescoach("--lang", "fr", "show", "acme-discovery", *sheet)
    assert shown.returncode == 0, shown.stderr
    stdout = _plain(shown.stdout)
    title = stdout.strip().splitlines()[0].strip()
    assert re.fullmatch(r"Préparation — Acme · Découverte · \d{4}-\d\d-\d\d", title), title
    assert re.search(r"Avec : .* · Phase : ", stdout), stdout[:400]
    assert "Prep —" not in stdout and "With:" not in stdout
    assert "Head of supply chain" in stdout  # the rep's answers as they were typed


def test_an_english_record_is_shown_in_english_without_lang(tmp_path: Path) -> None:
    _saved_english_prep(tmp_path)
    Path(os.environ["SALESCOACH_CONFIG"]).write_text("lang: fr\n", encoding="utf-8")
    shown = salescoach("show", "acme-discovery")
    assert shown.returncode == 0, shown.stderr
    title = shown.stdout.strip().splitlines()[0].strip()
    assert re.fullmatch(r"Prep — Acme · Discovery · \d{4}-\d\d-\d\d", title), title
    assert "With: " in shown.stdout and "Préparation" not in shown.stdout


def test_a_home_of_an_unknown_user_is_told_in_french() -> None:
    listed = salescoach("--lang", "fr", "--home", "~nosuchuserxyz/home", "list")
    assert listed.returncode == 2
    said = _plain(listed.stderr)
    assert (
        "impossible de développer ~nosuchuserxyz/home : il n'y a pas d'utilisateur "
        "« nosuchuserxyz » sur cette machine"
    ) in said
    assert "écrivez le chemin en entier, ou ~/ pour votre propre dossier" in said
    assert "cannot expand" not in said


def test_a_pdf_without_a_browser_is_told_in_french(tmp_path: Path) -> None:
    _saved_english_prep(tmp_path)
    found = salescoach(
        "--lang", "fr", "show", "acme-discovery", "--pdf", str(tmp_path / "fiche.pdf"),
        env={"PATH": str(tmp_path), "SALESCOACH_BROWSER": "no-such-browser"},
    )  # fmt: skip
    assert found.returncode == 1
    said = _plain(found.stderr)
    assert "aucun navigateur pour imprimer un PDF (cherchés : chromium, google-chrome)" in said
    assert "écrivez la page avec --html et imprimez-la" in said
    assert "no browser" not in said
    assert not (tmp_path / "fiche.pdf").exists()


def test_the_printing_and_account_failures_are_worded_in_french() -> None:
    from salescoach.errors import SalescoachError

    failed = SalescoachError.told(
        "browser_exit", "browser_exit_hint", browser="chromium", status=1, why="crashed"
    )
    text, hint = failed.in_language("fr")
    assert _plain(text) == "chromium n'a pas pu imprimer la fiche (code 1) : crashed"
    assert _plain(hint or "") == "écrivez la page avec --html et imprimez-la depuis un navigateur"
    assert failed.message == "chromium could not print the sheet (exit 1): crashed"
    text, hint = SalescoachError.told("no_account", "no_account_hint").in_language("fr")
    assert _plain(text) == "aucun compte pour cette préparation"
    assert _plain(hint or "") == "donnez-le en argument : salescoach prep COMPTE"


def test_a_new_playbook_off_the_search_path_is_told_in_french(tmp_path: Path) -> None:
    folder = tmp_path / "equipe"
    made = salescoach(
        "--lang", "fr", "playbook", "new", "tarifs", "--kind", "prep", "--dir", str(folder)
    )
    assert made.returncode == 0, made.stderr
    said = _plain(made.stderr)
    assert f"{folder} n'est pas dans le chemin de recherche : utilisez --playbooks {folder}" in said
    assert "is not on the search path" not in said
