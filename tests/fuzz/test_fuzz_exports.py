"""Fuzzing the export readers: any bytes give a result or one InputError (never a crash, never a
field of a data row in the message), and any passwords written by a CSV writer read back byte
for byte, whatever they contain."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sochelp.audit.exports import FORMAT_IDS, FORMATS, InputError, read_export

pytestmark = pytest.mark.fuzz

# Passwords as a manager may hold them: any printable text, quotes, commas, line breaks.
password_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda p: p.strip() != "")


@given(data=st.binary(max_size=2000), forced=st.sampled_from([None, *FORMAT_IDS]))
def test_any_bytes_give_a_result_or_an_input_error(data: bytes, forced: str | None) -> None:
    try:
        result = read_export(data, "fuzz.csv", forced)
    except InputError as error:
        assert "\n" not in error.message.strip() or "Columns found" in error.message
        return
    for record in result.records:
        assert isinstance(record.password, str) and record.password


@given(
    header=st.sampled_from(FORMATS),
    rows=st.lists(
        st.lists(st.text(max_size=12).map(lambda t: "Zq" + t), min_size=1, max_size=8),
        max_size=6,
    ),
    terminator=st.sampled_from(["\n", "\r\n"]),
)
def test_rows_of_a_known_header_never_crash_or_leak(
    header: object, rows: list[list[str]], terminator: str
) -> None:
    columns = sorted(header.required)  # type: ignore[attr-defined]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator)
    writer.writerow(columns)
    writer.writerows(rows)
    try:
        result = read_export(out.getvalue().encode(), "fuzz.csv")
    except InputError as error:
        # A message names a line and counts, never a value from a data row (all start "Zq").
        assert "zq" not in (error.message + (error.hint or "")).lower()
        return
    assert all(record.password for record in result.records)


@given(
    passwords=st.lists(password_text, min_size=1, max_size=8),
    terminator=st.sampled_from(["\n", "\r\n"]),
    as_zip=st.booleans(),
)
def test_passwords_round_trip_byte_for_byte(
    passwords: list[str], terminator: str, as_zip: bool
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator, quoting=csv.QUOTE_ALL)
    writer.writerow(
        [
            *("username", "username2", "username3", "title", "password", "note", "url"),
            *("category", "otpSecret"),
        ]
    )
    for n, password in enumerate(passwords):
        writer.writerow(
            [f"user{n}", "", "", f"Site {n}", password, "a note\r\nline 2", "", "Email", ""]
        )
    text = out.getvalue()
    data = text.encode("utf-8")
    if as_zip:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("credentials.csv", data)
        data = buffer.getvalue()
    result = read_export(data, "export.csv", "dashlane")
    assert [r.password for r in result.records] == passwords
