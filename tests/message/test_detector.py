"""The detector on real messages: scam families, claimed senders, requests, money and links.

Positive cases are real scams from the DEVELOPMENT half of the collected set
(benchmarks/data/real-messages/, read by id) and from the development split of the Mendeley
SMS phishing corpus (quoted below, CC BY 4.0, Mishra & Soni 2022, doi:10.17632/f45bkkt8pr.1);
negative cases are the real genuine messages of the development half. The test half is never
read here.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest

from sochelp.message.analyse import Verdict, analyse
from sochelp.message.model import Channel
from tests.conftest import run_cli
from tests.message.helpers import bundled

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import message_sets as sets
from check_message_eval import _channel as kind_channel


@cache
def _dev() -> dict[str, sets.Sample]:
    return {s.id: s for s in sets.real_samples(sets.load_real(), "dev")}


def _real(message_id: str) -> str:
    sample = _dev()[message_id]  # a KeyError here means the id is not in the dev half
    assert sample.split == "dev"
    return sample.text


@cache
def _extra() -> dict[str, sets.Sample]:
    return {s.id: s for s in sets.extra_samples(sets.load_extra())}


@cache
def _dev_batches() -> dict[str, sets.Sample]:
    """The fresh batches moved to development (their samples' split is "dev")."""
    samples = (
        sample
        for name in sets.DEV_BATCHES
        for sample in sets.fresh_samples(sets.load_batch(name), name)
    )
    return {s.id: s for s in samples}


def _any_dev(message_id: str) -> sets.Sample:
    """A record of the real set's dev half, the extra dev sets or a fresh batch moved to
    development (never a held-out one)."""
    sample = _dev().get(message_id) or _extra().get(message_id) or _dev_batches()[message_id]
    assert sample.split == "dev"
    return sample


def _channel(sample: sets.Sample) -> Channel | None:
    """The channel a sample is read with, as the evaluation reads it."""
    return kind_channel(sample.kind)


def _sources(text: str, **kwargs: object) -> set[str]:
    return {f.source for f in analyse(text, bundled(), **kwargs).flags}  # type: ignore[arg-type]


#: (family, dev-half message ids): each family is found in real scams.
FAMILY_CASES = [
    ("account-locked", ["rm-d5809576bca0", "rm-3c44b3c877cd"]),
    ("account-phishing", ["rm-916594605df8", "rm-2f6966f79a30", "rm-76753985baf3"]),
    # (rm-6054235819f0 went back to nothing when the forty-ninth round's move retrained the
    # wording sign; rm-23b2384fb859 takes its place)
    ("alert-out-of-the-blue", ["rm-23b2384fb859", "rm-fe560f845b85", "rm-519e6ba5f24e"]),
    ("bank-activity-alert", ["rm-810744f5856d", "rm-8e901025c997"]),
    ("bank-alert-named", ["rm-7d9ccec408e2"]),
    ("bank-call-back", ["rm-d30ca11589ba", "rm-230db2601e45"]),
    ("details-via-link", ["rm-62289ce80923"]),
    ("extortion", ["rm-fd5de3f56b51"]),
    ("failed-billing", ["rm-4ea12ec3161c", "rm-858e525e4130"]),
    ("friend-favour", ["rm-74711928b299"]),
    ("government-fine", ["rm-9976fcbecb36"]),
    ("government-payment", ["rm-47ab3a875b2d", "rm-5ff674c9994d", "rm-237bbee78944"]),
    ("hi-mum", ["rm-5f74b5f1b840", "rm-41d681673b45"]),
    ("job-off-platform", ["rm-f621876f227b"]),
    ("job-offer", ["rm-b6e5f6352f9b", "rm-4ba97b671348"]),
    ("new-number-contact", ["rm-41d681673b45"]),
    ("parcel-fee", ["rm-23b2384fb859", "rm-644b6f4a0764"]),
    ("parcel-fee-named", ["rm-9e5138a5c5c2"]),
    ("parcel-redelivery", ["rm-e13b0b65aed7"]),
    ("points-expiring", ["rm-9819a8f37e43", "rm-f5d2e49671a7", "rm-7d75caf37e81"]),
    ("press-key-call", ["rm-057f23309c3c", "rm-667ae1fd44af"]),
    ("prize-claim", ["rm-a18c0fc924de", "rm-dd5c1163fff9"]),
    ("road-charge", ["rm-cf1c2c7acc99", "rm-ea131c273b5b"]),
    ("secure-message", ["rm-cf112e7d11e6"]),
    ("stranger-fortune", ["rm-b63d01eabd4b"]),
    ("tax-threat", ["rm-7da18e1d11a2", "rm-e4cb38429293"]),
    ("text-with-link-lure", ["rm-23b2384fb859", "rm-3e11b582950c"]),
]

#: Development-split smishing texts of the Mendeley corpus (CC BY 4.0) for the families of old
#: premium-rate scams, which the collected UK set does not have.
MENDELEY = {
    "premium-rate-call": [
        "This is the 2nd time we have tried 2 contact u. U have won the 750 Pound prize. 2 claim "
        "is easy, call 08712101359 NOW! Only 10p per min. BT-national-rate",
        "Phony £350 award - Todays Voda numbers ending XXXX are selected to receive a £350 award. "
        "If you have a match please call 08712300220 quoting claim code 3100 standard rates app",
    ],
    "unsolicited-offer": [
        "Want a new Video Phone? 750 anytime any network mins? Half price line rental free text "
        "for 3 months? Reply or call 08000930705 for free delivery",
        "U R entitled to Update to the latest colour mobiles with camera for Free! Call The Mobile "
        "Update Co FREE on 08002986030",
    ],
    "premium-charges": [
        "Want explicit SEX in 30 secs? Ring 02073162414 now! Costs 20p/min Gsex POBOX 2667 "
        "WC1N 3XX",
    ],
    # Advance-fee texts: a fortune or a windfall, and only your details or an email wanted.
    "fortune-contact": [
        "My name is Theresa & I have 7.3milion Dollar to transfer to you for charity work to "
        "help the poor ones in ur place india. Contact memea.theresamarie@gmail.com",
        "THIS MOBILE NUMBER HAS GAINED THE SUM US$450,000.00 FROM MML/REF#1001, FOR DETAIL SEND "
        "YOUR NAME, ADDRESS AND NUMBER TO EMAIL MEGARESULT@USA.COM",
    ],
    # A text asking to use a link on no official site, whatever its lure.
    "unchecked-link-request": [
        "A link to your picture has been sent. You can also use "
        "http://alto18.co.uk/wave/wave.asp?o=44345",
        "BankOfAmerica Alert 137943. Please follow http://bit.do/cgjK-and re-activate",
    ],
}


#: (family, ids of the dev half or the extra dev sets): families found in real scams read as
#: the channel they came by (a call transcript as a call).
CHANNEL_FAMILY_CASES = [
    # The fiftieth round: long phishing emails in other languages, quoted without their link
    # (a Norwegian tax refund, emails from fresh-48, -52 and -57).
    (
        "email-lure-request-other-languages",
        ["rm-8664d332a4a7", "rm-ad2092504706", "rm-8521d6b53ac2", "rm-9e63a8f89086"],
    ),
    # ... and with a link on no official site (a fresh-49 email).
    ("email-link-lure-request-other-languages", ["rm-09c4cff2c9bd"]),
    # A Korean fake-prosecutor call from fresh-58 (the "implicated" concept words).
    ("official-implicates-you-call-other-languages", ["rm-6c7ee1bda497"]),
    # The fifty-first round's shock call from fresh-59 ("Mum, I ran someone over, I'm at the
    # police"), read by the concepts' family_address beside the police.
    ("relative-in-trouble-call", ["rm-19e4d961ae9e"]),
    # The forty-ninth round's lessons from fresh-57.
    ("helpline-on-a-mobile", ["rm-6c73f6af1f53", "rm-a624f71c5c30"]),
    # The forty-eighth round's vote opener, in Czech, Serbian and Japanese
    # (test_round48_lessons.py).
    ("vote-for-a-friends-child", ["rm-1b3efea67305", "rm-f8197fe1c1bc", "rm-d1a2aa76d333"]),
    # Readings the fourth fresh batch and extra-world5 needed (test_fresh4_lessons.py,
    # test_world_lessons.py).
    ("computer-call", ["rm-0b33c06e3362"]),
    ("homeowner-cold-call", ["rm-74ba5531aae5"]),
    ("delivery-small-fee", ["rm-d3fc94e31449"]),
    ("availability-opener", ["rm-0320e1c3f7fc"]),
    ("payroll-phish", ["rm-d90af4cd8dcb"]),
    # The fifth fresh batch (test_fresh5_lessons.py).
    ("debt-writeoff-text", ["rm-76f302782d6e", "rm-1b606749f2fe"]),
    # extra-world10 (test_world_lessons.py).
    ("marketplace-buyer-link", ["rm-0ef6d6fa4bf9", "rm-7083be41c15e"]),
    ("curiosity-link", ["rm-884986e00da7"]),
    # The eleventh fresh batch and extra sets, read in the eleventh round
    # (test_round11_lessons.py).
    ("unexpected-money", ["rm-71d150323140", "rm-82558d6c1eff", "rm-d8ad7b812145"]),
    ("health-cover-call", ["rm-7a75b141cb20", "rm-942eefb9406a"]),
    ("family-trouble-call", ["rm-237f9e8a1433"]),
    # Earlier fresh batches read again in the sixth round (test_fresh5_lessons.py).
    ("clairvoyant-letter", ["rm-296198cf7b1f", "rm-e5aca3ed98d8"]),
    # extra-world12 (test_world_lessons.py).
    ("grant-call", ["rm-e2a3e0a0c8df"]),
    # The twenty-ninth round (test_round29_lessons.py).
    ("discount-call", ["rm-7e46c9b2081c", "rm-227ae8aeb418"]),
    # The thirtieth round (test_round30_lessons.py).
    ("home-work-pitch", ["rm-a6957ee1531e", "rm-5121cb1da9b9"]),
    ("courier-buyer", ["rm-bb337ad56b24"]),
    # Readings the third fresh batch needed (tests/message/test_fresh3_lessons.py).
    ("new-number-money", ["rm-694eed2ef844"]),
    ("computer-problem-call", ["rm-b7525bbe3bbe", "rm-1f880fea4de6", "rm-a9d80501cb70"]),
    ("boss-payment", ["rm-d8ee2625f8ee", "rm-6be0fd6eaa68"]),
    ("call-asks-details", ["rm-823085720cc8"]),
    ("official-call-pressure", ["rm-c7c9af882200"]),
    ("jury-link", ["rm-95c0a2674cdf"]),
    ("free-offer-call", ["rm-f41a8e6462a8"]),
    # Readings the second world dev set needed (tests/message/test_world2_lessons.py).
    ("brand-robocall", ["rm-5ed8f6d78539"]),
    ("legal-accusation", ["rm-78bebc7f3749"]),
    ("tech-support", ["rm-178ab7cb97eb", "rm-5e8c2ab4beb4"]),
    ("threat-call", ["rm-b376ee197075", "rm-62790db46823", "rm-9c868b7510df"]),
    ("easy-money-offer", ["rm-4d434c6c687a", "rm-4a77f325a988"]),
    (
        "like-and-share",
        ["rm-fce7d8a5231a", "rm-db2bccdd828d", "rm-2b1df0a4e5f2", "rm-c964956e9e8c"],
    ),
    (
        "like-and-share",
        ["rm-61caee5f261d", "rm-ac356013390a", "rm-fff4022c21bf", "rm-dc9b53449240"],
    ),
    ("hoax-appeal", ["rm-730b2f874bdf", "rm-fb18718eb67b", "rm-3dc0e7d60fca"]),
    ("tech-cold-call", ["rm-cb0b86258f60"]),
    ("call-alert", ["rm-245ba62a275e", "rm-236b9d87b465", "rm-057f23309c3c"]),
    ("claims-farming", ["rm-29b3e6a63433", "rm-cf6335ad94e8"]),
    ("expiring-cover", ["rm-d75d32acf31c"]),
    ("family-money-ask", ["rm-12caf06a5fd3"]),
    ("clairvoyant", ["rm-ffa53da66fdb", "rm-921bb1c31b8d"]),
    ("org-account-alert", ["rm-7cd87d1ed680", "rm-c5eae9b6c6fe", "rm-622c954c662e"]),
    ("text-lure-request", ["rm-43b4c1ba1d0e", "rm-3114d8a62d2d", "rm-2435abf6f10b"]),
    ("recruiter-text", ["rm-3dd1eacc6b7e"]),
    ("wrong-number", ["rm-74be4ba15523"]),
    ("survey-reward", ["rm-9c84ccc9fe51"]),
    ("easy-money-offer", ["rm-af8b184babb2"]),
    ("threat-call", ["rm-a4044f992085", "rm-0a0127cbab14"]),
    ("tech-support", ["rm-50612fd90944"]),
    ("crypto-giveaway", ["rm-c3371dd78474"]),
    ("legal-threat-text", ["rm-6dea0290fc39"]),
    ("legal-call", ["rm-a6102b799211", "rm-a88500eadc74", "rm-e77fd7cf4086"]),
    ("prize-claim", ["rm-b7d9cf388bf8"]),
    ("data-deletion-threat", ["rm-c3249bb6f733"]),
    # Cues widened for real scams: "to complete your purchase … visit....", a COVID relief
    # "direct deposit", "invalid billing … scheduled for automatic termination", "update
    # immediately at (link)".
    ("bank-activity-alert", ["rm-a53a3c2d002b"]),
    ("government-payment", ["rm-ef2d50a4f01a"]),
    ("failed-billing", ["rm-52911808c266"]),
    ("text-with-link-lure", ["rm-f6c5fbad1731"]),
    # Seventh round: "I got a new phone … Can you help me with it?"
    ("new-number-help", ["rm-7cabd906ba7e"]),
    # The sixteenth fresh batch, read in the fifteenth round (test_round15_lessons.py).
    ("crypto-airdrop", ["rm-5d4f7e0f5594", "rm-2fa565ecb887", "rm-143ff20d6933"]),
    # The seventeenth fresh batch, read in the sixteenth round (test_round16_lessons.py).
    ("recovery-offer", ["rm-ea9e33cec528"]),
    # The eighteenth fresh batch, read in the seventeenth round (test_round17_lessons.py).
    ("parcel-attachment", ["rm-7679a59b0526", "rm-5392746f2186"]),
    # The nineteenth fresh batch, read in the eighteenth round (test_round18_lessons.py).
    ("jury-missed", ["rm-096c4c2ee3b6"]),
    # The twentieth fresh batch, read in the nineteenth round (test_round19_lessons.py).
    ("dying-benefactor", ["rm-8de87c816965", "rm-228c7cf0abf6", "rm-10cfb7658e0e"]),
    ("loan-offer-contact", ["rm-94eada865e28", "rm-52b13c2f4ed0"]),
    # The twenty-first fresh batch, read in the twentieth round (test_round20_lessons.py).
    ("namesake-estate", ["rm-6c83e6425a19"]),
    # The twenty-second fresh batch, read in the twenty-first round (test_round21_lessons.py).
    ("windfall-particulars", ["rm-d0c65da83f09"]),
    ("dating-contact", ["rm-931dcf3ba374", "rm-6df7d93afb72"]),
    # The twenty-third fresh batch, read in the twenty-second round (test_round22_lessons.py).
    ("support-chat-link", ["rm-ec32c05e0780", "rm-1b142936c7aa"]),
    ("attachment-details", ["rm-10a301cc05d6"]),
    # The twenty-fourth fresh batch, read in the twenty-third round (test_round23_lessons.py).
    ("hacker-recovery", ["rm-7ccb4e320a47", "rm-2387efd2d503", "rm-be15c4310317"]),
    ("repeated-helpline", ["rm-aa3942c6cdd1", "rm-4e33bc85d98a"]),
    # fresh-25 and fresh-26, read in the twenty-fourth round (test_round24_lessons.py).
    ("fake-crypto-tool", ["rm-9ed759bdf99d"]),
    ("spy-hacker", ["rm-e68d09fefa0e"]),
    ("wrong-number-chat", ["rm-845b866728ce"]),
    ("fake-client-enquiry", ["rm-51a03e0dfcbd", "rm-11eb74963b1f"]),
    # fresh-27, read in the twenty-fourth round (test_round25_lessons.py).
    ("blank-atm-card", ["rm-814a2c482a9d"]),
    ("helpline-advert", ["rm-0a7577eb0395"]),
    ("helpline-pointer", ["rm-c9142ffe53b7", "rm-4cd8bb8f4c57"]),
    ("spell-caster-contact", ["rm-06a6314a44ec", "rm-faff8af868c0"]),
    ("split-fortune", ["rm-08832ac37bab"]),
    # The twenty-eighth round's lessons (test_round28_lessons.py).
    ("number-first-helpline", ["rm-1b854db04180", "rm-0c61b0c5b7e5"]),
    ("disguised-helpline", ["rm-9e7b41a55741", "rm-f671e20789b5"]),
    ("repeated-support-number", ["rm-2991cb585e66", "rm-d2b7cd47143e"]),
    ("free-nitro-link", ["rm-5d0c28eb9a53"]),
    # The twenty-ninth round's lessons (test_round29_lessons.py).
    ("cheque-buyer", ["rm-241c6edae02e", "rm-e807edb48ca9"]),
    # The thirty-first round's lessons (test_round31_lessons.py).
    ("support-reply-webmail", ["rm-adcfc5f1c8d7"]),
    # fresh-39, read in the thirty-first round (test_round31_lessons.py).
    ("credit-fix-hacker", ["rm-2e9d83681cc7", "rm-4d64ad4d3625"]),
    ("art-buyer-surprise", ["rm-68173f5bfbfe"]),
    ("locked-download", ["rm-e9674c40d1b3", "rm-68ef3e39c6ab"]),
    ("psychic-fee", ["rm-b75e084897f0"]),
    ("stranger-deal-details", ["rm-c5ff7f8715ab"]),
    # The thirty-third round's lessons (test_round33_lessons.py): a stranger's advert with a
    # messaging app, a webmail address and an international number, from three rounds' batches.
    ("private-contact-block", ["rm-52b13c2f4ed0", "rm-bf0aef69a1bb", "rm-ea0c85190d3a"]),
    ("scam-service-private-route", ["rm-289c156079fe", "rm-2e9d83681cc7", "rm-98b300ada6e6"]),
    # The thirty-fourth round's lessons from fresh-42 (test_round34_lessons.py).
    ("renewal-charge-callback", ["rm-7e3c85811843"]),
    # The thirty-fifth round's lessons (test_round35_lessons.py).
    ("cure-contact", ["rm-1104bc403f41"]),
    ("debt-relief-call", ["rm-4ea0a1d46e67", "rm-b273dc473572", "rm-f26a824268d2"]),
    # The thirty-sixth round's lessons (test_round36_lessons.py).
    ("fortune-by-webmail", ["rm-f9e1432b7d92"]),
    # The thirty-seventh round's lessons from fresh-45 (test_round37_lessons.py).
    ("easy-money-link", ["rm-7bad946979c5"]),
    # The thirty-ninth round's lessons from fresh-47 (test_round39_lessons.py).
    # (Its first two cases, rm-2f8468ddb490 and rm-3b62db070a6a, read through
    # text-with-link-lure since the forty-second round, which reads their request to pay as
    # English "pay" is read: the same sign, weight and flag.)
    ("text-with-link-lure-more-languages", ["rm-3efb8450b07d", "rm-f6d85e5a292b"]),
    # The forty-first round's lesson (test_round41_lessons.py), on fresh-48's texts.
    ("lure-request-link-other-languages", ["rm-2b732405d9f0", "rm-8c9baaaf2546"]),
    # The forty-fourth round's lesson (test_round44_lessons.py): a Turkish mask fine, a German
    # suspicious direct debit, a Brazilian parcel held at customs.
    ("lure-alone-other-languages", ["rm-178feb5a17c1", "rm-27f90c153c33", "rm-cab9d4b41854"]),
    # The forty-fourth round's lesson from fresh-52 (test_round44_lessons.py): a McAfee
    # "cancel your subscription" advert with its number three times, written "1+833-…".
    ("thrice-number-renewal-advert", ["rm-50784a1a39dd"]),
    # The fifty-second round's lesson from fresh-60 (test_round52_lessons.py): a Dutch
    # supermarket's fake anniversary giveaway, "share and type 'done'".
    ("like-and-share-other-languages", ["rm-650226304fd9"]),
    # The fifty-fifth round's general lesson (test_round55_lessons.py): a lure in another
    # language with a request to carry on over WhatsApp or Telegram (fresh-51, fresh-50).
    ("lure-off-platform-other-languages", ["rm-c5df7374b673", "rm-2ee821610b08"]),
]

#: (rule, ids of the dev half or the extra dev sets): rules widened for real scams.
CHANNEL_RULE_CASES = [
    # The thirty-ninth round (test_round39_lessons.py).
    ("payroll-diversion-request", ["rm-ac887ec82918"]),
    ("vouches-for-itself", ["rm-95339a5bc8db"]),
    ("dont-tell", ["rm-a69bdb369df1", "rm-12caf06a5fd3"]),
    ("refund-due", ["rm-8ddccf881026", "rm-ac25f2c12882"]),
    ("managed-trading", ["rm-689ea713a256", "rm-e3d0a7f7bfdf"]),
    ("listing-fee", ["rm-0df08a8e9a86", "rm-97e47b288c27"]),
    ("domain-name-conflict", ["rm-3d4bfb550404"]),
    ("cut-off-threat", ["rm-9e066abefe4e", "rm-c544e64df3e5"]),
    ("miracle-cure", ["rm-1104bc403f41", "rm-bce784db37d1"]),
    ("hospital-relative", ["rm-4da21185c5d5", "rm-db8a7cc7d7e2"]),
    ("automatic-payment-application", ["rm-6e1a8440e242"]),
]


def test_every_family_is_tested_on_real_messages() -> None:
    tested = {family for family, _ in FAMILY_CASES} | set(MENDELEY)
    tested |= {family for family, _ in CHANNEL_FAMILY_CASES}
    assert tested == {family.id for family in bundled().families}


@pytest.mark.parametrize(
    ("family", "ids"), CHANNEL_FAMILY_CASES, ids=[f for f, _ in CHANNEL_FAMILY_CASES]
)
def test_families_are_found_in_real_scams_read_as_their_channel(
    family: str, ids: list[str]
) -> None:
    for message_id in ids:
        sample = _any_dev(message_id)
        result = analyse(sample.text, bundled(), channel=_channel(sample))
        assert f"family:{family}" in {f.source for f in result.flags}, message_id
        assert result.verdict is not Verdict.NONE_FOUND, message_id


@pytest.mark.parametrize(
    ("rule", "ids"), CHANNEL_RULE_CASES, ids=[r for r, _ in CHANNEL_RULE_CASES]
)
def test_widened_rules_are_found_in_real_scams(rule: str, ids: list[str]) -> None:
    for message_id in ids:
        sample = _any_dev(message_id)
        result = analyse(sample.text, bundled(), channel=_channel(sample))
        assert rule in {f.source for f in result.flags}, message_id
        assert result.verdict is not Verdict.NONE_FOUND, message_id


@pytest.mark.parametrize(
    "message_id",
    [
        "rm-3fb52fc920c7",  # "Please be aware of your last unpaid toll trip. Please pay …"
        "rm-ef9de0f4a7d0",  # "account access … placed on a temporary hold, go to [FAKE LINK]"
        "rm-b8da2caead41",  # "A suspicious transaction … Visit to view entire message."
        "rm-d1e069eab4de",  # "you are one of the lucky winners chosen by …"
    ],
)
def test_scams_in_everyday_words_are_not_read_as_warnings(message_id: str) -> None:
    sample = _any_dev(message_id)
    assert sample.label == "scam"
    result = analyse(sample.text, bundled(), channel=_channel(sample))
    assert result.verdict is not Verdict.NONE_FOUND, message_id


@pytest.mark.parametrize(
    "text",
    [
        "Please be aware of texts claiming to be from us: we will never ask for your PIN.",
        "Be vigilant: fraudsters are sending fake parcel texts. Report them to 7726.",
        "Watch out for emails that say your account is suspended. Stay safe online.",
    ],
)
def test_warnings_are_still_read_as_talk_about_scams(text: str) -> None:
    assert analyse(text, bundled()).verdict is Verdict.NONE_FOUND


def test_a_warning_naming_who_a_message_came_from_does_not_speak_for_it() -> None:
    # DVLA's real post: "Unsure if the message you've received from DVLA is genuine? …"
    sample = _any_dev("rm-82c6b662bc90")
    assert sample.label == "genuine"
    result = analyse(sample.text, bundled())
    assert result.claimed_sender is None
    assert result.verdict is Verdict.NONE_FOUND


def test_a_stranger_who_took_a_risk_to_contact_you_is_advance_fee_fraud() -> None:
    sample = _any_dev("rm-3bf6d62c9363")
    assert "family:stranger-fortune" in _sources(sample.text, channel=Channel.LETTER)


@pytest.mark.parametrize("message_id", ["rm-af301131ff0f", "rm-1dd8c600c1e7", "rm-1d08d6b0157d"])
def test_a_real_letter_warning_of_prosecution_is_not_a_threat_sign(message_id: str) -> None:
    # Genuine TV Licensing letters: in a letter, court and enforcement officers are not a sign.
    sample = _any_dev(message_id)
    assert sample.label == "genuine"
    result = analyse(sample.text, bundled(), channel=Channel.LETTER)
    assert "arrest-legal" not in {f.source for f in result.flags}
    assert "arrest-legal" in _sources(sample.text, channel=Channel.SMS)


def test_a_yes_or_no_reply_to_a_fraud_check_is_not_acting_through_the_message() -> None:
    sample = _any_dev("rm-e81cdc9e446e")  # HSBC's real fraud-check text: "reply Y ... N"
    assert sample.label == "genuine"
    result = analyse(sample.text, bundled(), channel=Channel.SMS)
    assert result.verdict is not Verdict.SCAM
    assert "combination" not in {f.source for f in result.flags}
    asked = "Santander: a payment of £950 was made. Reply YES to confirm your details now."
    assert "combination" in _sources(asked, channel=Channel.SMS)


@pytest.mark.parametrize(
    "text",
    [
        "Rest assured, your money is safe with us.",
        "This is not spam: you get this email because you joined the list.",
        "If you think it is a scam, do not reply and report it to 7726.",
    ],
)
def test_vouching_words_in_ordinary_messages_are_not_a_sign(text: str) -> None:
    assert "vouches-for-itself" not in _sources(text)


#: Families about the link alone, whatever the message says: a genuine post asking readers to
#: visit a link no list knows (an official's tweet, whose links are all t.co) rightly gets one.
LINK_ONLY_FAMILIES = {"family:unchecked-link-request"}
#: Genuine messages the detector is known to get wrong, each with why it was not tuned away (a
#: rule that cleared it would also clear the scams it is worded like). Each is named in the
#: data README's first reading of its file; the test fails if one stops being wrong, so the
#: list cannot go stale.
KNOWN_FALSE_ALARMS = {
    # extra-world5: a university's "ACTION REQUIRED: … account will expire … data will be
    # deleted … log in with your credentials" notice, worded exactly like account-expiry phishing.
    "rm-7d9e9ebce91d",
    # extra-world5: a university's "your account will be de-activated … all e-mail … will be
    # deleted permanently" retention notice (months ahead, but worded like storage phishing).
    "rm-301c557e6c77",
    # extra-world7: myGov's own "Your account is locked. You can unlock your account in myGov …
    # If this wasn't you, call the myGov helpdesk" email, the same words as lock-out phishing.
    "rm-89afd0b7af40",
    # extra-world9: services' published templates. A template variable where the service's own
    # link goes ("((url))", "<link>") reads as a link the quote removed, and "your account will
    # be deleted in 24 hours … sign in to cancel" is word for word what deletion phishing says.
    "rm-acfd4e423979",  # Login.gov: "As requested, your … account will be deleted in 24 hours"
    "rm-cee0ddbeb6c7",  # Login.gov: "… a 24 hour waiting period … to delete your account"
    "rm-6a25a43bf2c8",  # mGramSeva: "Rs. <Amount> has been paid … Click <link> to download"
    "rm-4ccbd0b0858e",  # GC Notify: "To reset your password, click this link: … (((url)))"
    # (GC Notify's reset email with "[Password reset](((url)) …)", rm-ac0bb8a16ac3, reads calm
    #  since the twenty-ninth round's retrained wording sign, and its registration email "To
    #  complete your registration … click the link: ((url))", rm-d04906782e9e, since the
    #  thirty-first round: a sender's template gets no wording sign.)
    "rm-941df4557309",  # Login.gov: "please click the link below" (the link is a variable)
    # extra-world13 (the thirty-third round): ordinary UK messages still read as scams after
    # that round's fixes, each for a reason a scam shares. Templates whose link or number is a
    # variable, asking for a payment or a login:
    "rm-e7cdf3cd2d02",  # a council's bulky-waste reminder: "a refund" read as a government payment
    "rm-8ca077c4951c",  # a makerspace: "we've noticed that you haven't paid … membership"
    "rm-bc71805a44e4",  # a council's waste account: "click on the link below to confirm"
    "rm-df3545acbcf7",  # a hackspace: "we haven't noticed a payment … within 7 days"
    "rm-92447c200d3c",  # Hackney: "final letter before legal action for unpaid service charges"
    # ... and letters whose words are a scam's: support-scheme money, a refund and a charge,
    # free-school-meal vouchers sent by text with a supermarket gift card.
    "rm-f5f5a860f813",  # HMRC to agents on the coronavirus support schemes ("Dear Payadvice.UK")
    "rm-48c6da7f6535",  # a university's end-of-term FAQ: "due a refund … will be charged"
    "rm-0780aecee4dd",  # a school's free-school-meal voucher letter: "gift card", "redeem"
    "rm-a6e16e7a5bfa",  # a school's free-school-meal letter: "£15 voucher … call school"
    # extra-world21 (the forty-seventh round): Netflix's German price-change email, "go to
    # Netflix and click 'accept new price' … or your membership will be cancelled", its link
    # left out by the quoting page: membership phishing says the same (the English twin reads
    # "strong" too).
    "rm-e7c0681f3591",
}


#: Extra genuine messages on which a family is found but the verdict stays "no known warning
#: signs" (the message's own official routes lower the score): Hackney's tenancy letter template,
#: "you are entitled to … benefits … telephone on 020 8356 3100" read as an unsolicited offer.
KNOWN_QUIET_FAMILIES = {"rm-77097175d27c"}


def test_the_known_quiet_families_stay_quiet() -> None:
    samples = _extra()
    for message_id in KNOWN_QUIET_FAMILIES:
        sample = samples[message_id]
        assert sample.label == "genuine"
        result = analyse(sample.text, bundled(), channel=_channel(sample))
        assert result.verdict is Verdict.NONE_FOUND, message_id


def test_no_family_is_found_in_the_extra_genuine_messages() -> None:
    """No family of weight 2 or more (a weight-1 family such as a short alert out of the blue,
    which a genuine breach notice is too, never changes a verdict on its own)."""
    link_only = 0
    for sample in _extra().values():
        if sample.label != "genuine" or sample.id in KNOWN_FALSE_ALARMS | KNOWN_QUIET_FAMILIES:
            continue
        result = analyse(sample.text, bundled(), channel=_channel(sample))
        families = {
            f.source for f in result.flags if f.source.startswith("family:") and f.weight > 1
        }
        link_only += bool(families & LINK_ONLY_FAMILIES)
        assert families - LINK_ONLY_FAMILIES == set(), (sample.id, families)
        assert result.verdict is not Verdict.SCAM, sample.id
    assert link_only <= 1


def test_the_known_false_alarms_are_still_false_alarms() -> None:
    samples = _extra()
    for message_id in KNOWN_FALSE_ALARMS:
        sample = samples[message_id]
        assert sample.label == "genuine"
        result = analyse(sample.text, bundled(), channel=_channel(sample))
        assert result.verdict is not Verdict.NONE_FOUND, message_id


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        # Genuine calls and posts that share words with the new families.
        ("This is your GP surgery, please call us back to rebook your appointment.", "call"),
        ("Hello, this is BT. We're fixing a fault on your line and will call you back.", "call"),
        ("Please share this post: have you seen missing teenager Amy? Call 101.", None),
        ("Our raffle made money for the hospice: thanks to the winners and everyone.", None),
        ("Your tax return was received; you don't need to do anything.", "letter"),
        ("Hi Mum, can you pick me up from football at 6?", "sms"),
        ("I feel that the meeting went well, good luck on Friday!", None),
        ("Your Tesco order is on its way. Track it in the Tesco app.", "sms"),
        ("Hi, I'm Evelyn from the riding school, your lesson is at 10 on Saturday.", "sms"),
        ("Thanks to everyone who came to the fun run and raised money for the hospice.", None),
        ("Your policy renews on 3 March. You don't need to do anything.", "letter"),
    ],
)
def test_the_new_families_stay_quiet_on_ordinary_messages(text: str, channel: str | None) -> None:
    result = analyse(text, bundled(), channel=Channel(channel) if channel else None)
    assert not [f.source for f in result.flags if f.source.startswith("family:")], text


