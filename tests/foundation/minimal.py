"""The one fixture content tree (``tests/data/content``), copied where a test needs to edit it."""

from __future__ import annotations

import shutil
from pathlib import Path

#: A small, valid and self-consistent content tree that stands in for the bundled content.
FIXTURE = Path(__file__).resolve().parents[1] / "data" / "content"


def write_minimal_content(root: Path) -> Path:
    """Copy the fixture content tree to ``root`` (so a test may edit it) and return ``root``."""
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return root
