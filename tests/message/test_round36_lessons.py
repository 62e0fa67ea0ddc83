"""What the thirty-sixth round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what a
customer or a reader really receives. All are written (a regression set, never a figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, analyse
from sochelp.message.model import Channel
from tests.message.helpers import (
    bundled,
    check,
    cue_fires,
    read_dev_message,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. A request, a colon, and the link ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Failed delivery: no postcode in the delivery details. Please check the following: "
        "https://cpoad.example-parcel.top/at",
        "Your parcel is on hold. Update the delivery details:\nhttps://redeliver-uk.top/d",
        "A toll is outstanding on your vehicle. Settle it today: www.road-toll-settle.top",
    ],
)
def test_a_request_then_a_colon_then_the_link_asks_for_the_link(text: str) -> None:
    assert cue_fires("request-link", text)
    assert check(text, Channel.SMS).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Read more: https://www.bbc.co.uk/news/uk-123",
        "We checked the boiler today. Report: https://example.org/report.pdf",
        "Opening times: www.example-library.org.uk",
        "Your refund is on its way. Check the status: https://shop.example.co.uk/orders/1",
        "Your appointment is on 3 May. To confirm or rebook: https://example-dentist.co.uk/b",
        "Reminder: please complete the staff survey by Friday: https://forms.office.com/r/a1",
    ],
)
def test_a_heading_before_a_link_is_no_request(text: str) -> None:
    assert not cue_fires("request-link", text)


def test_a_newsletter_pointing_to_its_own_page_stays_calm() -> None:
    text = (
        "Dear members, the spring newsletter is out. Check the dates of our walks here: "
        "https://www.example-ramblers.org.uk/walks"
    )
    result = check(text, Channel.EMAIL)
    assert result.verdict is Verdict.NONE_FOUND, sources(result)


# --- 2. A stranger's fortune, claimed by writing to a personal webmail address ----------------


@pytest.mark.parametrize(
    "text",
    [
        "I am a widow suffering from terminal cancer and I have USD 4.5 million which I want to "
        "donate to a trusted person. Write to me for the procedures: mrs.helen.donor@yahoo.com",
        "You have been made a beneficiary of the estate of my late client, the sum of "
        "£2,500,000. Reply to barrister.chambers.law@gmail.com with your full name.",
    ],
)
def test_a_strangers_fortune_by_webmail_is_strong(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "family:fortune-by-webmail" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "My late husband's tools are free to a good home: email jean.tools@gmail.com",
        "Mary, a widow from our parish, was diagnosed with cancer; the collection raised £340. "
        "Cards to vicar.stjohns@gmail.com",
        "Beware emails from a 'widow' offering you millions: never reply to such@gmail.com.",
    ],
)
def test_a_neighbours_post_or_a_warning_is_no_fortune_by_webmail(text: str) -> None:
    assert "family:fortune-by-webmail" not in sources(check(text, Channel.EMAIL))


# --- 3. The boss who is stuck in a meeting ----------------------------------------------------


def test_a_boss_asking_for_gift_cards_until_the_meeting_is_over_is_strong() -> None:
    text = (
        "Can you help me get some Apple gift cards from the store? I will pay you back once "
        "I'm done with the meeting. I don't know when the meeting will be over."
    )
    result = check(text, Channel.EMAIL)
    assert {"ceo-request", "family:boss-payment"} <= sources(result)
    assert result.verdict is Verdict.SCAM


def test_minutes_after_a_meeting_are_no_boss_request() -> None:
    text = "Once the meeting is done we'll send the minutes; it should be over by four."
    assert "ceo-request" not in sources(check(text, Channel.EMAIL))


# --- 4. fresh-44, read this round, as development data ----------------------------------------


def test_fresh44_scams_read_strong() -> None:
    read_dev_strong("rm-b8ffcaf2ea3b", "family:credit-fix-hacker")  # "(NAME)(@)(GMAIL)(COM)"
    read_dev_strong("rm-528c4f53bcf7", "family:recovery-offer")  # "they recovered my money"
    read_dev_strong("rm-d4f4e06464d4", "family:recovery-offer")  # "helped to recovered it"
    read_dev_strong("rm-118dc72760ac", "family:fake-crypto-tool")  # cracking wallet passwords
    read_dev_strong("rm-471efd451417", "link:hacked-site")  # a page in wp-content/uploads
    read_dev_strong("rm-5329939be7fa", "prize-won")  # "Your cell Number.has won"
    read_dev_strong("rm-ad8a55263c8a", "family:helpline-pointer")  # "for Gmail Customer Service
    # "get extra 50 per review": the job-offer family makes "some"; its "strong" came with the
    # wording sign, which the forty-seventh round's last retrain no longer gives it.
    read_dev_warned("rm-bee41ef518ad", "family:job-offer")


def test_a_public_bodys_feedback_form_is_no_impersonation() -> None:
    result = read_dev_message("rm-1ae1fd63b069", "genuine")
    assert "combination" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Write to us: (jane.helper)(@)(gmail)(com)",
        "Contact: (FIXER99) (@) (YAHOO) . (COM)",
    ],
)
def test_a_webmail_address_in_bracketed_parts_is_a_webmail_address(text: str) -> None:
    assert cue_fires("webmail-address", text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("They clear criminal records and fix your credit score.", "credit-fix"),
        ("We built a rig for cracking bitcoin wallet passwords fast.", "fake-crypto-tool"),
        ("Call 1-844-334-9858 for Gmail Customer Service Number", "helpline-advert"),
        ("Boosting movie reviews, get extra 50 per review", "job-offer"),
        ("WhatsApp\nNew voice message.\nListen", "media-lure"),
    ],
)
def test_the_fresh44_wordings_are_read(text: str, cue: str) -> None:
    assert cue_fires(cue, text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The court can order that criminal records be kept for 11 years.", "credit-fix"),
        ("I forgot my wallet, can you pay for the coffee?", "fake-crypto-tool"),
        (
            "For Barclays customer service, call the number on the back of your card.",
            "helpline-advert",
        ),
        ("Check out my new photos from Spain", "media-lure"),
        ("The new voicemail system goes live on Monday", "media-lure"),
        ("We paid £50 per review in our market research last year.", "job-offer"),
    ],
)
def test_ordinary_sentences_stay_unread(text: str, cue: str) -> None:
    assert not cue_fires(cue, text)


@pytest.mark.parametrize(
    "url",
    [
        "http://www.example-bakery.co.uk/wp-content/uploads/2015/05/login.php",
        "https://example-church.org/wp-includes/js/secure/index.html",
    ],
)
def test_a_page_planted_in_a_websites_upload_folder_is_a_hacked_site(url: str) -> None:
    result = check(f"Your mailbox is full. Log in to keep your messages: {url}", Channel.EMAIL)
    assert "link:hacked-site" in sources(result)


@pytest.mark.parametrize(
    "url",
    [
        "https://example-school.sch.uk/wp-content/uploads/2024/09/newsletter.pdf",
        "https://example-club.org.uk/wp-content/plugins/newsletter/unsubscribe.php?id=3",
        "https://example-club.org.uk/fixtures.php",
    ],
)
def test_documents_and_plugins_pages_on_a_website_are_no_hacked_site(url: str) -> None:
    result = check(f"Dear parents, this term's newsletter is here: {url}", Channel.EMAIL)
    assert "link:hacked-site" not in sources(result)


def test_a_recovery_thank_you_for_a_bank_is_no_recovery_offer() -> None:
    text = "Thanks to my bank's fraud team, they recovered my money in a week. Great service."
    assert "family:recovery-offer" not in sources(check(text, Channel.WEB))


def test_feedback_words_in_another_sentence_do_not_excuse_a_form() -> None:
    text = (
        "HSBC: your feedback matters and a new payee called J Smith was added to your account "
        "from a new device today at 14:02 and if this was NOT you then complete the form "
        "https://docs.google.com/forms/d/e/1FAIpQLSf/viewform"
    )
    assert "combination" in sources(check(text, Channel.SMS))
    own_sentence = "HSBC: A new payee was added. Tell us in our feedback form https://docs.google.com/forms/d/e/1FAIpQLSf/viewform"
    assert "combination" not in sources(check(own_sentence, Channel.SMS))


# --- 5. A sender named by the organisation's bare name -----------------------------------------

_VOICE = "New voice message. Listen: http://www.example-bakery.co.uk/x/listen"


@pytest.mark.parametrize("sender", ["WhatsApp <notify@voicemail-alerts.com>", "whatsapp", "Meta"])
def test_a_sender_named_only_by_the_organisations_name_claims_it(sender: str) -> None:
    result = analyse(_VOICE, bundled(), channel=Channel.EMAIL, sender=sender)
    assert "combination" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_facebooks_own_mail_domain_is_official() -> None:
    text = "We noticed a new login to your account from Chrome on Windows. If this was you, relax."
    result = analyse(
        text, bundled(), channel=Channel.EMAIL, sender="Facebook <security@facebookmail.com>"
    )
    assert not {s for s in sources(result) if s.startswith("sender:")}
    assert result.verdict is Verdict.NONE_FOUND


def test_a_person_named_as_sender_claims_no_organisation() -> None:
    result = analyse(_VOICE, bundled(), channel=Channel.EMAIL, sender="Mum <mum@gmail.com>")
    assert "combination" not in sources(result)
