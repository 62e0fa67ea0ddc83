"""What the twenty-fourth round's reading of ``fresh-25`` and ``fresh-26`` taught, each with
counter-examples.

The real messages come from ``fresh-25`` and ``fresh-26`` (held out in the twenty-third round,
development data since the twenty-fourth); the ordinary ones are written here as
counter-examples (a regression set, never a figure).
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
    read_dev_warned,
    sources,
)

# --- 1. scams the batches' misses taught ------------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "family"),
    [
        # "Flash BTC Transaction (Core Network) 4.0.1 is an open-source software sends fake btc
        #  to any node … Whatsapp: +33 7 80 98 02 05" (was "some": crypto and wording only)
        ("rm-9ed759bdf99d", "fake-crypto-tool"),
        # "I'm looking for someone who wants to rate our hotel on Gmaps 🗺 … In return, you will
        #  be paid 200-600 pounds per day … 5usdT per rate" (was "some": a short link)
        ("rm-a71a94b3e276", "job-offer"),
        # "i want to know if you can handle website design for a new company … i am on an
        #  emergency trip away so this business will be conducted via mail" (was "some")
        ("rm-11eb74963b1f", "fake-client-enquiry"),
    ],
)
def test_fake_tools_task_chats_and_fake_clients_are_strong_signs(
    message_id: str, family: str
) -> None:
    read_dev_strong(message_id, f"family:{family}")


@pytest.mark.parametrize(
    ("message_id", "family"),
    [
        # "Do you know you can … monitor all of your partner/loved one's activities without them
        #  even suspecting? … Gmail : swintech2 @g mail com  W/app: 1 4 4 8 …" (was "none")
        ("rm-e68d09fefa0e", "spy-hacker"),
        # "I'm Ailin is this a telegram from Tommi? … Hope this message doesn't bother you. …
        #  What city do you live in in the UK?" (was "none")
        ("rm-845b866728ce", "wrong-number-chat"),
        # "Hi, I am Mellisa by name. I will like to know if you are available for website design
        #  if yes get back to me as soon as possible." (was "none")
        ("rm-51a03e0dfcbd", "fake-client-enquiry"),
    ],
)
def test_openers_of_known_scams_get_a_warning(message_id: str, family: str) -> None:
    read_dev_warned(message_id, f"family:{family}")


@pytest.mark.parametrize(
    ("message_id", "rule"),
    [
        # "We will register the China domain names "wekan.cn" … and internet keyword "wekan""
        ("rm-3d4bfb550404", "domain-name-conflict"),
        # "DOMAIN SERVICE NOTICE … your business Domain name search engine registration"
        ("rm-97e47b288c27", "listing-fee"),
    ],
)
def test_more_wordings_of_the_domain_letters(message_id: str, rule: str) -> None:
    read_dev_strong(message_id, rule)


@pytest.mark.parametrize(
    "text",
    [
        "Aave offers flash loans to developers.",
        "Flash sale: 20% off bitcoin books this weekend.",
        "Ledger Live now warns you if someone sends fake USDT transactions to your wallet.",
    ],
)
def test_flash_loans_and_sales_are_no_fake_crypto_tool(text: str) -> None:
    # (a word like "bitcoin" is a sign of its own; only the family is at stake here)
    assert "fake-crypto-tool" not in families(check(text))


def test_a_flash_crash_in_the_news_is_no_fake_crypto_tool() -> None:
    # Found after the reading: "flash crypto" of a market crash, with a link to the news.
    text = "A flash crypto crash wiped out $1bn on Monday; read more at https://www.bbc.co.uk/news"
    assert "fake-crypto-tool" not in families(check(text))


def test_a_warning_about_flash_usdt_is_no_offer() -> None:
    text = (
        "Beware of 'flash USDT' software sold on Telegram: it sends fake coins and is a scam. "
        "Report it to Action Fraud."
    )
    assert "fake-crypto-tool" not in families(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "Apps that monitor a partner's phone without them knowing are stalkerware, and using one "
        "is a crime. Refuge's helpline is 0808 2000 247.",
        "Our family app can monitor your child's phone activities without them knowing. Download "
        "it from the App Store.",
        "My wife and I share our location with each other so we know the kids are safe.",
        "The police warn that hackers offer to spy on a partner's WhatsApp without them knowing; "
        "contact Action Fraud on 0300 123 2040.",
        # Found after the reading (see the note below): advice on stalkerware with a helpline.
        "Stalkerware lets abusers track a partner's phone without them knowing. Call the National "
        "Domestic Abuse Helpline on 0808 2000 247.",
        "Some people try to read their spouse's messages without them knowing. If that's "
        "happening to you, call Refuge on 0808 2000 247.",
        "You can check whether someone can see your partner's location without them knowing: "
        "Refuge's tech team can help, call 0808 2000 247.",
        "We catch cheating spouses: licensed private investigators, call 0161 496 0000.",
    ],
)
def test_talk_about_monitoring_phones_is_no_spy_hacker(text: str) -> None:
    assert "spy-hacker" not in families(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "W/app: 1 4 4 8 2 3 8 0 8 1 7",
        "Gmail : swintech2 @g mail com",
        "Gmail: spyexpert2@gmail.com",
    ],
)
def test_whatsapp_and_webmail_labels_are_contacts_off_the_platform(text: str) -> None:
    assert cue_fires("off-platform-contact", text)


@pytest.mark.parametrize(
    "text",
    [
        "Gmail: a new sign-in on Windows. If this was you, you don't need to do anything.",
        "Yahoo: your mailbox is nearly full.",
    ],
)
def test_a_webmail_name_without_an_address_is_no_contact(text: str) -> None:
    assert not cue_fires("off-platform-contact", text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to know if you are available for a wedding cake in June? I'm on holiday next "
        "week so email is best. Thanks, Jo",
        "Hi, are you available for website design next month? We're a small charity in Leeds.",
        "Can you handle a party of 40 on Saturday? Do you accept credit cards?",
    ],
)
def test_ordinary_enquiries_are_no_fake_client(text: str) -> None:
    assert "fake-client-enquiry" not in families(check(text))
    assert check(text).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Which city is the conference in? Sorry, I got the wrong number for Sam earlier.",
        "How long have you worked there? Hope this message doesn't bother you at work.",
    ],
)
def test_questions_between_friends_are_no_wrong_number_chat(text: str) -> None:
    assert "wrong-number-chat" not in families(check(text))


@pytest.mark.parametrize(
    "text",
    [
        # Found after the reading: the opener once took "hope this message doesn't bother you",
        # which made any short friendly text a "wrong number" chat.
        "Hi Jane, hope this message doesn't bother you. Are you free on Tuesday for coffee?",
        "Hope this text doesn't disturb you at work - can you call the school when you can?",
    ],
)
def test_a_polite_short_text_is_no_wrong_number_opener(text: str) -> None:
    result = check(text)
    assert not {"wrong-number", "wrong-number-chat"} & families(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "We are looking for someone to review our hotel's fire safety plan. The role is paid £200 "
        "per day. Apply at https://www.ourhotel.co.uk/jobs",
        "The room costs 200 pounds per night and parking is 5 pounds a day.",
        # Found after the reading: a job reviewing hotels, paid by the day.
        "Contractors are paid 400-600 pounds per day. We are looking for someone to review our "
        "hotels' fire plans.",
        "We are looking for someone to review our hotels for our guidebook, paid £200 per day.",
    ],
)
def test_hotel_jobs_and_prices_are_no_task_scam(text: str) -> None:
    assert "job-offer" not in families(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "We will register the China domain names for our Shanghai office next year.",
        "Submit your sitemap to Google Search Console so search engines can find new pages.",
        "Search engine registration is free: submit your site to Google Search Console.",
    ],
)
def test_domain_and_search_engine_talk_is_no_domain_letter(text: str) -> None:
    assert not {"domain-name-conflict", "listing-fee"} & sources(check(text))


# --- 2. false alarms the batches' genuine messages taught --------------------------------------


def test_a_code_text_with_its_lifetime_is_no_final_notice() -> None:
    # fresh-25: "Your security code is: 911911 / This code expires in 15 minutes, so please
    # complete this step as soon as possible." (was "some": a final notice, and the wording)
    result = read_dev_message("rm-528dce05360d", "genuine")
    assert "final-notice" not in sources(result)
    assert "model:wording" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your security code is: 911911\n\nThis code expires in 15 minutes",
        "Your Monzo login code is 482913. It expires in 10 minutes.",
    ],
)
def test_a_code_and_its_lifetime_is_a_code_notice(text: str) -> None:
    assert cue_fires("code-notice", text)


@pytest.mark.parametrize(
    "text",
    [
        "Your reward expires in 15 minutes: claim it at http://rewards-club.top",
        "Your reward code 4829 expires in 3 days",
    ],
)
def test_other_short_lives_are_still_final_notices(text: str) -> None:
    assert not cue_fires("code-notice", text)


def test_a_code_text_that_sends_you_to_a_link_keeps_its_wording() -> None:
    text = (
        "Your Amazon code is 482913. It expires in 10 minutes. If this wasn't you, cancel "
        "the order at http://amaz0n-cancel.top"
    )
    assert check(text).verdict is not Verdict.NONE_FOUND


def test_a_cloud_providers_leaked_key_notice_is_no_longer_strong() -> None:
    # fresh-26: Google Cloud's "Leaked Credentials" notice: "This key was found at the following
    # URL: https://github.com/…" was read as a request to use a link, and "URL" as a placeholder;
    # "you or your organization may have" as a threat.
    result = read_dev_message("rm-0273c18d1669", "genuine")
    assert "combination:link-route" not in sources(result)
    assert result.verdict is not Verdict.SCAM


def test_a_url_word_before_the_link_is_no_placeholder() -> None:
    assert not cue_fires("link-placeholder", "found at the following URL: https://github.com/x")
    assert not cue_fires("link-placeholder", "LINK: https://www.nhs.uk/vaccinations")
    assert cue_fires("link-placeholder", "Please visit URL to update your details.")
    assert cue_fires("link-placeholder", "visit LINK to book")


@pytest.mark.parametrize(
    "text",
    [
        "This key was found at the following URL: https://github.com/example/site",
        "Your photos were posted at the following link: https://www.flickr.com/x",
    ],
)
def test_where_something_was_found_is_no_request_to_use_a_link(text: str) -> None:
    assert not cue_fires("request-link", text)


def test_a_request_through_the_following_link_is_still_one() -> None:
    assert cue_fires("request-link", "Please confirm the payment on the following link")
    assert cue_fires("request-link", "Your parcel is held. Reschedule via the following link")


def test_you_or_your_organisation_is_no_threat() -> None:
    assert not cue_fires(
        "deadline-threat", "we believe that you or your organization may have published it"
    )
    assert cue_fires("deadline-threat", "Pay now or your account will be closed")
    assert cue_fires("deadline-threat", "otherwise you will be fined")
