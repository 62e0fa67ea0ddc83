"""User errors stay user errors: corrupt ZIPs, bad service and proxy addresses, plain http to
another computer, and line breaks inside quoted CSV fields."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from sochelp.audit.exports import MAX_EXPORT_BYTES, read_export
from sochelp.breach.sources import open_source
from sochelp.errors import InputError, UsageError
from tests.audit import samples
from tests.conftest import run_cli

CSV = b"username,username2,username3,title,password,note,url,category,otpSecret\n" + (
    b"alice,,,Mail,Secret-Zip-Pw-1,,https://mail.example,Email,\n" * 50
)


def _zip(method: int = zipfile.ZIP_DEFLATED, content: bytes = CSV) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        archive.writestr("credentials.csv", content)
    return out.getvalue()


def _flip_data(raw: bytes) -> bytes:
    # Damage the compressed stream just after the local header and file name.
    data = bytearray(raw)
    name_length, extra_length = struct.unpack("<HH", raw[26:30])
    start = 30 + name_length + extra_length
    for offset in range(start + 2, start + 40):
        data[offset] ^= 0x5A
    return bytes(data)


def _bad_crc(raw: bytes) -> bytes:
    data = bytearray(raw)
    data[14:18] = b"\x00\x00\x00\x00"  # local header CRC
    central = raw.rfind(b"PK\x01\x02")
    data[central + 16 : central + 20] = b"\x00\x00\x00\x00"
    return bytes(data)


def _negative_seek(raw: bytes) -> bytes:
    # A central directory whose size is larger than the file: a negative seek when read.
    data = bytearray(raw)
    end = raw.rfind(b"PK\x05\x06")
    data[end + 12 : end + 16] = struct.pack("<I", len(raw) * 4)
    return bytes(data)


def _lying_size(raw: bytes) -> bytes:
    # The header claims a tiny file; the stream holds more (the reader must not trust it).
    data = bytearray(raw)
    central = raw.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = struct.pack("<I", 10)
    data[22:26] = struct.pack("<I", 10)
    return bytes(data)


def _bomb() -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("credentials.csv", "w", force_zip64=True) as member,
    ):
        block = b"0" * (1 << 20)
        for _ in range(MAX_EXPORT_BYTES // len(block) + 2):
            member.write(block)
    return out.getvalue()


CORRUPT = {
    "zlib stream": lambda: _flip_data(_zip()),
    "lzma stream": lambda: _flip_data(_zip(zipfile.ZIP_LZMA)),
    "bzip2 stream": lambda: _flip_data(_zip(zipfile.ZIP_BZIP2)),
    "bad crc": lambda: _bad_crc(_zip(zipfile.ZIP_STORED)),
    "negative seek": lambda: _negative_seek(_zip()),
    "lying size": lambda: _lying_size(_zip()),
    "truncated": lambda: _zip()[:60],
    "bomb": _bomb,
}


@pytest.mark.parametrize("kind", list(CORRUPT))
def test_corrupt_dashlane_zip_is_a_one_line_input_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "dashlane.zip"
    path.write_bytes(CORRUPT[kind]())
    result = run_cli(["audit", str(path), "--no-breach-check"])
    assert result.exit_code == 2, (kind, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.startswith("sochelp:")]
    assert lines[-1].startswith(f"sochelp: {path}") or "credentials.csv" in lines[-1], lines
    assert "Traceback" not in result.stderr and "bug" not in result.stderr
    assert "Secret-Zip-Pw" not in result.stderr + result.stdout


def test_a_damaged_zip_never_escapes_as_another_exception() -> None:
    raw = _zip()
    for position in range(0, len(raw), 7):
        damaged = bytearray(raw)
        damaged[position] ^= 0xFF
        try:
            read_export(bytes(damaged), "x.zip")
        except InputError:
            continue


BAD_URLS = [
    "http://[::1",
    "https://[nonsense]/",
    "https://host.example:99999",
    "https://host.example:port",
    "https://api.example/#range",
    "https://api.example/?k=1",
    "https://api.example/path#",
    "ftp://api.example",
    "api.example",
    "https://api example",
    "https://api.example\x1b[2J",
]


@pytest.mark.parametrize("command", ["password", "audit"])
@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_api_url_is_one_line_exit_2(tmp_path: Path, command: str, url: str) -> None:
    export = tmp_path / "e.csv"
    export.write_text("name,url,username,password\nMail,https://m.example,a,pw-one\n")
    args = ["password", "--api-url", url] if command == "password" else ["audit", str(export)]
    if command == "audit":
        args += ["--api-url", url]
    result = run_cli(args, input="some-password\n")
    assert result.exit_code == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("sochelp:")]
    assert len(errors) == 1 and "address" in errors[0], result.stderr
    assert "\x1b" not in result.stderr
    assert "Traceback" not in result.stderr


def test_fragment_and_query_are_refused_clearly() -> None:
    for url in ("https://api.example/#x", "https://api.example/?q"):
        with pytest.raises(UsageError, match=r"fragment.*query"):
            open_source(api_url=url, environ={})


def test_plain_http_to_another_computer_needs_allow_insecure() -> None:
    with pytest.raises(UsageError, match="plain http"):
        open_source(api_url="http://mirror.example", environ={})
    notes: list[str] = []
    source = open_source(
        api_url="http://mirror.example", environ={}, allow_insecure=True, notice=notes.append
    )
    assert source.base_url == "http://mirror.example"  # type: ignore[attr-defined]
    assert len(notes) == 1 and notes[0].startswith("warning:") and "plain http" in notes[0]
    for local in ("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80"):
        notes.clear()
        open_source(api_url=local, environ={}, notice=notes.append)
        assert notes == []


def test_plain_http_refusal_through_the_cli() -> None:
    result = run_cli(["password", "--api-url", "http://mirror.example"], input="pw-x\n")
    assert result.exit_code == 2
    assert "--allow-insecure" in result.stderr


BAD_PROXIES = ["http://[::1", "::::", "socks9://proxy.example", "http://proxy:notaport", "http://"]


@pytest.mark.parametrize("command", ["password", "audit"])
@pytest.mark.parametrize("proxy", BAD_PROXIES)
def test_bad_proxy_variable_is_one_line_exit_2(tmp_path: Path, command: str, proxy: str) -> None:
    export = tmp_path / "e.csv"
    export.write_text("name,url,username,password\nMail,https://m.example,a,pw-one\n")
    args = ["password"] if command == "password" else ["audit", str(export)]
    result = run_cli(args, input="some-password\n", env={"HTTPS_PROXY": proxy})
    assert result.exit_code == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("sochelp:")]
    assert len(errors) == 1 and "HTTPS_PROXY" in errors[0], result.stderr
    assert "Traceback" not in result.stderr


CRLF_PASSWORD = 'first line\r\nsecond, "quoted" line\r\n'


@pytest.mark.parametrize(
    "build",
    [b for b in samples.BUILDERS if b is not samples._plain],
    ids=[s.filename for s in samples.samples() if s.format_id != "plain"],
)
def test_crlf_inside_quoted_fields_is_kept_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch, build: object
) -> None:
    logins = (
        *samples.LOGINS,
        ("CRLF", "https://crlf.example", "carol", CRLF_PASSWORD),
    )
    monkeypatch.setattr(samples, "LOGINS", logins)
    monkeypatch.setattr(samples, "NOTE", "note line one\r\nnote line two\r\n")
    sample = build()  # type: ignore[operator]
    data = read_export(sample.content, sample.filename)
    found = {record.title: record.password for record in data.records}
    by_user = sorted(r.password for r in data.records if r.username == "carol")
    assert CRLF_PASSWORD in found.values() or CRLF_PASSWORD in by_user, sample.filename
    assert sorted(r.password for r in data.records) == sorted(login[3] for login in sample.logins)
