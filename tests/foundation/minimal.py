"""A small, valid content tree for tests of the content store and validation."""

from __future__ import annotations

from pathlib import Path

CONTACTS = """
[[contact]]
id = "uk-line"
name = "UK Line"
regions = ["scotland", "england-wales", "northern-ireland"]
phone = "0800 000 000"
purpose = "Test contact for everyone."
source = "https://example.org/uk-line"
checked = 2026-01-01

[[contact]]
id = "scot-line"
name = "Scottish Line"
regions = ["scotland"]
web = "https://example.org/scot"
purpose = "Test contact for Scotland."
source = "https://example.org/scot"
checked = 2026-01-01
"""

SITUATIONS = """
[[situation]]
id = "test-case"
title = "A test situation"
summary = "Used by tests."
keywords = ["test thing"]
steps = ["First do this.", "Then that."]
signs = ["test-guide"]

[situation.regions.scotland]
contacts = ["scot-line", "uk-line"]

[situation.regions.england-wales]
steps = ["English step."]
contacts = ["uk-line"]

[situation.regions.northern-ireland]
contacts = ["uk-line"]
"""

BANNER = """
[[banner]]
id = "immediate-danger"
title = "Danger? Call 999"
lines = ["Call 999."]
source = "https://example.org/999"
checked = 2026-01-01
"""

GUIDE = """
[[guide]]
id = "test-guide"
title = "Test guide"
summary = "Signs for tests."
keywords = ["testing"]
do = ["Tell someone."]
dont = ["Do not confront anyone."]
report_situation = "test-case"
sources = ["https://example.org/guide"]
checked = 2026-01-01

[[guide.groups]]
kind = "Behaviour"
signs = ["Acts oddly."]
"""

RED_FLAGS = """
[[red_flag]]
id = "urgency"
name = "Rush"
explanation = "Pushed to act now."
"""

FILES = {
    "contacts/main.toml": CONTACTS,
    "situations/main.toml": SITUATIONS,
    "emergency/banner.toml": BANNER,
    "signs/main.toml": GUIDE,
    "red_flags/red_flags.toml": RED_FLAGS,
}


def write_minimal_content(root: Path) -> Path:
    """Write the minimal valid content tree under ``root`` and return ``root``."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
