"""What the fifty-ninth round taught, with counter-examples.

Section 1 was written before ``fresh-67`` was read and reads every message the same; the others
after it was read once and moved to development, from its misses and the English rules they
showed to be missing or thinner in other languages. None was drawn from a message of the sealed
``fresh-68``. The messages written here are a regression set, never a figure.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sochelp.message.analyse import Verdict, prepare_text
from sochelp.message.model import Channel
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

# --- 1. The advice words written once ------------------------------------------------------------
# advice-or-report and advice-before-threat repeated most of the same words; a word added to one
# had to be added to the other by hand. Both now name advice-common-words.


def _raw_cues() -> dict[str, dict[str, object]]:
    raw = tomllib.loads((CONTENT / "message_cues" / "phrases.toml").read_text("utf-8"))
    return {cue["id"]: cue for cue in raw["cue"]}


def test_both_advice_cues_name_the_common_words() -> None:
    raw = _raw_cues()
    for cue_id in ("advice-or-report", "advice-before-threat"):
        assert "{{advice-common-words}}" in str(raw[cue_id]["pattern"]), cue_id
    assert "nobody" in str(raw["advice-common-words"]["pattern"])
    assert "nobody" not in str(raw["advice-or-report"]["pattern"])


@pytest.mark.parametrize(
    "text",
    [
        "Nobody from the council will threaten you with arrest.",
        "If anyone threatens you with arrest over a tax bill, hang up.",
        "Beware of callers threatening arrest unless you pay.",
        "Scammers saying you will be arrested want you to panic.",
    ],
)
def test_the_common_words_still_cancel_a_threat(text: str) -> None:
    # (arrest-legal reads advice-before-threat, so these reach it through advice-common-words)
    assert "arrest-legal" not in sources(check_rules(text))


def test_a_condition_with_the_writers_own_threat_still_is_one() -> None:
    assert "arrest-legal" in sources(
        check_rules("If you do not pay today, we will take legal action.")
    )


@pytest.mark.parametrize("advice", ["Beware of callers saying", "Nobody from Google will say", ""])
def test_the_common_words_still_make_a_listing_threat_advice(advice: str) -> None:
    # (business-listing-threat reads advice-or-report)
    text = f"{advice} your business listing on Google will be removed unless you verify it.".strip()
    found = "business-listing-threat" in sources(check_rules(text))
    assert found is (advice == "")


# --- 2. A Portuguese order stopped by customs ---------------------------------------------------
# "Your order was held by customs. For more information, visit" reads "strong" in English, and
# Spanish "retenido por la aduana" was read; Portuguese "barrado pela fiscalização alfandegária"
# (stopped by customs inspection, fresh-67) was not: "barrado" is now among the Portuguese words
# for a parcel held (the inspection itself is not: customs news names it beside "mercadoria").


@pytest.mark.parametrize(
    "text",
    [
        "Informamos que seu pedido foi barrado pela fiscalização alfandegária. Para mais "
        "informações, acesse",
        "Sua encomenda foi barrada. Para liberar, acesse",
        "Seu pacote foi barrado na alfândega. Para liberar, acesse",
        "Your order was held by customs inspection. For more information, visit",
        "Su pedido ha sido retenido por la aduana. Para más información, acceda",
    ],
)
def test_an_order_stopped_by_customs_is_a_lure_in_each_language(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "O jogador foi barrado pela fiscalização do estádio.",
        "Seu pedido foi enviado e chega amanhã. Para mais informações, acesse o app dos Correios.",
        "A fiscalização aduaneira apreendeu 2 toneladas de mercadoria no porto, diz a Receita.",
    ],
)
def test_stopped_players_sent_orders_and_customs_news_are_no_lure(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_the_portuguese_customs_text_in_development_is_read() -> None:
    # fresh-67's (development since the fifty-ninth round): it read nothing before.
    read_dev_strong("rm-d336d012b2d8", "family:lure-alone-other-languages")


# --- 3. Japanese account transactions "restricted" --------------------------------------------
# English "HSBC: Transactions on your account have been temporarily restricted" reads "strong";
# Japanese 口座 beside 制限 (limited) or 凍結 (frozen) was read, but not 取引を一時的に規制
# (transactions temporarily restricted, fresh-67). Only the forms a notice to a customer uses
# were added: 規制 alone is "regulation" (規制料金, a utility's regulated tariff).


@pytest.mark.parametrize(
    "text",
    [
        "【広島銀行】お客様の口座の取引を一時的に規制しています",
        "【〇〇銀行】口座のお取引が規制されています。",
        "お客様の口座は取引規制の対象となりました。",
        "HSBC: Transactions on your account have been temporarily restricted.",
    ],
)
def test_restricted_account_transactions_are_a_lure(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "政府は銀行口座の開設に関する規制を緩和しました。",
        "口座振替のご案内：規制料金の改定について",
    ],
)
def test_regulation_near_an_account_is_no_lure(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_the_japanese_restricted_account_text_in_development_is_read() -> None:
    read_dev_warned("rm-d57e47d26754", "family:lure-alone-other-languages")


# --- 4. Fake money for sale, said plainly --------------------------------------------------------
# counterfeit-money-sale read "undetectable counterfeit money" and the black-money chemicals, not
# a post that simply says "Buy high quality fake euro banknotes" or "fake banknotes available
# online" (fresh-67, none). The "buy" form does not count after "to", so news of someone "jailed
# for trying to buy fake banknotes" is not an offer.

COUNTERFEIT = "counterfeit-money-sale"


@pytest.mark.parametrize(
    "text",
    [
        "Buy high quality fake euro banknotes online. Telegram: @example",
        "FAKE BANKNOTES AVAILABLE ONLINE, discreet delivery",
        "We ship worldwide. Buy counterfeit dollars, contact us on WhatsApp.",
        "Order undetectable fake money today.",
    ],
)
def test_fake_money_offered_for_sale_is_read(text: str) -> None:
    assert COUNTERFEIT in sources(check_rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "Man jailed for trying to buy fake banknotes on the dark web.",
        "Police warn shops about fake banknotes in circulation this Christmas.",
        "Never buy fake money online: it is a crime, and the sellers are scammers.",
        "How to check your £20 note: counterfeit notes have no hologram.",
        "Prop money for film sets: buy prop notes clearly marked as copies.",
    ],
)
def test_news_and_advice_about_fake_money_are_no_offer(text: str) -> None:
    assert COUNTERFEIT not in sources(check_rules(text))


def test_the_fake_money_post_in_development_is_read() -> None:
    read_dev_warned("rm-173732c7cc8b", COUNTERFEIT)


# --- 5. A helpline number with every group in brackets -------------------------------------------
# disguised-helpline read a number in braces, in square brackets or with doubled hyphens, beside
# an offer of support. Fake-helpline posts also write "1—(833)—(869)—(0995)": no organisation
# brackets every group of its own number. And some offer no "support" in words, only help with a
# hacked account (hacked-account-help).


@pytest.mark.parametrize(
    "number", ["1—(833)—(869)—(0995)", "1-(833)-(869)-(0995)", "+1 – (888) – (555) – (0100)"]
)
def test_every_group_in_brackets_is_a_disguised_number(number: str) -> None:
    assert cue_fires("disguised-number", prepare_text(number))


@pytest.mark.parametrize(
    "text",
    [
        "(800) 555-0100",
        "+44 (0)20 7946 0991",
        "Rooms (101)-(103) are upstairs.",
        "1 (833) 869 0995",
    ],
)
def test_ordinary_numbers_and_room_ranges_are_not_disguised(text: str) -> None:
    assert not cue_fires("disguised-number", prepare_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "1—(833)—(869)—(0995) There are several things you can do if your Facebook account has "
        "been hacked.",
        "Recover your hacked Instagram account today: 1-(888)-(555)-(0100)",
        "Coinbase customer support 1—(800)—(555)—(0199) available 24/7",
    ],
)
def test_a_bracketed_number_with_help_for_an_account_is_a_fake_helpline(text: str) -> None:
    assert "disguised-helpline" in families(check_rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "If your Facebook account has been hacked, go to facebook.com/hacked to secure it.",
        "Call us on +44 (0)20 7946 0991 if your account has been hacked.",
        "Your account has been updated with your new address.",
    ],
)
def test_help_with_a_hacked_account_and_a_plain_number_is_no_fake_helpline(text: str) -> None:
    assert "disguised-helpline" not in families(check_rules(text))


def test_the_hacked_account_helpline_post_in_development_is_read() -> None:
    read_dev_strong("rm-85000082911e", "family:disguised-helpline")


def test_the_new_cue_is_in_the_bundled_content() -> None:
    assert bundled().cue("hacked-account-help") is not None
