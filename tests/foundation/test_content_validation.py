"""Every kind of content problem is reported as file, key path and reason — never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp import redflags
from sochelp.content.registry import check_all
from sochelp.content.store import ContentStore
from sochelp.errors import ContentError
from sochelp.report import content as report_content
from sochelp.signs import content as signs_content
from tests.foundation.minimal import write_minimal_content


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return write_minimal_content(tmp_path / "bundled")


def problems_for(root: Path, overlay: Path | None = None) -> list[str]:
    """Problems found by the report, signs and red-flag checkers (the tree has nothing else)."""
    store = ContentStore(overlay=overlay, bundled=root)
    checkers = (report_content.check, signs_content.check, redflags.check)
    return [str(p) for checker in checkers for p in checker(store)]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minimal_content_is_valid(bundled: Path) -> None:
    assert problems_for(bundled) == []


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "contacts/main.toml",
            'phone = "0800 000 000"',
            'phone = "call us!"',
            "contacts/main.toml: contact[uk-line].phone: not a phone number",
        ),
        (
            "contacts/main.toml",
            'phone = "0800 000 000"',
            'phone = "0800 000 000"\nemail = "nope"',
            "contact[uk-line].email: not an email address",
        ),
        (
            "contacts/main.toml",
            'web = "https://example.org/scot"',
            'web = "http://example.org/scot"',
            "contact[scot-line].web: address must start with https://",
        ),
        (
            "contacts/main.toml",
            'source = "https://example.org/uk-line"\n',
            "",
            "contact[uk-line].source: required key is missing",
        ),
        (
            "contacts/main.toml",
            "checked = 2026-01-01\n",
            "",
            "contact[uk-line].checked: required key is missing",
        ),
        (
            "contacts/main.toml",
            "checked = 2026-01-01",
            "checked = 2999-01-01",
            "contact[uk-line].checked: date is in the future",
        ),
        (
            "contacts/main.toml",
            'purpose = "Test contact for everyone."',
            'purpose = "Test contact for everyone."\nfax = "1"',
            "contact[uk-line].fax: unknown key",
        ),
        (
            "contacts/main.toml",
            'phone = "0800 000 000"\n',
            "",
            "contact[uk-line]: a contact needs at least one of phone",
        ),
        (
            "contacts/main.toml",
            'regions = ["scotland", "england-wales", "northern-ireland"]',
            'regions = ["wales"]',
            "contact[uk-line].regions.0: Input should be",
        ),
        (
            "situations/main.toml",
            'contacts = ["uk-line"]\n\n[situation.regions.northern',
            'contacts = ["nobody"]\n\n[situation.regions.northern',
            "situation[test-case].regions.england-wales.contacts[0]: unknown contact 'nobody'",
        ),
        (
            "situations/main.toml",
            '[situation.regions.northern-ireland]\ncontacts = ["uk-line"]',
            '[situation.regions.northern-ireland]\ncontacts = ["scot-line"]',
            "regions.northern-ireland.contacts[0]: contact 'scot-line' does not serve region",
        ),
        (
            "situations/main.toml",
            '[situation.regions.northern-ireland]\ncontacts = ["uk-line"]',
            "",
            "situation[test-case].regions: no advice for region 'northern-ireland'",
        ),
        (
            "situations/main.toml",
            '[situation.regions.northern-ireland]\ncontacts = ["uk-line"]',
            "[situation.regions.northern-ireland]\ncontacts = []",
            "regions.northern-ireland.contacts: no contacts for this region",
        ),
        (
            "situations/main.toml",
            'steps = ["First do this.", "Then that."]\n',
            "",
            "regions.scotland.steps: no steps for this region",
        ),
        (
            "situations/main.toml",
            'signs = ["test-guide"]',
            'signs = ["no-guide"]',
            "situation[test-case].signs[0]: unknown signs guide 'no-guide'",
        ),
        (
            "situations/main.toml",
            'id = "test-case"',
            'id = "Test Case"',
            "situation[Test Case].id: String should match pattern",
        ),
        (
            "signs/main.toml",
            'report_situation = "test-case"',
            'report_situation = "gone"',
            "guide[test-guide].report_situation: unknown situation 'gone'",
        ),
        (
            "emergency/banner.toml",
            'id = "immediate-danger"',
            'id = "other"',
            "banner[immediate-danger]: the banner is missing",
        ),
        (
            "contacts/main.toml",
            '[[contact]]\nid = "scot-line"',
            '[[contact]]\nid = "uk-line"',
            "contact[uk-line].id: duplicate id (also in content/contacts/main.toml)",
        ),
        (
            "contacts/main.toml",
            '[[contact]]\nid = "uk-line"',
            '[[contacts]]\nid = "uk-line"',
            "contacts/main.toml: contacts: unknown table; files here hold [[contact]] items",
        ),
        (
            "contacts/main.toml",
            'name = "UK Line"',
            'name = "UK Line',
            "contacts/main.toml: not valid TOML",
        ),
    ],
)
def test_each_problem_kind_is_reported(
    bundled: Path, file: str, old: str, new: str, expected: str
) -> None:
    replace_in(bundled / file, old, new)
    problems = problems_for(bundled)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("content/") for p in problems)


def test_non_utf8_file_is_reported(bundled: Path) -> None:
    (bundled / "contacts" / "bad.toml").write_bytes(b"name = '\xff\xfe'\n")
    assert "content/contacts/bad.toml: not UTF-8 text (byte 8)" in problems_for(bundled)


def test_all_problems_listed_not_just_the_first(bundled: Path) -> None:
    replace_in(bundled / "contacts/main.toml", 'phone = "0800 000 000"', 'phone = "x"')
    replace_in(
        bundled / "contacts/main.toml", 'web = "https://example.org/scot"', 'web = "ftp://x"'
    )
    problems = problems_for(bundled)
    assert any("uk-line].phone" in p for p in problems)
    assert any("scot-line].web" in p for p in problems)


def test_load_raises_content_error_with_every_problem(bundled: Path) -> None:
    replace_in(bundled / "contacts/main.toml", 'phone = "0800 000 000"', 'phone = "x"')
    with pytest.raises(ContentError) as caught:
        report_content.load(ContentStore(bundled=bundled))
    assert caught.value.exit_code == 2
    assert "contact[uk-line].phone" in caught.value.message


def test_overlay_replaces_same_id_and_adds_new(bundled: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "contacts" / "council.toml").write_text(
        """
