"""Freshness made visible: secondary and out-of-date contacts are flagged in every view, with
"today" passed in from the command layer."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest
from rich.console import Console

from sochelp.content.freshness import dated_items, stale_items
from sochelp.content.store import ContentStore
from sochelp.render.report import REPORT_VIEW
from sochelp.report import content as report_content
from sochelp.report import core
from sochelp.report.freshness import (
    caution,
    is_stale,
    months_before,
    months_between,
    provenance_line,
)
from sochelp.scopes import Region
from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 31), 0),
        (dt.date(2026, 1, 31), dt.date(2026, 2, 28), 0),
        (dt.date(2026, 1, 15), dt.date(2027, 3, 15), 14),
        (dt.date(2026, 1, 15), dt.date(2027, 3, 14), 13),
        (dt.date(2027, 1, 1), dt.date(2026, 1, 1), 0),
    ],
)
def test_months_between(earlier: dt.date, later: dt.date, months: int) -> None:
    assert months_between(earlier, later) == months


def test_months_before_clamps_to_the_end_of_a_short_month() -> None:
    assert months_before(dt.date(2027, 3, 31), 1) == dt.date(2027, 2, 28)
    assert months_before(dt.date(2027, 1, 15), 12) == dt.date(2026, 1, 15)


def test_stale_means_more_than_twelve_months() -> None:
    today = dt.date(2027, 12, 1)
    assert not is_stale(dt.date(2026, 12, 1), today)
    assert is_stale(dt.date(2026, 11, 30), today)


def test_provenance_line_for_each_case() -> None:
    url = "https://www.gov.uk/x"
    assert provenance_line(url, "2026-12-01", "primary", 0, False) == (
        "Checked 2026-12-01 against https://www.gov.uk/x"
    )
    assert provenance_line(url, "2025-10-01", "primary", 14, True) == (
        "Checked 2025-10-01 against https://www.gov.uk/x"
        " — last checked 14 months ago, confirm on their site"
    )
    secondary = provenance_line("https://blog.example/x", "2026-12-01", "secondary", 0, False)
    assert secondary.startswith("Not confirmed on the organisation's own site")
    assert "Checked" not in secondary.split("(")[0]
    assert caution("primary", 2, False) is None
    assert caution("secondary", 14, True) == (
        "Not confirmed on the organisation's own site; "
        "last checked 14 months ago — confirm on their site"
    )


def _overlay(tmp_path: Path) -> Path:
    """A local overlay with an out-of-date contact and a secondary one, used by a situation."""
    overlay = tmp_path / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "situations").mkdir()
    (overlay / "contacts" / "old.toml").write_text(
        '[[contact]]\nid = "old-line"\nname = "Old Line"\nregions = ["scotland"]\n'
        'phone = "01234 567890"\npurpose = "Checked long ago."\n'
        'source = "https://old.example.org/page"\nchecked = 2025-09-15\n\n'
        '[[contact]]\nid = "second-hand"\nname = "Second Hand"\nregions = ["scotland"]\n'
        'phone = "01234 567891"\npurpose = "Found on a blog only."\n'
        'source = "https://blog.example.org/post"\nconfidence = "secondary"\n'
        "checked = 2026-11-20\n",
        encoding="utf-8",
    )
    regions = "".join(
        f'[situation.regions.{r.value}]\ncontacts = ["{c}"]\n'
        for r, c in [
            (Region.SCOTLAND, 'old-line", "second-hand'),
            (Region.ENGLAND_WALES, "police-101-england-wales"),
            (Region.NORTHERN_IRELAND, "psni-101"),
        ]
    )
    (overlay / "situations" / "local.toml").write_text(
        '[[situation]]\nid = "local-test"\ntitle = "Local test"\nsummary = "Test."\n'
        'keywords = ["local test"]\nsteps = ["Do this."]\n' + regions,
        encoding="utf-8",
    )
    return overlay


def _run(overlay: Path, *args: str, today: str = "2026-12-01") -> str:
    env = {"SOCHELP_CONTENT_DIR": str(overlay), "SOCHELP_TODAY": today}
    result = run_cli(["report", "local-test", "--region", "scotland", *args], env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_plain_view_flags_stale_and_secondary_contacts(tmp_path: Path) -> None:
    out = _run(_overlay(tmp_path), today="2026-12-01")
    assert "Checked 2025-09-15 against https://old.example.org/page" in out
    assert "last checked 14 months ago, confirm on their site" in out
    assert (
        "Not confirmed on the organisation's own site: details found at "
        "https://blog.example.org/post (checked 2026-11-20)"
    ) in out
    assert "Checked 2026-11-20 against" not in out


def test_json_view_has_confidence_stale_and_caution(tmp_path: Path) -> None:
    data = json.loads(_run(_overlay(tmp_path), "--json"))
    old, second = data["contacts"]
    assert old["confidence"] == "primary" and old["stale"] is True
    assert old["caution"] == "Last checked 14 months ago — confirm on their site"
    assert second["confidence"] == "secondary" and second["stale"] is False
    assert second["caution"] == "Not confirmed on the organisation's own site"


def test_today_comes_from_the_command_layer(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path)
    data = json.loads(_run(overlay, "--json", today="2026-09-14"))
    assert data["contacts"][0]["stale"] is False
    data = json.loads(_run(overlay, "--json", today="2026-09-16"))
    assert data["contacts"][0]["stale"] is True


def test_a_bad_sochelp_today_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(["report", "scam-text"], env={"SOCHELP_TODAY": "yesterday"})
    assert result.exit_code == 2
    assert result.stderr.startswith("sochelp: SOCHELP_TODAY is not a date")
    assert "Traceback" not in result.stderr
    hostile = run_cli(["report", "scam-text"], env={"SOCHELP_TODAY": "\x1b[31mred\x07"})
    assert hostile.exit_code == 2
    assert "\x1b" not in hostile.stderr and "\x07" not in hostile.stderr
    assert "'\\x1b[31mred\\x07'" in hostile.stderr


def test_rich_view_shows_the_same_line(tmp_path: Path) -> None:
    store = ContentStore(overlay=_overlay(tmp_path))
    content = report_content.load(store)
    result = core.build_report(content, "local-test", Region.SCOTLAND, today=dt.date(2026, 12, 1))
    console = Console(record=True, width=200, color_system=None)
    console.print(REPORT_VIEW.as_rich(result))
    text = console.export_text()
    assert "last checked 14 months ago, confirm on their site" in text
    assert "Not confirmed on the organisation's own site" in text


def test_core_without_today_marks_nothing_stale() -> None:
    content = report_content.load(ContentStore())
    result = core.build_report(content, "scam-text", Region.SCOTLAND)
    assert not any(contact.stale for contact in result.contacts)


def test_bundled_secondary_contacts_are_flagged_in_the_report() -> None:
    result = run_cli(["report", "fraud-loss", "-r", "england-wales", "--json"])
    contacts = {c["name"]: c for c in json.loads(result.stdout)["contacts"]}
    report_fraud = next(c for name, c in contacts.items() if name.startswith("Report Fraud"))
    assert report_fraud["confidence"] == "secondary"
    assert report_fraud["caution"] == "Not confirmed on the organisation's own site"
    plain = run_cli(["report", "fraud-loss", "-r", "england-wales"]).stdout
    assert "Not confirmed on the organisation's own site: details found at" in plain


def test_stale_items_lists_the_oldest_first(tmp_path: Path) -> None:
    store = ContentStore(overlay=_overlay(tmp_path))
    items = stale_items(store, dt.date(2026, 12, 1), 365)
    assert [item.key for item in items] == ["contact[old-line]"]
    assert items[0].file.endswith("contacts/old.toml")
    assert len(list(dated_items(ContentStore()))) > 200


def test_content_check_stale_exit_codes(tmp_path: Path) -> None:
    fresh = run_cli(["content", "check", "--stale", "365"], env={"SOCHELP_TODAY": "2026-12-01"})
    assert fresh.exit_code == 0, fresh.stdout
    assert "Nothing was last checked more than 365 days ago." in fresh.stdout
    overlay = _overlay(tmp_path)
    stale = run_cli(
        ["content", "check", str(overlay), "--stale", "365"], env={"SOCHELP_TODAY": "2026-12-01"}
    )
    assert stale.exit_code == 1
    assert "contact[old-line] checked 2025-09-15 (442 days ago)" in stale.stdout
    assert "1 item to check again." in stale.stdout
    later = run_cli(["content", "check", "--stale", "30"], env={"SOCHELP_TODAY": "2027-02-01"})
    assert later.exit_code == 1
    assert "to check again." in later.stdout


def test_stale_option_rejects_negative_days() -> None:
    result = run_cli(["content", "check", "--stale", "-5"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


@pytest.mark.pty
def test_report_in_a_terminal_shows_the_caution(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "COLUMNS", "LINES"}}
    env.update(
        {
            "TERM": "xterm-256color",
            "SOCHELP_CONTENT_DIR": str(_overlay(tmp_path)),
            "SOCHELP_TODAY": "2026-12-01",
        }
    )
    child = pexpect.spawn(
        sys.executable,
        ["-m", "sochelp", "report", "local-test", "-r", "scotland"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(60, 200),
    )
    child.expect("Old Line")
    child.expect("last checked 14 months ago, confirm on their site")
    child.expect("Not confirmed on the organisation's own site")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_leaflet_flags_stale_and_secondary_contacts(tmp_path: Path) -> None:
    page = _run(_overlay(tmp_path), "--export", "html", today="2026-12-01")
    old = page[page.index("Old Line") :]
    assert "Checked 2025-09-15 against" in old
    assert "Last checked 14 months ago: confirm on their site." in old
    second = page[page.index("Second Hand") :]
    assert "Not confirmed on the organisation&#x27;s own site:" in second
    assert "Checked 2026-11-20 against" not in page
