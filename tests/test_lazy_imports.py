"""Quick commands load only what they use (issue 12: start-up within 1.25x a Typer hello-world).

Each case runs the command twice in a fresh interpreter with a private content cache (the second
run is the warm start that is measured by ``benchmarks/startup.py``) and lists which of the named
modules were imported. No timing here: only which modules a path needs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """\
import sys
from sochelp.cli import main
rc = main({argv!r})
loaded = sorted(m for m in {modules!r} if m in sys.modules)
print("LOADED=" + ",".join(loaded), file=sys.stderr)
sys.exit(rc)
"""


def loaded_modules(tmp_path: Path, argv: list[str], modules: list[str], stdin: str = "") -> str:
    """The named modules a warm run of ``sochelp ARGV`` imported, comma-separated."""
    env = {
        **os.environ,
        "SOCHELP_CACHE_DIR": str(tmp_path / "cache"),
        "SOCHELP_DATA_DIR": str(tmp_path / "data"),
    }
    code = _PROBE.format(argv=argv, modules=modules)
    for _ in range(2):  # the first run fills the content cache
        out = subprocess.run(
            [sys.executable, "-c", code], input=stdin, env=env, capture_output=True, text=True
        )
    assert out.returncode in (0, 1), out.stderr
    return out.stderr.rsplit("LOADED=", 1)[1].strip()


@pytest.mark.parametrize("json_output", [False, True])
def test_listing_quiz_topics_builds_no_session(tmp_path: Path, json_output: bool) -> None:
    argv = ["scam-quiz", "--list-topics", *(["--json"] if json_output else [])]
    heavy = ["sochelp.quiz.engine", "sochelp.render.quiz", "sochelp.quiz.export"]
    # The cross-checked quiz comes from the content cache, without what it refers to.
    heavy += ["sochelp.report.content", "sochelp.signs.content", "sochelp.redflags", "tomllib"]
    assert loaded_modules(tmp_path, argv, heavy) == ""


def test_a_warm_checkup_reads_its_finished_checklists_from_the_cache(tmp_path: Path) -> None:
    argv = ["checkup", "individual", "--no-save"]
    linked = ["sochelp.quiz.content", "sochelp.report.content", "sochelp.signs.content", "tomllib"]
    linked += ["json"]  # nothing saved is read with --no-save
    linked += ["sochelp.checkup.engine"]  # no answers given: nothing to score
    assert loaded_modules(tmp_path, argv, linked) == ""


def test_cached_checklists_follow_a_changed_quiz(tmp_path: Path) -> None:
    """The cached check-up drops a quiz link once the quiz no longer has that topic."""
    from sochelp.checkup import content as checkup_content
    from sochelp.content.store import ContentStore, bundled_root

    tree = tmp_path / "tree"
    for folder in ("checkup", "situations", "signs", "quiz"):
        source = Path(str(bundled_root())) / folder
        (tree / folder).mkdir(parents=True)
        for entry in source.iterdir():
            if entry.name.endswith(".toml"):
                (tree / folder / entry.name).write_bytes(entry.read_bytes())
    store = ContentStore(bundled=tree)
    before = checkup_content.load(store)
    linked = {i.quiz_topic for items in before.items.values() for i in items} - {None}
    assert linked
    topic = sorted(linked)[0]
    for quiz_file in (tree / "quiz").iterdir():  # every question of that topic moves away
        text = quiz_file.read_text(encoding="utf-8")
        quiz_file.write_text(text.replace(f'"{topic}"', '"renamed-topic"'), encoding="utf-8")
    again = checkup_content.load(ContentStore(bundled=tree))
    after = {i.quiz_topic for items in again.items.values() for i in items}
    assert topic not in after
    assert checkup_content.load(ContentStore(bundled=tree)) == again  # served from the cache


def test_an_audit_without_lookups_starts_no_lookup_machinery(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("name,url,username,password\nMail,https://mail.example,alice,hunter2\n")
    argv = ["audit", str(export), "--no-breach-check"]
    heavy = ["concurrent.futures", "logging", "sochelp.content.store", "tomllib", "httpx"]
    assert loaded_modules(tmp_path, argv, heavy) == ""


@pytest.mark.parametrize(
    "argv",
    [["report", "scam-text"], ["signs", "cuckooing"], ["password", "--no-breach-check"]],
)
def test_the_bundled_content_is_found_without_importlib_resources(
    tmp_path: Path, argv: list[str]
) -> None:
    readers = ["importlib.readers", "importlib.resources.readers"]
    assert loaded_modules(tmp_path, argv, readers, stdin="Kettle-Comet-Pencil-42\n") == ""


@pytest.mark.parametrize("argv", [["report", "scam-text"], ["scam-quiz", "--list-topics"]])
def test_commands_that_ask_nothing_load_no_prompts(tmp_path: Path, argv: list[str]) -> None:
    assert loaded_modules(tmp_path, argv, ["sochelp.prompting"]) == ""


def test_cached_quiz_content_follows_a_changed_red_flag(tmp_path: Path) -> None:
    """The cached, cross-checked quiz is rebuilt when a file it refers to changes."""
    from sochelp.content.store import ContentStore, bundled_root
    from sochelp.quiz import content as quiz_content

    tree = tmp_path / "tree"
    for folder in ("quiz", "red_flags", "situations", "signs"):
        source = Path(str(bundled_root())) / folder
        (tree / folder).mkdir(parents=True)
        for entry in source.iterdir():
            if entry.name.endswith(".toml"):
                (tree / folder / entry.name).write_bytes(entry.read_bytes())
    before = quiz_content.load(ContentStore(bundled=tree))
    flag, name = sorted(before.flag_names.items())[0]
    for flags_file in (tree / "red_flags").iterdir():
        text = flags_file.read_text(encoding="utf-8")
        flags_file.write_text(text.replace(name, "A renamed sign"), encoding="utf-8")
    after = quiz_content.load(ContentStore(bundled=tree))
    assert after.flag_names[flag] == "A renamed sign"
    assert quiz_content.load(ContentStore(bundled=tree)) == after  # now from the cache
