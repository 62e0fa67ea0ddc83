"""Quiz difficulty levels, kept free of pydantic so the command can offer them at start-up."""

from __future__ import annotations

from enum import StrEnum


class Difficulty(StrEnum):
    """How hard a question is."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"
