"""The interface's own words, in English and French (the playbooks carry their own).

A small catalogue rather than gettext, checked by a test to exist in both languages with the same
placeholders. A count is written with its plural forms in the placeholder, after the colon:
``{count:# answer kept|# answers kept}`` (``#`` is the number); French uses the singular for 0
and 1, English for 1 only. Every string a person reads is here, help texts included.
"""

from __future__ import annotations

import string
from typing import Any

CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "prep": "prep",
        "debrief": "debrief",
        "yes": "yes",
        "no": "no",
        "no_answer": "(no answer)",
        "paragraph_hint": "(several lines)\n>",
        "hint_paragraph": "Enter: new line · Esc then Enter (or Alt+Enter): finish",
        "hint_keep": "Enter: keep as it is · Esc then Enter (or Alt+Enter): finish an edit",
        "hint_back": "Shift+Tab: back",
        "hint_stop": "Ctrl-C: stop (answers kept)",
        "step_of": "step {number}/{total}",
        "step_number": "step {number}",
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
        "review_prep": "Review — save this prep?",
        "review_debrief": "Review — save this debrief?",
        "save": "Save",
        "change": "Change an answer",
        "discard": "Discard",
        "which_answer": "Which answer?",
        "back": "(back)",
        "discard_confirm_prep": "Discard this prep for good?",
        "discard_confirm_debrief": "Discard this debrief for good?",
        "discarded_prep": "Discarded: no prep written.",
        "discarded_debrief": "Discarded: no debrief written.",
        "saved_prep": "Saved prep {meeting}: {path}",
        "saved_debrief": "Saved debrief {meeting}: {path}",
        "debrief_of": "Debrief of {meeting}",
        "interrupted": "Interrupted",
        "input_closed": "Input closed",
        "aborted": "Aborted.",
        "usage_try": "Try '{command}' for help.",
        "quoted": "'{text}'",
        "stopped_by": "Stopped ({signal})",
        "nothing_kept": "{why}: nothing answered yet, nothing kept.",
        "kept_draft": (
            "{why}: {count:# answer|# answers} kept in draft {draft}. Resume with: {command}"
        ),
        "resuming_prep": "Resuming the prep for {account} ({count:# answer|# answers} kept)",
        "resuming_debrief": "Resuming the debrief for {account} ({count:# answer|# answers} kept)",
        "known_kept": "Known from earlier meetings — kept, not asked (change any at the review):",
        "known_offered": "Known from earlier meetings — offered as the default (Enter keeps):",
        "known_line": "{what}: {value}",
        "shown_line": "{what}: {value}",
        "shown_separator": "; ",
        "draft_kept": "Your answers are kept in a draft; once this is fixed, go on with: {command}",
        "last_time": "Last time with {account}: {meeting}.",
        "save_failed_draft": (
            "Nothing is lost: {count:# answer is|# answers are} kept in draft {draft}. "
            "Fix the cause above, then: {command}"
        ),
        "save_failed_no_draft": (
            "No draft could be kept either ({why}). Your answers, as an answers file to save "
            "elsewhere and give back with --answers:\n{answers}"
        ),
        "open_steps": "Open next steps:",
        "sheet_prep": "Prep",
        "sheet_debrief": "Debrief",
        "sheet_details": "Details",
        "sheet_colon": ":",
        "sheet_separator": "; ",
        "sheet_levels": "Discovery questions by level of information",
        "sheet_learned": "What you learned, from the top of the funnel down",
        "sheet_level-necessary": "Necessary information",
        "sheet_level-essential": "Essential information",
        "sheet_level-useful": "Useful information",
        "sheet_level-superficial": "Naively superficial information",
        "sheet_html_written": "Printable sheet written: {path} (open it in a browser and print)",
        "sheet_pdf_written": "PDF written: {path}",
        "sheet_no_prep": "meeting {meeting} has no prep, so no prep sheet",
        "path_unresolvable": "{path}: cannot resolve the path ({error})",
        "no_such_user": "cannot expand {path}: there is no user '{user}' on this machine",
        "no_such_user_hint": "write the path in full, or ~/ for your own home folder",
        "no_account": "no account for this prep",
        "not_on_search_path": (
            "{directory} is not on the search path: use --playbooks {directory}, "
            "$SALESCOACH_PLAYBOOKS or `playbooks:` in the config file"
        ),
        "no_account_hint": "give it as an argument: salescoach prep ACCOUNT",
        "no_browser": "no browser to print a PDF with (looked for chromium, google-chrome)",
        "no_browser_hint": (
            "write the page with --html and print it from any browser, "
            "or install chromium (apt-get install chromium)"
        ),
        "browser_failed": "{browser} could not print the sheet: {why}",
        "browser_exit": "{browser} could not print the sheet (exit {status}): {why}",
        "browser_exit_hint": "write the page with --html and print it from a browser",
        "path_outside_home": "{path} leads outside the data home {root} (to {real})",
        "path_outside_home_hint": (
            "salescoach never follows links out of its home; move the data inside it"
        ),
        "path_is_link": "{path} is a symbolic link; salescoach does not open it",
        "path_is_link_hint": "delete the link: salescoach recreates the file itself",
        "no_such_playbook": "no playbook `{id}` on the search path",
        "playbook_close": "did you mean `{close}`?",
        "playbook_known": "known: {known}",
        "playbook_close_loading": (
            "did you mean `{close}`?\n"
            "{count:# problem|# problems} while loading playbooks:\n{problems}"
        ),
        "playbook_known_loading": (
            "known: {known}\n{count:# problem|# problems} while loading playbooks:\n{problems}"
        ),
        "keep_known": "{what} — keep what is known: {items}?",
        "items_count": "{count} items",
        "one_item": "{count} item",
        "select_hint": "(↑↓, Enter)",
        "select_number_hint": "(↑↓ or {low}–{high}, Enter)",
        "checkbox_hint": "(Space ticks)",
        "checkbox_keys": "↑↓ · Space: tick · a: all · i: invert · Enter: done",
        "none_ticked": "(none)",
        "yes_no_hint_yes": "(Y/n) ",
        "yes_no_hint_no": "(y/N) ",
        "yes_keys": "y",
        "no_keys": "n",
        "echo_yes": "Yes",
        "echo_no": "No",
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
        "value_too_large": "too large a number (at most about 1.8e308)",
        "value_min": "must be at least {least}",
        "value_max": "must be at most {most}",
        "value_whole": "expected a whole number on the scale",
        "value_date": "`{given}` is not a date: use YYYY-MM-DD, today, tomorrow, +3d, +2w",
        "value_date_type": "expected a date as YYYY-MM-DD",
        "value_time": "`{given}` is not a time: use HH:MM (14:30), 14h30 or 2pm",
        "time_hint": "(HH:MM, e.g. 14:30)",
        "value_entries": "expected a list of entries, each a mapping of sub-answers",
        # --- sessions and drafts (service)
        "dropped": "dropped",
        "no_longer_asked": "no longer asked by the playbook",
        "skipped": "skipped",
        "no_drafts": "No drafts. An interrupted prep or debrief leaves one here.",
        "resume_hint": "Go on with: salescoach resume DRAFT",
        "help_arguments": "Arguments",
        "help_options": "Options",
        "help_commands": "Commands",
        "help_error": "Error",
        "help_default": "[default: {}]",
        "help_required": "[required]",
        "help_envvar": "[env var: {}]",
        "help_try": "Try [blue]'{command_path} {help_option}'[/] for help.",
        "help_help": "Show this message and exit.",
        "missing_answers": (
            "{count:# required answer|# required answers} missing with --no-input:\n{listed}"
        ),
        "missing_answers_hint": (
            "Add them to the answers file (see --example-answers for a complete one)."
        ),
        "account_blank": "an account name cannot be blank (got {given})",
        "account_blank_hint": "give the client's name, e.g. salescoach prep ACME",
        "no_account_named": "no account named '{name}'",
        "did_you_mean": "did you mean: {close}",
        "meeting_blank": "a meeting cannot be blank (got {given})",
        "meeting_blank_hint": "give its id or a part of it; `salescoach list` shows them",
        "meeting_matches_several": "'{query}' matches {count} meetings:\n{listed}",
        "meeting_more_of_the_id": "give more of the id",
        "no_meeting_matches": "no meeting matches '{query}'",
        "list_shows_them": "`salescoach list` shows them",
        "meeting_has_no_prep_yet": "meeting {meeting} has no prep yet",
        "meeting_has_no_debrief_yet": "meeting {meeting} has no debrief yet",
        "no_prep_waiting": "no prep waiting for a debrief",
        "no_prep_waiting_hint": (
            "name the meeting: salescoach debrief MEETING (see salescoach list)"
        ),
        "no_meeting": "no meeting '{meeting}'",
        "no_draft": "no draft '{draft}'",
        "resume_lists_drafts": "`salescoach resume` lists them",
        "step_id_needed": "give the id of a next step (salescoach next lists them)",
        "no_next_step": "no next step '{step}'",
        "next_lists_them": "`salescoach next` lists them with their ids",
        "step_names_several": "'{step}' names {count} next steps:\n{listed}",
        "step_whole_id": "give the whole id, or add --meeting MEETING",
        "search_nothing": "nothing to search for: give at least one word",
        "output_needs_html": "-o/--output goes with --html (a PDF names its file: --pdf FILE)",
        "account_no_records": "account '{name}' has no records yet",
        "account_prep_it": "salescoach prep {name}",
        "bad_depth": "--depth must be quick, standard or full, not `{given}`",
        "no_records": "No records yet. Start with: salescoach prep ACCOUNT",
        "notes_marker": (
            "<!-- salescoach: your notes below this line are kept when the record is regenerated "
            "-->"
        ),
        "skipped_more": "{count:# more unreadable record|# more unreadable records}",
        "unreadable_exit": (
            "{count:# record file|# record files} could not be read (named above): this answer "
            "leaves them out. Fix them, then run the command again."
        ),
        "sync_not_git": "{home} is not in a git repository: there is nothing to sync with",
        "sync_not_git_hint": (
            "make it one with `salescoach init --git` (add the team's repository URL to share "
            "it), or give the home that is a clone with --home"
        ),
        "sync_rebasing": (
            "a sync stopped on a conflict and is not finished; the files in conflict:\n{files}"
        ),
        "sync_rebasing_hint": (
            "in each file keep the right version and delete the marker lines <<<<<<< ======= "
            ">>>>>>>, then `salescoach sync` again (it finishes the rebase); `git rebase "
            "--abort` goes back to before the sync, your commit kept"
        ),
        "sync_merging": "a git merge is not finished; the files in conflict:\n{files}",
        "sync_merging_hint": (
            "resolve each file, `git add FILE` and `git commit`, then `salescoach sync` again "
            "(`git merge --abort` goes back)"
        ),
        "sync_conflict_markers": (
            "nothing was committed: these files hold git conflict markers, two versions in "
            "one file:\n{files}"
        ),
        "sync_conflict_markers_hint": (
            "keep one version of each block and delete the marker lines <<<<<<< ======= "
            ">>>>>>>, then `salescoach sync` again"
        ),
        "sync_no_identity": "git does not know who you are, so it cannot commit",
        "sync_no_identity_hint": (
            'tell it once: git config --global user.name "Your Name" and git config --global '
            "user.email you@example.com"
        ),
        "sync_detached": "the home's repository is on no branch (a detached HEAD)",
        "sync_fix_git": "check out the team's branch (git switch main), then sync again",
        "sync_kept_locally": "Your changes are committed here ({commit}). ",
        "sync_no_remote": "{kept}The home's repository has no remote to pull from and push to",
        "sync_no_remote_hint": (
            "add the team's repository: git remote add origin URL (then `salescoach sync`)"
        ),
        "sync_conflict": (
            "the records changed on {remote} and here in the same places: git stopped on a "
            "conflict in:\n{files}"
        ),
        "sync_push_rejected": "{remote} received other changes meanwhile; nothing was lost",
        "sync_again_hint": "run `salescoach sync` again to take them and push yours",
        "sync_unreachable": "cannot reach the remote {remote}: {said}",
        "sync_unreachable_hint": (
            "your changes are committed here and nothing is lost; check the network (or the "
            "remote's URL: git remote -v), then `salescoach sync` again"
        ),
        "sync_commit_more": "{shown} and {count} more",
        "sync_commit_files": "{count:# file|# files} of the home",
        "init_already": "{home} is already a git repository",
        "init_already_hint": ("share it with `git remote add origin URL` and `salescoach sync`"),
        "synced": (
            "Synced with {remote}: {committed:# meeting record|# meeting records} committed, "
            "{received:# file|# files} received."
        ),
        "synced_nothing": (
            "Synced with {remote}: nothing to commit, {received:# file|# files} received."
        ),
        "inited": "{home} is a git repository now; `salescoach sync` shares it.",
        "inited_remote": "{home} is a git repository now, with {remote} as its remote.",
        "cloned": "Cloned {remote} into {home}; `salescoach sync` keeps it shared.",
        "auto_synced": "Synced with {remote}.",
        "auto_sync_failed": "Saved here, but not synced: {why}",
        "link_to_debrief": "The debrief of this meeting: [debrief](debrief.md)",
        "link_to_prep": "The prep of this meeting: [prep](prep.md)",
        "team_no_homes": "--team {team}: no rep's home in it (no folder holding accounts/)",
        "team_no_homes_hint": (
            "give the folder that holds one folder per rep (each with its accounts/), or each "
            "home with --home"
        ),
        "init_needs_git": (
            "a home needs no set-up (the first prep creates it); `salescoach init --git "
            "[REMOTE]` shares it through git"
        ),
        "indexing": "Indexing records",
        "exported": "Exported {format} to {path}",
        "export_stdout_failed": "cannot write the export on standard output: {why}",
        "export_stdout_failed_hint": (
            "what was written is not the whole export; to write a file, give -o FILE: it is "
            "written whole or not at all"
        ),
        "records_shown": "{shown} of {total} records shown; --limit 0 shows them all.",
        # --- reports (ui/reports.py)
        "report_when": "when",
        "report_what": "what",
        "report_account": "account",
        "report_to_do": "to do",
        "report_phase": "phase",
        "report_owner": "owner",
        "report_step_id": "id",
        "report_date": "date",
        "report_type": "type",
        "report_kind": "kind",
        "report_objectives": "objectives",
        "report_objections": "objections",
        "report_meeting": "meeting",
        "report_due": "due",
        "report_next_step": "next step",
        "report_given": "given",
        "report_received": "received",
        "report_objection": "objection",
        "report_library": "library",
        "report_met": "met",
        "report_share": "share",
        "report_handling": "handling",
        "report_new": "new",
        "report_meeting_type": "meeting type",
        "report_month": "month",
        "report_reached": "reached",
        "report_partly": "partly",
        "report_not": "not",
        "report_accounts": "accounts",
        "report_avg_days": "avg days",
        "report_stays": "stays",
        "report_stuck": "stuck",
        "report_since": "since",
        "report_days": "days",
        "report_level": "level",
        "report_debriefs": "debriefs",
        "report_rep": "rep",
        "report_meetings": "meetings",
        "report_objectives_reached": "objectives reached",
        "report_phase_advances": "phase advances",
        "report_conversion": "conversion",
        "report_days_to_signature": "days to signature",
        "report_revenue": "signed (k€)",
        "report_services_per_client": "services per client",
        "report_margin_gap": "margin vs objective (pts)",
        "report_nothing_due": "Nothing due up to {horizon}.",
        "report_agenda_next-step": "next step",
        "report_agenda_contact": "contact",
        "report_agenda_debrief": "debrief",
        "report_agenda_meeting": "meeting",
        "report_agenda_debrief_detail": "debrief the {type} of {day}",
        "report_agenda_meeting_detail": "{type} (prepared)",
        "report_agenda_contact_detail": (
            "last contact {day}; {cadence:every day|every # days} in {phase}"
        ),
        "report_agenda_caption": "{late} late · {due} today · {coming} coming",
        "report_agenda_limited": " · the {limit} most urgent shown (--limit 0: all)",
        "report_phase_unknown": "phase unknown",
        "report_open_next_steps": "Open next steps",
        "report_commitments": "Commitments (give and take)",
        "report_ledger_caption": "given {given} · received {received} · balance {balance}",
        "report_gives_more": " — you give more than you get",
        "report_no_objections": "No objections recorded in {debriefs:# debrief|# debriefs}.",
        "report_objections_caption": (
            "over {debriefs:# debrief|# debriefs}; handling is the rep's own rating"
        ),
        "report_objections_rarer": "; {count:# rarer objection|# rarer objections} in --json",
        "report_missing_from_library": "In the real top ten, missing from the library",
        "report_outside_top": "In the library, met but outside the top ten",
        "report_never_met": "In the library, never met",
        "report_objectives_title": "Objectives",
        "report_objectives_summary": (
            ": {rated} rated in debriefs · {reached} reached · {partly} partly · {not_reached} "
            "not · {undebriefed} set in preps not debriefed"
        ),
        "report_phases_caption": (
            "{accounts:# account|# accounts} ({unknown} without a phase) · "
            "{advances:# phase advance|# phase advances}, {setbacks:# setback|# setbacks}"
        ),
        "report_stuck_title": "Stuck more than {days:# day|# days}",
        "report_stuck_more": "and {count} more (--json lists them all)",
        "report_funnel_caption": "over {debriefs:# debrief|# debriefs} · {depth}",
        "report_levels_count": "{levels:# level|# levels}: {count}",
        "report_team_average": "team average",
        "report_team_caption": "score out of 5: 2.5 is the team average, 5 twice as good",
        "report_team_stages": "measured as the added-value list says: {stages}",
        "report_onboarding": "onboarding",
        "onboarding_columns": "done|point|what to know or do",
        "onboarding_to_do": "to do",
        "onboarding_caption": "{done} of {total} done",
        "onboarding_left": "Left: {points}. Tick one with: salescoach onboarding done ID",
        "onboarding_all_done": "Every point of the checklist is done.",
        "onboarding_unknown_point": "`{point}` is not a point of the checklist",
        "onboarding_points": "the points: {points}",
        "onboarding_points_close": "did you mean `{close}`? the points: {points}",
        "report_days_late": "{days} d late",
        "report_today": "today",
        "report_in_days": "in {days} d",
        "report_set_no_debrief": "{count} set, no debrief",
        "report_no_debrief": "no debrief",
        "report_reached_of": "{reached}/{objectives} reached",
        "report_and_partly": ", {partly} partly",
        # --- playbook commands
        "playbooks_id": "id",
        "playbooks_kind": "kind",
        "playbooks_title": "title",
        "playbooks_lang": "lang",
        "playbooks_version": "version",
        "playbooks_from": "from",
        "playbook_kind_prep": "prep",
        "playbook_kind_debrief": "debrief",
        "playbook_kind_flow": "flow",
        "playbook_kind_reference": "reference",
        "playbook_kind_cards": "cards",
        "origin_built-in": "built-in",
        "origin_config": "config file",
        "origin_env": "$SALESCOACH_PLAYBOOKS",
        "origin_option": "--playbooks",
        "origin_checked": "checked path",
        "drafts_draft": "draft",
        "drafts_kind": "kind",
        "drafts_account": "account",
        "drafts_meeting": "meeting",
        "drafts_flow": "flow",
        "drafts_answers": "answers",
        "drafts_stopped_at": "stopped at",
        "drafts_when": "when",
        "overrides": " overrides {origins}",
        "playbooks_valid": "{count:# playbook file|# playbook files} valid.",
        "lint_summary": "{count:# warning|# warnings} in {files:# playbook file|# playbook files}.",
        "schema_updated": "Updated {path} (for editor completion)",
        "schema_written": "Wrote {path} (for editor completion)",
        "overrides_builtin": "`{id}` overrides the built-in playbook of that id.",
        "playbook_created": "Created {kind} playbook `{id}`: {path}",
        "copied_builtin": "Copied the built-in `{id}` to {path}",
        "copy_removed": "No change: removed the copy; the built-in `{id}` stays in use.",
        "playbook_valid": "{path} is valid.",
        "copy_overrides": "It overrides the built-in `{id}` (see `salescoach playbook list`).",
        "editor_status": "The editor exited with status {status}.",
        "reopen_editor": "{count:# problem|# problems}. Reopen the editor to fix {count:it|them}?",
        "preview_only": "Preview only: nothing was saved.",
        "search_path_problems": (
            "{count:# playbook problem|# playbook problems} on the search path:"
        ),
        "playbooks_broken": (
            "No prep or debrief is walked around a broken playbook file: fix it (salescoach "
            "playbook validate shows every problem), or move it out of the playbook directory."
        ),
        # --- completion
        "completion_no_shell": (
            "cannot tell your shell from $SHELL: name it, e.g. salescoach completion install bash"
        ),
        "completion_installed": "Installed {shell} completion: {path}",
        "completion_rc": "and loaded from {path}",
        "completion_restart": "It takes effect in a new shell.",
        # --- editor
        "no_editor": "no editor to open: $VISUAL and $EDITOR are not set",
        "no_editor_hint": "e.g. export EDITOR=nano (or 'code --wait')",
        "editor_failed": "cannot start the editor `{editor}`: {why}",
        "editor_failed_hint": "check $VISUAL / $EDITOR",
        # --- config
        "config_unset": "(not set)",
        "config_no_file": "(no file yet: defaults)",
        "config_file": "Config file: {path}",
        "config_language_in_use": "language in use",
        "config_home_in_use": "data home in use",
        "config_setting": "setting",
        "config_value": "value",
        "config_valid": "{path} is valid.",
        "config_left_broken": (
            "{path} is left with {count:# problem|# problems}, saved as you left it"
        ),
        "config_left_broken_hint": (
            "every command reports them until they are fixed: run salescoach config edit again"
        ),
        # --- export
        "excel_needs_csv": "--excel is for --format csv",
        # --- commands' own errors
        "record": "record",
        "not_both": "give {first} or {second}, not both",
        "no_playbook_dir": (
            "--playbooks {path}: no such file or folder. Give the team's playbook folder (or one "
            "playbook file); `salescoach playbook list` shows where each playbook comes from."
        ),
        "one_output": "give one of --json, --markdown, or the sheet (--sheet, --html, --pdf)",
        "bad_kind": "--kind must be prep or debrief, not `{given}`",
        "meeting_has_no": "meeting {meeting} has no {what}",
        "draft_no_meeting": "draft {draft} names no meeting",
        "answers_comment_prep": (
            "salescoach answers for {target} ({lang}): {used}\nEdit, then: salescoach prep "
            "ACCOUNT --answers FILE --no-input"
        ),
        "answers_comment_debrief": (
            "salescoach answers for {target} ({lang}): {used}\nEdit, then: salescoach debrief "
            "MEETING --answers FILE --no-input"
        ),
        "no_such_file": "{path}: no such file",
        "strict_warnings": "{count:# warning|# warnings}, and --strict makes warnings fail",
        "already_exists": "{path} already exists",
        "edit_it": "edit it instead",
        "playbook_left_broken": (
            "{path} is left with {count:# problem|# problems}, saved as you left it"
        ),
        "playbook_left_broken_hint": (
            "Until it is fixed, prep and debrief stop with its errors rather than walk "
            "without it (see `salescoach playbook validate {path}`); run `salescoach playbook "
            "edit {path}` to fix it."
        ),
        "interactive_needs_terminal": "--interactive needs a terminal to ask in",
        "interactive_needs_terminal_hint": (
            "without it, preview answers with the playbooks' examples (or --answers)"
        ),
        "team_needs_homes": (
            "give each rep's data home: salescoach report team --home DIR --home DIR, or the "
            "team's folder: --team DIR"
        ),
        "bad_date": "{option} takes a date as YYYY-MM-DD, not `{given}`",
        "no_terminal": "standard input is not a terminal, so salescoach cannot ask its questions",
        "no_terminal_hint": (
            "Give the answers with --answers FILE --no-input (--example-answers prints a complete "
            "file to start from)."
        ),
        # --- the error edge
        "error_label": "error:",
        "problems_found_one": "1 problem found.",
        "problems_found": "{count:# problem|# problems} found.",
        "unexpected": (
            "salescoach failed unexpectedly ({what}, in {where}); the full traceback is in "
            "{log} (please report it; --debug prints it here)"
        ),
        "unexpected_unlogged": (
            "salescoach failed unexpectedly ({what}, in {where}); run again with --debug "
            "to see the traceback"
        ),
        "drill_card": "Card {number} of {total} — {what}",
        "drill_objection": "Objection",
        "drill_met_card": "An objection you met, not in the library",
        "drill_against": "Against {against}.",
        "drill_handled": ", handled {score}/5",
        "drill_met": (
            "Met {count:once|# times} in your debriefs, last with {account} on {day}{handled}."
        ),
        "drill_your_answer": "Your answer, in your own words",
        "drill_answer_help": "Enter alone if you answered aloud.",
        "drill_reveal": "What the library says",
        "drill_reveal_team": "What the team expects",
        "drill_expected": "Expected answer:",
        "drill_response": "Recommended response:",
        "drill_no_response": "Not in the objection library yet: no recommended response.",
        "drill_method": "The method's way:",
        "drill_questions_back": "Questions to ask back:",
        "drill_proof": "Proof to bring:",
        "drill_last_answer": "Your answer last time ({day}):",
        "drill_rate": "How did your answer hold up?",
        "drill_again": "Again — no answer, or I gave in ({when})",
        "drill_hard": "Hard — I got there, with difficulty ({when})",
        "drill_good": "Good — the substance was there ({when})",
        "drill_easy": "Easy — ready for the client ({when})",
        "drill_in_day": "next in 1 day",
        "drill_in_days": "next in {days:# day|# days}",
        "drill_added": "New card from your debriefs: “{prompt}” ({account}, {day})",
        "drill_dropped": (
            "Dropped, no longer in the library: {card} “{title}” ({count:# review|# reviews} kept)"
        ),
        "drill_quote": "“{text}”",
        "drill_incomplete": (
            "Some playbooks failed to load: their cards are left out "
            "(salescoach playbook validate shows why)."
        ),
        "drill_empty": "No cards to practise: the library has no objections and no card playbook.",
        "drill_none_due": "No card due today ({cards:# card|# cards} in the deck). {next}",
        "drill_due": "{count:# card|# cards} due today ({cards} in the deck): {details}.",
        "drill_reason_debrief": "{count} handled poorly in a debrief",
        "drill_reason_met": "{count} met in debriefs and never practised",
        "drill_reason_review": "{count} to review",
        "drill_reason_new": "{count} new",
        "drill_next": "Next: {days}.",
        "drill_next_day": "{count} on {day}",
        "drill_nothing_next": "Nothing scheduled after today.",
        "drill_done": "{count:# card|# cards} rated and scheduled. {next}",
        "drill_rated": "“{prompt}” — {rating}, next on {day}",
        "drill_method_way": (
            "Ask before you answer (what does the client mean, compared with what?), trade rather "
            "than give (“on condition that…”), and prove it: a success story, then "
            "characteristics, advantages, benefits."
        ),
        "drill_no_terminal": (
            "standard input is not a terminal, so salescoach drill cannot ask its cards"
        ),
        "drill_no_terminal_hint": (
            "Run it in a terminal; salescoach drill --due and --stats work anywhere (--json)."
        ),
        "drill_due_or_stats": "give --due or --stats, not both",
        "drill_json_needs": "--json goes with --due or --stats",
        "drill_no_playbook": "no cards from playbook `{playbook}` in the drill",
        "drill_no_playbook_hint": "the drill's playbooks: {known}",
        "drill_stopped": (
            "{why}: {count:# rating|# ratings} kept; {left:# card|# cards} left for next time."
        ),
        "drill_no_stats": "No card practised yet: start with salescoach drill.",
        "drill_col_card": "card",
        "drill_col_source": "from",
        "drill_col_reviews": "reviews",
        "drill_col_last": "last rating",
        "drill_col_due": "due",
        "drill_col_retention": "retention",
        "drill_source_library": "library",
        "drill_source_team": "team",
        "drill_source_debrief": "debrief",
        "drill_rating_again": "again",
        "drill_rating_hard": "hard",
        "drill_rating_good": "good",
        "drill_rating_easy": "easy",
        "drill_stats_caption": (
            "retention: FSRS's chance that you recall the answer today · {reviews:# review|# "
            "reviews} in all"
        ),
        "report_practice": "practice (30 d)",
        "report_practice_cell": "{count} · {share} good",
        "drill_topic_price": "price",
        "drill_topic_authority": "authority",
        "drill_topic_competition": "competition",
        "drill_topic_need": "need",
        "drill_topic_timing": "timing",
        "drill_topic_trust": "trust",
        "drill_topic_strength": "strength",
        "drill_topic_weakness": "weak point",
        "drill_topic_reference": "reference",
        "drill_topic_success-story": "success story",
        "drill_topic_other": "other",
        # --- search
        "search_none": "No record holds: {words}",
        "search_more": "{shown} of {total} records shown; --limit 0 shows them all.",
        # --- next steps (recap)
        "no_open_steps": "No open next steps.",
        "steps_columns": "id|when|next step|owner|account|meeting",
        "steps_caption": "{open} open · {late} late",
        "step_done_word": "done",
        "step_dropped_word": "dropped",
        "no_date": "no date",
        "days_late": "{days} d late ({due})",
        "today": "today",
        "step_done": "Done: {action} ({id}).",
        "step_dropped": "Dropped: {action} ({id}).",
        "step_moved": "Moved to {due}: {action} ({id}).",
        "offer_recap": "Draft the recap now?",
        "invitation_read": "From the invitation: {when}, {account}, {count:# contact|# contacts}.",
        "ics_meeting": "{type} — {account}",
        "ics_objective": "Objective: {text}",
        "ics_meeting_id": "Meeting: {meeting}",
        "ics_prepare": "Prepare tomorrow's meeting with {account}: salescoach show {meeting}",
        "ics_step": "{action} — {account}",
        "ics_done": "Done: {summary}",
        "ics_owner": "Owner: {owner}",
        "ics_account": "Account: {account}",
        "ics_step_id": "Next step {id}: salescoach next done {id}",
        "recap_hint": (
            "To mail it: salescoach recap {meeting} --format eml --edit -o recap.eml "
            "(opens in your mail client)"
        ),
        # playbook show: the outline of a playbook
        "outline_yes": "yes",
        "outline_no": "no",
        "outline_and": "and",
        "outline_or": "or",
        "outline_nor": "nor",
        "outline_not": "not ({condition})",
        "outline_answered": "{subject} is answered",
        "outline_left_empty": "{subject} is left empty",
        "outline_is": "{subject} is {value}",
        "outline_is_not": "{subject} is not {values} (or is unanswered)",
        "outline_greater_than": "{subject} is greater than {bound}",
        "outline_less_than": "{subject} is less than {bound}",
        "outline_at_least": "{subject} is at least {bound}",
        "outline_at_most": "{subject} is at most {bound}",
        "outline_sum": "the total of",
        "outline_min": "the lowest of",
        "outline_max": "the highest of",
        "outline_count": "how many items in",
        "outline_items": ", {low} to {high} items",
        "outline_items_open": ", {low} to any number of items",
        "outline_is_not_one": "{subject} is not {values} (or is unanswered)",
        "outline_from_reference": " from the reference list `{reference}`",
        "outline_each_field": " (each entry's `{field}`)",
        "outline_among_answer": " among the items answered to `{answer}`{field}",
        "outline_required": ", required",
        "outline_as_defined": ", as defined in `{name}`",
        "outline_each_entry": "asked once for each entry of the reference list `{reference}`",
        "outline_each_of": (
            "asked once for each of the {count} entries of the reference list `{reference}`"
        ),
        "outline_each_item": "asked once for each item answered to `{answer}`",
        "outline_only_items": "only for the items where {condition}",
        "outline_from_depth": " · from {depth}",
        "outline_computed": "computed, never asked: {what} {refs}",
        "outline_only_when": "only when {condition}",
        "outline_implied": "not asked when {condition}: the answer is then `{value}`",
        "outline_example_cases": "examples of its own when {conditions}",
        "outline_last_answer": "pre-filled with its own last answer for the account",
        "outline_prefilled": "pre-filled from `{source}`",
        "outline_default": "default: {value}",
        "outline_on_sheet": "on the prep sheet, section `{section}`",
        "outline_group": ", group `{group}`",
        "outline_labelled": "labelled “{label}”",
        "outline_at_most_items": "at most {count} items",
        "outline_with_detail": "with each pick's `{detail}`",
        "outline_sheet_heading": "Prep sheet",
        "outline_under_title": "(under the title)",
        "outline_in_box": "in a box",
        "outline_after": "after `{section}`",
        "outline_at_most_lines": "at most {count} lines",
        "outline_missing": "`{id}` — missing from the search path",
        "outline_version": "version {version}",
        "outline_step_only_when": "*Only when {condition}.*",
        "outline_against": ", against {against}",
        "outline_answer": "answer: {text}",
        "outline_ask_back": "ask back: {text}",
        "outline_proof": "proof: {text}",
        "outline_produces": "Produces a {record} record, walking in order:",
        "outline_flow_only_when": " — only when {condition}",
    },
    "fr": {
        "prep": "préparation",
        "debrief": "débrief",
        "yes": "oui",
        "no": "non",
        "no_answer": "(pas de réponse)",
        "paragraph_hint": "(plusieurs lignes)\n>",
        "hint_paragraph": "Entrée : nouvelle ligne · Échap puis Entrée (ou Alt+Entrée) : terminer",
        "hint_keep": (
            "Entrée : garder tel quel · Échap puis Entrée (ou Alt+Entrée) : terminer une "
            "modification"
        ),
        "hint_back": "Maj+Tab : retour",
        "hint_stop": "Ctrl-C : arrêter (réponses gardées)",
        "step_of": "étape {number}/{total}",
        "step_number": "étape {number}",
        "date_hint": "(AAAA-MM-JJ, JJ/MM/AAAA, aujourd'hui, demain, +3j, +2s)",
        "finish_list_hint": "(ligne vide pour terminer)",
        "item": "{prompt} — élément {number}",
        "range_hint": "(de {low} à {high})",
        "min_hint": "(au moins {low})",
        "max_hint": "(au plus {high})",
        "required": "une réponse est nécessaire",
        "item_needed": "il faut encore un élément avant de terminer cette liste",
        # Neither "un" nor "une": the list may hold chaînes, étapes, interlocuteurs.
        "add_one": "{what} — en ajouter ?",
        "add_another": "{what} — en ajouter encore ?",
        "review_prep": "Relecture — enregistrer cette préparation ?",
        "review_debrief": "Relecture — enregistrer ce débrief ?",
        "save": "Enregistrer",
        "change": "Modifier une réponse",
        "discard": "Abandonner",
        "which_answer": "Quelle réponse ?",
        "back": "(retour)",
        "discard_confirm_prep": "Abandonner définitivement cette préparation ?",
        "discard_confirm_debrief": "Abandonner définitivement ce débrief ?",
        "discarded_prep": "Abandon : aucune préparation enregistrée.",
        "discarded_debrief": "Abandon : aucun débrief enregistré.",
        "saved_prep": "Préparation enregistrée, {meeting} : {path}",
        "saved_debrief": "Débrief enregistré, {meeting} : {path}",
        "debrief_of": "Débrief de {meeting}",
        "interrupted": "Interrompu",
        "input_closed": "Entrée fermée",
        "aborted": "Abandon.",
        "usage_try": "Pour l'aide\u00a0: {command}",
        "quoted": "«\u00a0{text}\u00a0»",
        "stopped_by": "Arrêt ({signal})",
        "nothing_kept": "{why} : aucune réponse encore, rien de conservé.",
        "kept_draft": (
            "{why} : {count:# réponse conservée|# réponses conservées} dans le brouillon {draft}. "
            "Reprendre avec : {command}"
        ),
        "resuming_prep": (
            "Reprise de la préparation pour {account} "
            "({count:# réponse conservée|# réponses conservées})"
        ),
        "resuming_debrief": (
            "Reprise du débrief pour {account} ({count:# réponse conservée|# réponses conservées})"
        ),
        "known_kept": "Déjà connu (rendez-vous précédents) — repris sans être redemandé "
        "(modifiable à la relecture) :",
        "known_offered": "Déjà connu (rendez-vous précédents) — proposé par défaut "
        "(Entrée le garde) :",
        "known_line": "{what} : {value}",
        "shown_line": "{what}\u00a0: {value}",
        "shown_separator": "\u00a0; ",
        "draft_kept": (
            "Vos réponses sont conservées dans un brouillon ; une fois ce point réglé, "
            "reprenez avec : {command}"
        ),
        "last_time": "Dernière fois avec {account} : {meeting}.",
        "save_failed_draft": (
            "Rien n'est perdu : {count:# réponse est conservée|# réponses sont conservées} "
            "dans le brouillon {draft}. "
            "Corrigez la cause ci-dessus, puis : {command}"
        ),
        "save_failed_no_draft": (
            "Aucun brouillon n'a pu être conservé non plus ({why}). Vos réponses, sous forme de "
            "fichier de réponses à enregistrer ailleurs et à redonner avec --answers :\n{answers}"
        ),
        "open_steps": "Prochaines étapes ouvertes :",
        "sheet_prep": "Préparation",
        "sheet_debrief": "Débrief",
        "sheet_details": "Détails",
        "sheet_colon": "\u00a0:",
        "sheet_separator": "\u00a0; ",
        "sheet_levels": "Questions de découverte par niveau d'information",
        "sheet_learned": "Ce que vous avez appris, du haut de l'entonnoir vers le bas",
        "sheet_level-necessary": "Informations nécessaires",
        "sheet_level-essential": "Informations essentielles",
        "sheet_level-useful": "Informations utiles",
        "sheet_level-superficial": "Informations naïvement superficielles",
        "sheet_html_written": (
            "Fiche imprimable écrite : {path} (ouvrez-la dans un navigateur et imprimez)"
        ),
        "sheet_pdf_written": "PDF écrit : {path}",
        "sheet_no_prep": "le rendez-vous {meeting} n'a pas de préparation, donc pas de fiche",
        "path_unresolvable": "{path} : impossible de résoudre le chemin ({error})",
        "no_such_user": (
            "impossible de développer {path} : il n'y a pas d'utilisateur « {user} » "
            "sur cette machine"
        ),
        "no_such_user_hint": "écrivez le chemin en entier, ou ~/ pour votre propre dossier",
        "no_account": "aucun compte pour cette préparation",
        "not_on_search_path": (
            "{directory} n'est pas dans le chemin de recherche : utilisez --playbooks "
            "{directory}, $SALESCOACH_PLAYBOOKS ou `playbooks:` dans le fichier de configuration"
        ),
        "no_account_hint": "donnez-le en argument : salescoach prep COMPTE",
        "no_browser": (
            "aucun navigateur pour imprimer un PDF (cherchés : chromium, google-chrome)"
        ),
        "no_browser_hint": (
            "écrivez la page avec --html et imprimez-la depuis n'importe quel navigateur, "
            "ou installez chromium (apt-get install chromium)"
        ),
        "browser_failed": "{browser} n'a pas pu imprimer la fiche : {why}",
        "browser_exit": "{browser} n'a pas pu imprimer la fiche (code {status}) : {why}",
        "browser_exit_hint": "écrivez la page avec --html et imprimez-la depuis un navigateur",
        "path_outside_home": ("{path} mène hors du dossier des données {root} (vers {real})"),
        "path_outside_home_hint": (
            "salescoach ne suit jamais un lien hors de son dossier : déplacez les données "
            "à l'intérieur"
        ),
        "path_is_link": "{path} est un lien symbolique : salescoach ne l'ouvre pas",
        "path_is_link_hint": "supprimez le lien : salescoach recrée le fichier lui-même",
        "no_such_playbook": "aucun playbook « {id} » dans le chemin de recherche",
        "playbook_close": "vouliez-vous dire « {close} » ?",
        "playbook_known": "playbooks connus : {known}",
        "playbook_close_loading": (
            "vouliez-vous dire « {close} » ?\n"
            "{count:# problème|# problèmes} au chargement des playbooks :\n{problems}"
        ),
        "playbook_known_loading": (
            "playbooks connus : {known}\n"
            "{count:# problème|# problèmes} au chargement des playbooks :\n{problems}"
        ),
        "keep_known": "{what} — garder ce qui est connu : {items} ?",
        "items_count": "{count} éléments",
        "one_item": "{count} élément",
        "select_hint": "(↑↓, Entrée)",
        "select_number_hint": "(↑↓ ou {low} à {high}, Entrée)",
        "checkbox_hint": "(Espace coche)",
        "checkbox_keys": "↑↓ · Espace : cocher · a : tout · i : inverser · Entrée : valider",
        "none_ticked": "(aucun)",
        "yes_no_hint_yes": "(O/n) ",
        "yes_no_hint_no": "(o/N) ",
        "yes_keys": "oy",
        "no_keys": "n",
        "echo_yes": "Oui",
        "echo_no": "Non",
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
        "value_too_large": "nombre trop grand (au plus 1,8e308 environ)",
        "value_min": "doit valoir au moins {least}",
        "value_max": "doit valoir au plus {most}",
        "value_whole": "un nombre entier de l'échelle est attendu",
        "value_date": (
            "« {given} » n'est pas une date : AAAA-MM-JJ, JJ/MM/AAAA, aujourd'hui, demain, +3j, +2s"
        ),
        "value_date_type": "une date AAAA-MM-JJ est attendue",
        "value_time": "« {given} » n'est pas une heure : HH:MM (14:30) ou 14h30",
        "time_hint": "(HH:MM, par exemple 14:30)",
        "value_entries": "une liste d'entrées est attendue",
        # --- sessions and drafts (service)
        "dropped": "écartée",
        "no_longer_asked": "plus posée par le playbook",
        "skipped": "ignoré",
        "no_drafts": "Aucun brouillon. Une préparation ou un débrief interrompu en laisse un ici.",
        "resume_hint": "Reprendre avec : salescoach resume BROUILLON",
        "help_arguments": "Arguments",
        "help_options": "Options",
        "help_commands": "Commandes",
        "help_error": "Erreur",
        "help_default": "[par défaut\u00a0: {}]",
        "help_required": "[obligatoire]",
        "help_envvar": "[variable d'environnement\u00a0: {}]",
        "help_try": "Essayez [blue]'{command_path} {help_option}'[/] pour l'aide.",
        "help_help": "Afficher cette aide et s'arrêter.",
        "missing_answers": (
            "{count:# réponse obligatoire manque|# réponses obligatoires manquent} avec "
            "--no-input\u00a0:\n{listed}"
        ),
        "missing_answers_hint": (
            "Ajoutez-les au fichier de réponses (--example-answers en écrit un complet)."
        ),
        "account_blank": "un nom de compte ne peut pas être vide (reçu\u00a0: {given})",
        "account_blank_hint": "donnez le nom du client, par exemple salescoach prep ACME",
        "no_account_named": "aucun compte nommé «\u00a0{name}\u00a0»",
        "did_you_mean": "vouliez-vous dire\u00a0: {close}",
        "meeting_blank": "un rendez-vous ne peut pas être vide (reçu\u00a0: {given})",
        "meeting_blank_hint": (
            "donnez son id ou une partie de celui-ci\u00a0; `salescoach list` les montre"
        ),
        "meeting_matches_several": (
            "«\u00a0{query}\u00a0» correspond à {count} rendez-vous\u00a0:\n{listed}"
        ),
        "meeting_more_of_the_id": "donnez une plus grande partie de l'id",
        "no_meeting_matches": "aucun rendez-vous ne correspond à «\u00a0{query}\u00a0»",
        "list_shows_them": "`salescoach list` les montre",
        "meeting_has_no_prep_yet": "le rendez-vous {meeting} n'a pas encore de préparation",
        "meeting_has_no_debrief_yet": "le rendez-vous {meeting} n'a pas encore de débrief",
        "no_prep_waiting": "aucune préparation n'attend son débrief",
        "no_prep_waiting_hint": (
            "nommez le rendez-vous : salescoach debrief RENDEZ-VOUS (voir salescoach list)"
        ),
        "no_meeting": "aucun rendez-vous «\u00a0{meeting}\u00a0»",
        "no_draft": "aucun brouillon «\u00a0{draft}\u00a0»",
        "resume_lists_drafts": "`salescoach resume` les liste",
        "step_id_needed": ("donnez l'id d'une prochaine étape (salescoach next les liste)"),
        "no_next_step": "aucune prochaine étape «\u00a0{step}\u00a0»",
        "next_lists_them": "`salescoach next` les liste avec leur id",
        "step_names_several": (
            "«\u00a0{step}\u00a0» désigne {count} prochaines étapes\u00a0:\n{listed}"
        ),
        "step_whole_id": "donnez l'id en entier, ou ajoutez --meeting MEETING",
        "search_nothing": "rien à chercher\u00a0: donnez au moins un mot",
        "output_needs_html": (
            "-o/--output va avec --html (un PDF nomme son fichier\u00a0: --pdf FICHIER)"
        ),
        "account_no_records": "le compte «\u00a0{name}\u00a0» n'a pas encore d'enregistrement",
        "account_prep_it": "salescoach prep {name}",
        "bad_depth": "--depth vaut quick, standard ou full, pas «\u00a0{given}\u00a0»",
        "no_records": "Aucun enregistrement pour l'instant. Commencez par : salescoach prep COMPTE",
        "notes_marker": (
            "<!-- salescoach : vos notes sous cette ligne sont gardées quand l'enregistrement "
            "est régénéré -->"
        ),
        "skipped_more": (
            "{count:# autre enregistrement illisible|# autres enregistrements illisibles}"
        ),
        "unreadable_exit": (
            "{count:# fichier d'enregistrement illisible|# fichiers d'enregistrement illisibles} "
            "(nommés ci-dessus) : cette réponse les laisse de côté. Corrigez-les, puis relancez "
            "la commande."
        ),
        "sync_not_git": (
            "{home} n'est pas dans un dépôt git : il n'y a rien avec quoi synchroniser"
        ),
        "sync_not_git_hint": (
            "faites-en un avec `salescoach init --git` (ajoutez l'URL du dépôt de l'équipe pour "
            "le partager), ou donnez avec --home le dossier qui en est un clone"
        ),
        "sync_rebasing": (
            "une synchronisation s'est arrêtée sur un conflit et n'est pas terminée ; les "
            "fichiers en conflit :\n{files}"
        ),
        "sync_rebasing_hint": (
            "dans chaque fichier, gardez la bonne version et supprimez les lignes de marque "
            "<<<<<<< ======= >>>>>>>, puis de nouveau `salescoach sync` (il termine le rebase) ; "
            "`git rebase --abort` revient à l'état d'avant la synchronisation, votre commit gardé"
        ),
        "sync_merging": "une fusion git n'est pas terminée ; les fichiers en conflit :\n{files}",
        "sync_merging_hint": (
            "résolvez chaque fichier, `git add FICHIER` et `git commit`, puis de nouveau "
            "`salescoach sync` (`git merge --abort` revient en arrière)"
        ),
        "sync_conflict_markers": (
            "rien n'a été enregistré dans git : ces fichiers contiennent des marques de conflit, "
            "deux versions dans un même fichier :\n{files}"
        ),
        "sync_conflict_markers_hint": (
            "gardez une version de chaque bloc et supprimez les lignes de marque <<<<<<< "
            "======= >>>>>>>, puis de nouveau `salescoach sync`"
        ),
        "sync_no_identity": "git ne sait pas qui vous êtes : il ne peut pas enregistrer",
        "sync_no_identity_hint": (
            'dites-le-lui une fois : git config --global user.name "Votre Nom" et git config '
            "--global user.email vous@exemple.fr"
        ),
        "sync_detached": "le dépôt du dossier n'est sur aucune branche (HEAD détachée)",
        "sync_fix_git": (
            "passez sur la branche de l'équipe (git switch main), puis synchronisez de nouveau"
        ),
        "sync_kept_locally": "Vos changements sont enregistrés ici ({commit}). ",
        "sync_no_remote": (
            "{kept}Le dépôt du dossier n'a pas de dépôt distant d'où tirer et où pousser"
        ),
        "sync_no_remote_hint": (
            "ajoutez le dépôt de l'équipe : git remote add origin URL (puis `salescoach sync`)"
        ),
        "sync_conflict": (
            "les enregistrements ont changé sur {remote} et ici aux mêmes endroits : git s'est "
            "arrêté sur un conflit dans :\n{files}"
        ),
        "sync_push_rejected": "{remote} a reçu d'autres changements entre-temps ; rien n'est perdu",
        "sync_again_hint": "relancez `salescoach sync` pour les prendre et pousser les vôtres",
        "sync_unreachable": "impossible de joindre le dépôt distant {remote} : {said}",
        "sync_unreachable_hint": (
            "vos changements sont enregistrés ici et rien n'est perdu ; vérifiez le réseau (ou "
            "l'URL du dépôt : git remote -v), puis de nouveau `salescoach sync`"
        ),
        "sync_commit_more": "{shown} et {count:# autre|# autres}",
        "sync_commit_files": "{count:# fichier|# fichiers} du dossier",
        "init_already": "{home} est déjà un dépôt git",
        "init_already_hint": ("partagez-le avec `git remote add origin URL` et `salescoach sync`"),
        "synced": (
            "Synchronisé avec {remote} : {committed:# rendez-vous enregistré|# rendez-vous "
            "enregistrés}, {received:# fichier reçu|# fichiers reçus}."
        ),
        "synced_nothing": (
            "Synchronisé avec {remote} : rien à enregistrer, {received:# fichier reçu|# fichiers "
            "reçus}."
        ),
        "inited": "{home} est maintenant un dépôt git ; `salescoach sync` le partage.",
        "inited_remote": ("{home} est maintenant un dépôt git, avec {remote} comme dépôt distant."),
        "cloned": "{remote} est cloné dans {home} ; `salescoach sync` le garde partagé.",
        "auto_synced": "Synchronisé avec {remote}.",
        "auto_sync_failed": "Enregistré ici, mais pas synchronisé : {why}",
        "link_to_debrief": "Le débrief de ce rendez-vous : [débrief](debrief.md)",
        "link_to_prep": "La préparation de ce rendez-vous : [préparation](prep.md)",
        "team_no_homes": (
            "--team {team} : aucun dossier de commercial dedans (aucun dossier avec accounts/)"
        ),
        "team_no_homes_hint": (
            "donnez le dossier qui contient un dossier par commercial (chacun avec son "
            "accounts/), ou chaque dossier avec --home"
        ),
        "init_needs_git": (
            "un dossier de données n'a besoin d'aucune préparation (la première préparation le "
            "crée) ; `salescoach init --git [DÉPÔT]` le partage par git"
        ),
        "indexing": "Indexation des enregistrements",
        "exported": "Export {format} écrit dans {path}",
        "export_stdout_failed": "impossible d'écrire l'export sur la sortie standard\u00a0: {why}",
        "export_stdout_failed_hint": (
            "ce qui a été écrit n'est pas l'export complet\u00a0; pour un fichier, donnez -o "
            "FICHIER\u00a0: il est écrit en entier ou pas du tout"
        ),
        "records_shown": (
            "{shown:# enregistrement affiché|# enregistrements affichés} sur {total} ; "
            "--limit 0 les montre tous."
        ),
        # --- reports (ui/reports.py)
        "report_when": "quand",
        "report_what": "quoi",
        "report_account": "compte",
        "report_to_do": "à faire",
        "report_phase": "phase",
        "report_owner": "responsable",
        "report_step_id": "id",
        "report_date": "date",
        "report_type": "type",
        "report_kind": "nature",
        "report_objectives": "objectifs",
        "report_objections": "objections",
        "report_meeting": "rendez-vous",
        "report_due": "échéance",
        "report_next_step": "prochaine étape",
        "report_given": "donnés",
        "report_received": "reçus",
        "report_objection": "objection",
        "report_library": "bibliothèque",
        "report_met": "rencontrée",
        "report_share": "part",
        "report_handling": "traitement",
        "report_new": "nouvelle",
        "report_meeting_type": "type de rendez-vous",
        "report_month": "mois",
        "report_reached": "atteints",
        "report_partly": "en partie",
        "report_not": "non",
        "report_accounts": "comptes",
        "report_avg_days": "jours moy.",
        "report_stays": "séjours",
        "report_stuck": "bloqués",
        "report_since": "depuis",
        "report_days": "jours",
        "report_level": "niveau",
        "report_debriefs": "débriefs",
        "report_rep": "commercial",
        "report_meetings": "rendez-vous",
        "report_objectives_reached": "objectifs atteints",
        "report_phase_advances": "avancées de phase",
        "report_conversion": "concrétisation",
        "report_days_to_signature": "jours jusqu'à la signature",
        "report_revenue": "signé (k€)",
        "report_services_per_client": "services par client",
        "report_margin_gap": "marge / objectif (pts)",
        "report_nothing_due": "Rien à faire d'ici le {horizon}.",
        "report_agenda_next-step": "prochaine étape",
        "report_agenda_contact": "contact",
        "report_agenda_debrief": "débrief",
        "report_agenda_meeting": "rendez-vous",
        "report_agenda_debrief_detail": "débriefer : {type} du {day}",
        "report_agenda_meeting_detail": "{type} (préparé)",
        "report_agenda_contact_detail": (
            "dernier contact le {day}\u00a0; {cadence:chaque jour|tous les # jours} en {phase}"
        ),
        "report_agenda_caption": "{late} en retard · {due} aujourd'hui · {coming} à venir",
        "report_agenda_limited": " · les {limit} plus urgents affichés (--limit 0 : tous)",
        "report_phase_unknown": "phase inconnue",
        "report_open_next_steps": "Prochaines étapes ouvertes",
        "report_commitments": "Engagements (donnant-donnant)",
        "report_ledger_caption": "donnés {given} · reçus {received} · solde {balance}",
        "report_gives_more": " — vous donnez plus que vous ne recevez",
        "report_no_objections": (
            "Aucune objection enregistrée dans {debriefs:# débrief|# débriefs}."
        ),
        "report_objections_caption": (
            "sur {debriefs:# débrief|# débriefs} ; le traitement est la note que le commercial "
            "s'est donnée"
        ),
        "report_objections_rarer": (
            " ; {count:# objection plus rare|# objections plus rares} dans --json"
        ),
        "report_missing_from_library": "Dans le vrai top 10, absentes de la bibliothèque",
        "report_outside_top": "Dans la bibliothèque, rencontrées hors du top 10",
        "report_never_met": "Dans la bibliothèque, jamais rencontrées",
        "report_objectives_title": "Objectifs",
        "report_objectives_summary": (
            "\u00a0: {rated} notés en débrief · {reached} atteints · {partly} en partie · "
            "{not_reached} "
            "non · {undebriefed} fixés dans des préparations sans débrief"
        ),
        "report_phases_caption": (
            "{accounts:# compte|# comptes} ({unknown} sans phase) · "
            "{advances:# avancée de phase|# avancées de phase}, {setbacks:# recul|# reculs}"
        ),
        "report_stuck_title": "Bloqués depuis plus de {days:# jour|# jours}",
        "report_stuck_more": "et {count} de plus (--json les liste tous)",
        "report_funnel_caption": "sur {debriefs:# débrief|# débriefs} · {depth}",
        "report_levels_count": "{levels:# niveau|# niveaux}\u00a0: {count}",
        "report_team_average": "moyenne de l'équipe",
        "report_team_caption": "note sur 5 : 2,5 est la moyenne de l'équipe, 5 deux fois mieux",
        "report_team_stages": "mesuré comme le dit la liste de la valeur ajoutée : {stages}",
        "report_onboarding": "intégration",
        "onboarding_columns": "fait|point|ce qu'il faut savoir ou faire",
        "onboarding_to_do": "à faire",
        "onboarding_caption": "{done} sur {total} faits",
        "onboarding_left": "Reste : {points}. Pour en cocher un : salescoach onboarding done ID",
        "onboarding_all_done": "Tous les points de la liste d'intégration sont faits.",
        "onboarding_unknown_point": "`{point}` n'est pas un point de la liste d'intégration",
        "onboarding_points": "les points : {points}",
        "onboarding_points_close": "vouliez-vous dire `{close}` ? les points : {points}",
        "report_days_late": "{days} j de retard",
        "report_today": "aujourd'hui",
        "report_in_days": "dans {days} j",
        "report_set_no_debrief": "{count:# fixé|# fixés}, pas de débrief",
        "report_no_debrief": "pas de débrief",
        "report_reached_of": "{reached}/{objectives:# atteint|# atteints}",
        "report_and_partly": ", {partly} en partie",
        # --- playbook commands
        "playbooks_id": "id",
        "playbooks_kind": "nature",
        "playbooks_title": "titre",
        "playbooks_lang": "langue",
        "playbooks_version": "version",
        "playbooks_from": "origine",
        "playbook_kind_prep": "préparation",
        "playbook_kind_debrief": "débrief",
        "playbook_kind_flow": "parcours",
        "playbook_kind_reference": "référence",
        "playbook_kind_cards": "cartes",
        "origin_built-in": "intégré",
        "origin_config": "fichier de réglages",
        "origin_env": "$SALESCOACH_PLAYBOOKS",
        "origin_option": "--playbooks",
        "origin_checked": "chemin vérifié",
        "drafts_draft": "brouillon",
        "drafts_kind": "nature",
        "drafts_account": "compte",
        "drafts_meeting": "rendez-vous",
        "drafts_flow": "parcours",
        "drafts_answers": "réponses",
        "drafts_stopped_at": "arrêté à",
        "drafts_when": "quand",
        "overrides": " remplace {origins}",
        "playbooks_valid": "{count:# fichier de playbook valide|# fichiers de playbook valides}.",
        "lint_summary": (
            "{count:# avertissement|# avertissements} dans "
            "{files:# fichier de playbook|# fichiers de playbook}."
        ),
        "schema_updated": "{path} mis à jour (pour la complétion dans l'éditeur)",
        "schema_written": "{path} écrit (pour la complétion dans l'éditeur)",
        "overrides_builtin": "« {id} » remplace le playbook intégré du même id.",
        "playbook_created": "Playbook {kind} « {id} » créé : {path}",
        "copied_builtin": "Playbook intégré « {id} » copié dans {path}",
        "copy_removed": (
            "Aucun changement : copie supprimée ; le playbook intégré « {id} » reste en usage."
        ),
        "playbook_valid": "{path} est valide.",
        "copy_overrides": (
            "Il remplace le playbook intégré « {id} » (voir `salescoach playbook list`)."
        ),
        "editor_status": "L'éditeur s'est terminé avec le code {status}.",
        "reopen_editor": (
            "{count:# problème|# problèmes}. Rouvrir l'éditeur pour {count:le|les} corriger ?"
        ),
        "preview_only": "Aperçu seulement : rien n'a été enregistré.",
        "search_path_problems": (
            "{count:# problème|# problèmes} de playbook sur le chemin de recherche :"
        ),
        "playbooks_broken": (
            "Aucune préparation ni aucun débrief ne se fait en contournant un fichier de playbook "
            "invalide : corrigez-le (salescoach playbook validate montre chaque problème) ou "
            "sortez-le du dossier des playbooks."
        ),
        # --- completion
        "completion_no_shell": (
            "impossible de reconnaître votre shell d'après $SHELL : nommez-le, par exemple "
            "salescoach completion install bash"
        ),
        "completion_installed": "Complétion {shell} installée : {path}",
        "completion_rc": "et chargée depuis {path}",
        "completion_restart": "Elle s'applique dans un nouveau shell.",
        # --- editor
        "no_editor": "aucun éditeur à ouvrir : $VISUAL et $EDITOR ne sont pas définis",
        "no_editor_hint": "par exemple export EDITOR=nano (ou 'code --wait')",
        "editor_failed": "impossible de lancer l'éditeur `{editor}` : {why}",
        "editor_failed_hint": "vérifiez $VISUAL / $EDITOR",
        # --- config
        "config_unset": "(non défini)",
        "config_no_file": "(pas encore de fichier : valeurs par défaut)",
        "config_file": "Fichier de réglages : {path}",
        "config_language_in_use": "langue utilisée",
        "config_home_in_use": "dossier de données utilisé",
        "config_setting": "réglage",
        "config_value": "valeur",
        "config_valid": "{path} est valide.",
        "config_left_broken": (
            "{path} garde {count:# problème|# problèmes}, enregistré tel que vous l'avez laissé"
        ),
        "config_left_broken_hint": (
            "chaque commande les signale jusqu'à ce qu'ils soient corrigés : relancez salescoach "
            "config edit"
        ),
        # --- export
        "excel_needs_csv": "--excel ne s'applique qu'à --format csv",
        # --- commands' own errors
        "record": "enregistrement",
        "not_both": "donnez {first} ou {second}, pas les deux",
        "no_playbook_dir": (
            "--playbooks {path} : ce fichier ou ce dossier n'existe pas. Donnez le dossier des "
            "playbooks de l'équipe (ou un fichier de playbook) ; `salescoach playbook list` "
            "montre d'où vient chaque playbook."
        ),
        "one_output": (
            "donnez une seule sortie : --json, --markdown, ou la fiche (--sheet, --html, --pdf)"
        ),
        "bad_kind": "--kind vaut prep ou debrief, pas « {given} »",
        "meeting_has_no": "le rendez-vous {meeting} n'a pas de {what}",
        "draft_no_meeting": "le brouillon {draft} ne nomme aucun rendez-vous",
        "answers_comment_prep": (
            "réponses salescoach pour {target} ({lang}) : {used}\nModifiez-les, puis : "
            "salescoach prep COMPTE --answers FICHIER --no-input"
        ),
        "answers_comment_debrief": (
            "réponses salescoach pour {target} ({lang}) : {used}\nModifiez-les, puis : "
            "salescoach debrief RENDEZ-VOUS --answers FICHIER --no-input"
        ),
        "no_such_file": "{path} : fichier introuvable",
        "strict_warnings": (
            "{count:# avertissement|# avertissements}, et --strict fait échouer sur un "
            "avertissement"
        ),
        "already_exists": "{path} existe déjà",
        "edit_it": "modifiez-le plutôt",
        "playbook_left_broken": (
            "{path} garde {count:# problème|# problèmes}, enregistré tel que vous l'avez laissé"
        ),
        "playbook_left_broken_hint": (
            "Tant qu'il n'est pas corrigé, préparations et débriefs s'arrêtent sur ses erreurs "
            "plutôt que de se faire sans lui (voir `salescoach playbook validate {path}`) ; "
            "lancez `salescoach playbook edit {path}` pour le corriger."
        ),
        "interactive_needs_terminal": (
            "--interactive a besoin d'un terminal pour poser ses questions"
        ),
        "interactive_needs_terminal_hint": (
            "sans lui, l'aperçu répond avec les exemples des playbooks (ou --answers)"
        ),
        "team_needs_homes": (
            "donnez le dossier de données de chaque commercial : salescoach report team --home "
            "DOSSIER --home DOSSIER, ou celui de l'équipe : --team DOSSIER"
        ),
        "bad_date": "{option} attend une date AAAA-MM-JJ, pas « {given} »",
        "no_terminal": (
            "l'entrée standard n'est pas un terminal : salescoach ne peut pas poser ses questions"
        ),
        "no_terminal_hint": (
            "Donnez les réponses avec --answers FICHIER --no-input (--example-answers écrit un "
            "fichier complet pour commencer)."
        ),
        # --- the error edge
        "error_label": "erreur :",
        "problems_found_one": "1 problème trouvé.",
        "problems_found": "{count:# problème trouvé|# problèmes trouvés}.",
        "unexpected": (
            "salescoach a échoué de façon inattendue ({what}, dans {where}) ; la trace complète "
            "est dans {log} (merci de la signaler ; --debug l'affiche ici)"
        ),
        "unexpected_unlogged": (
            "salescoach a échoué de façon inattendue ({what}, dans {where}) ; relancez avec "
            "--debug pour voir la trace"
        ),
        "drill_card": "Carte {number} sur {total} — {what}",
        "drill_objection": "Objection",
        "drill_met_card": "Une objection rencontrée, absente de la bibliothèque",
        "drill_against": "Face à {against}.",
        "drill_handled": ", traitée {score}/5",
        "drill_met": (
            "Rencontrée {count:une fois|# fois} dans vos débriefs, la dernière avec {account} le "
            "{day}"
            "{handled}."
        ),
        "drill_your_answer": "Votre réponse, avec vos mots",
        "drill_answer_help": "Entrée seule si vous avez répondu à voix haute.",
        "drill_reveal": "Ce que dit la bibliothèque",
        "drill_reveal_team": "Ce que l'équipe attend",
        "drill_expected": "Réponse attendue :",
        "drill_response": "Réponse recommandée :",
        "drill_no_response": (
            "Pas encore dans la bibliothèque d'objections : aucune réponse recommandée."
        ),
        "drill_method": "La méthode :",
        "drill_questions_back": "Questions à poser en retour :",
        "drill_proof": "Preuve à apporter :",
        "drill_last_answer": "Votre réponse la dernière fois ({day}) :",
        "drill_rate": "Votre réponse a-t-elle tenu ?",
        "drill_again": "À revoir — pas de réponse, ou j'ai cédé ({when})",
        "drill_hard": "Difficile — j'y suis arrivé, avec peine ({when})",
        "drill_good": "Bien — l'essentiel y était ({when})",
        "drill_easy": "Facile — prêt pour le client ({when})",
        "drill_in_day": "de nouveau dans 1 jour",
        "drill_in_days": "de nouveau dans {days:# jour|# jours}",
        "drill_added": "Nouvelle carte issue de vos débriefs : « {prompt} » ({account}, {day})",
        "drill_dropped": (
            "Retirée, absente de la bibliothèque : {card} « {title} » "
            "({count:# révision conservée|# révisions conservées})"
        ),
        "drill_incomplete": (
            "Des playbooks n'ont pas pu être chargés : leurs cartes sont laissées de côté "
            "(salescoach playbook validate dit pourquoi)."
        ),
        "drill_empty": (
            "Aucune carte à travailler : la bibliothèque n'a ni objections ni playbook de cartes."
        ),
        "drill_none_due": (
            "Aucune carte à revoir aujourd'hui ({cards:# carte|# cartes} dans le jeu). {next}"
        ),
        "drill_due": (
            "{count:# carte|# cartes} à revoir aujourd'hui ({cards} dans le jeu) : {details}."
        ),
        "drill_reason_debrief": "{count:# mal traitée|# mal traitées} dans un débrief",
        "drill_reason_met": (
            "{count:# rencontrée en débrief et jamais travaillée|"
            "# rencontrées en débrief et jamais travaillées}"
        ),
        "drill_reason_review": "{count} à réviser",
        "drill_reason_new": "{count:# nouvelle|# nouvelles}",
        "drill_next": "Ensuite : {days}.",
        "drill_next_day": "{count} le {day}",
        "drill_nothing_next": "Rien de prévu après aujourd'hui.",
        "drill_done": (
            "{count:# carte notée et replanifiée|# cartes notées et replanifiées}. {next}"
        ),
        "drill_rated": "« {prompt} » — {rating}, prochaine fois le {day}",
        "drill_method_way": (
            "Questionnez avant de répondre (que veut dire le client, par rapport à quoi ?), "
            "échangez au lieu de céder (« à condition que… »), et prouvez : une histoire de "
            "réussite, puis caractéristiques, avantages, bénéfices."
        ),
        "drill_no_terminal": (
            "l'entrée standard n'est pas un terminal : salescoach drill ne peut pas poser ses "
            "cartes"
        ),
        "drill_no_terminal_hint": (
            "Lancez-le dans un terminal ; salescoach drill --due et --stats marchent partout "
            "(--json)."
        ),
        "drill_due_or_stats": "--due ou --stats, pas les deux",
        "drill_json_needs": "--json va avec --due ou --stats",
        "drill_no_playbook": "aucune carte du playbook « {playbook} » dans l'entraînement",
        "drill_no_playbook_hint": "les playbooks de l'entraînement : {known}",
        "drill_stopped": (
            "{why} : {count:# note conservée|# notes conservées} ; "
            "{left:# carte|# cartes} pour la prochaine fois."
        ),
        "drill_no_stats": (
            "Aucune carte travaillée pour l'instant : commencez par salescoach drill."
        ),
        "drill_quote": "« {text} »",
        "drill_col_card": "carte",
        "drill_col_source": "origine",
        "drill_col_reviews": "révisions",
        "drill_col_last": "dernière note",
        "drill_col_due": "échéance",
        "drill_col_retention": "rétention",
        "drill_source_library": "bibliothèque",
        "drill_source_team": "équipe",
        "drill_source_debrief": "débrief",
        "drill_rating_again": "à revoir",
        "drill_rating_hard": "difficile",
        "drill_rating_good": "bien",
        "drill_rating_easy": "facile",
        "drill_stats_caption": (
            "rétention : la probabilité, selon FSRS, que vous retrouviez la réponse aujourd'hui"
            " · {reviews:# révision|# révisions} en tout"
        ),
        "report_practice": "entraînement (30 j)",
        "report_practice_cell": "{count} · {share} bien",
        "drill_topic_price": "prix",
        "drill_topic_authority": "pouvoir de décision",
        "drill_topic_competition": "concurrence",
        "drill_topic_need": "besoin",
        "drill_topic_timing": "calendrier",
        "drill_topic_trust": "confiance",
        "drill_topic_strength": "point fort",
        "drill_topic_weakness": "point faible",
        "drill_topic_reference": "référence",
        "drill_topic_success-story": "histoire de réussite",
        "drill_topic_other": "autre",
        # --- search
        "search_none": "Aucun enregistrement ne contient : {words}",
        "search_more": (
            "{shown:# enregistrement affiché|# enregistrements affichés} sur {total} ; "
            "--limit 0 les montre tous."
        ),
        # --- next steps (recap)
        "no_open_steps": "Aucune prochaine étape ouverte.",
        "steps_columns": "id|quand|prochaine étape|qui|compte|rendez-vous",
        "steps_caption": "{open:# ouverte|# ouvertes} · {late} en retard",
        "step_done_word": "faite",
        "step_dropped_word": "abandonnée",
        "no_date": "sans date",
        "days_late": "{days} j de retard ({due})",
        "today": "aujourd'hui",
        "step_done": "Faite : {action} ({id}).",
        "step_dropped": "Abandonnée : {action} ({id}).",
        "step_moved": "Déplacée au {due} : {action} ({id}).",
        "offer_recap": "Rédiger le compte rendu maintenant ?",
        "invitation_read": (
            "D'après l'invitation : {when}, {account}, {count:# interlocuteur|# interlocuteurs}."
        ),
        "ics_meeting": "{type} — {account}",
        "ics_objective": "Objectif : {text}",
        "ics_meeting_id": "Rendez-vous : {meeting}",
        "ics_prepare": (
            "Préparer le rendez-vous de demain avec {account} : salescoach show {meeting}"
        ),
        "ics_step": "{action} — {account}",
        "ics_done": "Fait : {summary}",
        "ics_owner": "Responsable : {owner}",
        "ics_account": "Compte : {account}",
        "ics_step_id": "Prochaine étape {id} : salescoach next done {id}",
        "recap_hint": (
            "Pour l'envoyer : salescoach recap {meeting} --format eml --edit -o recap.eml "
            "(s'ouvre dans votre messagerie)"
        ),
        # playbook show: the outline of a playbook
        "outline_yes": "oui",
        "outline_no": "non",
        "outline_and": "et",
        "outline_or": "ou",
        "outline_nor": "ni",
        "outline_not": "non ({condition})",
        "outline_answered": "{subject} a une réponse",
        "outline_left_empty": "{subject} est laissée vide",
        "outline_is": "{subject} vaut {value}",
        "outline_is_not": "{subject} ne vaut ni {values} (ou n'a pas de réponse)",
        "outline_greater_than": "{subject} est supérieure à {bound}",
        "outline_less_than": "{subject} est inférieure à {bound}",
        "outline_at_least": "{subject} vaut au moins {bound}",
        "outline_at_most": "{subject} vaut au plus {bound}",
        "outline_sum": "le total de",
        "outline_min": "la plus petite valeur de",
        "outline_max": "la plus grande valeur de",
        "outline_count": "le nombre d'éléments de",
        "outline_items": ", éléments : de {low} à {high}",
        "outline_items_open": ", éléments : au moins {low}",
        "outline_is_not_one": "{subject} ne vaut pas {values} (ou n'a pas de réponse)",
        "outline_from_reference": " dans la liste de référence `{reference}`",
        "outline_each_field": " (le champ `{field}` de chacun)",
        "outline_among_answer": " parmi les éléments répondus à `{answer}`{field}",
        "outline_required": ", obligatoire",
        "outline_as_defined": ", comme défini dans `{name}`",
        "outline_each_entry": (
            "posée une fois pour chaque entrée de la liste de référence `{reference}`"
        ),
        "outline_each_of": (
            "posée une fois pour chacune des {count} entrées de la liste de référence `{reference}`"
        ),
        "outline_each_item": "posée une fois pour chaque élément répondu à `{answer}`",
        "outline_only_items": "seulement pour les éléments où {condition}",
        "outline_from_depth": " · dès {depth}",
        "outline_computed": "calculée, jamais posée : {what} {refs}",
        "outline_only_when": "seulement si {condition}",
        "outline_implied": "pas posée si {condition} : la réponse est alors `{value}`",
        "outline_example_cases": "des exemples propres si {conditions}",
        "outline_last_answer": "préremplie avec sa propre dernière réponse pour le compte",
        "outline_prefilled": "préremplie depuis `{source}`",
        "outline_default": "par défaut : {value}",
        "outline_on_sheet": "sur la fiche de préparation, section `{section}`",
        "outline_group": ", groupe `{group}`",
        "outline_labelled": "intitulée « {label} »",
        "outline_at_most_items": "au plus {count} éléments",
        "outline_with_detail": "avec le `{detail}` de chaque choix",
        "outline_sheet_heading": "Fiche de préparation",
        "outline_under_title": "(sous le titre)",
        "outline_in_box": "dans un cadre",
        "outline_after": "après `{section}`",
        "outline_at_most_lines": "au plus {count} lignes",
        "outline_missing": "`{id}` — absent du chemin de recherche",
        "outline_version": "version {version}",
        "outline_step_only_when": "*Seulement si {condition}.*",
        "outline_against": ", face à {against}",
        "outline_answer": "réponse : {text}",
        "outline_ask_back": "question en retour : {text}",
        "outline_proof": "preuve : {text}",
        "outline_produces": "Produit un enregistrement {record}, en parcourant dans l'ordre :",
        "outline_flow_only_when": " — seulement si {condition}",
    },
}


