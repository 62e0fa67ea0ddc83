"""What the eighteenth round's reading of ``fresh-19`` taught, each with counter-examples.

The real messages come from ``fresh-19``, held out in the seventeenth round and development
data since the eighteenth; the ordinary ones are written here as counter-examples (a regression
set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from tests.message.helpers import check, cue_fires, families, read_dev_message, sources

# --- 1. couriers that could not deliver, pointing to an attachment --------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "… our courier was not able to deliver the parcel. Please review delivery label in
        #  attachment!"
        "rm-3991b15aa843",
        # "… our courier cound not contact you. Postal label is enclosed to this e-mail."
        "rm-7690f98a613a",
        # "Royal Mail is sorry to inform you that a package addressed to you was seized by HM
        #  Revenue & Customs … Please review the attached PDF document …"
        "rm-94f1ac40afcf",
    ],
)
def test_a_courier_pointing_to_an_attachment_is_strong(message_id: str) -> None:
    result = read_dev_message(message_id)
    assert "parcel-attachment" in families(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Our courier delivered your parcel at 10:42. Your receipt is attached to this email.",
        "Please review the attached PDF document before Thursday's meeting.",
        "The courier was not able to find parking, so your neighbour at number 12 took it in.",
    ],
)
def test_ordinary_couriers_and_attachments_are_no_lure(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "parcel-attachment" not in families(result)
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "our courier was not able to deliver the parcel",
        "our courier cound not contact you",
        "Since the package does not have a house number",
        "the package transportation is interrupted",
    ],
)
def test_the_delivery_issue_cue_reads_more_wordings(text: str) -> None:
    assert cue_fires("delivery-issue", text)


@pytest.mark.parametrize(
    "text", ["Our courier delivered it at noon.", "The form does not have a postcode field."]
)
def test_delivered_parcels_and_forms_are_no_delivery_issue(text: str) -> None:
    assert not cue_fires("delivery-issue", text)


# --- 2. a link "withheld" by the page quoting the text -------------------------------------


def test_a_parcel_text_whose_link_was_withheld_is_strong() -> None:
    # "Since the package does not have a house number, the package transportation is
    #  interrupted, please update (web address withheld for safety reasons)"
    result = read_dev_message("rm-2b0093fcbc12")
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text", ["(web address withheld for safety reasons)", "(link removed by the editor)"]
)
def test_withheld_links_are_link_placeholders(text: str) -> None:
    assert cue_fires("link-placeholder", text)


@pytest.mark.parametrize(
    "text", ["(the address is withheld at the owner's request)", "(name withheld)"]
)
def test_other_withheld_things_are_no_link_placeholder(text: str) -> None:
    assert not cue_fires("link-placeholder", text)


# --- 3. recovery firms in more words ---------------------------------------------------------


def test_an_expert_in_the_field_of_crypto_recovery_is_a_recovery_offer() -> None:
    # "… a renowned expert in the field of cryptocurrency recovery, offering specialized
    #  services to help retrieve lost or stolen digital assets … WhatsApp: …"
    result = read_dev_message("rm-7b492557c89a")
    assert "recovery-offer" in families(result)
    assert result.verdict is Verdict.SCAM


def test_a_warning_about_recovery_firms_is_no_offer() -> None:
    text = (
        "Beware of firms claiming to be experts in the field of cryptocurrency recovery: they "
        "cannot retrieve lost or stolen digital assets. Report it to Action Fraud."
    )
    assert "recovery-offer" not in families(check(text))


# --- 4. advance-fee wordings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "rule"),
    [
        # "… seek your consent to present you as a beneficiary … This transaction is totally
        #  free of risk and troubles …"
        ("rm-bd70b879a17e", "guaranteed-returns"),
        # "… TWO (2) TRUNK BOXES … A TOTAL SUM OF 4.1M USD …"
        ("rm-8b55dcd609b2", "windfall"),
    ],
)
def test_advance_fee_emails_in_other_words_are_strong(message_id: str, rule: str) -> None:
    result = read_dev_message(message_id)
    assert rule in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_lottery_winner_donating_to_lucky_strangers_is_a_windfall() -> None:
    # "My family and I have decided to donate $2,000,000.00USD to Two(2) lucky individuals"
    result = read_dev_message("rm-21bf0350c913")
    assert "windfall" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "The trust has decided to donate £1,000,000 to the hospice appeal.",
        "The procedure is free of risk for most patients.",
        "The new bridge cost 4.1M USD in all.",
    ],
)
def test_ordinary_donations_and_risks_are_no_windfall(text: str) -> None:
    found = sources(check(text))
    assert "windfall" not in found
    assert "guaranteed-returns" not in found


# --- 5. missed jury duty -------------------------------------------------------------------------


def test_a_call_about_missed_jury_duty_is_flagged() -> None:
    # "… you have missed a civil duty court mate, better known as jury duty and you will need
    #  to come out here to the sheriff's office as soon as possible"
    result = read_dev_message("rm-096c4c2ee3b6")
    assert "jury-missed" in families(result)
    # "Strong" until the fifty-third round, with the wording sign's weak form; its retrain (with
    # fresh-61) left the call just under the weak threshold.
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "If you have missed the deadline to reply to your jury summons, call the bureau.",
        "Thank you for your jury service last month. Your expenses have been paid.",
        "She missed the bus to her jury service, so she rang the court as soon as possible.",
    ],
)
def test_ordinary_jury_messages_are_no_missed_jury_threat(text: str) -> None:
    assert "jury-missed" not in families(check(text))


# --- 6. a friend's account telling you about a grant ----------------------------------------


def test_a_friend_who_got_a_grant_and_asks_if_you_heard_is_a_warning_sign() -> None:
    # "I just got a Big benefits from the new social services block grant (SSBG) have you
    #  heard about it?"
    result = read_dev_message("rm-e8722385356a")
    assert "grant-tip-off" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "We got a grant for the village hall roof. Have you heard the news about the fete?",
        "Have you heard about the new bus timetable?",
    ],
)
def test_ordinary_grant_news_is_no_tip_off(text: str) -> None:
    assert "grant-tip-off" not in sources(check(text))


# --- 7. fewer false alarms: keyword replies and a business's own sign-off ---------------------


def test_a_bank_code_text_saying_reply_help_is_no_warning() -> None:
    # "<#>BofA: DO NOT share this Sign In code. … Reply HELP if you didn't request it."
    result = read_dev_message("rm-dbae4a9b6f85", "genuine")
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize("text", ["Reply HELP for help.", "Reply INFO for our terms."])
def test_carrier_keywords_are_not_asked_for_as_a_reply_word(text: str) -> None:
    assert not cue_fires("request-reply", text)


def test_a_reply_with_another_capital_word_is_still_a_request() -> None:
    assert cue_fires("request-reply", "Reply CONFIRM to release your parcel")


def test_a_renewal_notice_signed_by_the_business_whose_site_it_links_is_no_phishing() -> None:
    # "… you might want to log in to your account (https://my.ixwebhosting.com) … Your Team at
    #  IX Web Hosting"
    result = read_dev_message("rm-1185f8aee280", "genuine")
    assert "account-phishing" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_password_reset_signed_by_the_site_it_names_is_no_link_lure() -> None:
    # "… requested a new password for your Pastebin.com account. Please click the following
    #  link: [...] … Kind regards, The Pastebin Team"
    result = read_dev_message("rm-52e934c01338", "genuine")
    assert result.verdict is Verdict.NONE_FOUND


def test_a_login_lure_signed_with_a_name_its_link_does_not_spell_is_still_phishing() -> None:
    text = (
        "Your account has been suspended. Please log in to verify your details: "
        "https://secure-account-check.example.net/login\n\nRegards,\nIX Web Hosting"
    )
    assert "account-phishing" in families(check(text, Channel.EMAIL))


def test_a_sign_off_naming_a_known_brand_never_vouches_for_a_link() -> None:
    text = (
        "Your account has been locked. Log in here to verify your details: "
        "https://paypal.example-verify.com\n\nThe PayPal Team"
    )
    assert check(text, Channel.EMAIL).verdict is Verdict.SCAM
