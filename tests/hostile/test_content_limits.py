"""Overlay files built to exhaust the loader: deep nesting, a file over the size limit, a huge
text. Each is one clear content problem (exit 2 for a command, 1 for content check), never a
crash reported as a bug (70). Deep nesting was found by the fuzz suite (RecursionError)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

FILES = {
    "deep-array": "contact = " + "[" * 5000 + "]" * 5000,
    "deep-table": "contact = " + "{a = " * 3000 + "1" + "}" * 3000,
    "deep-items": "[[contact]]\nid = 'x'\nname = " + "[" * 2000 + "]" * 2000,
    "over-the-size-limit": "# " + "x" * 2_100_000,
    "huge-text": '[[contact]]\nid = "huge"\nname = "' + "A" * 1_500_000 + '"\n',
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_an_overlay_made_to_exhaust_the_loader_is_one_clear_problem(
    tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "local" / "contacts"
    folder.mkdir(parents=True)
    (folder / f"{name}.toml").write_text(FILES[name], encoding="utf-8")
    used = run_cli(["--content-dir", str(tmp_path / "local"), "report", "scam-text"])
    assert used.exit_code == 2, used.stderr
    assert used.stderr.startswith("sochelp: The content files have") and name in used.stderr
    assert len(used.stderr) < 2000  # the huge value is not repeated back
    checked = run_cli(["content", "check", str(tmp_path / "local")])
    assert checked.exit_code == 1 and f"{name}.toml" in checked.stdout


@pytest.mark.parametrize("name", ["quiz-progress", "checkup"])
def test_a_saved_file_nested_thousands_deep_is_moved_aside(
    _isolated_user_files: Path, name: str
) -> None:
    path = _isolated_user_files / f"{name}.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    quiz = name == "quiz-progress"
    done = run_cli(["scam-quiz", "--stats"] if quiz else ["checkup", "--last", "business"])
    assert done.exit_code in (0, 2), done.stderr  # --last: nothing (usable) saved
    assert "nested too deeply" in done.stderr and "moved to" in done.stderr
    assert not path.exists() and list(_isolated_user_files.glob(f"{name}.corrupt-*.json"))


def test_a_return_nested_thousands_deep_is_left_out(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    done = run_cli(["checkup", "--rollup", str(tmp_path)])
    assert done.exit_code == 2
    assert "left out" in done.stderr and "deep.json: not JSON" in done.stderr
