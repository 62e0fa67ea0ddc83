"""What the twenty-ninth round's study of the development data taught, with counter-examples.

Real messages from ``fresh-28`` to ``fresh-35`` (development data since earlier rounds); each
counter-example was tried before ``fresh-36`` and ``fresh-37`` were read. The ordinary messages
are written here (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from tests.message.helpers import (
    check,
    cue_fires,
    families,
    read_dev_message,
    read_dev_strong,
    sources,
)

# --- 1. a buyer who pays by cashier's cheque or bank draft ---------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Your asking price is okay by me. … the mover and my representative will see them in
        #  person on my behalf and the only method of payment for now is by making by sending
        #  Bank Draft to you." (was "none")
        "rm-241c6edae02e",
        # "i will be very happy to buy the boat from you … i will be paying for the boat in full
        #  via cashier check so kindly email me back with your full name, address" (was "some")
        "rm-e807edb48ca9",
    ],
)
def test_a_buyer_paying_by_bank_draft_or_cashiers_cheque_is_the_overpayment_scam(
    message_id: str,
) -> None:
    read_dev_strong(message_id, "family:cheque-buyer")


def test_a_short_buyer_who_will_mail_a_cheque_is_warned() -> None:
    # "OK. I'd like to buy it. Send me your name and address and I'll mail you a check." (was
    # "none")
    result = read_dev_message("rm-d2375a5cbef0")
    assert "family:cheque-buyer" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to buy the bike. I'll pay by bank transfer and collect on Saturday.",
        "I'll post you a cheque for your birthday, love Gran",
        "Hi, is the bike still available? I can pay by cheque when I collect.",
        "Your application fee can be paid by postal order or cheque.",
        "We no longer accept payment by cheque; please pay by card or bank transfer.",
    ],
)
def test_cheques_without_a_buyer_offering_one_are_no_cheque_buyer(text: str) -> None:
    result = check(text)
    assert "cheque-buyer" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_the_cheque_and_buyer_cues_read_their_words() -> None:
    assert cue_fires("cheque-payment", "payment will be made by certified cheque")
    assert cue_fires("cheque-payment", "I will send you a money order tomorrow")
    assert not cue_fires("cheque-payment", "Your cheque book is on its way.")
    assert cue_fires("buyer-intent", "Your asking price is okay by me.")
    assert not cue_fires("buyer-intent", "I'd like to book a table for two.")


# --- 2. a banker's proposal to move a fortune -----------------------------------------------------


def test_a_bankers_proposal_to_receive_excess_profit_is_advance_fee() -> None:
    # "I am writing you this proposal in good faith; I have packaged a financial transaction
    #  that will benefit you and I. … my aim of contacting you is to assist me receive this
    #  money in your bank account and get 40% of the total funds" (was "some")
    read_dev_strong("rm-46a70b3e0900", "family:stranger-fortune")


@pytest.mark.parametrize(
    "text",
    [
        "The new contract is a deal that will benefit both of us.",
        "My aim is to help the choir raise £2,000 for the roof; can you assist me with the raffle?",
    ],
)
def test_ordinary_proposals_are_no_strangers_opening(text: str) -> None:
    assert not cue_fires("stranger-intro", text)


# --- 3. a file to run --------------------------------------------------------------------------


def test_being_told_to_run_an_attached_file_is_a_sign() -> None:
    # "Dear Customer, … we have temporanly prevented access to your account. … Please run
    #  attached file and Follow instructions." (was "some")
    read_dev_strong("rm-2e865e023ba0", "run-attachment")
    assert "run-attachment" in sources(check("Enable content to view the invoice."))


@pytest.mark.parametrize(
    "text",
    [
        "Never run an attached file from someone you do not know.",
        "I have attached the file with the running order for Sunday.",
        "We have enabled content filtering on the school network.",
        "Please install the attached certificate on your work laptop - IT Service Desk",
    ],
)
def test_attachments_talked_about_are_no_request_to_run_one(text: str) -> None:
    result = check(text)
    assert "run-attachment" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND
