"""Whether a message is written in English, the language check-message reads best.

The rules read English, and only the commonest scam wordings of some other European languages,
so a calm answer about a message in another language says less; the answer says so. The test
is deliberately plain and wants evidence before it says "other": another alphabet, more
everyday words of a known other language than of English, a longer text without a single
everyday English word, or, where English words are few, longer words that English mostly does
not know. It reads the text as the rules do (look-alike letters folded), so English
dressed in small capitals or mathematical letters is still English.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Literal

from sochelp.message.normalise import ACCENTED_LETTER, plain_english_words

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
#: Hungarian, Romanian, Malay and Indonesian, Tagalog, Vietnamese) that are not English words.
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
        # Finnish, Estonian, Baltic, Hungarian, Romanian, South Slavic, Turkish, Indonesian
        "sinut", "sinua", "sinulle", "teille", "teita", "olet", "olemme", "tassa", "tama",
        "uusi", "kun", "mutta", "myos", "ovat", "voit", "ett", "paa", "fra", "yra", "jusu",
        "jums", "vagy", "ezt", "kerjuk", "csomag", "sunt", "dumneavoastra", "li", "vam",
        "svoj", "molim", "ili", "biti", "icin", "sizin", "lutfen", "olarak", "kami", "telah",
        "tidak", "dengan", "dari", "bisa", "akan",
        # Vietnamese typed without its marks ("Tai khoan cua ban da bi khoa"), which leaves no
        # accented letter to count (not "tai", "va", "bi", "cho", "xin", "lien", "mot": names,
        # abbreviations and English words)
        "cua", "khoan", "duoc", "khong", "nhan", "vui", "toi", "quy", "khach", "cac", "nhung",
        "vao", "nguoi", "ngay", "voi", "hoac", "khoa", "ngan", "giao", "dich", "chung",
        "dien", "thoai", "vien",
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


def written_in(text: str, as_written: str | None = None) -> Language | None:
    """ "english", "other", or None when the text is too short to tell. ``as_written`` is the
    text before accents were folded for the rules (where its accented letters are counted).

    Another language needs evidence: a script other than the Latin alphabet, more everyday
    words of another language than of English, a longer text without one everyday English word
    (a brand name or "OK" proves nothing), or words written with letters English does not use
    ("tässä", "možeš") where English words are few or none."""
    sample = text[:_LOOKED_AT]
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) >= 20 and sum(ch.isascii() for ch in letters) < len(letters) / 2:
        return "other"  # mostly another script: Greek, Cyrillic, Chinese, Arabic ...
    prose = _prose(sample)
    words = [_plain(w) for w in _WORD.findall(prose)]
    if len(words) < MIN_WORDS:
        return None
    # ("on", "i", "to", "no" … are everyday words of other languages too: "Teille on saapunut
    # turvapostia" is Finnish.)
    english_words = [w for w in words if w in _ENGLISH_WORDS]
    english_or_shared = len(english_words)
    strict_english = [w for w in english_words if w not in _SHARED_WORDS]
    english = len(strict_english)
    other_words = [w for w in words if w in _OTHER_WORDS]
    other = len(other_words)
    if (other >= 2 and other > english_or_shared) or (
        english_or_shared == 0 and len(words) >= _UNKNOWN_WORDS
    ):
        return "other"
    accented = _accented_words(_prose(as_written[:_LOOKED_AT] if as_written else sample))
    if english == 0 and (len(set(other_words)) >= 2 or accented):
        return "other"
    if accented >= _MIN_ACCENTED and accented > _ACCENTED_OVER * english:
        # (words written with letters English does not use, "možeš", "ćerka", "znači", far
        # outnumbering English ones; English dressed in accents, "Wé talked at the párty", is
        # not counted, as those words are English ones)
        return "other"
    if len(set(strict_english)) <= 1 and _mostly_unknown(words):
        return "other"
    return "english"


#: Words this long or longer are looked up in the English vocabulary ("kwa", "ut", "lol" and
#: text-speak are too short to tell).
_LOOKED_UP_LENGTH = 4
_LOOKED_UP_WORDS = 4
#: The share of those words English does not know that makes a text another language's.
_UNKNOWN_SHARE = 0.75


def _mostly_unknown(words: list[str]) -> bool:
    """True if at least three in four of the longer words are unknown to English: "Hei Morten,
    dette er for å bekrefte passet ditt", "Tuma kwa hii number ile ingine". Asked only where
    English evidence is thin, so the vocabulary is loaded only then."""
    longer = [w for w in words if len(w) >= _LOOKED_UP_LENGTH]
    if len(longer) < _LOOKED_UP_WORDS:
        return False
    vocabulary = _english_vocabulary()
    unknown = sum(1 for w in longer if w not in vocabulary)
    return unknown >= _UNKNOWN_SHARE * len(longer)


@cache
def _english_vocabulary() -> frozenset[str]:
    """English words as zxcvbn (a dependency already, for password strength) ships them in its
    frequency lists (English Wikipedia, television and film, first names, surnames, common
    passwords: about 94,000 entries), with the words above."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset().union(*FREQUENCY_LISTS.values()) | _known_english()


#: English words that are everyday words of other languages too (Finnish and Hungarian "on",
#: Slavic and Nordic "i", Polish and Czech "to" and "do", Spanish and Italian "no" and "me").
_SHARED_WORDS = frozenset({"on", "i", "to", "do", "no", "me", "he", "in", "is", "an", "at"})
#: Words English writes with accents too ("café", "résumé", "naïve", "fiancé").
_LOANWORDS = frozenset({
    "cafe", "cafes", "resume", "naive", "fiance", "fiancee", "creme", "decor", "deja", "cliche",
    "entree", "protege", "souffle", "saute", "facade", "jalapeno", "pinata", "senor", "expose",
    "touche", "nee", "pate", "puree", "melee", "soiree", "eclair", "rose", "zoe", "chloe",
    "renee", "jose", "noel", "beyonce", "pokemon", "nestle", "creche", "debut",
})  # fmt: skip
#: Words with letters English does not use must outnumber the English ones this many times.
_ACCENTED_OVER = 2
_MIN_ACCENTED = 2


def _prose(text: str) -> str:
    """The text without web and email addresses."""
    return " ".join(chunk for chunk in text.split() if not _ADDRESS_LIKE.search(chunk))


def _accented_words(prose: str) -> int:
    """How many words use Latin letters English does not (ä, ø, š, ı, ł …) and are not English
    words written with accents (look-alike letters of other alphabets are not counted)."""
    known = _known_english()
    return sum(
        1
        for word in _WORD.findall(prose)
        if ACCENTED_LETTER.search(word) and _plain(word) not in known
    )


@cache
def _known_english() -> frozenset[str]:
    """English words, with those English writes with accents and those scams dress in them."""
    return _ENGLISH_WORDS | _LOANWORDS | plain_english_words()


def _plain(word: str) -> str:
    """A word in lower case without its accents ("für" -> "fur", "não" -> "nao")."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
