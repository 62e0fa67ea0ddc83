"""What the twenty-seventh round's study of ``fresh-30`` to ``fresh-33`` taught, with
counter-examples.

The real messages of sections 1 to 3 come from ``fresh-30`` and ``fresh-31`` (held out in the
twenty-sixth round, development data since the twenty-seventh); each counter-example there was
tried before the next batches (``fresh-32`` and ``fresh-33``) were read. Section 4 comes from
``fresh-32`` and ``fresh-33``, read early in the twenty-seventh round and moved to development
in it; its counter-examples were tried before ``fresh-34`` and ``fresh-35`` are read. The
ordinary messages are written here (a regression set, never a figure).
"""

from __future__ import annotations

import json

import pytest

from sochelp.message.analyse import _PHONE, Verdict, analyse
from sochelp.message.content import FACTS
from sochelp.message.links import extract, refang
from sochelp.message.model import Channel
from sochelp.render import to_json
from sochelp.render.message import message_text, notes
from tests.message.helpers import (
    bundled,
    check,
    cue_fires,
    families,
    read_dev_message,
    read_dev_strong,
    read_dev_warned,
    sources,
)

# --- 1. genuine messages the batches' false alarms taught ----------------------------------------


@pytest.mark.parametrize(
    ("message_id", "was"),
    [
        # DfE's QTS reminder template: "You must respond to this request by <%= @due_date … %>
        #  otherwise your QTS application will be declined … sign in … at: <%=
        #  new_teacher_session_url %>" (was "strong": the link field read as a hidden link)
        ("rm-26fb8234c9d2", Verdict.SCAM),
        # The UK ETS registry's template: "Use this link to sign in to the registry and update
        #  your authenticator app: … ${url} This link will expire" (was "some")
        ("rm-31b0845ea910", Verdict.SUSPICIOUS),
    ],
)
def test_templates_whose_link_is_a_field_are_calm(message_id: str, was: Verdict) -> None:
    result = read_dev_message(message_id, label="genuine")
    assert result.verdict is Verdict.NONE_FOUND, (was, sources(result))
    assert result.template_link


def test_a_verification_template_is_no_longer_strong() -> None:
    # HMRC's Help to Save template: "Please click the link below within the next 30 minutes to
    #  verify your email address: @{params("verificationLink")}" (was "strong"; the request and
    #  the wording read "some" until the thirty-first round, which gives a sender's template no
    #  wording sign: now calm)
    result = read_dev_message("rm-b907ffc3cf51", label="genuine")
    assert result.verdict is Verdict.NONE_FOUND
    assert "account-phishing" not in families(result)
    assert "combination:link-route" not in sources(result)


# --- 2. scams the batches' misses taught ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "sign"),
    [
        # "If you need to reach McAfee UK customer service, simply dial 44 (0)808-280-8037."
        #  (was "some": a country code written without its "+" was no phone number)
        ("rm-d68a0a2a027f", "family:helpline-pointer"),
        # "To contact British Airways by phone, you can call their customer service at
        #  +1-888-507-2235 (USA), … or +44 (20) 81260009 (UK)" (was "some")
        ("rm-4cd8bb8f4c57", "family:helpline-pointer"),
        # "I Lost £50,000 to a Scam. Here's How Cyber Constable Intelligence Got My Money Back …
        #  on their Website at https://cyberconstableintelligence. com, a company that specializes
        #  in recovering funds" (was "none": the link written with a space before a comma)
        ("rm-9bd6f93e5616", "family:recovery-offer"),
        # "Buy Drivers License Registered in EU,USA databases, (…@gmail.com)" (was "some")
        ("rm-bd7fe0508d27", "documents-for-sale"),
    ],
)
def test_helpline_adverts_a_recovery_story_and_document_sellers_are_strong(
    message_id: str, sign: str
) -> None:
    read_dev_strong(message_id, sign)


