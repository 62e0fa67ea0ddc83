"""Cleaning a message before it is analysed: what a reader sees, without what hides from them.

Scam texts hide from filters with characters a reader never sees (zero-width spaces, soft
hyphens, word joiners, tag characters, bidi marks, terminal escape codes) and with letters that
only look Latin (Cyrillic ``а``, Greek ``ο``, small capitals ``ᴀ``, mathematical bold ``𝐚``).
:func:`clean` removes the first, folds compatibility forms (NFKC), joins words split by spaces
too thin to see, an emoji, or letters spaced out or joined by a repeated sign ("c-l-i-c-k"),
and, for the rules only, folds look-alike letters inside Latin words, accents and digits drawn
as letters ("c0de"), so every rule and the link finder read the message as a person would. What
was hidden is kept as evidence: characters hidden *inside* a word, and words mixing alphabets,
are warning signs in their own right (emoji sequences and their joiners are not).

Pure and linear in the text; nothing here reads a file.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache
from typing import NamedTuple

from sochelp.message.model import lazy
from sochelp.render.safe import ESCAPE_SEQUENCES as _ESCAPES  # the same as JSON output drops

#: Characters removed before analysis: C0/C1 controls other than tab and line breaks, every
#: format character (Unicode category Cf, listed here so the class does not depend on scanning
#: the whole of Unicode at start-up; a test checks it against ``unicodedata``), variation
#: selectors, the combining grapheme joiner, Hangul fillers and the rest of the default-ignorable
#: code points.
_INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)
_HIDDEN_PATTERN = f"(?:{_ESCAPES}|[{_INVISIBLE}])+"


@cache
def _any_hidden() -> re.Pattern[str]:
    """One hidden character (escape sequences start with a control, so they are found too): a
    single character class, much quicker to search for than :func:`hidden_pattern`."""
    return re.compile(f"[{_INVISIBLE}]")


@cache
def hidden_pattern() -> re.Pattern[str]:
    """The pattern of hidden characters (compiled on first use: plain ASCII text without
    controls never needs it, and its large class takes a while to compile)."""
    return re.compile(_HIDDEN_PATTERN)


#: What can hide in plain ASCII text: controls and escape sequences (a cheap first test).
_ASCII_HIDDEN = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The hidden characters a Latin-1 text can hold (a small class: searched four times faster).
_LATIN1_HIDDEN = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad]")
_LETTER = lazy(r"[^\W\d_]")
#: Letters of scripts that never need a joiner inside a word (so one there is hiding something).
_PLAIN_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")

#: Typographic quotes and dashes, read as their plain forms.
_QUOTE_PAIRS = (("‘", "'"), ("’", "'"), ("‛", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))
#: "Â£" is a pound sign decoded with the wrong character set; "\ufffd" before a number is a
#: pound sign lost in the same way (the public SMS corpora are full of both); the lira sign
#: "₤" is drawn like a pound sign.
_MOJIBAKE = lazy("\u00c2(?=[\u00a3\u20ac])|\ufffd(?=\\d)|\u20a4")
#: Windows punctuation read with the wrong character set comes out as a C1 control: "it\x92s"
#: is "it's", "\x93yes\x94" is a quotation, " \x96 " a dash (old SMS and email exports are full
#: of them). Read in those places as what they were; anywhere else (inside a word, "Pay\x92Pal")
#: the control is still a hidden character.
_CP1252_PUNCTUATION = lazy(
    r"(?<=[A-Za-z])\x92(?=(?:s|t|d|m|ll|re|ve)\b)"
    r"|\x93[^\x93\x94\n]{1,200}\x94"
    r"|(?<= )[\x96\x97](?= )",
    re.IGNORECASE,
)
_CP1252 = str.maketrans(
    {"\x92": "\u2019", "\x93": "\u201c", "\x94": "\u201d", "\x96": "\u2013", "\x97": "\u2014"}
)
#: Spaces too thin to see (thin, hair, six-per-em, punctuation, narrow no-break) and the
#: blank Braille cell; emoji and pictographs; combining marks (character-class ranges).
_THIN_SPACES = r"\u2006\u2008\u2009\u200a\u202f\u2800"
_EMOJI = r"\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff"
_COMBINING = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
#: Thin spaces between two letters: "to\u200all" reads as "toll".
_THIN_IN_WORD = lazy(rf"[{_THIN_SPACES}](?<=[^\W\d_].)[{_THIN_SPACES}]*(?=[^\W\d_])")
#: Emoji between two letters of one word ("pa📦y"): put there to split it.
_EMOJI_IN_WORD = lazy(rf"[{_EMOJI}](?<=[^\W\d_].)[{_EMOJI}]*(?=[^\W\d_])")
#: Three or more single letters spaced out ("p a y n o w"): one word written to slip past.
_SPACED_LETTERS = lazy(r"(?<![\w.])(?:[A-Za-z] ){2,}[A-Za-z](?![\w.])")
#: A quick first test for it (a pattern starting with a space is searched for quickly).
_SPACED_HINT = lazy(r" [A-Za-z] [A-Za-z](?![\w.])")
#: Three or more single letters joined by one sign, again and again ("c-l-i-c-k", "F*R*E*E",
#: "r~e~f~u~n~d", "p/a/y", "H|S|B|C", "p·a·y"): one word split to slip past a filter (not a
#: link's "a-b-c.com" or a path's "/x-y-z/").
_JOINERS = "*~/|_+=\u00b7\u2022-"  # (the hyphen last, as it ends each class)
_JOINED_LETTERS = lazy(
    rf"(?<![\w./@{_JOINERS}])[A-Za-z]([{_JOINERS}])[A-Za-z](?:\1[A-Za-z])+"
    rf"(?![\w@{_JOINERS}]|\.\w)"
)
#: Quick first tests for it (a pattern starting with one literal character is searched for
#: quickly; a class of two is not), for the signs a text holds.
_JOINED_HINTS = {sign: lazy(re.escape(sign) + "[A-Za-z]" + re.escape(sign)) for sign in _JOINERS}
#: Four or more single letters or digits joined by dots ("A.M.A.Z.0.N"): a name dotted apart.
_DOTTED_LETTERS = lazy(r"(?<![\w./@-])(?:[A-Za-z0-9]\.){3,}[A-Za-z0-9](?!\w|\.\w|[/@-])")
#: A quick first test for it (a pattern starting with a dot is searched for quickly).
_DOTTED_HINT = lazy(r"\.[A-Za-z0-9]\.[A-Za-z0-9]\.")
#: Every character the disguise folds below look for that sits above Latin-1 (thin spaces,
#: the Braille blank, emoji, combining marks): one quick pass decides whether to run them.
_EXOTIC = lazy(f"[{_COMBINING}{_THIN_SPACES}{_EMOJI}]")
#: Combining marks left on a plain Latin letter once NFKC has composed what it can ("c̣ode",
#: a line drawn under every letter): no English word has them.
_MARK_ON_LATIN = lazy(rf"[{_COMBINING}](?<=[A-Za-z\u00c0-\u024f].)[{_COMBINING}]*")
#: Latin letters with accents, as code-point ranges: Latin-1 Supplement, Latin Extended-A and
#: -B, and Latin Extended Additional (Vietnamese letters with two marks, "ấ", "ệ").
_ACCENTED_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
#: The same ranges, written for a character class.
ACCENTED_LATIN = "".join(f"{chr(first)}-{chr(last)}" for first, last in _ACCENTED_RANGES)
#: Any accented Latin letter (a cheap test before folding accents; language.py's count of words
#: English does not write).
ACCENTED_LETTER = lazy(f"[{ACCENTED_LATIN}]")
#: Bidi overrides: they make letters show in another order than they are written, so they are
#: reported wherever they are (not only inside a word).
_OVERRIDES = ("\u202d", "\u202e")
#: Right-to-left override up to its pop (or the line's end): shown reversed.
_OVERRIDE_RUN = lazy("\u202e([^\u202a-\u202e\u2066-\u2069\n]*)(?:\u202c|(?=\n)|$)")

#: Letters drawn like Latin ones, folded inside Latin words (one character for one, so the
#: folded text keeps every position of the unfolded one).
_LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ԁ": "d", "ѕ": "s", "һ": "h", "ӏ": "l",
    "ԛ": "q", "ԝ": "w", "ѵ": "v", "ɡ": "g", "ո": "n", "ս": "u", "օ": "o",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Latin small capitals and other letters drawn like plain ones
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r",
    "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "ı": "i",
    # Letters of other alphabets, and odd Latin ones, drawn like plain letters (the lunate sigma
    # "ϲ" reaches here as "ς", its NFKC form)
    "ɑ": "a", "ς": "c", "ҽ": "e", "ү": "y", "г": "r", "ǀ": "l", "ռ": "n", "ѻ": "o", "ⲣ": "p",
    "ĸ": "k", "ꭺ": "a",
    # Armenian, Coptic and Lisu letters drawn like Latin ones (Lisu's are used in look-alike
    # web addresses), and the Canadian syllabics that "fancy text" generators use for capitals
    "հ": "h",
    "ⲁ": "a", "ⲉ": "e", "ⲓ": "i", "ⲕ": "k", "ⲟ": "o", "ⲥ": "c", "ⲩ": "y", "ⲭ": "x",
    "Ⲁ": "A", "Ⲃ": "B", "Ⲉ": "E", "Ⲏ": "H", "Ⲓ": "I", "Ⲕ": "K", "Ⲙ": "M", "Ⲛ": "N", "Ⲟ": "O",
    "Ⲣ": "P", "Ⲥ": "C", "Ⲧ": "T", "Ⲩ": "Y", "Ⲭ": "X",
    "ꓮ": "A", "ꓐ": "B", "ꓚ": "C", "ꓓ": "D", "ꓰ": "E", "ꓝ": "F", "ꓖ": "G", "ꓧ": "H", "ꓲ": "I",
    "ꓙ": "J", "ꓗ": "K", "ꓡ": "L", "ꓟ": "M", "ꓠ": "N", "ꓳ": "O", "ꓑ": "P", "ꓣ": "R", "ꓢ": "S",
    "ꓔ": "T", "ꓴ": "U", "ꓦ": "V", "ꓪ": "W", "ꓫ": "X", "ꓬ": "Y", "ꓜ": "Z",
    "ᗩ": "A", "ᗷ": "B", "ᑕ": "C", "ᗪ": "D", "ᗴ": "E", "ᕮ": "E", "ᖴ": "F", "ᕼ": "H", "ᒍ": "J",
    "ᒪ": "L", "ᗰ": "M", "ᑎ": "N", "ᑭ": "P", "ᑫ": "Q", "ᖇ": "R", "ᔕ": "S", "ᑌ": "U", "ᐯ": "V",
    "ᗯ": "W", "ᘔ": "Z",
    # Cherokee capitals
    "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭰ": "D", "Ꭼ": "E", "Ꮐ": "G", "Ꮋ": "H", "Ꭻ": "J", "Ꮶ": "K",
    "Ꮮ": "L", "Ꮇ": "M", "Ꮲ": "P", "Ꮢ": "R", "Ꮪ": "S", "Ꭲ": "T", "Ꮩ": "V", "Ꮤ": "W", "Ꮓ": "Z",
}  # fmt: skip
_FOLD = str.maketrans(_LOOKALIKES)
_LOOKALIKE_CHAR = "[" + "".join(_LOOKALIKES) + "]"
# (From a word's start only: a search that may start anywhere in a long word with no look-alike
# letter retries the whole word from each of its positions, minutes on 100,000 digits before
# "рублей"; the matches are the same, since a word's first match starts at the word's start.)
_LOOKALIKE_WORD = r"(?<!\w)\w*" + _LOOKALIKE_CHAR + r"\w*"
#: Letters that NFKC folds to plain ones but that a sender must have chosen on purpose to look
#: unusual: mathematical bold/italic/script letters, full-width letters, circled letters.
_STYLED = "[\U0001d400-\U0001d7ff\uff21-\uff3a\uff41-\uff5a\u24b6-\u24e9]"
#: Letters drawn as emoji or enclosed, which NFKC leaves alone or turns into "(p)": negative
#: circled and negative squared capitals ("🅟🅐🅨", "🅿🅰🆈"), parenthesised small letters
#: ("⒫⒜⒴"), in runs of two or more (one alone is an emoji, the parking sign "🅿️"), and
#: regional-indicator letters kept apart by hidden characters or spaces ("🇵 🇦 🇾"), as they
#: must be not to pair into flags (a flag, "🇬🇧", is two side by side and is kept).
_ENCLOSED_LETTERS = {
    **{chr(0x1F150 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0x1F170 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0x1F1E6 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0x249C + i): chr(0x61 + i) for i in range(26)},
}
_ENCLOSED_RUN = "[\U0001f150-\U0001f169\U0001f170-\U0001f189\u249c-\u24b5]"
_ENCLOSED = lazy(f"{_ENCLOSED_RUN}(?:\ufe0f?{_ENCLOSED_RUN})+")
_REGIONAL = "[\U0001f1e6-\U0001f1ff]"
#: Any character either pattern looks for (one pass decides whether to run them).
_ENCLOSED_HINT = lazy("[\U0001f150-\U0001f1ff\u249c-\u24b5]")
_SPLIT_INDICATORS = lazy(f"(?:{_REGIONAL}(?:[{_INVISIBLE}]+| )){{2,}}{_REGIONAL}")


def _plain_letters(match: re.Match[str]) -> str:
    """The plain letters a run of enclosed ones spells (what keeps them apart left out)."""
    return "".join(_ENCLOSED_LETTERS.get(ch, "") for ch in match.group(0))


def _unenclose(text: str) -> str:
    """Enclosed and regional-indicator letters spelling a word read as plain letters."""
    return _ENCLOSED.sub(_plain_letters, _SPLIT_INDICATORS.sub(_plain_letters, text))


_ASCII_LETTER = lazy(r"[A-Za-z]")
#: Escape, backspace, bell, delete and the one-byte C1 controls: terminal codes, not text.
_TERMINAL_CODE = lazy("[\x07\x08\x1b\x7f\x80-\x9f]")
#: Most places where hidden characters are reported (the rest are still removed).
MAX_MARKS = 20


class HiddenMark(NamedTuple):
    """Characters hidden inside a word: the cleaned word, and which characters were there."""

    word: str
    codepoints: tuple[str, ...]  # "U+200B", … (each once, in order)


class CleanText(NamedTuple):
    """A message as a person reads it.

    ``text`` is what the rules read (look-alike letters inside Latin words, accents and digits
    drawn as letters folded); ``plain``
    is the same text without that folding, for finding links and addresses (a Cyrillic letter
    in a web address is itself a warning sign). Both have the same length, position by position.
    """

    text: str
    plain: str
    hidden: tuple[HiddenMark, ...] = ()
    #: Words that mixed alphabets, as (as written, as read).
    lookalike_words: tuple[tuple[str, str], ...] = ()
    #: Whether styled letters (mathematical bold, full-width, small capitals) were used.
    styled: bool = False
    #: Common English words written with accents they never carry ("ánd", "thiš"), as (as
    #: written, as read): accents sprinkled over a message to slip past filters.
    accented_words: tuple[tuple[str, str], ...] = ()


def codepoint(ch: str) -> str:
    """A character as ``U+XXXX``."""
    return f"U+{ord(ch):04X}"


def latin1(text: str) -> bool:
    """Whether every character of the text is in Latin-1 (one quick encode). The classes of
    look-alikes, styled letters, emoji, thin spaces and combining marks all lie above it, so
    such a text needs none of their slower searches."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _may_hide(text: str, narrow: bool | None = None) -> bool:
    """Whether the text holds any hidden character (``narrow``: whether it is Latin-1, when
    the caller knows)."""
    if text.isascii():
        return _ASCII_HIDDEN.search(text) is not None
    if narrow if narrow is not None else latin1(text):
        return _LATIN1_HIDDEN.search(text) is not None
    return _any_hidden().search(text) is not None


