"""What the thirty-second round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what a
parent, an artist, a finance team or a domain owner really receives. All are written (a
regression set, never a figure); the development messages named by id are real.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, analyse
from sochelp.message.links import refang
from sochelp.message.model import Channel
from tests.message.helpers import (
    bundled,
    check,
    cue_fires,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. Fake clients: lessons for a child, a nanny who drives, an art lover's surprise ----------


@pytest.mark.parametrize(
    "text",
    [
        "Hello, I want private piano lessons for my daughter. Please I want to know your policy "
        "with regard to the fees, cancellations and make-up lessons.",
        "Can you teach Algebra? I need your service for Tom my son. He is living with our nanny "
        "who will be driving him to you at any agreed public location.",
    ],
)
def test_a_fake_parents_lesson_enquiry_is_read(text: str) -> None:
    result = check(text)
    assert "family:fake-client-enquiry" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Hi, we're looking for a maths tutor for my son, Year 9, Tuesday evenings. We live in "
        "Headingley; could you come to us? Call me on 0113 496 0123.",
        "Do you still have space on Saturday mornings? I'd like swimming lessons for my daughter "
        "and her friend.",
    ],
)
def test_a_real_parents_enquiry_is_no_fake_client(text: str) -> None:
    result = check(text)
    assert "family:fake-client-enquiry" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_the_fake_client_dev_messages_are_read() -> None:
    read_dev_warned("rm-619fcdb0a912", "family:fake-client-enquiry")
    read_dev_warned("rm-303dfcded490", "family:fake-client-enquiry")


def test_an_art_lovers_surprise_purchase_is_read() -> None:
    result = check(
        "Good day, my husband has been looking at your gallery on his phone and loves your "
        "painting. I am very much interested in the purchase of the piece to surprise my "
        "husband for our anniversary. Kindly confirm the availability."
    )
    assert "family:art-buyer-surprise" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND
    read_dev_warned("rm-68173f5bfbfe", "family:art-buyer-surprise")


@pytest.mark.parametrize(
    "text",
    [
        "Loved your seascape at the Ludlow open studios. Is it still for sale? I could collect "
        "it on Saturday and pay by bank transfer.",
        "I am interested in buying one of your prints for my office; do you frame them?",
    ],
)
def test_an_ordinary_art_enquiry_is_no_art_buyer_scam(text: str) -> None:
    assert "family:art-buyer-surprise" not in sources(check(text))


# --- 2. The boss's same-day wire transfer --------------------------------------------------------


def test_a_boss_asking_what_details_to_send_for_a_same_day_transfer_is_strong() -> None:
    result = check(
        "I need to sort out a payment today. What details do I need to send to you to arrange "
        "a same day wire transfer for amount £18,240.00? Sent from my iPhone"
    )
    assert {"ceo-request", "family:boss-payment"} <= sources(result)
    assert result.verdict is Verdict.SCAM
    read_dev_strong("rm-14c051e9213f", "ceo-request", "family:boss-payment")


def test_a_suppliers_question_about_payment_details_is_no_boss_request() -> None:
    result = check(
        "Thanks for the quote. What details do you need from us to set up the account? Our "
        "accounts team pays invoices on 30-day terms."
    )
    assert "ceo-request" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- 3. A testimonial for a hacker who "helped me hack my wife" ----------------------------------


def test_a_spy_hacker_testimonial_is_read() -> None:
    assert cue_fires("spy-on-partner", "this hacker helped me hack my cheating husband")
    result = check(
        "The only person who helped me hack my husband and read his chats is spyguru77 @ mail . "
        "ru he is a genius"
    )
    assert "family:spy-hacker" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND
    read_dev_warned("rm-f217241943bd", "family:spy-hacker")


@pytest.mark.parametrize(
    "text",
    [
        "My brother helped me track my husband's phone when he went missing on the hills; "
        "mountain rescue found him.",
        "Refuge helped me spot the stalkerware my ex had put on my phone.",
    ],
)
def test_help_with_a_partners_phone_is_no_spy_hacker(text: str) -> None:
    assert "family:spy-hacker" not in sources(check(text))


# --- 4. The "domain expiration notice" that sells search-engine submission -----------------------


def test_a_domain_seo_notice_is_read() -> None:
    result = check(
        "Domain Notice: this expiration notification is about your domain registration for "
        "example.co.uk search engine optimization submission. Failure to complete by the "
        "expiration date may result in the cancellation of this notice."
    )
    assert "domain-seo-notice" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND
    read_dev_strong("rm-f66ac08a9c7d", "domain-seo-notice")


@pytest.mark.parametrize(
    "text",
    [
        "Expiration notice: your domain example.co.uk expires on 3 March 2026. Renew it in your "
        "123 Reg account to keep your website and email working.",
        "Search engine optimisation tips for small businesses: claim your free Google profile.",
        "Beware of fake 'domain expiration notices' that sell search engine submission: your "
        "registrar never sends them.",
    ],
)
def test_a_registrars_notice_is_no_seo_scam(text: str) -> None:
    assert "domain-seo-notice" not in sources(check(text))


# --- 5. Dŵr Cymru Welsh Water's own domains ---------------------------------------------------


def test_a_water_companys_arrears_text_on_its_own_site_is_no_scam() -> None:
    result = check(
        "Dwr Cymru Welsh Water: Your account ending 0921 is £96.40 behind. Please pay now at "
        "dwrcymru.com or in the app. If you're finding it hard to pay, visit dwrcymru.com/help",
        Channel.SMS,
    )
    assert result.verdict is Verdict.NONE_FOUND


def test_a_water_refund_on_a_look_alike_site_is_strong() -> None:
    result = check(
        "Welsh Water: You are owed a refund of £84.20 for overpayment on your water bill. Claim "
        "it at https://dwrcymru-refunds.com/claim before 5pm today.",
        Channel.SMS,
    )
    assert "combination" in sources(result)
    assert result.verdict is Verdict.SCAM


# --- 6. A wallet address given in the first person -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I lost my savings to a fake investment platform and my family is suffering. I hope "
        "everybody can help, send me 0.001 Bitcoin, address: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "Please support my project! My ETH wallet address: "
        "0x52908400098527886e0f7030069857d2e4169ee7",
    ],
)
def test_a_first_person_crypto_wallet_request_is_read_even_beside_talk_of_scams(
    text: str,
) -> None:
    result = check(text)
    assert "crypto-wallet-request" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Scammers may ask you to send Bitcoin to a wallet address such as "
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT: never do.",
        "To get your refund, send us your wallet address and we will pay it back.",
        "My address is 12 Station Road, Leeds LS1 4DY.",
    ],
)
def test_a_warning_or_a_postal_address_is_no_wallet_request(text: str) -> None:
    assert "crypto-wallet-request" not in sources(check(text))


def test_the_crypto_begging_dev_message_is_read() -> None:
    read_dev_warned("rm-c94107044cfa", "crypto-wallet-request")


# --- 7. Anti-phishing as a pretext, payroll "verification", a job pitch, the SRA --------------


def test_fighting_phishing_as_the_pretext_for_a_code_request_is_no_warning() -> None:
    result = check(
        "Kindly fill and submit the form to book an appointment for this exercise and fight "
        "against phishing. We will contact you by SMS: send us the code that will be sent to "
        "your phone so we can confirm your account is intact."
    )
    assert "share-code" in sources(result)
    assert result.verdict is Verdict.SCAM
    read_dev_strong("rm-f84d79b6831f", "share-code")


def test_a_campaign_against_phishing_is_still_a_warning() -> None:
    result = check(
        "Join the fight against phishing: if a text asks you to send us the code we sent to "
        "your phone, it is a scam. Forward it to 7726."
    )
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Subject: September Payroll-Verification !\nAll Staff/Employees\nThe Finance Unit "
        "advises that payroll will be early this month. All staff verification should be done: "
        "Visit: hr-payroll-portal [link removed] and follow on-screen directive.",
        "Please verify your payroll details before Friday to receive this month's salary: "
        "https://staff-payroll-update.com/login",
    ],
)
def test_a_payroll_verification_lure_is_read(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "family:payroll-phish" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your August payslip is ready. Log in to the HR system as usual to see it.",
        "Payroll will run early this month because of the bank holiday: salaries will be paid "
        "on Thursday 22nd.",
    ],
)
def test_an_ordinary_payroll_notice_is_no_payroll_lure(text: str) -> None:
    assert "family:payroll-phish" not in sources(check(text, Channel.EMAIL))


def test_the_payroll_dev_message_is_read() -> None:
    read_dev_strong("rm-746a321e20b7", "family:payroll-phish")


def test_a_new_venture_hiring_supporters_for_easy_pay_is_a_job_offer() -> None:
    assert cue_fires("job-offer", "I am starting a new venture and looking to hire some supporters")
    # "Strong" until the fifty-fourth round: the wording sign's retrain (with fresh-62) left
    # this text under the sign's weak threshold, so the family's own "some" is what stays.
    read_dev_warned("rm-5b6bb848f9fc", "family:job-offer")


def test_an_email_from_an_sra_look_alike_is_strong() -> None:
    result = check(
        "From: Solicitors Regulation Authority (SRA) [mailto:notices@sra.org]\nSent: 3 March "
        "2025 10:11\nSubject: Possible investigation of your practice\n\nWe have received a "
        "complaint regarding your firm. Download the attached report and call the following "
        "number: 0203 000 1234."
    )
    assert "sender:other-ending" in sources(result)
    assert result.verdict is Verdict.SCAM
    assert all("]" not in flag.evidence for flag in result.flags if flag.source == "combination")
    read_dev_strong("rm-f107691bd845", "sender:other-ending")


def test_a_solicitors_text_from_a_mobile_naming_its_regulator_is_no_sra_impersonation() -> None:
    """The regulator in a footer is no party to the message at all, so no sign that reads the
    organisations a message names treats it as the sender (here, the mobile-number sign)."""
    result = analyse(
        "Hi Mrs Patel, your completion funds have arrived; keys are at the agents from 2pm. "
        "Sarah, Brampton & Lowe Solicitors. Authorised and regulated by the Solicitors "
        "Regulation Authority",
        bundled(),
        sender="07700 900123",
    )
    assert "sender:mobile" not in sources(result)
    assert result.organisations == ()
    assert result.verdict is Verdict.NONE_FOUND


def test_a_solicitors_footer_naming_the_sra_is_no_claim_to_be_the_sra() -> None:
    result = check(
        "Dear Mr and Mrs Baines,\n\nWe exchanged contracts on your purchase this afternoon. "
        "Before completion please phone me on the office number to confirm our bank details "
        "verbally.\n\nKind regards,\n\nSarah Whitmore\nTel: 0116 496 0447\nAuthorised and "
        "regulated by the Solicitors Regulation Authority",
        Channel.EMAIL,
    )
    assert "combination" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- 8. From fresh-40 as development data: a scheme broken by a bracketed insertion -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("report online at ht{brake!}tps://rb.gy/epuu2p", "https://rb.gy/epuu2p"),
        ("visit htt[x]ps://pay-toll.example/ now", "https://pay-toll.example/"),
        ("h(dot)ttp://x.example", "h.ttp://x.example"),
    ],
)
def test_a_scheme_broken_by_a_bracketed_insertion_is_mended(text: str, expected: str) -> None:
    assert expected in refang(text)


@pytest.mark.parametrize(
    "text",
    ["hat{x}tps://nothing", "the (note) tps: /", "math[1]ps: /", "h{" * 50_000 + "tps://x"],
)
def test_other_brackets_stay_as_written(text: str) -> None:
    assert refang(text) == text


def test_a_bank_alert_with_a_broken_scheme_is_strong() -> None:
    result = check(
        "Chase: Your external transfer for $310 to account XXXXXXX1234 has been accepted. If you "
        "dont recognize this transaction please report online at ht{brake!}tps://rb.gy/abcd12",
        Channel.SMS,
    )
    assert "link:shortener" in sources(result)
    assert result.verdict is Verdict.SCAM
    read_dev_strong("rm-a1bffc92165c", "link:shortener")