@pytest.mark.parametrize(("family", "ids"), FAMILY_CASES, ids=[f for f, _ in FAMILY_CASES])
def test_families_are_found_in_real_scams(family: str, ids: list[str]) -> None:
    for message_id in ids:
        result = analyse(_real(message_id), bundled())
        assert f"family:{family}" in {f.source for f in result.flags}, message_id
        assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize("family", sorted(MENDELEY))
def test_premium_rate_families_are_found_in_corpus_smishing(family: str) -> None:
    for text in MENDELEY[family]:
        assert f"family:{family}" in _sources(text, channel=None), text


def test_no_family_is_found_in_the_real_genuine_messages() -> None:
    genuine = [s for s in _dev().values() if s.label == "genuine"]
    assert len(genuine) >= 60
    strong = []
    for sample in genuine:
        result = analyse(sample.text, bundled())
        families = [f.source for f in result.flags if f.source.startswith("family:")]
        assert families == [], (sample.id, families)
        if result.verdict is Verdict.SCAM:
            strong.append(sample.id)
    # The limit for genuine messages at "strong signs" is 2%. (One real email meets it
    # today: Sky's password-reset notice, which security writers called phishy-looking.)
    assert len(strong) <= 0.02 * len(genuine), strong


# --- who it claims to be, and what it asks -----------------------------------------------------


