"""Fuzzing the saved progress files: any JSON (or not) in ``quiz-progress.json`` or
``checkup.json`` is read whole, or moved aside with a notice, and a session can then save."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sochelp.checkup.engine import Answer
from sochelp.checkup.progress import CheckupStore
from sochelp.quiz.progress import QuizStore
from sochelp.render import safe
from tests.fuzz.hostile_text import examples, hostile_text

pytestmark = pytest.mark.fuzz

_KEY_WORDS = (
    "version data questions sessions box due seen right started asked correct missed "
    "audiences unfinished history answers updated completed individual business"
)
_keys = st.one_of(st.sampled_from(_KEY_WORDS.split()), hostile_text(3))
_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    hostile_text(6, surrogates=True),
    st.sampled_from(["2026-11-25", "yes", "partly", "na", "2026-11-25T10:00:00"]),
)
_json = st.recursive(
    _leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=5)),
    max_leaves=30,
)


@st.composite
def _saved(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["document", "document", "any", "bytes", "deep"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "deep":
        return ("[" * draw(st.integers(1, 50_000)) + "]").encode()
    value: Any = draw(_json)
    if kind == "document":
        value = {"version": draw(st.sampled_from([1, 1, 2, 0, "1"])), "data": value}
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


@settings(max_examples=examples(0.3), suppress_health_check=list(HealthCheck))
@given(raw=_saved(), name=st.sampled_from(["quiz-progress", "checkup"]))
def test_any_saved_file_is_read_or_moved_aside_and_saving_goes_on(raw: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SOCHELP_DATA_DIR"] = folder
        path = Path(folder) / f"{name}.json"
        path.write_bytes(raw)
        notices: list[str] = []
        if name == "quiz-progress":
            quiz = QuizStore.open(notify=notices.append)
            assert quiz.save()
        else:
            checkup = CheckupStore.open(notify=notices.append)
            checkup.save_unfinished("individual", {"x": Answer.YES}, "2026-12-01T00:00:00")
            assert checkup.saving
        assert all(safe.is_safe(safe.shown_line(n)) for n in notices)
        aside = list(Path(folder).glob(f"{name}.*-*.json"))
        assert len(aside) == len(notices) <= 1
        if aside:
            assert aside[0].read_bytes() == raw  # nothing is lost
        json.loads(path.read_text(encoding="utf-8"))  # what was saved is whole
