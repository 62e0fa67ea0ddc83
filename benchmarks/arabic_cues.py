"""The Arabic words the message cues read, and the patterns that read them with or without
their vowel marks.

Arabic is often written with short-vowel marks (fathah, dammah, kasrah, sukun, shaddah,
tanwin: U+064B to U+0652) over or under its letters, and scam texts add them freely ("يُرجى"
for "يرجى"). A cue allows them after every letter but the first three, which stay literal: the
analysis searches for a rule's literal start before it runs the rule, so a pattern must begin
with letters (a mark inside the first three letters still hides the word; see the README).

The Arabic parts of the cues in ``content/message_cues/`` are made here, not written by hand:
``python benchmarks/arabic_cues.py`` prints each cue's part to paste into its pattern, and
``tests/message/test_arabic_cues.py`` checks that the bundled content holds exactly these.
"""

from __future__ import annotations

#: The vowel marks allowed after a letter.
MARKS = "[\u064b-\u0652]*"

#: The words (or phrases) of each cue, as plain letters.
WORDS: dict[str, tuple[str, ...]] = {
    # A parcel that could not be delivered, an address missing, customs fees, a traffic fine,
    # an account or card suspended or frozen.
    "lure-words-arabic": (
        "غير قادرين على تسليم",
        "غير قادرين على توصيل",
        "تعذر تسليم",
        "تعذر توصيل",
        "لم نتمكن من تسليم",
        "لم نتمكن من توصيل",
        "عدم وجود عنوان",
        "عنوان غير مكتمل",
        "عنوان غير صحيح",
        "رسوم جمركية",
        "مخالفة مرورية",
        "غرامة",
        "إيقاف حسابك",
        "تعليق حسابك",
        "تجميد حسابك",
        "إيقاف بطاقتك",
        "تجميد بطاقتك",
        "حسابك موقوف",
        "بطاقتك موقوفة",
    ),
    # Press, click, the link, update, settle, pay, please; call this number, call us, to update.
    "asks-words-world-scripts": (
        "اضغط",
        "انقر",
        "الرابط",
        "تحديث",
        "سداد",
        "ادفع",
        "يرجى",
        "اتصل على",
        "اتصل بنا",
        "للتحديث",
    ),
    # Points or a card about to expire, a prize won, a card or account blocked ("حظر").
    "lure-words-arabic-more": (
        "انتهاء مدة صلاحية",
        "انتهاء مدة صلاحيت",
        "قبل انتهاء صلاحية",
        "قبل انتهاء صلاحيت",
        "نقاطك ستنتهي",
        "لقد ربحت",
        "لقد فزت",
        "فزت بجائزة",
        "تم حظر بطاقة",
        "حظر بطاقتك",
        "تم حظر حساب",
        "حظر حسابك",
        # An order that cannot be sent because the postal address is wrong (a Moroccan post
        # text: "باستحالة إرسال طلبيتكم لكون عنوانكم البريدي غير صحيح").
        "استحالة إرسال",
        "البريدي غير صحيح",
    ),
}


def tolerant(word: str) -> str:
    """``word`` as a pattern: its first three characters as written, vowel marks allowed after
    every later letter, a space read as any white space."""
    out: list[str] = []
    for index, char in enumerate(word):
        out.append(char)
        if char != " " and index >= 2:
            out.append(MARKS)
    return "".join(out).replace(" ", r"\s")


def arabic_part(cue_id: str) -> str:
    """The alternatives of cue ``cue_id`` that read its Arabic words."""
    return "|".join(tolerant(word) for word in WORDS[cue_id])


def main() -> int:
    for cue_id in WORDS:
        print(f"{cue_id}:\n{arabic_part(cue_id)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