@pytest.mark.parametrize(
    ("message_id", "sign"),
    [
        # "If you need to get in touch with McAfee UK customer service, you can call their
        #  dedicated helpline at +44 (0)808-280-8037." (was "none"; one sentence, so "some")
        ("rm-c9142ffe53b7", "family:helpline-pointer"),
        # "I have contacted many casters and bought almost ten spells without results … Dr.ancient
        #  cast the most wonderful spell for me" (was "none")
        ("rm-06a6314a44ec", "spell-caster"),
        # "I'm looking for someone to attend these interviews on my behalf, using my name and
        #  resume … we can split the salary" (was "none")
        ("rm-ad90a576de7e", "proxy-interview"),
    ],
)
def test_a_helpline_line_a_spell_testimonial_and_a_proxy_interview_get_a_warning(
    message_id: str, sign: str
) -> None:
    read_dev_warned(message_id, sign)


# --- 3. the general capabilities, with counter-examples -------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        "${url}",
        "((url))",
        "<%= new_teacher_session_url %>",
        '@{params("verificationLink")}',
        "{{ confirmation_link }}",
        "{{.URL}}",
        "[% report.url %]",
        '<xsl:value-of select="BookingLink" />',
    ],
)
def test_a_templates_link_field_is_recognised(field: str) -> None:
    assert cue_fires("template-link", f"Sign in at {field} to see it.")


@pytest.mark.parametrize(
    "text",
    ["${amount}", "((first name))", "<%= @name %>", "{{ user.email }}", "[link removed]"],
)
def test_other_fields_and_removed_links_are_not_a_templates_link(text: str) -> None:
    assert not cue_fires("template-link", text)


def test_a_template_link_is_said_in_every_view() -> None:
    text = "Dear ((name)), use this link to reset your password: ((url)). It expires in 1 hour."
    result = check(text, Channel.EMAIL)
    assert result.template_link
    assert "combination:link-route" not in sources(result)
    said = notes(result)
    assert any("template" in line for line in said)
    assert said[0] in message_text(result)
    assert json.loads(json.dumps(to_json(result)))["template_link"] is True


def test_a_removed_link_is_still_a_link_you_cannot_check() -> None:
    # (Quoted scams' "[link removed]" is not a template's field: the route is still unknown.)
    text = "Royal Mail: your parcel is held. Pay the 1.99 GBP fee at [link removed] today."
    result = check(text, Channel.SMS)
    assert not result.template_link
    assert result.verdict is Verdict.SCAM


def test_a_phishing_template_keeps_its_other_signs() -> None:
    # A phishing kit's template ("{{.URL}}") loses the route sign but not its words: it still
    # gets a warning, and the note says its link could not be checked.
    text = (
        "Dear {{.FirstName}}, your mailbox is full. Click {{.URL}} to verify your account "
        "within 24 hours or it will be deleted. IT Helpdesk"
    )
    result = check(text, Channel.EMAIL)
    assert result.template_link
    assert result.verdict is Verdict.SUSPICIOUS
    assert {"verify-account", "deadline-hours"} <= sources(result)


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("simply dial 44 (0)808-280-8037.", "44 (0)808-280-8037"),
        ("+44 (20) 81260009 (UK)", "+44 (20) 81260009"),
        ("call +1-888-507-2235 now", "+1-888-507-2235"),
        ("call 1-888-991-8250 USA", "1-888-991-8250"),
        ("ring 1 (800) 247-9297", "1 (800) 247-9297"),
        ("on 0300 123 4567", "0300 123 4567"),
    ],
)
def test_phone_numbers_in_their_international_forms(written: str, found: str) -> None:
    assert [m.group(0) for m in _PHONE.finditer(written)] == [found]


@pytest.mark.parametrize(
    "text", ["it costs 44 (0) pounds", "in 2024 (0) items", "page 1-800 of the report"]
)
def test_numbers_in_brackets_and_ranges_are_not_phone_numbers(text: str) -> None:
    assert not list(_PHONE.finditer(text))


def test_intl_phone_is_a_fact_families_can_use() -> None:
    assert "@intl-phone" in FACTS


@pytest.mark.parametrize(
    "text",
    [
        "If you need to reach BT customer service, call them on 0800 800 150.",
        "You can reach Octopus Energy customer support at 0808 164 1088, they were really helpful.",
        "To contact British Gas by phone, call 0333 202 9802.",
        "Questions about your bill? Call our helpline on 0800 123 4567, or contact Aviva customer "
        "service on +44 345 030 3030 about your home insurance.",
        "If you need help, contact Customer Support at +44 800 123 4567.",
    ],
)
def test_a_uk_number_a_firms_own_helpline_or_no_firm_is_not_a_helpline_advert(text: str) -> None:
    assert "helpline-pointer" not in families(check(text, Channel.SMS))


