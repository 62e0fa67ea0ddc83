"""Reading a pasted or saved email: its header block as sender information, its body as text.

A message that starts with a header block (``From:``, ``Subject:``, ``Reply-To:``,
``Return-Path:``, ``Authentication-Results:``, …), or a saved ``.eml`` file, is split into the
headers, which describe the sender and are never searched for links, and the body. MIME
messages are decoded (quoted-printable, base64, character sets). When a message has an HTML
part, that part is read, because it is what mail apps show (a harmless plain-text part beside a
scam in the HTML part must not hide it); its text is what a reader sees: words styled never to
show are left out (``display:none``, type of a pixel or less, a box of no height with its
overflow cut off, white or near-white words on the white page or a white background, black on
black, and the same set by a style sheet's class), so hidden "stay safe online" lines or padding
cannot dilute or excuse the visible message; words a style sheet adds before or after an
element (``::before { content: "…" }``) are read, since the reader sees them. Its links are
kept: each link's address, and the address its visible words show when they show one (``<a
href="https://evil.example">www.paypal.com</a>`` is a warning sign).

Pure: nothing here reads a file or opens a connection. The standard library's email and HTML
parsers are imported only when a message looks like an email or holds HTML.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from sochelp.message.model import MBOX_FROM_LINE, lazy

#: Headers that mark the start of a pasted email (at least two, one of them From or Subject).
_HEADER_NAMES = frozenset(
    {
        "from", "to", "cc", "bcc", "subject", "date", "reply-to", "return-path", "sender",
        "received", "message-id", "mime-version", "content-type", "content-transfer-encoding",
        "authentication-results", "arc-authentication-results", "received-spf",
        "dkim-signature", "delivered-to", "x-mailer", "list-unsubscribe", "importance",
        "thread-topic", "x-originating-ip", "x-sender", "envelope-to", "user-agent",
        "sent",  # Outlook's name for Date in the header lines of a forwarded email
    }
)  # fmt: skip
_HEADER_LINE = lazy(r"^([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]?(.*)$")
#: Header names that only mail carries besides those above: extension headers (Microsoft
#: Exchange alone adds dozens of "X-MS-…"), ARC and DKIM seals, mailing-list headers.
_HEADER_PREFIXES = ("x-", "arc-", "dkim-", "list-", "content-", "thread-", "accept-", "resent-")
#: An mbox file's first line ("From sender@example.com Mon Jan  1 00:00:00 2024"): no colon.
_MBOX_FROM = lazy(r"\A" + MBOX_FROM_LINE)
#: Longest header block read (a real one is a few kilobytes, a long relay chain tens of them;
#: anything longer is body).
MAX_HEADER_BYTES = 256_000
#: Most links kept from an HTML body.
MAX_ANCHORS = 200
_AUTH_FAIL = lazy(r"\b(spf|dkim|dmarc)\s*=\s*(fail|softfail|permerror)\b", re.IGNORECASE)
_HTML_HINT = lazy(
    r"<(?:html|body|div|p|br|table|a\s[^>]{0,200}href|span|td|font|img)\b", re.IGNORECASE
)
#: A style that keeps an element's words from showing: not displayed, hidden, type of a pixel
#: or less (or a tenth of the letter size), fully transparent.
_HIDING_STYLE = lazy(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|"
    r"font-size\s*:\s*(?:0*(?:\.\d+)?|0*1(?:\.0+)?)(?:px|pt)?\s*(?:!important\s*)?(?:;|$)|"
    r"font-size\s*:\s*(?:0*(?:\.0\d*|\.10*)?|0+)(?:em|rem)\s*(?:!important\s*)?(?:;|$)|"
    r"font-size\s*:\s*0*(?:\d(?:\.\d+)?|10(?:\.0+)?)%\s*(?:!important\s*)?(?:;|$)|"
    r"opacity\s*:\s*0+(?:\.0+)?\s*(?:!important\s*)?(?:;|$))",
    re.IGNORECASE,
)
#: A box of no height or width whose overflow is cut off: its words never show.
_ZERO_BOX = lazy(
    r"(?:^|;)\s*(?:max-)?(?:height|width|line-height)\s*:\s*0+(?:\.0+)?(?:px|pt|em|rem|%)?"
    r"\s*(?:!important\s*)?(?:;|$)",
    re.IGNORECASE,
)
_OVERFLOW_HIDDEN = lazy(r"(?:^|;)\s*overflow\s*:\s*hidden", re.IGNORECASE)
_SETS_DISPLAY = lazy(r"(?:^|;)\s*(?:display|visibility)\s*:", re.IGNORECASE)
_TEXT_COLOUR = lazy(r"(?:^|;)\s*color\s*:\s*([^;]*)", re.IGNORECASE)
_BACKGROUND = lazy(r"(?:^|;)\s*background(-color|-image)?\s*:\s*([^;]*)", re.IGNORECASE)
_HEX_COLOUR = lazy(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})")
_RGB_COLOUR = lazy(
    r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+%?)\s*)?\)"
)
_LIGHT_NAMES = frozenset({"white", "snow", "ivory", "ghostwhite", "whitesmoke", "floralwhite"})
#: Shades of a colour as far as showing words goes: near white, near black, see-through, other.
LIGHT, DARK, CLEAR, OTHER = "light", "dark", "clear", "other"
#: Text shades that can vanish into the page or their background.
_VANISHING = frozenset({LIGHT, DARK, CLEAR})


def _shade(colour: str) -> str:
    """Whether a CSS colour is near white, near black, see-through or something else."""
    value = "".join(colour.lower().replace("!important", "").split())
    if value in _LIGHT_NAMES:
        return LIGHT
    if value == "black":
        return DARK
    if value == "transparent":
        return CLEAR
    channels: list[int] = []
    if (found := _HEX_COLOUR.compiled.fullmatch(value)) is not None:
        digits = found.group(1)
        if len(digits) <= 4:
            digits = "".join(d * 2 for d in digits)
        channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        if len(channels) == 4 and channels.pop() == 0:
            return CLEAR
    elif (found := _RGB_COLOUR.compiled.fullmatch(value)) is not None:
        channels = [int(found.group(i)) for i in (1, 2, 3)]
        alpha = found.group(4)
        if alpha is not None and float(alpha.rstrip("%") or 1) == 0:
            return CLEAR
    if channels and min(channels) >= 240:
        return LIGHT
    if channels and max(channels) <= 16:
        return DARK
    return OTHER


def _background_shade(value: str, image: bool = False) -> str | None:
    """The shade a ``background`` value paints (an image: something other than plain white),
    or None when it paints nothing."""
    value = value.lower().replace("!important", "").strip()
    if image or "url(" in value or "gradient(" in value:
        return None if value in ("", "none") else OTHER
    if value in ("", "none", "initial", "inherit", "unset"):
        return None
    shades = [_shade(word) for word in value.replace(", ", ",").split()]
    known = [shade for shade in shades if shade != OTHER]
    return known[0] if known else OTHER


class Looks(NamedTuple):
    """How an element shows its words: whether it hides them, the shade of the text colour it
    sets and of the background it paints (None: not set), whether its own style says whether
    it is displayed (which overrides a style sheet's ``display:none``)."""

    hides: bool = False
    text: str | None = None
    background: str | None = None
    sets_display: bool = False

    def over(self, below: Looks) -> Looks:
        """These looks (an element's own style) over ``below`` (its style sheet classes')."""
        return Looks(
            self.hides or (below.hides and not self.sets_display),
            self.text if self.text is not None else below.text,
            self.background if self.background is not None else below.background,
            self.sets_display or below.sets_display,
        )


#: No looks of its own (most elements).
_PLAIN = Looks()


def declared_looks(style: str) -> Looks:
    """The looks a CSS declaration list gives (``color:#fff; font-size:0``)."""
    # An email's template repeats a handful of short styles on every row: those are cached
    # (a long one is read each time, so a hostile email cannot fill the cache with megabytes).
    return _short_style_looks(style) if len(style) <= 300 else _style_looks(style)


@functools.lru_cache(maxsize=1024)
def _short_style_looks(style: str) -> Looks:
    return _style_looks(style)


def _style_looks(style: str) -> Looks:
    if not style.strip():
        return _PLAIN
    style = style.lower()
    hides = _HIDING_STYLE.search(style) is not None or (
        _ZERO_BOX.search(style) is not None and _OVERFLOW_HIDDEN.search(style) is not None
    )
    text = None
    if "olor" in style and (found := _TEXT_COLOUR.search(style)) is not None:
        text = _shade(found.group(1))
    background = None
    if "ackground" in style:
        for found in _BACKGROUND.finditer(style):
            background = _background_shade(found.group(2), found.group(1) == "-image")
    return Looks(hides, text, background, _SETS_DISPLAY.search(style) is not None)


_CSS_COMMENT = lazy(r"/\*[\s\S]*?(?:\*/|\Z)")
#: A brace outside a quoted string (a brace inside ``content: "{"`` is no rule's edge).
_CSS_TOKEN = lazy(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|[{}]")
_SIMPLE_SELECTOR = lazy(r"([a-z][a-z0-9]*)?(?:\.(-?[_a-z][\w-]*))?")
_PSEUDO_SELECTOR = lazy(r"([a-z][a-z0-9]*)?(?:\.(-?[_a-z][\w-]*))?::?(before|after)")
#: The words a rule's ``content`` declaration shows: its quoted strings.
_CONTENT = lazy(
    r"(?:^|;)\s*content\s*:\s*((?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[^;\"'])*)",
    re.IGNORECASE,
)
_CSS_STRING = lazy(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'")
_CSS_ESCAPE = lazy(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)
#: Longest style sheet read, and most rules kept from the sheets of one email.
MAX_SHEET_CHARS = 200_000
MAX_SHEET_RULES = 2000
#: Most characters of words one rule's ``content`` adds before or after an element.
MAX_CONTENT_CHARS = 2000


def _content_words(declarations: str) -> str:
    """The words a ``content`` declaration shows ("content: 'Verify' ' now'"), CSS escapes
    read ("\\41" is "A", "\\A" a line break)."""
    found = _CONTENT.search(declarations)
    if found is None:
        return ""
    words = "".join(a or b for a, b in _CSS_STRING.compiled.findall(found.group(1)))

    def unescape(escape: re.Match[str]) -> str:
        if escape.group(1):
            code = int(escape.group(1), 16)
            return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
        return escape.group(2)

    return _CSS_ESCAPE.sub(unescape, words)[:MAX_CONTENT_CHARS]


def style_sheet_looks(
    css: str, into: dict[str, Looks], words: dict[str, tuple[str, str]] | None = None
) -> None:
    """Add to ``into`` the looks of a style sheet's rules for a plain class (".note",
    "span.note") or element ("p"), by ".class" or tag; rules inside "@media" and other
    at-rules, and selectors with combinators, are left out, as are an element rule's colours
    (a template's "a { color: #fff }" goes with backgrounds that rules with combinators paint).
    Words such rules add before or after an element (``.x::before { content: "…" }``) go into
    ``words``, by the same keys: a reader sees them, so the check reads them."""
    css = _CSS_COMMENT.sub(" ", css[:MAX_SHEET_CHARS])
    depth = 0
    start = body = 0
    selector = ""
    nested = False
    for token in _CSS_TOKEN.finditer(css):
        if token.group() not in "{}":
            continue
        if token.group() == "{":
            if depth == 0:
                selector, body, nested = css[start : token.start()].lower(), token.end(), False
            else:
                nested = True
            depth += 1
            continue
        depth = max(0, depth - 1)
        if depth:
            continue
        start = token.end()
        if nested or selector.lstrip().startswith("@") or len(into) >= MAX_SHEET_RULES:
            continue
        declarations = css[body : token.start()]
        looks = declared_looks(declarations)
        # (words the rule itself hides, "content: '…'; display: none", are not shown)
        if words is not None and not looks.hides and "content" in declarations.lower():
            _add_content_words(selector, declarations, words)
        if looks == _PLAIN:
            continue
        for part in selector.split(","):
            found = _SIMPLE_SELECTOR.compiled.fullmatch(part.strip())
            if found is None or not part.strip():
                continue
            tag, name = found.groups()
            key, rule_looks = (f".{name}", looks) if name else (tag, looks._replace(text=None))
            into[key] = rule_looks.over(into[key]) if key in into else rule_looks


def _add_content_words(selector: str, declarations: str, words: dict[str, tuple[str, str]]) -> None:
    shown = _content_words(declarations)
    if not shown.strip() or len(words) >= MAX_SHEET_RULES:
        return
    for part in selector.split(","):
        found = _PSEUDO_SELECTOR.compiled.fullmatch(part.strip())
        if found is None or not (found.group(1) or found.group(2)):
            continue
        tag, name, where = found.groups()
        key = f".{name}" if name else tag
        before, after = words.get(key, ("", ""))
        words[key] = (shown, after) if where == "before" else (before, shown)


def pseudo_words(
    tag: str, attrs: list[tuple[str, str | None]], words: dict[str, tuple[str, str]]
) -> tuple[str, str]:
    """The words a style sheet adds before and after an element (by its tag or classes)."""
    before, after = words.get(tag, ("", ""))
    classes = next((value for name, value in attrs if name == "class" and value), "")
    for name in classes.lower().split()[:20]:
        more = words.get("." + name)
        if more is not None:
            before, after = more[0] or before, more[1] or after
    return before, after


def element_looks(
    tag: str, attrs: list[tuple[str, str | None]], sheet: dict[str, Looks] | None = None
) -> Looks:
    """How an element shows its words: its own style and attributes over the style sheet's
    rules for its tag and classes."""
    if not attrs and not sheet:
        return _PLAIN
    style = font = bgcolor = classes = ""
    hidden = pictured = False
    for name, value in attrs:
        if not value:
            hidden = hidden or name == "hidden"
        elif name == "style":
            style = value
        elif name == "class":
            classes = value
        elif name == "bgcolor":
            bgcolor = value
        elif name == "background":
            pictured = True
        elif name == "color" and tag == "font":
            font = value
        elif name == "hidden":
            hidden = True
    if not (sheet or style or classes or hidden or font or bgcolor or pictured):
        return _PLAIN  # (most elements: nothing of their own and no style sheet to look up)
    if hidden or font or bgcolor or pictured:
        # (cached like short styles; a long value is read each time)
        looks = _attribute_looks if len(style) + len(font) + len(bgcolor) <= 400 else _read_attrs
        own = looks(style, font, bgcolor, pictured, hidden)
    else:
        own = declared_looks(style)
    if not sheet:
        return own
    below = sheet.get(tag, _PLAIN)
    for name in classes.lower().split()[:20]:
        if (rule := sheet.get("." + name)) is not None:
            below = rule if below is _PLAIN else rule.over(below)
    return own if below is _PLAIN else own.over(below)


def _read_attrs(style: str, font: str, bgcolor: str, pictured: bool, hidden: bool) -> Looks:
    """An element's looks from its style and its old presentation attributes (``<font
    color>``, ``bgcolor``, ``background``, ``hidden``); the style wins where both say."""
    own = declared_looks(style)
    background = OTHER if pictured else (_background_shade(bgcolor) if bgcolor else None)
    return Looks(
        own.hides or hidden,
        own.text if own.text is not None else (_shade(font) if font else None),
        own.background if own.background is not None else background,
        own.sets_display,
    )


_attribute_looks = functools.lru_cache(maxsize=256)(_read_attrs)


#: Elements with no end tag.
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip


class Anchor(NamedTuple):
    """A link in an HTML email: where it goes, and the words it shows."""

    href: str
    text: str


class EmailHeaders(NamedTuple):
    """What the header block says about the sender (all as written, after decoding)."""

    sender: str | None = None
    reply_to: str | None = None
    return_path: str | None = None
    subject: str | None = None
    #: "spf=fail", "dmarc=fail", … from Authentication-Results and Received-SPF.
    authentication_failures: tuple[str, ...] = ()

    @property
    def failed_checks(self) -> list[str]:
        """The sender checks that failed outright (a "softfail" is only a doubt)."""
        return [f for f in self.authentication_failures if not f.endswith("softfail")]


class Email(NamedTuple):
    """A pasted or saved email, split into headers and a body of plain text."""

    headers: EmailHeaders
    body: str
    html: bool = False
    anchors: tuple[Anchor, ...] = ()


def _header_block(text: str) -> tuple[list[tuple[str, str]], str] | None:
    """(name, value) pairs of a leading header block (continuation lines joined) and the rest,
    or None if the text does not start with one."""
    head = text[:MAX_HEADER_BYTES].lstrip("\ufeff\r\n \t")
    mbox = _MBOX_FROM.match(head)
    if mbox is not None:
        head = head[mbox.end() :]
    offset = len(text[:MAX_HEADER_BYTES]) - len(head)
    headers: list[tuple[str, str]] = []
    position = 0
    for line in head.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if not stripped.strip():
            position += len(line)
            break
        if stripped[0] in " \t" and headers:
            name, value = headers[-1]
            headers[-1] = (name, value + " " + stripped.strip())
            position += len(line)
            continue
        match = _HEADER_LINE.match(stripped)
        if match is None:
            break
        headers.append((match.group(1).lower(), match.group(2).strip()))
        position += len(line)
    names = {name for name, _ in headers}
    known = names & _HEADER_NAMES
    mail_like = {name for name in names if name in known or name.startswith(_HEADER_PREFIXES)}
    if len(known) < 2 or not known & {"from", "subject"} or len(mail_like) * 2 < len(names):
        return None
    return headers, text[offset + position :]


#: The line mail programs put above a forwarded or replied-to email pasted as text (Outlook's
#: "-----Original Message-----" or its line of underscores, Gmail's "---------- Forwarded
#: message ---------", Apple Mail's "Begin forwarded message:"), with its header lines after.
_FORWARD_MARK = lazy(
    r"^[ \t>]*(?:-{2,}\s*(?:original message|forwarded message)\s*-{2,}|_{10,}"
    r"|begin forwarded message:)[ \t]*\r?\n",
    re.IGNORECASE | re.MULTILINE,
)


def read_email(text: str) -> Email | None:
    """The email in the text, or None when it is not one (no header block and no HTML)."""
    block = _header_block(text)
    if block is None:
        forwarded = _forwarded(text)
        shown, rest = forwarded if forwarded is not None else (EmailHeaders(), text)
        if _HTML_HINT.search(rest[:20_000]):
            body, anchors = html_to_text(rest)
            return Email(shown, body, True, anchors)
        if forwarded is not None:
            return Email(shown, rest)
        return None
    headers, rest = block
    names = {name for name, _ in headers}
    if "content-type" in names or "mime-version" in names:
        parsed = _parse_mime(text[len(text) - len(text.lstrip("\ufeff\r\n \t")) :])
        if parsed is not None:
            return parsed
    info = _headers_info(headers)
    if _HTML_HINT.search(rest[:20_000]):
        body, anchors = html_to_text(rest)
        return Email(info, body, True, anchors)
    return Email(info, rest)


def _forwarded(text: str) -> tuple[EmailHeaders, str] | None:
    """The header lines of an email forwarded as text (below a forwarding line near the top)
    and the text without them, or None. The forwarded sender is the one to judge, not the
    person passing it on; its header lines are sender information, not the message's words."""
    mark = _FORWARD_MARK.search(text[:20_000])
    if mark is None:
        return None
    block = _header_block(text[mark.end() :])
    if block is None or "from" not in {name for name, _ in block[0]}:
        return None
    headers, rest = block
    return _headers_info(headers), text[: mark.start()] + rest


def _decode_header(value: str) -> str:
    if "=?" not in value:
        return value
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError):
        return value


def _headers_info(headers: list[tuple[str, str]]) -> EmailHeaders:
    values: dict[str, str] = {}
    failures: dict[str, None] = {}
    for name, value in headers:
        values.setdefault(name, _decode_header(value))
        if name in ("authentication-results", "arc-authentication-results", "received-spf"):
            text = value if name != "received-spf" else f"spf={value.split()[0] if value else ''}"
            for mechanism, result in _AUTH_FAIL.findall(text):
                failures[f"{mechanism.lower()}={result.lower()}"] = None
    return EmailHeaders(
        sender=values.get("from") or values.get("sender"),
        reply_to=values.get("reply-to"),
        return_path=values.get("return-path"),
        subject=values.get("subject"),
        authentication_failures=tuple(failures),
    )


def _parse_mime(text: str) -> Email | None:
    """A MIME message: the headers, and the HTML part (what mail apps show; else the plain-text
    part) decoded. An email forwarded as an attachment (message/rfc822, how many people pass on
    a suspicious email) is read too: its body follows the covering note, and its sender is the
    one judged."""
    import email
    import email.policy

    try:
        message = email.message_from_string(text, policy=email.policy.default)
    except Exception:  # a malformed message is read as plain text instead
        return None
    return _read_message(message, depth=0)


#: How many emails forwarded inside each other are opened.
MAX_FORWARD_DEPTH = 3


def _read_message(message: Any, depth: int) -> Email:
    headers = [(name.lower(), str(value)) for name, value in message.items()]
    info = _headers_info(headers)
    plain: str | None = None
    html: str | None = None
    forwarded: Any = None
    for count, part in enumerate(_parts(message)):
        if count > 200:
            break
        kind = part.get_content_type()
        if kind == "message/rfc822":
            if forwarded is None:
                inner = part.get_payload()
                forwarded = inner[0] if isinstance(inner, list) and inner else None
            continue
        if part.get_content_disposition() == "attachment":
            continue
        if kind.startswith("multipart/") and not part.is_multipart():
            # Its boundary is missing or wrong: the parts cannot be told apart, so what is
            # there is read as it stands rather than dropped.
            kind = "text/plain"
            content: str | None = str(part.get_payload())
        elif kind not in ("text/plain", "text/html"):
            continue
        else:
            content = _part_text(part)
        if content is None:
            continue
        if kind == "text/plain" and plain is None:
            plain = content
        elif kind == "text/html" and html is None:
            html = content
    anchors: tuple[Anchor, ...] = ()
    is_html = html is not None
    if html is not None:
        html_text, anchors = html_to_text(html)
        body = html_text if html_text.strip() or not plain else plain
    else:
        body = plain or ""
    if forwarded is not None and depth < MAX_FORWARD_DEPTH:
        inner_mail = _read_message(forwarded, depth + 1)
        body = f"{body.rstrip()}\n\n{inner_mail.body}" if body.strip() else inner_mail.body
        anchors = (anchors + inner_mail.anchors)[:MAX_ANCHORS]
        is_html = is_html or inner_mail.html
        if inner_mail.headers.sender:
            info = inner_mail.headers
    return Email(info, body, is_html, anchors)


def _part_text(part: Any) -> str | None:
    """A text part decoded; base64 of a wrong length (a copy cut short, a character lost) is
    decoded as far as it goes, rather than read as a block of letters."""
    if str(part.get("content-transfer-encoding", "")).strip().lower() == "base64":
        # Decoded here: the standard library gives back the letters undecoded when their
        # number is wrong.
        import base64

        letters = re.sub(r"[^A-Za-z0-9+/]", "", str(part.get_payload()))
        extra = len(letters) % 4
        letters = letters[:-1] if extra == 1 else letters + "=" * ((4 - extra) % 4)
        try:
            data = base64.b64decode(letters)
        except ValueError:
            data = b""
        charset = part.get_content_charset() or "utf-8"
        try:
            return data.decode(charset, "replace")
        except LookupError:
            return data.decode("utf-8", "replace")
    try:
        content = part.get_content()
    except Exception:  # undecodable part: its raw payload as text
        raw_bytes = part.get_payload(decode=True)
        return (
            raw_bytes.decode("utf-8", "replace") if isinstance(raw_bytes, bytes) else str(raw_bytes)
        )
    return content if isinstance(content, str) else None


#: How deep multipart containers are opened (real mail nests two or three).
MAX_PART_DEPTH = 20


def _parts(message: Any, depth: int = 0) -> Iterator[Any]:
    """The parts of a message in order, without going inside a forwarded email (it is read as
    an email of its own)."""
    if message.get_content_type() == "message/rfc822" or not message.is_multipart():
        yield message
        return
    payload = message.get_payload()
    if depth >= MAX_PART_DEPTH or not isinstance(payload, list):
        return
    for part in payload:
        yield from _parts(part, depth + 1)


#: A page refresh's address ("0; url=https://…").
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"\s;]+)", re.IGNORECASE)


def _target(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
    """Where a form, a button, an image map's area or a page refresh sends the reader: a link
    as much as an ``<a href>`` is (a phish can put its log-in form in the email itself)."""
    values = {name: value for name, value in attrs if value}
    if tag == "form":
        return values.get("action")
    if tag in ("button", "input"):
        return values.get("formaction")
    if tag == "area":
        return values.get("href")
    if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
        found = _REFRESH_URL.search(values.get("content", ""))
        return found.group(1) if found else None
    return None


#: A picture's width or height that makes it a dot nobody sees.
_PIXEL_SIZES = frozenset({"0", "1", "0px", "1px"})
#: The form buttons whose ``value`` is the label the reader sees on them.
_BUTTON_INPUTS = frozenset({"submit", "button", "reset"})


def _shown_label(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    """The words an image or a form button shows: an image's alternative text (what an email
    made of pictures says, and what a mail program that blocks pictures shows instead) or a
    button's label; at most 500 characters."""
    wanted = "alt" if tag == "img" else "value"
    label = kind = ""
    for name, value in attrs:
        if name == wanted:
            label = value or ""
        elif name == "type":
            kind = value or ""
        elif name in ("width", "height") and (value or "").strip().lower() in _PIXEL_SIZES:
            return ""  # a tracking pixel: nothing a reader sees
    if not label.strip() or (tag == "input" and kind.strip().lower() not in _BUTTON_INPUTS):
        return ""
    return " ".join(label[:500].split())


def html_to_text(markup: str) -> tuple[str, tuple[Anchor, ...]]:
    """The words of an HTML document as a reader sees them (scripts, styles and elements
    styled never to show dropped; blocks on their own lines) and its links (hidden ones too:
    a link cannot be hidden from the check; where forms, buttons, image maps and a page
    refresh send the reader count, with no words)."""
    from html.parser import HTMLParser

    blocks = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "td", "title"}

    class _Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[str] = []
            self.anchors: list[Anchor] = []
            self.skip = 0
            self.href: str | None = None
            self.link_text: list[str] = []
            #: Open elements, their looks and the words a style sheet adds after them; how
            #: many open ones hide their words, and how many set a text colour that can
            #: vanish (none: no colour scan is needed).
            self.open: list[tuple[str, Looks, str]] = []
            self.hiding = 0
            self.tinted = 0
            #: The style sheets' rules read so far, and the sheet being read.
            self.sheet: dict[str, Looks] = {}
            #: Words the sheets add before and after elements, by tag or ".class".
            self.pseudo: dict[str, tuple[str, str]] = {}
            self.css: list[str] | None = None
            self.css_size = 0

        def add_target(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            target = _target(tag, attrs)
            if target and target.strip() and len(self.anchors) < MAX_ANCHORS:
                self.anchors.append(Anchor(target.strip(), ""))

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.add_target(tag, attrs)
            if tag in ("img", "input"):
                self.show_label(tag, attrs)
            if tag not in _VOID_TAGS and len(self.open) < 1000:
                looks = element_looks(tag, attrs, self.sheet)
                before, after = pseudo_words(tag, attrs, self.pseudo) if self.pseudo else ("", "")
                self.open.append((tag, looks, after))
                self.hiding += looks.hides
                self.tinted += looks.text in _VANISHING
                if before:
                    self.show(before)
            if tag == "style":
                self.css, self.css_size = [], 0
            if tag in ("script", "style", "head", "template"):
                self.skip += 1
            elif tag in blocks:
                self.out.append("\n")
            elif tag == "a":
                self.href = next((v for k, v in attrs if k == "href" and v), None)
                self.link_text = []

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.add_target(tag, attrs)
            if tag in ("img", "input"):
                self.show_label(tag, attrs)
            if tag in blocks:
                self.out.append("\n")

        def handle_endtag(self, tag: str) -> None:
            for depth in range(len(self.open) - 1, max(-1, len(self.open) - 50), -1):
                if self.open[depth][0] == tag:
                    for _, looks, after in reversed(self.open[depth:]):
                        if after:
                            self.show(after)
                        self.hiding -= looks.hides
                        self.tinted -= looks.text in _VANISHING
                        self.open.pop()
                    break
            if tag == "style" and self.css is not None:
                style_sheet_looks("".join(self.css), self.sheet, self.pseudo)
                self.css = None
            if tag in ("script", "style", "head", "template"):
                self.skip = max(0, self.skip - 1)
            elif tag in blocks:
                self.out.append("\n")
            elif tag == "a" and self.href is not None:
                if len(self.anchors) < MAX_ANCHORS:
                    words = " ".join("".join(self.link_text).split())
                    self.anchors.append(Anchor(self.href.strip(), words))
                self.href = None

        def show_label(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            """Show a picture's or a form button's words, unless the element is hidden."""
            label = _shown_label(tag, attrs)
            if label and not element_looks(tag, attrs, self.sheet).hides:
                self.show(f" {label} ")

        def colour_hides(self) -> bool:
            """Whether text here is drawn so it cannot be seen: see-through, near white on
            no background or a near-white one (the page), near black on near black."""
            if not self.tinted:
                return False
            text = next((looks.text for _, looks, _ in reversed(self.open) if looks.text), None)
            if text not in _VANISHING:
                return False
            if text == CLEAR:
                return True
            ground = next(
                (
                    looks.background
                    for _, looks, _ in reversed(self.open)
                    if looks.background not in (None, CLEAR)
                ),
                LIGHT,
            )
            return ground == text

        def handle_data(self, data: str) -> None:
            if self.css is not None and self.css_size < MAX_SHEET_CHARS:
                self.css.append(data)
                self.css_size += len(data)
            self.show(data)

        def show(self, data: str) -> None:
            """Add words the reader sees here (unless they are hidden here)."""
            if self.skip or self.hiding or (data.strip() and self.colour_hides()):
                return
            self.out.append(data)
            if self.href is not None:
                self.link_text.append(data)

    reader = _Reader()
    try:
        reader.feed(markup)
        reader.close()
    except Exception:  # malformed markup: whatever was read so far
        pass
    return "".join(reader.out), tuple(reader.anchors)
