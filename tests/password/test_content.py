"""Password content: advice and the UK/Scottish dictionary validate and load."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from sochelp.content.registry import CHECKERS
from sochelp.content.store import ContentStore
from sochelp.password import content as password_content
from sochelp.password.content import WordList


def test_bundled_content_is_valid() -> None:
    store = ContentStore()
    assert password_content.check(store) == []
    content = password_content.load(store)
    assert {"three-random-words", "password-manager", "two-step-verification"} <= {
        item.id for item in content.advice
    }
    words = content.local_words
    assert len(words) == len(set(words))
    for expected in ("celtic", "celtic1888", "hibernian1875", "glasgow", "hogmanay", "mhairi"):
        assert expected in words


def test_checker_is_registered() -> None:
    assert "sochelp.password.content:check" in CHECKERS


def test_word_list_rules() -> None:
    with pytest.raises(ValidationError, match="twice"):
        WordList(id="x", description="d", words=["abc", "abc"])
    with pytest.raises(ValidationError, match="not in the list"):
        WordList(id="x", description="d", words=["abc"], founded={"xyz": 1900})
    with pytest.raises(ValidationError):
        WordList(id="x", description="d", words=["Has Space"])


def test_overlay_can_add_words(tmp_path: Path) -> None:
    folder = tmp_path / "password" / "words"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        '[[wordlist]]\nid = "my-town"\ndescription = "Local"\nwords = ["brigadoon"]\n'
    )
    content = password_content.load(ContentStore(overlay=tmp_path))
    assert "brigadoon" in content.local_words


def test_overlay_problems_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "password" / "advice"
    folder.mkdir(parents=True)
    (folder / "bad.toml").write_text('[[advice]]\nid = "x"\ntitle = "t"\n')
    problems = password_content.check(ContentStore(overlay=tmp_path))
    assert any("required key is missing" in p.reason for p in problems)


def test_words_may_be_one_a_line_and_are_still_checked() -> None:
    # The generated lists keep a word a line in one multi-line string (it parses much faster).
    listed = WordList.model_validate({"id": "x", "description": "d", "words": "\nabc\n\n def \n"})
    assert listed.words == ["abc", "def"]
    for bad in ("abc\nNot A Word\n", "abc\nabc\n", "   \n"):
        with pytest.raises(ValidationError):
            WordList.model_validate({"id": "x", "description": "d", "words": bad})
