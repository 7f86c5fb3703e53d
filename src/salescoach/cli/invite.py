"""``prep --invite FILE.ics``: an invitation saved from a mail client pre-fills a prep."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from salescoach.cli.state import AppState


def invitation_answers(
    app_state: AppState, path: Path, account: str | None, answers: Mapping[str, Any] | None
) -> tuple[str | None, dict[str, dict[str, Any]]]:
    """``prep --invite``: the account and the answers an invitation pre-fills (the ACCOUNT
    argument and an answers file win over it), said on standard error."""
    import os

    from salescoach.messages import message
    from salescoach.reports.calendar import read_invitation
    from salescoach.ui.render import say
    from salescoach.workflow import merge_prefill

    own = app_state.settings.email or os.environ.get("EMAIL", "")
    invitation = read_invitation(path.expanduser(), [own] if own else [])
    account = account or invitation.account
    when = " ".join(filter(None, (invitation.date, invitation.time)))
    said = message(
        app_state.language,
        "invitation_read",
        when=when,
        account=account or "?",
        count=len(invitation.contacts),
    )
    say(said, "hint")
    return account, merge_prefill(invitation.answers(), answers or {})
