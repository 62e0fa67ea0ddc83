"""Text that is not the program's own, made safe to show: one sanitiser for every output.

A scam message, a local content overlay, a file name or a saved file can hold characters that
drive a terminal instead of being shown: escape sequences that move the cursor and rewrite the
verdict above them (``ESC 7``, ``ESC[3A``, ``ESC[2K``), hyperlinks and clipboard writes (OSC 8,
OSC 52), C1 controls (U+009B is a one-character CSI), carriage returns and backspaces that
overwrite, bidi overrides that show text backwards (U+202E), and invisible format characters that
make two different words look the same. This module decides, in one place, what happens to each.

The policy (documented in README, "Hostile input"):

- **On a terminal** (:func:`shown`, :func:`shown_line`) every such character is replaced by a
  visible marker, ``<U+XXXX>`` with its code point, so a reader sees that something was there:
  ``ESC[2K`` is shown as ``<U+001B>[2K`` (the rest of a sequence is ordinary text and is shown
  as it is), U+202E as ``<U+202E>``. ``\\r\\n`` becomes ``\\n``. :func:`shown` keeps line
  breaks and tabs (multi-line texts such as a quiz scenario); :func:`shown_line` is for one-line
  values (names, file names, error messages) and marks a line break too, so no value can start a
  line of its own that looks like the program's.
- **In data** (:func:`stored`, :func:`clean_json`: JSON output) the same characters are removed,
  since a program reading the JSON wants the text, not markers; every ``domain`` value is ASCII
  (:func:`ascii_domain`).
- Kept, because genuine messages use them and they cannot drive a terminal: the zero-width
  joiner and non-joiner between two non-ASCII characters (emoji sequences, Persian and Indic
  scripts), variation selectors after a non-ASCII character or a keycap digit (``❤️``, ``1️⃣``),
  and the tag characters of a subdivision flag (``🏴`` followed by tags: the Scottish flag).
  Between ASCII letters they are marked like any other invisible character (``pay<U+200D>pal``).

Rich markup is handled by :func:`sochelp.render.escape` (markers first, then markup escaped)
and :func:`sochelp.render.rich_text`; this module has no third-party imports so it costs nothing
at start-up.
"""

from __future__ import annotations

import re
from typing import Any

#: Characters that are never shown as they are. Unicode 15 ``Cf`` (format) characters that are
#: invisible, the C0 and C1 controls (not tab or line feed), DEL, line and paragraph separators,
#: default-ignorable fillers and variation selectors, tag characters, and lone surrogates (which
#: cannot even be written to a UTF-8 stream).
_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but \t, \n), DEL, C1 (U+0085 NEL, U+009B CSI...)
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark (bidi)
    "\u115f\u1160\u17b4\u17b5\u180b-\u180f"  # fillers, Khmer vowels, Mongolian selectors
    "\u200b-\u200f"  # zero width space/(non-)joiner, LRM, RLM
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u206f"  # word joiner, invisible operators, bidi isolates, deprecated format
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"  # filler, selectors, BOM, annotations
    "\ud800-\udfff"  # lone surrogates
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"  # tags, variation selectors supplement
    "]"
)

_JOINERS = frozenset("\u200c\u200d")
_KEYCAPS = frozenset("#*0123456789")
_BLACK_FLAG = "\U0001f3f4"
#: Longest run of tag characters a subdivision flag uses (``gbsct`` and the cancel tag).
_MAX_FLAG_TAGS = 7


def _is_selector(ch: str) -> bool:
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def _is_tag(ch: str) -> bool:
    return "\U000e0020" <= ch <= "\U000e007f"


def _kept(text: str, at: int) -> bool:
    """Whether the unsafe-looking character at ``at`` is part of an emoji or a script."""
    ch = text[at]
    before = text[at - 1] if at > 0 else ""
    if ch in _JOINERS:
        after = text[at + 1] if at + 1 < len(text) else ""
        return (
            bool(before and after)
            and not before.isascii()
            and not after.isascii()
            and not _UNSAFE.match(before)
            and not _UNSAFE.match(after)
        )
    if _is_selector(ch):
        return (
            bool(before)
            and (not before.isascii() or before in _KEYCAPS)
            and not (_UNSAFE.match(before))
        )
    if _is_tag(ch):
        start = at
        while start > 0 and at - start < _MAX_FLAG_TAGS and _is_tag(text[start - 1]):
            start -= 1
        return start > 0 and text[start - 1] == _BLACK_FLAG
    return False


