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
from tests.golden.cases import CASES, STRONG, Case, run_case


def _strong_export(tmp: Path) -> list[str]:
    path = tmp / "strong.txt"
    path.write_text(f"{STRONG}\nAnother-Quite-Long-Unique-Pass-77?\n", encoding="utf-8")
    return [str(path)]


def _mixed_export(tmp: Path) -> list[str]:
    path = tmp / "mixed.txt"
    path.write_text(f"{STRONG}\npassword1\npassword1\n", encoding="utf-8")
    return [str(path)]


#: Results whose views once said things differently; not pinned as golden JSON, drawn here only.
VIEW_CASES = (
    *CASES,
    Case("checkup-all-yes", ("checkup", "individual", "--no-save", "--json"), "y\n" * 60),
    Case("audit-nothing-to-fix", ("audit", "--no-breach-check", "--json"), setup=_strong_export),
    Case("audit-some-fine", ("audit", "--no-breach-check", "--json"), setup=_mixed_export),
    Case(
        "password-below-minimum",
        ("password", "--no-breach-check", "--min-score", "4", "--json"),
        "Sunflower-1987\n",
    ),
    Case(
        "message-many-links",
        ("check-message", "--json"),
        "Links: " + " ".join(f"https://site{n}.example.com/" for n in range(60)),
    ),
)

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


@pytest.mark.parametrize("case", VIEW_CASES, ids=[c.name for c in VIEW_CASES])
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


_SENTENCE = re.compile(r"[A-Z0-9][^.!?\n]{20,}[.!?](?=\s|$)")


_LABEL = re.compile(r"^[A-Z][\w ]{0,20}:\s+")


def sentences(text: str) -> set[str]:
    """Whole sentences of the plain view (capitalised, at least 20 characters, ending . ! ?),
    without a leading ``Label:`` (the rich view puts labels in a column of their own)."""
    unwrapped = re.sub(r"\n[ \t]+(?=[a-z(])", " ", text)  # join lines a plain view wrapped
    return {_LABEL.sub("", m.group(0)) for m in _SENTENCE.finditer(unwrapped)}


@pytest.mark.parametrize("case", VIEW_CASES, ids=[c.name for c in VIEW_CASES])
def test_every_sentence_of_the_plain_view_is_in_the_rich_view(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both views build their sentences from the same helpers, so none is said differently
    (or only in one of them)."""
    monkeypatch.setattr(content_store, "bundled_root", lambda: FIXTURE)
    checked = 0
    drawn = [(view, result) for view, result in _recorded(case, tmp_path) if view.as_rich]
    for view, result in drawn:
        assert view.as_rich is not None
        rich = _squash(_rich_text(view, result)).lower()
        found = sentences(view.as_text(result))
        checked += len(found)
        missing = sorted(s for s in found if _squash(s).lower() not in rich)
        assert not missing, f"said in the plain view only: {missing}"
    # Lists (of situations, guides, topics) have no sentences; every other view has some.
    assert checked or not drawn or case.name in {"report-list", "signs-list", "quiz-topics"}


def test_a_score_below_the_minimum_is_said_the_same_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(content_store, "bundled_root", lambda: FIXTURE)
    case = next(c for c in VIEW_CASES if c.name == "password-below-minimum")
    ((view, result),) = _recorded(case, tmp_path)
    assert "below the minimum of 4" in view.as_text(result)
    assert "below the minimum of 4" in _rich_text(view, result)