def test_a_partners_number_in_a_booking_email_is_a_warning_not_a_scam() -> None:
    # (The weight of 3 is why: a genuine booking email may point to a partner's line so.)
    text = (
        "Booking confirmed: Hotel Alfa, Rome, 3 nights. If you need to change your room, "
        "contact Booking.com customer service at +44 20 3320 2609. Enjoy your stay!"
    )
    result = check(text, Channel.EMAIL)
    assert "helpline-pointer" in families(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (
            "at https://cyberconstableintelligence. com, a company",
            "https://cyberconstableintelligence.com,",
        ),
        ("see www.example. com.", "www.example.com."),
        ("www.example. org) ok", "www.example.org)"),
    ],
)
def test_a_link_split_after_its_dot_is_joined_before_punctuation(text: str, joined: str) -> None:
    assert joined in refang(text)
    assert extract(text, bundled().suffixes) != []


@pytest.mark.parametrize(
    "text",
    ["Go to www.nhs.uk. Me, I would wait.", "Visit https://www.gov.uk. Com, it is."],
)
def test_a_capital_after_a_links_full_stop_starts_a_sentence(text: str) -> None:
    assert refang(text) == text


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("spell-caster", "Raid went well, the priest cast a shield spell for me just in time"),
        ("spell-caster", "I bought spells and potions in the Harry Potter shop."),
        (
            "proxy-interview",
            "Hi Sarah, could you attend these interviews on my behalf on Thursday? I am on "
            "leave. Thanks, Tom",
        ),
        ("documents-for-sale", "Get your passport renewed online at gov.uk/renew-adult-passport"),
        ("documents-for-sale", "Did you get your driving licence back from the DVLA?"),
    ],
)
def test_games_colleagues_and_real_document_offices_are_not_the_new_signs(
    rule: str, text: str
) -> None:
    assert rule not in sources(check(text))


def test_a_template_link_leaves_real_links_judged() -> None:
    text = "Dear ((name)), pay at https://pay-royalmail-fees.com or ((url)) today."
    result = analyse(text, bundled(), channel=Channel.SMS)
    assert [r.domain for r in result.links] == ["pay-royalmail-fees.com"]
    assert "combination:link-route" in sources(result) or result.verdict is not Verdict.NONE_FOUND


# --- 4. lessons from fresh-32 and fresh-33 -------------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "sign"),
    [
        # "Ever experienced the dread of losing access to your Bitcoin wallet? … Trust Geeks Hack
        #  Expert is here … reclaiming your lost or locked Bitcoin wallets" (was "some")
        ("rm-8054faca3559", "family:hacker-recovery"),
        # "Yes, you can talk with someone at Ryanair. Call their customer service hotline number
        #  which is +1 +(844) 296-4459 or +44 (20) 39003980 {UK}." (was "some")
        ("rm-8f9ac4904053", "family:helpline-pointer"),
    ],
)
def test_a_hack_expert_and_a_hotline_advert_are_strong(message_id: str, sign: str) -> None:
    read_dev_strong(message_id, sign)


def test_a_phone_hacking_testimony_with_a_spaced_webmail_address_gets_a_warning() -> None:
    # "this hacker called hackerspytech @ gmail com how he helps people hack into phones … i was
    #  able to break into his phone without him knowing" (was "none")
    read_dev_warned("rm-87e2131e5bd4", "family:spy-hacker")


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("recovery-help", "Hackwest at writeme dot com, which helped me recover all of my funds"),
        ("recovery-help", "here to help you recover your cryptocurrency funds"),
        ("recovery-help", "top-notch assistance in reclaiming your lost or locked Bitcoin wallets"),
        ("hacker-firm", "until I discovered Proxy Expert Hackers"),
        ("webmail-address", "this hacker called hackerspytech @ gmail com"),
        ("webmail-address", "mail him at recoverypro @ gmail dot com"),
    ],
)
def test_the_new_wording_is_recognised(cue: str, text: str) -> None:
    assert cue_fires(cue, text)


def test_a_bosss_errand_opener_is_a_ceo_request() -> None:
    text = "Let me know if you are available. I have an errand I need you to run for me today."
    assert "ceo-request" in sources(check(text, Channel.EMAIL))


