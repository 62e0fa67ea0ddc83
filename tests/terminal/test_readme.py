"""The README's examples are what sochelp really prints (docs/readme_examples.py)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_readme_examples_match_the_program() -> None:
    out = subprocess.run(
        [sys.executable, str(REPO / "docs" / "readme_examples.py")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "differences" in out.stdout and not out.stdout.startswith("0 examples")