def locale_language() -> str:
    """The language of the user's locale (``fr_*`` is French), else English."""
    import os

    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    import locale

    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "fr" if current.lower().startswith("fr") else "en"


def is_singular(language: str, count: float) -> bool:
    """Whether ``count`` takes the singular in ``language`` (French: 0 and 1; English: 1)."""
    return abs(count) < 2 if language == "fr" else count == 1


def figure(language: str, count: int) -> str:
    """A count as ``language`` writes it: ``103,933`` in English, ``103 933`` in French (a
    narrow no-break space between the thousands)."""
    return f"{count:,}".replace(",", "\u202f") if language == "fr" else f"{count:,}"


class _Plurals(string.Formatter):
    """``str.format`` plus plural forms: ``{count:# item|# items}`` picks by the count."""

    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" not in format_spec:
            return str(super().format_field(value, format_spec))
        singular, plural = format_spec.split("|", 1)
        chosen = singular if is_singular(self.language, value) else plural
        if self.language != "fr":
            return chosen.replace("#", str(value))
        # French holds a count to its noun (« 2 niveaux » is never cut at the end of a line)
        # and writes its thousands apart (« 1 035 »).
        number = figure("fr", value) if type(value) is int else str(value)
        return chosen.replace("# ", "#\u00a0").replace("#", number)