def strip_hidden(text: str) -> str:
    """The text without escape sequences, controls and invisible characters."""
    return hidden_pattern().sub("", text) if _may_hide(text) else text


def overridden_runs(raw: str) -> list[str]:
    """The text inside right-to-left overrides in the order it was written (what a phone turns
    into a link), where :func:`clean` reads it in the order it is shown."""
    if "\u202e" not in raw:
        return []
    return [strip_hidden(match.group(1)) for match in _OVERRIDE_RUN.finditer(raw[:MAX_RUNS_TEXT])]


#: How much of a message is searched for overridden runs.
MAX_RUNS_TEXT = 200_000


def _plain_letter(ch: str) -> bool:
    return bool(_LETTER.match(ch)) and unicodedata.name(ch, "").startswith(_PLAIN_SCRIPTS)


def _hidden_marks(raw: str) -> list[HiddenMark]:
    """Runs of hidden characters with a letter of a Latin, Greek or Cyrillic word on each side."""
    marks: list[HiddenMark] = []
    for match in hidden_pattern().finditer(raw):
        start, end = match.span()
        # Terminal codes and bidi overrides never belong in a message: reported wherever they
        # are. Other invisible characters only inside a word (a joiner in an emoji or a stray
        # BOM is harmless).
        terminal = _TERMINAL_CODE.search(match.group(0)) is not None or any(
            ch in match.group(0) for ch in _OVERRIDES
        )
        inside = start > 0 and end < len(raw)
        if not terminal and not (
            inside and _plain_letter(raw[start - 1]) and _plain_letter(raw[end])
        ):
            continue
        word = _word_around(raw, start, end)
        codes = dict.fromkeys(
            "ESC" if ch == "\x1b" else codepoint(ch)
            for ch in match.group(0)
            if ch == "\x1b" or not (" " <= ch < "\x7f")
        )
        marks.append(HiddenMark(word, tuple(codes)))
        if len(marks) >= MAX_MARKS:
            break
    return marks


