"""Readers for password-manager CSV exports, with format detection from the header row.

Every reader yields :class:`ExportRecord` values. A record holds the password only so the audit can
hash and score it; the password is kept out of ``repr`` and no message built here ever quotes a
field of a data row (a malformed row is reported by its line number alone).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from sochelp.errors import InputError

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

Escaping = Literal["rfc4180", "backslash"]
Row = Mapping[str, str]

# Skip reasons, shown in the summary.
SECURE_NOTE = "secure note"
CARD = "card"
IDENTITY = "identity"
ALIAS = "alias"
FOLDER = "folder"
OTHER_ITEM = "other item type"
NO_PASSWORD = "no password"
RECYCLE_BIN = "in the recycle bin"

#: Largest export accepted (a vault of tens of thousands of items is a few MB).
MAX_EXPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ExportRecord:
    """One login from an export. The password is excluded from ``repr`` and comparisons."""

    title: str
    url: str
    username: str
    password: str = field(repr=False, compare=False)
    line: int = 0


@dataclass(frozen=True)
class ExportFormat:
    """How to recognise and read one manager's CSV export."""

    id: str
    name: str
    #: Lower-case column names that must all be present for the header to match.
    required: frozenset[str]
    #: Lower-case column names this format may also have (used to name columns as known).
    optional: frozenset[str] = frozenset()
    #: Columns that rule this format out (to tell look-alike headers apart).
    forbidden: frozenset[str] = frozenset()
    title: tuple[str, ...] = ()
    url: tuple[str, ...] = ()
    username: tuple[str, ...] = ()
    password: str = "password"
    escaping: Escaping = "rfc4180"
    html_encoded: bool = False
    #: Returns a skip reason for rows that are not logins, or None for a login.
    classify: Callable[[Row], str | None] | None = None

    def matches(self, columns: frozenset[str]) -> bool:
        """True when a header with these (lower-case) columns fits this format."""
        return self.required <= columns and not (self.forbidden & columns)


@dataclass(frozen=True)
class ExportData:
    """What a reader found: the format, the logins, and the rows skipped (by reason)."""

    format_id: str
    format_name: str
    records: tuple[ExportRecord, ...]
    skipped: tuple[tuple[str, int], ...] = ()

    @property
    def skipped_total(self) -> int:
        """How many rows held no password to check."""
        return sum(count for _, count in self.skipped)


def _type_classifier(
    column: str, logins: frozenset[str], reasons: Mapping[str, str]
) -> Callable[[Row], str | None]:
    def classify(row: Row) -> str | None:
        kind = row.get(column, "").strip()
        if kind.lower() in logins:
            return None
        return reasons.get(kind.lower(), OTHER_ITEM)

    return classify


def _keepassxc_classify(row: Row) -> str | None:
    parts = [p.strip().lower() for p in re.split(r"[/\\]", row.get("group", ""))]
    return RECYCLE_BIN if "recycle bin" in parts else None


