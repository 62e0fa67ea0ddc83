"""A scam message that tries to rewrite sochelp's verdict on screen, written as the attack.

The message goes to the real ``sochelp check-message`` in a pseudo-terminal; what comes back is
fed to a terminal emulator (pyte), and the screen is read as a person would read it: the real
verdict is at the top, the spoofed "No known warning signs found" is nowhere, and every escape
sequence in the output is one sochelp writes itself (colours only).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import finish, run_cli, spawn_sochelp
from tests.hostile.payloads import ATTACKS, MARKUP, SPOOF, scam_message
from tests.hostile.terminal import blinking_cells, foreign_sequences, screen, screen_text

pytestmark = pytest.mark.pty

VERDICT = "Strong signs of a scam"


def _markers(payload: str) -> list[str]:
    """The markers the payload's dangerous characters must be shown as."""
    wanted = {"\x1b": "<U+001B>", "\u009b": "<U+009B>", "\u009d": "<U+009D>", "\b": "<U+0008>"}
    wanted |= {"\u202e": "<U+202E>", "\u2067": "<U+2067>", "\x07": "<U+0007>"}
    return [marker for ch, marker in wanted.items() if ch in payload]


def _run(tmp_path: Path, payload: str, *, colour: bool) -> tuple[int, str]:
    message = tmp_path / "message.txt"
    message.write_text(scam_message(payload), encoding="utf-8")
    # The plain view on a terminal is TERM=dumb (NO_COLOR keeps the rich layout, without colour).
    plain = None if colour else {"TERM": "dumb"}
    child = spawn_sochelp("check-message", str(message), colour=colour, env=plain)
    raw = finish(child)
    return child.exitstatus, raw


def _assert_screen_is_honest(raw: str, payload: str, *, markers: bool = True) -> None:
    lines = [line for line in screen(raw) if line.strip()]
    text = screen_text(raw)
    assert SPOOF not in text
    assert not foreign_sequences(raw)
    assert blinking_cells(raw) == 0
    # The verdict is still the first thing a reader sees (the first line, or the first line
    # inside the verdict panel).
    assert VERDICT in lines[0] or VERDICT in lines[1]
    # Each dangerous character is either shown where it was (a marker) or, when the analysis
    # removed it before reading the words, named in the "disguised writing" sign.
    for marker in _markers(payload) if markers else []:
        named = "ESC" if marker == "<U+001B>" else marker.strip("<>")
        assert marker in text or (named in text and "terminal codes" in text)


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_rich_view_shows_the_real_verdict_whatever_the_message_holds(
    tmp_path: Path, name: str
) -> None:
    status, raw = _run(tmp_path, ATTACKS[name], colour=True)
    assert status == 1
    assert "\x1b[" in raw  # this really is the colour view
    _assert_screen_is_honest(raw, ATTACKS[name])


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_plain_view_shows_the_real_verdict_whatever_the_message_holds(
    tmp_path: Path, name: str
) -> None:
    status, raw = _run(tmp_path, ATTACKS[name], colour=False)
    assert status == 1
    assert "\x1b" not in raw and "\u009b" not in raw
    _assert_screen_is_honest(raw, ATTACKS[name])
    assert screen(raw)[0].startswith(VERDICT)


def test_every_attack_at_once_in_both_views(tmp_path: Path) -> None:
    payload = "".join(ATTACKS.values()) + MARKUP.replace(" ", "")
    for colour in (True, False):
        status, raw = _run(tmp_path, payload, colour=colour)
        assert status == 1
        # (long evidence is shortened, so not every marker is on screen)
        _assert_screen_is_honest(raw, payload, markers=False)
        text = screen_text(raw)
        assert "<U+001B>" in text or ("ESC" in text and "terminal codes" in text)


@pytest.mark.parametrize("name", ["save-up-clear", "clear-screen-home", "c1-csi"])
def test_the_attacks_do_rewrite_an_unprotected_screen(name: str) -> None:
    """The payloads are real: written raw after a verdict, they replace it with the spoof."""
    before = f"{VERDICT} (score 14)\r\n" + "evidence line\r\n" * 11
    shown = screen(before + ATTACKS[name])
    assert VERDICT not in " ".join(shown)
    assert SPOOF in " ".join(" ".join(shown).split())


def test_json_output_carries_no_control_character_and_ascii_domains(tmp_path: Path) -> None:
    payload = "".join(ATTACKS.values())
    message = tmp_path / "message.txt"
    message.write_text(scam_message(payload), encoding="utf-8")
    done = run_cli(["check-message", "--json", str(message)])
    assert done.exit_code == 1
    data = json.loads(done.stdout)

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [*value.keys(), *(s for v in value.values() for s in strings(v))]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    for text in strings(data):
        assert not any(ord(c) < 0x20 and c not in "\n\t" for c in text), text
        assert not any(0x7F <= ord(c) <= 0x9F for c in text), text
        assert not any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069")
    assert data["verdict"] == "scam"
    assert data["links"] and all(link["domain"].isascii() for link in data["links"])


def test_a_domain_with_invisible_characters_is_ascii_in_json(tmp_path: Path) -> None:
    message = tmp_path / "message.txt"
    message.write_text(
        "Your parcel is held: pay the fee at https://roya\u200eI-mai\u200fl.co.uk/pay\n"
        "or at https://p\u0430ypal.com.example-secure.com/ today\n",
        encoding="utf-8",
    )
    done = run_cli(["check-message", "--json", str(message)])
    data = json.loads(done.stdout)
    domains = [link["domain"] for link in data["links"]]
    assert domains and all(d.isascii() and d.isprintable() for d in domains)