def _word_around(raw: str, start: int, end: int) -> str:
    """The cleaned word that the hidden characters at ``raw[start:end]`` sit inside."""
    before = strip_hidden(raw[max(0, start - 60) : start])
    after = strip_hidden(raw[end : end + 60])
    left = re.search(r"\w{0,40}$", before)
    right = re.match(r"\w{0,40}", after)
    word = (left.group(0) if left else "") + (right.group(0) if right else "")
    return unicodedata.normalize("NFKC", word)


def _join_split_words(text: str, marks: list[HiddenMark]) -> str:
    """Remove spaces too thin to see, and emoji, from inside words, keeping each place as a
    hidden mark."""
    for splitter in (_THIN_IN_WORD, _EMOJI_IN_WORD):
        if splitter.search(text) is not None:

            def join(match: re.Match[str], pattern: str = splitter.pattern) -> str:
                _mark(match, pattern, marks)
                return ""

            text = splitter.sub(join, text)
    return text


def _marked(match: re.Match[str], marks: list[HiddenMark]) -> str:
    """Drop combining marks from a Latin letter, keeping the place as a hidden mark."""
    _mark(match, _MARK_ON_LATIN.pattern, marks)
    return ""


def _mark(match: re.Match[str], removed: str, marks: list[HiddenMark]) -> None:
    """Keep the word around a removed run as a hidden mark (once per word)."""
    if len(marks) >= MAX_MARKS:
        return
    text = match.string
    start, end = match.span()
    left = re.search(r"\w{0,40}$", re.sub(removed, "", text[max(0, start - 80) : start]))
    right = re.match(r"\w{0,40}", re.sub(removed, "", text[end : end + 80]))
    word = (left.group(0) if left else "") + (right.group(0) if right else "")
    codes = tuple(dict.fromkeys(codepoint(ch) for ch in match.group(0)))
    if not marks or marks[-1].word != word:
        marks.append(HiddenMark(word, codes))


