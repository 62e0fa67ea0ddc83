"""Range bodies: every line validated, padding dropped, order never assumed."""

from __future__ import annotations

import random

import pytest

from sochelp.breach.interface import BreachLookupError
from sochelp.breach.parse import (
    UNEXPECTED,
    _parse_lines,
    _parse_uniform,
    check_prefix,
    parse_range,
)

A = "0018A45C4D1DEF81644B54AB7F969B88D65"
B = "00D4F6E8FA6EECAD2A3AA415EEC418D38EC"
PAD = "FFFF0000000000000000000000000000001"


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
@pytest.mark.parametrize("final", [True, False])
def test_line_endings_and_final_newline(ending: str, final: bool) -> None:
    body = ending.join([f"{A}:3", f"{B}:10", f"{PAD}:0"]) + (ending if final else "")
    assert parse_range(body) == {A: 3, B: 10}


def test_unsorted_padding_is_not_a_match() -> None:
    body = f"{B}:10\n{PAD}:0\n{A}:3\n0000000000000000000000000000000000A:0"
    counts = parse_range(body)
    assert counts == {A: 3, B: 10}
    assert PAD not in counts


@pytest.mark.parametrize(
    "body",
    [
        "",
        "\n",
        "<html>oops</html>",
        f"{A.lower()}:3",
        f"{A}:3\n\n{B}:1",
        f"{A}:",
        f"{A}:-1",
        f"{A}:3 ",
        f"{A}0:3",
        f"{A[:-1]}:3",
        f"{A}:3\r",
        f"{A}:3\r\r\n",
        f"{A}:1e5",
        f"{A}:{'9' * 40}",
    ],
)
def test_anything_else_is_an_unexpected_response(body: str) -> None:
    with pytest.raises(BreachLookupError, match="unexpected response from the breach service"):
        parse_range(body)


def test_prefix_check() -> None:
    assert check_prefix("ABCDE") == "ABCDE"
    for bad in ("abcde", "ABCD", "ABCDEF", "GHIJK"):
        with pytest.raises(ValueError):
            check_prefix(bad)


def _outcome(parse: object, body: str) -> object:
    try:
        return parse(body)  # type: ignore[operator]
    except BreachLookupError as error:
        return ("error", error.message)


def _random_body(rng: random.Random) -> str:
    hexdigits = "0123456789ABCDEF"
    lines = [
        "".join(rng.choice(hexdigits) for _ in range(35)) + ":" + str(rng.choice([0, 0, 1, 42]))
        for _ in range(rng.randint(1, 12))
    ]
    if rng.random() < 0.2:
        lines.append(lines[0].split(":")[0] + ":7")  # a repeated suffix
    ending = rng.choice(["\n", "\r\n"])
    return ending.join(lines) + rng.choice(["", ending])


_MUTATIONS = ["", "\r", "\n", "\r\n", ":", "0", "a", "A", "F", "G", " ", "\u00e9", "00"]
_MUTATIONS += ["9" * 17, "9" * 18]


def test_fast_path_agrees_with_the_line_by_line_parser() -> None:
    """Whole-body validation must accept and reject exactly what the reference parser does."""
    rng = random.Random(20240)
    for _ in range(3000):
        body = _random_body(rng)
        if rng.random() < 0.7:
            at = rng.randrange(len(body) + 1)
            cut = at + rng.choice([0, 0, 1, 2])
            body = body[:at] + rng.choice(_MUTATIONS) + body[cut:]
        reference = _outcome(lambda b: _parse_lines(b, UNEXPECTED), body)
        assert _outcome(parse_range, body) == reference, repr(body)


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_padded_bodies_take_the_fast_path(ending: str) -> None:
    rng = random.Random(5)
    lines = [f"{A}:3", f"{B}:10"] + [
        "".join(rng.choice("0123456789ABCDEF") for _ in range(35)) + ":0" for _ in range(900)
    ]
    body = ending.join(lines) + ending
    assert _parse_uniform(body) == {A: 3, B: 10} == parse_range(body)


def test_mixed_line_endings_are_still_accepted() -> None:
    body = f"{A}:3\n{B}:10\r\n{PAD}:0"
    assert _parse_uniform(body) is None
    assert parse_range(body) == {A: 3, B: 10}