def _lastpass_classify(row: Row) -> str | None:
    return SECURE_NOTE if row.get("url", "").strip().lower() == "http://sn" else None


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        id="bitwarden",
        name="Bitwarden",
        required=frozenset({"type", "name", "login_uri", "login_username", "login_password"}),
        optional=frozenset(
            {"folder", "favorite", "collections", "notes", "fields", "reprompt", "login_totp"}
        ),
        title=("name",),
        url=("login_uri",),
        username=("login_username",),
        password="login_password",
        classify=_type_classifier(
            "type",
            frozenset({"login"}),
            {"note": SECURE_NOTE, "card": CARD, "identity": IDENTITY},
        ),
    ),
    ExportFormat(
        id="firefox",
        name="Firefox",
        required=frozenset({"url", "username", "password", "httprealm", "formactionorigin"}),
        optional=frozenset({"guid", "timecreated", "timelastused", "timepasswordchanged"}),
        url=("url",),
        username=("username",),
    ),
    ExportFormat(
        id="1password8",
        name="1Password 8",
        required=frozenset({"title", "url", "username", "password", "favorite", "archived"}),
        optional=frozenset({"otpauth", "tags", "notes"}),
        title=("title",),
        url=("url",),
        username=("username",),
    ),
    ExportFormat(
        id="1password7-mac",
        name="1Password 7 (Mac)",
        required=frozenset({"title", "type", "username", "password"}),
        optional=frozenset({"url", "urls", "website", "notesplain", "uuid", "scope", "tags"}),
        title=("title",),
        url=("url", "urls", "website"),
        username=("username",),
        escaping="backslash",
        classify=_type_classifier(
            "type",
            frozenset({"login", "password", ""}),
            {"secure note": SECURE_NOTE, "credit card": CARD, "identity": IDENTITY},
        ),
    ),
    ExportFormat(
        id="1password7-win",
        name="1Password 7 (Windows)",
        required=frozenset({"uuid", "title", "username", "password", "url"}),
        optional=frozenset({"urls", "scope", "autosubmit", "notes", "tags"}),
        forbidden=frozenset({"type"}),
        title=("title",),
        url=("url", "urls"),
        username=("username",),
    ),
    ExportFormat(
        id="keepassxc",
        name="KeePassXC",
        required=frozenset({"group", "title", "username", "password", "url", "notes"}),
        optional=frozenset({"totp", "icon", "last modified", "created"}),
        title=("title",),
        url=("url",),
        username=("username",),
        classify=_keepassxc_classify,
    ),
    ExportFormat(
        id="keepass2",
        name="KeePass 2 (CSV 1.x)",
        required=frozenset({"account", "login name", "password", "web site", "comments"}),
        title=("account",),
        url=("web site",),
        username=("login name",),
        escaping="backslash",
    ),
    ExportFormat(
        id="lastpass",
        name="LastPass",
        required=frozenset({"url", "username", "password", "extra", "name", "grouping"}),
        optional=frozenset({"totp", "fav"}),
        title=("name",),
        url=("url",),
        username=("username",),
        html_encoded=True,
        classify=_lastpass_classify,
    ),
    ExportFormat(
        id="protonpass",
        name="Proton Pass",
        required=frozenset(
            {"type", "name", "url", "username", "password", "note", "createtime", "modifytime"}
        ),
        optional=frozenset({"email", "totp", "vault", "autofillurls"}),
        title=("name",),
        url=("url",),
        username=("username", "email"),
        classify=_type_classifier(
            "type",
            frozenset({"login"}),
            {
                "note": SECURE_NOTE,
                "creditcard": CARD,
                "identity": IDENTITY,
                "alias": ALIAS,
            },
        ),
    ),
    ExportFormat(
        id="dashlane",
        name="Dashlane",
        required=frozenset({"username", "username2", "title", "password", "url", "category"}),
        optional=frozenset({"username3", "note", "otpsecret", "otpurl"}),
        title=("title",),
        url=("url",),
        username=("username", "username2", "username3"),
    ),
    ExportFormat(
        id="nordpass",
        name="NordPass",
        required=frozenset({"name", "url", "username", "password", "note", "folder", "type"}),
        optional=frozenset(
            {
                "additional_urls",
                "cardholdername",
                "cardnumber",
                "cvc",
                "expirydate",
                "zipcode",
                "full_name",
                "phone_number",
                "email",
                "address1",
                "address2",
                "city",
                "country",
                "state",
                "custom_fields",
            }
        ),
        title=("name",),
        url=("url",),
        username=("username", "email"),
        classify=_type_classifier(
            "type",
            frozenset({"password"}),
            {
                "note": SECURE_NOTE,
                "credit_card": CARD,
                "identity": IDENTITY,
                "folder": FOLDER,
            },
        ),
    ),
    ExportFormat(
        id="apple",
        name="Apple Passwords / Safari",
        required=frozenset({"title", "url", "username", "password"}),
        optional=frozenset({"notes", "otpauth"}),
        forbidden=frozenset({"type", "uuid", "favorite"}),
        title=("title",),
        url=("url",),
        username=("username",),
    ),
    ExportFormat(
        id="chrome",
        name="Chrome / Edge",
        required=frozenset({"name", "url", "username", "password"}),
        optional=frozenset({"note"}),
        title=("name",),
        url=("url",),
        username=("username",),
    ),
)

PLAIN_ID = "plain"
PLAIN_NAME = "plain list (one password per line)"
FORMAT_IDS: tuple[str, ...] = (*(f.id for f in FORMATS), PLAIN_ID)
_ALIASES = {
    "edge": "chrome",
    "safari": "apple",
    "1password": "1password8",
    "1password7": "1password7-mac",
    "keepass": "keepass2",
    "proton": "protonpass",
}
_BY_ID = {f.id: f for f in FORMATS}
_KNOWN_COLUMNS = frozenset().union(*(f.required | f.optional for f in FORMATS))
# A header cell that looks like a column name (safe to echo back in an error).
_COLUMN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9 _()./-]{0,39}$")


def format_names() -> str:
    """The formats known, for help text and error hints."""
    return ", ".join(FORMAT_IDS)


