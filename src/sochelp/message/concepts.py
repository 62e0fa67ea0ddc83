"""Scam concepts in many languages, read word by word.

Phrases learnt from one batch of real scams reach the next batch's only by luck: a new scam says
the same thing in other words. ``content/message_concepts/`` holds, for some forty languages,
the words for a few concepts ("an account", "blocked", "a parcel", "held", "click"), written from
knowledge of the languages rather than copied from messages. A pair of concepts of one
language within a few words of each other, in either order, is a lure ("su tarjeta ha sido
bloqueada", "Ihr Paket wird zurückgehalten"); the request concept is what a scam asks.

Words are looked up, not searched for with one pattern per word: forty languages' words in
one regular expression took a minute to check and slowed every start. Letters are read as the
rules read them (accents folded, lower case). Scripts written without spaces between words
(Chinese, Japanese, Thai) and those whose vowel signs Python does not count as letters
(Devanagari, Bengali, Hebrew and Arabic marks) are read by substring instead. In languages
that join nouns into one word, a listed word also counts at the end of a compound.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from sochelp.message.model import EAST_ASIAN

#: The concepts a word list may give, and what each means.
CONCEPTS: dict[str, str] = {
    "account": "an account, card or profile",
    "blocked": "blocked, suspended or limited",
    "parcel": "a parcel, shipment or order",
    "held": "held, undelivered or awaiting",
    "fine": "a fine, fee, toll, debt or bill",
    "unpaid": "unpaid, overdue or outstanding",
    "authority": "the police, a court or a prosecutor",
    "threat": "an arrest, a warrant, a summons or proceedings",
    "money_due": "a refund, benefit, subsidy or bonus",
    "available": "available, approved or waiting to be claimed",
    "points": "points, rewards or miles",
    "expire": "about to expire",
    "won": "'you have won'",
    "not_you": "'if this was not you'",
    "act": "click, pay, update, confirm, call or log in",
    "loan": "a loan or credit",
    "easy_terms": "low interest, fast approval, no guarantee or credit check",
    "family_address": "'mum', 'dad', 'son' or 'daughter' as a child or parent writes it",
    "new_number": "'my new number', 'my phone broke'",
    "earn": "earn, income, salary or commission",
    "per_day": "per day, from home, part-time, no experience needed",
    "details": "your personal, bank, card or login details",
    "verify": "verify, update, confirm or complete (details)",
    "message": "a (secure, official, new) message, notice or document",
    "waiting": "waiting, pending, unread, arrived (for the reader)",
    "secret": "a PIN, password, card number, card security code or bank account number",
    "give": "send, give, tell, share or provide (a secret)",
    "implicated": "(your name, account or card) involved in a crime, money laundering or a case",
    "negation": "'do not' or 'never' before a request ('no haga clic', '切勿点击')",
    "negation_after": "'not' after a request ('klicka inte', 'klik ikke')",
}
#: The pairs that make a lure: what goes wrong only in a scam or a real alert.
LURE_PAIRS: tuple[tuple[str, str], ...] = (
    ("account", "blocked"),
    ("parcel", "held"),
    ("points", "expire"),
    # A loan offered on easy terms, "Mum, this is my new number", pay by the day from home.
    ("loan", "easy_terms"),
    ("family_address", "new_number"),
    ("earn", "per_day"),
)
#: The pairs ordinary messages name too ("Faktura ... har förfallit", "Votre remboursement a
#: été versé", news of an arrest): a lure only beside a link on no official site, which the
#: families that read them require (a pair cannot tell "a warrant against you" from the news).
LINK_LURE_PAIRS: tuple[tuple[str, str], ...] = (
    ("fine", "unpaid"),
    ("money_due", "available"),
    ("authority", "threat"),
    # "Update your details", "a secure message is waiting for you": a bank's own site says so
    # too, a link to somewhere else is the phishing.
    ("details", "verify"),
    ("message", "waiting"),
    # "Your access (TAN procedure, card) expires on 06.03": the bank's own site says so too, a
    # link elsewhere to "renew" it is the phishing.
    ("account", "expire"),
)
#: The pairs that are a lure unless "never" or "do not" stands near them: a bank writes "we
#: will never ask you to send your PIN", "nunca compartas tu clave", "PIN niemals weitergeben".
GUARDED_PAIRS: tuple[tuple[str, str], ...] = (("secret", "give"),)
#: Words (or characters, read by substring) around a guarded pair where a negation vetoes it.
NEGATION_REACH = 4
NEGATION_REACH_CHARACTERS = 12
#: The pairs that are a lure in a call: "the prosecutor's office ... your account is involved
#: in a fraud case" is how fake officials open; in a written message it may be the news.
CALL_LURE_PAIRS: tuple[tuple[str, str], ...] = (("authority", "implicated"),)
#: The pairs that are the "shock call" in a call: "Mum, I'm at the police", "your son caused an
#: accident ... the public prosecutor": a relative in trouble and an official taking the phone.
RELATIVE_CALL_PAIRS: tuple[tuple[str, str], ...] = (
    ("family_address", "authority"),
    ("family_address", "threat"),
)
#: A caller introduces themselves, then says what you are involved in: the two may stand three
#: times as far apart as a written pair.
CALL_REACH = 3
#: Concepts that are a lure on their own.
LURE_SINGLES = ("won",)
#: Words that may stand between the two words of a pair.
WORDS_BETWEEN = 5
#: Characters that may stand between them where words are read by substring.
CHARACTERS_BETWEEN = {"east_asian": 14, "other": 30}
#: Only the start of a long message is read (as for the other counted facts).
READ_CHARACTERS = 50_000
#: Occurrences of one concept looked at, and spans of one kind kept, at most.
MAX_OCCURRENCES = 200
MAX_SPANS = 8
#: The shortest stem ("konto*").
MIN_STEM = 4
#: Languages that join nouns into one word: a listed word or stem at the end of a longer word
#: counts ("Zollgebühren", "betalingsherinnering"), when the word is this long, the part before
#: it at least MIN_MODIFIER letters and the listed part at least MIN_HEAD.
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "is", "fi", "et", "hu"})
MIN_COMPOUND = 9
MIN_MODIFIER = 3
MIN_HEAD = 5
#: Languages that join a pronoun to a noun ("tagihannya", its bill; "paketnya", the parcel):
#: a listed word or stem counts with these endings too, when at least MIN_STEM letters stand
#: before the ending.
CLITICS: dict[str, tuple[str, ...]] = {"id": ("nya",), "ms": ("nya",)}
_CLITIC_ENDINGS = tuple(sorted({ending for endings in CLITICS.values() for ending in endings}))

#: A word; a date, time, amount or number written in groups ("22.02.2024", "17:50", "1.234,56")
#: is one word, so that it does not push the two words of a pair apart.
_WORD = re.compile(r"\d+(?:[.,:/-]\d+)+|\w+")
_MARKS = re.compile("[\u064b-\u0652\u0670]")


def substring_script(word: str) -> bool:
    """True for a word read by substring: one with a letter Python's ``\\w`` does not take
    whole (a vowel sign) or from a script written without spaces."""
    return any(
        EAST_ASIAN.match(ch)
        or "\u0e00" <= ch <= "\u0e7f"  # Thai
        or "\u0590" <= ch <= "\u06ff"  # Hebrew, Arabic
        or unicodedata.category(ch) in ("Mn", "Mc")
        for ch in word
    )


class Occurrence(NamedTuple):
    """One concept word found: its span, the words it covers (-1 when read by substring),
    its language and concept."""

    start: int
    end: int
    first_word: int
    last_word: int
    language: str
    concept: str


Tag = tuple[str, str]  # (language, concept)


class ConceptLexicon(NamedTuple):
    """The word lists, arranged for lookup."""

    #: Whole word -> its tags.
    words: dict[str, tuple[Tag, ...]]
    #: Stem -> its tags (a word starting with the stem).
    stems: dict[str, tuple[Tag, ...]]
    #: First two words of a phrase -> (the words after them, whether the last is a stem, tag).
    phrases: dict[tuple[str, str], tuple[tuple[tuple[str, ...], bool, Tag], ...]]
    #: First word of a two-word phrase ending in a stem -> (the stem, tag).
    stem_phrases: dict[str, tuple[tuple[str, Tag], ...]]
    #: First two characters -> (the word, tag), for words read by substring.
    substrings: dict[str, tuple[tuple[str, Tag], ...]]
    #: Language -> "east_asian" or "other", for the languages read by substring.
    substring_kind: dict[str, str]
    #: The lengths of the stems, shortest first.
    stem_lengths: tuple[int, ...] = ()
    #: The first three letters of the words and stems of the languages in COMPOUNDING (a
    #: word's end is looked up only where one of them starts).
    compound_starts: frozenset[str] = frozenset()


def fold(text: str) -> str:
    """A word as the analysis reads it (hidden characters, look-alikes and accents folded,
    lower case), the same as a message."""
    from sochelp.message.normalise import clean

    return clean(text).text.lower()


class PackedLexicon(NamedTuple):
    """The word lists already folded, one line per word ("kind, language, concept, word"),
    as the content cache keeps them: one string loads in no time, where the lookup tables'
    tens of thousands of small objects took 18 ms at every start. :func:`unpack` makes the
    tables on the first message that needs them."""

    text: str


def last_word(entry: str) -> str:
    """The last word of a list entry as it is read: split into words as a message is ("PIN-kód"
    ends with "kod"), or by spaces for a word read by substring."""
    folded = fold(entry)
    if substring_script(folded):
        return entry.split()[-1] if entry.split() else ""
    parts = _WORD.findall(folded)
    return parts[-1] if parts else ""


def pack(entries: Iterable[tuple[str, str, Sequence[str]]]) -> PackedLexicon:
    """The lexicon from (language, concept, words) lists. A word ending in ``*`` is a stem;
    words are read as :func:`fold` makes them."""
    lines: list[str] = []
    for language, concept, listed in entries:
        for entry in listed:
            stem = entry.endswith("*")
            folded = fold(entry.rstrip("*"))
            if substring_script(folded):
                plain = _MARKS.sub("", folded)
                if len(plain) >= 2:
                    kind = "X" if EAST_ASIAN.search(plain) else "x"
                    lines.append(f"{kind}\t{language}\t{concept}\t{plain}")
                continue
            parts = _WORD.findall(folded)
            if parts:
                kind = ("S" if stem else "W") if len(parts) > 1 else ("s" if stem else "w")
                lines.append(f"{kind}\t{language}\t{concept}\t{' '.join(parts)}")
    return PackedLexicon("\n".join(dict.fromkeys(lines)))


def build(entries: Iterable[tuple[str, str, Sequence[str]]]) -> ConceptLexicon:
    """The lookup tables from (language, concept, words) lists (see :func:`pack`)."""
    return unpack(pack(entries))


@cache
def unpack(packed: PackedLexicon) -> ConceptLexicon:
    """The lookup tables of a packed lexicon (made once per process)."""
    words: dict[str, list[Tag]] = {}
    stems: dict[str, list[Tag]] = {}
    phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], bool, Tag]]] = {}
    stem_phrases: dict[str, list[tuple[str, Tag]]] = {}
    substrings: dict[str, list[tuple[str, Tag]]] = {}
    kinds: dict[str, str] = {}
    for line in packed.text.split("\n") if packed.text else ():
        kind, language, concept, word = line.split("\t")
        tag = (language, concept)
        if kind in "Xx":
            substrings.setdefault(word[:2], []).append((word, tag))
            kinds[language] = "east_asian" if kind == "X" else "other"
        elif kind == "w":
            words.setdefault(word, []).append(tag)
        elif kind == "s":
            stems.setdefault(word, []).append(tag)
        else:
            parts = tuple(word.split(" "))
            if len(parts) == 2 and kind == "S":
                stem_phrases.setdefault(parts[0], []).append((parts[1], tag))
            else:
                phrases.setdefault((parts[0], parts[1]), []).append((parts[2:], kind == "S", tag))
    return ConceptLexicon(
        {k: tuple(dict.fromkeys(v)) for k, v in words.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in stems.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in phrases.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in stem_phrases.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in substrings.items()},
        kinds,
        tuple(sorted({len(stem) for stem in stems})),
        frozenset(
            word[:MIN_MODIFIER]
            for table in (words, stems)
            for word, tags in table.items()
            if any(language in COMPOUNDING for language, _ in tags)
        ),
    )


def occurrences(lexicon: ConceptLexicon, text: str) -> list[Occurrence]:
    """Every concept word in ``text`` (a message as the rules read it), in order."""
    text = text[:READ_CHARACTERS].lower()
    found: list[Occurrence] = []
    tokens = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    # A word's tags are worked out once per message (long messages repeat their words).
    tags_of: dict[str, list[Tag]] = {}
    for number, (token, start, end) in enumerate(tokens):
        tags = tags_of.get(token)
        if tags is None:
            tags = tags_of[token] = _word_tags(lexicon, token)
        for tag in tags:
            found.append(Occurrence(start, end, number, number, *tag))
        if number + 1 == len(tokens):
            continue
        second = tokens[number + 1][0]
        for stem_word, tag in lexicon.stem_phrases.get(token, ()):
            if second.startswith(stem_word):
                found.append(Occurrence(start, tokens[number + 1][2], number, number + 1, *tag))
        for rest, stem, tag in lexicon.phrases.get((token, second), ()):
            last = number + 1 + len(rest)
            if last >= len(tokens):
                continue
            following = [tokens[number + 2 + i][0] for i in range(len(rest))]
            if following[:-1] != list(rest[:-1]):
                continue
            if (
                not rest
                or following[-1] == rest[-1]
                or (stem and following[-1].startswith(rest[-1]))
            ):
                found.append(Occurrence(start, tokens[last][2], number, last, *tag))
    if lexicon.substrings:
        found.extend(_substring_occurrences(lexicon, text))
    found.sort()
    return found


def _word_tags(lexicon: ConceptLexicon, token: str) -> list[Tag]:
    """The tags of one word: as a whole word, by every stem it starts with, in languages that
    join nouns into one word by the word or stem it ends with ("Einfuhrgebühr" ends with
    "gebühr", "Kartensperre" with "sperre"), and in languages that join a pronoun to a noun
    without that ending ("tilangnya" is "tilang")."""
    tags = _head_tags(lexicon, token)
    if token.endswith(_CLITIC_ENDINGS):
        for ending in _CLITIC_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= MIN_STEM:
                bare = _head_tags(lexicon, token[: -len(ending)])
                tags.extend(tag for tag in bare if ending in CLITICS.get(tag[0], ()))
    if len(token) >= MIN_COMPOUND:
        starts = lexicon.compound_starts
        for at in range(MIN_MODIFIER, len(token) - MIN_HEAD + 1):
            if token[at : at + MIN_MODIFIER] in starts:
                head = _head_tags(lexicon, token[at:])
                tags.extend(tag for tag in head if tag[0] in COMPOUNDING)
    return tags


def _head_tags(lexicon: ConceptLexicon, token: str) -> list[Tag]:
    tags = list(lexicon.words.get(token, ()))
    for length in lexicon.stem_lengths:
        if length > len(token):
            break
        tags.extend(lexicon.stems.get(token[:length], ()))
    return tags


def _substring_occurrences(lexicon: ConceptLexicon, text: str) -> list[Occurrence]:
    if text.isascii():
        return []
    # Arabic vowel marks are left out of the words and of the text read (positions kept).
    plain, places = text, None
    if _MARKS.search(text):
        kept = [i for i, ch in enumerate(text) if not _MARKS.match(ch)]
        plain, places = "".join(text[i] for i in kept), kept
    found: list[Occurrence] = []
    for at in range(len(plain) - 1):
        if plain[at].isascii():
            continue
        for word, tag in lexicon.substrings.get(plain[at : at + 2], ()):
            if plain.startswith(word, at):
                end = at + len(word)
                start, stop = (places[at], places[end - 1] + 1) if places else (at, end)
                found.append(Occurrence(start, stop, -1, -1, *tag))
    return found


def _negated(occurrence: Occurrence, negations: dict[str, list[Occurrence]]) -> bool:
    """Whether a request is negated: "do not" right before it (one word may stand between),
    "not" right after it, in any language (a request word is often in several lists)."""
    for negation in negations.get("negation", ()):
        if occurrence.first_word >= 0 and negation.first_word >= 0:
            if 1 <= occurrence.first_word - negation.last_word <= 2:
                return True
        elif 0 <= occurrence.start - negation.end <= 2:
            return True
    for negation in negations.get("negation_after", ()):
        if occurrence.last_word >= 0 and negation.first_word >= 0:
            if negation.first_word - occurrence.last_word == 1:
                return True
        elif 0 <= negation.start - occurrence.end <= 2:
            return True
    return False


class _Negations(NamedTuple):
    """Where "never" and "not" words stand: the word numbers of those read as words and the
    character offsets of all (both sorted, for bisection)."""

    words: list[int]
    characters: list[int]


def _negation_places(negations: dict[str, list[Occurrence]]) -> _Negations:
    found = [*negations.get("negation", ()), *negations.get("negation_after", ())]
    return _Negations(
        sorted(o.first_word for o in found if o.first_word >= 0),
        sorted(o.start for o in found),
    )


def _negation_near(first: Occurrence, second: Occurrence, places: _Negations) -> bool:
    """Whether a "never" or "not" of any language stands within or around a pair."""
    if first.first_word >= 0 and second.last_word >= 0:
        low, high, where = (
            first.first_word - NEGATION_REACH,
            second.last_word + NEGATION_REACH,
            places.words,
        )
    else:
        low, high, where = (
            first.start - NEGATION_REACH_CHARACTERS,
            second.end + NEGATION_REACH_CHARACTERS,
            places.characters,
        )
    at = bisect_left(where, low)
    return at < len(where) and where[at] <= high


def _near(first: Occurrence, second: Occurrence, lexicon: ConceptLexicon, reach: int = 1) -> bool:
    if first.first_word >= 0 and second.first_word >= 0:
        return 0 <= second.first_word - first.last_word - 1 <= WORDS_BETWEEN * reach
    limit = CHARACTERS_BETWEEN[lexicon.substring_kind.get(first.language, "other")] * reach
    return 0 <= second.start - first.end <= limit


class ConceptFinding(NamedTuple):
    """The spans of the lures, requests, "if it was not you", a call's lures and a call's
    relative in trouble found."""

    lures: list[tuple[int, int]]
    link_lures: list[tuple[int, int]]
    asks: list[tuple[int, int]]
    not_you: list[tuple[int, int]]
    call_lures: list[tuple[int, int]]
    relative_calls: list[tuple[int, int]]


def find(lexicon: ConceptLexicon | PackedLexicon, text: str) -> ConceptFinding:
    """The concept lures, requests and "not you" phrases in ``text``."""
    if isinstance(lexicon, PackedLexicon):
        lexicon = unpack(lexicon)
    by_concept: dict[Tag, list[Occurrence]] = {}
    for occurrence in occurrences(lexicon, text):
        tagged = by_concept.setdefault((occurrence.language, occurrence.concept), [])
        if len(tagged) < MAX_OCCURRENCES:
            tagged.append(occurrence)
    negations: dict[str, list[Occurrence]] = {}
    for (_, concept), found in by_concept.items():
        if concept.startswith("negation"):
            negations.setdefault(concept, []).extend(found)
    languages = sorted({language for language, _ in by_concept})
    lures = _pairs(lexicon, by_concept, languages, LURE_PAIRS)
    lures += _pairs(lexicon, by_concept, languages, GUARDED_PAIRS, negations)
    link_lures = _pairs(lexicon, by_concept, languages, LINK_LURE_PAIRS)
    call_lures = _pairs(lexicon, by_concept, languages, CALL_LURE_PAIRS, reach=CALL_REACH)
    relative_calls = _pairs(lexicon, by_concept, languages, RELATIVE_CALL_PAIRS, reach=CALL_REACH)
    for language in languages:
        for single in LURE_SINGLES:
            lures.extend((o.start, o.end) for o in by_concept.get((language, single), ()))
    asks = [
        (o.start, o.end)
        for language in languages
        for o in by_concept.get((language, "act"), ())
        if not _negated(o, negations)
    ]
    not_you = [
        (o.start, o.end)
        for language in languages
        for o in by_concept.get((language, "not_you"), ())
    ]
    return ConceptFinding(
        sorted(set(lures)),
        sorted(set(link_lures)),
        sorted(set(asks)),
        sorted(set(not_you)),
        sorted(set(call_lures)),
        sorted(set(relative_calls)),
    )


def _pairs(
    lexicon: ConceptLexicon,
    by_concept: dict[Tag, list[Occurrence]],
    languages: list[str],
    pairs: tuple[tuple[str, str], ...],
    negations: dict[str, list[Occurrence]] | None = None,
    reach: int = 1,
) -> list[tuple[int, int]]:
    """The spans of the pairs found: both words of one language, close, in either order (and,
    given ``negations``, with none of them near)."""
    spans: list[tuple[int, int]] = []
    guard = None if negations is None else _negation_places(negations)
    for language in languages:
        for a, b in pairs:
            for one in by_concept.get((language, a), ()):
                for other in by_concept.get((language, b), ()):
                    first, second = sorted((one, other))
                    if first.end > second.start or not _near(first, second, lexicon, reach):
                        continue
                    if guard is not None and _negation_near(first, second, guard):
                        continue
                    spans.append((first.start, second.end))
                    if len(spans) >= MAX_SPANS:
                        return spans
    return spans
