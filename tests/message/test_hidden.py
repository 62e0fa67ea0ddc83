"""Hidden and disguised characters: the analysis reads a message as a person sees it.

Written as the attack (issue 17 §2): invisible characters inserted inside the words of every
rule's and cue's examples and of the README's examples must never lower the verdict, and a
link with tag characters or an escape sequence inside it is still found.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from sochelp.message import normalise
from sochelp.message.analyse import Verdict, analyse
from sochelp.message.normalise import clean
from tests.conftest import run_cli
from tests.message.helpers import bundled

#: The characters of the attack (issue 17): each is inserted inside words.
INVISIBLE = {
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
    "zero-width no-break space": "\ufeff",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "invisible times": "\u2062",
    "mongolian vowel separator": "\u180e",
    "combining grapheme joiner": "\u034f",
    "tag characters": "\U000e0041\U000e0042",
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
}
RANK = {Verdict.NONE_FOUND: 0, Verdict.SUSPICIOUS: 1, Verdict.SCAM: 2}
README = Path(__file__).resolve().parents[2] / "README.md"


def _inside_words(text: str, hidden: str) -> str:
    """``hidden`` after the first letter of every word of three letters or more."""
    return re.sub(r"\b([^\W\d_])(?=[^\W\d_]{2})", lambda m: m.group(1) + hidden, text)


def _examples() -> list[tuple[str, str]]:
    content = bundled()
    found = [
        (compiled.rule.id, example)
        for compiled in (*content.rules, *content.cues)
        for example in compiled.rule.examples
    ]
    found.extend(
        (f"family:{family.id}", example)
        for family in content.families
        for example in family.examples
    )
    return found


def _readme_examples() -> list[str]:
    """The messages piped into check-message in the README's examples."""
    text = README.read_text(encoding="utf-8")
    return [m.group(1) for m in re.finditer(r"printf '([^']{20,})'", text)]


def test_the_invisible_class_covers_every_format_character() -> None:
    pattern = re.compile(f"[{normalise._INVISIBLE}]")
    missing = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf" and not pattern.match(chr(code))
    ]
    assert missing == []


@pytest.mark.parametrize("name", sorted(INVISIBLE))
def test_invisible_characters_inside_words_never_lower_the_verdict(name: str) -> None:
    content = bundled()
    hidden = INVISIBLE[name]
    examples = _examples() + [("readme", text) for text in _readme_examples()]
    assert len(examples) > 200
    lowered = []
    for source, example in examples:
        before = analyse(example, content)
        after = analyse(_inside_words(example, hidden), content)
        if RANK[after.verdict] < RANK[before.verdict]:
            lowered.append((source, example))
        if not source.startswith(("readme", "family:")) and source in {
            f.source for f in before.flags
        }:
            # A rule found in the clean text is found in the disguised one too.
            assert source in {f.source for f in after.flags}, (source, example)
    assert lowered == []


def test_hidden_characters_inside_a_word_are_a_warning_sign() -> None:
    result = analyse("Hi M\u2060um, I have a new n\u00adumber", bundled())
    signs = [f for f in result.flags if f.source == "hidden:invisible-characters"]
    assert signs and "U+00AD" in signs[0].explanation and "U+2060" in signs[0].explanation
    assert signs[0].evidence == "Mum"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks! 👨\u200d👩\u200d👧 see you soon ❤\ufe0f",
        "Good luck 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
        "Keycap 1\ufe0f\u20e3 and a flag 🇬🇧",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian uses ZWNJ inside words
    ],
)
def test_emoji_sequences_and_joiners_of_other_scripts_are_not_signs(text: str) -> None:
    sources = {f.source for f in analyse(text, bundled()).flags}
    assert "hidden:invisible-characters" not in sources


@pytest.mark.parametrize(
    "text",
    [
        "Log in at paypa1.com/lo\U000e0067\U000e0069gin today",
        "Log in at paypa1.com/\x1b[31mlogin\x1b[0m today",
        "Log in at pay\x1b[8mpa1.com/login today",
        "Log in at paypa1\u200b.com/login today",
    ],
)
def test_a_link_with_hidden_characters_inside_is_still_found(text: str) -> None:
    result = analyse(text, bundled())
    assert [link.url for link in result.links] == ["paypa1.com/login"]
    assert result.links[0].domain == "paypa1.com"
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize("mark", ["\u200e", "\u202e", "\u2066", "\ufeff"])
def test_the_domain_field_is_always_ascii(mark: str) -> None:
    result = run_cli(
        ["check-message", "--json"],
        input=f"Visit https://xn--pypal-4ve.co{mark}m/x or paypal{mark}.com.evil.top",
    )
    data = json.loads(result.stdout)
    assert data["links"]
    for link in data["links"]:
        assert link["domain"].isascii() and link["domain"].isprintable()
        assert mark not in json.dumps(data, ensure_ascii=False)


def test_evidence_is_the_cleaned_text() -> None:
    text = "Your acc\u200bount has been susp\u00adended. Ver\u2060ify your acc\u200bount now"
    result = run_cli(["check-message", "--json"], input=text)
    data = json.loads(result.stdout)
    evidence = " ".join(flag["evidence"] for flag in data["flags"])
    assert "suspended" in evidence
    assert not any(ch in evidence for ch in "\u200b\u00ad\u2060")