#: A digit drawn as a letter inside a word ("c0de", "cl1ck", "acc3ss"), or "$" starting one
#: ("$end"): read as the letter for the rules (the links keep what was written).
_LEET_DIGIT = lazy(r"[013457](?<=[A-Za-z].)(?=[A-Za-z])")
_LEET_DOLLAR = lazy(r"\$(?<![\w$£€.,]\$)(?=[a-z]{2,}\b)")
#: "@" for "a" inside a word ("H@lifax", "tr@nsaction"), but not in an email address (a dot
#: follows the name after it) or a handle.
_LEET_AT = lazy(r"@(?<=[A-Za-z]@)(?=[A-Za-z]+\b(?![.@\-]\w))")
_LEET_LETTERS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"}
#: A phone number with the letter O written for zero ("O77OO 9OO123", "+44 8OO…"), which
#: slips past number filters: at least five real digits and no other letters, the first group
#: three long at least (so "O2 0333 0880 202" keeps its brand).
_O_FOR_ZERO = lazy(r"(?<![\w+])(?:\+ ?\d{1,3}[ -]?)?[0-9O][0-9Oo]{2}(?:[ -]?[0-9Oo]){6,10}(?!\w)")
#: A keycap digit ("0️⃣", a digit with an enclosing keycap mark) read as the digit, and the
#: keycap ten as "10": WhatsApp posts write phone numbers so.
_KEYCAP = lazy("([0-9#*])\ufe0f?\u20e3|\U0001f51f")


def _zero_for_o(match: re.Match[str]) -> str:
    written = match.group(0)
    if sum(ch.isdigit() for ch in written) < 5:
        return written
    return written.replace("O", "0").replace("o", "0")


def _unleet(text: str) -> str:
    """Digits written for letters inside words read as those letters, and the letter O written
    for zero in a phone number as "0" (one for one)."""
    # (Two simple patterns, each starting with what it looks for, are far quicker on a long
    # text than one alternation.)
    if "O" in text and _O_FOR_ZERO.search(text) is not None:
        text = _O_FOR_ZERO.sub(_zero_for_o, text)
    for pattern, sign in ((_LEET_DIGIT, ""), (_LEET_DOLLAR, "$"), (_LEET_AT, "@")):
        if sign in text and pattern.search(text) is not None:
            text = pattern.sub(_leet_letter, text)
    return text


def _leet_letter(match: re.Match[str]) -> str:
    """The letter a digit or sign stands for, a capital between capitals ("R3FUND")."""
    letter = _LEET_LETTERS[match.group(0)]
    text, at = match.string, match.start()
    between_capitals = text[at - 1 : at].isupper() and text[at + 1 : at + 2].isupper()
    return letter.upper() if between_capitals else letter


