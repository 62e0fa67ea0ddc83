"""Range bodies: every line validated, padding dropped, order never assumed."""

from __future__ import annotations

import pytest

from sochelp.breach.interface import BreachLookupError
from sochelp.breach.parse import check_prefix, parse_range

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
