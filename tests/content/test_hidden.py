"""Content check names every control or invisible character hidden in a content file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sochelp.content.hidden import check
from sochelp.content.store import ContentStore
from sochelp.render.safe import marked_characters
from tests.conftest import run_cli


def test_bundled_content_hides_no_characters() -> None:
    assert [str(p) for p in check(ContentStore())] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text, £5 and a tab\\there", []),
        ("Mark \u2764\ufe0f", []),  # an emoji's variation selector is part of the emoji
        ("family \U0001f468\u200d\U0001f469\u200d\U0001f467", []),  # joiners inside an emoji
        ("line one\r\nline two", []),  # a Windows line ending
        ("call 0800 \u202e123 456", ["\u202e"]),
        ("pay\u200bpal.com and pay\u200bpal", ["\u200b"]),
        ("red \x1b[31m alert \x07", ["\x1b", "\x07"]),
        ("next\u0085line", ["\u0085"]),
    ],
)
def test_marked_characters(text: str, expected: list[str]) -> None:
    assert marked_characters(text) == expected


def _overlay(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "overlay" / "contacts"
    folder.mkdir(parents=True)
    (folder / "local.toml").write_text(body, encoding="utf-8")
    return tmp_path / "overlay"


def test_an_overlay_with_a_bidi_override_is_named_by_file_key_and_character(
    tmp_path: Path,
) -> None:
    overlay = _overlay(
        tmp_path,
        '[[contact]]\nid = "local-line"\nphone = "0800 \\u202E555 123"\n'
        '[contact.notes]\n"odd\\u200Bkey" = "fine"\n',
    )
    found = check(ContentStore(overlay=overlay))
    shown = [str(problem) for problem in found]
    assert len(found) == 2
    assert found[0].file.endswith("contacts/local.toml")
    assert found[0].key == "contact[0].phone"
    assert "<U+202E> (right-to-left override)" in shown[0]
    assert found[1].key == "contact[0].notes.odd\u200bkey"
    assert "<U+200B> (zero width space)" in shown[1]
    # The problem line itself never carries the raw character to the terminal.
    assert all("\u202e" not in line and "\u200b" not in line for line in shown)


def test_files_that_do_not_parse_are_left_to_their_own_checker(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "this is [not toml\n")
    assert check(ContentStore(overlay=overlay)) == []


def test_content_check_command_fails_on_a_hidden_character(tmp_path: Path) -> None:
    bundled = Path(__file__).resolve().parents[2] / "content"
    copy = tmp_path / "content"
    shutil.copytree(bundled / "contacts", copy / "contacts")
    target = next((copy / "contacts").glob("*.toml"))
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('name = "', 'name = "\\u202E', 1), encoding="utf-8")
    result = run_cli(["content", "check", "--no-cache", str(copy)])
    assert result.exit_code == 1
    assert "contact[0].name" in result.stdout
    assert "right-to-left override" in result.stdout
    assert "\u202e" not in result.stdout + result.stderr
