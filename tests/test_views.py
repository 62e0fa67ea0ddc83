"""Every view of every result type, in all three modes, says the same facts.

The results come from the golden command lines (real commands on the fixture content); each is
drawn as JSON, plain text and rich (into a recording console), and every fact the plain view
states (numbers, phone numbers, addresses, links, verdicts) must be in the rich view too.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import sochelp.content.store as content_store
import sochelp.render as render
from sochelp.render import View
from tests.foundation.minimal import FIXTURE
from tests.golden.cases import CASES, Case, run_case

_FACTS = re.compile(
    r"https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ]{6,}\d|\d+(?:[.,]\d+)*%?"
    r"|\b(?:scam|suspicious|breached|weak|overconfident|underconfident|yes|partly|no)\b",
    re.IGNORECASE,
)


def _squash(text: str) -> str:
    """Text without white space or box drawing, so layout cannot hide a fact."""
    return re.sub(r"[\s\u2500-\u257f•✓✗]+", "", text).rstrip(".,;:)")


def facts(text: str) -> set[str]:
    """The facts stated in a plain view."""
    return {_squash(m.group(0)).rstrip(".,;:)\"'") for m in _FACTS.finditer(text)} - {""}


def _recorded(case: Case, tmp: Path) -> list[tuple[View[Any], Any]]:
    shown: list[tuple[View[Any], Any]] = []
    real_show = render.show

    def record(view: View[Any], result: Any, mode: object, env: object) -> None:
        shown.append((view, result))
        real_show(view, result, mode, env)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "show", record)
        run_case(case, tmp, normalised=False)
    return shown


def _rich_text(view: View[Any], result: Any) -> str:
    from rich.console import Console

    console = Console(file=io.StringIO(), width=500, record=True, color_system="truecolor")
    assert view.as_rich is not None
    console.print(view.as_rich(result))
    return console.export_text()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_view_states_the_same_facts(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(content_store, "bundled_root", lambda: FIXTURE)
    shown = _recorded(case, tmp_path)
    assert shown, f"{case.name} showed no result"
    for view, result in shown:
        data = view.as_json(result)
        json.dumps(data)  # JSON-ready
        plain = view.as_text(result)
        assert plain.strip() and "\x1b[" not in plain
        if view.as_rich is None:
            continue
        rich = _squash(_rich_text(view, result)).lower()
        missing = sorted(f for f in facts(plain) if f.lower() not in rich)
        assert not missing, f"in the plain view but not the rich one: {missing}"
