"""The wheel carries the built-in playbooks: installed outside the source tree, it finds them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installed_outside_the_tree_finds_its_playbooks(tmp_path: Path) -> None:
    wheels = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("salescoach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "salescoach/playbooks/en/meeting.yaml" in names
    assert "salescoach/playbooks/fr/meeting.yaml" in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    listed = subprocess.run(
        [sys.executable, "-m", "salescoach", "playbook", "list", "--json"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    builtins = [row for row in rows if row["origin"] == "built-in"]
    assert {"meeting", "opa", "debrief"} <= {row["id"] for row in builtins}
    assert all(row["path"].startswith(str(target)) for row in builtins)
