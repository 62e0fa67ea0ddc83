"""Export readers: every format and variant from the fact sheet, detection, quirks and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.audit.exports import (
    FORMAT_IDS,
    FORMATS,
    ExportRecord,
    detect_format,
    read_export,
)
from sochelp.errors import InputError
from tests.audit.samples import DATA, PASSWORDS, Sample, samples

SAMPLES = samples()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.filename)
def test_committed_sample_matches_its_generator(sample: Sample) -> None:
    assert (DATA / sample.filename).read_bytes() == sample.content


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.filename)
def test_reads_every_format(sample: Sample) -> None:
    data = read_export((DATA / sample.filename).read_bytes(), sample.filename)
    assert data.format_id == sample.format_id
    got = tuple((r.title, r.url, r.username, r.password) for r in data.records)
    assert got == sample.logins
    assert dict(data.skipped) == sample.skipped
    assert data.skipped_total == sum(sample.skipped.values())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.filename)
def test_forced_format_reads_the_same(sample: Sample) -> None:
    data = read_export(sample.content, sample.filename, sample.format_id)
    assert [r.password for r in data.records] == [login[3] for login in sample.logins]


def test_every_format_has_a_sample() -> None:
    assert {s.format_id for s in SAMPLES} == set(FORMAT_IDS)


def test_sample_headers_detect_only_their_own_format() -> None:
    for sample in SAMPLES:
        if sample.format_id == "plain" or sample.filename.endswith(".zip"):
            continue
        header = sample.content.decode("utf-8-sig").splitlines()[0]
        cells = [c.strip('"') for c in header.split(",")]
        fmt = detect_format(cells)
        assert fmt is not None and fmt.id == sample.format_id, sample.filename


def test_quirky_passwords_survive_exactly() -> None:
    for sample in SAMPLES:
        data = read_export(sample.content, sample.filename)
        for record in data.records:
            if record.title == "Mail" and "," not in sample.filename:
                assert record.password == 'pa"ss,word\\x'
            if record.title in {"Café", "cafe.example"}:
                assert record.password == " ünïcødé Pässwörd 9 "


def test_password_not_in_repr() -> None:
    record = ExportRecord("t", "u", "n", "hunter2-secret", 3)
    assert "hunter2-secret" not in repr(record)
    assert "hunter2-secret" not in str(record)
    for sample in SAMPLES:
        text = repr(read_export(sample.content, sample.filename))
        for password in PASSWORDS:
            assert password not in text


def test_multiline_note_does_not_break_lines() -> None:
    text = (
        '"Group","Title","Username","Password","URL","Notes"\n'
        '"Root","A","a","pw-one","","line 1\nline 2\n\nline 4"\n'
        '"Root","B","b","pw-two","",""\n'
        '"Root","C","c","pw-""three","",""\n'
    )
    data = read_export(text.encode(), "x.csv")
    assert [(r.title, r.line) for r in data.records] == [("A", 2), ("B", 6), ("C", 7)]


def test_keepass2_backslash_escaping_is_not_rfc4180() -> None:
    text = (
        '"Account","Login Name","Password","Web Site","Comments"\r\n'
        '"Bank","me","a\\\\b\\"c","https://b.example","say \\"hi\\""\r\n'
    )
    data = read_export(text.encode(), "kp.csv")
    assert data.records[0].password == 'a\\b"c'


def test_lastpass_cr_cr_lf_and_html() -> None:
    text = (
        "url,username,password,totp,extra,name,grouping,fav\r\r\n"
        "https://a.example,me,a&amp;b&lt;c&gt;,,,A &amp; B,,0\r\r\n"
        "http://sn,,,,secret,Note,,0\r\r\n"
    )
    data = read_export(text.encode(), "lp.csv")
    assert [(r.title, r.password) for r in data.records] == [("A & B", "a&b<c>")]
    assert dict(data.skipped) == {"secure note": 1}


def test_utf16_with_bom() -> None:
    text = "name,url,username,password\nsite,https://s.example,me,pässword\n"
    data = read_export(text.encode("utf-16"), "c.csv")
    assert data.records[0].password == "pässword"


def test_plain_list_with_header_and_crlf() -> None:
    data = read_export(b"password\r\nfirst one\r\n\r\nsecond\r\n", "p.txt")
    assert [(r.title, r.password) for r in data.records] == [
        ("line 2", "first one"),
        ("line 4", "second"),
    ]


def test_forced_plain_keeps_commas() -> None:
    data = read_export(b"a,b,c\nd\n", "p.txt", "plain")
    assert [r.password for r in data.records] == ["a,b,c", "d"]


def test_aliases_and_unknown_format() -> None:
    text = b"name,url,username,password\nx,https://x.example,me,pw\n"
    assert read_export(text, "c.csv", "edge").format_id == "chrome"
    with pytest.raises(InputError) as caught:
        read_export(text, "c.csv", "wallet9000")
    assert "bitwarden" in (caught.value.hint or "")


def test_header_only_file_has_no_accounts() -> None:
    data = read_export(b"name,url,username,password\n", "c.csv")
    assert data.records == ()


# --- errors -------------------------------------------------------------------------------


def test_empty_file() -> None:
    for content in (b"", b"\xef\xbb\xbf", b"\n\n  \n"):
        with pytest.raises(InputError, match="empty"):
            read_export(content, "e.csv")


def test_not_utf8_names_the_line_not_the_bytes() -> None:
    content = b"name,url,username,password\nx,https://x.example,me,caf\xe9-secret\n"
    with pytest.raises(InputError) as caught:
        read_export(content, "latin1.csv")
    assert "line 2" in caught.value.message
    assert "secret" not in caught.value.message
    assert "UTF-8" in caught.value.message


def test_unknown_header_lists_columns_and_formats() -> None:
    content = b"site,login,secret,comment\na,b,c,d\n"
    with pytest.raises(InputError) as caught:
        read_export(content, "odd.csv")
    assert "does not look like a header" in caught.value.message
    assert "login" not in caught.value.message
    for fmt in FORMATS:
        assert fmt.id in (caught.value.hint or "")
    content = b"Title,Login,Password,Where\na,b,c,d\n"
    with pytest.raises(InputError) as caught:
        read_export(content, "odd.csv")
    assert "Columns found: Title, Login, Password, Where." in caught.value.message


def test_unknown_first_line_that_may_be_a_password_is_never_echoed() -> None:
    content = b"my,secret,pass\nmore\n"
    with pytest.raises(InputError) as caught:
        read_export(content, "pw.txt")
    text = caught.value.message + (caught.value.hint or "")
    assert "secret" not in text
    assert "--format plain" in text


@pytest.mark.parametrize("first", [b"Password,Summer2020x", b"url,Summer2020x,zz"])
def test_first_line_with_one_known_word_is_not_echoed(first: bytes) -> None:
    # A password list whose first password has a comma and a word like "password" in it.
    with pytest.raises(InputError) as caught:
        read_export(first + b"\nmore\n", "pw.txt")
    text = caught.value.message + (caught.value.hint or "")
    assert "Summer2020x" not in text
    assert "--format plain" in text


def test_forced_format_with_missing_columns() -> None:
    with pytest.raises(InputError) as caught:
        read_export(b"name,url,username,password\n", "c.csv", "keepass2")
    assert "login name" in caught.value.message


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b'name,url,username,password\nx,y,z,"unclosed-secret\nmore,1,2,3\n', 2),
        (b'name,url,username,password\nx,y,z,ok\nx,y,z,"bad"secret,\n', 3),
        (b"name,url,username,password\nx,y,z,ok\n\nx,y,too-many,secret,extra\n", 4),
        (b"name,url,username,password\nx,y,secret\n", 2),
    ],
)
def test_malformed_row_gives_line_never_content(content: bytes, line: int) -> None:
    with pytest.raises(InputError) as caught:
        read_export(content, "bad.csv")
    assert f"Line {line} " in caught.value.message
    text = caught.value.message + (caught.value.hint or "")
    assert "secret" not in text
    error = caught.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_zip_without_credentials(tmp_path: Path) -> None:
    import zipfile

    target = tmp_path / "x.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("other.csv", "a,b\n")
    with pytest.raises(InputError, match=r"credentials\.csv"):
        read_export(target.read_bytes(), "x.zip")
    with pytest.raises(InputError, match="cannot be opened"):
        read_export(b"PK\x03\x04broken", "y.zip")
