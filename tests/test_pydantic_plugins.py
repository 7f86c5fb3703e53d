"""salescoach lets pydantic find no plugins without searching every installed package's entry
points for them (:mod:`salescoach`): reading and validating a record imports no
``importlib.metadata``, and validation is what it was."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
{before}
from salescoach.store.record import Record
from pydantic import ValidationError
try:
    Record.model_validate({{"kind": "nonsense"}})
except ValidationError as error:
    refused = error.error_count() > 0
else:
    refused = False
loader = sys.modules["pydantic.plugin._loader"]
print(refused, "importlib.metadata" in sys.modules, "PYDANTIC_ENTRY_POINT_GROUP" in vars(loader))
"""


def _probe(before: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(before=before)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_record_is_validated_without_looking_for_plugins() -> None:
    assert _probe() == "True False False"


def test_a_plugin_loader_imported_before_salescoach_is_left_as_it_is() -> None:
    assert _probe("import pydantic.plugin._loader") == "True True True"


def test_a_name_the_stand_in_lacks_comes_from_pydantics_own_loader() -> None:
    """A later pydantic asking its loader for more than ``get_plugins`` still gets an answer."""
    probe = (
        "import salescoach, sys\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "print(PYDANTIC_ENTRY_POINT_GROUP, hasattr(sys.modules['pydantic.plugin._loader'], "
        "'__file__'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["pydantic", "True"]
