"""What the sixtieth round taught, with counter-examples.

Section 1 was written before ``fresh-68`` was read, from development misses (``fresh-67``'s
"pastor needs a favour" text, moved last round, and an older one); the others after ``fresh-68``
was read once and moved to development. None was drawn from a message of the sealed
``fresh-69``. The messages written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, prepare_text
from sochelp.message.model import Channel
from tests.message.helpers import (
    bundled,
    check,
    check_rules,
    cue_fires,
    families,
    read_dev_message,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. A favour asked plainly ----------------------------------------------------------------
# friend-favour (an opener or a faith leader's sign-off, then a favour) read "I need a favor from
# you" and "I have a favor to ask", not a bare "I need a favor, I am meeting with ..." signed
# "Pastor John Sempa" (fresh-67, none), nor "I'm a bit embarrassed but could I ask you for a big
# favour?" (fresh-33, none). The favour alone is not enough: a friend asks favours every day, so
# the family still needs the opener or the sign-off.

FAVOUR = "friend-favour"


@pytest.mark.parametrize(
    "text",
    [
        "Hello Anna, I need a favor, I am in a meeting right now, please text me back as soon as "
        "you get this, Pastor Mark Ellis",
        "Hi Sam, I really need a favour, reply when you can. Father Michael",
        "Hi I'm a bit embarrassed but could I ask you for a big favour?",
        "I am so embarrassed to ask, but may I ask a small favor? I can't call right now.",
        "Sorry to bother you, can I ask you a quick favour?",
    ],
)
def test_a_favour_asked_plainly_after_an_opener_or_a_sign_off(text: str) -> None:
    result = check(text)
    assert FAVOUR in families(result), text
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "I need a favour, can you pick the kids up from school today? Love, Mum",
        "Could I ask you a favour? Can you feed the cat while we're away?",
        "Pastor Tom will lead the service on Sunday; I need a favour from the flower team.",
        "I was so embarrassed when I fell over at the party.",
        "Can I ask you a question about the rota?",
        "Sorry to bother you, do you know when the bins go out?",
    ],
)
def test_a_favour_without_a_stranger_s_opener_is_not_the_family(text: str) -> None:
    assert FAVOUR not in families(check(text)), text


@pytest.mark.parametrize(
    ("cue", "text", "fires"),
    [
        ("favour-ask", "I need a favor, I am meeting with some family members", True),
        ("favour-ask", "could I ask you for a big favour?", True),
        ("favour-ask", "May I ask a huge favor", True),
        ("favour-ask", "Can I ask you a question?", False),
        ("favour-ask", "I need a favourite colour for the poster", False),
        ("favour-opener", "Hi I'm a bit embarrassed but could I ask", True),
        ("favour-opener", "I am embarrassed to ask this", True),
        ("favour-opener", "I was so embarrassed when I fell over", False),
    ],
)
def test_the_favour_cues(cue: str, text: str, fires: bool) -> None:
    assert cue_fires(cue, prepare_text(text)) is fires


def test_the_pastor_favour_text_in_development_is_read() -> None:
    read_dev_warned("rm-1f45d62b6e3d", f"family:{FAVOUR}")


# --- 2. A "0…" number in a Chinese, Japanese or Korean message is that country's own ------------
# A Japanese city's genuine health-insurance text gave its call centre's number, 096-326-5900
# (Kumamoto's area code), and read "some warning signs" as a UK premium-rate line (fresh-68).
# As an Indian "09…" mobile beside rupees already was, a "0…" number in a message written in
# Chinese, Japanese or Korean is a domestic one (Japan's 090/070 mobiles, Taiwan's 09 mobiles,
# Korea's 070 internet phones); written with +44 it is still a UK premium line, and an English
# text's 09 number still is one.


@pytest.mark.parametrize(
    "text",
    [
        "【熊本市からのお知らせ】国民健康保険料について、コールセンター(096-326-5900)までご連絡ください。",
        "【お知らせ】ご予約の確認のため、担当者の携帯090-1234-5678までお電話ください。",
        "您好，您的包裹已到达门店，请致电0912-345-678联系店员取件，谢谢。",
        "고객님, 상담 예약이 확인되었습니다. 문의는 070-1234-5678로 전화 주세요.",
    ],
)
def test_a_zero_number_in_east_asian_text_is_no_premium_line(text: str) -> None:
    result = check(text, Channel.SMS)
    assert not {"premium-number", "family:premium-rate-call"} & sources(result), text


@pytest.mark.parametrize(
    "text",
    [
        "おめでとうございます！賞品が当選しました。今すぐ+44 9012 345678までお電話ください。",
        "Congratulations! You have won a prize. Call 09012345678 now to claim it.",
        "Rs 500 cashback! Call +44 70 1234 5678 to claim.",
    ],
)
def test_a_uk_premium_line_is_still_one(text: str) -> None:
    assert {"premium-number", "family:premium-rate-call"} & sources(check(text, Channel.SMS))


def test_a_few_east_asian_characters_in_english_keep_the_uk_reading() -> None:
    text = "Tokyo 東京 trip prize! You have won. Call 09012345678 now to claim it."
    assert {"premium-number", "family:premium-rate-call"} & sources(check(text, Channel.SMS))


def test_the_kumamoto_text_in_development_reads_no_signs() -> None:
    result = read_dev_message("rm-dd78d32c66af", "genuine")
    assert result.verdict is Verdict.NONE_FOUND, sources(result)


# --- 3. Japan's tax agency by its own names ----------------------------------------------------
# "【国税庁】対応をお願いする事項がございます。内容をご確認ください。" with a link read no signs
# (fresh-68): no Japanese organisation was known, and a name in a script written without spaces
# never had the word boundary the alias patterns needed ("国税庁からの"). Japan's National Tax
# Agency (国税庁, 国税局, 税務署) now is one, on nta.go.jp, and such a name's edge needs no word
# boundary. As "HMRC: ... https://t.co/…" does, a text in its name with a link elsewhere reads
# as impersonation; one linking to nta.go.jp does not.


@pytest.mark.parametrize(
    "text",
    [
        "【国税庁】対応をお願いする事項がございます。内容をご確認ください。 https://t.co/abCd12",
        "国税庁からのお知らせ：未納の税金があります。こちらから納付してください https://nta-pay.example.top/x",
        "税務署からの重要なお知らせです。 https://zeimu-sho.example.com/login",
    ],
)
def test_a_text_in_the_tax_agency_s_name_linking_elsewhere(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is not Verdict.NONE_FOUND
    assert "combination" in sources(result) or families(result), sources(result)


def test_a_text_linking_to_the_tax_agency_s_own_site_is_not_impersonation() -> None:
    text = (
        "国税庁からのお知らせ：確定申告の期限は3月15日です。"
        "詳しくは https://www.nta.go.jp/ をご覧ください。"
    )
    result = check(text, Channel.SMS)
    assert result.verdict is Verdict.NONE_FOUND, sources(result)


def test_the_tax_agency_is_named_inside_running_japanese() -> None:
    from sochelp.message.analyse import _mentions

    text = prepare_text("きのう国税庁からの手紙が届いた")
    assert [org.id for _, org in _mentions(text, bundled())] == ["nta-japan"]
    assert _mentions(prepare_text("The National Tax Agency of Japan"), bundled())


def test_the_tax_agency_text_in_development_is_read() -> None:
    read_dev_warned("rm-69f7367d6375", "combination")


# --- 4. The mover's funds in a buyer's payment -------------------------------------------------
# buyer-own-collection read a buyer whose "mover will pick it up", not the step after it: a
# payment that "includes the mover funds", which the seller is to "Deposit/Withdraw" and pass on
# (fresh-68, two emails, none). A removal firm's "your payment includes the movers' fees" is no
# such request, and advice about the trick is not one either.


@pytest.mark.parametrize(
    "text",
    [
        "I have instructed my bank to mail out the payment including the mover funds.",
        "Once the cheque clears, please withdraw the mover's funds and send them on to him.",
        "Can I trust you with the movers money when the check arrives?",
        "The payment will come with my shipper's money, go ahead and cash the shipper funds.",
    ],
)
def test_a_payment_that_carries_the_mover_s_funds(text: str) -> None:
    assert "buyer-mover-funds" in sources(check(text, Channel.EMAIL)), text


@pytest.mark.parametrize(
    "text",
    [
        "Your payment includes the movers' fees and insurance for the day.",
        "Payment to the removal firm covers the movers on the day.",
        "Never withdraw the mover's funds for a buyer: it is the overpayment scam.",
        "The movers arrive at 8am; payment is due on completion.",
    ],
)
def test_a_removal_firm_s_bill_is_no_mover_funds_request(text: str) -> None:
    assert "buyer-mover-funds" not in sources(check(text, Channel.EMAIL)), text


def test_the_mover_funds_emails_in_development_are_read() -> None:
    read_dev_warned("rm-dfe66a9674a5", "buyer-mover-funds")
    read_dev_warned("rm-8a2ac98856fd", "buyer-mover-funds")


# --- 5. Searching for a hacker to spy on a spouse ----------------------------------------------
# spy-on-partner read "helped me hack my wife" and "hacked my husband's phone with the help of",
# not a testimonial that opens "I have been searching for a mobile spy device and a hacker to hack
# my spouse email" and ends with a Gmail address (fresh-68, none). With the address it is
# spy-hacker; without a spouse, or as a warning, it is not.


@pytest.mark.parametrize(
    "text",
    [
        "I was searching for a hacker to hack my cheating husband's phone and found "
        "spyfixer22@gmail.com, who did it in a day.",
        "I had been looking for a reliable spy app to monitor my wife for months. Contact "
        "trackpro77@gmail.com, he is the best.",
    ],
)
def test_a_hacker_testimonial_about_a_spouse(text: str) -> None:
    assert "spy-hacker" in families(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "I was searching for a hacker to get into my own old email account.",
        "People looking for a hacker to spy on their partner are often scammed themselves.",
        "Looking for a spy novel to read on holiday, something about my favourite husband-and-wife "
        "detectives.",
    ],
)
def test_no_spouse_or_a_warning_is_no_spy_hacker(text: str) -> None:
    assert "spy-hacker" not in families(check(text)), text


def test_the_spouse_hacker_testimonial_in_development_is_read() -> None:
    read_dev_strong("rm-3004881d2c6a", "family:spy-hacker")


# --- 6. Indonesian texts in SMS shorthand ------------------------------------------------------
# The Indonesian concept lists read "Anda mendapatkan hadiah" and "nomor baru", not the shorthand
# real texts use: a prize text "SELAMAT:Anda m'dptkn HADIAH Rp.75jt ..." and a father's
# "new number" text with "Bpk" and the Javanese "nmr anyar" (fresh-68, both none). The full words
# already counted; their shorthand now does too. "dpt" is left out: it is also "dapat" (can).


@pytest.mark.parametrize(
    "text",
    [
        "SELAMAT: Anda mdptkn HADIAH Rp50jt dr undian akhir tahun. U/INFO hub 081234567890",
        "SELAMAT! anda m'dptkn hadiah 1 unit motor dr program ulang tahun. Hub 085712345678",
        "Bpk, ini nmr anyar. Tolong belikan pulsa 50rb dulu, penting",
        "Pak ini nmr baru Bpk, simpan ya. Tolong kirim pulsa 20rb sekarang",
    ],
)
def test_indonesian_shorthand_of_a_prize_or_a_new_number(text: str) -> None:
    result = check(text, Channel.SMS)
    assert result.verdict is not Verdict.NONE_FOUND, sources(result)


@pytest.mark.parametrize(
    "text",
    [
        "Anda dpt menghubungi kami di jam kerja, terima kasih.",
        "Sy dpt hadiah dr kantor, mkn2 yuk nanti malam",
        "Yth Bpk Budi, nmr anyar kantor kami 021-555-1234 mulai Senin.",
    ],
)
def test_ordinary_indonesian_shorthand_is_no_lure(text: str) -> None:
    result = check_rules(text, Channel.SMS)
    assert result.verdict is Verdict.NONE_FOUND, sources(result)


def test_the_shorthand_texts_in_development_are_read() -> None:
    read_dev_warned("rm-6250d00e5f6a", "family:lure-alone-other-languages")
    read_dev_warned("rm-4d37ed58b8b1", "family:lure-alone-other-languages")
