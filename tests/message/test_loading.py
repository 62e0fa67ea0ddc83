"""check-message's content served from the cache: quick to start, rebuilt when anything changes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message import loading, model
from sochelp.message.analyse import analyse
from tests.launch import FIXTURE
from tests.message.helpers import bundled

_PROBE = """
import sys
from sochelp.content.store import ContentStore
from sochelp.message import loading
from sochelp.message.analyse import analyse
content = loading.load(ContentStore())
result = analyse("Royal Mail: pay the £1.99 fee at royalmail-fee.top/pay", content)
print(result.verdict.value)
print("validated" if "sochelp.message.content" in sys.modules else "from cache")
print("pydantic" if "pydantic" in sys.modules else "no pydantic")
"""


def _probe(cache: Path) -> list[str]:
    env = {**os.environ, "SOCHELP_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.split()


def test_the_folders_of_the_cache_key_are_the_content_s() -> None:
    assert loading.FOLDERS == message_content.FOLDERS


def test_a_second_run_is_served_from_the_cache_without_validation(tmp_path: Path) -> None:
    first = _probe(tmp_path)
    second = _probe(tmp_path)
    assert first[0] == second[0] == "scam"
    assert first[1:3] == ["validated", "pydantic"]
    assert second[1:3] == ["from", "cache"]
    assert second[-2:] == ["no", "pydantic"]


def test_an_overlay_edit_is_a_new_key_and_is_validated(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay" / "message_rules"
    overlay.mkdir(parents=True)
    store = ContentStore(overlay=tmp_path / "overlay")
    before = loading.content_key(store)
    (overlay / "extra.toml").write_text(
        '[[rule]]\nid = "test-words"\nflag = "urgency"\nweight = 3\n'
        "pattern = '''\\bpurple elephant\\b'''\n"
        'explanation = "Test."\nexamples = ["a purple elephant"]\n',
        encoding="utf-8",
    )
    after = loading.content_key(ContentStore(overlay=tmp_path / "overlay"))
    assert before != after
    content = loading.load(ContentStore(overlay=tmp_path / "overlay"))
    assert "test-words" in {f.source for f in analyse("A purple elephant, now!", content).flags}


def test_precompiled_patterns_match_as_compiled_ones() -> None:
    content = bundled()
    assert content.precompiled
    texts = [
        "Royal Mail: your parcel is waiting, pay £1.99 (GBP) at https://x.example/pay today",
        "Hi Mum, my phone broke, this is my new number, can you pay a bill for me?",
        "HSBC: A new payee was added. If this was NOT you, visit hsbc-cancel.com now",
    ]
    for (pattern, flags), entry in list(content.precompiled.items())[:400]:
        made = model._instantiate(pattern, entry)
        assert made is not None
        plain = re.compile(pattern, flags)
        for text in texts:
            a, b = made.search(text), plain.search(text)
            assert (a and a.span()) == (b and b.span()), pattern


def test_a_broken_precompiled_entry_falls_back_to_compiling() -> None:
    pattern = r"\bpurple (?:elephant|giraffe)\b"
    model._REGEXES.pop((pattern, re.IGNORECASE), None)
    model.install_precompiled({(pattern, re.IGNORECASE): (0, b"\x00\x01", 0, {}, ())})
    compiled = model.regex(pattern)
    assert compiled.search("A Purple Giraffe") is not None


def test_on_build_is_called_before_a_build_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCHELP_CACHE_DIR", str(tmp_path / "cache"))
    # (a memory of its own: later tests in this worker keep the bundled content they built)
    monkeypatch.setattr(loading, "_MEMO", {})
    store = ContentStore(bundled=FIXTURE)
    builds: list[str] = []
    first = loading.load(store, on_build=lambda: builds.append("built"))
    assert builds == ["built"]
    assert loading.load(store, on_build=lambda: builds.append("again")) is first  # memory
    loading._MEMO.clear()
    loading.load(store, on_build=lambda: builds.append("again"))  # the cache folder
    assert builds == ["built"]