@pytest.mark.parametrize(
    ("message_id", "organisation", "how"),
    [
        ("rm-810744f5856d", "HSBC", "tag"),  # "HSBC: A new payee addition was attempted…"
        ("rm-48f01bc977d2", "Lloyds Bank", "tag"),  # "ALERT FROM LLOYDS: …"
        ("rm-fc32bbc62fc1", "Evri", "tag"),  # "MyHermes: …"
        ("rm-237bbee78944", "HMRC", "tag"),
        ("rm-46b5e76c3528", "Halifax", "signature"),  # "… Halifax Bank Security Office."
        ("rm-23b2384fb859", "Royal Mail", "named"),  # "your Royal Mail parcel is awaiting…"
        ("rm-eb9fd42deef8", "Halifax", "tag"),  # "Dear Halifax Customer" opening a long email
        ("rm-5b6dfcda6cd0", "HSBC", "tag"),  # "Dear HSBC Online User,"
    ],
)
def test_the_claimed_sender_is_read_from_the_message(
    message_id: str, organisation: str, how: str
) -> None:
    claim = analyse(_real(message_id), bundled()).claimed_sender
    assert claim is not None
    assert (claim.organisation, claim.how) == (organisation, how)


def test_an_organisation_merely_mentioned_in_a_warning_is_not_the_sender() -> None:
    # Real genuine post (dev half): a warning naming PayPal beside a shortened link.
    result = analyse(_real("rm-d6c38ffd5023"), bundled())
    assert result.claimed_sender is None
    assert result.verdict is not Verdict.SCAM