def _undot(match: re.Match[str]) -> str:
    """ "A.M.A.Z.0.N" read as one word; a version or address of digits ("1.2.3.4") kept."""
    written = match.group(0)
    if not any(ch.isalpha() for ch in written):
        return written
    return written.replace(".", "")


def _plain_quotes(text: str) -> str:
    # str.replace per character is far quicker on a long text than str.translate.
    for fancy, plain in _QUOTE_PAIRS:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


def _whitespace(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


#: A character of two to four bytes written in quoted-printable ("=C2=A0", "=E2=80=99"): what a
#: copy of a raw email keeps and ordinary text never holds.
_QP_MULTIBYTE = lazy(r"=(?:C[2-9A-F]|D[0-9A-F]|E[0-9A-F]|F[0-4])(?:=[89AB][0-9A-F]){1,3}")
#: A run of quoted-printable escapes, and a line ending in "=" that runs on ("soft" line break).
_QP_RUN = lazy(r"(?:=[0-9A-F]{2})+")
_QP_SOFT_BREAK = lazy(r"=\r?\n")


def undo_quoted_printable(text: str) -> str:
    """``text`` with the quoted-printable a copy of a raw email left in it decoded ("=C2=A0" a
    space, "=E2=80=99" an apostrophe, "=3D" an equals sign, a line ending in "=" run on), so that
    "Certif=\nicate" reads as "Certificate". Only when a character of several bytes is written
    that way: a lone "=20" may be part of a link."""
    if "=" not in text or _QP_MULTIBYTE.search(text) is None:
        return text

    def decode(match: re.Match[str]) -> str:
        data = bytes.fromhex(match.group(0).replace("=", ""))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")

    return _QP_RUN.sub(decode, _QP_SOFT_BREAK.sub("", text))


def clean(raw: str) -> CleanText:
    """Remove what a reader cannot see, fold compatibility forms and (for ``text``) look-alike
    letters inside Latin words, accents and digits drawn as letters (and the letter O in a
    phone number, keycap digits as digits); join words split by thin spaces, emoji, or letters
    spaced out or joined by a repeated sign; collapse spaces within lines and blank lines.
    Quoted-printable left in a pasted email is decoded first."""
    raw = undo_quoted_printable(raw)
    if "\x92" in raw or "\x93" in raw or "\x96" in raw or "\x97" in raw:
        raw = _CP1252_PUNCTUATION.sub(lambda m: m.group(0).translate(_CP1252), raw)
    narrow = latin1(raw)  # (hidden characters removed below are never added back)
    hides = _may_hide(raw, narrow)
    marks = _hidden_marks(raw) if hides else []
    if hides and "\u202e" in raw:
        # Letters written backwards inside an override are shown forwards: read them so.
        raw = _OVERRIDE_RUN.sub(lambda m: m.group(1)[::-1], raw)
    if not narrow and ("\u20e3" in raw or "\U0001f51f" in raw):
        raw = _KEYCAP.sub(lambda m: m.group(1) or "10", raw)
    enclosed = False
    if (
        not narrow
        and _ENCLOSED_HINT.search(raw) is not None
        and (_ENCLOSED.search(raw) or _SPLIT_INDICATORS.search(raw))
    ):
        # (Before hidden characters go: they are what keeps regional indicators apart.)
        raw, enclosed = _unenclose(raw), True
    text = hidden_pattern().sub("", raw) if hides else raw
    exotic = not narrow and _EXOTIC.search(text) is not None
    if exotic:
        text = _join_split_words(text, marks)
    if _SPACED_HINT.search(" " + text) is not None:
        text = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)
    if _DOTTED_HINT.search(text) is not None:
        text = _DOTTED_LETTERS.sub(_undot, text)
    if any(sign in text and hint.search(text) for sign, hint in _JOINED_HINTS.items()):
        text = _JOINED_LETTERS.sub(lambda m: m.group(0).replace(m.group(1), ""), text)
    styled = enclosed or (not narrow and bool(re.search(_STYLED, text)))
    text = _MOJIBAKE.sub(lambda m: "" if m.group(0) == "\u00c2" else "£", text)
    if not text.isascii():  # (NFKC leaves ASCII as it is)
        text = unicodedata.normalize("NFKC", text)
        if exotic and _MARK_ON_LATIN.search(text):
            text = _MARK_ON_LATIN.sub(lambda m: _marked(m, marks), text)
    text = _whitespace(_plain_quotes(text))
    if text.isascii():
        return CleanText(_unleet(text), text, tuple(marks), (), styled)
    mixed: list[tuple[str, str]] = []
    latin_text: bool | None = None

    def fold(match: re.Match[str]) -> str:
        nonlocal latin_text
        word = match.group(0)
        folded = word.translate(_FOLD)
        if _ASCII_LETTER.search(word) or any(ch in _SMALL_CAPS for ch in word):
            # A Latin word with letters of another alphabet in it: made to look like one.
            if any(_is_other_script(ch) for ch in word) and len(mixed) < MAX_MARKS:
                mixed.append((word, folded))
            return folded
        if all(not ch.isalpha() or ch in _LOOKALIKES for ch in word):
            # Wholly drawn in look-alikes: folded for matching in a Latin message (a Russian
            # word among Russian ones is left alone), but not called a disguise on its own.
            if latin_text is None:
                latin_text = _mostly_latin(text)
            return folded if latin_text else word
        return word

    accented = _sprinkled_accents(text)
    # The rules are English: they read Latin letters without their accents (one character
    # for one, so positions still match), so "tóll" or "vérify" cannot slip past them.
    if ACCENTED_LETTER.search(text) is not None:
        text_for_rules = _unleet(text.translate(_accent_fold()))
    else:
        text_for_rules = _unleet(text)
    # (NFKC can take a Latin-1 character out of it: "µ" becomes Greek "μ".)
    if latin1(text_for_rules) or not re.search(_LOOKALIKE_CHAR, text_for_rules):
        return CleanText(text_for_rules, text, tuple(marks), (), styled, accented)
    folded = re.sub(_LOOKALIKE_WORD, fold, text_for_rules)
    small_caps = folded != text_for_rules and any(ch in _SMALL_CAPS for ch in text)
    return CleanText(folded, text, tuple(marks), tuple(mixed), styled or small_caps, accented)