def test_lookalike_letters_are_folded_for_the_rules_and_are_a_sign() -> None:
    # Cyrillic а and о inside Latin words.
    result = analyse(
        "Your \u0430ccount has been susp\u0435nded, verify your \u0430cc\u043eunt", bundled()
    )
    sources = {f.source for f in result.flags}
    assert "hidden:lookalike-letters" in sources
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_russian_message_is_not_folded() -> None:
    cleaned = clean("Привет, как дела? Встретимся в кафе")
    assert cleaned.text == cleaned.plain
    assert cleaned.lookalike_words == ()


def test_styled_letters_are_read_and_noticed() -> None:
    cleaned = clean("𝗬our 𝘃ehicle is no 𝗹onger 𝘁axed. ʏᴏᴜʀ ᴘᴀʏᴍᴇɴᴛ ᴄᴀɴɴᴏᴛ ᴘʀᴏᴄᴇss")
    assert cleaned.text == "Your vehicle is no longer taxed. your payment cannot process"
    assert cleaned.styled


def test_escape_sequences_and_controls_are_removed() -> None:
    cleaned = clean("Hello\x1b[2K\x1b7 world\x1b]0;title\x07 and\x00 more\x9b31m text")
    assert cleaned.text == "Hello world and more text"


def test_mojibake_pound_signs_are_read_as_pounds() -> None:
    assert clean("a fee of Â£1.99 or \ufffd2.99").text == "a fee of £1.99 or £2.99"


# --- accents sprinkled over English words ----------------------------------------------------

_ACCENTS = {"a": "á", "e": "é", "o": "ó", "u": "ú", "i": "í", "s": "š", "c": "č", "t": "ť"}


def _sprinkle(text: str) -> str:
    """Every vowel and some consonants of the text with an accent, the way scam texts do it."""
    return "".join(_ACCENTS.get(ch, ch) for ch in text)


def test_sprinkled_accents_are_read_without_them_and_are_a_sign() -> None:
    text = "It's mé Jočelyn... Wé talked at the party ánd třadeď #s. Wanť 2 talk? thiš is mý number"
    cleaned = clean(text)
    assert len(cleaned.text) == len(cleaned.plain)
    assert "and" in cleaned.text and "this" in cleaned.text
    assert cleaned.accented_words
    result = analyse(text, bundled())
    assert "hidden:sprinkled-accents" in {flag.source for flag in result.flags}
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "example",
    [
        "Your parcel could not be delivered. Pay the £1.99 fee at http://royalmail-redelivery.com",
        "Hi Mum, my phone broke, this is my new number. Can you send me money today?",
        "HMRC: you are owed a tax refund. Claim it here: http://hmrc-refunds.example.com/claim",
    ],
)
def test_sprinkled_accents_never_lower_the_verdict(example: str) -> None:
    plain = analyse(example, bundled())
    sprinkled = analyse(_sprinkle(example), bundled())
    order = [Verdict.NONE_FOUND, Verdict.SUSPICIOUS, Verdict.SCAM]
    assert order.index(sprinkled.verdict) >= order.index(plain.verdict)


@pytest.mark.parametrize(
    "text",
    [
        "Le café est très bon à Paris, et l'été était magnifique. Ça va? Très bien, merci.",
        "Hola, ¿cómo estás? Mañana vamos a la playa con José y María, ¿vienes también?",
        "Dobrý den, děkuji za zprávu. Uvidíme se zítra v devět hodin.",
        "Zoë and Chloë met Renée at the café on Thursday; the naïve résumé was fine.",
    ],
)
def test_real_accented_text_is_not_a_disguise(text: str) -> None:
    assert not clean(text).accented_words
    assert analyse(text, bundled()).verdict is Verdict.NONE_FOUND


def test_latin1_shortcuts_skip_only_classes_that_lie_above_it() -> None:
    """A Latin-1 text skips the searches for look-alikes, styled letters, emoji, thin spaces
    and combining marks, and looks for hidden characters with a smaller class: each skipped
    class must hold no Latin-1 character, and the small class every hidden one that is."""
    latin = [chr(code) for code in range(256)]
    for pattern in (normalise._EXOTIC.pattern, normalise._STYLED, normalise._LOOKALIKE_CHAR):
        assert not [ch for ch in latin if re.match(pattern, ch)], pattern
    hidden = [ch for ch in latin if normalise._any_hidden().match(ch)]
    assert hidden == [ch for ch in latin if normalise._LATIN1_HIDDEN.match(ch)]
    assert normalise.latin1("£5 café") and not normalise.latin1("£5 cafe\u0301")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Pay now\u00ad at once", "Pay now at once"),  # a soft hyphen in a Latin-1 text
        ("\x1b[31mPay\x1b[0m £5", "Pay £5"),  # a terminal code in a Latin-1 text
        ("µ-payment £5", "μ-payment £5"),  # NFKC takes "µ" out of Latin-1
    ],
)
def test_latin1_texts_are_cleaned_like_any_other(raw: str, expected: str) -> None:
    assert clean(raw).plain == expected