def test_a_sender_with_a_display_name_claims_for_itself() -> None:
    result = analyse(
        "Your order has left our workshop and is on its way with Royal Mail.",
        bundled(),
        sender="Thistle & Pine <orders@thistleandpine.co.uk>",
    )
    assert result.claimed_sender is None


@pytest.mark.parametrize(
    ("message_id", "asked"),
    [
        ("rm-810744f5856d", "link"),  # "…please visit:" with the link removed
        ("rm-8e901025c997", "link"),  # "…please cancel via"
        ("rm-23b2384fb859", "link"),  # "on the following link"
        ("rm-d30ca11589ba", "call"),  # "Please call Fraud now on 0800…"
        ("rm-7da18e1d11a2", "call"),  # "please press 1"
        ("rm-2884e0624ecb", "reply"),  # "If yes, reply yes"
        ("rm-23b2384fb859", "pay"),  # "confirm the settlement of 1.99 (GBP)"
        ("rm-e2a953efdab6", "log-in"),  # "Log in to your PayPal account"
        ("rm-62289ce80923", "details"),  # "confirm and verify your … account details"
        ("rm-5ff674c9994d", "apply"),  # "apply for your living subsidy in the link"
    ],
)
def test_the_request_is_found_even_when_the_link_was_removed(message_id: str, asked: str) -> None:
    assert asked in analyse(_real(message_id), bundled()).requests