_FORMATTERS = {language: _Plurals(language) for language in ("en", "fr")}


def message(language: str, key: str, **values: Any) -> str:
    """The message ``key`` in ``language`` (English when unknown), placeholders filled."""
    return filled(language, template(language, key), **values)


def template(language: str, key: str) -> str:
    """The message ``key`` in ``language`` (English when unknown), placeholders unfilled: for
    code that fills one message many thousand times (:func:`filled`)."""
    catalogue = CATALOGUE.get(language, CATALOGUE["en"])
    return catalogue.get(key, CATALOGUE["en"][key])


def filled(language: str, template: str, /, **values: Any) -> str:
    """``template`` with its placeholders filled, counts in ``language``'s plural forms."""
    if "|" not in template:  # no plural forms: str.format says the same, eight times faster
        return template.format(**values)
    return _FORMATTERS.get(language, _FORMATTERS["en"]).format(template, **values)


_H_RESCAN = (
    "Relire chaque fichier d'enregistrement pour y trouver les modifications faites à la main "
    "(au-delà de 20 000 enregistrements, seuls les rendez-vous ajoutés ou retirés sont vus sinon)."
)
_H_JSON = "Le rapport en JSON sur la sortie standard."
_H_TODAY = "Calculer comme à cette date, AAAA-MM-JJ (par défaut : aujourd'hui)."
_H_MEETING = "L'id du rendez-vous (ou une partie unique de cet id), d'après `salescoach list`."
_H_QUICK = (
    "Le passage en dix minutes : l'essentiel de la méthode seulement ; ce qui est connu n'est pas "
    "redemandé."
)
_H_DEPTH = (
    "Quelle part de la méthode parcourir (par défaut : la profondeur du fichier de réglages, sinon "
    "standard)."
)
_H_ANSWERS = (
    "Fichier YAML de réponses, rangées par playbook (meeting: {type: ...}) ; elles ne sont pas "
    "demandées."
)
_H_NO_INPUT = (
    "Ne jamais poser de question : --answers et les valeurs par défaut ; sortie 1 avec la liste de "
    "chaque réponse manquante."
)
_H_EXAMPLE = "Écrire un fichier de réponses complet tiré des exemples des playbooks, et s'arrêter."
_H_ACCOUNT = "Seulement ce compte (nom ou slug)."
_H_KIND = "Seulement les préparations ou seulement les débriefs : prep | debrief."
_H_STEP_ID = "L'id de l'étape (ou ses premières lettres), d'après `next`."
_H_STEP_MEETING = "Chercher l'ID dans ce rendez-vous seulement."
_H_PATHS = "Fichiers ou dossiers (par défaut : chaque dossier du chemin de recherche)."
_H_TARGET = "Un id de playbook ou un fichier."
_H_DIRECTORY = (
    "Votre dossier de playbooks (par défaut : le premier du fichier de réglages, de "
    "$SALESCOACH_PLAYBOOKS, de --playbooks)."
)
_H_MARKDOWN = "Écrire la source Markdown au lieu de l'afficher mise en forme."
HELP: dict[str, dict[str, str]] = {
    "fr": {
        "": (
            "Préparer ses rendez-vous commerciaux B2B et en enregistrer le débrief, guidé par des "
            "playbooks.\n\nCommencez par [bold]salescoach prep ACME[/bold] ; après le rendez-vous, "
            "[bold]salescoach debrief --last[/bold]."
        ),
        ":home": (
            "Dossier des enregistrements et des brouillons (par défaut : le dossier de données de "
            "l'utilisateur sur ce système)."
        ),
        ":playbook_dirs": (
            "Un dossier de playbooks d'équipe, cherché en dernier (il l'emporte sur les playbooks "
            "intégrés). Répétable."
        ),
        ":lang": (
            "Langue des playbooks et des messages (par défaut : le fichier de réglages, puis la "
            "locale)."
        ),
        ":debug": "Afficher la trace d'appels quand quelque chose échoue.",
        ":version": "Afficher la version et s'arrêter.",
        "prep": (
            "Préparer un rendez-vous : objectifs, OPA, questions de découverte, MESORE, objections."
            "\n\nParcourt la préparation de la méthode (selon le type de rendez-vous), en "
            "reprenant ce "
            "qui est déjà connu du compte, puis enregistre la préparation et affiche la fiche "
            "d'une "
            "page.\n\nExemples :\n\n  salescoach prep ACME --type negotiation\n\n"
            "  salescoach prep ACME --type negotiation --quick\n\n"
            "  salescoach prep ACME --example-answers > acme.yaml\n\n"
            "  salescoach prep ACME --answers acme.yaml --no-input\n\n"
            "  salescoach prep --invite ~/Downloads/invite.ics"
        ),
        "prep:account": "Le compte client, par exemple ACME.",
        "prep:meeting_type": (
            "Type de rendez-vous : presentation, proposal-defence, discovery, negotiation, "
            "closing, "
            "dispute, account-review."
        ),
        "prep:flow": "Le parcours à suivre (par défaut : prep-flow).",
        "prep:playbook": "Parcourir un seul playbook au lieu d'un parcours.",
        "prep:quick": _H_QUICK,
        "prep:depth": _H_DEPTH,
        "prep:invite": (
            "Une invitation enregistrée depuis votre messagerie (.ics) : sa date, son heure, ses "
            "participants et la société pré-remplissent la préparation."
        ),
        "prep:answers": _H_ANSWERS,
        "prep:no_input": _H_NO_INPUT,
        "prep:example_answers": _H_EXAMPLE,
        "debrief": (
            "Enregistrer le débrief d'un rendez-vous préparé, à chaud.\n\nObjectifs atteints ou "
            "non, ce que vous avez appris à chaque niveau de l'entonnoir, objections rencontrées, "
            "engagements de part et d'autre, prochaines étapes datées, et la nouvelle phase de "
            "maturation du projet. Sans MEETING (ou avec --last) : la dernière préparation qui "
            "attend encore son débrief."
        ),
        "debrief:meeting": _H_MEETING,
        "debrief:last": "Débriefer la dernière préparation qui n'a pas encore de débrief.",
        "debrief:flow": "Le parcours à suivre (par défaut : debrief-flow).",
        "debrief:quick": _H_QUICK,
        "debrief:depth": _H_DEPTH,
        "debrief:answers": _H_ANSWERS,
        "debrief:no_input": _H_NO_INPUT,
        "debrief:example_answers": _H_EXAMPLE,
        "edit": (
            "Reparcourir une préparation ou un débrief enregistré, ses réponses proposées par "
            "défaut, et le réécrire.\n\nEntrée garde une réponse ; l'id du rendez-vous, la date de "
            "création et vos notes libres sont gardés. Avec un --depth plus profond que celui de "
            "l'enregistrement (une préparation rapide, puis --depth standard), seules les "
            "questions "
            "qu'ajoute le passage plus profond sont posées."
        ),
        "edit:meeting": _H_MEETING,
        "edit:kind": "L'enregistrement à modifier : prep | debrief.",
        "edit:depth": (
            "Aller plus loin : ne demander que ce que cette profondeur ajoute, en gardant chaque "
            "réponse."
        ),
        "resume": (
            "Reprendre une préparation ou un débrief interrompu, à la première question sans "
            "réponse.\n\nCtrl-C (ou une entrée fermée) pendant une préparation ou un débrief garde "
            "les réponses déjà données dans un brouillon. Sans DRAFT : la liste des brouillons "
            "(compte, rendez-vous, parcours, avancement, date)."
        ),
        "resume:draft_id": "Le brouillon à reprendre ; sans lui, la liste des brouillons.",
        "list": (
            "Lister les rendez-vous et leurs enregistrements, du plus récent au plus ancien.\n\n"
            "Lu dans l'index tenu à côté des données (reconstruit à la première utilisation, tenu "
            "à "
            "jour à chaque enregistrement) : cela reste rapide avec des années d'enregistrements."
        ),
        "list:account": _H_ACCOUNT,
        "list:kind": _H_KIND,
        "list:as_json": "Un tableau JSON sur la sortie standard.",
        "list:limit": (
            "Afficher au plus N enregistrements, 0 pour tous (par défaut : 50 dans le terminal, "
            "tous avec --json)."
        ),
        "show": (
            "Afficher la préparation et le débrief d'un rendez-vous.\n\n--sheet n'affiche que la "
            "fiche de préparation d'une page ; --html l'écrit en page A4 imprimable (sur la sortie "
            "standard, ou dans -o FICHIER) ; --pdf FICHIER l'imprime avec Chromium s'il est "
            "installé."
        ),
        "show:meeting": (
            "L'id du rendez-vous, ou une partie unique de cet id (voir `salescoach list`)."
        ),
        "show:kind": "Seulement la préparation ou seulement le débrief.",
        "show:as_json": "Les données des enregistrements (réponses comprises) en JSON.",
        "show:as_markdown": "Le Markdown des enregistrements, tel qu'il est enregistré.",
        "show:sheet": (
            "Seulement la fiche de préparation d'une page (paginée si elle est plus haute que "
            "l'écran)."
        ),
        "show:html": "La fiche de préparation en page HTML A4 imprimable (sortie standard ou -o).",
        "show:pdf": "Imprimer la fiche de préparation dans ce PDF (il faut Chromium).",
        "show:output": "Avec --html : écrire la page ici.",
        "search": (
            "Trouver des enregistrements par les mots de leurs réponses et de leurs notes, le plus "
            "pertinent d'abord.\n\nLa casse et les accents sont ignorés : `societe` trouve "
            "`Société`."
        ),
        "search:words": (
            'Chaque mot doit apparaître ; "une expression" entre guillemets ; negoc* pour un '
            "début de mot."
        ),
        "search:account": _H_ACCOUNT,
        "search:kind": _H_KIND,
        "search:meeting_type": "Seulement ce type de rendez-vous (discovery, negotiation…).",
        "search:since": "Seulement les rendez-vous de cette date ou après, AAAA-MM-JJ.",
        "search:until": "Seulement les rendez-vous de cette date ou avant, AAAA-MM-JJ.",
        "search:limit": "Afficher les N meilleurs enregistrements (0 : tous).",
        "search:as_json": "Les résultats en tableau JSON sur la sortie standard.",
        "search:rescan": _H_RESCAN,
        "agenda": (
            "Ce qu'il y a à faire maintenant, le plus en retard d'abord.\n\nLes prochaines étapes "
            "en "
            "retard et à venir, les comptes à recontacter selon le rythme de leur phase (d'après "
            "le "
            "playbook `phases`), les débriefs encore à écrire."
        ),
        "agenda:days": "Regarder ce nombre de jours à l'avance pour ce qui arrive.",
        "agenda:limit": "Afficher les N éléments les plus urgents (0 : tous ; --json : tous).",
        "agenda:as_json": _H_JSON,
        "agenda:today": _H_TODAY,
        "agenda:rescan": _H_RESCAN,
        "account": (
            "L'historique d'un compte, et ce qui reste ouvert avec lui.\n\nLes rendez-vous, la "
            "phase "
            "au fil du temps, les objectifs atteints, les objections rencontrées, les prochaines "
            "étapes ouvertes, et les engagements donnés et reçus."
        ),
        "account:name": "Le nom du compte ou le slug de son dossier.",
        "account:as_json": _H_JSON,
        "account:rescan": _H_RESCAN,
        "export": (
            "Exporter les enregistrements en lignes JSON ou en CSV, ou les rendez-vous et les "
            "prochaines étapes en iCalendar."
        ),
        "export:export_format": (
            "json : chaque enregistrement, un par ligne ; csv : une ligne par enregistrement ; ics "
            ": les rendez-vous (avec un rappel la veille) et les prochaines étapes comme "
            "événements d'agenda."
        ),
        "export:account": _H_ACCOUNT,
        "export:since": "Seulement les rendez-vous du AAAA-MM-JJ ou après.",
        "export:output": "Écrire dans ce fichier (par défaut : la sortie standard).",
        "export:excel": (
            "Un CSV qu'Excel ouvre d'un double clic : UTF-8 avec BOM, et `;` entre les champs en "
            "français (--lang fr), où la virgule sépare les décimales."
        ),
        "export:rescan": _H_RESCAN,
        "recap": (
            "Rédiger le message de suivi à envoyer au client, d'après le débrief du rendez-vous."
            "\n\nLes remerciements, ce qui a été convenu, les engagements des deux côtés, les "
            "prochaines étapes avec qui et quand, et la date du prochain contact, dans la langue "
            "de "
            "l'enregistrement. La formulation vient du playbook `recap`, qu'un dossier d'équipe "
            "peut "
            "remplacer.\n\nExemples :\n\n  salescoach recap 2026-12-03-acme-discovery\n\n"
            "  salescoach recap acme-discovery --format eml -o recap.eml --edit"
        ),
        "recap:meeting": _H_MEETING,
        "recap:output_format": "txt (texte brut), md (Markdown) ou eml (un e-mail à ouvrir).",
        "recap:edit": "Ouvrir d'abord le brouillon dans $VISUAL ou $EDITOR.",
        "recap:output": "Écrire dans ce fichier au lieu de la sortie standard.",
        "drill": (
            "S'entraîner sur les objections et les cartes de l'équipe entre deux rendez-vous "
            "(répétition espacée, FSRS).\n\nPour chaque carte : répondez avec vos mots (Entrée "
            "seule "
            "si vous répondez à voix haute), lisez la réponse de la bibliothèque, notez la vôtre. "
            "Les objections mal traitées dans un débrief viennent d'abord. Ctrl-C garde chaque "
            "note "
            "donnée."
        ),
        "drill:cards": "Combien de cartes pour cette séance.",
        "drill:playbook": (
            "Seulement les cartes de ce playbook : objections, un playbook de cartes de l'équipe, "
            "ou met (les objections rencontrées en débrief, absentes de la bibliothèque)."
        ),
        "drill:due": "Combien de cartes sont à revoir, et quand viennent les suivantes.",
        "drill:stats": "Par carte : révisions, dernière note, échéance, rétention.",
        "drill:as_json": "--due ou --stats en JSON.",
        "init": (
            "Préparer le dossier de données ; avec --git, le partager par un dépôt git.\n\n"
            "`salescoach init --git` fait du dossier un dépôt (son .gitignore laisse dehors les "
            "brouillons et les fichiers propres à cette machine) ; `salescoach init --git URL` "
            "clone le dépôt de l'équipe quand le dossier n'existe pas encore, ou ajoute URL comme "
            "dépôt distant d'un dossier existant."
        ),
        "init:remote": (
            "Le dépôt de l'équipe (URL ou chemin) : cloné dans un nouveau dossier, sinon ajouté "
            "comme dépôt distant du dossier."
        ),
        "init:git": "Faire du dossier un dépôt git (ou cloner DÉPÔT).",
        "sync": (
            "Partager le dossier par git : enregistrer ce qui a changé, tirer (rebase), pousser."
            "\n\nLe message du commit nomme les rendez-vous. Un fichier qui contient des marques "
            "de conflit n'est jamais enregistré ; sans dépôt distant, sans réseau ou devant un "
            "conflit, l'erreur dit quoi faire."
        ),
        "report": (
            "Rapports sur les enregistrements : objections, objectifs, phases, entonnoir, équipe."
        ),
        "report objections": (
            "La fréquence de chaque objection et la qualité de son traitement, face au top 10 du "
            "playbook : les objections absentes de la bibliothèque, les entrées jamais rencontrées."
        ),
        "report objections:as_json": _H_JSON,
        "report objections:rescan": _H_RESCAN,
        "report objectives": (
            "La part des objectifs atteints, atteints en partie et non atteints : par type de "
            "rendez-vous, par mois."
        ),
        "report objectives:as_json": _H_JSON,
        "report objectives:rescan": _H_RESCAN,
        "report phases": (
            "Le portefeuille par phase de maturation, le temps passé dans chaque phase, et les "
            "comptes bloqués."
        ),
        "report phases:stuck_after": (
            "Le nombre de jours dans une même phase qui compte comme bloqué."
        ),
        "report phases:as_json": _H_JSON,
        "report phases:today": _H_TODAY,
        "report phases:rescan": _H_RESCAN,
        "report funnel": (
            "La profondeur des découvertes : la part des débriefs qui ont des informations à "
            "chaque niveau de l'entonnoir."
        ),
        "report funnel:as_json": _H_JSON,
        "report funnel:rescan": _H_RESCAN,
        "report team": (
            "Les chiffres de chaque commercial (objectifs atteints, avancées de phase, taux de "
            "concrétisation, jours jusqu'à la signature, chiffre signé, services par client) et "
            "une note sur 5 pour chacun face à la moyenne de l'équipe (2,5 = la moyenne) ; à "
            "côté, les rendez-vous tenus et la marge face à l'objectif."
        ),
        "onboarding": (
            "Votre liste d'intégration de nouveau commercial : ce qui est fait, et ce qui reste."
            "\n\nLes onze points de la phase d'appropriation de la méthode (le playbook "
            "`appropriation`, que l'équipe peut adapter). Cochez-en un avec `onboarding done ID "
            "[--on DATE]`, décochez-le avec `onboarding undo ID`."
        ),
        "onboarding:as_json": "La liste en JSON.",
        "onboarding done": "Cocher un point de la liste, avec le jour où il a été fait.",
        "onboarding done:point": "L'identifiant du point, tel que `onboarding` le montre.",
        "onboarding done:on": "Le jour où il a été fait, AAAA-MM-JJ (par défaut : aujourd'hui).",
        "onboarding done:as_json": "La liste en JSON.",
        "onboarding undo": "Décocher un point coché par erreur.",
        "onboarding undo:point": "L'identifiant du point, tel que `onboarding` le montre.",
        "onboarding undo:as_json": "La liste en JSON.",
        "report team:homes": "Le dossier de données d'un commercial ; répétez-le pour chacun.",
        "report team:teams": (
            "Un dossier de dossiers de commerciaux (un dépôt d'équipe, ou des clones côte à "
            "côte) : chacun est lu sans que rien n'y soit écrit. Répétable."
        ),
        "report team:as_json": _H_JSON,
        "report team:today": _H_TODAY,
        "report team:rescan": _H_RESCAN,
        "next": (
            "Les prochaines étapes et leur état : lister celles qui sont ouvertes, en marquer une "
            "faite, la déplacer, l'abandonner."
        ),
        "next:account": "Les étapes d'un seul compte (nom ou slug).",
        "next:every": "Aussi les étapes faites et abandonnées, et celles des débriefs précédents.",
        "next:as_json": "Les étapes en JSON sur la sortie standard.",
        "next:today": "Compter les retards comme à cette date, AAAA-MM-JJ.",
        "next done": (
            "Marquer une prochaine étape comme faite : elle quitte l'agenda et la liste des étapes "
            "ouvertes."
        ),
        "next done:identifier": _H_STEP_ID,
        "next done:meeting": _H_STEP_MEETING,
        "next move": (
            "Donner une nouvelle échéance à une prochaine étape (le débrief garde la date convenue "
            "au départ)."
        ),
        "next move:identifier": _H_STEP_ID,
        "next move:date": "La nouvelle échéance, AAAA-MM-JJ.",
        "next move:meeting": _H_STEP_MEETING,
        "next drop": (
            "Abandonner une prochaine étape qui n'aura pas lieu : elle quitte l'agenda, le débrief "
            "la garde."
        ),
        "next drop:identifier": _H_STEP_ID,
        "next drop:meeting": _H_STEP_MEETING,
        "playbook": (
            "Écrire, vérifier et prévisualiser les playbooks (les fichiers YAML qui portent la "
            "méthode)."
        ),
        "playbook list": (
            "Lister les playbooks du chemin de recherche, d'où vient chacun, et ce qu'il remplace."
        ),
        "playbook list:as_json": "Un tableau JSON sur la sortie standard.",
        "playbook show": (
            "Afficher un playbook sous forme de plan lisible : étapes, questions, conditions et "
            "itérations."
        ),
        "playbook show:target": _H_TARGET,
        "playbook show:markdown": _H_MARKDOWN,
        "playbook validate": (
            "Vérifier des playbooks : syntaxe, schéma et références entre fichiers. Sortie 1 à la "
            "moindre erreur.\n\nChaque erreur est écrite sous la forme FICHIER:LIGNE:COL: "
            "champ.chemin: message (conseil), toutes à la fois. Chaque fichier est vérifié avec le "
            "chemin de recherche de sa langue : un dossier d'équipe est vérifié comme les "
            "commerciaux l'utiliseront, par-dessus les playbooks intégrés."
        ),
        "playbook validate:paths": _H_PATHS,
        "playbook lint": (
            "Signaler ce qui se charge mais ne marchera pas comme prévu (sortie 0 sauf avec "
            "--strict).\n\nUne question sans aide ni exemple, des versions française et anglaise "
            "qui "
            "ont divergé, une liste de référence que rien n'utilise, une bibliothèque d'objections "
            "qui n'en compte pas dix, une condition qui ne peut jamais être vraie. Les "
            "avertissements vont sur la sortie standard sous la forme FICHIER:LIGNE:COL: "
            "champ.chemin: message."
        ),
        "playbook lint:paths": _H_PATHS,
        "playbook lint:strict": "Sortie 1 s'il y a des avertissements.",
        "playbook schema": (
            "Écrire le schéma JSON du langage des playbooks, pour la complétion et les "
            "vérifications "
            "dans l'éditeur.\n\nLes playbooks intégrés commencent par `# yaml-language-server: "
            "$schema=../playbook.schema.json` ; `playbook new` et `playbook edit` écrivent le "
            "schéma "
            "à côté des playbooks d'une équipe."
        ),
        "playbook schema:output": "Écrire dans ce fichier au lieu de la sortie standard.",
        "playbook new": (
            "Créer un playbook de départ commenté, valide tel quel.\n\nIl va dans votre dossier de "
            "playbooks (ou le dossier courant si vous n'en avez pas), dans la langue choisie avec "
            "--lang. Ensuite : playbook edit ID, playbook preview ID."
        ),
        "playbook new:playbook_id": "L'id du nouveau playbook.",
        "playbook new:kind": "La nature du playbook.",
        "playbook new:directory": _H_DIRECTORY,
        "playbook edit": (
            "Modifier un playbook dans $VISUAL ou $EDITOR, et le vérifier à la fermeture de "
            "l'éditeur.\n\nUn playbook intégré est d'abord copié dans votre dossier de playbooks "
            "(le "
            "premier du fichier de réglages, de $SALESCOACH_PLAYBOOKS, de --playbooks, ou --dir), "
            "où "
            "il remplace l'intégré. En cas d'erreur, l'éditeur vous est proposé de nouveau ; un "
            "fichier laissé en erreur est signalé, jamais gardé en silence."
        ),
        "playbook edit:target": _H_TARGET,
        "playbook edit:directory": _H_DIRECTORY,
        "playbook preview": (
            "Parcourir un playbook avec des réponses d'exemple et montrer ce qu'obtiendrait le "
            "commercial. Rien n'est enregistré.\n\nLes conditions et les itérations s'appliquent "
            "comme dans une vraie séance ; un débrief est prévisualisé face à une préparation "
            "d'exemple (le parcours de préparation suivi avec ses exemples)."
        ),
        "playbook preview:target": "Une préparation, un débrief ou un parcours : id ou fichier.",
        "playbook preview:answers": (
            "Des réponses YAML (rangées par playbook) ; les exemples du playbook complètent le "
            "reste. Pour un débrief, une section `prep:` tient lieu des réponses de la préparation."
        ),
        "playbook preview:no_input": (
            "N'utiliser que --answers et les valeurs par défaut, sans exemples."
        ),
        "playbook preview:interactive": "Répondre vous-même aux questions.",
        "playbook preview:depth": "Parcourir à cette profondeur (par défaut : full).",
        "playbook preview:markdown": _H_MARKDOWN,
        "completion": "Installer la complétion du shell (bash, zsh, fish), ou écrire son script.",
        "completion install": (
            "Installer la complétion par Tab pour votre shell ; elle s'applique dans un nouveau "
            "shell."
        ),
        "completion install:shell": "bash, zsh ou fish (par défaut : le shell de $SHELL).",
        "completion show": (
            "Écrire le script de complétion d'un shell, pour le garder dans vos propres fichiers "
            "de configuration."
        ),
        "completion show:shell": "bash, zsh ou fish.",
        "config": (
            "Afficher, situer ou modifier vos réglages (langue, playbooks d'équipe, dossier de "
            "données)."
        ),
        "config show": (
            "Afficher les réglages en usage : ceux du fichier, puis la langue et le dossier qui en "
            "découlent.\n\nUn réglage invalide est signalé avec son fichier, sa ligne et sa "
            "colonne."
        ),
        "config show:as_json": "Un document JSON sur la sortie standard.",
        "config path": (
            "Écrire où est (ou serait) le fichier de réglages : $SALESCOACH_CONFIG, sinon le "
            "dossier de configuration."
        ),
        "config edit": (
            "Ouvrir le fichier de réglages dans $VISUAL ou $EDITOR (créé avec chaque réglage en "
            "commentaire), et le vérifier à la fermeture de l'éditeur ; en cas d'erreur, il vous "
            "est "
            "proposé de le rouvrir."
        ),
    },
}
"""French help for every command and option, keyed ``"report phases"`` (a command's help) and
``"report phases:stuck_after"`` (an option's, by its parameter name); ``""`` is the app. English
help is the Typer declaration itself; a test checks that every command and option has its
French here, and no entry is left over."""

