"""What ``agenda``, ``account`` and ``report …`` do once their options are read, without Typer:
the commands of :mod:`salescoach.cli.reports` call these, and so does
:mod:`salescoach.cli.direct_reports` when it reads a plain command line itself (importing
Typer took about as long as a report over 100,000 records).

Every report has one shape: it reads from the derived index (built on first use, with a
progress bar) what it needs, computes it (:mod:`salescoach.reports.registry`), and shows it
(:mod:`salescoach.ui.reports`) — or, with ``--json``, prints it as one JSON document.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salescoach.cli.indexed import open_index
from salescoach.cli.indexed import reference as _reference
from salescoach.errors import UsageError
from salescoach.messages import message

if TYPE_CHECKING:
    from salescoach.cli.state import AppState
    from salescoach.reports.registry import Given
    from salescoach.reports.team import Practice


def report(
    app_state: AppState,
    name: str,
    as_json: bool,
    rescan: bool,
    today: str | None = None,
    account: str | None = None,
    **options: Any,
) -> None:
    """Every report over one home: read what it needs from the index, compute, show."""
    from salescoach.reports.registry import REPORTS, Given

    chosen = REPORTS[name]
    slug = account_slug(app_state, account) if account is not None else None
    if account is not None:
        options["account"] = account
    given = Given(lambda: _reference(app_state), day(today, app_state.language), options)
    if chosen.reads_reference:  # read now: a broken playbook is told before the index opens
        given.reference  # noqa: B018
    with open_index(app_state.data_home, rescan, app_state.language) as index:
        found = chosen.result(index, given, slug)
    if as_json:
        from salescoach.ui.reports import json_report

        json_report(chosen.unwalked(found))
        return
    _show(name, found, given, False, app_state.language)


def _show(name: str, found: Any, given: Given, as_json: bool, language: str) -> None:
    if as_json:
        from salescoach.ui.reports import json_report

        json_report(found)
        return
    from salescoach.ui.pager import paged
    from salescoach.ui.reports import RENDERERS

    with paged():
        RENDERERS[name](found, given, language)


def team(
    app_state: AppState,
    homes: list[Path],
    teams: list[Path],
    as_json: bool,
    today: str | None,
    rescan: bool,
) -> None:
    """``report team``: each rep's figures from their home (``homes``, and every home in each of
    ``teams``) and their scores against the team average."""
    from salescoach.reports import team as scoring
    from salescoach.reports.registry import Given

    homes = [*homes, *_team_homes(teams, app_state.language)]
    if not homes:
        raise UsageError(message(app_state.language, "team_needs_homes"))
    given = Given(_reference(app_state), day(today, app_state.language))
    figures = []
    for name, home in _rep_names(homes):
        with open_index(home, rescan, app_state.language) as index:
            found = scoring.indexed_activity(index, given.reference, given.today)
        practice = _practice(home, given.today, app_state.language)
        onboarding = _onboarding(home, app_state)
        figures.append(scoring.rep_figures_of(name, found, given.reference, practice, onboarding))
    _show("team", scoring.team(figures, given.reference), given, as_json, app_state.language)


def _onboarding(home: Path, app_state: AppState) -> tuple[int, int] | None:
    """A rep's integration checklist (done, total); a warning and none when it is unreadable.
    A rep who never opened it has none, found without loading the playbooks."""
    from salescoach.store.layout import ONBOARDING_FILE

    if not (home / ONBOARDING_FILE).exists():
        return None
    from salescoach.errors import RecordError
    from salescoach.onboarding import progress

    try:
        return progress(home, app_state.library)
    except RecordError as error:
        from salescoach.ui import render

        render.skipped(app_state.language, [str(error)])
        return None


def _team_homes(teams: list[Path], language: str) -> list[Path]:
    """The reps' homes in each ``--team`` folder; a folder holding none is a usage error."""
    from salescoach.paths import expand
    from salescoach.store.layout import homes_under

    found: list[Path] = []
    for team in teams:
        homes = homes_under(expand(team).absolute())
        if not homes:
            raise UsageError(
                message(language, "team_no_homes", team=team),
                hint=message(language, "team_no_homes_hint"),
            )
        found += homes
    return found


def _practice(home: Path, day: dt.date, language: str) -> Practice | None:
    """A rep's drill practice; a warning and no figure when their drill file is unreadable.
    A rep who never practised has no drill file: no practice, found without reading one."""
    import os

    from salescoach.reports.team import Practice
    from salescoach.store.layout import DRILL_FILE

    if not os.path.lexists(home / DRILL_FILE):
        return Practice(0, None)
    from salescoach.drill.figures import practice
    from salescoach.drill.log import read_log
    from salescoach.errors import RecordError

    try:
        return practice(read_log(home), day)
    except RecordError as error:
        from salescoach.ui import render

        render.skipped(language, [str(error)])
        return None


def account_slug(app_state: AppState, name: str) -> str:
    """The folder of the existing account ``name`` (slug or name); NotFoundError otherwise. Found
    without loading the store's models when its ``account.yaml`` reads plainly (see
    :mod:`salescoach.store.lookup`)."""
    from salescoach.store.lookup import existing_slug

    return existing_slug(app_state.data_home, name) or app_state.repository.find_account(name).slug


def _rep_names(homes: list[Path]) -> list[tuple[str, Path]]:
    """Each home with a rep name: its folder's name, or more of its path if two share it."""
    from salescoach.paths import expand

    resolved = [expand(home).absolute() for home in homes]
    for given, home in zip(homes, resolved, strict=True):
        # A rep who has only practised, or not started, is still a rep; a typo is not.
        if not home.is_dir():
            what = "does not exist" if not home.exists() else "is not a folder"
            raise UsageError(
                f"--home {given}: {what}; it is not a rep's salescoach home",
                hint="give each rep's data home, the folder that holds accounts/",
            )
    names = [home.name for home in resolved]
    return [
        (name if names.count(name) == 1 else str(home), home)
        for name, home in zip(names, resolved, strict=True)
    ]


def day(value: str | None, language: str, option: str = "--today") -> dt.date:
    """The day an option gives (``YYYY-MM-DD``; today when not given); a usage error otherwise."""
    if value is None:
        return dt.date.today()
    from salescoach.store.facts import parse_day

    found = parse_day(value)
    if found is None:
        raise UsageError(message(language, "bad_date", option=option, given=value))
    return found
