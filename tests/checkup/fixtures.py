"""Small content trees for check-up tests: every audience with enough valid items."""

from __future__ import annotations

from pathlib import Path

from sochelp.content.store import ContentStore
from sochelp.content.types import Audience
from sochelp.scopes import Activity, audiences_for

SITUATION = """
[[situation]]
id = "fraud-loss"
title = "Lost money"
summary = "Used by tests."
keywords = ["money"]
steps = ["Call your bank."]
[situation.regions.scotland]
contacts = ["line"]
[situation.regions.england-wales]
contacts = ["line"]
[situation.regions.northern-ireland]
contacts = ["line"]
"""

CONTACT = """
[[contact]]
id = "line"
name = "A line"
regions = ["scotland", "england-wales", "northern-ireland"]
phone = "0800 000 000"
purpose = "Tests."
source = "https://example.org/line"
checked = 2026-01-01
"""

GUIDE = """
[[guide]]
id = "money-mule"
title = "Money mules"
summary = "Signs."
do = ["Tell someone."]
dont = ["Do not confront anyone."]
report_situation = "fraud-loss"
sources = ["https://example.org/guide"]
checked = 2026-01-01
[[guide.groups]]
kind = "Behaviour"
signs = ["Easy money offers."]
"""

SOC_TOPICS = ["procurement", "licensing", "vetting", "information-sharing", "staff-awareness"]


def item_toml(
    item_id: str,
    audience: str,
    *,
    section: str = "Basics",
    effort: int = 1,
    impact: int = 2,
    extra: str = "",
    question: str | None = None,
    why: str = "It matters. It really does.",
    link: str = "https://example.org/source",
) -> str:
    """One [[item]] table; ``extra`` adds raw TOML lines."""
    return f"""
[[item]]
id = "{item_id}"
audience = "{audience}"
section = "{section}"
title = "Do {item_id}"
question = "{question or f"Have you done {item_id}?"}"
why = "{why}"
steps = ["First step for {item_id}.", "Second step."]
effort = {effort}
impact = {impact}
links = ["{link}"]
checked = 2026-01-01
{extra}
"""


def audience_file(audience: Audience, count: int = 8) -> str:
    """A valid checklist for one audience (public-body gets its SOC section)."""
    parts = []
    for n in range(count):
        extra = ""
        section = "Basics"
        if audience is Audience.PUBLIC_BODY and n < len(SOC_TOPICS):
            section = "Serious organised crime self-assessment"
            extra = f'topics = ["{SOC_TOPICS[n]}"]'
        parts.append(
            item_toml(f"{audience.value}-{n}", audience.value, section=section, extra=extra)
        )
    return "".join(parts)


def write_tree(root: Path, overrides: dict[str, str] | None = None) -> Path:
    """Write a complete, valid tree under ``root``; ``overrides`` replaces or adds files."""
    files = {
        "situations/s.toml": SITUATION,
        "contacts/c.toml": CONTACT,
        "signs/g.toml": GUIDE,
    }
    for audience in audiences_for(Activity.CHECKUP):
        files[f"checkup/{audience.value}.toml"] = audience_file(audience)
    files.update(overrides or {})
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def store_for(root: Path, overrides: dict[str, str] | None = None) -> ContentStore:
    """A content store whose bundled content is a fresh test tree."""
    return ContentStore(bundled=write_tree(root, overrides))