CLICK: dict[str, dict[str, str]] = {
    "fr": {
        "Usage: {usage}": "Utilisation\u00a0: {usage}",
        "No such command {name}. Did you mean {names}?": (
            "commande inconnue\u00a0: {name}. Vouliez-vous dire {names}\u00a0?"
        ),
        "No such command {name}.": "commande inconnue\u00a0: {name}.",
        "Missing command.": "commande manquante.",
        "No such option: {name}": "option inconnue\u00a0: {name}",
        "{message} (Possible options: {names})": "{message} (options possibles\u00a0: {names})",
        "Missing argument {name}. {message}": "argument manquant\u00a0: {name}. {message}",
        "Missing argument {name}.": "argument manquant\u00a0: {name}.",
        "Missing option {name}. {message}": "option manquante\u00a0: {name}. {message}",
        "Missing option {name}.": "option manquante\u00a0: {name}.",
        "Missing parameter {name}.": "paramètre manquant\u00a0: {name}.",
        "Missing parameter: {name}": "paramètre manquant\u00a0: {name}",
        "Invalid value for {name}: {message}": "valeur non valable pour {name}\u00a0: {message}",
        "Invalid value: {message}": "valeur non valable\u00a0: {message}",
        "{value} is not one of {choices}.": (
            "{value} ne fait pas partie des choix\u00a0: {choices}."
        ),
        "{value} is not a valid boolean. Recognized values: {states}": (
            "{value} n'est ni oui ni non. Valeurs reconnues\u00a0: {states}"
        ),
        "{value} is not a valid {kind}.": "{value} n'est pas {kind}.",
        "{value} is not in the range {range}.": "{value} n'est pas dans l'intervalle {range}.",
        "{value} does not match the formats {formats}.": (
            "{value} ne suit aucun des formats {formats}."
        ),
        "Got unexpected extra argument(s) ({args})": (
            "{count:argument en trop|arguments en trop}\u00a0: {args}"
        ),
        "Option {name} requires an argument.": "l'option {name} attend une valeur.",
        "Option {name} requires {nargs} arguments.": "l'option {name} attend {nargs} valeurs.",
        "Option {name} does not take a value.": "l'option {name} ne prend pas de valeur.",
        "Argument {name} takes {nargs} values.": "l'argument {name} attend {nargs} valeurs.",
        "Could not open file {name}: {message}": (
            "impossible d'ouvrir le fichier {name}\u00a0: {message}"
        ),
        "Value must be an iterable.": "la valeur doit être une liste.",
        "Takes {nargs} values but {len} given.": "attend {nargs} valeurs, en a reçu {len}.",
        "{len_type} values are required, but {len_value} given.": (
            "il faut {len_type} valeurs, et non {len_value}."
        ),
        "Choose from:\n\t{choices}": "Au choix\u00a0:\n\t{choices}",
        "{kind} {name} does not exist.": "{kind} {name} n'existe pas.",
        "{kind} {name} is a file.": "{kind} {name} est un fichier.",
        "{kind} {name} is a directory.": "{kind} {name} est un dossier.",
        "{kind} {name} is not readable.": "{kind} {name} n'est pas lisible.",
        "{kind} {name} is not writable.": "{kind} {name} n'est pas accessible en écriture.",
    },
}
"""Typer's own messages (usage errors, its "Usage:" line), keyed by its English as it words
them, each field a part it fills in; ``{message}`` is itself one of these. English is Typer's
own text, shown as it is; a test checks each pattern against the errors the installed Typer
really raises. ``{count}`` is the number of ``{args}``."""