@pytest.mark.parametrize(
    ("message_id", "evidence"),
    [
        ("rm-1893301f5871", "START NOW >"),  # a DVLA email's button, copied as text
        ("rm-f88e28a4002e", "apply here."),  # "GOVUK: … You can apply here." (link dropped)
    ],
)
def test_buttons_and_dropped_links_are_link_requests(message_id: str, evidence: str) -> None:
    result = analyse(_real(message_id), bundled())
    assert "link" in result.requests, evidence
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Evri: We tried to deliver your package today but nobody was home. Reschedule at "
        "parcel-resched.info",
        "NatWest: Please review a recent payment at www.review-payment-online.com",
    ],
)
def test_a_claimed_sender_asking_for_a_link_off_its_site_is_strong(text: str) -> None:
    # (Team-written, as extra examples: a tag, a request, a web address on no official site.)
    result = analyse(text, bundled())
    assert "link" in result.requests
    assert "combination:link-route" in {f.source for f in result.flags}
    assert result.verdict is Verdict.SCAM


def test_a_placeholder_in_a_text_is_a_link_request_but_not_a_rule_in_an_email() -> None:
    # The dev-half scam "… If this was NOT done by you please visit: (fraudulent hyperlink) …"
    # asks for a link even without the words; a mailing list's rule of underscores does not.
    text = "Your Evri parcel has been returned to our depot. Schedule a new delivery date: [link]"
    assert "link" in analyse(text, bundled()).requests
    footer = "Thanks for the notes from the meeting.\n" * 60 + "_" * 40 + "\nexample-list\n"
    assert "link" not in analyse(footer, bundled()).requests


