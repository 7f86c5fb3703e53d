"""The JSON Schema of the playbook language, generated from the models (never written by hand).

``playbooks/playbook.schema.json`` is this text, committed so editors find it beside the
built-in playbooks; a test keeps the two equal. Regenerate it with
``salescoach playbook schema -o playbooks/playbook.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from salescoach.playbook.model import Playbook

SCHEMA_ID = "https://salescoach.invalid/playbook.schema.json"
SCHEMA_FILE = "playbook.schema.json"
"""The schema's file name, beside a directory of playbooks (built-in or a team's)."""


def playbook_schema() -> dict[str, Any]:
    """The schema an editor uses to complete and check a playbook file as it is typed."""
    schema = Playbook.model_json_schema(by_alias=True)
    labels = schema["$defs"]["Question"]["properties"]["labels"]["anyOf"][0]
    # YAML keys of scale labels are numbers; an editor sees them as strings of digits.
    labels.setdefault("propertyNames", {"pattern": "^-?[0-9]+$"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "salescoach playbook",
    }


def schema_text() -> str:
    """The schema as the JSON text written to ``playbook.schema.json``."""
    return json.dumps(playbook_schema(), ensure_ascii=False, indent=2) + "\n"
