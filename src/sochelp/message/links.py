"""Finding links in a message and judging each on its registrable domain, offline.

Pure: the Public Suffix List (:mod:`sochelp.message.suffixes`) and the content are passed in, loaded
beforehand; nothing here reads a file, opens a network connection or resolves a name.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import InitVar, dataclass
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

from sochelp.message.model import DomainList, MessageContent, Organisation, lazy
from sochelp.message.suffixes import SuffixList, unicode_host

#: At most this many distinct links are judged (the rest of a huge paste is ignored).
MAX_LINKS = 50
#: Longest token considered as a link.
MAX_TOKEN = 2048
#: At most this many dotted words are examined as possible links.
MAX_CANDIDATES = 2000

_DEFANG = lazy(
    r"[\[({](?:\.|dot|:|://|/|@|at)[\])}]|\b(?:hxxps?|h\*\*ps?|fxp)\b",
    re.IGNORECASE,
)
#: A dot written in brackets with a space on either side ("github-scanner [dot] shop", "x [.]
#: com"): the spaces go, so the host reads as one word once the dot is put back.
_SPACED_DOT = lazy(
    r"(?<=[A-Za-z0-9-])(?: ([\[({](?:\.|dot)[\])}]) ?| ?([\[({](?:\.|dot)[\])}]) )(?=[A-Za-z0-9])",
    re.IGNORECASE,
)
#: Where a match of _SPACED_DOT can start, in the lower-cased text (the space before it, or
#: the bracket itself).
_SPACED_DOT_STARTS = tuple(
    f"{space}{o}{m}" for space in (" ", "") for o in "[({" for m in (".", "dot")
)
#: "https: // x", "http:/x", "https//x": a scheme written loosely (or half removed).
_LOOSE_SCHEME = lazy(r"\b(https?)(?:\s?:\s?/\s?/?|//)\s?(?=[\w\[(])", re.IGNORECASE)
#: A scheme glued to the word before it ("experiencehttp://…", "at:http://…"). What
#: :func:`_unglue` does without scanning the whole text; kept as its specification for the tests.
_GLUED = lazy(r"(?=https?://)(?<=[^\s/=%.@#?&+\-\w])|(?=https?://)(?<=[a-zA-Z])")
#: Where a match of _DEFANG or _LOOSE_SCHEME can start, in the lower-cased text: the passes
#: try their pattern only there (a whole-text regex scan cost tens of ms on a 1 MB message).
_DEFANG_STARTS = (
    *(f"{o}{m}" for o in "[({" for m in (".", "dot", ":", "/", "@", "at")),
    "hxxp",
    "h**p",
    "fxp",
)
_SCHEME_STARTS = ("http",)
#: A scheme broken by a short bracketed insertion ("ht{brake!}tps://", "htt[x]ps://"), as
#: quoting pages and scammers write links so that they are not clickable.
_BROKEN_SCHEME = lazy(
    r"(?<![a-z])(h|ht|htt|http)[\[{(][^\]})\s]{1,12}[\]})](ttps|ttp|tps|tp|ps|p|s)?(?=\s?:\s?/)",
    re.IGNORECASE,
)
#: How far before its "://" a broken scheme can start ("http" + a 14-character insertion).
_BROKEN_SCHEME_REACH = 22
#: Where a match of _SPACE_AFTER_DOT can start (lower-cased).
_LINK_STARTS = ("http", "www.", "wap.")
_SCHEME = lazy(r"https?://")
#: Characters before a scheme that do not glue it to a word (see _GLUED).
_UNGLUED_BEFORE = frozenset("/=%.@#?&+-")
#: Common endings, for joining a host split by a space ("login .com", "careers. bloomberg.com").
_ENDINGS = (
    r"(?:com|net|org|co\.uk|org\.uk|uk|info|biz|xyz|top|io|me|online|site|app|shop|live"
    r"|click|link|tv|ru|cn)"
)
#: An address's host with its dot written as a word ("name[at]gmail Dot com", once the "[at]" is
#: put back): only right after an "@", so "the dot com years" stays as it is.
_AT_HOST_DOT = lazy(rf"(@[A-Za-z0-9-]{{2,63}}) dot (?={_ENDINGS}\b)", re.IGNORECASE)
_SPACE_BEFORE_DOT = lazy(rf"(?<=[a-zA-Z0-9])\s\.(?={_ENDINGS}(?:[\s/]|$))")
_SPACE_AFTER_DOT = lazy(
    r"(\b(?:https?://|www\.|wap\.)[a-zA-Z0-9.-]{0,200}\.)\s"
    rf"(?=[a-z0-9-]{{1,63}}[./]|{_ENDINGS}(?:[\s/,;:!?)]|\.(?:\s|$)|$))"
)
#: (Chinese, Japanese and Korean are written without spaces, so a link runs straight into the
#: words around it, "请点击etchyhy.com完成办理": their letters and punctuation end a token.)
_TOKEN = lazy(
    r"[^\s<>\"'`|\\^{}\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]{4,2048}"
)
#: A host label: letters and digits of any alphabet, and hyphens ("[^\W_]" is a letter or
#: digit; written so, the class compiles in a fraction of the time of explicit ranges).
_LABEL = r"(?:[^\W_]|-)"
_BARE = lazy(
    rf"^(?:[^\W_]{_LABEL}{{0,62}}\.){{1,10}}[^\W\d_]{_LABEL}{{1,62}}\.?(?::\d{{1,5}})?"
    r"(?:[/?#]\S{0,2000})?$"
)
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_HEX_HOST = lazy(r"0x[0-9a-f]{1,8}", re.IGNORECASE)
#: Words just before a bare IPv4 address that quote it as information ("by a user with the IP:
#: 194.132.32.43", "from IP address 10.0.0.1", Markdown's "**IP Address:** 188.253.117.8"),
#: not as a place to go.
_QUOTED_IP_BEFORE = lazy(
    r"\bIP(?:v4)?(?: address(?:es)?)?(?: (?:was|is|of|from|used))?\s?[:=]?[*_]{0,3}\s?$",
    re.IGNORECASE,
)
#: A bare IP address in brackets ("Instance i-0bd… [54.186.187.148]"): a machine named in a
#: report, as abuse and server notices write it, not a link (a link to one has a scheme or path).
_BRACKETED_IP = lazy(r"^(?:\[\d{1,3}(?:\.\d{1,3}){3}\]|\(\d{1,3}(?:\.\d{1,3}){3}\))[.,;:]?$")
#: A template's variable ("[% report.name %]", "{{ user.email }}", "${order.id}", "((url))"), as
#: services publish their notification templates: a dotted name inside the markers is a field
#: the service fills in, not a web address ("report.name" would otherwise be a .name site).
_TEMPLATE_OPENERS = ("[%", "{{", "{%", "((", "${", "<%")
_TEMPLATE_OPEN = lazy(
    "(?:" + "|".join(map(re.escape, ("<%=", *_TEMPLATE_OPENERS))) + r")-?\s{0,2}$"
)
_TEMPLATE_CLOSE = lazy(r"^\s{0,2}-?(?:%\]|\}\}|%\}|\)\)|\}|%>)")
_TEMPLATE_FIELD = lazy(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
#: ... or quoted further inside a template expression, as an argument or a key:
#: "${translate('generalContent.cancelContact.phone')}", "{{ t('mail.footer.site') }}".
_TEMPLATE_OPEN_NEAR = lazy(
    "(?:" + "|".join(map(re.escape, _TEMPLATE_OPENERS)) + r")[^{}%\]\n]{0,100}$"
)
_TEMPLATE_CLOSE_NEAR = lazy(r"^[^{}\n]{0,100}?(?:%\]|\}\}|%\}|\}|%>)")
#: How far from a quoted name its template expression's brackets are looked for.
_TEMPLATE_REACH = 110
_QUOTES = ("'", '"', "`")
#: A dot written another way inside a host: URL-encoded, or an ideographic full stop.
_OTHER_DOT = lazy(r"(?<=[A-Za-z0-9-])(?:%2[eE]|\u3002|\uff61)(?=[A-Za-z0-9])")
#: The target of a redirect link: a query value that is itself a web address.
_REDIRECT_TARGET = lazy(
    r"[?&](?:q|u|url|target|dest|destination|redirect|redirect_uri|redir|link|to|goto)="
    r"((?:https?(?::|%3a)(?:/|%2f){2}|www\.)[^&#\s]{3,2000})",
    re.IGNORECASE,
)
_SCHEMES = ("http", "https", "ftp")
#: (Dots too: a quoted link often follows an ellipsis, "visit ….example.info/x"; and a colon:
#: Chinese and Japanese words end a token, so "網站：ax67.com" leaves ":ax67.com".)
_STRIP_LEAD = "([{<*_.…:"
_STRIP_TRAIL = ".,;:!?)]}>*_'\""

# Characters that are drawn like Latin letters (Cyrillic, Greek, digits): their "skeleton".
_CONFUSABLE = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
        "ј": "j", "ԁ": "d", "ѕ": "s", "һ": "h", "ӏ": "l", "ո": "n", "ս": "u", "ɡ": "g",
        "ο": "o", "α": "a", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t", "υ": "u",
        "ε": "e", "ѵ": "v", "ԝ": "w", "ı": "i", "0": "o", "1": "l", "3": "e", "5": "s",
        "@": "a", "$": "s", "|": "l", "!": "i",
    }
)  # fmt: skip
_MULTI_CONFUSABLE = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("nn", "m"), ("-", ""))


#: A few plain words for each problem code, for short lists (the explanation says more).
LABELS = {
    "ip-address": "a bare IP address",
    "plain-http": "not encrypted (http)",
    "user-at-host": "real site hidden after an '@'",
    "punycode": "non-Latin or accented letters",
    "mixed-scripts": "mixed alphabets",
    "official-domain-inside": "official name used as a disguise",
    "lookalike-domain": "look-alike of a real site",
    "other-ending": "real name, different ending",
    "org-name-in-domain": "borrows an organisation's name",
    "shortener": "shortened link hides where it goes",
    "free-host": "free hosting anyone can use",
    "payment-link": "personal payment link",
    "risky-ending": "ending often used by scam sites",
    "deep-subdomain": "many parts before the real domain",
    "many-hyphens": "many hyphens",
    "redirect": "passes you on to another site",
    "webmail": "personal webmail account",
    "unofficial-domain": "not the organisation's own domain",
    "text-differs": "shows one address but goes to another",
    "hacked-site": "a page planted on a hacked website",
}


@dataclass(frozen=True)
class LinkFlag:
    """One problem with a link or address (its ``weight`` is for the score only, not shown)."""

    code: str
    explanation: str
    weight: InitVar[int]

    def __post_init__(self, weight: int) -> None:
        # Kept out of the fields so it stays out of the JSON, without importing pydantic here.
        object.__setattr__(self, "weight", weight)

    @property
    def label(self) -> str:
        """A few plain words for this problem."""
        return LABELS.get(self.code, self.code.replace("-", " "))


@dataclass(frozen=True)
class LinkReport:
    """A link found in the message and what is wrong (or right) with it."""

    url: str
    host: str
    #: The registrable domain, always ASCII (punycode for other alphabets).
    domain: str
    official_for: str | None
    flags: tuple[LinkFlag, ...]
    #: The organisation whose site or name the address imitates, if any (not in the JSON).
    imitates: InitVar[str | None] = None

    def __post_init__(self, imitates: str | None) -> None:
        object.__setattr__(self, "imitates", imitates)

    @property
    def weight(self) -> int:
        """Sum of the flag weights."""
        return sum(flag.weight for flag in self.flags)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class AddressReport:
    """An email address (the sender's or one in the message) and what is wrong with it."""

    address: str
    domain: str
    official_for: str | None
    flags: tuple[LinkFlag, ...]


# ----------------------------------------------------------------------------------------------
# Extraction


class Candidate(NamedTuple):
    """A link as written, with its parsed parts."""

    url: str
    scheme: str
    host: str
    has_userinfo: bool
    #: Written as a bare name ("Amazon.com", "gov.uk"): no scheme, "www." or path.
    bare: bool = False


def refang(text: str) -> str:
    """Undo common 'defanging' (``hxxp://``, ``example[.]com``, ``name[@]example.com``) and
    repair links written with spaces or half a scheme (``https: // x .com``, ``http:/x``), so
    links and addresses can be judged."""

    def fix(match: re.Match[str]) -> str:
        token = match.group(0).lower()
        if token in ("[.]", "(.)", "{.}", "[dot]", "(dot)", "{dot}"):
            return "."
        if token in ("[@]", "(@)", "{@}", "[at]", "(at)", "{at}"):
            return "@"
        if token == "[:]":
            return ":"
        if token == "[://]":
            return "://"
        if token == "[/]":
            return "/"
        if token == "fxp":
            return "ftp"
        return token.replace("xx", "tt").replace("**", "tt")

    lowered = text.lower()
    if "%2e" in lowered or "\u3002" in text or "\uff61" in text:
        # Dots written as "%2e" or as an ideographic full stop ("paypal。com")
        text = _OTHER_DOT.sub(".", text)
        lowered = text.lower()
    changed = False  # (while the text is unchanged, ``lowered`` is still its lower case)
    if any(mark in lowered for mark in ("[", "(", "{", "hxxp", "fxp", "h**p")):
        if any(mark in text for mark in (" [", " (", " {", "] ", ") ", "} ")):
            spaced = _starts(text, _SPACED_DOT_STARTS, lowered)
            text = _sub_at(_SPACED_DOT.compiled, text, spaced, lambda m: m.group(1) or m.group(2))
            lowered = text.lower()
        fixed = _sub_at(_DEFANG.compiled, text, _starts(text, _DEFANG_STARTS, lowered), fix)
        changed = fixed != text
        text = fixed
    if ":" in lowered and any(o in text for o in "[({"):
        places = _broken_scheme_places(text, None if changed else lowered)
        if places != []:
            unbroken = _sub_at(_BROKEN_SCHEME.compiled, text, places, _join_scheme)
            if unbroken != text:
                text, changed = unbroken, True
                lowered = text.lower()
    if "http" in lowered or "hxxp" in lowered:
        text = _sub_at(
            _LOOSE_SCHEME.compiled,
            text,
            _starts(text, _SCHEME_STARTS, None if changed else lowered),
            lambda m: m.group(1).lower() + "://",
        )
        text = _unglue(text)
    if " ." in text:
        text = _sub_at(_SPACE_BEFORE_DOT.compiled, text, _before_dots(text), lambda m: ".")
    if ". " in text and ("http" in lowered or "www." in lowered or "wap." in lowered):
        for _ in range(3):
            places = _starts(text, _LINK_STARTS)
            joined = _sub_at(_SPACE_AFTER_DOT.compiled, text, places, lambda m: m.group(1))
            if joined == text:
                break
            text = joined
    if "@" in text and any(word in text for word in (" dot ", " Dot ", " DOT ")):
        text = _AT_HOST_DOT.sub(lambda m: m.group(1) + ".", text)
    return text


def _before_dots(text: str) -> list[int]:
    """Where a white space stands right before a dot (where _SPACE_BEFORE_DOT can start)."""
    places: list[int] = []
    found = text.find(".", 1)
    while found != -1:
        if text[found - 1].isspace():
            places.append(found - 1)
        found = text.find(".", found + 1)
    return places


def _in_template(plain: str, start: int, end: int, templated: bool) -> bool:
    """Whether the dotted name at ``plain[start:end]`` is a template's field, not a site: right
    inside its brackets ("{{ user.name }}"), or, in a text with template code (``templated``),
    quoted further inside an expression ("${translate('generalContent.no')}")."""
    if _TEMPLATE_OPEN.search(plain, max(0, start - 6), start) and _TEMPLATE_CLOSE.match(
        plain[end : end + 6]
    ):
        return True
    quote = plain[start - 1 : start]
    return (
        templated
        and quote in _QUOTES
        and plain[end : end + 1] == quote
        and _TEMPLATE_OPEN_NEAR.search(plain, max(0, start - _TEMPLATE_REACH), start) is not None
        and _TEMPLATE_CLOSE_NEAR.match(plain[end : end + _TEMPLATE_REACH]) is not None
    )


def _broken_scheme_places(text: str, lower: str | None = None) -> list[int] | None:
    """Where a scheme broken by a bracketed insertion may start: an "h" shortly before a ":/"
    with a bracket between them (found from the few ":/" in a text, not by scanning it all)."""
    lower = text.lower() if lower is None else lower
    if len(lower) != len(text):
        return None
    places: list[int] = []
    for separator in (":/", ": /"):
        found = lower.find(separator)
        while found != -1:
            start = max(0, found - _BROKEN_SCHEME_REACH)
            head = lower[start:found]
            if "[" in head or "{" in head or "(" in head:
                places.extend(start + at for at, char in enumerate(head) if char == "h")
            found = lower.find(separator, found + 1)
    return places


def _join_scheme(match: re.Match[str]) -> str:
    """ "ht{brake!}tps" -> "https"; anything that does not join into a scheme stays as it was."""
    joined = (match.group(1) + (match.group(2) or "")).lower()
    return joined if joined in ("http", "https") else match.group(0)


def _starts(text: str, starts: tuple[str, ...], lower: str | None = None) -> list[int] | None:
    """Where any of ``starts`` (lower case) begins in the lower-cased text (``lower``, when the
    caller has it), or None when the lower-cased text is longer than the text (a character such
    as "İ"), so places differ."""
    lower = text.lower() if lower is None else lower
    if len(lower) != len(text):
        return None
    places: list[int] = []
    for start in starts:
        found = lower.find(start)
        while found != -1:
            places.append(found)
            found = lower.find(start, found + 1)
    return places


def _sub_at(
    pattern: re.Pattern[str],
    text: str,
    places: Iterable[int] | None,
    replace: Callable[[re.Match[str]], str],
) -> str:
    """``pattern.sub(replace, text)``, trying the pattern only at ``places``, which must hold
    every place a match can begin (None: try everywhere)."""
    if places is None:
        return pattern.sub(replace, text)

    def edits() -> Iterator[tuple[int, int, str]]:
        done = 0
        for place in sorted(set(places)):
            if place < done:
                continue
            match = pattern.match(text, place)
            if match is None or match.end() == place:  # (none of these patterns matches empty)
                continue
            yield place, match.end(), replace(match)
            done = match.end()

    return _splice(text, edits())


def _unglue(text: str) -> str:
    """``_GLUED.sub(" ", text)``: a space before a scheme glued to the word or sign before it,
    found by the schemes' places rather than by a regex scan of the whole text (the tests check
    the two agree)."""

    def edits() -> Iterator[tuple[int, int, str]]:
        for match in _SCHEME.finditer(text):
            place = match.start()
            if place == 0:
                continue
            before = text[place - 1]
            ascii_letter = ("a" <= before <= "z") or ("A" <= before <= "Z")
            word = before.isalnum() or before == "_"
            if ascii_letter or not (before.isspace() or before in _UNGLUED_BEFORE or word):
                yield place, place, " "

    return _splice(text, edits())


def _splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """The text with each (start, end, replacement) applied; edits in order, not overlapping."""
    parts: list[str] = []
    done = 0
    for start, end, replacement in edits:
        parts += (text[done:start], replacement)
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _clean_token(token: str) -> str:
    token = token.lstrip(_STRIP_LEAD)
    while token and token[-1] in _STRIP_TRAIL:
        token = token[:-1]
    return token


def _candidate(token: str, suffixes: SuffixList) -> Candidate | None:
    token = _clean_token(token)
    if len(token) < 4 or ("." not in token and "://" not in token):
        return None
    lower = token.lower()
    scheme, sep, _ = lower.partition("://")
    if sep:
        if scheme not in _SCHEMES:
            return None
        url = token
    else:
        scheme = ""
        at = token.find("@")
        slash = token.find("/")
        if at != -1 and (slash == -1 or at < slash):
            # "name@example.com" is an email address; "paypal.com@evil.example" hides a host.
            if not _hides_host(token[:at], token[at + 1 :], suffixes):
                return None
        elif not _BARE.match(token) and not _IPV4.match(token.split("/", 1)[0].split(":")[0]):
            return None
        url = token
    try:
        parts = urlsplit(url if scheme else "http://" + url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if not host or ("." not in host and ":" not in host and not (scheme and _is_ip(host))):
        return None
    if not scheme and not _is_ip(host):
        _, suffix = suffixes.split(host)
        tail = token.split("@")[-1].split("/")[0].split(":")[0].rstrip(".")
        suffix_written = tail[-len(suffix) :] if suffix else ""
        # "Hello.It" is a sentence, not a link: the ending must be a known suffix written in
        # one case.
        if not suffixes.is_known_suffix(suffix) or not (
            suffix_written.islower() or suffix_written.isupper()
        ):
            return None
    bare = (
        not scheme and not lower.startswith("www.") and not (parts.path.strip("/") or parts.query)
    )
    return Candidate(
        url=url,
        scheme=scheme,
        host=host.lower(),
        has_userinfo="@" in parts.netloc,
        bare=bare and "@" not in parts.netloc,
    )


#: Web endings that make "name.ending@host" a disguised link rather than an email address.
_WEB_ENDINGS = frozenset(
    {"com", "net", "org", "uk", "co.uk", "org.uk", "gov.uk", "ac.uk", "nhs.uk", "police.uk"}
    | {"scot", "gov.scot", "io", "app"}
)
_ADDRESS = lazy(
    r"(?:mailto:)?([a-zA-Z0-9!#$%&'*+=?^_`{|}~.-]{1,64})@"
    rf"((?:{_LABEL}{{1,63}}\.){{1,10}}[^\W\d_]{_LABEL}{{1,62}})"
)


def _hides_host(local: str, rest: str, suffixes: SuffixList) -> bool:
    """True if ``local@rest`` (no scheme) is a link with a host hidden before the '@'."""
    if "." not in local or not _BARE.match(local):
        return False
    if "/" in rest or local.lower().startswith("www."):
        return True
    return suffixes.split(local.lower())[1] in _WEB_ENDINGS


def _address(token: str, suffixes: SuffixList) -> str | None:
    """The email address a cleaned token (:func:`_clean_token`) holds (lower-case), or None."""
    match = _ADDRESS.fullmatch(token)
    if match is None or _hides_host(match.group(1), match.group(2), suffixes):
        return None
    local, domain = match.group(1).strip("."), match.group(2).lower()
    if not local or not suffixes.is_known_suffix(suffixes.split(domain)[1]):
        return None
    return f"{local.lower()}@{domain}"


def redirect_target(url: str) -> str | None:
    """Where a redirect link sends you ("google.com/url?q=https://evil.example", "…?url=…"),
    or None."""
    match = _REDIRECT_TARGET.search(url)
    if match is None:
        return None
    from urllib.parse import unquote

    return unquote(match.group(1))


def scan(
    text: str, suffixes: SuffixList, limit: int = MAX_LINKS
) -> tuple[list[Candidate], list[str]]:
    """Distinct links and email addresses in the text, in order, at most ``limit`` of each
    (the target of a redirect link is a link of its own)."""
    found: dict[str, Candidate] = {}
    addresses: dict[str, None] = {}
    examined = 0
    plain = refang(text)
    if "](mailto:" in plain:
        # A Markdown mail link, "[name@host](mailto:name@host)": two tokens, not one.
        plain = plain.replace("](mailto:", "] (mailto:")
    # (Only a text with template code can hold a name inside a template expression.)
    templated = any(opener in plain for opener in _TEMPLATE_OPENERS)
    for match in _TOKEN.finditer(plain):
        token = match.group(0)
        if "." not in token and "://" not in token:  # (http://3232235777/ has no dot)
            continue
        token = _clean_token(token)  # (_candidate cleans again: it is also given redirect targets)
        if _IPV4.match(token) and (
            _BRACKETED_IP.match(match.group(0))
            or _QUOTED_IP_BEFORE.search(plain[max(0, match.start() - 30) : match.start()])
        ):
            continue
        if _TEMPLATE_FIELD.fullmatch(token) and _in_template(
            plain, match.start(), match.end(), templated
        ):
            continue
        examined += 1
        if examined > MAX_CANDIDATES:
            break
        candidate = _candidate(token, suffixes)
        if candidate is not None:
            if candidate.url not in found and len(found) < limit:
                found[candidate.url] = candidate
                target = redirect_target(candidate.url) if "=" in candidate.url else None
                hop = _candidate(target, suffixes) if target else None
                if hop is not None and hop.url not in found and len(found) < limit:
                    found[hop.url] = hop
        elif "@" in token and len(addresses) < limit:
            address = _address(token, suffixes)
            if address is not None:
                addresses[address] = None
        if len(found) >= limit and len(addresses) >= limit:
            break
    return list(found.values()), list(addresses)


def extract(text: str, suffixes: SuffixList, limit: int = MAX_LINKS) -> list[Candidate]:
    """Distinct links in the text, in order of appearance, at most ``limit``."""
    return scan(text, suffixes, limit)[0]


def parse_link(url: str, suffixes: SuffixList) -> Candidate | None:
    """One link given on its own (``--url``), or None if it is not a web address."""
    from sochelp.message.normalise import clean

    matches = extract(clean(url.strip()).plain, suffixes, limit=1)
    return matches[0] if matches else None


# ----------------------------------------------------------------------------------------------
# Judging


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        # http://3232235777/ and http://0xc0a80101/ are IPv4 addresses too
        return host.isdigit() or _HEX_HOST.fullmatch(host) is not None
    return True


def ascii_host(host: str) -> str:
    """A host name in ASCII: IDNA (punycode) where it can be, else each non-ASCII label as
    ``xn--`` punycode and anything left escaped, so the result is always ASCII."""
    if host.isascii():  # (and the idna codec, slow to load, is not needed)
        return host.lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    labels = []
    for label in host.split("."):
        if label.isascii():
            labels.append(label)
            continue
        try:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
        except UnicodeError:
            labels.append(label.encode("ascii", "backslashreplace").decode("ascii"))
    return ".".join(labels).encode("ascii", "backslashreplace").decode("ascii")


_ascii_host = ascii_host


def skeleton(text: str) -> str:
    """How a name looks: confusable characters and letter pairs reduced to plain Latin."""
    value = text.lower()
    if not value.isascii():  # (ASCII needs no decomposition, and skips loading unicodedata)
        value = unicodedata.normalize("NFKD", value)
        value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = value.translate(_CONFUSABLE)
    for pair, single in _MULTI_CONFUSABLE:
        value = value.replace(pair, single)
    return value


def _scripts(label: str) -> set[str]:
    scripts: set[str] = set()
    for ch in label:
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN")
            scripts.add(name.split(" ", 1)[0])
    return scripts


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _on_domain(host: str, domain: str) -> bool:
    """Whether the host is the domain itself or a sub-domain of it."""
    return host == domain or host.endswith("." + domain)


#: Forms and sites anyone can make on a big company's own domain: never that company's way of
#: asking for a password or a payment, whoever the message says it is from.
_PUBLISHED_FORMS = (
    "docs.google.com/forms/",
    "forms.gle/",
    "sites.google.com/",
    "script.google.com/",
    "forms.office.com/",
)


def _listed(host: str, kind: str, content: MessageContent) -> DomainList | None:
    """The list of ``kind`` holding the domain the host is on (itself or a sub-domain), if any."""
    return next(
        (item for domain, item in content.domains_of(kind).items() if _on_domain(host, domain)),
        None,
    )


def hosted_kind(
    report: LinkReport, content: MessageContent
) -> Literal["form", "payment-link", "free-host"] | None:
    """What anyone may publish at the link, on whichever company's domain: a form or site (a
    Google or Microsoft Form, a Google Site or Apps Script page), a personal payment link
    (paypal.me), a shared file or site (the free-hosting list); None for none of these."""
    address = report.url.split("://", 1)[-1].lower()
    address = address[4:] if address.startswith("www.") else address
    if address.startswith(_PUBLISHED_FORMS):
        return "form"
    host = _ascii_host(report.host)
    for kind in ("payment-link", "free-host"):
        if _listed(host, kind, content) is not None:
            return kind
    return None


def as_hosted_content(
    report: LinkReport, content: MessageContent, *, weight: int | None = None
) -> LinkReport | None:
    """``report`` judged as what anyone can publish on its site (a Google Form, a OneDrive file,
    a PayPal.me link: the free-hosting and payment-link lists' addresses on a big company's own
    domain), with no official standing; None when the link is not on such a service. ``weight``
    replaces the list's weight (0 to name the kind of link without counting it)."""
    host = _ascii_host(report.host)
    for kind in ("free-host", "payment-link"):
        item = _listed(host, kind, content)
        if item is not None:
            flag = LinkFlag(kind, item.explanation, item.weight if weight is None else weight)
            return LinkReport(report.url, report.host, report.domain, None, (flag,))
    return None


def official_org(host: str, organisations: Iterable[Organisation]) -> list[Organisation]:
    """Organisations whose official domain this host is on (itself or a sub-domain)."""
    return [org for org in organisations if any(_on_domain(host, domain) for domain in org.domains)]


def official_owner(host: str, organisations: Iterable[Organisation]) -> Organisation | None:
    """The organisation a host on an official domain belongs to: the one with the most specific
    domain ("ofgem.gov.uk" before "gov.uk"); where several share it, the one named after it
    ("GOV.UK" for "gov.uk", not HMRC, DVLA or DWP), else the first listed."""
    best: tuple[int, bool] | None = None
    owner: Organisation | None = None
    for org in organisations:
        for domain in org.domains:
            if _on_domain(host, domain):
                rank = (len(domain), org.name.lower() == domain)
                if best is None or rank > best:
                    best, owner = rank, org
    return owner


def judge(candidate: Candidate, content: MessageContent, *, as_address: bool = False) -> LinkReport:
    """What is wrong (or right) with one link; ``as_address`` judges an email sender's domain."""
    host = candidate.host
    ascii_host = _ascii_host(host)
    shown_host = unicode_host(ascii_host)
    if _is_ip(host):
        ip_flags = [LinkFlag("ip-address", "The link is a bare IP address, not a named site.", 3)]
        if candidate.scheme == "http":
            ip_flags.append(_HTTP)
        return LinkReport(candidate.url, host, host, None, tuple(ip_flags))
    registrable, suffix = content.suffixes.split(ascii_host)
    # Shown in ASCII (punycode) form: 'xn--pypal-4ve.com' cannot pass for 'paypal.com'.
    domain = _ascii_host(registrable or suffix)
    onward = _onward_domain(candidate, domain, content) if "=" in candidate.url else None
    redirect = (
        LinkFlag(
            "redirect",
            f"The link only passes you on to another site ({onward}): that site is where you "
            "would really go.",
            # (Only a pointer: where it sends you is judged as a link of its own, with its own
            # signs, and ordinary links pass through translators and trackers too.)
            1,
        )
        if onward is not None
        else None
    )
    owner = official_owner(ascii_host, content.organisations)
    if owner is not None and not candidate.has_userinfo:
        if redirect is None:
            return LinkReport(candidate.url, shown_host, domain, owner.name, ())
        # An official site's redirect is no route of that organisation's (where it sends you
        # is judged as a link of its own), and the site itself is no look-alike.
        return LinkReport(candidate.url, shown_host, domain, None, (redirect,))
    restricted = _restricted_ending(ascii_host, content)
    if restricted is not None and redirect is None and not candidate.has_userinfo:
        # Only vetted holders can register under it: the site is theirs, whoever they are.
        holder, item = restricted
        return LinkReport(candidate.url, shown_host, holder, item.owner, ())
    flags: list[LinkFlag] = [] if redirect is None else [redirect]
    if candidate.has_userinfo:
        flags.append(
            LinkFlag(
                "user-at-host",
                "Text before an '@' in a link is ignored by browsers: the real site is after it.",
                4,
            )
        )
    lookalike, imitated = _lookalike_flags(ascii_host, registrable, suffix, content)
    flags.extend(lookalike)
    flags.extend(_list_flags(ascii_host, registrable, suffix, content, as_address))
    if not as_address and not any(flag.code == "shortener" for flag in flags):
        shortened = _shortener_shaped(candidate.url, ascii_host, registrable, suffix, content)
        if shortened is not None:
            flags.append(shortened)
    if candidate.scheme == "http" and not as_address:
        flags.append(_HTTP)
    if not as_address and _PLANTED_PAGE.search(candidate.url) is not None:
        flags.append(_PLANTED)
    subdomain = shown_host[: -len(registrable)].rstrip(".") if registrable else ""
    if subdomain.count(".") >= 2:
        flags.append(
            LinkFlag(
                "deep-subdomain",
                "Many parts before the real domain push the true address out of sight.",
                1,
            )
        )
    if unicode_host(registrable).count("-") >= 2:
        flags.append(
            LinkFlag("many-hyphens", "Several hyphens in the domain are typical of fake sites.", 1)
        )
    return LinkReport(
        candidate.url,
        shown_host,
        domain,
        None,
        tuple(_dedupe(flags)),
        imitated.name if imitated is not None else None,
    )


#: A short code as the last part of a path ("YGavQsYU", "3xK9mQ2", "FHaFb"): letters in both
#: cases, or letters and digits, with no separators.
_SHORT_CODE = lazy(
    r"(?=[A-Za-z0-9]*[A-Z][A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{5,12}"
    r"|(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{5,12}"
)


def _shortener_shaped(
    url: str, ascii_host: str, registrable: str, suffix: str, content: MessageContent
) -> LinkFlag | None:
    """A shortener the domain lists do not know: a name of at most four characters directly
    on its ending ("bre.is", "kn8.site") and a path of one or two parts ending in a random
    code ("/YGavQsYU", "/n/FHaFb"), with no query. New shorteners are set up for each
    campaign, so no list keeps up with them."""
    if not registrable or ascii_host not in (registrable, "www." + registrable):
        return None
    if registrable in content.domains_of("link-wrapper"):
        return None
    name = registrable[: -len(suffix) - 1] if suffix else registrable
    if not 1 <= len(name) <= 4:
        return None
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
    except ValueError:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    if parts.query or not 1 <= len(segments) <= 2 or any(len(s) > 12 for s in segments):
        return None
    if not _SHORT_CODE.fullmatch(segments[-1]):
        return None
    item = next(iter(content.domains_of("shortener").values()), None)
    weight = item.weight if item is not None else 3
    return LinkFlag(
        "shortener",
        "The link looks like a shortened link (a very short site name and a random code): "
        "it hides where it really goes.",
        weight,
    )


def _onward_domain(candidate: Candidate, domain: str, content: MessageContent) -> str | None:
    """The registrable domain a redirect link sends you on to, when it is not its own."""
    target = redirect_target(candidate.url)
    hop = _candidate(target, content.suffixes) if target else None
    if hop is None:
        return None
    onward = _ascii_host(content.suffixes.split(_ascii_host(hop.host))[0] or hop.host)
    return None if onward == domain else onward


#: Words in the name part of a personal webmail address that present it as an organisation's.
_ROLE_WORDS = lazy(
    r"support|security|secure|helpdesk|service|team|admin|billing|refund|claim|verif|account"
    r"|payment|no-?reply|office|department|customer|fraud|tax|parcel|deliver|alert",
)


def sounds_official(name: str) -> bool:
    """True if a name sounds like an organisation's department (support, security, billing…)."""
    return _ROLE_WORDS.search(name.lower()) is not None


def judge_address(
    address: str, content: MessageContent, claimed: list[Organisation], *, in_body: bool = False
) -> AddressReport:
    """What is wrong (or right) with an email address; ``claimed`` are the organisations the
    message says it comes from.

    An address on a personal webmail account, or on an unofficial domain, is a problem when it
    speaks for an organisation. ``in_body``: the address is only mentioned (it may be the
    reader's own, or a shop's), so it speaks for an organisation only when its own name says so
    (``hmrc.refunds@gmail.com``, ``support@…``).
    """
    local, _, domain = address.rpartition("@")
    domain = domain.strip(".> ").lower()
    speaker = claimed[0] if claimed else None
    if in_body:
        speaker = _org_in(local, content) or (
            speaker if _ROLE_WORDS.search(local.lower()) else None
        )
    if domain in content.domains_of("webmail"):
        flags: tuple[LinkFlag, ...] = ()
        if speaker is not None:
            flags = (
                LinkFlag(
                    "webmail",
                    f"Claims to be {speaker.name} but uses a personal {domain} account.",
                    4,
                ),
            )
        return AddressReport(address, domain, None, flags)
    report = judge(Candidate(url=domain, scheme="", host=domain, has_userinfo=False), content,
                   as_address=True)  # fmt: skip
    if report.official_for:
        return AddressReport(address, report.domain, report.official_for, ())
    problems = list(report.flags)
    if speaker is not None and not problems:
        problems.append(
            LinkFlag(
                "unofficial-domain",
                f"Speaks for {speaker.name} but the address is on '{report.domain}', not "
                "their official domain.",
                3,
            )
        )
    return AddressReport(address, report.domain, None, tuple(problems))


_HTTP = LinkFlag(
    "plain-http", "The link is not encrypted (http, not https); genuine sites use https.", 1
)
#: A page or script inside a WordPress site's uploads or program folders, where nothing is meant
#: to run: fake log-in pages are planted there on hacked sites ("…/wp-content/uploads/2015/05/
#: mystical.php"). Uploaded documents and pictures (.pdf, .jpg) and plugins' own pages are not.
_PLANTED_PAGE = lazy(r"/wp-(?:content/uploads|includes)/[^?#\s]*\.(?:php\d?|html?|aspx?)\b", re.I)
_PLANTED = LinkFlag(
    "hacked-site",
    "The link opens a page planted in a website's upload folder, where nothing should run: a "
    "hacked site hosting a fake page.",
    3,
)


def _dedupe(flags: list[LinkFlag]) -> list[LinkFlag]:
    seen: set[str] = set()
    unique = []
    for flag in flags:
        if flag.code not in seen:
            seen.add(flag.code)
            unique.append(flag)
    return unique


def _lookalike_flags(
    ascii_host: str, registrable: str, suffix: str, content: MessageContent
) -> tuple[list[LinkFlag], Organisation | None]:
    """Problems from imitating an organisation's address, and the organisation imitated."""
    flags: list[LinkFlag] = []
    shown = unicode_host(ascii_host)
    if "xn--" in ascii_host or shown != shown.encode("ascii", "ignore").decode():
        flags.append(
            LinkFlag(
                "punycode",
                "The address uses non-Latin or accented characters that can imitate a real name.",
                3,
            )
        )
        for label in shown.split("."):
            if len(_scripts(label)) > 1:
                flags.append(
                    LinkFlag(
                        "mixed-scripts",
                        "Letters from different alphabets are mixed to imitate a real name.",
                        3,
                    )
                )
                break
    label = unicode_host(registrable).split(".")[0] if registrable else ""
    host_parts = set(re.split(r"[.-]", ascii_host))
    parts = [part for part in re.split(r"[.-]", shown.lower()) if part]
    lures = content.domains_of("lure-word")
    seen_host = "".join(parts).translate(_CONFUSABLE)  # a quick test before the full one
    for entry in content.org_names:
        name = entry.name
        official = entry.org.domains
        inside = any(("." + d + ".") in ("." + ascii_host) for d in official)
        if inside:
            flags.append(
                LinkFlag(
                    "official-domain-inside",
                    f"'{_first_domain(entry.org)}' appears inside the address, but the real "
                    f"site is '{_ascii_host(registrable or suffix)}'.",
                    5,
                )
            )
            return flags, entry.org
        if entry.official_label and label and label != name and name not in _GENERIC_NAMES:
            lab_skel, name_skel = skeleton(label), skeleton(name)
            near = len(name) >= 5 and edit_distance(label, name, 2) <= (1 if len(name) < 9 else 2)
            if lab_skel == name_skel or near:
                flags.append(
                    LinkFlag(
                        "lookalike-domain",
                        f"Looks like {_first_domain(entry.org)} ({entry.org.name}) but is "
                        f"{_ascii_host(registrable)}, a different site.",
                        5,
                    )
                )
                return flags, entry.org
        if label == name and entry.official_label:
            flags.append(
                LinkFlag(
                    "other-ending",
                    f"'{_ascii_host(registrable)}' has {entry.org.name}'s name with a different "
                    "ending; "
                    f"their official site is '{_first_domain(entry.org)}'.",
                    3,
                )
            )
            return flags, entry.org
        whole_word = len(name) <= 3 or name in _GENERIC_NAMES
        if whole_word:
            found = name in host_parts
        else:
            found = name in seen_host and _borrows(name, parts, lures)
        if found:
            flags.append(
                LinkFlag(
                    "org-name-in-domain",
                    f"The address uses the name '{name}', but it is not {entry.org.name}'s "
                    f"official site ('{_first_domain(entry.org)}').",
                    4,
                )
            )
            return flags, entry.org
    return flags, None


#: Organisation names that are also everyday words in email addresses (office@, live@).
#: They count only as a whole part of an address (``office-verify.com``, not
#: ``taxrefundoffice.co.uk``) and are not used to spot look-alikes.
_GENERIC_NAMES = frozenset(
    {"office", "live", "meta", "detective", "police", "scot", "royal", "boots", "octopus"}
)


def _borrows(name: str, parts: list[str], lures: Mapping[str, object]) -> bool:
    """True if the host parts use an organisation's compact ``name`` as a name: a whole part,
    across whole parts (``royal-mail-fee``), or joined only to lure words and digits
    (``royalmailredelivery``, ``amazonprime``), read through look-alike characters.

    A name inside an unrelated word (``aldil``, ``starlingtech``) is a coincidence, not a
    borrowing."""
    # Look-alike characters map one to one, so places in ``seen`` are places in ``joined``.
    joined = "".join(parts)
    seen = joined.translate(_CONFUSABLE)
    starts: list[int] = []
    position = 0
    for part in parts:
        starts.append(position)
        position += len(part)
    starts.append(position)
    index = seen.find(name)
    while index != -1:
        end = index + len(name)
        first = max(i for i in range(len(parts)) if starts[i] <= index)
        last = max(i for i in range(len(parts)) if starts[i] < end)
        before = joined[starts[first] : index]
        after = joined[end : starts[last + 1]]
        if _lure_words_only(before, lures) and _lure_words_only(after, lures):
            return True
        index = seen.find(name, index + 1)
    return False


def _lure_words_only(text: str, lures: Mapping[str, object]) -> bool:
    """True if ``text`` is empty or splits wholly into lure words and runs of digits."""
    if len(text) > 80:  # longer than any real label: not worth splitting
        return False
    ends = [False] * (len(text) + 1)
    ends[0] = True
    for start in range(len(text)):
        if not ends[start]:
            continue
        if text[start].isdigit():
            stop = start
            while stop < len(text) and text[stop].isdigit():
                stop += 1
                ends[stop] = True
            continue
        for stop in range(start + 2, min(len(text), start + 30) + 1):
            if text[start:stop] in lures:
                ends[stop] = True
    return ends[len(text)]


def _org_in(local: str, content: MessageContent) -> Organisation | None:
    """The organisation whose name begins or ends a word of an address's name part
    (``hmrc.refunds``, ``paypalsupport``), for names of four letters or more."""
    words = [w for w in re.split(r"[._+-]", local.lower()) if w]
    for entry in content.org_names:
        name = entry.name
        if len(name) < 4 or name in _GENERIC_NAMES:
            continue
        if any(w.startswith(name) or w.endswith(name) for w in words):
            return entry.org
    return None


def _first_domain(org: Organisation) -> str:
    return org.domains[0]


def _restricted_ending(ascii_host: str, content: MessageContent) -> tuple[str, DomainList] | None:
    """The holder's name under a restricted ending the host is on (``suryoday.bank.in`` for
    ``cc.suryoday.bank.in``: only banks can register under ``bank.in``) and its list; None
    when the host is on none. (The suffix list may not know a new ending yet.)"""
    for ending, item in content.domains_of("restricted-ending").items():
        if ascii_host == ending or ascii_host == "www." + ending:
            return ending, item  # the registry's own site ("gov.br/devolucaoae")
        if ascii_host.endswith("." + ending):
            labels = ascii_host[: -len(ending) - 1].split(".")
            if all(_HOST_LABEL.fullmatch(label) for label in labels):
                return f"{labels[-1]}.{ending}", item
    return None


#: One label of a host name as registries allow it ("suryoday", "xn--80ak6aa92e", "cc"): not
#: empty, no leading or trailing hyphen.
_HOST_LABEL = lazy(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def _list_flags(
    ascii_host: str, registrable: str, suffix: str, content: MessageContent, as_address: bool
) -> list[LinkFlag]:
    flags: list[LinkFlag] = []
    for kind in ("shortener", "free-host", "payment-link"):
        item = None if as_address else _listed(ascii_host, kind, content)
        if item is not None:
            flags.append(LinkFlag(kind, item.explanation, item.weight))
    risky = content.domains_of("risky-tld")
    tld = suffix.rsplit(".", 1)[-1]
    if tld in risky:
        flags.append(LinkFlag("risky-ending", risky[tld].explanation, risky[tld].weight))
    del registrable
    return flags