def resolve_format(name: str) -> str:
    """The format id for a ``--format`` value (accepting a few common aliases)."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in FORMAT_IDS:
        raise InputError(
            f"'{name[:40]}' is not a format this program reads.",
            hint=f"Known formats: {format_names()}.",
        )
    return key


def detect_format(header: list[str]) -> ExportFormat | None:
    """The most specific known format whose required columns all appear in ``header``."""
    columns = frozenset(_clean(c).lower() for c in header)
    candidates = [f for f in FORMATS if f.matches(columns)]
    if not candidates:
        return None
    return max(candidates, key=lambda f: (len(f.required), len(columns & f.optional)))


def read_export(data: bytes, source: str, format_id: str | None = None) -> ExportData:
    """Read an export (CSV, a Dashlane ZIP, or a plain password list) from its raw bytes.

    ``source`` names the input in messages. ``format_id`` forces a format (see
    :data:`FORMAT_IDS`); otherwise the header row decides.
    """
    if data.startswith(b"PK\x03\x04"):
        data = _dashlane_zip(data, source)
    text = _decode(data, source)
    if not text.strip():
        raise InputError(
            f"{source} is empty.", hint="Export your passwords again and give that file."
        )
    chosen = resolve_format(format_id) if format_id else None
    if chosen == PLAIN_ID:
        return _read_plain(_normalise_newlines(text))
    first_line = _normalise_newlines(text[:4096]).split("\n", 1)[0]
    if chosen is None and "," not in first_line:
        return _read_plain(_normalise_newlines(text))
    fmt = _BY_ID[chosen] if chosen else None
    # The CSV reader takes LF, CRLF or CR line endings as they come and keeps line breaks inside
    # quoted fields byte for byte (a CRLF in a password is part of the password). Only LastPass's
    # CR CR LF line ending is made an ordinary CRLF first.
    return _read_csv(text.replace("\r\r\n", "\r\n"), source, fmt)


def _clean(cell: str) -> str:
    return cell.strip().lstrip("\ufeff").strip()


#: Most entries looked at in a ZIP file (a Dashlane export has a handful).
_MAX_ZIP_ENTRIES = 1000


def _dashlane_zip(data: bytes, source: str) -> bytes:
    try:
        return _read_zip_member(data, source)
    except InputError:
        raise
    except Exception:
        # The archive is untrusted input: a broken deflate or LZMA stream, a bad CRC, a negative
        # seek from a forged header, an unsupported method. None of it is a bug in sochelp.
        raise InputError(
            f"{source} looks like a ZIP file but cannot be opened (it is damaged or not a "
            "Dashlane export).",
            hint="Unzip it yourself and give the CSV file inside, or export again.",
        ) from None


def _read_zip_member(data: bytes, source: str) -> bytes:
    import zipfile  # only for Dashlane's ZIP export

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > _MAX_ZIP_ENTRIES:
                raise InputError(f"{source} holds far more files than a Dashlane export.")
            members = [
                info
                for info in entries
                if info.filename.rsplit("/", 1)[-1].lower() == "credentials.csv"
            ]
            if not members:
                raise InputError(
                    f"{source} is a ZIP file without a credentials.csv inside.",
                    hint="Give the credentials.csv from a Dashlane export, or a CSV export.",
                )
            if members[0].file_size > MAX_EXPORT_BYTES:
                raise InputError(f"credentials.csv in {source} is too large to audit.")
            # Read at most one byte more than allowed, whatever the header claims (zip bomb).
            with archive.open(members[0]) as member:
                content = member.read(MAX_EXPORT_BYTES + 1)
            if len(content) > MAX_EXPORT_BYTES:
                raise InputError(f"credentials.csv in {source} is too large to audit.")
            return content
    except (zipfile.BadZipFile, OSError, RuntimeError):
        raise InputError(
            f"{source} looks like a ZIP file but cannot be opened.",
            hint="Unzip it yourself and give the CSV file inside.",
        ) from None


def _decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{source} is not UTF-8 text (the first bad byte is on line {line}).",
            hint="Export again from your password manager, or save the file as CSV UTF-8.",
        ) from None


def _normalise_newlines(text: str) -> str:
    # LastPass may end lines with CR CR LF; Windows exporters with CR LF.
    text = text.replace("\r\r\n", "\n").replace("\r\n", "\n")
    if "\n" not in text:
        text = text.replace("\r", "\n")
    return text


def _read_plain(text: str) -> ExportData:
    records: list[ExportRecord] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        if number == 1 and line.strip().lower() == "password":
            continue  # a one-column header
        records.append(ExportRecord(title=f"line {number}", url="", username="", password=line))
    return ExportData(PLAIN_ID, PLAIN_NAME, tuple(records))


def _reader(text: str, escaping: Escaping) -> CsvReader:
    # newline="": lines are split at LF, CRLF or CR but handed over unchanged, as csv requires.
    stream = io.StringIO(text, newline="")
    if escaping == "backslash":
        return csv.reader(stream, escapechar="\\", doublequote=False, strict=True)
    return csv.reader(stream, strict=True)


def _csv_rows(text: str, source: str, escaping: Escaping) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on; a CSV error names the line, never its content."""
    reader = _reader(text, escaping)
    previous_end = 0
    while True:
        start = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise InputError(
                f"Line {start} of {source} is not a valid CSV row "
                "(for example a quote that is never closed).",
                hint="Export the file again; if you edited it, check that line in a spreadsheet.",
            ) from None
        previous_end = reader.line_num
        yield start, row


