"""Content for ``sochelp password``: advice items and the UK dictionary (validated models).

``password`` and ``audit`` load it through :mod:`sochelp.password.dictionary`, which caches the
plain result.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from sochelp.content.store import Collection, CollectionSpec, ContentStore, require
from sochelp.content.types import CheckedDate, ContentModel, HttpsUrl, Slug, Text
from sochelp.errors import ContentProblem
from sochelp.password.dictionary import AdviceEntry, PasswordContent

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


Year = Annotated[int, Field(ge=1800, le=2030)]


class WordList(ContentModel):
    """Local words attackers try early: places, football clubs, names, local slang.

    Words are listed most-guessable first (rank matters to the rating), as an array or as one
    multi-line string with a word on each line (what the generated lists use: it reads about
    forty times faster than an array of 30,000 strings). ``founded`` maps a word to the year (or
    years) people often put after it, such as a club's founding year; "word+year" is added too.
    Every founding year needs a source in ``sources`` (the page it was checked on).
    """

    id: Slug
    description: Text
    words: list[Word] = Field(min_length=1)
    founded: dict[Word, Year | list[Year]] = Field(default_factory=dict)
    sources: dict[Word, HttpsUrl] = Field(default_factory=dict)

    @field_validator("words", mode="before")
    @classmethod
    def _one_a_line(cls, value: object) -> object:
        if isinstance(value, str):
            return [line.strip() for line in value.splitlines() if line.strip()]
        return value

    @model_validator(mode="after")
    def _consistent(self) -> WordList:
        seen: set[str] = set()
        for word in self.words:
            if word in seen:
                raise ValueError(f"word '{word}' is listed twice")
            seen.add(word)
        for field, names in (("founded", self.founded), ("sources", self.sources)):
            missing = [word for word in names if word not in seen]
            if missing:
                raise ValueError(f"{field} names words not in the list: {', '.join(missing)}")
        unsourced = [word for word in self.founded if word not in self.sources]
        if unsourced:
            raise ValueError(f"founding years without a source: {', '.join(unsourced)}")
        return self

    def years(self, word: str) -> tuple[int, ...]:
        """The years listed for ``word`` (none, one or several)."""
        years = self.founded.get(word, ())
        return (years,) if isinstance(years, int) else tuple(years)


ADVICE = CollectionSpec("password/advice", "advice", Advice)
WORDLISTS = CollectionSpec("password/words", "wordlist", WordList)


def _flatten(wordlists: Collection[WordList]) -> tuple[str, ...]:
    words: dict[str, None] = {}
    for wordlist in wordlists:
        if not wordlist.founded:
            # The same as setdefault word by word (a word seen before keeps its place), in C.
            words.update(dict.fromkeys(wordlist.words))
            continue
        for word in wordlist.words:
            words.setdefault(word, None)
            for year in wordlist.years(word):
                words.setdefault(f"{word}{year}", None)
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
    entries = tuple(
        AdviceEntry(item.id, item.title, item.text, tuple(item.show_when), item.source)
        for item in advice
    )
    return PasswordContent(entries, _flatten(wordlists)), []


def load(store: ContentStore) -> PasswordContent:
    """Password content, raising :class:`ContentError` listing every problem."""
    return require(collect(store))


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in password content (for ``sochelp content check``)."""
    return collect(store)[1]
