"""Overlays are visible and bounded, written as the attack: a local content folder that swaps
official numbers for a scammer's, rewrites the 999 banner, or turns an urgent situation's banner
off. Without ``replaces_official = true`` it is refused (at load time and by ``content check``);
with it, ``content check`` lists each replacement as a warning, and every view marks what came
from the overlay."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from sochelp.content.store import bundled_root
from tests.conftest import run_cli, spawn_sochelp
from tests.hostile.terminal import screen_text

SCAM_NUMBER = "0800 666 0000"


def _bundled(folder: str, table: str, item_id: str) -> dict[str, Any]:
    """One item of sochelp's own content, as read from its TOML."""
    for path in sorted(Path(str(bundled_root() / folder)).glob("*.toml")):
        for item in tomllib.loads(path.read_text(encoding="utf-8")).get(table, []):
            if item["id"] == item_id:
                return dict(item)
    raise AssertionError(f"{table}[{item_id}] is not in the bundled content")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string


def _toml(table: str, item: dict[str, Any], prefix: str = "") -> str:
    """An item as a ``[[table]]`` with its sub-tables (enough for contacts, banners, situations)."""
    scalars = {k: v for k, v in item.items() if not isinstance(v, dict)}
    lines = [f"[[{table}]]" if not prefix else f"[{prefix}]"]
    lines += [f"{key} = {_value(value)}" for key, value in scalars.items()]
    for key, value in item.items():
        if isinstance(value, dict):
            lines.append(_toml(table, value, f"{prefix or table}.{key}"))
    return "\n".join(lines) + "\n"


def _write(root: Path, relative: str, table: str, item: dict[str, Any]) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_toml(table, item), encoding="utf-8")
    return root


def _spoofed_contact(root: Path, *, acknowledged: bool, field: str = "phone") -> Path:
    """The 999 contact, with the scammer's number (or web address) in its place."""
    contact = _bundled("contacts", "contact", "emergency-999")
    contact[field] = SCAM_NUMBER if field == "phone" else "https://emergency-999.example.net"
    if acknowledged:
        contact["replaces_official"] = True
    return _write(root, "contacts/spoof.toml", "contact", contact)


def _spoofed_banner(root: Path, *, acknowledged: bool) -> Path:
    banner = _bundled("emergency", "banner", "immediate-danger")
    banner["lines"] = [f"Do not call 999: call {SCAM_NUMBER} instead.", *banner["lines"][1:]]
    if acknowledged:
        banner["replaces_official"] = True
    return _write(root, "emergency/banner.toml", "banner", banner)


def _banner_turned_off(root: Path, *, acknowledged: bool) -> Path:
    """The urgent situation with its 999 banner switched off."""
    situation = _bundled("situations", "situation", "emergency")
    situation["urgent"] = False
    if acknowledged:
        situation["replaces_official"] = True
    return _write(root, "situations/quiet.toml", "situation", situation)


def _official_contact_dropped(root: Path, *, acknowledged: bool) -> Path:
    """A built-in situation whose Scottish contacts lose the first official one."""
    situation = _bundled("situations", "situation", "scam-text")
    regions = {name: dict(advice) for name, advice in situation["regions"].items()}
    regions["scotland"]["contacts"] = regions["scotland"]["contacts"][1:]
    situation["regions"] = regions
    if acknowledged:
        situation["replaces_official"] = True
    return _write(root, "situations/fewer.toml", "situation", situation)


SPOOFS = {
    "contact-phone": lambda root, ack: _spoofed_contact(root, acknowledged=ack),
    "contact-web": lambda root, ack: _spoofed_contact(root, acknowledged=ack, field="web"),
    "banner": lambda root, ack: _spoofed_banner(root, acknowledged=ack),
    "urgent-off": lambda root, ack: _banner_turned_off(root, acknowledged=ack),
    "contact-dropped": lambda root, ack: _official_contact_dropped(root, acknowledged=ack),
}
KEYS = {
    "contact-phone": "contact[emergency-999].phone",
    "contact-web": "contact[emergency-999].web",
    "banner": "banner[immediate-danger].lines",
    "urgent-off": "situation[emergency].urgent",
    "contact-dropped": "situation[scam-text].regions.scotland.contacts",
}


@pytest.mark.parametrize("kind", sorted(SPOOFS))
def test_an_overlay_that_spoofs_official_details_is_refused_at_load_time(
    tmp_path: Path, kind: str
) -> None:
    overlay = SPOOFS[kind](tmp_path / "local", False)
    for args in (["report", "emergency"], ["report", "scam-text"], ["report", "--list"]):
        done = run_cli(["--content-dir", str(overlay), *args])
        assert done.exit_code == 2, (args, done.stderr)
        assert SCAM_NUMBER not in done.stdout
        assert KEYS[kind] in done.stderr and "replaces_official = true" in done.stderr
        assert done.stderr.startswith("sochelp: ")
        assert len(done.stderr.splitlines()) == 2  # one line, and a hint


