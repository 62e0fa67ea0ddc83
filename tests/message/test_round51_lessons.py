"""What the fifty-first round taught, with counter-examples.

Section 1 was drawn from a development post (``fresh-50``) before ``fresh-59`` was read;
sections 2 to 8 from ``fresh-59``, read at the end of the round's first lessons and moved to
development in it. The ordinary messages are written here (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import _PHONE, Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, cue_fires, read_dev_message, sources

# --- 1. pay quoted as a range, or with "get paid" -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "earn $50 to $500 a day",
        "I get paid more than $200 to $400 per hour for working online",
        "You can earn between £100 and £300 per day",
        "make from $80 to $300 daily",
    ],
)
def test_pay_quoted_as_a_range_is_too_good(text: str) -> None:
    assert "guaranteed-returns" in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Pay: £12.50 per hour, about £475 weekly for 38 hours.",
        "Earn £1,200 weekly as a self-employed delivery driver.",
        "I made £20 an hour last summer at the café.",
    ],
)
def test_ordinary_pay_is_not(text: str) -> None:
    assert "guaranteed-returns" not in sources(check(text))


def test_the_development_post_that_taught_it_warns() -> None:
    assert read_dev_message("rm-8b03d5e44edd").verdict is not Verdict.NONE_FOUND


# --- 2. a Japanese "unauthorised access was detected" -------------------------------------------


def test_unauthorised_access_detected_is_a_lure_in_japanese() -> None:
    assert cue_fires("lure-more-languages", "第三者からの不正なアクセスを検知しました")
    assert cue_fires("lure-more-languages", "不正ログインが確認されました")
    assert not cue_fires("lure-more-languages", "不正アクセスにご注意ください")
    # ("strong" since the fifty-second round: its lure and request make two kinds)
    assert read_dev_message("rm-6f193f4e6b64").verdict is Verdict.SCAM


# --- 3. the shock call ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mum, Mum, I've hit someone with the car! I'm at the police station, an officer wants "
        "to speak to you!",
        "Grandma, it's me. I've been arrested and I need money for bail.",
        "This is Sergeant Miller. Your grandson has been in a car accident and is in custody.",
    ],
)
def test_a_relative_in_trouble_is_the_shock_call(text: str) -> None:
    assert "family:relative-in-trouble-call" in sources(check(text, channel=Channel.CALL))
    # Written down, the same words may be a family's own news.
    assert "family:relative-in-trouble-call" not in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Mum, I'll be late tonight, the bus broke down.",
        "Dad, did you see the accident on the news? The road is closed.",
        "Dad, the police came to school today to talk about road safety.",
    ],
)
def test_an_ordinary_call_from_family_is_not(text: str) -> None:
    assert "family:relative-in-trouble-call" not in sources(check(text, channel=Channel.CALL))


def test_the_german_shock_call_of_fresh_59_warns() -> None:
    result = read_dev_message("rm-19e4d961ae9e")
    assert "family:relative-in-trouble-call" in sources(result)


# --- 4. a number written apart with doubled signs -------------------------------------------------


@pytest.mark.parametrize(
    "text, number",
    [
        ("telefone latam brasil +55--11--5283--5788 , conectando", "+55--11--5283--5788"),
        ("call +1--888--555--0199 now", "+1--888--555--0199"),
        ("ring 0800  123  4567", "0800  123  4567"),
    ],
)
def test_a_number_written_apart_with_doubled_signs_is_a_phone_number(
    text: str, number: str
) -> None:
    assert [m.group(0) for m in _PHONE.finditer(text)] == [number]


def test_a_helpline_advert_with_doubled_dashes_is_read_as_one() -> None:
    text = (
        "+1--888--555--0199 LATAM Airlines customer service phone number. LATAM Airlines "
        "support is available for reservations and changes."
    )
    assert "family:number-first-helpline" in sources(check(text))


def test_dates_and_amounts_with_doubled_signs_are_not_phone_numbers() -> None:
    assert not list(_PHONE.finditer("from 2026--12--07 to 2026--12--09, total 1--2 hours"))


# --- 5. "your ATM has been deactivated" --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "your ATM have been De-activated",
        "Your ATM card has been deactivated",
        "your ATM is blocked",
    ],
)
def test_your_atm_deactivated_is_an_account_threat(text: str) -> None:
    assert "account-suspended" in sources(check(text))


def test_an_atm_out_of_order_is_not() -> None:
    assert "account-suspended" not in sources(check("The ATM outside the station is closed."))
    assert read_dev_message("rm-011055f832b2").verdict is Verdict.SCAM


# --- 6. a complaint filed in your name (Czech, Slovak); "you committed a violation" (Indonesian)


@pytest.mark.parametrize(
    "text",
    [
        "Na vaše jméno bylo podáno trestní oznámení.",
        "Na vás bolo podané trestné oznámenie.",
    ],
)
def test_a_criminal_complaint_filed_in_your_name_is_legal_trouble(text: str) -> None:
    assert "family:legal-accusation" in sources(check(text))


def test_a_complaint_in_the_news_is_not() -> None:
    text = "Policie přijala trestní oznámení na neznámého pachatele."
    assert "family:legal-accusation" not in sources(check(text))
    assert read_dev_message("rm-afd7211fdeb7").verdict is Verdict.SUSPICIOUS


def test_you_committed_a_violation_open_the_app_is_a_lure_and_a_request() -> None:
    text = "Bapak/ibu melakukan pelanggaran, silakan buka aplikasi untuk melihat surat tilangnya"
    assert "family:text-lure-request" in sources(check(text))
    news = "Polisi menindak 300 pengendara yang melakukan pelanggaran lalu lintas pekan ini."
    assert check(news).verdict is Verdict.NONE_FOUND
    assert read_dev_message("rm-5074c5023fa2").verdict is Verdict.SCAM


# --- 7. a Chinese recovery advert; a site glued to a colon after Chinese words ----------------


@pytest.mark.parametrize(
    "text",
    ["【幫追回：ax67.com】←先追回後收費", "被骗的钱可以帮你追回，联系 +852 5123 4567"],
)
def test_a_chinese_offer_to_recover_money_lost_to_scammers_is_a_recovery_scam(text: str) -> None:
    assert "family:recovery-offer" in sources(check(text))


def test_a_site_glued_to_a_colon_is_read_as_a_link() -> None:
    from sochelp.message.links import extract
    from tests.message.helpers import bundled

    suffixes = bundled().suffixes
    assert [c.host for c in extract("幫追回:ax67.com】", suffixes)] == ["ax67.com"]
    assert [c.host for c in extract("官网:www.example.cn", suffixes)] == ["www.example.cn"]
    # A port or time after a colon is no link.
    assert extract("at 10:30.", suffixes) == []


# --- 8. a payment or refund to you that "could not be completed" (Italian, Spanish, French,
# Portuguese), and a long email that asks you to visit its site


@pytest.mark.parametrize(
    "text",
    [
        "Gentile cliente, il pagamento tramite bonifico non è andato a buon fine. "
        "La invitiamo a visitare il nostro sito.",
        "Estimado cliente, no hemos podido procesar su reembolso. Acceda a su cuenta.",
        "Cher client, votre remboursement n'a pas pu être effectué. Cliquez ici.",
        "Caro cliente, não foi possível efetuar o reembolso. Clique aqui.",
    ],
)
def test_a_payment_to_you_that_failed_is_a_lure(text: str) -> None:
    assert check(text).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    ["Il pagamento è andato a buon fine. Grazie.", "Su reembolso se ha procesado correctamente."],
)
def test_a_payment_that_went_through_is_not(text: str) -> None:
    assert check(text).verdict is Verdict.NONE_FOUND


def test_a_long_email_that_names_a_failed_refund_and_asks_to_visit_its_site_warns() -> None:
    result = read_dev_message("rm-f8574bacc405")
    assert "family:email-lure-request-other-languages" in sources(result)
    assert result.verdict is Verdict.SCAM
