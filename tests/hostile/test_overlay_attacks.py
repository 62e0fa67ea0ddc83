"""A local content folder written to attack the terminal, shown by every view that reads content.

The overlay (tests/hostile/overlay.py) puts markup (``[link=…]``, ``[blink]``, ``[conceal]``),
raw ESC/OSC/DCS sequences, C1 controls, a carriage return, backspaces and bidi overrides, all
written as TOML escapes, into every text of a contact, a situation, a signs guide, a check-up
item and a quiz question. Each command runs in a real pseudo-terminal, in colour and with
NO_COLOR; the output goes through a terminal emulator. Nothing may turn into a live link,
blinking or hidden text, or a sequence sochelp does not write itself; each trick is shown as text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.conftest import finish, run_cli, spawn_sochelp
from tests.hostile.overlay import VISIBLE, write_overlay
from tests.hostile.terminal import blinking_cells, foreign_sequences, screen_text

pytestmark = pytest.mark.pty

#: (command, answers to type, words of sochelp's own that must still be on screen)
COMMANDS: dict[str, tuple[list[str], list[str], tuple[str, ...]]] = {
    "report": (["report", "hostile-case"], [], ("What to do now", "From your local content")),
    "signs": (["signs", "hostile-guide"], [], ("What to do", "What not to do")),
    "checkup": (["checkup", "individual", "--no-save"], ["n"] * 12, ("Overall score",)),
    "scam-quiz": (
        ["scam-quiz", "--topic", "hostile-topic", "--count", "1", "--no-save", "--seed", "1"],
        ["A"],
        ("Question 1 of 1", "Score"),
    ),
}


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    return write_overlay(tmp_path / "local")


def _run(overlay: Path, name: str, *, colour: bool) -> str:
    args, answers, _ = COMMANDS[name]
    plain = None if colour else {"TERM": "dumb"}  # NO_COLOR alone keeps the rich layout
    child = spawn_sochelp(
        "--content-dir", str(overlay), *args, fixture=True, colour=colour, env=plain
    )
    child.logfile_read = io.StringIO()  # everything the program wrote, from the start
    for answer in answers:
        child.expect("Your answer")
        child.sendline(answer)
    finish(child)
    raw = child.logfile_read.getvalue()
    assert child.exitstatus == 0, raw[-2000:]
    return raw


@pytest.mark.parametrize("colour", [True, False], ids=["rich", "plain"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_hostile_overlay_text_is_shown_never_obeyed(overlay: Path, name: str, colour: bool) -> None:
    raw = _run(overlay, name, colour=colour)
    text = screen_text(raw)
    assert not foreign_sequences(raw), foreign_sequences(raw)[:5]
    assert "\x1b]" not in raw  # no hyperlink, clipboard, title: no OSC at all
    assert blinking_cells(raw) == 0
    for visible in VISIBLE:
        assert visible in text, visible
    for own in COMMANDS[name][2]:
        assert own in text
    if not colour:
        assert "\x1b" not in raw


def test_hostile_overlay_json_carries_no_control_characters(overlay: Path) -> None:
    import json

    import sochelp.content.store as content_store
    from tests.foundation.minimal import FIXTURE

    original = content_store.bundled_root
    content_store.bundled_root = lambda: FIXTURE  # type: ignore[assignment]
    try:
        done = run_cli(["--content-dir", str(overlay), "report", "hostile-case", "--json"])
    finally:
        content_store.bundled_root = original  # type: ignore[assignment]
    assert done.exit_code == 0
    assert not re.search(r"\\u00[01][0-9a-f]|\\u007f", done.stdout)  # no escaped control
    data = json.loads(done.stdout)
    local = [c for c in data["contacts"] if c["local"]]
    assert len(local) == 1 and local[0]["name"].startswith("Evil [link=")
    assert "\u202e" not in done.stdout and "\x1b" not in done.stdout


def test_documents_exported_from_hostile_content_hold_no_control_characters(
    overlay: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sochelp.content.store as content_store
    from sochelp.render import safe
    from tests.foundation.minimal import FIXTURE

    monkeypatch.setattr(content_store, "bundled_root", lambda: FIXTURE)
    base = ["--content-dir", str(overlay)]
    plan = run_cli(
        [
            *base,
            "checkup",
            "individual",
            "--export",
            "markdown",
            "--remind",
            str(tmp_path / "c.ics"),
        ],
        input="n\n" * 12,
    )
    sheet = run_cli([*base, "scam-quiz", "--topic", "hostile-topic", "--export", "markdown"])
    leaflet = tmp_path / "leaflet.html"
    made = run_cli([*base, "report", "hostile-case", "--export", "html", "--output", str(leaflet)])
    for done in (plan, sheet, made):
        assert done.exit_code == 0, done.stderr
    documents = {
        "plan": plan.stdout,
        "sheet": sheet.stdout,
        "calendar": (tmp_path / "c.ics").read_bytes().decode("utf-8"),
        "leaflet": leaflet.read_text(encoding="utf-8"),
    }
    for name, text in documents.items():
        assert "\x1b" not in text and "\u202e" not in text and "\u009b" not in text, name
        assert safe.is_safe(text.replace("\r\n", "\n")), name
    assert "&lt;U+001B&gt;" in documents["leaflet"]
    assert "<U+001B>" in documents["plan"] and "<U+001B>" in documents["sheet"]


def test_the_room_screen_shows_hostile_content_as_text(overlay: Path) -> None:
    args = ["scam-quiz", "--present", "--topic", "hostile-topic", "-n", "1"]
    child = spawn_sochelp("--content-dir", str(overlay), *args, fixture=True)
    child.logfile_read = io.StringIO()
    child.expect("How many people")
    child.sendline("5")
    for keys in ("r", "q"):
        child.expect(r"\[Enter next")
        child.sendline(keys)
    finish(child)
    raw = child.logfile_read.getvalue()
    assert child.exitstatus == 0
    assert "\x1b[?1049h" in raw  # the full-screen view really ran
    assert not foreign_sequences(raw, allow_screen_control=True)
    assert "\x1b]" not in raw and blinking_cells(raw) == 0
    assert "[blink]now[/blink]" in screen_text(raw)
