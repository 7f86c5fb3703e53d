"""Prompts a rep answers, by meeting type and depth: the real engine walked by a counting prompter.

Every prep flow of the built-in playbooks (or a team's, with ``--playbooks DIR``) is walked at
quick, standard and full depth for each meeting type, then its debrief against that prep. The
convention is the budget's (see ``salescoach.session.budget``): every list gets one item and is
then ended, every group one entry, every choice list its fewest picks, every optional question an
answer; each prompt counts, the empty line that ends a list and "add another?" included. The
account and the meeting type are given on the command line (``prep ACME --type negotiation``);
asked at a prompt, each adds one. A debrief is walked once per outcome (going on, won, lost):
the first table shows its longest path, the second each path. The script prints the tables
(Markdown) and exits 1 when a walk is over its budget.

Usage::

    python benchmarks/prompts.py [--lang en|fr] [--playbooks DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from salescoach.playbook.library import Library, search_path
from salescoach.playbook.model import Depth
from salescoach.session.budget import budget, outcome_paths, prompt_table

MEETING_TYPES = [
    "presentation",
    "proposal-defence",
    "discovery",
    "negotiation",
    "closing",
    "dispute",
    "account-review",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", choices=["en", "fr"])
    parser.add_argument("--playbooks", type=Path, action="append", default=[])
    options = parser.parse_args()
    library = Library.load(options.lang, search_path(options.lang, option_dirs=options.playbooks))
    table = prompt_table(library, MEETING_TYPES)
    columns = [f"{kind} {depth}" for kind in ("prep", "debrief") for depth in Depth]
    print("| meeting type | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    over: list[str] = []
    for meeting_type, row in table.items():
        cells = []
        for column in columns:
            kind, _, depth = column.partition(" ")
            most = budget(kind, meeting_type, Depth(depth))
            count = row[column]
            if most is not None and count > most:
                over.append(f"{meeting_type} {column}: {count} > {most}")
            cells.append(f"{count}" + ("" if most is None else f" / {most}"))
        print(f"| {meeting_type} | " + " | ".join(cells) + " |")
    outcomes = outcome_paths(library)
    if outcomes:
        paths = [f"debrief {depth} {outcome}" for depth in Depth for outcome in outcomes]
        print()
        print("| meeting type | " + " | ".join(paths) + " |")
        print("| --- |" + " ---: |" * len(paths))
        for meeting_type, row in table.items():
            cells = []
            for column in paths:
                most = budget("debrief", meeting_type, Depth(column.split()[1]))
                count = row[column]
                if most is not None and count > most:
                    over.append(f"{meeting_type} {column}: {count} > {most}")
                cells.append(f"{count}" + ("" if most is None else f" / {most}"))
            print(f"| {meeting_type} | " + " | ".join(cells) + " |")
    for line in over:
        print(f"over budget: {line}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
