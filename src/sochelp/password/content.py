"""Content for ``sochelp password``: advice items and the UK/Scottish dictionary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from sochelp.content.store import Collection, CollectionSpec, ContentStore, require
from sochelp.content.types import CheckedDate, ContentModel, HttpsUrl, Slug, Text
from sochelp.errors import ContentProblem

#: When an advice item is shown.
Occasion = Literal["always", "weak", "breached"]

#: A dictionary word: lower-case letters and digits, written without spaces as people type it.
Word = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]{3,40}$")]


class Advice(ContentModel):
    """One piece of password advice in the NCSC spirit, with where it comes from."""

    id: Slug
    title: Text
    text: Text
    show_when: list[Occasion] = Field(min_length=1)
    source: HttpsUrl
    checked: CheckedDate


class WordList(ContentModel):
    """Local words attackers try early: places, football clubs, names, local slang.

    Words are listed most-guessable first (rank matters to the rating). ``founded`` maps a word to
    a year that people often put after it (a club's founding year); "word+year" is added too.
    """

    id: Slug
    description: Text
    words: list[Word] = Field(min_length=1)
    founded: dict[Word, Annotated[int, Field(ge=1800, le=2030)]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> WordList:
        seen: set[str] = set()
        for word in self.words:
            if word in seen:
                raise ValueError(f"word '{word}' is listed twice")
            seen.add(word)
        missing = [word for word in self.founded if word not in seen]
        if missing:
            raise ValueError(f"founded names words not in the list: {', '.join(missing)}")
        return self


ADVICE = CollectionSpec("password/advice", "advice", Advice)
WORDLISTS = CollectionSpec("password/words", "wordlist", WordList)


@dataclass(frozen=True)
class PasswordContent:
    """Advice and the flattened local dictionary (most-guessable first, no duplicates)."""

    advice: Collection[Advice]
    local_words: tuple[str, ...]


def _flatten(wordlists: Collection[WordList]) -> tuple[str, ...]:
    words: dict[str, None] = {}
    for wordlist in wordlists:
        for word in wordlist.words:
            words.setdefault(word, None)
            if word in wordlist.founded:
                words.setdefault(f"{word}{wordlist.founded[word]}", None)
    return tuple(words)


def collect(store: ContentStore) -> tuple[PasswordContent | None, list[ContentProblem]]:
    """Load advice and word lists; returns the content (if usable) and all problems."""
    advice, problems = store.collect(ADVICE)
    wordlists, word_problems = store.collect(WORDLISTS)
    problems = [*problems, *word_problems]
    for occasion in ("always", "weak", "breached"):
        if not any(occasion in item.show_when for item in advice):
            problems.append(
                ContentProblem(
                    "content/password/advice", "advice", f"no advice to show when '{occasion}'"
                )
            )
    if not len(wordlists):
        problems.append(ContentProblem("content/password/words", "wordlist", "no word lists"))
    if problems:
        return None, problems
    return PasswordContent(advice, _flatten(wordlists)), []


def load(store: ContentStore) -> PasswordContent:
    """Password content, raising :class:`ContentError` listing every problem."""
    return require(collect(store))


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in password content (for ``sochelp content check``)."""
    return collect(store)[1]
