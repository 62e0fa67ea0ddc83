"""Fixtures for the quiz tests: a small, fixed question bank standing in for the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest

import sochelp.content.store as content_store
from sochelp.content.store import ContentStore
from sochelp.quiz import content as quiz_content
from sochelp.quiz.content import QuizContent
from tests.foundation.minimal import FIXTURE


@pytest.fixture
def fixture_content() -> QuizContent:
    """The fixture bank, loaded and cross-checked."""
    return quiz_content.load(ContentStore(bundled=FIXTURE))


@pytest.fixture
def fixture_bundle(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the in-process CLI use the fixture content instead of the bundled content."""
    monkeypatch.setattr(content_store, "bundled_root", lambda: FIXTURE)
    return FIXTURE