def test_visiting_a_named_official_site_is_not_a_hidden_link() -> None:
    result = analyse("Amazon: to see your orders, visit Amazon.co.uk and sign in.", bundled())
    assert result.links == ()
    assert not any(f.kind == "impersonation" for f in result.flags)
    assert result.verdict is Verdict.NONE_FOUND


def test_a_claimed_sender_with_a_hidden_link_is_impersonation() -> None:
    # "HSBC: … If this was not you, please visit:" — the link was removed by the quote.
    result = analyse(_real("rm-810744f5856d"), bundled())
    impersonation = [f for f in result.flags if f.kind == "impersonation"]
    assert impersonation and "HSBC" in impersonation[0].explanation
    assert result.verdict is Verdict.SCAM


def test_a_genuine_alert_pointing_to_the_card_number_is_not_impersonation() -> None:
    text = (
        "Lloyds: You've added a new payee, S MACLEOD, using the app on 03/04 at 18:22. If this "
        "wasn't you, call us on the number on the back of your card straight away. Don't reply "
        "to this message."
    )
    result = analyse(text, bundled(), sender="Lloyds")
    assert not [f for f in result.flags if f.source.startswith("family:")]
    assert "reply" not in result.requests


def test_a_claimed_sender_asking_to_act_through_the_message_itself_is_a_sign() -> None:
    # Dev-half scam "DWP Notice: … eligible for … confirm your details": the claim and the
    # request, with no link at all, are a sign of their own.
    result = analyse(_real("rm-a1c8fdfccaf0"), bundled())
    own_route = [f for f in result.flags if "through the message itself" in f.explanation]
    assert own_route and own_route[0].weight == 3
    # Mendeley dev smishing: a text about Vodafone asking to call a number it gives.
    text = (
        "Todays Vodafone numbers ending 5347 are selected to receive a Rs.2,00,000 award. If you "
        "have a match please call 6299257179 quoting claim code 2041 stay tuned"
    )
    assert any("call a number it gives" in f.explanation for f in analyse(text, bundled()).flags)