def marker(ch: str) -> str:
    """The visible stand-in for one character: ``<U+202E>``."""
    return f"<U+{ord(ch):04X}>"


def _marked(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    ch = text[at]
    if ch == "\r" and text.startswith("\n", at + 1):
        return ""  # a Windows line ending is just a line ending
    return ch if _kept(text, at) else marker(ch)


def _marked_keeping_crlf(match: re.Match[str]) -> str:
    text, at = match.string, match.start()
    if text[at] == "\r" and text.startswith("\n", at + 1):
        return "\r"
    return _marked(match)


def _removed(match: re.Match[str]) -> str:
    return match.group() if _kept(match.string, match.start()) else ""


def shown(text: str) -> str:
    """``text`` safe to write to a terminal, line breaks and tabs kept, every other control or
    invisible format character shown as ``<U+XXXX>``."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_marked, text)


def shown_document(text: str) -> str:
    """Like :func:`shown` for a whole document sochelp wrote (Markdown, CSV, HTML, calendar):
    its ``\r\n`` line endings are kept, which some formats require."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_marked_keeping_crlf, text)


def shown_line(text: str) -> str:
    """Like :func:`shown` for a one-line value: a tab becomes a space and a line break is shown
    as ``<U+000A>``, so the value cannot start a line of its own."""
    return shown(text).replace("\t", " ").replace("\n", marker("\n"))


#: A whole terminal escape sequence: CSI ("ESC [ 2 J", also the one-byte C1 form), OSC, DCS,
#: APC, PM and SOS strings up to BEL or "ESC \\" ("ESC ] 0 ; title BEL"), and two-character
#: escapes ("ESC 7", "ESC c"). Shared with the message analysis, which removes them the same
#: way; compiled on first use (by ``re``'s cache).
ESCAPE_SEQUENCES = (
    r"(?:\x1b\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]?"
    r"|(?:\x1b[\]P_^X]|[\x90\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]{0,4}[\x30-\x7e]?"
)


def stored(text: str) -> str:
    """``text`` for data (JSON): the same characters removed rather than marked, and a terminal
    escape sequence removed whole (not leaving "]0;title" behind); line breaks and tabs are
    kept (JSON escapes them)."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_removed, re.sub(ESCAPE_SEQUENCES, "", text))


def marked_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` that :func:`shown` marks, in order of appearance (a
    joiner or selector inside an emoji, and the ``\r`` of a ``\r\n``, are not marked)."""
    found: list[str] = []
    for match in _UNSAFE.finditer(text):
        ch, at = match.group(), match.start()
        if ch == "\r" and text.startswith("\n", at + 1):
            continue
        if not _kept(text, at) and ch not in found:
            found.append(ch)
    return found


def is_safe(text: str) -> bool:
    """True when :func:`shown` would leave ``text`` unchanged."""
    return shown(text) == text


def ascii_domain(value: str) -> str:
    """A domain name in ASCII whatever it holds: IDNA (punycode) where the name is valid, each
    label punycoded otherwise; controls and invisible characters are dropped first."""
    name = stored(value).replace("\n", "").replace("\t", "").strip().lower()
    if name.isascii():
        return name
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        labels = name.split(".")
        return ".".join(
            label
            if label.isascii()
            else "xn--" + label.encode("punycode", "replace").decode("ascii", "replace")
            for label in labels
        )


def clean_json(value: Any) -> Any:
    """JSON-ready data with :func:`stored` applied to every string (keys too) and every
    ``domain`` value made ASCII."""
    if isinstance(value, str):
        return stored(value)
    if isinstance(value, dict):
        cleaned: dict[Any, Any] = {}
        for key, item in value.items():
            name = stored(key) if isinstance(key, str) else key
            if name == "domain" and isinstance(item, str):
                cleaned[name] = ascii_domain(item)
            else:
                cleaned[name] = clean_json(item)
        return cleaned
    if isinstance(value, list | tuple):
        return [clean_json(item) for item in value]
    return value