@pytest.mark.parametrize("kind", sorted(SPOOFS))
def test_content_check_refuses_an_unacknowledged_replacement_with_file_key_and_reason(
    tmp_path: Path, kind: str
) -> None:
    overlay = SPOOFS[kind](tmp_path / "local", False)
    done = run_cli(["content", "check", str(overlay)])
    assert done.exit_code == 1
    problem = next(line for line in done.stdout.splitlines() if KEYS[kind] in line)
    assert problem.startswith(str(overlay))  # the file
    assert "replaces the" in problem and "official" in problem  # the reason
    as_json = json.loads(run_cli(["content", "check", str(overlay), "--json"]).stdout)
    assert as_json["ok"] is False and not as_json["warnings"]
    assert any(p["key"] == KEYS[kind] for p in as_json["problems"])


@pytest.mark.parametrize("kind", sorted(SPOOFS))
def test_an_acknowledged_replacement_is_a_warning_and_exits_0(tmp_path: Path, kind: str) -> None:
    overlay = SPOOFS[kind](tmp_path / "local", True)
    done = run_cli(["content", "check", str(overlay)])
    assert done.exit_code == 0, done.stdout
    assert "No problems found" in done.stdout
    warning = next(line for line in done.stdout.splitlines() if KEYS[kind] in line)
    assert warning.startswith("WARNING ")
    as_json = json.loads(run_cli(["content", "check", str(overlay), "--json"]).stdout)
    assert as_json["ok"] is True and not as_json["problems"]
    assert [w["key"] for w in as_json["warnings"]].count(KEYS[kind]) == 1


def test_warnings_are_listed_beside_problems_and_problems_decide_the_status(
    tmp_path: Path,
) -> None:
    overlay = _spoofed_contact(tmp_path / "local", acknowledged=True)
    _spoofed_banner(overlay, acknowledged=False)
    done = run_cli(["content", "check", str(overlay)])
    assert done.exit_code == 1
    assert "1 problem" in done.stdout and "banner[immediate-danger]" in done.stdout
    assert "WARNING " in done.stdout and "contact[emergency-999].phone" in done.stdout


def test_an_overlay_may_change_words_but_keep_the_numbers_without_the_flag(
    tmp_path: Path,
) -> None:
    contact = _bundled("contacts", "contact", "emergency-999")
    contact["purpose"] = "Said in our own words."
    overlay = _write(tmp_path / "local", "contacts/words.toml", "contact", contact)
    assert run_cli(["content", "check", str(overlay)]).exit_code == 0
    done = run_cli(["--content-dir", str(overlay), "report", "emergency"])
    assert done.exit_code == 0 and "Said in our own words." in done.stdout


def test_every_view_marks_contacts_from_the_overlay(tmp_path: Path) -> None:
    overlay = _spoofed_contact(tmp_path / "local", acknowledged=True)
    origin = f"From your local content: {overlay}/contacts/spoof.toml"
    plain = run_cli(["--content-dir", str(overlay), "report", "emergency"])
    assert plain.exit_code == 0
    lines = plain.stdout.splitlines()
    at = lines.index("Emergency services (999 or 112)")
    assert lines[at + 1] == f"  ({origin})"  # straight under the name, before the number
    assert lines[at + 2] == f"  Phone:  {SCAM_NUMBER}"
    assert plain.stdout.count("From your local content") == 1  # only that contact
    data = json.loads(
        run_cli(["--content-dir", str(overlay), "report", "emergency", "--json"]).stdout
    )
    marks = {c["name"]: c["local"] for c in data["contacts"]}
    assert marks.pop("Emergency services (999 or 112)") is True
    assert marks and not any(marks.values())


@pytest.mark.pty
def test_the_rich_view_marks_local_contacts_and_a_local_banner(tmp_path: Path) -> None:
    overlay = _spoofed_contact(tmp_path / "local", acknowledged=True)
    _spoofed_banner(overlay, acknowledged=True)
    child = spawn_sochelp("--content-dir", str(overlay), "report", "emergency")
    raw = child.read()
    child.close()
    text = screen_text(raw)
    assert "Local: Emergency services (999 or 112)" in text
    # (a long path may wrap inside its panel)
    assert text.count("From your local content:") == 2
    assert "spoof.toml" in text and "banner.toml" in text


def test_the_plain_view_marks_a_local_banner(tmp_path: Path) -> None:
    overlay = _spoofed_banner(tmp_path / "local", acknowledged=True)
    done = run_cli(["--content-dir", str(overlay), "report", "emergency"])
    banner = [line for line in done.stdout.splitlines() if line.startswith("!!")]
    assert banner[1] == f"!! Do not call 999: call {SCAM_NUMBER} instead."
    assert f"!! (From your local content: {overlay}/emergency/banner.toml)" in banner


def test_an_overlay_named_like_the_bundled_folder_is_still_local(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which items are local is known from where they were read, not guessed from a path."""
    _spoofed_contact(tmp_path / "content", acknowledged=True)
    monkeypatch.chdir(tmp_path)
    done = run_cli(["--content-dir", "content", "report", "emergency", "--json"])
    data = json.loads(done.stdout)
    assert [c["local"] for c in data["contacts"] if c["phone"] == SCAM_NUMBER] == [True]
