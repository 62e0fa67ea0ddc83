"""Made-up export files in every supported format, built from the fact sheet, with what a reader
should find in each. ``python -m tests.audit.samples`` rewrites tests/audit/data/ from here."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"

Login = tuple[str, str, str, str]  # title, url, username, password

NOTE = 'Line one of a note\nline two, with a comma and "quotes"'
LOGINS: tuple[Login, ...] = (
    ("Example Bank", "https://bank.example.com/login", "alice@example.com", "Tr0ub4dor&3<x>"),
    ("Mail", "https://mail.example.org", "alice", 'pa"ss,word\\x'),
    ("Shop", "https://shop.example.net", "alice.b", "Zebra-Kettle-Muffin-42!"),
    ("Forum", "https://forum.example.com", "al1ce", "Zebra-Kettle-Muffin-42!"),
    ("Old site", "http://old.example.co.uk", "alice", "hunter2"),
    ("Café", "https://cafe.example", "ålice", " ünïcødé Pässwörd 9 "),
)
PASSWORDS = tuple(sorted({login[3] for login in LOGINS}))


@dataclass(frozen=True)
class Sample:
    """One export file and what reading it must give."""

    filename: str
    format_id: str
    content: bytes
    logins: tuple[Login, ...]
    skipped: dict[str, int]


def _minimal(rows: Sequence[Sequence[str]], newline: str = "\n", final: bool = True) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    text = out.getvalue()
    return text if final else text[: -len(newline)]


def _all_quoted(
    rows: Sequence[Sequence[str | None]], newline: str = "\n", final: bool = True
) -> str:
    lines = [
        ",".join("" if v is None else '"' + v.replace('"', '""') + '"' for v in row) for row in rows
    ]
    return newline.join(lines) + (newline if final else "")


def _backslash(rows: Sequence[Sequence[str]], newline: str) -> str:
    def cell(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "".join(",".join(cell(v) for v in row) + newline for row in rows)


def _bitwarden(org: bool) -> Sample:
    lead = ["collections"] if org else ["folder", "favorite"]
    header = [*lead, "type", "name", "notes", "fields", "reprompt"]
    header += ["login_uri", "login_username", "login_password", "login_totp"]
    pad = [""] if org else ["", ""]
    rows: list[list[str]] = [header]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        uri = f"{url},https://alt.example.com" if i == 0 else url
        rows.append([*pad, "login", title, NOTE if i == 1 else "", "", "0", uri, user, pw, ""])
    rows.append([*pad, "note", "My secure note", NOTE, "", "0", "", "", "", ""])
    rows.append([*pad, "card", "Visa", "", "", "0", "", "", "", ""])
    text = _minimal(rows, "\r\n", final=False)
    name = "bitwarden-org.csv" if org else "bitwarden.csv"
    return Sample(name, "bitwarden", text.encode(), LOGINS, {"card": 1, "secure note": 1})


def _chrome(note: bool, newline: str) -> Sample:
    header = ["name", "url", "username", "password"] + (["note"] if note else [])
    rows: list[list[str]] = [header]
    expected: list[Login] = []
    for i, (_, url, user, pw) in enumerate(LOGINS):
        host = url.split("/")[2]
        rows.append([host, url, user, pw] + ([NOTE if i == 2 else ""] if note else []))
        expected.append((host, url, user, pw))
    app = "android://c2VjcmV0@com.example.app/"
    rows.append(["com.example.app", app, "alice", "hunter2"] + ([""] if note else []))
    expected.append(("com.example.app", app, "alice", "hunter2"))
    name = "chrome.csv" if note else "chrome-old.csv"
    return Sample(name, "chrome", _minimal(rows, newline).encode(), tuple(expected), {})


def _firefox() -> Sample:
    header = ["url", "username", "password", "httpRealm", "formActionOrigin", "guid"]
    header += ["timeCreated", "timeLastUsed", "timePasswordChanged"]
    rows: list[list[str | None]] = [header]
    expected: list[Login] = []
    for i, (_, url, user, pw) in enumerate(LOGINS):
        origin = url.rsplit("/", 1)[0] if url.count("/") > 2 else url
        rows.append([origin, user, pw, None, "", f"{{guid-{i}}}", "1", "2", "3"])
        expected.append((origin.split("/")[2], origin, user, pw))
    return Sample(
        "firefox.csv",
        "firefox",
        _all_quoted(rows, "\r\n", final=False).encode(),
        tuple(expected),
        {},
    )


def _onepassword8() -> Sample:
    header = ["Title", "Url", "Username", "Password", "OTPAuth", "Favorite", "Archived"]
    header += ["Tags", "Notes"]
    rows: list[list[str | None]] = [header]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        rows.append([title, url, user, pw, "", "false", "false", "", NOTE if i == 0 else ""])
    rows.append(["Wifi note", "", "", "", "", "false", "false", "", NOTE])
    return Sample(
        "1password8.csv", "1password8", _all_quoted(rows).encode(), LOGINS, {"no password": 1}
    )


def _onepassword7_mac() -> Sample:
    header = ["cardholder name(cardholder)", "notesPlain", "number(ccnum)", "password"]
    header += ["title", "type", "URL", "username"]
    rows = [header]
    for title, url, user, pw in LOGINS:
        rows.append(["", "", "", pw, title, "Login", url, user])
    rows.append(["", NOTE, "", "", "Door code", "Secure Note", "", ""])
    rows.append(["A Person", "", "4111111111111111", "", "Card", "Credit Card", "", ""])
    text = _backslash(rows, "\n")
    return Sample(
        "1password7-mac.csv",
        "1password7-mac",
        text.encode(),
        LOGINS,
        {"card": 1, "secure note": 1},
    )


def _onepassword7_win() -> Sample:
    header = ["UUID", "TITLE", "USERNAME", "PASSWORD", "URL", "URLS", "SCOPE", "AUTOSUBMIT"]
    header += ["NOTES"]
    rows: list[list[str | None]] = [header]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        rows.append([f"uuid{i}", title, user, pw, url, "", "Default", "Default", ""])
    rows.append(["uuid9", "A note", "", "", "", "", "", "", NOTE])
    return Sample(
        "1password7-win.csv",
        "1password7-win",
        _all_quoted(rows, "\r\n").encode(),
        LOGINS,
        {"no password": 1},
    )


def _keepassxc(full: bool) -> Sample:
    header = ["Group", "Title", "Username", "Password", "URL", "Notes"]
    if full:
        header += ["TOTP", "Icon", "Last Modified", "Created"]
    extra = ["", "0", "2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z"] if full else []
    rows: list[list[str | None]] = [header]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        rows.append(["Root/Internet", title, user, pw, url, NOTE if i == 3 else "", *extra])
    rows.append(["Root/Recycle Bin", "Deleted", "bob", "Deleted-Pass-1", "", "", *extra])
    name = "keepassxc.csv" if full else "keepassxc-6col.csv"
    return Sample(name, "keepassxc", _all_quoted(rows).encode(), LOGINS, {"in the recycle bin": 1})


def _keepass2() -> Sample:
    rows = [["Account", "Login Name", "Password", "Web Site", "Comments"]]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        rows.append([title, user, pw, url, NOTE if i == 1 else ""])
    return Sample("keepass2.csv", "keepass2", _backslash(rows, "\r\n").encode(), LOGINS, {})


def _html(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lastpass(totp: bool) -> Sample:
    header = ["url", "username", "password"] + (["totp"] if totp else [])
    header += ["extra", "name", "grouping", "fav"]
    rows = [header]
    for title, url, user, pw in LOGINS:
        rows.append([url, user, _html(pw)] + ([""] if totp else []) + ["", title, "Web", "0"])
    rows.append(["http://sn", "", "", *([""] if totp else []), NOTE, "Secret note", "Notes", "0"])
    if totp:
        text = _minimal(rows, "\r\r\n")
        name = "lastpass.csv"
    else:
        text = _minimal(rows, "\n")
        name = "lastpass-old.csv"
    return Sample(name, "lastpass", text.encode(), LOGINS, {"secure note": 1})


def _apple(new: bool) -> Sample:
    header = ["Title", "URL" if new else "Url", "Username", "Password"]
    header += ["Notes", "OTPAuth"] if new else []
    rows = [header]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        rows.append([title, url, user, pw] + ([NOTE if i == 4 else "", ""] if new else []))
    name = "apple.csv" if new else "safari-15.csv"
    return Sample(name, "apple", _minimal(rows).encode(), LOGINS, {})


def _proton(variant: str) -> Sample:
    newest = variant == "newest"
    old = variant == "old"
    header = ["type", "name", "url"] + (["autofillUrls"] if newest else [])
    header += [] if old else ["email"]
    header += ["username", "password", "note", "totp", "createTime", "modifyTime"]
    header += [] if old else ["vault"]

    def row(kind: str, name: str, url: str, email: str, user: str, pw: str, note: str) -> list[str]:
        cells = [kind, name, url] + ([url] if newest else [])
        cells += [] if old else [email]
        cells += [user, pw, note, "", "1700000000", "1700000001"]
        return cells + ([] if old else ["Personal"])

    rows = [header]
    expected: list[Login] = []
    for i, (title, url, user, pw) in enumerate(LOGINS):
        if i == 0 and not old:  # a login keyed by e-mail only
            rows.append(row("login", title, url, user, "", pw, ""))
        else:
            rows.append(row("login", title, url, "", user, pw, NOTE if i == 2 else ""))
        expected.append((title, url, user, pw))
    rows.append(row("alias", "alias", "", "x.y@alias.example", "", "", ""))
    rows.append(row("note", "A note", "", "", "", "", NOTE))
    rows.append(row("creditCard", "Card", "", "", "", "", ""))
    rows.append(row("identity", "Me", "", "", "", "", ""))
    skipped = {"alias": 1, "secure note": 1, "card": 1, "identity": 1}
    return Sample(
        f"protonpass-{variant}.csv",
        "protonpass",
        _minimal(rows, "\r\n").encode(),
        tuple(expected),
        skipped,
    )


def _dashlane_rows(otp: str) -> str:
    header = ["username", "username2", "username3", "title", "password", "note", "url"]
    header += ["category", otp]
    rows = [header]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        rows.append([user, "", "", title, pw, NOTE if i == 5 else "", url, "Shopping", ""])
    return _minimal(rows)


def _dashlane(otp: str) -> Sample:
    name = "dashlane-credentials.csv" if otp == "otpSecret" else "dashlane-credentials-otpurl.csv"
    return Sample(name, "dashlane", _dashlane_rows(otp).encode(), LOGINS, {})


def _dashlane_zip() -> Sample:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo("credentials.csv", date_time=(2024, 1, 1, 0, 0, 0))
        archive.writestr(info, _dashlane_rows("otpUrl"))
    return Sample("dashlane-export.zip", "dashlane", out.getvalue(), LOGINS, {})


def _nordpass() -> Sample:
    header = ["name", "url", "additional_urls", "username", "password", "note"]
    header += ["cardholdername", "cardnumber", "cvc", "expirydate", "zipcode", "folder"]
    header += ["full_name", "phone_number", "email", "address1", "address2", "city", "country"]
    header += ["state", "type", "custom_fields"]

    def row(
        name: str, url: str, user: str, pw: str, note: str, folder: str, kind: str
    ) -> list[str]:
        return [name, url, "", user, pw, note, "", "", "", "", "", folder] + [""] * 8 + [kind, ""]

    rows = [header]
    for i, (title, url, user, pw) in enumerate(LOGINS):
        rows.append(row(title, url, user, pw, NOTE if i == 0 else "", "Web", "password"))
    rows.append(row("Web", "", "", "", "", "", "folder"))
    rows.append(row("Secret", "", "", "", NOTE, "Web", "note"))
    rows.append(row("Card", "", "", "", "", "", "credit_card"))
    rows.append(row("Me", "", "", "", "", "", "identity"))
    skipped = {"folder": 1, "secure note": 1, "card": 1, "identity": 1}
    return Sample("nordpass.csv", "nordpass", _minimal(rows).encode(), LOGINS, skipped)


def _plain() -> Sample:
    passwords = [login[3] for login in LOGINS if "," not in login[3]]
    text = "\n".join(passwords[:3]) + "\n\n" + "\n".join(passwords[3:]) + "\n"
    expected = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line:
            expected.append((f"line {number}", "", "", line))
    return Sample("plain.txt", "plain", text.encode(), tuple(expected), {})


def _with_bom(sample: Sample) -> Sample:
    return Sample(
        "bom-" + sample.filename,
        sample.format_id,
        b"\xef\xbb\xbf" + sample.content,
        sample.logins,
        sample.skipped,
    )


BUILDERS: tuple[Callable[[], Sample], ...] = (
    lambda: _bitwarden(org=False),
    lambda: _bitwarden(org=True),
    lambda: _chrome(note=True, newline="\n"),
    lambda: _chrome(note=False, newline="\r\n"),
    _firefox,
    _onepassword8,
    _onepassword7_mac,
    _onepassword7_win,
    lambda: _keepassxc(full=True),
    lambda: _keepassxc(full=False),
    _keepass2,
    lambda: _lastpass(totp=True),
    lambda: _lastpass(totp=False),
    lambda: _apple(new=True),
    lambda: _apple(new=False),
    lambda: _proton("newest"),
    lambda: _proton("current"),
    lambda: _proton("old"),
    lambda: _dashlane("otpSecret"),
    lambda: _dashlane("otpUrl"),
    _dashlane_zip,
    _nordpass,
    _plain,
    lambda: _with_bom(_chrome(note=True, newline="\r\n")),
)


def samples() -> list[Sample]:
    """Every sample file, freshly built."""
    return [build() for build in BUILDERS]


def write_all(folder: Path = DATA) -> None:
    """Write every sample into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for sample in samples():
        (folder / sample.filename).write_bytes(sample.content)


if __name__ == "__main__":
    write_all()