@pytest.mark.parametrize(
    "text",
    [
        # Genuine texts that send the reader to the organisation's own app or card number.
        "NHS App: You have a new message from Riverside Surgery. Log in to the NHS App to read it.",
        "EE: Your bill for £23.50 is ready. We'll collect it by direct debit on or just after 14 "
        "March. See your bill in the My EE app.",
        "Your Barclays code is 482913 to approve a payment of £129.99 to CURRYS. Never share this "
        "code with anyone, not even us. If you didn't try to pay, call us on the number on your "
        "card.",
    ],
)
def test_a_request_through_a_route_the_reader_can_check_is_not_a_sign(text: str) -> None:
    flags = analyse(text, bundled()).flags
    assert not any("through the message itself" in f.explanation for f in flags)


def test_the_own_route_sign_never_fires_on_the_real_genuine_messages() -> None:
    for sample in _dev().values():
        if sample.label != "genuine":
            continue
        result = analyse(sample.text, bundled(), sender=sample.sender)
        own_route = [f for f in result.flags if "through the message itself" in f.explanation]
        assert not [f for f in own_route if f.weight >= 3], sample.id


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Three UK: your bill payment failed, update your card at three-billing-help.com", "Three"),
        ("SKY: your Sky TV subscription could not be renewed, update at sky-renew.info", "Sky"),
        ("E.ON Next: you are owed a refund of £85, claim at eon-refund-uk.com", "E.ON"),
        ("Spotify: your Premium payment failed, update at spotify-billing.net", "Spotify"),
    ],
)
def test_newly_listed_organisations_are_claimed_senders(text: str, organisation: str) -> None:
    # (Team-written, as extra examples of the organisations added from their own sites.)
    result = analyse(text, bundled())
    assert result.claimed_sender is not None
    assert result.claimed_sender.organisation == organisation
    assert result.verdict is Verdict.SCAM


def test_ordinary_words_are_not_the_new_organisations() -> None:
    text = "The sky was clear and three of us went out; it was a long eon of a day."
    assert analyse(text, bundled()).organisations == ()


@pytest.mark.parametrize(
    "text",
    [
        # Real Mendeley dev ham: "here" and "visit" point to no link.
        "Sorry battery died, yeah I'm here",
        "I lost 4 pounds since my doc visit last week woot woot! Now I'm gonna celebrate",
        # (Team-written extras) a business sending to a site named as its opening tag.
        "ScotRail: The 07:42 Edinburgh to Glasgow Queen Street is delayed by approx 25 mins. "
        "You may be able to claim Delay Repay at scotrail.co.uk/delay-repay",
        "ClearView Opticians: Your eye test is now due. Book online at "
        "clearviewopticians.co.uk/book or pop in to the High Street branch.",
    ],
)
def test_an_unchecked_link_request_needs_a_real_link_off_the_senders_own_site(text: str) -> None:
    result = analyse(text, bundled())
    assert "family:unchecked-link-request" not in {f.source for f in result.flags}
    assert result.verdict is Verdict.NONE_FOUND