CLICK_KINDS: dict[str, dict[str, str]] = {
    "fr": {
        "integer": "un nombre entier",
        "int": "un nombre entier",
        "int range": "un nombre entier",
        "float": "un nombre",
        "float range": "un nombre",
        "boolean": "oui ou non",
        "datetime": "une date",
        "uuid": "un identifiant UUID",
        "UUID": "un identifiant UUID",
        "text": "un texte",
        "path": "un chemin",
        "file": "un fichier",
        "directory": "un dossier",
        "File": "le fichier",
        "Directory": "le dossier",
        "Path": "le chemin",
    },
}
"""The kinds of value Typer names ("… is not a valid {kind}.", "{kind} 'x' does not exist."),
in the other languages."""

REWORDED: dict[str, dict[str, str]] = {
    "fr": {
        # where: a file (a record, a playbook), a line and column in it, a field of its data
        "{path}: {message}": "{path}\u00a0: {message}",
        "(top level): {message}": "(racine)\u00a0: {message}",
        "line {line}, column {column}: {message}": (
            "ligne {line}, colonne {column}\u00a0: {message}"
        ),
        "{message} ({hint})": "{message} ({hint})",
        # a record that cannot be read
        "invalid record: {details}": "enregistrement non valable\u00a0: {details}",
        "invalid draft: {details}": "brouillon non valable\u00a0: {details}",
        "invalid account file: {details}": "fichier de compte non valable\u00a0: {details}",
        "front matter is not valid YAML: {details}": (
            "l'en-tête du fichier n'est pas du YAML valable\u00a0: {details}"
        ),
        "front matter is empty": "l'en-tête du fichier est vide",
        "it must hold the record's data": "il doit contenir les données de l'enregistrement",
        "no front matter: the file must start with a line `---`": (
            "pas d'en-tête\u00a0: le fichier doit commencer par une ligne `---`"
        ),
        "a record begins with `---`, its YAML data, then `---` again": (
            "un enregistrement commence par `---`, puis ses données YAML, puis `---` à nouveau"
        ),
        "front matter is not closed: no second `---` line after the data": (
            "en-tête non fermé\u00a0: pas de seconde ligne `---` après les données"
        ),
        "add a line `---` after the YAML data": "ajoutez une ligne `---` après les données YAML",
        "file starts with a byte-order mark (BOM)": (
            "le fichier commence par une marque d'ordre des octets (BOM)"
        ),
        "save the file as UTF-8 without BOM": "enregistrez le fichier en UTF-8 sans BOM",
        "save it as UTF-8 without BOM": "enregistrez-le en UTF-8 sans BOM",
        "save the file as UTF-8": "enregistrez le fichier en UTF-8",
        "not valid UTF-8 (byte {byte})": "UTF-8 non valable (octet {byte})",
        "front matter has no schema_version": "l'en-tête n'a pas de schema_version",
        "schema_version must be a whole number, found {value}": (
            "schema_version doit être un nombre entier, pas {value}"
        ),
        "written with record schema {version}; this salescoach reads up to {current}": (
            "écrit avec le schéma {version}\u00a0; ce salescoach lit jusqu'au schéma {current}"
        ),
        "upgrade salescoach to read it": "mettez salescoach à jour pour le lire",
        "record schema {version} is too old to be read (no migration)": (
            "le schéma {version} est trop ancien pour être lu (aucune migration)"
        ),
        "front matter must be a mapping, found {kind}": (
            "l'en-tête doit être une table (clé\u00a0: valeur), pas {kind}"
        ),
        "line {line}: git conflict markers (<<<<<<< … >>>>>>>): two versions of this file are "
        "in it, and the merge is not finished": (
            "ligne {line}\u00a0: marques de conflit git (<<<<<<< … >>>>>>>)\u00a0: deux versions "
            "du fichier y sont, et la fusion n'est pas terminée"
        ),
        "keep one version of each block and delete the marker lines, then `salescoach sync`": (
            "gardez une version de chaque bloc et supprimez les lignes de marques, puis "
            "`salescoach sync`"
        ),
        "its data says {expected} but the file is {actual}": (
            "ses données indiquent {expected}, mais le fichier est {actual}"
        ),
        "move the file back, or fix account.slug, meeting and kind in its front matter": (
            "remettez le fichier à sa place, ou corrigez account.slug, meeting et kind dans son "
            "en-tête"
        ),
        "missing: this folder has no account.yaml": (
            "manquant\u00a0: ce dossier n'a pas de account.yaml"
        ),
        # a file that cannot be read or written, a home in use
        "cannot read: {why}": "illisible\u00a0: {why}",
        "cannot read: no such file": "illisible\u00a0: ce fichier n'existe pas",
        "give the path of a file": "donnez le chemin d'un fichier",
        "file is {size} bytes, more than the {most} allowed": (
            "le fichier fait {size} octets, plus que les {most} permis"
        ),
        "split it into several files": "coupez-le en plusieurs fichiers",
        "more than the {most} characters allowed": "plus que les {most} caractères permis",
        "cannot write {path}: {why}": "impossible d'écrire {path}\u00a0: {why}",
        "check that the data home is writable and the disk is not full": (
            "vérifiez que le dossier des données est accessible en écriture et que le disque "
            "n'est pas plein"
        ),
        "cannot save {path}: {why}": "impossible d'enregistrer {path}\u00a0: {why}",
        "cannot save draft {draft}: {why}": (
            "impossible d'enregistrer le brouillon {draft}\u00a0: {why}"
        ),
        "cannot create the index {path}: {why}": "impossible de créer l'index {path}\u00a0: {why}",
        "cannot use the index {path}: {why}": "impossible d'utiliser l'index {path}\u00a0: {why}",
        "another salescoach has held {path} for {seconds} s": (
            "un autre salescoach tient {path} depuis {seconds}\u00a0s"
        ),
        "wait for it to finish, or delete the lock file if no salescoach is running": (
            "attendez qu'il ait fini, ou supprimez le fichier de verrou si aucun salescoach ne "
            "tourne"
        ),
        # YAML syntax (libyaml's words)
        "YAML syntax: {detail}": "syntaxe YAML\u00a0: {detail}",
        "YAML: {detail}": "YAML\u00a0: {detail}",
        "did not find expected ',' or ']'": "une virgule ou un «\u00a0]\u00a0» était attendu",
        "did not find expected ',' or '}'": "une virgule ou un «\u00a0}\u00a0» était attendu",
        "did not find expected key": "une clé était attendue",
        "did not find expected '-' indicator": "un tiret «\u00a0-\u00a0» était attendu",
        "could not find expected ':'": "un «\u00a0:\u00a0» était attendu",
        "mapping values are not allowed here": "un «\u00a0:\u00a0» n'est pas permis ici",
        "found character that cannot start any token": (
            "un caractère qui ne peut pas commencer une valeur"
        ),
        "found unexpected end of stream": "fin du fichier inattendue",
        "found undefined alias": "alias non défini",
        "expected <block end>, but found {found}": "fin de bloc attendue, mais trouvé {found}",
        "indent with spaces, not tabs": "indentez avec des espaces, pas des tabulations",
        "a value containing ': ' must be quoted": (
            "une valeur qui contient «\u00a0: \u00a0» doit être entre guillemets"
        ),
        "raw control character U+{code} is not allowed": (
            "caractère de contrôle U+{code} non permis"
        ),
        # the data's shape (pydantic's words)
        "Field required": "champ obligatoire",
        "Extra inputs are not permitted": "champ inconnu",
        "Input should be {first} or {last}": "la valeur doit être {first} ou {last}",
        "Input should be {expected}": "la valeur doit être {expected}",
        "Input should be a valid string": "un texte est attendu",
        "Input should be a valid integer": "un nombre entier est attendu",
        "Input should be a valid integer, unable to parse string as an integer": (
            "un nombre entier est attendu"
        ),
        "Input should be a valid integer, got a number with a fractional part": (
            "un nombre entier est attendu"
        ),
        "Input should be a valid number": "un nombre est attendu",
        "Input should be a valid number, unable to parse string as a number": (
            "un nombre est attendu"
        ),
        "Input should be a valid boolean": "oui ou non (true ou false) est attendu",
        "Input should be a valid boolean, unable to interpret input": (
            "oui ou non (true ou false) est attendu"
        ),
        "Input should be a valid dictionary": "une table (clé\u00a0: valeur) est attendue",
        "Input should be a valid list": "une liste est attendue",
        "Input should be greater than or equal to {least}": (
            "la valeur doit valoir au moins {least}"
        ),
        "Input should be less than or equal to {most}": "la valeur doit valoir au plus {most}",
        "String should have at least {count} character": (
            "{count:au moins # caractère est attendu|au moins # caractères sont attendus}"
        ),
        "String should have at least {count} characters": (
            "{count:au moins # caractère est attendu|au moins # caractères sont attendus}"
        ),
        "String should have at most {count} characters": (
            "{count:au plus # caractère est permis|au plus # caractères sont permis}"
        ),
        "String should match pattern {pattern}": "le texte doit suivre le motif {pattern}",
        "Value error, {message}": "{message}",
        # a playbook that does not load (the loader's words)
        "unknown field `{name}`": "champ inconnu\u00a0: `{name}`",
        "did you mean `{name}`?": "vouliez-vous dire `{name}`\u00a0?",
        "`{name}` is not a setting": "`{name}` n'est pas un réglage",
        "the settings are: {names}": "les réglages sont\u00a0: {names}",
        "missing required field `{name}`": "champ obligatoire manquant\u00a0: `{name}`",
        "unknown question type `{given}`; expected one of {allowed}": (
            "type de question inconnu\u00a0: `{given}`\u00a0; les types sont {allowed}"
        ),
        "`{given}` is not allowed here; expected {allowed}": (
            "`{given}` n'est pas permis ici\u00a0; attendu\u00a0: {allowed}"
        ),
        "`{given}` is not a language code": "`{given}` n'est pas un code de langue",
        "use two letters: en, fr": "deux lettres\u00a0: en, fr",
        "`{given}` is not a valid id": "`{given}` n'est pas un id valable",
        "use lower case letters, digits, `_` and `-`, starting with a letter": (
            "des minuscules, des chiffres, `_` et `-`, en commençant par une lettre"
        ),
        "must not be empty": "ne doit pas être vide",
        "expected {kind}, found {found}": "attendu\u00a0: {kind}, trouvé\u00a0: {found}",
        "the file is empty": "le fichier est vide",
        "a playbook starts with id, kind, title, language and version": (
            "un playbook commence par id, kind, title, language et version"
        ),
        "this looks like an answers file (answers under playbook ids), not a playbook": (
            "ceci ressemble à un fichier de réponses (rangées sous les id des playbooks), pas à "
            "un playbook"
        ),
        "write true or false; yes/no/on/off stay text in playbooks": (
            "écrivez true ou false\u00a0; yes/no/on/off restent du texte dans les playbooks"
        ),
        # a playbook that loads but does not hold together (the checks trainers meet most)
        "question id `{name}` is used twice in this playbook": (
            "l'id de question `{name}` sert deux fois dans ce playbook"
        ),
        "card id `{name}` is used twice in this playbook": (
            "l'id de carte `{name}` sert deux fois dans ce playbook"
        ),
        "sub-question id `{name}` is used twice in `{group}`": (
            "l'id de sous-question `{name}` sert deux fois dans `{group}`"
        ),
        "option value `{name}` is used twice": "la valeur d'option `{name}` sert deux fois",
        "{reader} names `{ref}`, which is no question of this playbook": (
            "{reader} nomme `{ref}`, qui n'est pas une question de ce playbook"
        ),
        "{reader} names `{ref}`, the question itself": "{reader} nomme `{ref}`, sa propre question",
        "{reader} names `{ref}`, a question asked later": (
            "{reader} nomme `{ref}`, une question posée plus tard"
        ),
        "name an earlier question's id": "nommez l'id d'une question posée avant",
        "name a question asked before this one": "nommez une question posée avant celle-ci",
        "a condition or iteration can only use questions asked before it; move it up": (
            "une condition ou une itération ne lit que des questions posées avant elle\u00a0; "
            "remontez-la"
        ),
    },
}
"""What the store and the playbook loader say about a file (English, worded when found, kept in
the index), by pattern, in the other languages: see :mod:`salescoach.reworded`. The English is
the code's own (or pydantic's, libyaml's); a test checks each against the errors really raised."""