#: Everyday English words that never carry an accent: a message writing three or more of them
#: with accents ("mé", "ánd", "thiš") is dressing itself up to slip past filters (a French or
#: Spanish message does not accent these).
_PLAIN_ENGLISH = frozenset(
    {
        "the",
        "you",
        "your",
        "to",
        "me",
        "my",
        "and",
        "it",
        "is",
        "was",
        "for",
        "this",
        "that",
        "with",
        "have",
        "know",
        "what",
        "are",
        "not",
        "on",
        "at",
        "be",
        "if",
        "up",
        "all",
        "just",
        "so",
        "do",
        "we",
        "he",
        "she",
        "her",
        "him",
        "his",
        "our",
        "out",
        "now",
        "how",
        "why",
        "who",
        "when",
        "can",
        "want",
        "talk",
        "meet",
        "here",
        "there",
        "back",
        "before",
        "wrong",
        "number",
        "area",
        "phone",
        "story",
        "whole",
        "face",
        "bored",
        "sent",
        "time",
        "yeah",
        "ok",
        "from",
        "they",
        "them",
        "get",
        "got",
        "send",
        "money",
        "bank",
        "account",
        "code",
        "call",
        "text",
    }
)


def plain_english_words() -> frozenset[str]:
    """Everyday English words, as scams sprinkle accents over them ("párty", "ťime")."""
    return _PLAIN_ENGLISH


#: A word with an accented Latin letter in it.
_ACCENTED_WORD = lazy(rf"\b[A-Za-z]*[{ACCENTED_LATIN}][A-Za-z{ACCENTED_LATIN}]*\b")
#: Accented words needed before a message counts as sprinkled.
SPRINKLED_WORDS = 3


@cache
def _accent_fold() -> dict[int, str]:
    """Accented Latin letters to their plain forms, one character for one."""
    table: dict[int, str] = {}
    for code in itertools.chain.from_iterable(
        range(first, last + 1) for first, last in _ACCENTED_RANGES
    ):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base.isalpha() and base != chr(code):
            table[code] = base
    return table


def _sprinkled_accents(text: str) -> tuple[tuple[str, str], ...]:
    """Everyday English words written with accents, when at least :data:`SPRINKLED_WORDS`
    different ones are (else nothing)."""
    found: dict[str, str] = {}
    fold = _accent_fold()
    for match in _ACCENTED_WORD.finditer(text[:50_000]):
        word = match.group(0)
        plain = word.translate(fold)
        if plain != word and plain.lower() in _PLAIN_ENGLISH:
            found.setdefault(plain.lower(), word)
            if len(found) >= MAX_MARKS:
                break
    if len(found) < SPRINKLED_WORDS:
        return ()
    return tuple((written, written.translate(fold)) for written in found.values())


_SMALL_CAPS = frozenset("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ")


def _is_other_script(ch: str) -> bool:
    """A Cyrillic, Greek or Armenian letter (drawn like a Latin one in a Latin word)."""
    return ch in _LOOKALIKES and ch not in _SMALL_CAPS and ch != "ı"


#: Look-alikes from scripts hardly anyone writes a message in here (Cherokee, Coptic, Lisu,
#: Canadian syllabics, odd Latin letters): a text of them is Latin in disguise, so they count
#: as Latin when deciding whether a text is mostly Latin. Cyrillic, Greek and Armenian ones do
#: not: a Russian or Greek text is full of them.
_DISGUISE_ONLY = frozenset(
    ch
    for ch in _LOOKALIKES
    if not unicodedata.name(ch, "").startswith(("CYRILLIC", "GREEK", "ARMENIAN"))
)


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text[:2000] if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if ch.isascii() or ch in _SMALL_CAPS or ch in _DISGUISE_ONLY)
    return latin * 2 > len(letters)


# --- words split apart by a sign --------------------------------------------------------------

#: A hyphen, dot, underscore, asterisk or line break between two Latin letters: where a word
#: may have been split so that filters miss it ("pay-ment", "acc.ount", "veri*fy", "pass\nword").
_SPLIT_AT = lazy(r"[-._*\n](?<=[A-Za-z][-._*\n])(?=[A-Za-z])")
_SPLITTERS = frozenset("-._*\n")
#: Longest word looked for across the splits (letters).
MAX_JOINED = 24
#: Shortest word joined across a dot or a line break: shorter ones ("to.day") are too often two
#: words run together at a sentence's or a line's end.
MIN_JOINED_ACROSS_BREAKS = 6


#: A run of letters and splitting signs (60 at most), read forwards or in the reversed text.
_RUN = lazy(r"[A-Za-z\-._*\n]{0,60}")


def _token_bounds(text: str, backwards: str, at: int) -> tuple[int, int]:
    """The run of ASCII letters and splitting signs around ``at``, without signs at its ends
    (``backwards`` is the text reversed: the run before ``at`` is read forwards there)."""
    run = _RUN.compiled
    before = run.match(backwards, len(text) - at)
    after = run.match(text, at)
    start = at - (before.end() - before.start()) if before is not None else at
    end = after.end() if after is not None else at
    while start < end and text[start] in _SPLITTERS:
        start += 1
    while end > start and text[end - 1] in _SPLITTERS:
        end -= 1
    return start, end


