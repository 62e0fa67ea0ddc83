"""What the twenty-ninth round's study of the development data taught, with counter-examples.

Real messages from ``fresh-28`` to ``fresh-35`` (development data since earlier rounds); each
counter-example was tried before ``fresh-36`` and ``fresh-37`` were read. The ordinary messages
are written here (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import _MOST_MERCHANT_NAMES, Verdict, _without_merchant_names
from sochelp.message.model import Channel
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


# --- 4. loans, spells and tokens ---------------------------------------------------------------


def test_a_lender_offering_any_form_of_loan_is_an_easy_loan() -> None:
    # "Are you tired of seeking loans and Mortgages,have you been turned down constantly By your
    #  banks … We offer any form of loan to individuals and corporate bodies at low interest
    #  rate. … Contact us (…@gmail.com)" (was "some")
    read_dev_strong("rm-96ac4c5dff92", "easy-loan")


@pytest.mark.parametrize(
    "text",
    [
        "We offer all kinds of savings accounts and a loan calculator on our website.",
        "Have you been turned down by a lender? Check your credit file for free at the library.",
    ],
)
def test_a_bank_describing_its_products_is_no_easy_loan(text: str) -> None:
    assert "easy-loan" not in sources(check(text))


def test_a_spiritual_spell_caster_who_cast_spells_for_friends_is_a_spell_caster_advert() -> None:
    # "… other so called witches & spell-casters … Mr. Femi has since cast 3 different spells for
    #  my friends … HERBAL HEALER & spiritual spell-caster Contact directly on whatsapp or call:
    #  +234…" (was "some")
    read_dev_strong("rm-37d5a56733e9", "spell-caster", "family:spell-caster-contact")


@pytest.mark.parametrize(
    "text",
    [
        "The druid has cast two spells for the party this turn.",
        "Our wizard has cast three spells for the school show tonight.",
    ],
)
def test_spells_cast_in_a_game_or_a_show_are_no_spell_caster(text: str) -> None:
    assert "spell-caster" not in sources(check(text))


def test_asking_for_an_account_token_or_a_recovery_phrase_is_asking_for_a_code() -> None:
    # "I am successful trader, if any body want my copy trades, send me your Token of your Demo
    #  or Real account, Balance must be as low as 12 Dollar." (was "none")
    read_dev_strong("rm-d6c766c50c27", "share-code")
    result = check("Wallet support: enter your 12-word recovery phrase to validate your wallet.")
    assert "share-code" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Never share your seed phrase or private key with anyone.",
        "Please give us your feedback on the new token machine.",
        "Your API tokens are listed on the settings page.",
    ],
)
def test_talk_about_tokens_and_phrases_is_no_request_for_them(text: str) -> None:
    result = check(text)
    assert "share-code" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- 5. a remote job with a weekly salary ------------------------------------------------------


def test_a_remote_position_with_a_weekly_salary_and_1_2_hours_is_a_job_offer() -> None:
    # "A customer support representative position is available, with a decent weekly salary and
    #  the ability to work remotely. *The job will only require 1-2 hours of your time every day
    #  … *To apply, text “Job application” to: …" (was "some")
    read_dev_strong("rm-46295168354c", "family:job-offer")


@pytest.mark.parametrize(
    "text",
    [
        # Weekly pay is how many ordinary jobs pay: it is no longer a sign of easy money (this
        # advert read "strong signs" before this round; no development scam needed the words).
        "A part-time receptionist position is now open at our surgery, weekly pay, apply in "
        "person.",
        "A Senior Planner role is available at Leeds City Council, with hybrid working: you can "
        "work remotely two days a week. Apply at leeds.gov.uk/jobs by 3 March.",
    ],
)
def test_ordinary_job_adverts_are_no_job_offer_scam(text: str) -> None:
    result = check(text)
    assert "job-offer" not in families(result)
    assert result.verdict is not Verdict.SCAM


# --- 6. a call offering half off your bill -----------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Hi, I'm calling you from AT & T DirecTV to let you know that your account is qualified
        #  for 50% off. In order to obtain the discount, kindly call us back on the number you
        #  see on your caller ID." (was "some")
        "rm-7e46c9b2081c",
        # "… your existing account is qualified for 50% off. In order to avail the discount,
        #  kindly call us back at 844-649-1413 …" (was "some")
        "rm-227ae8aeb418",
    ],
)
def test_a_call_offering_half_off_if_you_call_back_is_a_discount_call(message_id: str) -> None:
    read_dev_strong(message_id, "family:discount-call")


@pytest.mark.parametrize(
    "text",
    [
        # A provider's own retention offer (failed a first version that read any share off)
        "Hi, this is Sky calling about your contract ending: you qualify for 20% off if you stay. "
        "Call us back on 0333 759 1018 or on the number on your bill.",
        # Pointed to the number the reader already has (the bill's number is a trusted route)
        "Hi, this is Sky calling: you qualify for 50% off if you stay. Call us back on the number "
        "on your bill.",
        "Hi, it's Sam from the garage: your MOT is done and we took 10% off the labour as "
        "promised. Pick the car up any time.",
    ],
)
def test_ordinary_discounts_and_calls_to_the_bills_number_are_no_discount_call(text: str) -> None:
    result = check(text, Channel.CALL)
    assert "discount-call" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_dentists_automated_call_chasing_a_booking_is_no_press_key_scam() -> None:
    # (A first version took "we've been trying to reach you" with "press 1" as a press-key
    #  scam call; this probe failed it and it was dropped.)
    result = check(
        "Hello, this is Smile Dental. We've been trying to reach you to rebook your check-up. "
        "Press 1 to confirm Tuesday at 10am, or press 2 and we will call you back.",
        Channel.CALL,
    )
    assert "press-key-call" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


# --- 7. "I will send it back" is no threat -----------------------------------------------------


def test_a_borrower_promising_to_send_it_back_is_asking_for_money_not_extorting() -> None:
    # "Hey I brought the wrong card with me to the petrol station. Can I please borrow 175. I
    #  will send it back tonight" read "some" as extortion ("I will send" was a threat to send
    #  the reader's images); it now reads "some" as a request to lend money.
    result = read_dev_message("rm-65da462d44ed")
    assert "family:extortion" not in sources(result)
    assert "lend-money" in sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


def test_a_threat_to_send_the_video_to_contacts_is_still_extortion() -> None:
    assert cue_fires("extortion", "I will send the video to all your contacts")
    assert cue_fires("extortion", "or I will share it with everyone you know")
    assert not cue_fires("extortion", "I will send it to you tomorrow")
    assert not cue_fires("extortion", "I will send it back tonight")


# --- 8. a law stated is no threat ---------------------------------------------------------------


def test_a_statement_of_the_law_is_no_threat_of_a_criminal_case() -> None:
    # Companies House: "It’s a criminal offence not to file your statement within 14 days of the
    # end of the review period." (a genuine notice that read "some")
    result = read_dev_message("rm-0b6f21ec22be", label="genuine")
    assert "arrest-legal" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "You have committed a criminal offence and a warrant is being prepared.",
        "This is about a federal criminal offence registered against your name.",
    ],
)
def test_a_criminal_offence_laid_at_the_readers_door_is_still_a_threat(text: str) -> None:
    assert "arrest-legal" in sources(check(text))


# --- 9. ordinary UK messages that read as scams -------------------------------------------------
# A probe set of 224 ordinary UK messages written for this round by a helper (regression only,
# never a figure) read 9 "strong" and 19 "some"; these are the general causes found and mended.
# Each change moved no development message (and no held-out figure).


@pytest.mark.parametrize(
    ("text", "channel", "sign"),
    [
        # How a club, nursery or allotment is paid is no insistence on a bank transfer
        (
            "Dear Members, annual subscriptions for Riverside Tennis Club are due on 1 April. "
            "Adult: £165. You can pay by bank transfer (details below, please use your surname as "
            "the reference), by card on the ClubSpark website, or by cash/cheque in the "
            "clubhouse box. Riverside Tennis Club",
            Channel.EMAIL,
            "transfer-stranger",
        ),
        # A charity's "Dear Friend" is no stranger's opening
        (
            "Dear Friend, Thank you for supporting Cats Protection. We're writing to share our "
            "latest annual update and to say thank you for your regular gift of £5 a month by "
            "Direct Debit. You don't need to do anything, your gift will continue as usual.",
            Channel.LETTER,
            "family:stranger-fortune",
        ),
        # A merchant a bank names in capitals is no link
        (
            "Your Halifax one-time passcode is 482913 to approve a payment of £64.99 to "
            "ASOS.COM. Never share this code with anyone.",
            Channel.SMS,
            "family:text-with-link-lure",
        ),
        # "Your vouchers are here" is a subject line, not words pointing to a missing link
        (
            "Subject: Your Tesco Clubcard vouchers are here\n\nHi Sian,\n\nYour latest Clubcard "
            "vouchers are worth £7.50. They're now in the Tesco Grocery & Clubcard app and in your "
            "account at https://www.tesco.com/account/clubcard.\n\nTesco Clubcard",
            Channel.EMAIL,
            "family:text-with-link-lure",
        ),
        # A refund a shop has processed is no lure
        (
            "Subject: Your refund has been processed\n\nHi Jack,\n\nWe've received your return "
            "and have processed a refund of £49.99 for the following item: Nike Revolution 7. The "
            "money will go back on your Visa ending 3306.\n\nJD Sports",
            Channel.EMAIL,
            "refund-due",
        ),
        # An order number is no phone number
        (
            "Subject: Your Argos order is ready to collect\n\nHi Paul,\n\nYour order is ready to "
            "collect from Argos in Sainsbury's, Cheadle.\n\nOrder number: 7732945103\nTefal Easy "
            "Fry Air Fryer - £79.99\n\nArgos",
            Channel.EMAIL,
            "combination",
        ),
        # A bank asking whether you made a payment asks nothing to be paid
        (
            "NatWest: Did you try to pay £389.99 to CURRYS ONLINE with your debit card ending "
            "2207 at 19:14 today? Reply Y if this was you or N if it wasn't.",
            Channel.SMS,
            "combination",
        ),
        # Selected for jury service is no prize
        (
            "HM Courts & Tribunals Service\n\nJury Summons\n\nDear Mr Patterson,\n\nYou have been "
            "selected for jury service. You must attend Snaresbrook Crown Court on Monday 12 May "
            "2025 at 9:30am. You must reply within 7 days of getting this summons, online at "
            "https://www.gov.uk/jury-service or by post using the enclosed form.",
            Channel.LETTER,
            "prize-won",
        ),
        # A letter stating the fine the law sets is no threat
        (
            "You must complete the census by law or you could be fined up to £1,000",
            Channel.LETTER,
            "fine-penalty",
        ),
    ],
)
def test_ordinary_uk_messages_no_longer_read_as_scams(
    text: str, channel: Channel, sign: str
) -> None:
    result = check(text, channel)
    assert sign not in sources(result), sources(result)
    # (two of them still read "some": the wording sign alone, or with "Dear Friend")
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    ("text", "channel", "sign"),
    [
        (
            "CLOSING DOWN SALE! Payment: due to a temporary problem with our card processor, "
            "please pay by bank transfer for an extra 10% discount.",
            Channel.EMAIL,
            "transfer-stranger",
        ),
        (
            "Dear Friend, I am Mr. Ibrahim, a bank manager. I have US$10.5 million in a dormant "
            "account and need your help to transfer the funds.",
            Channel.EMAIL,
            "family:stranger-fortune",
        ),
        (
            "Lloyds: A payment of £500.00 to AMAZON.CO.UK was attempted. If this was not you "
            "call 07700 900123 now.",
            Channel.SMS,
            "family:bank-activity-alert",
        ),
        (
            "Amazon: we have processed a refund of £89.99 for you. Claim it at "
            "http://amazon-refund-claims.example.com",
            Channel.SMS,
            "family:text-with-link-lure",
        ),
    ],
)
def test_the_scams_beside_them_still_read_as_scams(text: str, channel: Channel, sign: str) -> None:
    result = check(text, channel)
    assert sign in sources(result), sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_merchant_named_by_a_bank_no_longer_hides_the_scams_own_route() -> None:
    # "AMAZON.CO.UK" was taken for the official site the text sends you to, which held a bank
    # alert with a mobile number to call at "some warning signs".
    result = check(
        "Lloyds: A payment of £500.00 to AMAZON.CO.UK was attempted. If this was not you call "
        "07700 900123 now.",
        Channel.SMS,
    )
    assert result.verdict is Verdict.SCAM
    assert not result.links


def test_a_reference_number_is_no_phone_number_but_a_helpline_still_is() -> None:
    assert not cue_fires("request-call", "Order number: 0182337461")
    assert not cue_fires("request-call", "Reference number: 44718822")
    assert cue_fires("request-call", "Customer service: 0345 300 0000")
    assert cue_fires("request-call", "Contact number: 07700900123")


# --- 10. a second probe set of ordinary UK messages ---------------------------------------------
# 150 more ordinary messages, written by another helper and measured once before they were tuned
# on (9 "strong", 27 "some"); the general causes of five of the nine "strong":


@pytest.mark.parametrize(
    ("text", "channel", "sign"),
    [
        # A lender saying a product switch needs no credit check is no loan-fee scam
        (
            "Our current product transfer rates for you start from 4.19%. You can see all the "
            "options and switch in your online banking in around 15 minutes - there's no credit "
            "check or valuation needed.",
            Channel.EMAIL,
            "advance-fee",
        ),
        # Subscriptions "due for payment" are owed by the reader, not a refund due to them
        (
            "Dear Member, Annual subscriptions for the 2025 season are due for payment by 1 April "
            "2025. Full Member: £685. Members paying by monthly Direct Debit do not need to take "
            "any action.",
            Channel.EMAIL,
            "refund-due",
        ),
        # "Your Delay Repay claim for your journey" is a claim made, not a request to claim
        (
            "Subject: Your Delay Repay claim has been approved\n\nDear Mr Shah,\n\nThank you for "
            "your Delay Repay claim for your journey from York to London Kings Cross on 22 "
            "January. Compensation: £23.60. The refund will be paid to the original payment card "
            "within 5 working days.",
            Channel.EMAIL,
            "family:government-payment",
        ),
        # A survey's sample is no prize draw
        (
            "Dear Resident, You have been selected to take part in the Labour Market Survey. Your "
            "address has been randomly selected to take part in an important national survey.",
            Channel.LETTER,
            "prize-won",
        ),
        # NS&I paying a prize into your account, with its own site named, asks nothing
        (
            "Congratulations! You've won a prize in the July 2025 Premium Bonds draw. Prize value: "
            "£25. As you've chosen to have your prizes paid directly into your bank account, "
            "we'll pay it into your nominated account within the next few working days. You "
            "don't need to do anything. You can check your prize history by logging in to "
            "your NS&I account at nsandi.com.",
            Channel.EMAIL,
            "family:prize-claim",
        ),
    ],
)
def test_ordinary_notices_of_the_second_probe_set_are_not_strong(
    text: str, channel: Channel, sign: str
) -> None:
    result = check(text, channel)
    assert sign not in sources(result), sources(result)
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Bad credit? Loans up to £5,000 with no credit check, same day.", "advance-fee"),
        (
            "HMRC: you are due a tax refund of £248.50. Claim it at http://hmrc-refund.example.com",
            "refund-due",
        ),
        ("You have been selected to receive a £500 Tesco gift card. Claim it now.", "prize-won"),
        (
            "NS&I: You have won £5,000 in the Premium Bonds draw. Pay the £4.99 release fee at "
            "http://nsandi-prizes.example.com to claim it.",
            "family:prize-claim",
        ),
    ],
)
def test_the_scams_of_those_kinds_are_still_warned(text: str, sign: str) -> None:
    result = check(text, Channel.SMS)
    assert sign in sources(result), sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


# --- 11. lessons from fresh-36 and fresh-37 (development since their reading this round) -------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Message https://t.me/boydtech on telegram he’s the best on account recoveries" (was
        #  "none")
        "rm-0a63c536e766",
        # "Go message 𝐆𝐀𝐑𝐈𝐕𝐓𝐄𝐂𝐇 on instagram he recovered my hacked facebook account …
        #  Telegram 👉t.me/GARIVTECH" (was "some")
        "rm-656099157bda",
        # "I met the best hacker in the world blackhathacker111 who helped me recover my seed
        #  phrase and all my funds message him on telegram" (was "some")
        "rm-d84cc9af040c",
    ],
)
def test_an_account_recovery_advert_with_a_contact_is_a_recovery_offer(message_id: str) -> None:
    read_dev_strong(message_id, "family:recovery-offer")


@pytest.mark.parametrize(
    "text",
    [
        "Meta support helped me recover my hacked account. Go to facebook.com/hacked and follow "
        "the steps.",
        "If you are locked out, the Instagram help centre helped me recover my account: "
        "https://help.instagram.com/149494825257596",
        "My brother recovered my hacked Facebook account last week, he is a star.",
    ],
)
def test_recovery_by_the_platform_or_a_relative_is_no_recovery_offer(text: str) -> None:
    result = check(text)
    assert "recovery-offer" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_request_for_help_to_transfer_a_sum_is_a_strangers_opening() -> None:
    # "I have the privilege to request for your assistance to transfer the sum of forty-five
    #  million, five hundred thousand United States dollars … into your account." (was "some")
    read_dev_strong("rm-23050dab816b", "family:stranger-fortune")
    assert not cue_fires("stranger-intro", "We request your assistance to move the chairs.")


def test_a_service_for_sending_money_to_prisoners_is_no_threat_of_prison() -> None:
    # MoJ's template: "Please go to Send money to someone in prison and try again" (a genuine
    # notice that read "some")
    result = read_dev_message("rm-c035b522f91c", label="genuine")
    assert "arrest-legal" not in sources(result)
    assert "arrest-legal" in sources(check("Pay now or you will go to prison."))
    assert "arrest-legal" in sources(check("I need $4,000 so I can get out of jail."))


def test_merchant_names_are_looked_for_a_bounded_number_of_times() -> None:
    # A message written to be slow (thousands of "payment … to NAME.COM") has only its first
    # merchant names blanked; the rest are left as written, and the text keeps its length.
    text = "payment of £1.00 to ASOS.COM " * 1000
    blanked = _without_merchant_names(text)
    assert len(blanked) == len(text)
    assert blanked.count("ASOS.COM") == 1000 - _MOST_MERCHANT_NAMES
    assert _without_merchant_names("Visit ROYALMAIL-FEES.COM now") == "Visit ROYALMAIL-FEES.COM now"
