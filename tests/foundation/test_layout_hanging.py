"""wrap_hanging: an error line and its continuation under the message."""

from __future__ import annotations

from sochelp.render.layout import wrap_hanging


def test_a_short_line_is_unchanged() -> None:
    assert wrap_hanging("sochelp: ", "file not found.", 40) == ["sochelp: file not found."]


def test_a_long_line_hangs_under_the_message_within_the_width() -> None:
    body = "The content files have 2 problems: a key is missing and a date is in the future."
    lines = wrap_hanging("sochelp: ", body, 30)
    assert lines[0].startswith("sochelp: The")
    assert all(len(line) <= 30 for line in lines)
    assert all(line.startswith("  ") for line in lines[1:])
    assert " ".join(line.strip() for line in lines).removeprefix("sochelp: ") == body


def test_an_address_longer_than_the_width_stays_whole_on_its_own_line() -> None:
    address = "https://www.example-council.gov.uk/a/very/long/path/to/a/page.html"
    lines = wrap_hanging("sochelp: ", f"could not read {address} (timeout).", 30)
    assert any(line.strip() == address for line in lines)