def _describe_header(header: list[str]) -> str:
    cells = [_clean(c) for c in header]
    if sum(1 for c in cells if c.lower() in _KNOWN_COLUMNS) >= 2:
        shown = [c if _COLUMN_NAME.match(c) else "(unreadable column name)" for c in cells]
        return "Columns found: " + ", ".join(shown) + "."
    # Fewer than two known column names: this may be a data row (or a line of a password list
    # with a comma in it), which could hold a password. Say nothing of its content.
    return (
        f"Its first line ({len(cells)} comma-separated values) does not look like a header, so "
        "it is not repeated here, in case it holds a password."
    )


def _read_csv(text: str, source: str, forced: ExportFormat | None) -> ExportData:
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_EXPORT_BYTES)
    try:
        return _read_csv_rows(text, source, forced)
    finally:
        csv.field_size_limit(previous)


def _read_csv_rows(text: str, source: str, forced: ExportFormat | None) -> ExportData:
    # The header never uses escapes, so read it the RFC 4180 way to choose the format.
    header_rows = _csv_rows(text, source, "rfc4180")
    header: list[str] = []
    for _, row in header_rows:
        if row:
            header = row
            break
    fmt = forced or detect_format(header)
    columns = [_clean(c).lower() for c in header]
    if fmt is None:
        raise InputError(
            f"{source} does not start with the header row of an export this program knows. "
            + _describe_header(header),
            hint=f"Known formats: {format_names()}. Choose one with --format, or use "
            "--format plain for a list of passwords, one per line.",
        )
    missing = sorted(fmt.required - set(columns))
    if missing:
        raise InputError(
            f"{source} lacks columns a {fmt.name} export has: {', '.join(missing)}. "
            + _describe_header(header),
            hint="Check --format, or leave it out to detect the format from the header.",
        )
    counts: Counter[str] = Counter()
    records: list[ExportRecord] = []
    rows = _csv_rows(text, source, fmt.escaping)
    seen_header = False
    for line, row in rows:
        if not row or row == [""]:
            continue
        if not seen_header:
            seen_header = True
            continue
        if len(row) != len(columns):
            raise InputError(
                f"Line {line} of {source} has {len(row)} values where the header has "
                f"{len(columns)}.",
                hint="Export the file again; if you edited it, check that line in a spreadsheet.",
            )
        values = dict(zip(columns, row, strict=True))
        reason = fmt.classify(values) if fmt.classify else None
        password = _value(values, (fmt.password,), fmt.html_encoded)
        if reason is None and not password:
            reason = NO_PASSWORD
        if reason is not None:
            counts[reason] += 1
            continue
        url = _value(values, fmt.url, fmt.html_encoded)
        if fmt.id == "bitwarden":
            url = url.split(",", 1)[0].strip()
        title = _value(values, fmt.title, fmt.html_encoded) or _site(url) or "(untitled)"
        records.append(
            ExportRecord(
                title=title,
                url=url,
                username=_value(values, fmt.username, fmt.html_encoded),
                password=password,
                line=line,
            )
        )
    return ExportData(fmt.id, fmt.name, tuple(records), tuple(sorted(counts.items())))


def _value(values: Mapping[str, str], names: tuple[str, ...], html: bool) -> str:
    for name in names:
        value = values.get(name, "")
        if value:
            if html:
                value = value.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            return value if name == "password" or name.endswith("_password") else value.strip()
    return ""


def _site(url: str) -> str:
    """A short site name from a URL (the host, or an Android app's package)."""
    if not url:
        return ""
    if url.startswith("android://") and "@" in url:
        return url.rsplit("@", 1)[-1].strip("/")
    try:
        host = urlsplit(url if "://" in url else f"//{url}").hostname
    except ValueError:
        return ""
    return host or ""
