"""What the fifty-eighth round taught, with counter-examples.

Section 1 was written before ``fresh-66`` was read, from the content itself; the others after it
was read once and moved to development, from its misses and the English rules they showed to be
missing or thinner in other languages. None was drawn from a message of the sealed ``fresh-67``.
The messages written here are a regression set, never a figure.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sochelp.message.analyse import Verdict, prepare_text
from tests.message.helpers import (
    bundled,
    check,
    check_rules,
    cue_fires,
    families,
    read_dev_strong,
    read_dev_warned,
    sources,
)

CONTENT = Path(__file__).resolve().parents[2] / "content"

# --- 1. One list for a child's greeting, one for a new phone ------------------------------------
# hi-mum read the greeting as three cues and new-number-money excluded the same three, written
# out twice; a cue added to one list (parent-named-at-end, last round) had to be added to both.
# Both now name the choices parent-greeting and new-phone-or-blocked-bank.


def _raw_families() -> dict[str, dict[str, list[str]]]:
    raw = tomllib.loads((CONTENT / "message_families" / "families.toml").read_text("utf-8"))
    return {family["id"]: family for family in raw["family"]}


def test_hi_mum_and_new_number_money_name_the_same_choices() -> None:
    raw = _raw_families()
    assert raw["hi-mum"]["all"] == ["choice:parent-greeting", "choice:new-phone-or-blocked-bank"]
    assert raw["new-number-money"]["all"][0] == "choice:new-phone-or-blocked-bank"
    assert "choice:parent-greeting" in raw["new-number-money"]["none"]


def test_the_choices_expand_to_the_cues_both_families_read() -> None:
    by_id = {family.id: family for family in bundled().families}
    greeting = ("family-opener", "family-opener-other-languages", "parent-named-at-end")
    new_phone = (
        "new-phone",
        "new-phone-other-languages",
        "own-banking-blocked",
        "own-banking-blocked-other-languages",
    )
    assert by_id["hi-mum"].all == (greeting, new_phone)
    assert by_id["new-number-money"].all[0] == new_phone
    assert set(greeting) <= set(by_id["new-number-money"].none)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Hi Mum, I dropped my phone, this is my new number. Can you pay a bill for me?", "hi-mum"),
        ("I have a new number, mum.. can you help me with a payment today", "hi-mum"),
        ("Hola mamá, este es mi nuevo número, ¿me puedes ayudar con un pago?", "hi-mum"),
        (
            "This is my new number, my banking app has put a 24 hour hold on my account, "
            "could you pay an invoice for me and I'll pay you back tomorrow",
            "new-number-money",
        ),
    ],
)
def test_a_greeting_reads_hi_mum_and_without_one_new_number_money(text: str, family: str) -> None:
    found = families(check(text))
    assert family in found
    assert not {"hi-mum", "new-number-money"} <= found  # one of the two, never both


def test_a_child_asking_a_parent_for_money_without_a_new_phone_is_neither() -> None:
    found = families(check("Can you send me £20 for the bus, mum!"))
    assert not found & {"hi-mum", "new-number-money"}


# --- 2. A threat hung on a condition is the message's own -------------------------------------
# arrest-legal is cancelled by advice words just before it ("never", "if you", "not"), so that
# "if anyone threatens arrest, hang up" is advice. That also cancelled "If you do not pay today,
# we will take legal action", the threat itself. A condition is now let through when the writer's
# own threat follows it ("..., we will", "..., legal action"); a consequence in the third person
# ("If you don't file, your company may be prosecuted", a real Companies House email) stays as
# it was.


@pytest.mark.parametrize(
    "text",
    [
        "If you do not pay today, we will take legal action.",
        "If you do not cancel your registration today, we will proceed to a background "
        "investigation and legal action.",
        "If you ignore this notice, we will send bailiffs to your address.",
        "Please don't ignore this, legal action will follow.",
    ],
)
def test_a_threat_after_a_condition_is_a_threat(text: str) -> None:
    result = check_rules(text)
    assert "arrest-legal" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "If you get a call saying you will be arrested, hang up.",
        "Do not be fooled by texts threatening arrest.",
        "We will never threaten you with arrest or legal action.",
        "It is a criminal offence not to file your statement within 14 days of the end of the "
        "review period. If you don’t file, your company and its officers may be prosecuted.",
        "If anyone asks you to pay to avoid legal action, it is a scam.",
    ],
)
def test_advice_and_a_third_person_consequence_are_no_threat(text: str) -> None:
    assert "arrest-legal" not in sources(check_rules(text))


# --- 3. Legal measures "moved to" in Japanese, and in Korean --------------------------------------
# legal-trouble-other-languages read Japanese "法的措置を取ります" (we will take legal measures)
# but not fresh-66's "法的措置へ移行となります" (we move to legal measures), the form unpaid-fee
# texts use; Korean had a summons but not "we will take legal measures".

LEGAL = "legal-trouble-other-languages"


@pytest.mark.parametrize(
    "text",
    [
        "本日中にご連絡がない場合、法的措置へ移行となります。",
        "未払いの場合は法的措置に移行します。",
        "期日までにお支払いがない場合、法的措置を講じます。",
        "미납 시 법적 조치를 취하겠습니다.",
        "오늘까지 연락이 없으면 법적 절차에 들어갑니다.",
    ],
)
def test_legal_measures_moved_to_are_legal_trouble(text: str) -> None:
    assert cue_fires(LEGAL, prepare_text(text))
    assert "legal-accusation" in families(check_rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "法的措置についての相談窓口はこちらです。",
        "법적 조치에 관한 안내는 홈페이지를 참고하세요.",
        "裁判の手続きについて詳しくは裁判所のサイトをご覧ください。",
    ],
)
def test_talk_of_legal_measures_is_no_legal_trouble(text: str) -> None:
    assert not cue_fires(LEGAL, prepare_text(text))


def test_the_japanese_unpaid_video_text_in_development_is_read() -> None:
    # fresh-66's (development since the fifty-eighth round): it read nothing before.
    read_dev_warned("rm-65d73d70fca1", "family:legal-accusation")


# --- 4. Money given out to all of a company's users ---------------------------------------------
# The windfall rule read "is giving away £100 gift cards" but not a company "giving out $950 to
# all users of our service" (fresh-66, none); no other language had it either.


@pytest.mark.parametrize(
    "text",
    [
        "Our company is giving out $500 to all users of our network, reply YES to claim.",
        "BIG NEWS: the bank is paying £250 to all customers this week only.",
        "La empresa está regalando $300 a todos los usuarios, responde SI.",
        "A operadora está dando R$ 400 para todos os clientes, responda SIM.",
        "L'opérateur offre 300 € à tous les clients, répondez OUI.",
        "Die Telekom verschenkt 500 € an alle Kunden, antworte JA.",
        "L'azienda regala 300 euro a tutti i clienti, rispondi SI.",
        "Kami memberikan saldo 500.000 kepada semua pelanggan, balas YA.",
    ],
)
def test_money_for_all_users_is_a_windfall(text: str) -> None:
    result = check_rules(text)
    assert "windfall" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "The government is paying £150 to all households in council tax bands A to D.",
        "We are giving £10 off to all members this weekend.",
        "Prices are going up by £2 for all customers from April.",
        "We are sending a letter to all customers about the new terms.",
    ],
)
def test_ordinary_notices_to_all_customers_are_no_windfall(text: str) -> None:
    assert "windfall" not in sources(check_rules(text))


def test_the_refund_to_all_users_text_in_development_is_read() -> None:
    read_dev_warned("rm-2f36227351d0", "windfall")


# --- 5. An Indonesian parent asking for phone credit on a new number ----------------------------
# English read "Mum here, top up £20 on my new number, I'll pay you back" as "strong"; the
# Indonesian "mama minta pulsa" text read nothing: "beliin pulsa" had to be two words together
# ("beliin dulu mama pulsa" has two between), and "nanti mama ganti uangnya" (I'll pay it back)
# was no repayment promise.


@pytest.mark.parametrize(
    "text",
    [
        "Beliin dulu mama pulsa 20.000 di nomor barunya mama ini. Nanti mama ganti uangnya.",
        "Ini nomor baru papa. Tolong belikan papa pulsa 50rb dulu ya, nanti papa ganti uangnya.",
        "nomor baruku ya, kirimin dulu aku pulsa 25rb. nanti aku balikin duitnya",
    ],
)
def test_phone_credit_asked_from_a_new_number_is_new_number_money(text: str) -> None:
    result = check_rules(text)
    assert "new-number-money" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Nak, beliin dulu mama pulsa 20rb ya, nanti mama ganti uangnya.",  # no new number
        "Ini nomor baru kantor kami. Nanti saya ganti jadwalnya besok.",
        "Beliin dulu roti di warung ya.",
    ],
)
def test_credit_without_a_new_number_or_a_schedule_change_is_not(text: str) -> None:
    assert "new-number-money" not in families(check_rules(text))


def test_english_parity_the_english_credit_text_was_already_strong() -> None:
    result = check(
        "Mum here, please top up 20 pounds credit on my new number 07700900123, I have a "
        "problem, I will pay you back. Hurry, it's important!"
    )
    assert result.verdict is Verdict.SCAM


def test_the_indonesian_credit_text_in_development_is_strong() -> None:
    read_dev_strong("rm-b4ad7d087ce0", "family:new-number-money")


# --- 6. Unasked-for "hot girls" -------------------------------------------------------------
# fresh-66's "How about to meet a hot girl? ..." email read nothing: dating spam had a cue only
# beside a personal address (dating-contact). An offer to meet "a hot girl" or "lonely
# housewives near you" is now a sign by itself, in English, French, Spanish and German.


@pytest.mark.parametrize(
    "text",
    [
        "How about to meet a hot girl tonight? ;)",
        "Lonely housewives in your area want to chat with you",
        "Horny singles near you are waiting",
        "Viens rencontrer des femmes chaudes près de chez toi",
        "Quieres conocer chicas calientes? Entra ya",
        "Hier kannst du heiße Frauen kennenlernen",
    ],
)
def test_an_offer_to_meet_hot_girls_is_dating_spam(text: str) -> None:
    result = check_rules(text)
    assert "adult-dating-lure" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "We met a lovely woman from the council at the fete.",
        "Meet the local team at our open day on Saturday.",
        "I'm ready for you now, come to room 3 for your scan.",
        "I am waiting for you now at the station.",
        "Beware of emails offering to meet hot singles: they lead to paid sites.",
    ],
)
def test_ordinary_meetings_and_warnings_are_no_dating_spam(text: str) -> None:
    assert "adult-dating-lure" not in sources(check_rules(text))


def test_the_dating_spam_email_in_development_is_read() -> None:
    read_dev_warned("rm-7835305c47d8", "adult-dating-lure")
