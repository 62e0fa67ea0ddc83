"""Fuzzing the offline lookup: on any sorted file the checked binary search gives the right count
and range; on any damaged or foreign file it answers or reports, never crashes."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sochelp.breach.interface import BreachLookupError, HashedPassword
from sochelp.breach.offline import SortedFileSource, verify_sorted_file
from sochelp.errors import InputError

pytestmark = pytest.mark.fuzz

HEX = "0123456789ABCDEF"
# Hashes sharing short prefixes, so prefixes with many lines and neighbours appear often.
full_hash = st.builds(
    lambda head, tail: (head + tail)[:40],
    st.text(alphabet="0F8", min_size=1, max_size=6),
    st.text(alphabet=HEX, min_size=40, max_size=40),
)


def _write(lines: list[str], ending: str, final: bool) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="sochelp-fuzz-"))
    path = folder / "pp.txt"
    path.write_bytes((ending.join(lines) + (ending if final else "")).encode())
    return path


@given(
    rows=st.dictionaries(full_hash, st.integers(1, 10**9), min_size=1, max_size=400),
    queries=st.lists(full_hash, max_size=8),
    ending=st.sampled_from(["\n", "\r\n"]),
    final=st.booleans(),
)
def test_sorted_files_answer_exactly(
    rows: dict[str, int], queries: list[str], ending: str, final: bool
) -> None:
    path = _write([f"{h}:{c}" for h, c in sorted(rows.items())], ending, final)
    try:
        source = SortedFileSource(path)
        try:
            for query in [*queries, *list(rows)[:4]]:
                hashed = HashedPassword(query[:5], query[5:])
                assert source.count(hashed) == rows.get(query, 0)
                assert source.range(query[:5]) == {
                    h[5:]: c for h, c in rows.items() if h.startswith(query[:5])
                }
        finally:
            source.close()
        assert verify_sorted_file(path).lines == len(rows)
    finally:
        path.unlink()
        path.parent.rmdir()


@given(raw=st.binary(min_size=1, max_size=3000), query=full_hash)
def test_any_file_answers_or_reports(raw: bytes, query: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="sochelp-fuzz-"))
    path = folder / "pp.txt"
    path.write_bytes(raw)
    try:
        source = SortedFileSource(path)
    except InputError:
        path.unlink()
        folder.rmdir()
        return
    try:
        assert isinstance(source.count(HashedPassword(query[:5], query[5:])), int)
        assert isinstance(source.range(query[:5]), dict)
    except BreachLookupError:
        pass
    finally:
        source.close()
        path.unlink()
        folder.rmdir()


@given(
    rows=st.dictionaries(full_hash, st.integers(1, 999), min_size=2, max_size=200),
    damage=st.lists(
        st.tuples(st.integers(0, 10**6), st.binary(max_size=3)), min_size=1, max_size=3
    ),
    query=full_hash,
)
def test_damaged_sorted_files_never_crash(
    rows: dict[str, int], damage: list[tuple[int, bytes]], query: str
) -> None:
    data = bytearray("\n".join(f"{h}:{c}" for h, c in sorted(rows.items())).encode() + b"\n")
    for position, replacement in damage:
        at = position % len(data)
        data[at : at + len(replacement)] = replacement
    folder = Path(tempfile.mkdtemp(prefix="sochelp-fuzz-"))
    path = folder / "pp.txt"
    path.write_bytes(bytes(data))
    try:
        source = SortedFileSource(path)
    except InputError:
        source = None
    try:
        if source is not None:
            for target in (query, *list(rows)[:3]):
                try:
                    source.count(HashedPassword(target[:5], target[5:]))
                    source.range(target[:5])
                except BreachLookupError:
                    pass
        with contextlib.suppress(InputError):
            verify_sorted_file(path)
    finally:
        if source is not None:
            source.close()
        path.unlink()
        folder.rmdir()