REWORDED_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "Permission denied": "permission refusée",
        "No such file or directory": "fichier ou dossier introuvable",
        "Is a directory": "c'est un dossier",
        "Not a directory": "ce n'est pas un dossier",
        "No space left on device": "plus de place sur le disque",
        "Read-only file system": "système de fichiers en lecture seule",
        "File exists": "le fichier existe déjà",
        "Input/output error": "erreur d'entrée-sortie",
        "Too many open files": "trop de fichiers ouverts",
        "a folder": "un dossier",
        "not a regular file": "pas un fichier ordinaire",
        "a list": "une liste",
        "a str": "un texte",
        "a int": "un nombre",
        "a float": "un nombre",
        "a bool": "oui ou non",
        "nothing (empty)": "rien (vide)",
        "text": "un texte",
        "a whole number": "un nombre entier",
        "a number": "un nombre",
        "true or false": "true ou false",
        "a list (lines starting with `- `)": "une liste (lignes commençant par `- `)",
        "a mapping (`key: value` lines)": "une table (lignes `clé: valeur`)",
        "nothing (null)": "rien (null)",
        "a condition": "une condition",
    },
}
"""The words those patterns name as ``{why}`` (an OS error), ``{kind}`` (a kind of value) or
``{reader}`` (what reads an answer)."""
