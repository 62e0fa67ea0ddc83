"""What the later world extra sets taught: readings their messages needed.

``benchmarks/data/real-messages/extra-world2.jsonl`` to ``-world10`` (messages aimed at other
English-speaking countries, collected for tuning) were each read once before any change (their
first readings are in the data README); these are the general readings their misses and false
alarms showed, each with genuine counter-examples.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

from sochelp.message.analyse import MessageResult, Verdict, analyse
from sochelp.message.model import Channel
from tests.message.helpers import bundled, check, families, sources

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import message_sets as sets
from check_message_eval import _channel


@cache
def _samples() -> dict[str, sets.Sample]:
    records = [
        record
        for name in (
            "extra-world2.jsonl",
            "extra-world3.jsonl",
            "extra-world4.jsonl",
            "extra-world5.jsonl",
            "extra-world6.jsonl",
            "extra-world7.jsonl",
            "extra-world8.jsonl",
            "extra-world9.jsonl",
            "extra-world10.jsonl",
            "extra-world11.jsonl",
            "extra-world12.jsonl",
        )
        for record in sets.load_real(sets.REAL_DIR / name)
    ]
    return {sample.id: sample for sample in sets.extra_samples(records)}


def _read(message_id: str, label: str = "scam") -> MessageResult:
    sample = _samples()[message_id]
    assert sample.label == label
    return analyse(sample.text, bundled(), channel=_channel(sample.kind))


@pytest.mark.parametrize(
    ("message_id", "source"),
    [
        ("rm-90fa12abab42", "kidnap-claim"),  # "we have your daughter here, and we're holding her"
        ("rm-b7945b06938d", "kidnap-claim"),  # "I have your daughter. I've kidnapped her"
        ("rm-3d03fc94c4a6", "family:expiring-cover"),  # "your car's expired warranty"
        ("rm-43091c182a9c", "dont-tell"),  # "this information must be kept away from the public"
        ("rm-225e060cfc6e", "family:job-offer"),  # "part-time work-from-home job and earn money"
        ("rm-84740ffb88bc", "family:recruiter-text"),  # "recruitment team found you through…"
        ("rm-58eb56bccada", "hacked-you"),  # "I do know … is your passphrases"
        ("rm-fc1df3fcd875", "hacked-you"),  # "I am aware … is your pass[word]"
        ("rm-3253309561ae", "ceo-request"),  # "I am in a meeting right now. I need you to run…"
        ("rm-659f61beb5da", "lend-money"),  # "I need you to wire me $4,000"
        ("rm-2a2c49bff784", "family:legal-call"),  # "enforcement actions executed by …"
        ("rm-5ed8f6d78539", "family:brand-robocall"),  # "Alexa from Amazon support … automated"
        ("rm-7938ab210f77", "family:official-call-pressure"),  # "This is the consulate of …"
        ("rm-78bebc7f3749", "family:legal-accusation"),  # "a complaint has been filed against you"
        ("rm-9717edb5f9c3", "family:account-locked"),  # "… call Customer Care 070xxxxxxxx"
        ("rm-374795dbf4eb", "family:account-locked"),  # "… and to reactivate call…."
        # the third world set
        ("rm-d4b6d1b3d8e0", "arrest-legal"),  # "served with criminal forgery charges … forfeit"
        (
            "rm-8ef99c37fdf3",
            "kidnap-claim",
        ),  # "this is a kidnapping … see her again"
        ("rm-8ef99c37fdf3", "ransom-demand"),  # "… you're gonna get us money"
        ("rm-8dde6cfa6197", "dont-hang-up"),  # "do not hang up, because if you hang up …"
        ("rm-9671ab9dfc9c", "violent-threat"),  # "I know exactly where you live …"
        (
            "rm-b5c345d2173d",
            "family:official-call-pressure",
        ),  # "Sheriff's Office, Deputy …"
        ("rm-df6fbaccfcd3", "intimate-images"),  # "clicking through those girlie videos"
        ("rm-a4e575a5fb78", "family:data-deletion-threat"),  # "… will be deleted in 5 days"
        ("rm-c7d163a530e2", "family:failed-billing"),  # "failed to validate your payment"
        # the fourth world set
        ("rm-a8a0460a458c", "family:expiring-cover"),  # "factory warranty … expired … press 1"
        ("rm-66d36abfa97f", "family:official-call-pressure"),  # "I am an … Police Officer"
        ("rm-a43827ee27ab", "cut-off-threat"),  # "30 minutes to before we shut you down"
        ("rm-9b71f783a8d0", "refund-due"),  # "We are offering compensation … Apply here."
        ("rm-f75dee8dc031", "refund-due"),  # "entitled to our outage compensation rebate"
        ("rm-16992bd16c13", "dont-tell"),  # "You call the police, you call anybody, …"
    ],
)
def test_wordings_the_set_showed_are_read(message_id: str, source: str) -> None:
    result = _read(message_id)
    assert source in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


def test_a_call_naming_the_brand_s_site_with_press_1_is_not_capped() -> None:
    # "charged $1279.99 on your default card saved on amazon.com … press 1": the call's route
    # is the key press, so naming amazon.com does not hold it at "some warning signs".
    assert _read("rm-b176b28f028f").verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "I'm in a meeting until 3 but will call you after about the rota.",
        "We have your son's PE kit at reception.",
        "I have your daughter's coat, she left it at ours.",
        "Your car's warranty details are in the handbook.",
        "I know where you live now, see you Saturday for tea!",
        "We're coming to your house for the party.",
        "It's going to cost a lot to fix the roof.",
        "Ransom is a pint.",
        "If the line goes quiet please hold.",
        "Sorry for yesterday's outage: compensation will be added to your next bill.",
        "Planned work: we will switch your power off on 3 May from 9am to 1pm.",
    ],
)
def test_ordinary_messages_sharing_those_words(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "This is an automated message from your GP surgery to confirm your appointment on Monday.",
        "Hi, it's Tesco, your delivery driver is running ten minutes late.",
        "This is the embassy visa section returning your call about your appointment.",
    ],
)
def test_ordinary_calls_do_not_get_the_robocall_or_pressure_families(text: str) -> None:
    found = sources(check(text, Channel.CALL))
    assert not found & {"family:brand-robocall", "family:official-call-pressure"}


@pytest.mark.parametrize(
    "text",
    [
        "Card deactivated? Call Customer Care 0800xxxxxxx",
        "Please call [phone number] about your account",
        "Your account has been suspended, to reactivate call…",
    ],
)
def test_a_number_hidden_by_the_quoter_is_still_a_request_to_call(text: str) -> None:
    assert "call" in check(text, Channel.SMS).requests


def test_a_court_reminder_letter_is_not_an_accusation() -> None:
    text = "Reminder: a case has been filed against you at Glasgow Sheriff Court. Bring this."
    assert "family:legal-accusation" not in sources(check(text, Channel.LETTER))


# --- genuine messages -----------------------------------------------------------------------


def test_a_kidnapping_call_demanding_money_has_strong_signs() -> None:
    assert _read("rm-8ef99c37fdf3").verdict is Verdict.SCAM
    assert _read("rm-16992bd16c13").verdict is Verdict.SCAM  # "… you call the police, …"


def test_being_listed_as_next_of_kin_is_no_windfall() -> None:
    result = _read("rm-5c4e4d8ba462", "genuine")  # "… who listed you as next of kin …"
    assert "windfall" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


def test_reports_received_of_extortion_letters_is_a_warning() -> None:
    result = _read("rm-6ea3bbb84bd2", "genuine")  # "The CAFC received reports across Canada of …"
    assert result.verdict is not Verdict.SCAM
    assert "crypto" not in sources(result)


def test_a_mailing_list_mention_of_xxx_websites_is_not_sextortion() -> None:
    text = "Filtering proxies (you know, keeping your kids from visiting XXX websites) would work."
    assert "intimate-images" not in sources(check(text, Channel.EMAIL))


def test_a_company_made_aware_of_fraudulent_texts_is_a_warning() -> None:
    result = _read("rm-517164ff4f4b", "genuine")  # "Australia Post has been made aware of …"
    assert result.verdict is Verdict.NONE_FOUND


def test_an_alert_with_a_shortened_link_and_one_weak_word_is_not_strong_signs() -> None:
    # An official's tweet: "… EVACUATIONS … Visit https://t.co/… for information."
    assert _read("rm-0be04113f399", "genuine").verdict is not Verdict.SCAM


# --- "scammers have your details" is the caller's claim, not a warning -----------------------


def test_a_caller_saying_scammers_have_your_details_is_not_a_warning() -> None:
    # "Your TFN has been suspended as scammers have your TFN details. You need to transfer all
    # your money to us in order to protect it": the word "scammers" used to silence every sign.
    result = _read("rm-1e1034965c5a")
    assert "safe-account" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_fraudsters_have_accessed_your_account_then_a_safe_account_has_strong_signs() -> None:
    text = (
        "This is the fraud team at your bank. Fraudsters have accessed your account. You need "
        "to move your money to a safe account today."
    )
    assert check(text, Channel.CALL).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Fraudsters have accessed your account? Police will never ask you to move money to a "
        "safe account. Report it to 7726.",
        "If you think fraudsters have accessed your account, call the number on your card.",
    ],
)
def test_warnings_that_mention_fraudsters_and_your_account_stay_warnings(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- "Beware of scammers" tacked on cannot hide a first-person threat ------------------------


def test_a_kidnap_call_ending_with_beware_of_scammers_still_has_warning_signs() -> None:
    text = (
        "We have your daughter. If you want to see her again, you are gonna get us money. "
        "Beware of scammers."
    )
    result = check(text, Channel.CALL)
    assert {"kidnap-claim", "ransom-demand"} <= sources(result)
    # (tacked on after the threat, the line excuses nothing: since the tenth round it no
    # longer holds the verdict at "some")
    assert result.verdict is Verdict.SCAM


def test_a_warning_quoting_the_kidnap_line_stays_a_warning() -> None:
    text = 'Police warn: callers claiming "we have your daughter" are scammers. Hang up, call 999.'
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_beware_of_scammers_tacked_on_after_a_request_does_not_silence_the_signs() -> None:
    request = (
        "Royal Mail: your parcel is held due to an unpaid fee of £1.99. Pay now at "
        "http://royalmail-fee.com/pay to release it."
    )
    alone = check(request, Channel.SMS)
    tacked = check(request + " Beware of scammers!", Channel.SMS)
    rules = {"delivery-problem", "small-amount", "act-now"}
    assert rules <= sources(alone)
    assert rules <= sources(tacked)  # the rules still count
    assert tacked.verdict is alone.verdict  # (and the line does not hold the verdict down)


def test_a_warning_that_ends_with_beware_of_scammers_stays_a_warning() -> None:
    text = (
        "Scam alert: texts saying your parcel is held and asking you to pay at a link are fake. "
        "Report them to 7726. Beware of scammers!"
    )
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_only_first_person_threats_are_read_in_warnings() -> None:
    from tests.message.helpers import bundled

    kept = {rule.id for rule in bundled().rule_by_id.values() if rule.in_warnings}
    # (and, since the thirty-second round, a wallet address given in the first person: "send
    # me 0.0005 Bitcoin, address: T…", which no warning words so)
    assert kept == {"kidnap-claim", "violent-threat", "ransom-demand", "crypto-wallet-request"}


# --- extra-world5: phishing that calls itself security, payroll and mailbox lures ---------------


def test_verify_your_login_due_to_phishing_is_the_scams_own_pretext_not_a_warning() -> None:
    result = _read("rm-261083b55f37")  # "advised to VERIFY their login information due to the …"
    assert "family:account-phishing" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Scam emails are asking staff to verify their login information due to phishing. Do not "
        "click the link; report it to the IT service desk.",
        "We will never ask you to confirm your details because of fraud. If you get such an "
        "email, forward it to report@phishing.gov.uk.",
    ],
)
def test_a_warning_describing_that_pretext_is_still_a_warning(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


def test_a_salary_increase_letter_behind_an_access_request_is_payroll_phishing() -> None:
    result = check(
        "Dear All, find enclosed the letter summarizing your salary increase starting 21 July. "
        "Log in here to view it: [link removed]",
        Channel.EMAIL,
    )
    assert "payroll-phish" in {s.removeprefix("family:") for s in sources(result)}
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Payroll will run early this month, on the 22nd, because of the bank holiday.",
        "Your salary review meeting is on Tuesday at 10 in the small office.",
    ],
)
def test_ordinary_payroll_news_is_not_payroll_phishing(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


def test_messages_pending_on_your_mailbox_is_a_storage_lure() -> None:
    result = _read("rm-9a2a20139e2d")  # "You have (6) Messages Pending Delivery On Your Mailbox"
    assert "family:account-locked" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_more_storage_on_a_shared_drive_is_not_a_storage_lure() -> None:
    result = check("We have increased the storage on the shared drive to 2 TB.", Channel.EMAIL)
    assert result.verdict is Verdict.NONE_FOUND


# --- extra-world6: callers, a borrowed phone, and collectors who name themselves ----------------


@pytest.mark.parametrize(
    ("message_id", "source"),
    [
        ("rm-ae6be19a1a99", "new-number"),  # "Hey Mum, it's me. I'm on Jodie's phone."
        ("rm-40e1c4bc48ff", "family:computer-problem-call"),  # "… calling about your Windows PC"
        ("rm-578e9f42e6c0", "family:expiring-cover"),  # "The warranty is up for renewal."
        ("rm-124470697d1c", "family:official-call-pressure"),  # "connecting you to the police"
        ("rm-9f3227b2152e", "family:call-alert"),  # "Your Singpass seems to have been compromised"
    ],
)
def test_world6_scams_get_their_reading(message_id: str, source: str) -> None:
    result = _read(message_id)
    assert source in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-f79fcd493716",  # "This is a text from a debt collector. Please call us …"
        "rm-2ca1ee6a210f",  # a school lockdown text: "Police will advise us when …"
    ],
)
def test_a_collector_naming_itself_or_police_advice_is_no_threat(message_id: str) -> None:
    result = _read(message_id, "genuine")
    assert "arrest-legal" not in sources(result)
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "I'm on the train, will call you when I'm home.",
        "Mum, I'm on the bus, see you at six.",
        "Your boiler warranty is up for renewal on 1 May; we'll write with a quote.",
    ],
)
def test_ordinary_texts_near_these_readings_are_clean(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_an_account_closed_once_it_is_paid_is_a_settlement_not_a_threat() -> None:
    result = _read("rm-6df410229364", "genuine")  # "Once you pay …, your account will be closed"
    assert not sources(result) & {"account-suspended", "family:account-locked"}
    assert result.verdict is not Verdict.SCAM


def test_an_account_closed_unless_you_pay_is_still_a_threat() -> None:
    result = check(
        "If you don't pay today your account will be closed. Pay now at http://pay-bill.top",
        Channel.SMS,
    )
    assert "account-suspended" in sources(result)
    assert result.verdict is Verdict.SCAM


# --- extra-world7: bank texts and emails ----------------------------------------------------------


def test_a_payment_being_processed_with_a_link_to_cancel_it() -> None:
    result = _read(
        "rm-8ce56a64eb84"
    )  # "Your $2,100.00 payment to … is being processed. Visit <URL>"
    assert "family:text-with-link-lure" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_we_have_locked_your_netbank_is_an_account_alert() -> None:
    result = _read("rm-620a5fbd21b6")  # "For your security we have locked your Netbank."
    assert "family:account-locked" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_unlocking_your_account_is_not_an_investment_pitch() -> None:
    result = check("Your account is locked. You can unlock your account in the app.", Channel.SMS)
    assert "investment-pitch" not in sources(result)
    assert "investment-pitch" in sources(
        check("Pay the release fee to unlock your funds and profits today.", Channel.SMS)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Your payment to British Gas is being processed and will reach them in 2 working days.",
        "Did you just get home? Call me when you can.",
    ],
)
def test_payments_being_processed_without_a_link_are_clean(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- extra-world8: a missed delivery, a power cut tonight ----------------------------------------


def test_sorry_we_missed_you_with_a_link_to_redeliver_is_the_parcel_scam() -> None:
    result = _read(
        "rm-0dc90065d72b"
    )  # "Sorry! We missed you today … redelivered, please go to: [link]"
    assert result.verdict is not Verdict.NONE_FOUND


def test_the_electricity_disconnected_tonight_is_a_cut_off_threat() -> None:
    result = _read(
        "rm-01511bb50f5e"
    )  # "after 10:30 pm today the electricity connection … disconnected"
    assert "cut-off-threat" in sources(result)


@pytest.mark.parametrize(
    "text",
    [
        "Your power will be switched off today between 9am and 1pm for planned maintenance.",
        "We missed you at the surgery today; please call to rebook your appointment.",
        "Your parcel will be redelivered tomorrow between 9am and 5pm.",
    ],
)
def test_planned_outages_and_redeliveries_are_clean(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


# --- extra-world9 (genuine notices) and extra-world10 (calls and texts) --------------------------


@pytest.mark.parametrize(
    ("message_id", "source"),
    [
        ("rm-0ef6d6fa4bf9", "family:marketplace-buyer-link"),  # "Hi, is still available? <link>"
        ("rm-7083be41c15e", "family:marketplace-buyer-link"),  # "this is your ad: <link>"
        ("rm-e6e9df679bc6", "family:marketplace-buyer-link"),  # "saw this post on your … <link>"
        ("rm-884986e00da7", "family:curiosity-link"),  # "have you seen this? <link>"
        ("rm-276ed5eba614", "family:text-with-link-lure"),  # "Your Package … Will Be Sent Back"
        ("rm-6742233ab67e", "remote-access-app"),  # "I need access to your computer"
        ("rm-e1274b37575c", "family:computer-problem-call"),  # "a Windows laptop with a virus"
        ("rm-52ee80f79ce3", "family:computer-problem-call"),  # "technical department about …"
        ("rm-073f7bccbc14", "safe-account"),  # "shift money out … so the scammers can't get to it"
        ("rm-237f9e8a1433", "family:family-trouble-call"),  # "your grandson calling … in trouble"
        ("rm-6d17123def79", "hidden:sprinkled-accents"),  # "It’s mé Jočelyn… ánd třadeď #s"
        ("rm-15c55e1921bf", "hidden:sprinkled-accents"),  # "Ýeáh I have a nón local aréa code"
        ("rm-78ffc8fd6d16", "family:job-offer"),  # "register for a mission … earn 36000 rs"
        # extra-world11 (short texts with no link or brand)
        ("rm-464f009b8b3e", "stranded-abroad"),  # "we got mugged … all cash … were stolen"
        ("rm-b79f42b60b67", "ransom-demand"),  # "i will kidnap your family"
        ("rm-cd4bd43e210c", "ransom-demand"),  # "Sum1 paid me to kill you"
        ("rm-f189faad3774", "family:new-number-money"),  # "because of the new device … pay for me"
        ("rm-0e64c0dab9c9", "family:friend-favour"),  # "I have a favor to ask … Pastor John …"
        ("rm-6acad38d506e", "family:friend-favour"),  # "I need a favor from you … Pastor Tom …"
        # extra-world12 (call transcripts)
        ("rm-e2a3e0a0c8df", "family:grant-call"),  # "eligible for up to $10,000 … press 1"
        ("rm-79ff26debee9", "family:grant-call"),  # "COVID-19 relief payment … reach me at …"
        ("rm-fd81f522d348", "prize-won"),  # "My name is [Scammer] … you've been selected"
    ],
)
def test_world9_and_world10_readings(message_id: str, source: str) -> None:
    result = _read(message_id)
    assert source in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Hi, is the bike still available? I could collect on Saturday.", Channel.SMS),
        ("Have you seen this scam? https://www.actionfraud.police.uk/alert", Channel.SMS),
        ("Have you seen the new timetable? It's on the school website.", Channel.SMS),
        ("I'm calling from the repair shop about your laptop, it's ready.", Channel.CALL),
        ("Grandpa, it's your grandson calling, can you pick me up at six?", Channel.CALL),
        ("Our IT team will need access to your computer on Monday for the upgrade.", Channel.EMAIL),
        ("You won't be charged for this change to your plan.", Channel.SMS),
        (
            "Our flight was cancelled so we are stuck at the airport until tomorrow, love you",
            Channel.SMS,
        ),
        ("Thanks for lunch, I'll pay you back for my half on Friday.", Channel.SMS),
        ("Choir practice moves to 7pm on Thursday this week. Pastor Tom Robbins", Channel.SMS),
        ("I have a favour to ask: could you feed the cat on Saturday? Thanks, Jo", Channel.SMS),
    ],
)
def test_world9_and_world10_counter_examples(text: str, channel: Channel) -> None:
    assert check(text, channel).verdict is Verdict.NONE_FOUND, text


def test_a_warning_about_the_move_your_money_pretext_stays_a_warning() -> None:
    text = (
        "Scam callers say they will shift money out of your account so the scammers can't get "
        "to it. Hang up and call 159."
    )
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-30bc50008ee8",  # Direct File: "You won't be able to …" was read as "You won"
        "rm-4fc0a6351836",
        "rm-8f7fdd70fda5",  # "your federal tax return" is not government money on offer
    ],
)
def test_genuine_tax_notices_are_not_prize_or_payment_lures(message_id: str) -> None:
    result = _read(message_id, "genuine")
    assert result.verdict is Verdict.NONE_FOUND
    assert not {"prize-won", "family:prize-claim", "family:government-payment"} & sources(result)


@pytest.mark.parametrize("message_id", ["rm-941df4557309", "rm-ac0bb8a16ac3"])
def test_a_reset_email_that_says_you_can_ignore_it_is_not_strong(message_id: str) -> None:
    # "If you didn't request a password reset, you can ignore this message."
    assert _read(message_id, "genuine").verdict is not Verdict.SCAM


def test_an_imitation_reset_email_with_a_real_link_is_not_capped() -> None:
    # A scammer can add the sentence to any phish: with a link off every official site, it
    # does not hold the verdict down.
    text = (
        "Your mailbox password expires today. Click http://mail-reset-portal.xyz/login to keep it."
    )
    ignored = text + " If you didn't request this, you can ignore it."
    assert check(ignored, Channel.EMAIL).verdict is check(text, Channel.EMAIL).verdict


def test_a_pharmacy_call_about_a_free_jab_is_not_a_grant_call() -> None:
    text = "This is your local pharmacy. You are eligible for a free flu jab. Press 1 to book."
    assert "grant-call" not in families(check(text, Channel.CALL))


def test_a_quoters_scammer_placeholder_is_not_talk_about_scams_but_a_warning_still_is() -> None:
    quoted = (
        "My name is [Scammer], and you've been selected for a lucky draw of one million dollars."
    )
    warning = "Scammers say you've been selected for a lucky draw of one million dollars. Hang up."
    assert check(quoted, Channel.CALL).verdict is not Verdict.NONE_FOUND
    assert check(warning, Channel.CALL).verdict is Verdict.NONE_FOUND
