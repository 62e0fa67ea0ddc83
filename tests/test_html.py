"""The HTML builder, the policy every page carries, the colours, and the leaflet commands."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.render.html import Markup, content_security_policy, el, esc, link, safe_href
from sochelp.render.html.leaflet import report_leaflet
from sochelp.render.html.quiz import slides_script
from sochelp.render.html.style import PALETTE, TEXT_PAIRS, contrast_ratio
from sochelp.report import content as report_content
from sochelp.report.core import build_report
from sochelp.report.leaflet import build_leaflet
from sochelp.scopes import Region
from tests.conftest import REPO, run_cli

HOSTILE = REPO / "tests" / "data" / "hostile"


class Outline(HTMLParser):
    """Tags, attributes and the CSP of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.csp: str | None = None
        self.lang: str | None = None
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        found = dict(attrs)
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.csp = found.get("content")
        if tag == "html":
            self.lang = found.get("lang")
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def test_el_escapes_text_and_attributes() -> None:
    hostile = '"><script>alert(1)</script>'
    made = el("p", hostile, title=hostile, class_="x", data_n=3, hidden=True, skip=None)
    assert made == (
        '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" class="x" data-n="3" hidden>'
        "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    assert el("b", Markup("<i>kept</i>")) == "<b><i>kept</i></b>"
    assert esc("a & b") == "a &amp; b"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>",
        "http://example.org",
        'https://evil.example/"onmouseover="x',
        "https://",
        "vbscript:x",
        " javascript:alert(1)",
    ],
)
def test_only_plain_https_links_are_links(url: str) -> None:
    assert safe_href(url) is None
    made = link(url)
    assert "<a" not in made and "href" not in made


def test_https_links_stay_links() -> None:
    assert link("https://www.scotland.police.uk/x") == (
        '<a href="https://www.scotland.police.uk/x">https://www.scotland.police.uk/x</a>'
    )


def test_csp_carries_the_hash_of_the_page_script(tmp_path: Path) -> None:
    path = tmp_path / "quiz.html"
    assert (
        run_cli(["scam-quiz", "--export", "html", "-n", "2", "--output", str(path)]).exit_code == 0
    )
    page = outline(path.read_text(encoding="utf-8"))
    assert page.lang == "en-GB"
    (script,) = page.scripts
    assert script == slides_script()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert page.csp is not None
    directives = dict(d.strip().split(" ", 1) for d in page.csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == f"'sha256-{digest}'"
    assert directives["style-src"] == "'unsafe-inline'"
    assert directives["img-src"] == "data:"
    for key in ("connect-src", "form-action", "base-uri", "font-src", "object-src"):
        assert directives[key] == "'none'"
    assert page.tags.index("meta") < page.tags.index("title")


def test_leaflets_have_no_script_at_all() -> None:
    assert "script-src 'none'" in content_security_policy(None)


def test_every_colour_pair_has_contrast_of_at_least_4_5() -> None:
    for text, background in TEXT_PAIRS:
        ratio = contrast_ratio(PALETTE[text], PALETTE[background])
        assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}"
    assert contrast_ratio("#777777", "#ffffff") < 4.5  # the check can fail
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)


def test_hostile_overlay_is_escaped_and_marked_local(tmp_path: Path) -> None:
    path = tmp_path / "l.html"
    result = run_cli(
        [
            "--content-dir",
            str(HOSTILE),
            "report",
            "hostile-test",
            "--export",
            "html",
            "--output",
            str(path),
        ]
    )
    assert result.exit_code == 0, result.stderr
    html = path.read_text(encoding="utf-8")
    page = outline(html)
    assert "script" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert not [name for name, _ in page.attrs if name.startswith("on")]
    hrefs = [value for name, value in page.attrs if name == "href"]
    assert hrefs and all(h is not None and h.startswith("https://") and '"' not in h for h in hrefs)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Evil &amp; Co" in html
    assert html.count("From your local content") == 3  # two contacts and the footer note
    assert "Leaflet written to" in result.stderr


def test_a_javascript_url_that_slipped_past_the_validator_is_not_a_link() -> None:
    content = report_content.load(ContentStore())
    result = build_report(content, "scam-text", Region.SCOTLAND)
    evil = result.contacts[0].model_copy(update={"web": "javascript:alert(document.domain)"})
    result = type(result)(**{**result.__dict__, "contacts": (evil, *result.contacts[1:])})
    leaflet = build_leaflet(content, result, made=dt.date(2026, 12, 1))
    html = report_leaflet(leaflet)
    assert "javascript:alert(document.domain)" in html  # shown, as text
    assert 'href="javascript' not in html


def test_leaflet_shows_what_to_do_contacts_and_checked_dates(tmp_path: Path) -> None:
    result = run_cli(["report", "fraud-loss", "--region", "england-wales", "--export", "html"])
    assert result.exit_code == 0
    html = result.stdout
    content = report_content.load(ContentStore())
    report = build_report(content, "fraud-loss", Region.ENGLAND_WALES)
    assert "<h2>What to do now</h2>" in html and "England and Wales" in html
    for contact in report.contacts:
        assert esc(contact.name) in html
        if contact.phone:
            assert f'<span class="phone">{contact.phone}</span>' in html
    assert re.search(r"Checked \d{4}-\d{2}-\d{2} against", html)
    assert "Details checked" in html
    assert 'class="danger"' not in html  # not an urgent situation
    urgent = run_cli(["report", "emergency", "--export", "html"]).stdout
    assert "Danger:" in urgent and 'class="danger"' in urgent


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "scam-text", "--output", "x.html"], "--output is only used with --export"),
        (["report", "scam-text", "--large-print"], "--large-print is only used"),
        (["report", "--list", "--export", "html"], "one situation or guide"),
        (["report", "scam-text", "--export", "html", "--json"], "without --json"),
        (["signs", "--export", "html"], "one situation or guide"),
        (["report", "scam-text", "--export", "pdf"], "pdf"),
    ],
)
def test_leaflet_usage_errors(args: list[str], message: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unwritable_output_is_one_clear_line(tmp_path: Path) -> None:
    result = run_cli(
        ["report", "scam-text", "--export", "html", "--output", str(tmp_path / "no" / "x.html")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("sochelp: Cannot write") and "Traceback" not in result.stderr
