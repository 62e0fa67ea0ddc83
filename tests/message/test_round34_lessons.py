"""What the thirty-fourth round's work taught, with the scams that must still be caught.

The scam wordings are the shapes the same signs exist for; the ordinary messages are what an
author, a seller or a friend really receives. All are written (a regression set, never a
figure); the development messages named by id are real.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.model import Channel
from sochelp.message.normalise import undo_quoted_printable
from sochelp.render.message import notes
from tests.message.helpers import (
    check,
    read_dev_message,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. Strangers pitching services to authors ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hi, I organise book review tours for indie authors. Reply to get started.",
        "If you're looking for honest reviews on Amazon for your new novel, I can help.",
        "My network consists of over 12,000 book bloggers who would love your title.",
        "I also offer ghostwriting services and book promotion packages at low rates.",
    ],
)
def test_an_unasked_author_services_pitch_is_a_warning(text: str) -> None:
    result = check(text, None)
    assert "author-services-pitch" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for coming to book club! If you enjoyed it, leave a review on Goodreads.",
        "The library runs a free editing workshop for young writers on Saturday.",
        "Your order of 'The Salt Path' has shipped. Review your purchase on Amazon.",
    ],
)
def test_ordinary_book_messages_are_not_a_pitch(text: str) -> None:
    assert "author-services-pitch" not in sources(check(text, None))


def test_the_book_review_emails_are_read() -> None:
    # "I organize book review tours. … My network consists of around 16K book reviewers"
    read_dev_warned("rm-0da67745bda4", "author-services-pitch")
    # "If you are looking for a reviewer who has professional expertise … beta reading"
    read_dev_warned("rm-d24aa6edb0eb", "author-services-pitch")


# --- 2. Advance-fee follow-ups, teasers and the officials' share-out ------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Have you received my last mail concerning the unclaimed funds? Reply soon.", "money"),
        ("Did you get my earlier email about your late uncle's inheritance?", "money"),
        (
            "I have some important information to share with you. Kindly reply if interested.",
            "bait",
        ),
        ("Good day, I seek your permission to share something with you. Reply me.", "bait"),
        (
            "We kept the surplus from the contract and want to move it to an offshore account, "
            "to be shared amongst ourselves with 30% for you.",
            "share",
        ),
    ],
)
def test_advance_fee_openers_are_warnings(text: str, rule: str) -> None:
    ids = {
        "money": "money-follow-up",
        "bait": "reply-bait-teaser",
        "share": "officials-share-out",
    }
    result = check(text, None)
    assert ids[rule] in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Did you receive my previous email regarding the parents' evening on Thursday?",
        "Following up on my last message about the fundraiser bake sale: can you bring a cake?",
        "I have something I want to share with you when we meet on Sunday. Love, Gran",
        "Our bank lets you pay a foreign bank account from the app; fees are shown first.",
        "The petrol money was split amongst ourselves after the trip.",
    ],
)
def test_ordinary_follow_ups_and_transfers_are_not_advance_fee(text: str) -> None:
    found = sources(check(text, None))
    assert not {"money-follow-up", "reply-bait-teaser", "officials-share-out"} & found


def test_the_advance_fee_dev_messages_are_read() -> None:
    # "Did you receive my previous email regarding your family inheritance?"
    read_dev_warned("rm-f70fc4b08553", "money-follow-up")
    # "… not remit into the government's purse … foreign bank account … amongst ourselves."
    read_dev_warned("rm-3e4bba2fd5d3", "officials-share-out")
    # "I have something I wanna share with you. Kindly reply back if interested."
    read_dev_warned("rm-1b03e74a8a20", "reply-bait-teaser")
    # "SEEK FOR YOUR APPROVAL TO SHARE SOME INFORMATION … CONFIRMING THIS MAIL", across lines.
    read_dev_warned("rm-94ffd4486ca1", "reply-bait-teaser")


# --- 3. A "second chance" to buy, by email --------------------------------------------------------


def test_a_second_chance_offer_by_email_is_a_warning() -> None:
    text = (
        "Hello, if you are still interested in my item, email me at once: you can buy it at "
        "your bid price of £300."
    )
    result = check(text, None)
    assert "second-chance-off-site" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND
    read_dev_warned("rm-10747b37fec6", "second-chance-off-site")


@pytest.mark.parametrize(
    "text",
    [
        "eBay: You've received a Second Chance Offer to buy this item at your highest bid "
        "price. View it in My eBay.",
        "Are you still interested in my item? It's on the site until Friday.",
        "Contact me if the item arrives damaged and I'll refund you through the site.",
    ],
)
def test_the_auction_sites_own_offer_is_not_off_site(text: str) -> None:
    assert "second-chance-off-site" not in sources(check(text, None))


# --- 4. A parcel the postman "cannot deliver" to a wrong address ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The address of your package is incorrect and the postman cannot deliver it.",
        "The courier can't deliver: the address for your parcel was incomplete.",
    ],
)
def test_a_wrong_address_parcel_is_a_delivery_problem(text: str) -> None:
    assert "delivery-problem" in sources(check(text, None))


def test_the_wrong_address_text_is_read() -> None:
    # The sign is the rules' own; the verdict rested on the wording sign beside it ("some"
    # until the fifty-fourth round's retrain, with fresh-62, left the text under its weak
    # threshold): a delivery problem alone is no more than a weak sign.
    assert "delivery-problem" in sources(read_dev_message("rm-0e1d9a9a6091"))


def test_a_delivery_promise_is_not_a_problem() -> None:
    text = "We cannot deliver on Sundays; your parcel will arrive on Monday between 9 and 11."
    assert "delivery-problem" not in sources(check(text, None))


# --- 5. A scam service reached privately is two signs, not one -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If your credit score is not as high as you want it to be, contact this genius hacker: "
        "fixscore99@gmail.com. He raised mine in a week.",
        "Thanks to the best hacker in the world who helped me recover all my funds, message him "
        "on telegram: t.me/recoverypro110",
        "Get your blank ATM card today and withdraw up to £5,000 a day. WhatsApp +1 213 555 0101",
    ],
)
def test_a_scam_service_by_a_private_route_is_strong(text: str) -> None:
    result = check(text, None)
    assert "family:scam-service-private-route" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # A warning about the adverts speaks as a warning.
        "Beware of posts praising a 'hacker' who can recover lost crypto: they give a Gmail "
        "address or a WhatsApp number, and they are all scams. Report them to Action Fraud.",
        "Our personal loans team: call 0345 600 0000 or visit any branch.",
    ],
)
def test_warnings_and_real_lenders_are_not_a_private_route(text: str) -> None:
    assert "family:scam-service-private-route" not in sources(check(text, None))


def test_the_hacker_adverts_are_strong() -> None:
    # A recovery testimony ending "message him on telegram … https://t.me/…".
    read_dev_strong("rm-289c156079fe", "family:scam-service-private-route")
    # "contact this genius hacker.... belladonnaethicalhacker@gmail.com"
    read_dev_strong("rm-2e9d83681cc7", "family:scam-service-private-route")
    # "GET YOUR BLANK ATM CARD … EMAIL: …@GMAIL.COM"
    read_dev_strong("rm-98b300ada6e6", "family:scam-service-private-route")


# --- 6. A long advert asks by giving a private route ----------------------------------------------

_LONG_LOTTERY = (
    "We are pleased to inform you that your email address won £1,500,000.00 in our "
    "international online lottery draw held in London. "
    + "The draw was conducted by random selection of email addresses from all over the world, "
    "and the result was approved by our board. " * 9 + "This notice expires in 48 hours."
)


def test_a_long_letter_that_gives_a_private_address_asks_something() -> None:
    assert len(_LONG_LOTTERY) > 1200
    # No request in words: without an address it cannot be "strong" (a long message needs
    # an ask); the claims agent's Gmail address is the ask.
    assert check(_LONG_LOTTERY, None).verdict is Verdict.SUSPICIOUS
    with_route = _LONG_LOTTERY + "\n\nClaims agent: Mr Peter Adams\nEmail: claims.agent@gmail.com"
    result = check(with_route, None)
    assert result.requests == ()
    assert result.verdict is Verdict.SCAM
    # "WhatsApp info: +1… Email info: …" above a 1,227-character recovery testimony.
    read_dev_strong("rm-d2c22635d73a", "family:hacker-recovery")


def test_a_long_club_letter_with_a_gmail_address_stays_calm() -> None:
    text = (
        "Dear members, the summer fete is on Saturday 14 June from 11am on the village green. " * 16
        + "Questions to the secretary, jo.bloggs.fete@gmail.com, or on WhatsApp. Thank you!"
    )
    assert len(text) > 1200
    assert check(text, None).verdict is Verdict.NONE_FOUND


# --- 7. A template field put into a phish excuses nothing ----------------------------------------

_PHISH = (
    "Royal Mail: Dear {field}, your parcel is on hold. Pay the £1.99 redelivery fee at "
    "https://royalmail-redelivery.top/pay today."
)


@pytest.mark.parametrize(
    "field", ["<%= @name %>", "{{ name }}", "((first_name))", "${customer}", "%{app_name}"]
)
def test_a_field_left_in_a_phish_does_not_cap_it(field: str) -> None:
    plain = check(_PHISH.format(field="Sam"), None)
    templated = check(_PHISH.format(field=field), None)
    assert plain.verdict is Verdict.SCAM
    assert templated.verdict is Verdict.SCAM
    assert not templated.template
    assert not any("template" in note for note in notes(templated))


def test_a_disguised_phish_with_a_field_is_not_a_template() -> None:
    # A zero-width space inside a word is a disguise, whatever fields the text holds.
    text = "Dear ((name)), your acc\u200bount is locked. Log in at https://secure-login.example.top"
    result = check(text, None)
    assert not result.template
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Dear ((name)), your appointment at the surgery is on ((date)) at ((time)). "
        "Reply CANCEL to cancel. ((link))",
        "Hello <%= @name %>, your account on our site will be deleted in 30 days. Sign in at "
        "https://www.gov.uk/sign-in to keep it.",
    ],
)
def test_a_real_senders_template_is_still_read_as_one(text: str) -> None:
    result = check(text, None)
    assert result.template or result.template_link
    assert result.verdict is not Verdict.SCAM


def test_two_small_link_problems_are_the_messages_own() -> None:
    one = "Dear ((name)), your account is locked. Log in at https://secure-login.example.top"
    two = one.replace("https://", "http://")  # (a risky ending on an unencrypted link)
    assert check(one, None).template
    assert not check(two, None).template
    assert check(two, None).verdict is Verdict.SCAM


def test_a_real_template_with_a_form_on_a_free_host_is_still_a_template() -> None:
    # A makerspace's dues reminder template: "confirming by using this form https://forms.gle/…"
    result = read_dev_message("rm-8ca077c4951c", label="genuine")
    assert result.template
    assert result.verdict is not Verdict.SCAM


# --- 8. The domain "buyer" who needs an appraisal first ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We would like to purchase your domain name example.co.uk. First we need an appraisal "
        "from one of the two appraisal companies below.",
        "I found you in a whois lookup and understand you own the domain. Would you sell it?",
    ],
)
def test_a_domain_buyer_wanting_an_appraisal_is_a_warning(text: str) -> None:
    result = check(text, None)
    assert "domain-buyer-appraisal" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your domain example.co.uk renews on 3 March. Log in to your registrar account to check.",
        "We'd like to buy your house; the appraisal is booked for Monday.",
        "Whois lookup results for example.com are private.",
    ],
)
def test_domain_renewals_and_house_sales_are_not_a_domain_buyer(text: str) -> None:
    assert "domain-buyer-appraisal" not in sources(check(text, None))


def test_the_domain_buyer_emails_are_read() -> None:
    read_dev_warned("rm-4b497bbc41dd", "domain-buyer-appraisal")
    read_dev_warned("rm-87db6d59c2ce", "domain-buyer-appraisal")


# --- 9. Payment outside the protection: pets, tickets, holiday lets, marketplace buyers --------
# (Shapes from Action Fraud's and police warnings about pet, ticket and rental fraud; no real
# message of these kinds is in the development data, so these written ones are the regression.)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        (
            "Hi, the puppy is still available. To reserve him I need a £250 deposit by bank "
            "transfer, then £180 for the vaccinations and the pet courier to deliver him.",
            "pet-deposit-fees",
        ),
        (
            "The kittens are with my sister in Wales. Pay a £100 deposit to hold her and the "
            "shipping fee of £95 for the travel crate.",
            "pet-deposit-fees",
        ),
        (
            "I have 2 tickets for Coldplay at Wembley, can't go anymore. £120 each, please pay "
            "by PayPal friends and family and I'll send them straight away.",
            "transfer-stranger",
        ),
        ("PayPal F&F only please, no card payments.", "transfer-stranger"),
        (
            "The villa is free for your dates. To secure it please pay the 30% deposit by bank "
            "transfer to our account, not through the website, as the site charges high fees.",
            "pay-off-the-site",
        ),
        (
            "Hi, is it still available? I will pay via PayPal and send a courier to collect the "
            "item from your house.",
            "family:courier-buyer",
        ),
    ],
)
def test_payment_outside_the_sites_protection_is_a_warning(text: str, sign: str) -> None:
    result = check(text, None)
    assert sign in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your dog's booster vaccination is due this month; book at reception. The fee is £45.",
        "Thank you for your deposit for Bella's grooming on Saturday. See you at 10am!",
        "Always pay through the website, never by bank transfer.",
        "Payment is taken through the app when you book; you can cancel for free until Friday.",
        "Share your PayPal account with friends and family? Read our guide to shared accounts.",
    ],
)
def test_vets_grooming_and_site_advice_are_not_payment_warnings(text: str) -> None:
    found = sources(check(text, None))
    assert not {"pet-deposit-fees", "pay-off-the-site", "transfer-stranger"} & found


# --- 10. A lover's money for the flight "to come and see you" -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I love you so much darling, I need £2,000 for my flight to come and see you. Please "
        "send it in gift cards.",
        "Honey please help me pay for the visa so I can finally meet you.",
        "My love, send me the money for the customs fee and then I can be with you.",
    ],
)
def test_money_for_a_lovers_flight_is_a_warning(text: str) -> None:
    result = check(text, None)
    assert "romance-travel-money" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_lovers_flight_paid_in_gift_cards_is_strong() -> None:
    text = (
        "I love you so much darling, I need £2,000 for my flight to come and see you, please "
        "send it by gift cards."
    )
    assert check(text, None).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "I've booked my flight to come and see you at Christmas, Mum!",
        "Can you send me the flight details so I can meet you at arrivals?",
        "I need to pay for my visa renewal before the trip; see you in June.",
    ],
)
def test_family_travel_plans_are_not_romance_fraud(text: str) -> None:
    assert "romance-travel-money" not in sources(check(text, None))


# --- 11. Quoted-printable left in a pasted email is decoded -------------------------------------


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        (
            "Your UMICH=C2=A0Account Certif=\nicate expired",
            "Your UMICH\xa0Account Certificate expired",
        ),
        ("It=E2=80=99s time: a=3Db =C2=A0", "It\u2019s time: a=b \xa0"),
        ("caf=E9 =C2=A0", "caf\xe9 \xa0"),  # (a byte of another character set)
    ],
)
def test_quoted_printable_residue_is_decoded(raw: str, read: str) -> None:
    assert undo_quoted_printable(raw) == read


@pytest.mark.parametrize(
    "text",
    [
        "Track it at https://example.com/?id=20&ref=3D7 today",  # no character of several bytes
        "E=mc2 and x=A0 are fine",
        "=c2=a0 in small letters is not quoted-printable",
    ],
)
def test_text_without_quoted_printable_is_left_alone(text: str) -> None:
    assert undo_quoted_printable(text) == text


def test_a_phish_pasted_with_quoted_printable_is_read() -> None:
    # "Your UMICH=C2=A0Account Certif= | icate expired … update your records by following the link"
    read_dev_strong("rm-f8a3d7283575", "family:account-locked")


def test_an_invisible_character_written_in_quoted_printable_is_still_hidden() -> None:
    text = "Your acc=E2=80=8Bount is locked=C2=A0today. Log in at https://secure-check.example.top"
    result = check(text, None)
    assert any(source.startswith("hidden:") for source in sources(result))


def test_a_huge_quoted_printable_input_is_decoded_quickly() -> None:
    text = "=C2=A0" * 150_000 + "=\n" * 10_000
    assert undo_quoted_printable(text) == "\xa0" * 150_000


# --- 12. Lessons from fresh-42 as development data (after its reading) --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We are calling because your computer has been generating error messages for weeks.",
        "Hello, we have received notifications of many problems from your computer today.",
    ],
)
def test_a_caller_about_your_computers_errors_is_tech_support(text: str) -> None:
    result = check(text, Channel.CALL)
    assert "family:computer-problem-call" in sources(result)


def test_an_it_newsletter_about_errors_is_not_a_tech_support_call() -> None:
    text = "Windows updates: if your computer keeps showing error messages, contact the IT desk."
    assert "family:computer-problem-call" not in sources(check(text, None))


@pytest.mark.parametrize(
    "text",
    [
        "Your protection service renewal will auto-charge 365 USD. Please call +1 (805) 555-0186 "
        "for assistance.",
        "Your subscription has auto-renewed and $399.99 has been charged to your card. To cancel "
        "and get a refund call 0800 555 0199 now.",
    ],
)
def test_a_renewal_charged_with_a_number_to_call_is_a_fake_invoice(text: str) -> None:
    result = check(text, None)
    assert "family:renewal-charge-callback" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your subscription renews on 3 March; manage it in your account at example.com.",
        "Your TV Licence renewal has been charged to your card. See your licence at "
        "https://www.tvlicensing.co.uk/check.",
    ],
)
def test_a_real_renewal_without_a_number_to_call_is_not_a_fake_invoice(text: str) -> None:
    assert "family:renewal-charge-callback" not in sources(check(text, None))


def test_a_pump_and_dump_tip_is_a_warning() -> None:
    text = (
        "Immediate & Strong BUY Recommendation. ONNN exploded from $1.94 to $4.13 in six days and "
        "ACME Holdings (OTCBB: ACMH) is next."
    )
    assert "stock-pump" in sources(check(text, None))
    assert "stock-pump" not in sources(
        check("Apple Inc. (NASDAQ: AAPL) reported its quarterly results today.", None)
    )


def test_the_fresh_42_lessons_read_its_scams() -> None:
    read_dev_strong("rm-bf0e0c9f6500", "family:computer-problem-call")
    read_dev_strong("rm-da7f7516376c", "family:computer-problem-call")
    read_dev_strong("rm-7e3c85811843", "family:renewal-charge-callback")
    read_dev_warned("rm-72897f770b61", "stock-pump")
    # "Hiring: Get paid while you train … message us on What'sApp"
    read_dev_strong("rm-385b22d5a27d", "family:job-off-platform")
    # "WINNING NOTIFICATION … To file for your claim Please Contact your fiduciary agent"
    read_dev_strong("rm-e62d553b731b", "family:prize-claim")


def test_a_claims_agent_to_contact_is_a_request() -> None:
    result = check("Congratulations, you won £1,000,000. Contact our claims agent today.", None)
    assert "family:prize-claim" in sources(result)
    assert "family:prize-claim" not in sources(
        check(
            "Congratulations on winning the raffle! Collect your prize at the school office.", None
        )
    )


# --- 13. Naming the real site does not excuse a stray number ------------------------------------

_LOCKED = (
    "HSBC: Your account is locked due to suspicious activity. Call our fraud team now on {number} "
    "to unlock it{tail}."
)


@pytest.mark.parametrize("number", ["07700 900123", "+1 (805) 555-0143", "0909 879 0000"])
def test_a_stray_number_beside_the_named_site_is_still_strong(number: str) -> None:
    alone = check(_LOCKED.format(number=number, tail=""), None)
    named = check(_LOCKED.format(number=number, tail=", or log in at hsbc.co.uk"), None)
    assert alone.verdict is Verdict.SCAM
    assert named.verdict is Verdict.SCAM


def test_the_apple_pay_phish_with_a_us_number_is_strong() -> None:
    # "Apple Support: 1-805-362-7442 / Billing Assistance: getsupport.apple.com/"
    read_dev_strong("rm-a73958d34a36", "family:account-locked")


@pytest.mark.parametrize(
    "text",
    [
        # A UK freephone or landline beside the named site keeps the site the route to use.
        "Tesco Clubcard: your vouchers are ready. See them at tesco.com/clubcard or call "
        "0800 591 688.",
        # A number the bank publishes (HSBC's own, from its service page).
        "HSBC: we've blocked a card payment. Check it in the app, at hsbc.co.uk, or call "
        "03457 404 404.",
    ],
)
def test_an_organisations_own_kind_of_number_beside_its_site_is_not_strong(text: str) -> None:
    assert check(text, None).verdict is not Verdict.SCAM


_FORGED = (
    "From: HSBC UK <alerts@hsbc.co.uk>\nTo: you@example.com\nSubject: Your account is locked\n\n"
    "Dear customer, your account is locked due to suspicious activity. Call our fraud team on "
    "{number} now or it will be closed in 24 hours.\n"
)


@pytest.mark.parametrize("number", ["07700 900123", "+1 213 555 0143"])
def test_a_from_line_on_the_banks_domain_does_not_excuse_a_stray_number(number: str) -> None:
    # A From line is easy to forge; the number to call is the message's own route.
    assert check(_FORGED.format(number=number), None).verdict is Verdict.SCAM


def test_the_banks_own_email_with_its_published_number_is_not_strong() -> None:
    assert check(_FORGED.format(number="03457 404 404"), None).verdict is not Verdict.SCAM