@pytest.mark.parametrize(
    "text",
    [
        "Coinbase support helped me recover my bitcoin after I lost my phone: coinbase.com/help",
        "My accountant helped me recover my investments after the divorce, call him on 07700 "
        "900123",
        "My bank helped me recover all of my funds after the fraud, call them on 0345 300 0000",
    ],
)
def test_help_from_a_bank_adviser_or_support_desk_is_no_recovery_offer(text: str) -> None:
    result = check(text)
    assert not families(result) & {"recovery-offer", "hacker-recovery"}
    assert not cue_fires("recovery-help", text)


@pytest.mark.parametrize(
    "text",
    [
        "North Korean expert hackers stole $600 million in crypto, the FBI said.",
        "the hacker got into his phone without him knowing, police said",
        "Find us @ the Gmail stand at the expo",
    ],
)
def test_news_and_stands_are_not_the_new_signs(text: str) -> None:
    result = check(text)
    assert not families(result) & {"recovery-offer", "hacker-recovery", "spy-hacker"}
    for cue in ("hacker-firm", "webmail-address", "spy-on-partner"):
        assert not cue_fires(cue, text), cue


@pytest.mark.parametrize(
    "message_id",
    [
        # "I have contacted many casters … Thank you Dr.ancient of ancientbeninshrine@gmail.com"
        "rm-06a6314a44ec",
        # "+256791604197,mama raufan, spell caster to reunite my ex lover back, I need a spell
        #  caster …" (both were "some": the rule alone)
        "rm-069a06022ce5",
    ],
)
def test_a_spell_caster_advert_with_a_private_contact_is_strong(message_id: str) -> None:
    read_dev_strong(message_id, "spell-caster", "family:spell-caster-contact")


@pytest.mark.parametrize(
    "text",
    [
        "Hi all, for Saturday's D&D session I'm playing a spell caster this time. Email me at "
        "tom.dnd@gmail.com if you need the character sheet.",
        "Halloween party at the village hall! Our magician and spell caster show starts at 6pm. "
        "Tickets: 07700 900123",
        "Spell casters in Elden Ring are overpowered, message me on WhatsApp +44 7700 900123",
    ],
)
def test_a_spell_caster_in_a_game_or_a_show_is_no_advert(text: str) -> None:
    result = check(text)
    assert "spell-caster" not in sources(result)
    assert "spell-caster-contact" not in families(result)


def test_a_threat_to_send_a_video_to_your_emails_and_contacts_is_sextortion() -> None:
    # "I made a video showing how you satisfy yourself … With one click of the mouse, I can send
    #  this video to all your emails and contacts on social networks." (was "some")
    read_dev_strong("rm-56d6328a9d52", "intimate-images", "share-with-contacts")


@pytest.mark.parametrize(
    "message_id",
    [
        # "I am writing to you to stand as my partner to receive my share of gratification …"
        "rm-e760ff602551",
    ],
)
def test_a_long_offer_that_asks_for_an_answer_can_be_strong(message_id: str) -> None:
    read_dev_strong(message_id)


def test_a_long_proxy_interview_offer_that_asks_for_an_answer_is_warned() -> None:
    # A proxy-interview offer of over 1,200 characters ending "Let me know if this opportunity
    #  interests you." (was "some": a long message that asked nothing). It read "strong" while
    #  the wording sign scored it; the sign retrained with extra-world15.jsonl (forty-fourth
    #  round, by its recipe) no longer does, so its one sign of six points leaves it at "some".
    read_dev_warned("rm-ad90a576de7e", "proxy-interview")


def test_asking_for_interest_is_no_route_for_scam_families() -> None:
    # (Were it a request to reply, "prizes" and "£5 a week" would make families of this.)
    text = (
        "Hi Tom, we are running a five-a-side league on Thursdays at the leisure centre from "
        "January. It costs £5 a week and you would need your own kit. We have space for two "
        "more players this season. Let me know if you're interested and I'll add you to the "
        "WhatsApp group. We also do a summer tournament with prizes for the winners."
    )
    assert cue_fires("asks-interest", text)
    result = check(text)
    assert "reply" not in result.requests
    assert result.verdict is Verdict.NONE_FOUND
