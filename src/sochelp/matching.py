"""Matching free text ("I got a weird text") to content items by their keywords."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "im",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "some",
        "someone",
        "something",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "who",
        "with",
        "you",
        "your",
        "got",
        "get",
        "think",
        "just",
    ]
)


@dataclass(frozen=True)
class Candidate:
    """Something that can be matched: an id, a title and keywords."""

    id: str
    title: str
    keywords: Sequence[str]


@dataclass(frozen=True)
class Match:
    """A candidate that fits the text, with a relevance score."""

    id: str
    title: str
    score: float


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """Lower-cased, lightly stemmed words of ``text`` without common filler words."""
    return [_stem(w) for w in _WORD.findall(text.lower()[:2000]) if w not in _STOPWORDS]


def _score(candidate: Candidate, query_terms: set[str], query_text: str) -> float:
    score = 0.0
    for keyword in candidate.keywords:
        keyword_terms = terms(keyword)
        if not keyword_terms:
            continue
        if f" {' '.join(keyword_terms)} " in f" {query_text} ":
            score += 2.0 * len(keyword_terms)
        else:
            overlap = sum(1 for term in keyword_terms if term in query_terms)
            score += overlap / len(keyword_terms)
    title_terms = set(terms(candidate.title)) | set(terms(candidate.id.replace("-", " ")))
    score += 0.5 * len(title_terms & query_terms)
    return score


def rank(candidates: Iterable[Candidate], text: str, limit: int = 3) -> list[Match]:
    """Candidates that fit ``text``, best first (ties keep content order)."""
    words = terms(text)
    if not words:
        return []
    query_terms = set(words)
    query_text = " ".join(words)
    scored = [Match(c.id, c.title, _score(c, query_terms, query_text)) for c in candidates]
    scored = [m for m in scored if m.score > 0]
    scored.sort(key=lambda m: -m.score)
    return scored[:limit]


def closest_ids(ids: Sequence[str], text: str, limit: int = 3) -> list[str]:
    """Ids that look like a mistyped ``text``."""
    import difflib

    return difflib.get_close_matches(text.lower().strip(), list(ids), n=limit, cutoff=0.5)