def _split_signs(token: str, words: frozenset[str]) -> list[int]:
    """Where in the token a sign splits a word apart: the signs between pieces whose letters
    spell one of ``words`` across the split. (A word spelt with a hyphen, "e-mail" or
    "re-deliver", is joined too: the rules read both spellings alike.)"""
    pieces = _SPLIT_PIECES.compiled.split(token.lower())
    letters, signs = pieces[0::2], pieces[1::2]
    starts = _word_starts(words)
    places: list[int] = []
    offset = 0  # where letters[i] starts in the token
    i = 0
    count = len(letters)
    while i < count:
        piece = letters[i]
        # A word spelt across the split begins with this piece and the next one's first letter.
        if i + 1 == count or piece + letters[i + 1][:1] not in starts:
            offset += len(piece) + 1
            i += 1
            continue
        span = _joined_span(letters, i, words, starts)
        last = i
        total = len(piece)
        while span and total < span:
            last += 1
            total += len(letters[last])
        if span and {".", "\n"} & set(signs[i:last]) and span < MIN_JOINED_ACROSS_BREAKS:
            last = i
        for j in range(i, last + 1):
            offset += len(letters[j])
            if j < last:
                places.append(offset)
            offset += 1  # the sign after letters[j]
        i = last + 1
    return places


#: A token's pieces and the signs between them.
_SPLIT_PIECES = lazy(r"([-._*\n])")


#: Letters a joined word may run past the word it spells ("pay-ments" spells "payment").
_SUFFIX_SLACK = 2


@cache
def _word_starts(words: frozenset[str]) -> frozenset[str]:
    """Every beginning of every one of ``words`` (the empty one too)."""
    return frozenset(word[:length] for word in words for length in range(len(word) + 1))


def _joined_span(
    letters: list[str], first: int, words: frozenset[str], starts: frozenset[str]
) -> int:
    """How many letters of the (lower-case) pieces from ``letters[first]`` on, run together, to
    join: the longest run that ends where a piece ends, goes past the first piece and spells one of
    ``words`` (with up to :data:`_SUFFIX_SLACK` letters more); 0 if none does. A word that ends
    inside a piece is two words run together ("notice" and "Dear" spell "noticed" and more),
    not one split. ``starts`` (the words' beginnings) stops the search as soon as the pieces
    can no longer spell a word, so a long run of short pieces stays linear."""
    run = letters[first]
    shortest = len(run)
    best = 0
    for piece in letters[first + 1 : first + 12]:
        run += piece
        # The word spelt runs past the first piece and ends at most _SUFFIX_SLACK letters
        # before the run does, so the run's letters up to there begin a word.
        begins = run[: max(shortest + 1, len(run) - _SUFFIX_SLACK)]
        if len(run) > MAX_JOINED or begins not in starts:
            break
        if _spells(run, words, longer_than=shortest):
            best = len(run)
    return best


#: A line break after a small letter and before a capital: a new line ("… you can contact\nOn
#: our website"), not a word split across two lines, which keeps its case ("pass\nword",
#: "ACC\nOUNT").
_NEW_LINE = lazy(r"(?<=[a-z])\n(?=[A-Z])")


def _lines_of(token: str) -> list[tuple[int, str]]:
    """The parts of ``token`` between its new lines (:data:`_NEW_LINE`), each with where it
    starts: no word is joined across one."""
    parts: list[tuple[int, str]] = []
    begin = 0
    for match in _NEW_LINE.compiled.finditer(token):
        parts.append((begin, token[begin : match.start()]))
        begin = match.end()
    parts.append((begin, token[begin:]))
    return parts


def rejoin_split_words(cleaned: CleanText, words: frozenset[str]) -> CleanText:
    """``cleaned`` with words split apart by a hyphen, dot, underscore, asterisk or line break
    ("pay-ment", "acc.ount") joined where the letters spell one of ``words`` (the rules' own
    words) across the split, in ``text`` and ``plain`` alike (so they keep the same length).
    Web and email addresses are left as written; find links in the text before this step."""
    text = cleaned.text
    if not words:
        return cleaned
    drops: list[int] = []
    done = 0
    backwards = ""
    split_at = _SPLIT_AT.compiled
    while (hit := split_at.search(text, done)) is not None:
        backwards = backwards or text[::-1]
        start, end = _token_bounds(text, backwards, hit.start())
        done = end
        # Not inside a web or email address: what a link's parts spell is judged as a link.
        if (start > 0 and text[start - 1] in "/@:") or (end < len(text) and text[end] in "/@"):
            continue
        for part_start, part in _lines_of(text[start:end]):
            drops.extend(start + part_start + place for place in _split_signs(part, words))
        if len(drops) >= MAX_REJOINED:
            break
    if not drops:
        return cleaned
    spans = [(place, place + 1) for place in drops]
    return cleaned._replace(
        text=_without_spans(text, spans), plain=_without_spans(cleaned.plain, spans)
    )


#: Most split words joined in one message (a long text of hyphenated words stays linear).
MAX_REJOINED = 2000


# --- what the rules read: emoji between words, "1" for "l", split words --------------------------

#: A run of emoji between two words ("Your 📦 parcel 📦 is"): dropped with the space after it, so
#: "parcel is" reads as written without them.
_LONE_EMOJI = lazy(rf"(?<= )[{_EMOJI}\ufe0f\u200d]+ ")
#: A "1" inside a word, where the rules already read "i" ("c1ick" as "ciick").
_ONE_IN_WORD = lazy(r"1(?<=[A-Za-z]1)(?=[A-Za-z])")
_LETTERS_BEFORE = lazy(r"[A-Za-z]{0,30}\Z")
_LETTERS_FROM = lazy(r"[A-Za-z]{0,30}")
#: Most words with a "1" in them reread in one message.
MAX_ONES = 200


