"""Fuzzing the range-response parsers: the fast whole-body checks, the per-suffix matcher and the
line-by-line reference parser accept and refuse exactly the same bodies, with the same messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sochelp.breach.interface import BreachLookupError
from sochelp.breach.parse import UNEXPECTED, _parse_lines, match_range, parse_range

pytestmark = pytest.mark.fuzz

HEX = "0123456789ABCDEF"
suffix = st.text(alphabet=HEX, min_size=35, max_size=35)
line = st.tuples(suffix, st.integers(min_value=0, max_value=10**18 - 1)).map(
    lambda pair: f"{pair[0]}:{pair[1]}"
)
MUTATIONS = ["", "\r", "\n", "\r\n", ":", "0", "a", "A", "G", " ", "\u00e9", "9" * 18, "\x00"]


@st.composite
def bodies(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line, min_size=0, max_size=30))
    if lines and draw(st.booleans()):
        lines.append(lines[0].split(":")[0] + ":" + str(draw(st.integers(0, 99))))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    body = ending.join(lines) + draw(st.sampled_from(["", ending]))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(body)))
        cut = at + draw(st.integers(0, 2))
        body = body[:at] + draw(st.sampled_from(MUTATIONS)) + body[cut:]
    return body


def _outcome(parse: object, body: object) -> object:
    try:
        return parse(body)  # type: ignore[operator]
    except BreachLookupError as error:
        return ("error", error.message)


@given(body=bodies())
def test_fast_path_agrees_with_the_reference(body: str) -> None:
    assert _outcome(parse_range, body) == _outcome(lambda b: _parse_lines(b, UNEXPECTED), body)


@given(body=bodies(), extra=st.lists(suffix, max_size=3), pick=st.integers(0, 5))
def test_matching_agrees_with_the_full_parse(body: str, extra: list[str], pick: int) -> None:
    present = [text.split(":")[0] for text in body.splitlines() if ":" in text][:pick]
    wanted = [*extra, *[s for s in present if len(s) == 35]]
    raw = body.encode("utf-8")
    full = (
        _outcome(parse_range, body)
        if body.isascii()
        else ("error", f"{UNEXPECTED} (not plain text)")
    )
    matched = _outcome(lambda b: match_range(b, wanted), raw)
    if isinstance(full, tuple):
        assert matched == full
    else:
        assert matched == {s: full.get(s, 0) for s in wanted}


@given(raw=st.binary(max_size=600), wanted=st.lists(suffix, max_size=2))
def test_any_bytes_give_counts_or_one_lookup_error(raw: bytes, wanted: list[str]) -> None:
    try:
        found = match_range(raw, wanted)
    except BreachLookupError as error:
        assert error.message.startswith(UNEXPECTED)
        return
    assert set(found) == set(wanted)
