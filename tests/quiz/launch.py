"""Run the real sochelp CLI with the test fixture content as the bundled content (for pexpect
and subprocess tests, which cannot monkeypatch the process they start)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import sochelp.content.store as content_store

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "content"

if __name__ == "__main__":
    root = Path(os.environ.get("SOCHELP_TEST_BUNDLED", str(FIXTURE)))
    content_store.bundled_root = lambda: root
    from sochelp.cli import main

    sys.exit(main(sys.argv[1:]))
