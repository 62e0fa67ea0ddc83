"""Views of ``sochelp content links``."""

from __future__ import annotations

from sochelp.content.links import LinkResult, Outcome
from sochelp.render import View


def links_text(results: tuple[LinkResult, ...]) -> str:
    """Every address that failed or moved, where the content uses it, then a count."""
    bad = [r for r in results if r.outcome is not Outcome.OK]
    lines: list[str] = []
    for result in bad:
        label = "MOVED " if result.outcome is Outcome.MOVED else "FAILED"
        lines.append(f"{label} {result.url}")
        lines.append(f"       {result.detail}")
        lines.extend(f"       used in {place}" for place in result.used_in)
    moved = sum(1 for r in bad if r.outcome is Outcome.MOVED)
    failed = len(bad) - moved
    lines.append("")
    lines.append(
        f"Checked {len(results)} web addresses: {len(results) - len(bad)} fine, "
        f"{moved} moved to another site, {failed} failed."
    )
    return "\n".join(lines) + "\n"


LINKS_VIEW: View[tuple[LinkResult, ...]] = View(tuple[LinkResult, ...], links_text)
