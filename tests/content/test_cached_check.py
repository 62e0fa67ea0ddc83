"""``content check`` and ``about`` report from the content cache while nothing has changed, and
check everything again as soon as any file does; ``--no-cache`` and ``SOCHELP_CACHE_DIR=``
always check everything from the files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sochelp.content.fingerprint import fingerprint
from tests.conftest import REPO, run_cli

_CHECKERS_RAN = """
import sys
from sochelp.cli import main
code = main(sys.argv[1:])
loaded = [m for m in ("sochelp.content.registry", "sochelp.message.content") if m in sys.modules]
sys.stderr.write(f"CODE:{code} LOADED:{','.join(loaded)}\\n")
"""


def _run(args: list[str], cache: str) -> tuple[str, str]:
    """(stdout, last stderr line) of sochelp ARGS in a fresh process with this cache folder."""
    env = {**os.environ, "SOCHELP_CACHE_DIR": cache}
    done = subprocess.run(
        [sys.executable, "-c", _CHECKERS_RAN, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    return done.stdout, done.stderr.strip().splitlines()[-1]


def _overlay(folder: Path, name: str = "Local helpline") -> Path:
    (folder / "contacts").mkdir(parents=True, exist_ok=True)
    (folder / "contacts" / "x.toml").write_text(
        f'[[contact]]\nid = "x"\nname = "{name}"\n', encoding="utf-8"
    )
    return folder


def test_a_repeated_check_reports_from_the_cache_and_a_change_checks_again(
    tmp_path: Path,
) -> None:
    cache = str(tmp_path / "cache")
    overlay = _overlay(tmp_path / "local")
    args = ["content", "check", str(overlay)]
    first, ran = _run(args, cache)
    assert ran == "CODE:1 LOADED:sochelp.content.registry,sochelp.message.content"
    again, ran = _run(args, cache)
    assert again == first and ran == "CODE:1 LOADED:"  # nothing loaded or checked
    assert "contact[x]" in again
    # Any change to any content file: a full check again.
    _overlay(overlay, "Another helpline")
    _, ran = _run(args, cache)
    assert ran.startswith("CODE:1 LOADED:sochelp.content.registry")
    # --no-cache always checks everything, and an empty SOCHELP_CACHE_DIR turns the cache off.
    _, ran = _run([*args, "--no-cache"], cache)
    assert ran.startswith("CODE:1 LOADED:sochelp.content.registry")
    _, ran = _run(args, "")
    assert ran.startswith("CODE:1 LOADED:sochelp.content.registry")


def test_no_cache_validates_every_file_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SOCHELP_CACHE_DIR", str(cache))
    assert run_cli(["content", "check"]).exit_code == 0
    assert any(cache.glob("content_check-*.pickle"))
    for entry in cache.iterdir():
        entry.unlink()
    result = run_cli(["content", "check", "--no-cache"])
    assert result.exit_code == 0 and "No problems found" in result.stdout
    assert list(cache.iterdir()) == []
    # The cache works again afterwards (--no-cache only lasts for that check).
    assert run_cli(["content", "check"]).exit_code == 0
    assert any(cache.glob("content_check-*.pickle"))


def test_a_damaged_cache_entry_is_a_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SOCHELP_CACHE_DIR", str(cache))
    run_cli(["content", "check"])
    for entry in cache.glob("content_check-*.pickle"):
        entry.write_bytes(b"not a pickle")
    result = run_cli(["content", "check", "--json"])
    assert result.exit_code == 0 and '"ok": true' in result.stdout
    # A cached value of the wrong shape is not trusted either.
    import pickle

    for entry in cache.glob("content_check-*.pickle"):
        entry.write_bytes(pickle.dumps(("not", "problems")))
    assert run_cli(["content", "check"]).exit_code == 0


def test_a_missing_overlay_folder_is_still_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(["content", "check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2


def test_fingerprint_covers_content_code_overlay_and_extra(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path / "local")
    base = fingerprint(overlay)
    assert base is not None and base == fingerprint(overlay)
    assert fingerprint(None) != base
    assert fingerprint(overlay, "2026-12-01") != base
    (overlay / "notes.txt").write_text("any file counts", encoding="utf-8")
    assert fingerprint(overlay) != base


def test_about_is_kept_per_day_and_refreshed_by_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = str(tmp_path / "cache")
    overlay = _overlay(tmp_path / "local")
    args = ["--content-dir", str(overlay), "about", "--json"]
    monkeypatch.setenv("SOCHELP_TODAY", "2026-12-01")
    first, _ = _run(args, cache)
    again, _ = _run(args, cache)
    assert first == again and '"version"' in first
    assert list(Path(cache).glob("about-*.pickle"))
    monkeypatch.setenv("SOCHELP_TODAY", "2031-01-01")  # another day: counted again
    later, _ = _run(args, cache)
    assert later != first and '"stale_contacts": 0' not in later
    # A changed overlay is counted again at once (under a new key; the old entry is removed).
    kept = {p.name for p in Path(cache).glob("about-*.pickle")}
    (overlay / "contacts" / "y.toml").write_text("# a new file\n", encoding="utf-8")
    _run(args, cache)
    renewed = {p.name for p in Path(cache).glob("about-*.pickle")}
    assert len(renewed) == 1 and renewed.isdisjoint(kept)
