"""Run the real sochelp CLI with the test fixture content (``tests/data/content``) as its
bundled content: for terminal and subprocess tests, which cannot monkeypatch the process they
start. Used through ``tests.conftest.spawn_sochelp(..., fixture=True)``."""

from __future__ import annotations

import sys
from pathlib import Path

import sochelp.content.store as content_store

FIXTURE = Path(__file__).resolve().parent / "data" / "content"

if __name__ == "__main__":
    content_store.bundled_root = lambda: FIXTURE
    from sochelp.cli import main

    sys.exit(main(sys.argv[1:]))