[[contact]]
id = "uk-line"
name = "Replaced line"
regions = ["scotland", "england-wales", "northern-ireland"]
phone = "0800 111 111"
purpose = "Local replacement."
source = "https://council.example.org/contacts"
checked = 2026-02-02
replaces_official = true

[[contact]]
id = "council-adult-protection"
name = "Council adult protection"
regions = ["scotland"]
phone = "01234 567890"
purpose = "Worried about a vulnerable neighbour."
source = "https://council.example.org/adult-protection"
checked = 2026-02-02
""",
        encoding="utf-8",
    )
    content = report_content.load(ContentStore(overlay=overlay, bundled=bundled))
    assert content.contacts["uk-line"].name == "Replaced line"
    assert content.contacts.origins["uk-line"] == f"{overlay}/contacts/council.toml"
    assert "council-adult-protection" in content.contacts
    assert "scot-line" in content.contacts
    assert content.contacts.local == {"uk-line", "council-adult-protection"}
    assert content.contacts.replaced["uk-line"].phone == "0800 000 000"


def test_overlay_problems_name_the_overlay_file(bundled: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "local"
    (overlay / "situations").mkdir(parents=True)
    (overlay / "situations" / "extra.toml").write_text(
        '[[situation]]\nid = "local-case"\ntitle = "Local"\nsummary = "s"\nkeywords = ["k"]\n'
        'steps = ["s"]\n[situation.regions.scotland]\ncontacts = ["missing-contact"]\n',
        encoding="utf-8",
    )
    problems = problems_for(bundled, overlay)
    assert any(
        p.startswith(f"{overlay}/situations/extra.toml: situation[local-case].regions.scotland")
        and "unknown contact 'missing-contact'" in p
        for p in problems
    ), problems


def test_missing_overlay_folder_is_a_usage_error(tmp_path: Path) -> None:
    from sochelp.errors import UsageError

    with pytest.raises(UsageError):
        ContentStore(overlay=tmp_path / "nope")


def test_bundled_content_is_valid() -> None:
    problems = check_all(ContentStore())
    assert problems == [], "\n".join(str(p) for p in problems)