def test_an_unchecked_link_request_is_not_read_into_a_short_email() -> None:
    text = (
        "From: list-admin@lists.example.org\nSubject: post requires approval\n\n"
        "As list administrator, your authorization is requested. Please visit "
        "http://lists.example.org/admin to approve or deny the request."
    )
    assert "family:unchecked-link-request" not in _sources(text)


@pytest.mark.parametrize(
    "text",
    [
        # Real Mendeley dev ham and a genuine-style note: money and details, but no stranger's
        # fortune to move.
        "I don know account details..i will ask my mom and send you.my mom is out of reach now.",
        "Please send me your full name and address for the wedding invitations, love Ann",
        "The charity raised £2 million last year; email volunteers@example.org to help out.",
    ],
)
def test_details_or_an_email_address_alone_are_not_advance_fee_fraud(text: str) -> None:
    assert "family:fortune-contact" not in _sources(text)


# --- money and links in every written form ----------------------------------------------------


@pytest.mark.parametrize(
    "amount",
    ["£2.99", "2.99 GBP", "(GBP) 1.99", "1.99 (GBP)", "422.40GBP", "GBP 1.99", "$50", "Rs 500"],
)
def test_money_is_read_in_every_written_form(amount: str) -> None:
    text = (
        "Your parcel is waiting for delivery. Please confirm the settlement of "
        f"{amount} on the following link"
    )
    sources = _sources(text)
    assert "family:parcel-fee" in sources or "family:parcel-redelivery" in sources
    money = bundled().cue("money")
    assert money is not None
    from sochelp.message.model import first_matches

    assert first_matches(money, f"a fee of {amount} today", 1)


@pytest.mark.parametrize(
    ("written", "domain"),
    [
        ("hxxps://payee-cancel[.]com/x", "payee-cancel.com"),
        ("https: // payee.cancellation95 .com", "cancellation95.com"),
        ("http:/95.141.32.7:81/default.aspx", "95.141.32.7"),
        ("Lloyds[Dot]bank[Dot]unusual-login[Dot]com", "unusual-login.com"),
        ("natwest.personal.personal.login .com", "login.com"),
        ("payee-review(dot)com/stop", "payee-review.com"),
        ("[secure-mysuspension-info.com].", "secure-mysuspension-info.com"),
        ("http://wap. xxxmobilemovieclub.com?n=Q", "xxxmobilemovieclub.com"),
    ],
)
def test_links_are_found_in_every_disguise(written: str, domain: str) -> None:
    result = analyse(
        f"Santander: a new payee was set up. If this was NOT you visit {written}", bundled()
    )
    assert [link.domain for link in result.links] == [domain]


@pytest.mark.parametrize(
    "placeholder",
    [
        "[web link]",
        "[link removed]",
        "[URL]",
        "<LINK>",
        "LINK REMOVED",
        "(fraudulent hyperlink)",
        "______",
    ],
)
def test_placeholders_left_by_quoting_count_as_a_link(placeholder: str) -> None:
    text = (
        "HSBC: A new payee was added from a new device. If this was not you, visit "
        f"{placeholder} now"
    )
    result = analyse(text, bundled())
    assert "family:bank-activity-alert" in {f.source for f in result.flags}
    assert result.links == ()


def test_a_bare_brand_name_is_a_mention_not_an_official_link() -> None:
    # Real scam (dev): "Amazon.com" is written as a name, and must not lower the score.
    text = "Amazon.com: your account has been locked. Verify your details here: amazn-verify.top/x"
    # The rules alone: the wording sign reads "Amazon.com" as a link placeholder, which is
    # no concern of this test.
    rules = bundled()._replace(wording=None)
    with_name = analyse(text, rules)
    without = analyse(text.replace("Amazon.com", "Amazon"), rules)
    assert [link.domain for link in with_name.links] == ["amazn-verify.top"]
    assert with_name.score >= without.score
    assert not any("official domain" in sign for sign in with_name.good_signs)
    assert analyse(text, bundled()).verdict is Verdict.SCAM


def test_a_real_official_link_is_still_a_good_sign() -> None:
    result = analyse(
        "Royal Mail: track your item at https://www.royalmail.com/track-your-item", bundled()
    )
    assert result.links[0].official_for == "Royal Mail"
    assert result.good_signs


# --- answers that agree with themselves ----------------------------------------------------


def test_a_shortened_link_on_its_own_is_some_warning_signs() -> None:
    result = analyse("See this: bit.ly/3xYz9", bundled())
    assert result.verdict is Verdict.SUSPICIOUS
    assert any(f.source == "link:shortener" for f in result.flags)


def test_lookalikes_say_what_they_look_like_and_what_they_are() -> None:
    result = analyse("Pay the fee at https://royalmaii.com/fee", bundled())
    texts = " ".join(f.explanation for f in result.flags)
    assert "Looks like royalmail.com (Royal Mail) but is royalmaii.com" in texts


@pytest.mark.parametrize(
    "text", ["See you at 6 at the cafe", "Your parcel is waiting: pay £1.99 at evri-fee.top"]
)
def test_advice_is_one_numbered_sequence(text: str) -> None:
    output = run_cli(["check-message"], input=text).stdout
    steps = output.split("What to do now:")[1].strip().splitlines()
    numbers = [int(line.split(".")[0]) for line in steps if line.strip()[:1].isdigit()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert not any(line.rstrip().endswith(":") for line in steps)


def test_new_fields_are_in_the_json() -> None:
    result = run_cli(["check-message", "--json"], input=_real("rm-810744f5856d"))
    data = json.loads(result.stdout)
    assert data["claimed_sender"] == {"organisation": "HSBC", "how": "tag"}
    assert "link" in data["requests"]
    assert data["email"] is None
    assert data["verdict_text"] == "Strong signs of a scam"


# --- long ordinary emails -----------------------------------------------------------------


def test_a_long_email_without_a_request_is_never_strong_signs() -> None:
    body = (
        "Hi all, notes from the committee. We discussed the arrest warrant story in the news, "
        "the fraud team at the bank who spoke to us, and the lottery winner from the village. "
    ) * 20
    result = analyse(f"From: Jo <jo@example.org>\nSubject: minutes\n\n{body}", bundled())
    assert result.verdict is not Verdict.SCAM
    assert result.requests == ()
