"""What the seventeenth round's reading of ``fresh-18`` taught, each with counter-examples.

The real messages come from ``fresh-18``, held out in the sixteenth round and development data
since the seventeenth; the ordinary ones are written here as counter-examples (a regression set,
never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, cue_fires, families, read_dev_message, sources

# --- 1. the sextortion opener in other words, and its "have you received this" ---------------


def test_the_sextortion_email_asking_why_you_received_it_is_strong() -> None:
    # "You don't know me and you're thinking why have you received this email right? … I
    #  placed malware on the porn website you visited … $500 … in Bitcoin"
    result = read_dev_message("rm-8c4fb9b32ec8")
    assert "sextortion-opener" in sources(result)
    assert "extortion" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_warning_asking_have_you_received_this_is_still_a_warning() -> None:
    text = (
        "Have you received this email? Fraudsters claim to have filmed you and ask for bitcoin. "
        "Do not pay; report it to Action Fraud."
    )
    assert check(text, Channel.EMAIL).verdict is not Verdict.SCAM


# --- 2. prizes won by an email address -----------------------------------------------------------


def test_an_email_address_that_won_a_cash_award_is_strong() -> None:
    # "OFFICIAL WINNING NOTIFICATION … Your email address won a cash award of … (988,240 Euros)"
    result = read_dev_message("rm-7c9ca43c2c61")
    assert "prize-won" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    ["Please confirm your email address to finish signing up.", "The winning team was announced."],
)
def test_ordinary_email_addresses_and_winners_are_no_prize(text: str) -> None:
    assert "prize-won" not in sources(check(text))


# --- 3. a failed delivery with "see the attachment" ----------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "UPS courier was unable to contact you for your parcel delivery. Please check the
        #  attachment for details!"
        "rm-7679a59b0526",
        # "… the courier was unable to deliver parcel to you. You can find more details in this
        #  e-mail attachment!"
        "rm-5392746f2186",
    ],
)
def test_a_failed_delivery_pointing_to_an_attachment_is_strong(message_id: str) -> None:
    result = read_dev_message(message_id)
    assert "parcel-attachment" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel was delivered today. Your receipt is attached for your records.",
        "Please see the attached minutes from Tuesday's meeting.",
    ],
)
def test_ordinary_attachments_are_no_parcel_attachment_lure(text: str) -> None:
    assert "parcel-attachment" not in families(check(text, Channel.EMAIL))


# --- 4. crypto recovery offers -------------------------------------------------------------------


def test_a_crypto_recovery_company_is_a_recovery_offer() -> None:
    # "… helping individuals and organizations recover stolen cryptocurrencies and digital
    #  assets … cryptocurrency recovery specialists … WhatsApp: +1 …"
    result = read_dev_message("rm-13881e4e627f")
    assert "recovery-offer" in families(result)
    assert result.verdict is Verdict.SCAM


# --- 5. a misspelt penalty charge with an unpaid ticket ------------------------------------------


def test_a_penality_charge_notice_with_a_link_is_strong() -> None:
    # "Penality Charge Notice. You have an unpaid ticket. Please find more informations by
    #  clicking here"
    result = read_dev_message("rm-8827fe755e2a")
    assert "road-charge" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize("text", ["Penality Charge Notice", "You have an unpaid ticket"])
def test_the_road_charge_cue_reads_misspelt_penalties(text: str) -> None:
    assert cue_fires("road-charge", text)


def test_a_raffle_ticket_is_no_road_charge() -> None:
    assert not cue_fires("road-charge", "Thanks for buying a raffle ticket for the school fair.")
