"""The JSON Schema of the playbook language, generated from the models (never written by hand)."""

from __future__ import annotations

from typing import Any

from salescoach.playbook.model import Playbook

SCHEMA_ID = "https://salescoach.invalid/playbook.schema.json"


def playbook_schema() -> dict[str, Any]:
    """The schema an editor uses to complete and check a playbook file as it is typed."""
    schema = Playbook.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "salescoach playbook",
        **schema,
    }
