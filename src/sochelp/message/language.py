"""Whether a message is written in English, the language check-message reads best.

The rules read English, and only the commonest scam wordings of some other European languages,
so a calm answer about a message in another language says less; the answer says so. The test
is deliberately plain and wants evidence before it says "other": another alphabet, more
everyday words of a known other language than of English, or a longer text without a single
everyday English word. It reads the text as the rules do (look-alike letters folded), so English
dressed in small capitals or mathematical letters is still English.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

#: Everyday English words (a few are words of other languages too, such as "in"; "a" is left
#: out, as French "à" and the Italian, Spanish and Portuguese "a" read the same).
_ENGLISH_WORDS = frozenset(
    {
        "the", "and", "of", "for", "with", "from", "your", "you", "we", "our", "this", "that",
        "these", "please", "can", "not", "have", "has", "had", "been", "are", "were", "be",
        "it", "my", "if", "any", "here", "there", "what", "when", "how", "now", "they",
        "their", "us", "or", "get", "who", "which", "would", "should", "could", "just",
        "about", "more", "out", "up", "new", "only", "than", "then", "them", "she", "his",
        "its", "did", "does", "an", "in", "on", "at", "to", "is", "was", "will", "i",
        "me", "he", "her", "by", "do", "no", "all", "so", "but", "u", "ur", "im", "dont",
    }
)  # fmt: skip
#: Everyday words of the other languages scam texts reach the UK in (German, French, Spanish,
#: Portuguese, Italian, Dutch, Polish, Czech and Slovak, the Nordic languages, Finnish,
#: Hungarian, Romanian, Malay and Indonesian, Tagalog) that are not English words.
_OTHER_WORDS = frozenset(
    {
        # German
        "der", "und", "ist", "nicht", "sie", "ihr", "ihre", "ihren", "ihrem", "wir", "mit",
        "bitte", "den", "dem", "des", "ein", "eine", "einen", "auf", "fur", "von", "wird",
        "wurde", "haben", "sind", "sehr", "geehrte", "geehrter", "zu", "ich", "auch", "oder",
        # French, Spanish, Portuguese and Dutch alike
        "de", "en",
        # French
        "le", "la", "les", "est", "vous", "votre", "vos", "nous", "pour", "avec", "une", "du",
        "et", "pas", "sur", "dans", "au", "aux", "ce", "cette", "qui", "je",
        # Spanish and Portuguese
        "el", "los", "las", "del", "que", "por", "para", "su", "sus", "usted", "una", "con",
        "se", "ha", "tu", "lo", "y", "os", "uma", "um", "nao", "seu", "sua", "voce", "com",
        "esta", "este", "mi", "al", "da", "do", "dos", "das", "em", "ao", "pelo",
        # Italian
        "il", "di", "della", "per", "che", "non", "sono", "gli", "ho", "suo", "sei", "stato",
        # Dutch
        "het", "een", "van", "voor", "niet", "uw", "jij", "wij", "zijn", "ik", "met", "naar",
        "te", "wordt", "kan", "bij", "ook", "jou", "dit",
        # Polish, Czech and Slovak
        "jest", "nie", "oraz", "jak", "przez", "dla", "od", "twoja", "twoje", "pan", "pani",
        "pro", "jsem", "ste", "jsme", "vase", "vas", "nebo", "byl", "byla", "bola",
        "na", "za", "po", "ze", "czy", "lub", "ktore", "jako", "o", "mozesz",
        # Swedish, Norwegian, Danish
        "och", "att", "det", "som", "til", "og", "ikke", "jeg", "av", "har", "ditt",
        "din", "dette", "eller",
        # Finnish, Hungarian, Romanian
        "ja", "ei", "ole", "sinun", "etta", "on", "az", "egy", "hogy", "nem", "es", "si",
        "pentru", "sa", "dvs",
        # Malay, Indonesian, Tagalog
        "dan", "yang", "anda", "untuk", "ke", "sila", "ng", "ka", "ako", "mo", "ang", "kasi",
    }
) - _ENGLISH_WORDS  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
#: Links, addresses and domains ("news.com", "a@b.pt") are names, not words of a language.
_ADDRESS_LIKE = re.compile(r"[/@]|\w\.\w")
#: Fewer words than this cannot be told apart ("OK", "Hallo Papa").
MIN_WORDS = 5
#: A text this long without one everyday English word is in a language the lists do not know
#: (Finnish, Greek written in Latin letters, Lithuanian ...).
_UNKNOWN_WORDS = 10
#: The first characters looked at: enough to tell, and a 1 MB message costs no more.
_LOOKED_AT = 4000

Language = Literal["english", "other"]


def written_in(text: str) -> Language | None:
    """ "english", "other", or None when the text is too short to tell.

    Another language needs evidence: a script other than the Latin alphabet, more everyday
    words of another language than of English, or a longer text without one everyday English
    word (a brand name or "OK" proves nothing)."""
    sample = text[:_LOOKED_AT]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) >= 20 and sum(ch.isascii() for ch in letters) < len(letters) / 2:
        return "other"  # mostly another script: Greek, Cyrillic, Chinese, Arabic ...
    prose = " ".join(chunk for chunk in sample.split() if not _ADDRESS_LIKE.search(chunk))
    words = [_plain(w) for w in _WORD.findall(prose)]
    if len(words) < MIN_WORDS:
        return None
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    other = sum(1 for w in words if w in _OTHER_WORDS)
    if (other >= 2 and other > english) or (english == 0 and len(words) >= _UNKNOWN_WORDS):
        return "other"
    return "english"


def _plain(word: str) -> str:
    """A word in lower case without its accents ("für" -> "fur", "não" -> "nao")."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
