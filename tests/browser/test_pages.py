"""The HTML pages as people will use them: opened in a real headless chromium.

Screenshots are decoded and checked for size and content, pages are printed to PDF on A4 and
their pages counted, the slide view is driven with real key presses and clicks, and every page
is watched for network requests (there must be none) and for scripts the page did not bring.
"""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.render.html.style import contrast_ratio
from sochelp.report import content as report_content
from sochelp.signs import content as signs_content
from tests.browser.cdp import Browser, Page, pdf_pages, read_png
from tests.conftest import REPO, run_cli

HOSTILE = REPO / "tests" / "data" / "hostile"

pytestmark = pytest.mark.browser


def _write(tmp_path: Path, name: str, args: list[str]) -> Path:
    path = tmp_path / name
    result = run_cli([*args, "--output", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def _open(page: Page, path: Path) -> None:
    page.open(path.as_uri())
    assert page.requests() == [], "the page asked the network for something"


def _csp_violations(page: Page) -> list[str]:
    texts = [str(e["params"]["entry"].get("text", "")) for e in page.events("Log.entryAdded")]
    return [t for t in texts if "Content Security Policy" in t or "Refused" in t]


def _longest(kind: str, count: int) -> list[tuple[str, str]]:
    """The (id, region) leaflets with the most text: the ones most likely to overflow a page."""
    store = ContentStore()
    content = report_content.load(store)
    sizes: list[tuple[int, str, str]] = []
    regions = ("scotland", "england-wales", "northern-ireland")
    if kind == "report":
        for situation in content.situations:
            for region in regions:
                advice = situation.regions[region]  # type: ignore[index]
                contacts = [content.contacts[c] for c in advice.contacts]
                steps = advice.steps or situation.steps or []
                size = sum(map(len, steps)) + sum(
                    len(c.purpose) + len(c.not_for or "") + 80 for c in contacts
                )
                sizes.append((size, situation.id, region))
    else:
        for guide in signs_content.load(store):
            text = sum(len(s) for g in guide.groups for s in g.signs)
            text += sum(map(len, (*guide.do, *guide.dont)))
            for region in regions:
                advice = content.situations[guide.report_situation].regions[region]  # type: ignore[index]
                sizes.append((text + 150 * len(advice.contacts), guide.id, region))
    sizes.sort(reverse=True)
    return [(i, r) for _, i, r in sizes[:count]]


# ------------------------------------------------------------------ leaflets


@pytest.mark.parametrize(
    ("kind", "topic", "region"),
    [("report", i, r) for i, r in _longest("report", 4)]
    + [("signs", i, r) for i, r in _longest("signs", 4)]
    + [("report", "victim-support", "northern-ireland")],
)
def test_a_leaflet_fits_one_a4_page(
    browser: Browser, tmp_path: Path, kind: str, topic: str, region: str
) -> None:
    path = _write(tmp_path, "leaflet.html", [kind, topic, "--region", region, "--export", "html"])
    with browser.page() as page:
        _open(page, path)
        pdf = page.pdf()
        assert pdf_pages(pdf) == 1, f"{kind} {topic} ({region}) does not fit one A4 page"
        assert _csp_violations(page) == []


def test_leaflet_screenshot_shows_the_content(browser: Browser, tmp_path: Path) -> None:
    path = _write(tmp_path, "leaflet.html", ["report", "drugs-community", "--export", "html"])
    with browser.page(width=1000, height=900) as page:
        _open(page, path)
        image = read_png(page.screenshot())
        headings = page.evaluate("[...document.querySelectorAll('h1,h2')].map(h => h.textContent)")
    assert (image.width, image.height) == (1000, 900)
    # Text, the red danger banner and the rules are drawn: a good share is not white.
    assert image.pixels_unlike((255, 255, 255)) > 0.08 * image.width * image.height
    danger = sum(
        1
        for row in image.rows
        for x in range(0, len(row), image.channels)
        if row[x] > 140 and row[x + 1] < 40 and row[x + 2] < 60
    )
    assert danger > 5000, "the danger banner is not on screen"
    assert headings[0].startswith("Drug dealing")
    assert any(h.startswith("⚠ Danger") for h in headings)
    assert "What to do now" in headings and "Who to contact" in headings


def test_large_print_leaflet_prints_at_16_points_or_more(browser: Browser, tmp_path: Path) -> None:
    path = _write(
        tmp_path, "large.html", ["report", "scam-text", "--export", "html", "--large-print"]
    )
    with browser.page() as page:
        page.call("Emulation.setEmulatedMedia", media="print")
        _open(page, path)
        smallest = page.evaluate(
            "Math.min(...[...document.querySelectorAll('body *')]"
            ".filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
        )
        pages = pdf_pages(page.pdf())
    assert smallest >= 16 * 96 / 72 - 0.01  # 16 pt in CSS pixels
    assert pages >= 1


def test_signs_leaflet_ends_with_the_regions_contacts(browser: Browser, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "signs.html",
        ["signs", "cuckooing", "--region", "northern-ireland", "--export", "html"],
    )
    with browser.page() as page:
        _open(page, path)
        last_heading = page.evaluate("[...document.querySelectorAll('h2')].pop().textContent")
        text = page.evaluate("document.body.innerText")
    assert last_heading == "Who to tell in Northern Ireland"
    assert "PSNI" in text or "Police Service of Northern Ireland" in text
    assert "Police Scotland" not in text


def test_hostile_overlay_text_is_shown_as_text_and_never_runs(
    browser: Browser, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.html"
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
    with browser.page() as page:
        _open(page, path)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.querySelectorAll('script,img,iframe,object').length") == 0
        assert page.evaluate(
            "[...document.querySelectorAll('a')].every(a => a.protocol === 'https:')"
        )
        assert (
            page.evaluate("[...document.querySelectorAll('[onmouseover],[onerror]')].length") == 0
        )
        text = page.evaluate("document.body.innerText")
        local = page.evaluate(
            "[...document.querySelectorAll('.contact.local h3')].map(h => h.textContent)"
        )
        assert page.events("Page.javascriptDialogOpening") == []
    assert "<script>window.__pwned = 1</script>Evil & Co" in text
    assert '"><img src=x onerror="window.__pwned = 2">' in text
    # Overlay contacts say they are local in words; the bundled one does not.
    assert len(local) == 2 and all("From your local content" in h for h in local)
    assert "Police Scotland" in text


def test_the_network_watch_does_see_a_request(browser: Browser, tmp_path: Path) -> None:
    """Control: a page without our CSP that loads an image is caught, so the zero above means
    something."""
    path = tmp_path / "leaky.html"
    path.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/x.png">', encoding="utf-8")
    with browser.page() as page:
        page.open(path.as_uri())
        assert page.requests() == ["http://127.0.0.1:9/x.png"]


def test_the_csp_stops_a_request_the_page_did_not_expect(browser: Browser, tmp_path: Path) -> None:
    """Even if text escaped the escaping, the policy would block the load."""
    leaflet = _write(tmp_path, "l.html", ["report", "scam-text", "--export", "html"])
    html = leaflet.read_text(encoding="utf-8").replace(
        "</body>", '<img src="http://127.0.0.1:9/y.png"></body>'
    )
    patched = tmp_path / "patched.html"
    patched.write_text(html, encoding="utf-8")
    with browser.page() as page:
        page.open(patched.as_uri())
        failed = [e["params"].get("blockedReason") for e in page.events("Network.loadingFailed")]
    assert "csp" in failed


# ------------------------------------------------------------------ the quiz page


def _quiz(tmp_path: Path, *extra: str) -> Path:
    return _write(
        tmp_path, "quiz.html", ["scam-quiz", "--export", "html", "-n", "4", "--seed", "3", *extra]
    )


def _state(page: Page) -> tuple[int, list[int], bool]:
    current = int(page.evaluate("document.body.getAttribute('data-slide')"))
    visible = page.evaluate(
        "[...document.querySelectorAll('.slide')].map((s, i) => s.hidden ? -1 : i)"
        ".filter(i => i >= 0)"
    )
    revealed = page.evaluate(
        "!document.querySelectorAll('.slide')[Number(document.body.dataset.slide)]"
        ".querySelector('.answer').hidden"
    )
    return current, visible, revealed


def test_slide_view_keys_next_reveal_back(browser: Browser, tmp_path: Path) -> None:
    path = _quiz(tmp_path)
    with browser.page() as page:
        _open(page, path)
        assert _state(page) == (0, [0], False)
        page.press("ArrowRight", key_code=39)
        assert _state(page) == (1, [1], False)
        page.press("n", "KeyN", 78)
        assert _state(page) == (2, [2], False)
        page.press("r", "KeyR", 82)
        assert _state(page) == (2, [2], True)
        assert page.evaluate(
            "document.querySelector('#slide-3 li[data-correct] .mark').offsetParent !== null"
        ), "the right answer is not marked in words"
        page.press("r", "KeyR", 82)
        assert _state(page) == (2, [2], False)
        page.press("ArrowLeft", key_code=37)
        assert _state(page) == (1, [1], False)
        page.press("b", "KeyB", 66)
        page.press("b", "KeyB", 66)
        assert _state(page) == (0, [0], False)
        page.press("End", key_code=35)
        page.press("ArrowRight", key_code=39)
        assert _state(page) == (3, [3], False)
        page.press(" ", "Space", 32)
        assert _state(page)[2] is True
        position = page.evaluate("document.getElementById('position').textContent")
        assert position == "Question 4 of 4"
        assert _csp_violations(page) == []


def test_slide_view_buttons(browser: Browser, tmp_path: Path) -> None:
    path = _quiz(tmp_path)
    with browser.page() as page:
        _open(page, path)
        page.click("#next")
        page.click("#next")
        page.click("#back")
        page.click("#reveal")
        assert _state(page) == (1, [1], True)
        page.click("#to-print")
        assert (
            page.evaluate("getComputedStyle(document.getElementById('print')).display") == "block"
        )
        assert (
            page.evaluate("getComputedStyle(document.getElementById('slides')).display") == "none"
        )


def test_slide_view_screenshot(browser: Browser, tmp_path: Path) -> None:
    path = _quiz(tmp_path)
    with browser.page(width=1280, height=720) as page:
        _open(page, path)
        image = read_png(page.screenshot())
        font = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.slide')).fontSize)"
        )
    assert (image.width, image.height) == (1280, 720)
    # A dark slide with light text: mostly not white, and the text is not all one colour.
    assert image.pixels_unlike((255, 255, 255)) > 0.7 * image.width * image.height
    assert image.pixels_unlike((0x10, 0x18, 0x20)) > 0.05 * image.width * image.height
    assert font >= 24  # readable from the back of a room


def test_quiz_prints_sheets_then_a_separate_answer_key(browser: Browser, tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = _quiz(tmp_path)
    with browser.page() as page:
        _open(page, path)
        pdf = page.pdf()
    pages = [p.extract_text() for p in PdfReader(BytesIO(pdf)).pages]
    key_pages = [i for i, text in enumerate(pages) if "answer key" in text]
    assert key_pages and key_pages[0] > 0
    assert pages[key_pages[0]].lstrip().startswith("Scam quiz: answer key")
    assert "Question 1" in pages[0] and "Sources" not in pages[0]
    assert all("Reveal answer" not in text for text in pages)  # no buttons on paper
    assert re.search(r"Sources:.*https://", " ".join(pages[key_pages[0] :]).replace("\n", " "))


def test_large_print_quiz(browser: Browser, tmp_path: Path) -> None:
    path = _quiz(tmp_path, "--large-print")
    with browser.page() as page:
        page.call("Emulation.setEmulatedMedia", media="print")
        _open(page, path)
        size = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.question')).fontSize)"
        )
    assert size >= 16 * 96 / 72 - 0.01


# ------------------------------------------------------------------ contrast, as drawn


_PAIRS_JS = """
[...document.querySelectorAll('body *')]
  .filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed')
  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => {
    let b = e, bg = 'rgba(0, 0, 0, 0)';
    while (b) { bg = getComputedStyle(b).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') break; b = b.parentElement; }
    return [getComputedStyle(e).color, b ? bg : 'rgb(255, 255, 255)', e.tagName];
  })
"""


def _hex(css: str) -> str:
    r, g, b = (int(v) for v in re.findall(r"\d+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


@pytest.mark.parametrize("which", ["leaflet", "slides"])
def test_every_text_as_drawn_has_contrast_of_at_least_4_5(
    browser: Browser, tmp_path: Path, which: str
) -> None:
    if which == "leaflet":
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
        assert result.exit_code == 0
    else:
        path = _quiz(tmp_path)
    with browser.page() as page:
        _open(page, path)
        if which == "slides":
            page.press("r", "KeyR", 82)
        pairs = page.evaluate(_PAIRS_JS)
    assert len(pairs) > 20
    low = [(fg, bg, tag) for fg, bg, tag in pairs if contrast_ratio(_hex(fg), _hex(bg)) < 4.5]
    assert low == []
