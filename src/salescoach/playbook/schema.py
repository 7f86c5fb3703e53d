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


YAML_ASSUMPTIONS = (
    "A salescoach playbook, written in YAML and read strictly. This schema checks the data "
    "once YAML has been read with these rules, which differ from YAML 1.1 readers: only "
    "unquoted `true` and `false` are booleans (`yes`, `no`, `on`, `off` stay text); dates "
    "such as 2026-12-03 stay text; numbers are numbers; `null`, `~` or nothing is empty; "
    "anchors, aliases, duplicate keys and several documents in one file are refused. A "
    "validator that reads YAML 1.1 (yes as true) may disagree with salescoach: "
    "`salescoach playbook validate` is the reference, with cross-file checks this schema "
    "cannot express."
)
"""What a validator outside salescoach must assume about the YAML it reads."""


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
        "description": YAML_ASSUMPTIONS,
    }


def schema_text() -> str:
    """The schema as the JSON text written to ``playbook.schema.json``."""
    return json.dumps(playbook_schema(), ensure_ascii=False, indent=2) + "\n"
