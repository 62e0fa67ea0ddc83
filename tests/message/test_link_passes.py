"""The defang, loose-scheme and glued-scheme passes of ``links.refang`` try their patterns only
where a match can start (a whole-text regex scan was slow on a 1 MB message). These tests check
that the passes give exactly what a plain ``re.sub`` of the same pattern gives."""

from __future__ import annotations

import random
import re

import pytest

from sochelp.message import links

_PIECES = (
    "http", "HTTP", "https", "Hxxp", "hxxps", "h**p", "FXP", "fxp", "://", ":", "/", " ", "[", "]",
    "(", ")", "{", "}", ".", "dot", "DOT", "x", "é", "İ", "_", "1", "-", "=", "\n", "a", "Z", "s",
    "//", " : / /", "www", "ẞ", "www.", "wap.", " .", ". ", "com", "co.uk", "\u00a0", "\u2003",
)  # fmt: skip


def _fix(match: re.Match[str]) -> str:
    return "<" + match.group(0).lower() + ">"


def _texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 16))) for _ in range(count)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_defang_pass_equals_a_plain_substitution(seed: int) -> None:
    pattern = links._DEFANG.compiled
    for text in _texts(4000, seed):
        places = links._starts(text, links._DEFANG_STARTS)
        assert links._sub_at(pattern, text, places, _fix) == pattern.sub(_fix, text)


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_the_loose_scheme_pass_equals_a_plain_substitution(seed: int) -> None:
    pattern = links._LOOSE_SCHEME.compiled
    for text in _texts(4000, seed):
        expected = pattern.sub(_fix, text)
        places = links._starts(text, links._SCHEME_STARTS)
        assert links._sub_at(pattern, text, places, _fix) == expected


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_the_glued_scheme_pass_equals_a_plain_substitution(seed: int) -> None:
    pattern = links._GLUED.compiled
    for text in _texts(4000, seed):
        assert links._unglue(text) == pattern.sub(" ", text), repr(text)


@pytest.mark.parametrize("seed", [10, 11])
def test_the_space_around_dot_passes_equal_plain_substitutions(seed: int) -> None:
    before = links._SPACE_BEFORE_DOT.compiled
    after = links._SPACE_AFTER_DOT.compiled
    for text in _texts(4000, seed):
        text = text.replace("dot", "com")
        places = links._before_dots(text)
        assert links._sub_at(before, text, places, _fix) == before.sub(_fix, text)
        places = links._starts(text, links._LINK_STARTS)
        expected = after.sub(lambda m: m.group(1), text)
        assert links._sub_at(after, text, places, lambda m: m.group(1)) == expected


def test_refang_still_repairs_disguised_links() -> None:
    text = "Visit hxxps://bank-secure[.]com or https: // pay .com now: experiencehttp://x.example"
    fixed = links.refang(text)
    assert "https://bank-secure.com" in fixed
    assert "https://" in fixed and "experience http://x.example" in fixed


@pytest.mark.parametrize("seed", [12, 13, 14])
def test_the_spaced_dot_pass_equals_a_plain_substitution(seed: int) -> None:
    pattern = links._SPACED_DOT.compiled
    for text in _texts(4000, seed):
        places = links._starts(text, links._SPACED_DOT_STARTS)
        assert links._sub_at(pattern, text, places, _fix) == pattern.sub(_fix, text), repr(text)
