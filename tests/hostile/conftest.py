"""The attack tests run as a user who has already answered the first-run questions (region and
quiz audience), so every command goes straight to what is being attacked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import remember


@pytest.fixture(autouse=True)
def _settled_user(_isolated_user_files: Path) -> None:
    remember(region="scotland", quiz_audience="all")
