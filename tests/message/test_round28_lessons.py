"""What the twenty-eighth round's study of the development data taught, with counter-examples.

Sections 1 to 7: real messages from ``fresh-17`` to ``fresh-33`` (development data since earlier
rounds); each counter-example was tried before ``fresh-34`` and ``fresh-35`` were read, and
five of them failed a first version of a pattern, which was narrowed before it was committed.
Sections 8 to 10: ``fresh-34`` and ``fresh-35``, read at the end of this round's first lessons
and moved to development in it; their counter-examples were tried before ``fresh-36`` and
``fresh-37`` are read. The ordinary messages are written here (a regression set, never a
figure).
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import _PHONE, Verdict
from sochelp.message.content import FACTS
from sochelp.render import to_json
from sochelp.render.message import message_text, notes
from tests.message.helpers import (
    check,
    check_rules,
    cue_fires,
    families,
    read_dev_message,
    read_dev_strong,
    sources,
)

# --- 1. fake helplines that open with their number ---------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "+ 61 1800870270 At BigPond, we understand that encountering issues with your email
        #  … our BigPond Helpline is ready to assist you." (was "some")
        "rm-1b854db04180",
        # "+61 1800-870-270 Thank you for being a valued Telstra customer! … Our dedicated
        #  customer support team is available …" (was "some")
        "rm-0c61b0c5b7e5",
    ],
)
def test_a_post_that_opens_with_a_support_number_is_a_helpline_advert(message_id: str) -> None:
    read_dev_strong(message_id, "family:number-first-helpline")


def test_a_number_written_with_a_space_after_the_plus_is_a_phone_number() -> None:
    assert [m.group(0) for m in _PHONE.finditer("+ 61 1800870270 At BigPond")] == [
        "+ 61 1800870270"
    ]
    assert "@number-first" in FACTS


@pytest.mark.parametrize(
    "text",
    [
        # A sentence about the number, not an advert led by it (failed the first version)
        "+44 345 300 0000 is our customer service number, lines are open 8am to 8pm.",
        # A pasted text with its sender's number in front
        "+44 7700 900123: Hi, it's Sam. Can you call the school office back about Friday?",
        # The company's own number, not at the start
        "Thank you for being a valued Telstra customer! Call our customer support team on "
        "+61 13 22 00 if anything is wrong.",
        # A UK number first: no country code
        "0800 800 150 BT customer service is open until 9pm tonight.",
    ],
)
def test_a_number_that_does_not_lead_an_advert_is_no_helpline_advert(text: str) -> None:
    assert "number-first-helpline" not in families(check(text))


# --- 2. recovery firms named in capitals, and their disguised contacts -------------------------


def test_a_recovery_firm_named_in_capitals_is_a_hacker_firm() -> None:
    # "Then I read about a team “Called FASTFUND RECOVERY(FASTFUNDRECOVERY8 (@)GMAIL COM )
    #  which helped people retrieve their lost funds … w/a, 1.8.0.7.5.0.0.7.5.5.4" (was "some")
    read_dev_strong("rm-549f9dacb477", "family:hacker-recovery")


@pytest.mark.parametrize(
    "text",
    [
        "I read about FASTFUND RECOVERY, which helped people",
        "a friend recommended TECH CYBER FORCE RECOVERY, and it turned out",
    ],
)
def test_capitalised_recovery_names_fire_the_cue(text: str) -> None:
    assert cue_fires("hacker-firm", text)


@pytest.mark.parametrize(
    "text",
    [
        "ABC DATA RECOVERY can restore files from a broken drive.",
        "FINAL NOTICE FROM NORTHERN DEBT RECOVERY LTD",
        "WISHING YOU A SPEEDY RECOVERY",
        "ON THE ROAD TO RECOVERY",
        # An addiction-recovery group with a phone number (failed the first version: "some")
        "PHOENIX RECOVERY GROUP meets on Tuesdays at the church hall.",
        "Fast recovery after surgery is normal.",
    ],
)
def test_recovery_in_ordinary_names_is_no_hacker_firm(text: str) -> None:
    assert not cue_fires("hacker-firm", text)


def test_an_addiction_recovery_group_with_a_number_is_calm() -> None:
    result = check(
        "PHOENIX RECOVERY GROUP meets on Tuesdays at the church hall. New members welcome, "
        "call +44 7700 900123."
    )
    assert "hacker-recovery" not in families(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_disguised_webmail_and_whatsapp_contacts_are_found() -> None:
    assert cue_fires("webmail-address", "FASTFUNDRECOVERY8 (@)GMAIL COM")
    assert cue_fires("webmail-address", "recoverypro [@] gmail.com")
    assert cue_fires("off-platform-contact", "Fastfundrecovery dot com. w/a, 1.8.0.7.5.0.0.7.5.5.4")
    assert not cue_fires("webmail-address", "Find us @ the Gmail stand at the expo")
    assert not cue_fires("off-platform-contact", "Invoice w/a attached, thanks")


# --- 3. hacking services offered -----------------------------------------------------------------


def test_a_hacking_services_menu_is_strong() -> None:
    # "we are Loophack.org we offer cyber services that include: Hacking mobile phones,
    #  instagram, … -Changing school grades without leaving traces, -Clearing criminal records
    #  without leaving traces, -Bank account hack/funds transfer" (was "some")
    read_dev_strong("rm-4bb9850c5476", "hacking-services")


@pytest.mark.parametrize(
    "text",
    [
        "Hacking mobile phones is easier than you think: keep your software up to date.",
        "Police warn that criminals are hacking WhatsApp accounts to ask friends for money.",
        "Our services include penetration testing and ethical hacking of your own network.",
        "We provide penetration testing, including hacking of your web apps and mobile phones, "
        "with your written permission. Call our team on 0161 496 0000.",
        "Changing school grades is not something we can do: your exam results are final once "
        "published.",
        "We can help you if your Facebook account was hacked: report it at facebook.com/hacked.",
        "Thanks for getting in touch. Our services include fixing your credit score problems "
        "legally; we never ask for fees upfront.",
    ],
)
def test_talk_about_hacking_is_no_hacking_offer(text: str) -> None:
    result = check(text)
    assert "hacking-services" not in sources(result)
    # (The rules find nothing; since the thirty-third round's retrained wording sign, a pen
    # tester's "hacking of your web apps and mobile phones" is worded enough like the hackers'
    # adverts for "some" by the sign alone, never more.)
    assert check_rules(text).verdict is Verdict.NONE_FOUND
    assert result.verdict is not Verdict.SCAM


# --- 4. a ladder of daily, weekly and monthly earnings --------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Do you know you can earn $1000 daily, $12000 weekly and $25000 monthly or more while
        #  trading bitcoins or forex? WhatsApp us for details:+1631…" (was "some")
        "rm-88453fcef04e",
        # "#INVESTMENT is one great option in levicryptotrade.com … $3000 each day $20000 each
        #  week $80000 each month." (was "some")
        "rm-8f1b8b3dc58d",
    ],
)
def test_a_ladder_of_earnings_is_a_promise_of_returns(message_id: str) -> None:
    read_dev_strong(message_id, "guaranteed-returns")


@pytest.mark.parametrize(
    "text",
    [
        # Pay for two kinds of job, one period (failed the first version: "strong")
        "Average pay is $1,200 monthly for part-time and $2,400 monthly for full-time staff.",
        "Pay: £12.50 per hour, about £475 weekly for 38 hours.",
        "Day rate £450 per day; £2,250 per week for a five-day week.",
        "Your pension of £1,050 monthly will be paid on the 1st; the lump sum of £12,000 is paid "
        "once.",
    ],
)
def test_ordinary_pay_is_no_ladder_of_earnings(text: str) -> None:
    assert "guaranteed-returns" not in sources(check(text))


# --- 5. a check on the sender's own site ---------------------------------------------------------


def test_a_check_on_an_official_site_is_a_trusted_route() -> None:
    assert cue_fires(
        "trusted-route",
        "If you want to check this message is real, visit: www.norwich.gov.uk/TenancyTexts",
    )
    assert not cue_fires(
        "trusted-route", "To check this message is real, visit norwich.gov.uk.tenancy-check.com"
    )
    # (It vouches for nothing beside a link of the message's own: a scammer adds it as cover.)
    result = check(
        "Your council tax refund is ready: http://council-refund.example.com. To check this "
        "message is real, visit www.norwich.gov.uk"
    )
    assert result.verdict is not Verdict.NONE_FOUND


# --- 6. business requests: payroll changes, wire transfers, hours written "hrs" ------------------


def test_a_changed_bank_and_payroll_update_is_changed_details() -> None:
    # "I have recently changed my banks, can you update my payroll direct deposit information
    #  since the account on record will be inactive …" (was "some": "banks" was not read)
    read_dev_strong("rm-ac887ec82918", "changed-bank-details")


def test_a_boss_asking_to_process_a_wire_transfer_is_boss_payment() -> None:
    # "Can you please email me the details you will need to help me process an outgoing wire
    #  transfer to another bank. … I can't take calls right now due to meetings" (was "some")
    read_dev_strong("rm-1fcbbf8e9cde", "family:boss-payment")


def test_a_student_job_needing_1_2hrs_is_a_job_offer() -> None:
    # "… a part time position … this will only require 1-2hrs 3 days a week, no work experience
    #  … You can make $700 bi-weekly … To Apply, kindly follow the link" (was "some")
    read_dev_strong("rm-50e68a031833", "family:job-offer")


@pytest.mark.parametrize(
    "text",
    [
        "Please can you process a bank transfer of £250 to the caterers from the club account? "
        "Thanks, Jean (treasurer)",
        "We were unable to process the bank transfer you requested on 3 May. Please sign in to "
        "online banking to check the payee details.",
        "Hi Dad, I need to send a bank transfer for my rent, can you show me how on Saturday?",
        "Volunteering with us will only require 2hrs a week, and training is given. Email "
        "volunteers@ageuk-example.org.uk",
    ],
)
def test_ordinary_transfers_and_short_hours_are_calm(text: str) -> None:
    assert check(text).verdict is Verdict.NONE_FOUND


# --- 7. a spell-caster testimony that names its "Dr" and the spell ------------------------------


def test_a_testimony_naming_a_dr_and_the_spell_is_a_spell_caster_advert() -> None:
    # "I have my boyfriend back in my life with the help of Dr Oniha. He said sorry 24 hours
    #  after the spell was created. … ONIHASPELLTEMPLE@GMAIL.COM … Call/Whatsapp +1669…"
    #  (was "some": no "spell caster" words)
    read_dev_strong("rm-5e6c538d1685", "spell-caster", "family:spell-caster-contact")


@pytest.mark.parametrize(
    "text",
    [
        # A figure of speech beside a doctor (failed the first version: "strong")
        "Dr Okafor prescribed antibiotics. My mum said the spell was broken when her fever "
        "finally went. Thanks to everyone who sent flowers, call me on WhatsApp +44 7700 900123",
        "Doctor Strange: the spell was cast too late to save the city.",
        "Dr Patel saw me after a dizzy spell was reported by the school.",
    ],
)
def test_a_doctor_beside_a_spell_of_another_kind_is_no_spell_caster(text: str) -> None:
    assert "spell-caster" not in sources(check(text))


# --- 8. fresh-34 and fresh-35 (development since this round): helpline adverts --------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "… ⇠44-203-807-2347 or 1-888-250-5034 … connecting with a live Ryanair®™ agent …"
        #  (the numbers eight times; was "none")
        "rm-2991cb585e66",
        # "For assistance with British Airways, you can call customer service at
        #  +[1-866-738-0622] in the U.S. or +[1-866-738-0622] internationally …" (was "some")
        "rm-d2b7cd47143e",
    ],
)
def test_one_number_written_again_and_again_for_customer_service_is_an_advert(
    message_id: str,
) -> None:
    read_dev_strong(message_id, "family:repeated-support-number")


def test_a_number_written_apart_with_stars_is_a_phone_number() -> None:
    # "… by calling their customer service number at (+44*203*808*9137] (UK) …" (was "some")
    assert [m.group(0) for m in _PHONE.finditer("at (+44*203*808*9137] (UK)")] == [
        "+44*203*808*9137"
    ]
    read_dev_strong("rm-8c7d74689b1c", "family:helpline-pointer")
    assert cue_fires(
        "helpline-advert", "You can call their Qatar Airways customer service hotline at"
    )
    assert cue_fires(
        "helpline-advert", "give their dedicated support line a ring at +44-808-502-2533"
    )


@pytest.mark.parametrize(
    "text",
    [
        # A charity's own helpline, UK numbers (no country code)
        "The Citizens Advice consumer helpline is 0808 223 1133. Ring 0808 223 1133 for free; "
        "lines open 9-5 on 0808 223 1133; textphone 0808 223 1133.",
        # A company's own numbers, in the first person
        "Our customer service team: UK +44 20 7946 0000, US +1 212 555 0100. Call us on "
        "+44 20 7946 0000 or +44 20 7946 0000, or write to us. Lines open 9-5, +44 20 7946 0000.",
        "I tried calling their customer service number at 0345 300 0000 three times and nobody "
        "answered, so I gave up.",
    ],
)
def test_a_helpline_given_by_its_owner_or_a_customer_is_no_advert(text: str) -> None:
    found = families(check(text))
    assert not found & {"repeated-support-number", "helpline-pointer", "helpline-advert"}


# --- 9. recovery testimonies ------------------------------------------------------------------


@pytest.mark.parametrize(
    "message_id",
    [
        # "Trace Hackers Crypto Recovery has restored my faith … +447355702876" (was "none")
        "rm-f441e9af3f36",
    ],
)
def test_a_recovery_firm_named_in_title_case_is_a_hacker_firm(message_id: str) -> None:
    read_dev_strong(message_id, "family:hacker-recovery")


def test_a_testimony_telling_of_a_lady_pretending_is_no_warning() -> None:
    # "I got contacted by a lady pretending to be a Forex trader account manager … a company
    #  CYBERPOINT Recovery that can help me recover my money …" (was "none": its story of the
    #  first scam read as the voice of a warning, so its words were all forgotten)
    read_dev_strong("rm-9b693845eec8")
    assert not cue_fires("warning-voice", "I got contacted by a lady pretending to be a trader")
    assert cue_fires("warning-voice", "Someone pretending to be from your bank may call you.")


@pytest.mark.parametrize(
    "text",
    [
        "Regards, Telegram Recovery Team",
        "Our Enhanced Recovery After Surgery team will call you.",
        "The Local Nature Recovery Strategy consultation closes on Friday.",
        "Smith Vehicle Recovery will collect your car from the roadside.",
    ],
)
def test_recovery_in_ordinary_title_case_names_is_no_hacker_firm(text: str) -> None:
    assert not cue_fires("hacker-firm", text)


# --- 10. any sender's template is at most "some" -----------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "was"),
    [
        # DfE's new-sign-in template: "IP address: <%= @device[:ip_address] %> … If this was
        #  not you, contact us immediately on the number below." (was "strong")
        ("rm-d6e83aa13bff", Verdict.SCAM),
        # "As requested, your %{app_name} account will be deleted in 24 hours." (was "strong")
        ("rm-acfd4e423979", Verdict.SCAM),
    ],
)
def test_a_senders_template_is_at_most_some(message_id: str, was: Verdict) -> None:
    result = read_dev_message(message_id, label="genuine")
    assert result.verdict is not Verdict.SCAM, was
    assert result.template


def test_a_template_is_said_in_every_view() -> None:
    result = check("Dear <%= @name %>, your account will be deleted in 24 hours. Sign in now.")
    assert result.template and not result.template_link
    said = notes(result)
    assert any("template" in line for line in said)
    assert said[0] in message_text(result)
    assert to_json(result)["template"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Dear [Your Name], your parcel is held. Pay £1.99 at royalmail-fee.example.com today.",
        "Dear <user>, your account is locked. Verify at secure-login.example.com now.",
        "((((( DOUBLE THE SPEED OF YOUR PC ))))) Click http://speedup.example.com now!!!",
        "Your account {%RAND%} is suspended, verify at http://verify.example.com",
    ],
)
def test_a_quoters_mask_or_spam_decoration_is_no_template(text: str) -> None:
    assert not check(text).template


# --- 11. a boss's payment by email, and free Nitro ----------------------------------------------


def test_process_and_email_me_once_done_is_a_boss_request() -> None:
    # "Here is the information to process a transfer of £ 18,800 Sort code : 205513 …
    #  Process and email me once it is done . I will appreciate a swift email response."
    #  (was "none")
    read_dev_strong("rm-d9dd6ea49034", "family:boss-payment")


def test_free_nitro_with_a_link_is_a_lure() -> None:
    # "Gifts for the new year, nitro for 3 months: (url)" (was "none")
    result = read_dev_message("rm-5d0c28eb9a53")
    assert "free-nitro-link" in families(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Mum, I got Discord Nitro as a gift from Dad for my birthday, thanks!",
        "Nitro cold brew is back at the café: https://cafe.example.co.uk/menu",
        "Hi all, I will appreciate a quick reply about the rota for Saturday.",
        "Hi Tom, here are the bank details for the caterers: sort code 20-55-13, account "
        "03099202. Please pay the £450 deposit from the club account and let me know once it "
        "is done. Thanks, Jean",
    ],
)
def test_a_gift_a_coffee_and_a_treasurers_note_are_calm(text: str) -> None:
    assert check(text).verdict is Verdict.NONE_FOUND
