"""Write the hashed eight-word shingles of the method's source, for the paraphrase test.

The built-in playbooks paraphrase a French source text that the project may not ship. The test
``tests/playbooks/test_paraphrase.py`` fails when a playbook string shares eight consecutive words
with it; to run from a fresh clone without the source, it compares hashes, not text. Run this once
when the source changes::

    python tools/method_shingles.py ../shared/method/*.txt > tests/fixtures/method-shingles.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.playbooks.shingles import shingle_hashes  # noqa: E402


def main(paths: list[str]) -> int:
    """Print the sorted, unique shingle hashes of the given files, one per line."""
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    hashes: set[str] = set()
    for path in paths:
        hashes |= shingle_hashes(Path(path).read_text(encoding="utf-8"))
    sys.stdout.write("".join(f"{digest}\n" for digest in sorted(hashes)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
