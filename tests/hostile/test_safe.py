"""The sanitiser itself: what each kind of character becomes on a terminal and in data."""

from __future__ import annotations

import pytest

from sochelp.render import escape, rich_text, safe
from tests.hostile.payloads import ATTACKS


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text, £200 and café", "plain text, £200 and café"),
        ("\x1b[2Kgone", "<U+001B>[2Kgone"),
        ("a\x1b7b\x1b8", "a<U+001B>7b<U+001B>8"),
        ("\x1b]8;;https://e.example\x1b\\x", "<U+001B>]8;;https://e.example<U+001B>\\x"),
        ("\u009b2J", "<U+009B>2J"),
        ("over\rwrite", "over<U+000D>write"),
        ("back\b\bspace", "back<U+0008><U+0008>space"),
        ("bell\x07", "bell<U+0007>"),
        ("\u202emoc.lapyap", "<U+202E>moc.lapyap"),
        ("\u2066iso\u2069", "<U+2066>iso<U+2069>"),
        ("pay\u200bpal", "pay<U+200B>pal"),
        ("pay\u200dpal", "pay<U+200D>pal"),
        ("soft\u00adhyphen", "soft<U+00AD>hyphen"),
        ("bom\ufeff", "bom<U+FEFF>"),
        ("line\u2028sep", "line<U+2028>sep"),
        ("tag\U000e0041s", "tag<U+E0041>s"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("windows\r\nline", "windows\nline"),
        ("\ud800lone", "<U+D800>lone"),
    ],
)
def test_on_a_terminal_every_dangerous_character_is_shown_as_a_marker(raw: str, shown: str) -> None:
    assert safe.shown(raw) == shown
    assert safe.shown(shown) == shown  # cleaning twice changes nothing


@pytest.mark.parametrize(
    "genuine",
    [
        "👨\u200d👩\u200d👧 family",  # emoji joined by ZWJ
        "❤\ufe0f thanks",  # variation selector after an emoji
        "press 1\ufe0f\u20e3",  # keycap
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scotland",
        "می\u200cخواهم",  # Persian with a zero-width non-joiner
    ],
)
def test_emoji_sequences_and_scripts_that_need_joiners_are_kept(genuine: str) -> None:
    assert safe.shown(genuine) == genuine
    assert safe.stored(genuine) == genuine


def test_a_one_line_value_cannot_start_a_line_of_its_own() -> None:
    assert safe.shown_line("file\nsochelp: all fine\tnow") == ("file<U+000A>sochelp: all fine now")


def test_a_document_keeps_its_crlf_line_endings() -> None:
    assert safe.shown_document("BEGIN:VCALENDAR\r\nX\x1b\r\n") == "BEGIN:VCALENDAR\r\nX<U+001B>\r\n"


def test_in_data_the_same_characters_are_removed() -> None:
    for payload in ATTACKS.values():
        cleaned = safe.stored(f"before{payload}after")
        assert cleaned.isprintable(), repr(cleaned)
    assert safe.stored("a\nb\tc") == "a\nb\tc"


def test_json_data_is_cleaned_keys_too_and_domains_are_ascii() -> None:
    data = {
        "evidence\x1b": ["x\x1b[2Ky", {"domain": "pay\u200epal.com"}],
        "domain": "bücher.example",
        "other": 3,
        "flag": None,
    }
    assert safe.clean_json(data) == {
        "evidence": ["xy", {"domain": "paypal.com"}],
        "domain": "xn--bcher-kva.example",
        "other": 3,
        "flag": None,
    }


@pytest.mark.parametrize("value", ["a" * 70 + "ü.example", "ü..example", "\u202e\ud800.x", ""])
def test_a_domain_is_always_ascii_even_when_idna_refuses_it(value: str) -> None:
    assert safe.ascii_domain(value).isascii()


def test_rich_markup_from_outside_stays_text() -> None:
    from rich.console import Console

    console = Console(record=True, force_terminal=True, width=100, highlight=False)
    hostile = "[link=https://evil.example]click[/link] [blink]now[/blink] \x1b[2J\\"
    console.print(f"[bold]{escape(hostile)}[/]")
    console.print(rich_text(hostile))
    printed = console.export_text(styles=True)
    assert "\x1b]8" not in printed and "\x1b[5m" not in printed and "\x1b[2J" not in printed
    assert printed.count("<U+001B>[2J") == 2
    assert printed.count("[link=https://evil.example]click[/link]") == 2


def test_the_console_hook_cleans_what_a_view_forgot() -> None:
    import io

    from rich.text import Text

    from sochelp.render import safe_console

    out = io.StringIO()
    console = safe_console(file=out, force_terminal=True, width=100)
    forgotten = Text.from_markup("[link=https://evil.example][blink]x[/blink][/link]")
    forgotten.append("\x1b[2J\u202e")
    console.print(forgotten)
    printed = out.getvalue()
    assert "\x1b]8" not in printed  # no hyperlink
    assert "\x1b[5m" not in printed  # no blinking
    assert "\x1b[2J" not in printed and "<U+001B>[2J<U+202E>" in printed


def test_clean_text_is_cheap_to_check() -> None:
    text = "An ordinary message with a link https://example.com and nothing odd. " * 20_000
    assert safe.shown(text) is text  # nothing to do: the very same string comes back
