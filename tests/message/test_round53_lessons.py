"""What the fifty-third round taught, with counter-examples.

Sections 1 and 2 were written before ``fresh-61`` was read, from general gaps, not from a
message. The messages written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from tests.message.helpers import check_rules, sources

# --- 1. "never share your PIN" in more languages -------------------------------------------------
# A secret beside a "send / tell" word is a lure in every language, unless a negation stands
# near it: banks write "never tell anyone your password". Thirteen languages had no negation
# words (Catalan, Slovak, Slovenian, Bosnian, Serbian in both scripts, Malay, Swahili, Thai,
# Korean, Bengali, Persian, Urdu), so their banks' own warnings read as the lure they warn of.


@pytest.mark.parametrize(
    "text",
    [
        "ธนาคารจะไม่ขอรหัส PIN ทาง SMS อย่าแจ้งรหัสผ่านให้ผู้อื่น",
        "PIN kód nikdy nikomu nepošlite, banka ho nikdy nevyžaduje. Pošlite ho? Nie.",
        "هرگز رمز کارت خود را برای کسی ارسال نکنید",
        "Usimpe mtu yeyote PIN yako, hata akidai ni wa benki. Tuma taarifa kwa polisi.",
        "절대 비밀번호를 알려주지 마세요",
        "Nikada nikome ne šaljite PIN, ni kada vas pozovu iz banke.",
    ],
)
def test_a_warning_not_to_share_a_secret_is_no_lure(text: str) -> None:
    result = check_rules(text)
    assert "family:lure-alone-other-languages" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "กรุณาแจ้งรหัสผ่านให้เจ้าหน้าที่ทาง SMS",
        "Pošlite PIN kód nášmu pracovníkovi.",
        "رمز کارت خود را برای ما ارسال کنید",
        "Benki: Tuma PIN yako kwa afisa wetu sasa.",
        "비밀번호를 알려주세요",
    ],
)
def test_asking_for_a_secret_in_those_languages_is_still_a_lure(text: str) -> None:
    result = check_rules(text)
    assert "family:lure-alone-other-languages" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


# --- 2. a private lender's low interest rate ------------------------------------------------------
# "We offer loans at a low interest rate of 2%" read nothing: the easy-loan rule wanted a kind
# of loan before "loans" ("personal loans ... interest rate of 2%"). A lender's "we offer / give
# loans ... at 1-3%" is the offer now; a rate quoted as APR, as authorised lenders must, is not.


@pytest.mark.parametrize(
    "text",
    [
        "We offer loans at a low interest rate of 2%. Contact us today.",
        "I give out loans to individuals and companies at 3% interest rate",
        "We provide loans to anyone in need at just 1.5% interest",
        "we grant all loans at an interest rate of 2% per annum, email us",
    ],
)
def test_a_private_lenders_low_rate_is_an_easy_loan(text: str) -> None:
    assert "easy-loan" in sources(check_rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "We offer loans at 2.9% APR representative.",
        "We offer car loans from 3% APR to members.",
        "We offer personal loans at 3% APR. Apply in branch.",
        "We offer loans at fixed rates: see our website for today's rates.",
        "The interest rate is 2% on your savings account.",
        "We offer savings accounts at 3% interest.",
    ],
)
def test_an_apr_or_no_rate_is_no_easy_loan(text: str) -> None:
    assert "easy-loan" not in sources(check_rules(text))


def test_the_other_language_loan_offers_still_read() -> None:
    for text in (
        "Info pinjaman dana online. Proses mudah/cepat.",
        "Offre de prêt entre particuliers",
    ):
        assert "easy-loan" in sources(check_rules(text))