def read_for_rules(cleaned: CleanText, words: frozenset[str]) -> CleanText:
    """``cleaned`` as the rules read it: emoji standing between words dropped, a "1" inside a
    word read as "l" where that (and not "i") spells one of ``words`` ("c1ick", "Ro1ex"), a
    digit starting or ending a word read as a letter where that spells one ("Hell0", "5ave"),
    and words split apart by signs joined (:func:`rejoin_split_words`). Find links before
    this."""
    cleaned = _edge_digits_as_letters(_without_lone_emoji(cleaned), words)
    return rejoin_split_words(_ones_as_l(cleaned, words), words)


#: A word of letters with a digit drawn as a letter at its start or end ("Hell0", "0rder",
#: "5ecure", "fr33"): two letters at least, no other digits.
_EDGE_DIGIT_WORD = lazy(
    r"(?<![\w£$€.,:/@#+-])(?=[A-Za-z013457]*[A-Za-z][A-Za-z013457]*[A-Za-z])"
    r"(?:[013457][A-Za-z013457]{3,29}|[A-Za-z013457]{3,29}[013457])(?![\w/@-]|[.,]\d)"
)
_EDGE_HINT = lazy(r"[013457](?=[A-Za-z])|(?<=[A-Za-z])[013457]")
#: Each such digit's letters, tried in turn: the leet table's, and "l" for "1" too ("Pay1").
_DIGIT_LETTERS = {
    digit: letter + ("l" if digit == "1" else "")
    for digit, letter in _LEET_LETTERS.items()
    if digit.isdigit()
}
#: Most words with such a digit reread in one message.
MAX_EDGE_WORDS = 100


def _edge_digits_as_letters(cleaned: CleanText, words: frozenset[str]) -> CleanText:
    """``cleaned`` with the digits of a word that starts or ends with one read as letters in
    ``text``, where the word then spells one of ``words`` (four letters at least) and as
    written it does not: "Hell0" is "Hello", "PS5" and "BBC1" stay. Lengths do not change."""
    text = cleaned.text
    if not words or _EDGE_HINT.search(text) is None:
        return cleaned
    changes: dict[int, str] = {}
    for count, hit in enumerate(_EDGE_DIGIT_WORD.compiled.finditer(text)):
        if count >= MAX_EDGE_WORDS:
            break
        word = hit.group(0)
        digits = [i for i, ch in enumerate(word) if ch in _DIGIT_LETTERS]
        if len(digits) > 3 or _spells(word, words):
            continue
        capitals = word.isupper()
        for letters in itertools.product(*(_DIGIT_LETTERS[word[i]] for i in digits)):
            spelt = list(word)
            for place, letter in zip(digits, letters, strict=True):
                spelt[place] = letter.upper() if capitals else letter
            if _spells("".join(spelt), words):
                changes.update((hit.start() + i, spelt[i]) for i in digits)
                break
    return _with_letters(cleaned, changes)


def _without_lone_emoji(cleaned: CleanText) -> CleanText:
    """``cleaned`` without emoji that stand between words, in ``text`` and ``plain`` alike."""
    if latin1(cleaned.plain):
        return cleaned
    drops = [match.span() for match in _LONE_EMOJI.compiled.finditer(cleaned.text)]
    if not drops:
        return cleaned
    return cleaned._replace(
        text=_without_spans(cleaned.text, drops), plain=_without_spans(cleaned.plain, drops)
    )


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text without the (start, end) spans (in order, not overlapping)."""
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _spells(word: str, words: frozenset[str], longer_than: int = 3) -> bool:
    """Whether the word, or the word without up to :data:`_SUFFIX_SLACK` last letters, is one
    of ``words``, longer than ``longer_than`` letters (four at least)."""
    lower = word.lower()
    shortest = max(3, longer_than, len(lower) - _SUFFIX_SLACK - 1)
    return any(lower[:length] in words for length in range(len(lower), shortest, -1))


def _ones_as_l(cleaned: CleanText, words: frozenset[str]) -> CleanText:
    """``cleaned`` with each "1" inside a word read as "l" in ``text`` where the word then
    spells one of ``words`` and read as "i" it does not ("c1ick" is "click", "ema1l" stays
    "email"). ``plain`` keeps the "1"; lengths do not change."""
    plain = cleaned.plain
    if "1" not in plain or not words:
        return cleaned
    text = cleaned.text
    changes: dict[int, str] = {}
    done = 0
    for hit in _ONE_IN_WORD.compiled.finditer(plain):
        place = hit.start()
        if place < done or text[place] != "i":
            continue
        before = _LETTERS_BEFORE.compiled.search(text, max(0, place - 30), place)
        after = _LETTERS_FROM.compiled.match(text, place + 1)
        start = before.start() if before is not None else place
        end = after.end() if after is not None else place + 1
        done = end
        ones = [i for i in range(start, end) if plain[i] == "1" and text[i] == "i"]
        word = text[start:end]
        if len(ones) > 3 or _spells(word, words):
            continue
        for choice in range(1, 2 ** len(ones)):
            letters = list(word)
            for bit, one in enumerate(ones):
                if choice >> bit & 1:
                    letters[one - start] = "l" if word[one - start] == "i" else "L"
            if _spells("".join(letters), words):
                changes.update((i, letters[i - start]) for i in ones)
                break
        if len(changes) >= MAX_ONES:
            break
    return _with_letters(cleaned, changes)


def _with_letters(cleaned: CleanText, changes: dict[int, str]) -> CleanText:
    """``cleaned`` with the letters of ``text`` at the places given changed (one for one, so
    ``plain`` still lines up)."""
    if not changes:
        return cleaned
    letters = list(cleaned.text)
    for place, letter in changes.items():
        letters[place] = letter
    return cleaned._replace(text="".join(letters))
