"""The interface's own words, in English and French (the playbooks carry their own).

A small catalogue rather than gettext: a few dozen short messages, checked by a test to exist in
both languages with the same placeholders.
"""

from __future__ import annotations

from typing import Any

CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "prep": "prep",
        "debrief": "debrief",
        "yes": "yes",
        "no": "no",
        "no_answer": "(no answer)",
        "paragraph_hint": (
            "(several lines: Enter starts a new line; Esc then Enter, or Alt+Enter, finishes)\n>"
        ),
        "date_hint": "(YYYY-MM-DD, today, tomorrow, +3d, +2w)",
        "finish_list_hint": "(empty line to finish)",
        "item": "{prompt} — item {number}",
        "range_hint": "({low} to {high})",
        "min_hint": "(at least {low})",
        "max_hint": "(at most {high})",
        "required": "an answer is required",
        "item_needed": "another item is needed before this list can end",
        "add_one": "{what} — add one?",
        "add_another": "{what} — add another?",
        "review": "Review — save this {kind}?",
        "save": "Save",
        "change": "Change an answer",
        "discard": "Discard",
        "which_answer": "Which answer?",
        "back": "(back)",
        "discard_confirm": "Discard this {kind} for good?",
        "discarded": "Discarded: no {kind} written.",
        "saved": "Saved {kind} {meeting}: {path}",
        "debrief_of": "Debrief of {meeting}",
        "interrupted": "Interrupted",
        "input_closed": "Input closed",
        "nothing_kept": "{why}: nothing answered yet, nothing kept.",
        "kept_draft": "{why}: {count} answer(s) kept in draft {draft}. Resume with: {command}",
        "resuming": "Resuming {kind} for {account} ({count} answers kept)",
        "last_time": "Last time with {account} ({meeting}): phase {phase}.",
        "open_steps": "Open next steps:",
        "items_count": "{count} item(s)",
        "select_hint": "(Use arrow keys)",
        "checkbox_hint": (
            "(Use arrow keys to move, <space> to select, <a> to toggle, <i> to invert)"
        ),
        "yes_no_hint_yes": "(Y/n) ",
        "yes_no_hint_no": "(y/N) ",
        "value_item_text": "each item must be text",
        "value_item_empty": "an item cannot be empty",
        "value_too_long": "at most {most} characters ({given} given)",
        "value_text": "expected text",
        "value_single_line": "expected a single line (use a paragraph question for more)",
        "value_not_a_choice": "`{given}` is not one of the choices: {allowed}",
        "value_one_choice": "expected one choice",
        "value_choice_list": "expected a list of choices",
        "value_too_few": "at least {least} needed ({given} given)",
        "value_too_many": "at most {most} allowed ({given} given)",
        "value_yesno": "expected yes or no",
        "value_number": "expected a number",
        "value_not_number": "`{given}` is not a number",
        "value_finite": "expected a finite number",
        "value_min": "must be at least {least}",
        "value_max": "must be at most {most}",
        "value_whole": "expected a whole number on the scale",
        "value_date": "`{given}` is not a date: use YYYY-MM-DD, today, tomorrow, +3d, +2w",
        "value_date_type": "expected a date as YYYY-MM-DD",
        "value_entries": "expected a list of entries, each a mapping of sub-answers",
        # --- sessions and drafts (service)
        "dropped": "dropped",
        "no_longer_asked": "no longer asked by the playbook",
        "skipped": "skipped",
        "no_drafts": "No drafts. An interrupted prep or debrief leaves one here.",
        "resume_hint": "Go on with: salescoach resume DRAFT",
    },
    "fr": {
        "prep": "préparation",
        "debrief": "débrief",
        "yes": "oui",
        "no": "non",
        "no_answer": "(pas de réponse)",
        "paragraph_hint": (
            "(plusieurs lignes : Entrée passe à la ligne ; Échap puis Entrée, ou Alt+Entrée, "
            "termine)\n>"
        ),
        "date_hint": "(AAAA-MM-JJ, demain, +3d, +2w)",
        "finish_list_hint": "(ligne vide pour terminer)",
        "item": "{prompt} — élément {number}",
        "range_hint": "(de {low} à {high})",
        "min_hint": "(au moins {low})",
        "max_hint": "(au plus {high})",
        "required": "une réponse est nécessaire",
        "item_needed": "il faut encore un élément avant de terminer cette liste",
        "add_one": "{what} — en ajouter un ?",
        "add_another": "{what} — en ajouter un autre ?",
        "review": "Relecture — enregistrer cette {kind} ?",
        "save": "Enregistrer",
        "change": "Modifier une réponse",
        "discard": "Abandonner",
        "which_answer": "Quelle réponse ?",
        "back": "(retour)",
        "discard_confirm": "Abandonner définitivement cette {kind} ?",
        "discarded": "Abandon : aucune {kind} enregistrée.",
        "saved": "{kind} enregistrée, {meeting} : {path}",
        "debrief_of": "Débrief de {meeting}",
        "interrupted": "Interrompu",
        "input_closed": "Entrée fermée",
        "nothing_kept": "{why} : aucune réponse encore, rien de conservé.",
        "kept_draft": (
            "{why} : {count} réponse(s) conservée(s) dans le brouillon {draft}. "
            "Reprendre avec : {command}"
        ),
        "resuming": "Reprise de la {kind} pour {account} ({count} réponses conservées)",
        "last_time": "Dernière fois avec {account} ({meeting}) : phase {phase}.",
        "open_steps": "Prochaines étapes ouvertes :",
        "items_count": "{count} élément(s)",
        "select_hint": "(flèches haut/bas, puis Entrée)",
        "checkbox_hint": "(flèches pour aller, <espace> pour cocher, Entrée pour valider)",
        "yes_no_hint_yes": "(Y = oui / n = non) ",
        "yes_no_hint_no": "(y = oui / N = non) ",
        "value_item_text": "chaque élément doit être du texte",
        "value_item_empty": "un élément ne peut pas être vide",
        "value_too_long": "au plus {most} caractères ({given} saisis)",
        "value_text": "du texte est attendu",
        "value_single_line": "une seule ligne est attendue",
        "value_not_a_choice": "« {given} » ne fait pas partie des choix : {allowed}",
        "value_one_choice": "un seul choix est attendu",
        "value_choice_list": "une liste de choix est attendue",
        "value_too_few": "au moins {least} ({given} donnés)",
        "value_too_many": "au plus {most} ({given} donnés)",
        "value_yesno": "oui ou non est attendu",
        "value_number": "un nombre est attendu",
        "value_not_number": "« {given} » n'est pas un nombre",
        "value_finite": "un nombre fini est attendu",
        "value_min": "doit valoir au moins {least}",
        "value_max": "doit valoir au plus {most}",
        "value_whole": "un nombre entier de l'échelle est attendu",
        "value_date": "« {given} » n'est pas une date : AAAA-MM-JJ, demain, +3d, +2w",
        "value_date_type": "une date AAAA-MM-JJ est attendue",
        "value_entries": "une liste d'entrées est attendue",
        # --- sessions and drafts (service)
        "dropped": "écartée",
        "no_longer_asked": "plus posée par le playbook",
        "skipped": "ignoré",
        "no_drafts": "Aucun brouillon. Une préparation ou un débrief interrompu en laisse un ici.",
        "resume_hint": "Reprendre avec : salescoach resume BROUILLON",
    },
}


def message(language: str, key: str, **values: Any) -> str:
    """The message ``key`` in ``language`` (English when unknown), placeholders filled."""
    catalogue = CATALOGUE.get(language, CATALOGUE["en"])
    return catalogue.get(key, CATALOGUE["en"][key]).format(**values)
