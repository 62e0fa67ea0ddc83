"""Cheap disguises a scammer can add to a scam text, found by red-teaming check-message.

Each disguise is applied to a scam the detector reads correctly without it, and the verdict
must not fall to "No known warning signs"; each fix also has ordinary counter-examples.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from email.message import EmailMessage

import pytest

from sochelp.message.analyse import MessageResult, Verdict, analyse
from sochelp.message.links import redirect_target
from sochelp.message.mail import html_to_text, read_email
from sochelp.message.model import Channel, Cue
from sochelp.message.normalise import clean, read_for_rules, rejoin_split_words
from tests.message.helpers import bundled, check, check_rules, sources

TOLL = (
    "UK Highways: Our records show an outstanding toll for your vehicle. Late fees of £35 will "
    "be added unless you pay today at https://uk-toll-settle.top/pay"
)
PARCEL = (
    "Royal Mail: your parcel is on hold due to an unpaid fee of £1.45. Please pay at "
    "https://royalmail-redelivery.info/track to rearrange delivery."
)
HI_MUM = (
    "Hi Mum, this is my new number, my old phone fell in the sink and it's dead. Can you "
    "save this one? I need to pay a bill today, could you pay it for me?"
)


def _sms(text: str) -> MessageResult:
    return check(text, Channel.SMS)


def test_the_base_messages_are_read_as_scams() -> None:
    for text in (TOLL, PARCEL, HI_MUM):
        assert _sms(text).verdict is Verdict.SCAM


# --- a line about scams added to excuse the message --------------------------------------------

SAFETY_LINES = (
    "Stay safe online.",
    "Beware of scammers: we will never ask for your PIN or password.",
    "ps watch out for scams x",
)


@pytest.mark.parametrize("line", SAFETY_LINES)
@pytest.mark.parametrize("base", [TOLL, PARCEL, HI_MUM], ids=["toll", "parcel", "hi-mum"])
def test_a_safety_line_anywhere_does_not_silence_the_message(line: str, base: str) -> None:
    first, rest = base.split(". ", 1)
    # (In the middle only as a sentence of its own: unpunctuated, it runs into the next one.)
    middle = f"{first}. {line} {rest}" if line.endswith(".") else f"{first}.\n{line}\n{rest}"
    alone = _sms(base)
    # Opening the message, in its middle or after its own request, a short line about scams
    # excuses nothing: the message's own requests stand in sentences that frame nothing as a
    # quote, so it reads as it would alone (its signs kept, the verdict not held down).
    _assert_read_as(alone, (f"{line}\n{base}", middle, f"{base}\n{line}"))


def _assert_read_as(alone: MessageResult, texts: tuple[str, ...]) -> None:
    """Each text keeps the signs, the verdict and the claimed sender (and how it was found: an
    opening tag stays a tag below a line added above it) of the message read alone."""
    for text in texts:
        result = _sms(text)
        assert _own_signs(alone) <= sources(result), text
        assert result.verdict is alone.verdict, text
        assert result.claimed_sender == alone.claimed_sender, text


@pytest.mark.parametrize(
    "text",
    [
        # A warning that opens with a short line and frames its advice ("never", "if you
        # receive", "we would never ask") is still a warning.
        "Beware of scams.\nIf you get a text asking you to pay a redelivery fee, don't click "
        "the link.",
        "Stay safe online.\nWe would never ask for your bank details by text.",
        "There are scam texts going round. Remember to never log into your account via a "
        "link in a message.",
    ],
)
def test_a_warning_opening_with_a_short_line_stays_a_warning(text: str) -> None:
    assert _sms(text).verdict is Verdict.NONE_FOUND


# Scams whose signs are claims and families, with no request or rule of their own.
CLAIM_ONLY = (
    "Post Office: Your parcel has been redirected to your local branch due to an unpaid "
    "shipping fee.",
    "HSBC: You have authorised a payment of £240.00 to Mrs. K Adams. If this wasn't you, "
    "please cancel via",
)


@pytest.mark.parametrize("base", CLAIM_ONLY, ids=["parcel-claim", "cancel-via"])
@pytest.mark.parametrize("line", ["Beware of scams.", "Stay safe online."])
def test_a_safety_line_does_not_excuse_a_scam_of_claims_alone(base: str, line: str) -> None:
    # The claim ("your parcel has been redirected… unpaid fee") and a pointer at a removed link
    # ("cancel via", now at the end of a line rather than of the text) are the message's own.
    alone = _sms(base)
    assert alone.verdict is Verdict.SCAM
    _assert_read_as(alone, (f"{base}\n{line}", f"{line}\n{base}"))


@pytest.mark.parametrize(
    "text",
    [
        # The claims stand in quotes or are told as what the scam says.
        "IT Security Alert\n\nYou may have received an email with the subject “UPDATE YOUR "
        "E-MAIL ACCOUNT.”\n\nThese are not legitimate emails. When in doubt, toss it out.",
        "There are scam texts circulating. The messages advise that a payment has failed or "
        "that your profile needs to be updated. Beware of scams.",
    ],
)
def test_a_warning_that_quotes_or_reports_the_claims_stays_a_warning(text: str) -> None:
    assert _sms(text).verdict is Verdict.NONE_FOUND


def test_a_warning_introducing_the_scam_it_quotes_keeps_only_the_link_signs() -> None:
    text = (
        "Beware of this text: 'Royal Mail: your parcel is on hold, pay £1.45 at "
        "royalmail-fee.com'. It is a scam. Report it to 7726."
    )
    result = _sms(text)
    # The quoted scam's words are not the warning's own; its link is still judged.
    assert not sources(result) & {"small-amount", "delivery-problem", "family:parcel-fee"}
    assert result.verdict is not Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        # Warnings whose talk about scams introduces or describes the scam: still warnings.
        "Please be aware of scam text messages telling you that you have missed a package "
        "delivery. If you click on the link to arrange delivery you can install spyware.",
        "HSBC: We have blocked a payment. Beware of scammers: we will never ask for your PIN or "
        "password. Please call us on the number on the back of your card.",
    ],
)
def test_warnings_and_genuine_alerts_with_a_safety_line_stay_unflagged(text: str) -> None:
    assert _sms(text).verdict is Verdict.NONE_FOUND


# --- hidden text in HTML emails, and which part of an email is read ----------------------------


def test_words_styled_never_to_show_are_left_out() -> None:
    markup = (
        '<p>Pay the <span style="font-size:0px">zz</span>toll today '
        '<span style="display:none">Stay safe online. Beware of scams.</span>'
        '<span style="DISPLAY: none !important">hidden</span><b hidden>gone</b> at '
        '<a href="https://uk-toll-settle.top/pay">uk-toll-settle.top</a></p>'
        '<div style="opacity:0">nope</div><div style="opacity:0.5">half</div>'
    )
    text, anchors = html_to_text(markup)
    assert " ".join(text.split()) == "Pay the toll today at uk-toll-settle.top half"
    assert anchors[0].href == "https://uk-toll-settle.top/pay"


def test_an_unclosed_element_inside_a_hidden_one_does_not_hide_the_rest() -> None:
    text, _ = html_to_text('<div style="display:none"><p>one<b>two</div><p>shown</p>')
    assert text.split() == ["shown"]


def _alternative(plain: str, html: str) -> str:
    message = EmailMessage()
    message["From"] = "UK Highways <billing@uk-toll-settle.top>"
    message["Subject"] = "Outstanding toll"
    message.set_content(plain)
    message.add_alternative(html, subtype="html")
    return message.as_string()


def test_the_html_part_mail_apps_show_is_read_not_a_harmless_plain_part() -> None:
    raw = _alternative("Thanks for your order. See you soon.", f"<p>{TOLL}</p>")
    email = read_email(raw)
    assert email is not None and "outstanding toll" in email.body
    assert analyse(raw, bundled()).verdict is Verdict.SCAM


def test_a_plain_part_is_read_when_the_html_part_is_empty() -> None:
    raw = _alternative("Your appointment is on Tuesday at 10am.", "<html><body></body></html>")
    email = read_email(raw)
    assert email is not None and "appointment" in email.body


def test_hidden_safety_lines_in_an_html_email_do_not_excuse_it() -> None:
    html = f'<p><span style="display:none">Beware of scams. Stay safe online.</span>{TOLL}</p>'
    assert analyse(html, bundled()).verdict is Verdict.SCAM


def test_a_marketing_preheader_hidden_from_view_is_simply_left_out() -> None:
    html = (
        '<div style="display:none;max-height:0;overflow:hidden">This week: 20% off boots</div>'
        "<p>Our winter sale starts on Friday. See you in store.</p>"
    )
    result = analyse(html, bundled())
    assert result.verdict is Verdict.NONE_FOUND


# --- letters and spaces that hide words from the rules ------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("to\u200all", "toll"),  # hair space
        ("to\u2009ll", "toll"),  # thin space
        ("to\u2800ll", "toll"),  # blank Braille cell
        ("c\u0323ode", "code"),  # combining dot below (no precomposed form)
        ("t\u0332o\u0332l\u0332l\u0332", "toll"),  # a line under every letter
        ("\u202ellot\u202c", "toll"),  # written backwards inside a right-to-left override
        ("\u13deog in", "Log in"),  # Cherokee capital
        ("\u0251ccount", "account"),  # Latin alpha
        ("\u03f2ode", "code"),  # Greek lunate sigma
        ("t\u00f3ll", "toll"),  # one accent is enough
        ("c0de", "code"),  # a digit for a letter
        ("cl1ck", "click"),
        ("$end", "send"),
        ("\u20a41.45", "£1.45"),  # the lira sign drawn like a pound sign
        ("pa\U0001f4e6y", "pay"),  # an emoji inside a word
        ("p a y", "pay"),  # letters spaced out
        ("tr@nsaction", "transaction"),  # "@" for "a" inside a word
        ("A.M.A.Z.0.N", "AMAZON"),  # a name dotted apart (and a digit for a letter)
        ("c-l-i-c-k", "click"),  # letters joined by hyphens
        ("F*R*E*E", "FREE"),  # … or by asterisks
        ("\U0001f17f\U0001f170\U0001f188", "PAY"),  # negative squared letters
        ("\U0001f17f\ufe0f\U0001f170\ufe0f\U0001f188\ufe0f", "PAY"),  # … as emoji
        ("\U0001f15f\U0001f150\U0001f168", "PAY"),  # negative circled letters
        ("\u24ab\u249c\u24b4", "pay"),  # parenthesised letters
        ("\U0001f1f5\u200b\U0001f1e6\u200b\U0001f1fe", "PAY"),  # regional indicators kept apart
        ("\U0001f1f5 \U0001f1e6 \U0001f1fe", "PAY"),  # … by spaces
        ("\ua4d1\ua4ee\ua4ec", "PAY"),  # Lisu letters
        ("\u1455\u14aa\u15e9I\u15f0", "CLAIM"),  # Canadian syllabics, as fancy text
        ("\u2ca3\u2c81\u2ca9", "pay"),  # Coptic
        ("\u0570old", "hold"),  # Armenian
    ],
)
def test_disguised_words_are_read_as_written_to_be_seen(written: str, read: str) -> None:
    assert clean(f"Please {written} now").text == f"Please {read} now"


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour\u202f! Le café est à 10\u2009000 mètres.",  # French spacing, numbers
        "Ref SW1A 1AA, order 4x4, COVID19, pay $50, iPhone15, mp3, gr8, b4",
        "Naïve résumé of the café's menu",
        "Answer A, B or C. I am a UK citizen \U0001f600 see you",
    ],
)
def test_ordinary_text_keeps_its_words_and_numbers(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.plain == " ".join(text.split()) or "\u202f" in text
    assert "$50" in cleaned.text or "$" not in text
    assert "1AA" in cleaned.text or "1AA" not in text
    assert cleaned.hidden == ()


@pytest.mark.parametrize(
    "text",
    [
        "Visit https://a-b-c.com/x-y-z/ or x-y-z.example.org today.",
        "A T-shirt, an e-mail, the A-B road, sizes s-m-l-xl and a 2-1 win.",
        "Rate it 5*, the B-52s, and a*b = c in maths.",
    ],
)
def test_links_and_ordinary_hyphens_are_not_joined(text: str) -> None:
    assert clean(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Off to \U0001f1ec\U0001f1e7 then \U0001f1fa\U0001f1f8\U0001f1eb\U0001f1f7!",  # flags
        "Flags: \U0001f1ec\U0001f1e7 \U0001f1fa\U0001f1f8 \U0001f1eb\U0001f1f7",
        "\U0001f17f\ufe0f free parking; blood type \U0001f170\ufe0f wanted",  # one emoji
    ],
)
def test_flags_and_a_lone_letter_emoji_are_kept(text: str) -> None:
    cleaned = clean(text)
    assert not cleaned.styled
    emoji = [ch for ch in text if ord(ch) >= 0x1F100]
    assert [ch for ch in cleaned.text if ord(ch) >= 0x1F100] == emoji


@pytest.mark.parametrize(
    "text",
    [
        "\u1403\u14c4\u1483\u144e\u1450\u1466 \u1455\u142f\u152a\u1585",  # Inuktitut
        "\u053e\u0561\u057c\u0561\u0575\u0578\u0582\u0569\u0575\u0578\u0582\u0576 "
        "\u0570\u0561\u057d\u0561\u0576\u0565\u056c\u056b \u0567",  # Armenian
        "\u041f\u0440\u0438\u0432\u0435\u0442, \u043e\u043f\u043b\u0430\u0442\u0430 "
        "\u043a\u0430\u0440\u0442\u043e\u0439.",  # Russian
    ],
)
def test_text_in_another_script_is_left_as_written(text: str) -> None:
    assert clean(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Write to jo@example.com or @halifax on X.",
        "Version 1.2.3.4 is at 192.168.0.1, e.g. for the U.S.A. and the B.B.C.",
    ],
)
def test_addresses_handles_versions_and_short_initials_are_kept(text: str) -> None:
    assert clean(text).text == text


def test_a_thin_space_inside_a_word_is_a_hidden_mark() -> None:
    marks = clean("Pay the to\u200all now").hidden
    assert [(m.word, m.codepoints) for m in marks] == [("toll", ("U+200A",))]


def test_a_right_to_left_override_is_reported_wherever_it_is() -> None:
    marks = clean("Pay the \u202ellot\u202c now").hidden
    assert marks and "U+202E" in marks[0].codepoints


@pytest.mark.parametrize(
    "text",
    [
        "Pay the fine now \u202e https://fine-pay.example.top/x",
        "Pay the fine now \u202ehttps://fine-pay.example.top/x\u202c today",
    ],
)
def test_a_link_inside_a_right_to_left_override_is_still_judged(text: str) -> None:
    # (it shows backwards, "x/pot.elpmaxe.yap-enif//:sptth", but a phone still opens it as
    # written; found in a review with hostile input in the forty-third round: the link went
    # unjudged)
    result = check(text, Channel.SMS)
    assert [link.url for link in result.links] == ["https://fine-pay.example.top/x"]
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "disguise",
    [
        lambda t: t.replace("toll", "to\u200all"),
        lambda t: t.replace("toll", "t\u0332o\u0332l\u0332l\u0332"),
        lambda t: t.replace("toll", "\u202ellot\u202c"),
        lambda t: t.replace("pay", "p\u0251y").replace("Late", "\u13deate"),
        lambda t: t.replace("toll", "t\u00f3ll").replace("pay", "p\u00e1y"),
        lambda t: t.replace("toll", "t0ll").replace("fees", "f33s"),
        lambda t: t.replace("toll", "to\U0001f697ll").replace("pay", "p a y"),
        lambda t: t.replace("toll", "t-o-l-l").replace("pay", "p*a*y"),
        # words drawn in negative squared letters, as "fancy text" generators write them
        lambda t: re.sub(
            r"\b(?:toll|pay|fees)\b",
            lambda m: "".join(chr(0x1F170 + ord(ch) - 97) for ch in m.group(0)),
            t,
        ),
        # every word of three letters or more joined by hyphens
        lambda t: re.sub(r"\b[A-Za-z]{3,}\b", lambda m: "-".join(m.group(0)), t),
    ],
)
def test_a_disguised_scam_keeps_its_verdict(disguise: Callable[[str], str]) -> None:
    assert _sms(disguise(TOLL)).verdict is Verdict.SCAM


# --- links written to escape the link finder ---------------------------------------------------


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://3110862539/pay", "3110862539"),  # an IPv4 address as one decimal number
        ("http://0xb9a3c2db/pay", "0xb9a3c2db"),  # … or in hex
        ("https://royalmail-fee%2eserv%2ecom/pay", "royalmail-fee.serv.com"),
        ("https://royalmail-fee\u3002top/pay", "royalmail-fee.top"),  # ideographic full stop
    ],
)
def test_links_written_another_way_are_found(url: str, host: str) -> None:
    result = _sms(f"Royal Mail: your parcel is held. Pay £1.45 at {url}")
    assert [link.host for link in result.links] == [host]
    assert result.verdict is Verdict.SCAM


def test_a_number_with_no_dot_and_no_scheme_is_no_link() -> None:
    assert _sms("Your reference is 3110862539. Call us if you need help.").links == ()


def test_the_target_of_a_redirect_link_is_judged_too() -> None:
    url = "https://www.google.com/url?q=https://uk-toll-settle.top/pay&sa=D"
    assert redirect_target(url) == "https://uk-toll-settle.top/pay"
    result = _sms(TOLL.replace("https://uk-toll-settle.top/pay", url))
    assert "uk-toll-settle.top" in [link.host for link in result.links]
    assert result.verdict is Verdict.SCAM


def test_an_official_site_s_redirect_is_not_an_official_link_or_a_good_sign() -> None:
    url = "https://www.google.com/url?q=https://uk-toll-settle.top/pay"
    result = _sms(TOLL.replace("https://uk-toll-settle.top/pay", url))
    google = next(link for link in result.links if link.domain == "google.com")
    assert google.official_for is None
    assert [flag.code for flag in google.flags] == ["redirect"]
    assert not any("official domain" in sign for sign in result.good_signs)


def test_a_redirect_within_one_official_site_stays_official() -> None:
    url = "https://www.google.com/url?q=https://www.google.com/maps"
    result = _sms(f"Here is the map: {url}")
    assert [link.official_for for link in result.links] == ["Google", "Google"]
    assert result.verdict is Verdict.NONE_FOUND


def test_an_ordinary_query_is_not_a_redirect() -> None:
    assert redirect_target("https://www.google.com/search?q=royal+mail+opening+hours") is None


@pytest.mark.parametrize("shortener", ["dub.sh", "kutt.it", "spoo.me"])
def test_more_link_shorteners_are_known(shortener: str) -> None:
    result = _sms(f"Your parcel is held, see https://{shortener}/x1y2")
    assert "link:shortener" in sources(result)


# --- words split apart by a hyphen, dot, underscore, asterisk or line break -------------------


def _split_words(text: str, sign: str) -> str:
    """Every word of five letters or more split in its middle by ``sign`` (the red-team's
    disguise), leaving web addresses alone."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) < 5:
            return word
        half = len(word) // 2
        return word[:half] + sign + word[half:]

    return re.sub(r"(?<![\w./@:-])[A-Za-z]+(?![\w@/:]|\.\w)", split, text)


@pytest.mark.parametrize("sign", ["-", ".", "_", "*", "\n"])
@pytest.mark.parametrize("base", [TOLL, PARCEL, HI_MUM], ids=["toll", "parcel", "hi-mum"])
def test_words_split_apart_by_a_sign_are_read_whole(sign: str, base: str) -> None:
    text = _split_words(base, sign)
    assert text != base
    assert _sms(text).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Security Notice\nDear Lloyds customer",  # "notice" + "d…" is not "noticed"
        "a well-known face",
        "Go to\nday centre",  # too short to join across a line break
        "see https://example.org/pay-ment and bit.ly/acc-ount",  # inside web addresses
        "write to pay-ment@example.org",
    ],
)
def test_words_that_are_not_split_apart_are_left_as_written(text: str) -> None:
    cleaned = clean(text)
    assert rejoin_split_words(cleaned, bundled().sign_words) == cleaned


def test_links_are_still_found_as_written_when_words_around_them_are_joined() -> None:
    result = _sms("Your pay-ment is overdue, settle it at https://pay-ment.example.top/now")
    assert [report.host for report in result.links] == ["pay-ment.example.top"]
    assert result.verdict is not Verdict.NONE_FOUND


# --- emoji between every word, "1" for "l" ----------------------------------------------------


@pytest.mark.parametrize("base", [TOLL, PARCEL, HI_MUM], ids=["toll", "parcel", "hi-mum"])
def test_emoji_between_every_word_do_not_hide_the_words(base: str) -> None:
    text = re.sub(r"(?<=\w) (?=\w)", " 📦 ", base)
    assert _sms(text).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Your pay-ment of £5 is due", "Your payment of £5 is due"),
        ("Veri.fy your acc.ount now", "Verify your account now"),
        ("a-c-c-o-u-n-t sus_pen*ded", "account suspended"),
        ("Bar-clays: your pass\nword", "Barclays: your password"),
        ("pay-ments", "payments"),
        ("C1ick here to ver1fy your account", "Click here to verify your account"),
        ("ema1l us", "email us"),
        ("Your 📦 parcel 📦 is 📦 waiting", "Your parcel is waiting"),
        ("Hell0 mum, 5ave my number", "Hello mum, save my number"),
        ("FR33 gift, cla1m y0ur R3FUND", "FREE gift, claim your REFUND"),
        ("r~e~f~u~n~d, p/a/y/m/e/n/t, H|S|B|C, p\u00b7a\u00b7y", "refund, payment, HSBC, pay"),
    ],
)
def test_disguised_words_are_read_as_the_rules_need(written: str, read: str) -> None:
    result = read_for_rules(clean(written), bundled().sign_words)
    assert result.text == read
    assert len(result.plain) == len(result.text)


@pytest.mark.parametrize(
    "text",
    [
        "A1 Motors on 0800 111 2222",
        "See you at 7 😊",
        "Room B1a",
        "Win a PS5 or an iPhone7, on BBC1 at 10am on the 4th, MP3 and A4 too",
        "and/or w/c 3/4, see https://example.org/a/b/c and n/a",
        "C++ and x=y=z",
    ],
)
def test_numbers_names_and_a_smile_are_left_as_they_are(text: str) -> None:
    cleaned = clean(text)
    assert read_for_rules(cleaned, bundled().sign_words) == cleaned


@pytest.mark.parametrize(
    "leet",
    [str.maketrans({"o": "0", "i": "1", "e": "3"}), str.maketrans({"a": "4", "s": "5", "t": "7"})],
    ids=["o-i-e", "a-s-t"],
)
@pytest.mark.parametrize("base", [TOLL, PARCEL, HI_MUM], ids=["toll", "parcel", "hi-mum"])
def test_digits_for_letters_anywhere_in_a_word_do_not_hide_the_message(
    leet: dict[int, str], base: str
) -> None:
    head, link, tail = re.split(r"(https://\S+)", base) if "https" in base else (base, "", "")
    assert _sms(head.translate(leet) + link + tail.translate(leet)).verdict is Verdict.SCAM


@pytest.mark.parametrize("joiner", ["~", "/", "|", "+", "\u00b7"])
def test_letters_joined_by_any_one_sign_are_read_as_the_word(joiner: str) -> None:
    text = TOLL.replace("toll", joiner.join("toll")).replace("pay", joiner.join("pay"))
    assert _sms(text).verdict is Verdict.SCAM
    assert joiner.join("toll") in text


def test_a_one_for_l_scam_keeps_its_signs() -> None:
    text = PARCEL.replace("l", "1")
    assert _sms(text).verdict is not Verdict.NONE_FOUND


def test_a_friendly_emoji_between_words_changes_nothing_that_matters() -> None:
    assert _sms("Hi 😊 see you at the café at 7 🎉 bring the cake").verdict is Verdict.NONE_FOUND


# --- a warning clause tacked on to every sentence -----------------------------------------------


# (", pretending to be helpful", ", they say to be careful" and ", like the fake company said"
# are ordinary clauses: the twelfth round's third-person warning phrases were kept narrow enough
# that they are not talk about scams, or every sentence could carry one and be excused.)
EVERY_SENTENCE_CLAUSES = (
    ", beware of scams",
    ", beware of scams today",  # (a word or two after the talk is still a tacked-on clause)
    ", pretending to be helpful",
    ", they say to be careful",
    ", like the fake company said",
)


@pytest.mark.parametrize("clause", EVERY_SENTENCE_CLAUSES)
@pytest.mark.parametrize("base", [TOLL, PARCEL, HI_MUM], ids=["toll", "parcel", "hi-mum"])
def test_a_warning_clause_closing_every_sentence_does_not_excuse_the_message(
    base: str, clause: str
) -> None:
    text = re.sub(r"([.!?])(\s|$)", lambda m: clause + m.group(1) + m.group(2), base)
    text += clause + "." if not text.endswith(".") else ""
    assert text.count(clause) >= 2
    result = _sms(text)
    assert result.verdict is not Verdict.NONE_FOUND


PRIZE = (
    "Congratulations! You have been selected as the winner of our £1,000 prize draw. "
    "To claim your prize, send us your full name and address."
)


def _in_first_sentence(text: str, clause: str) -> str:
    stop = re.search(r"[.!?](?:\s|$)", text)
    return text if stop is None else text[: stop.start()] + clause + text[stop.start() :]


def _in_last_sentence(text: str, clause: str) -> str:
    stops = list(re.finditer(r"[.!?](?:\s|$)", text))
    return (
        text + clause
        if not stops
        else text[: stops[-1].start()] + clause + text[stops[-1].start() :]
    )


@pytest.mark.parametrize("place", [_in_first_sentence, _in_last_sentence], ids=["first", "last"])
@pytest.mark.parametrize(
    "clause",
    [
        ", beware of scams",
        " - stay alert to fraudsters",
        # (after the message's own request or sign, however long the clause goes on)
        ", beware of scams going round at the moment",
    ],
)
@pytest.mark.parametrize(
    "base", [TOLL, PARCEL, HI_MUM, PRIZE], ids=["toll", "parcel", "hi-mum", "prize"]
)
def test_a_warning_clause_in_one_sentence_does_not_excuse_the_message(
    base: str, clause: str, place: Callable[[str, str], str]
) -> None:
    # "Dear customer, beware of scams. Pay the fee at …": the message's own request, in a
    # sentence that frames nothing as a quote, makes the clause a tacked-on line, not a warning.
    text = place(base, clause)
    assert clause.strip(", -") in text
    result = _sms(text)
    assert result.verdict is not Verdict.NONE_FOUND, text
    assert _own_signs(_sms(base)) <= sources(result), text


def _own_signs(result: MessageResult) -> set[str]:
    """The rule and family signs of a result: all but the statistical wording sign, which is
    never given to a message that talks about scams."""
    return {source for source in sources(result) if not source.startswith("model:")}


@pytest.mark.parametrize(
    ("base", "verdict"),
    [
        (TOLL, Verdict.SCAM),
        (PARCEL, Verdict.SCAM),
        # (its rules and family alone make "some"; the wording sign is not given to a message
        # that talks about scams)
        (PRIZE, Verdict.SUSPICIOUS),
    ],
    ids=["toll", "parcel", "prize"],
)
def test_a_warning_line_after_the_message_s_own_signs_does_not_hold_the_verdict_down(
    base: str, verdict: Verdict
) -> None:
    alone, tacked = _sms(base), _sms(base + "\nBeware of scams.")
    assert _own_signs(alone) <= sources(tacked)
    assert tacked.verdict is verdict


@pytest.mark.parametrize(
    "text",
    [
        "If you get a text asking you to log in to verify your account, it's a scam.",
        "Texts saying your parcel is on hold until you pay a fee are scams.",
        "Victims were told to buy gift cards and read out the codes, then the scammers vanished.",
        "Beware of scams: a text says your parcel is held and asks for £1.45.",
        "Never click a link in a text about an unpaid toll, they're scams.",
        "When someone calls about your account and wants you to move your money, it's a scam.",
    ],
)
def test_warnings_that_frame_or_open_with_their_talk_stay_warnings(text: str) -> None:
    assert _sms(text).verdict is Verdict.NONE_FOUND


def test_claims_are_marked_in_the_content_and_alert_headings_are_not() -> None:
    for cue_id in ("account-problem", "delivery-issue", "transaction-alert", "computer-problem"):
        cue = bundled().cue(cue_id)
        assert cue is not None and isinstance(cue.rule, Cue) and cue.rule.own_claim, cue_id
    # "Security Alert" heads warnings as often as scams.
    heading = bundled().cue("suspicious-activity")
    assert heading is not None and isinstance(heading.rule, Cue) and not heading.rule.own_claim


def test_letters_drawn_as_emoji_are_named_as_unusual_lettering() -> None:
    free = "".join(chr(0x1F170 + ord(ch) - 65) for ch in "FREE")
    result = _sms(f"Claim your {free} gift card now at https://gift-claims.top")
    assert "hidden:styled-letters" in sources(result)


# --- forms, sites and files anyone can publish on a big company's own domain -------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://docs.google.com/forms/d/e/1FAIpQLSf/viewform",
        "https://sites.google.com/view/hsbc-verify",
        "https://forms.office.com/r/abc123",
        "https://script.google.com/macros/s/AKfy/exec",
        "https://drive.google.com/file/d/1abc/view",
        "https://onedrive.live.com/view.aspx?id=abc",
    ],
)
def test_a_form_on_a_big_companys_domain_is_no_route_of_the_bank(url: str) -> None:
    text = f"HSBC: A new payee was added to your account. If this was NOT you, verify at {url}"
    result = _sms(text)
    assert "link:free-host" in sources(result)
    assert result.verdict is Verdict.SCAM
    assert all(link.official_for is None for link in result.links)


def test_a_form_is_no_route_of_its_host_either() -> None:
    text = (
        "Microsoft 365: Your password expires today. Keep your current password here: "
        "https://forms.office.com/r/xyz123"
    )
    assert _sms(text).verdict is Verdict.SCAM
    unnamed = (
        "A new payee was added to your account. If this was NOT you, verify at "
        "https://docs.google.com/forms/d/e/1FAIpQLSf/viewform"
    )
    assert _sms(unnamed).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Sam Jones shared a document with you.\nSam Jones (sam@example.org) has invited you to "
        "edit the following document:\nBudget 2026\n"
        "https://docs.google.com/document/d/1ruqYeKe7kMMnNzKh/edit?usp=sharing\n"
        "You have received this email because sam@example.org shared a document with you from "
        "Google Docs.",
        "Hi all, the parents' evening sign-up form is here: "
        "https://docs.google.com/forms/d/e/1FAIpQLSe/viewform - St Mary's Primary School office",
        "HSBC: Your statement is ready. Log in at https://www.hsbc.co.uk to view it.",
    ],
)
def test_ordinary_shares_forms_and_the_banks_own_site_stay_unflagged(text: str) -> None:
    assert _sms(text).verdict is Verdict.NONE_FOUND


def test_a_staff_survey_form_has_no_rule_sign_and_never_reads_strong() -> None:
    # The rules read nothing in it but the form's host (weight 1). Since the fifty-eighth
    # round's retrained wording sign (trained with fresh-66, among whose scams is a real
    # survey-reward text) its words reach the sign's weak level, and the two together make
    # "some warning signs": a model-dependent false alarm on this team-written text, recorded
    # in that round's closing note. The rules' verdict is held here, and the sign can never
    # make it "strong".
    text = (
        "Reminder: please complete the staff survey by Friday: https://forms.office.com/r/abc123 "
        "Thanks, HR"
    )
    result = _sms(text)
    assert sources(result) <= {"link:free-host", "model:wording"}
    assert result.verdict is not Verdict.SCAM
    assert check_rules(text, Channel.SMS).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "url",
    [
        "https://paypal.me/rmfees",
        "https://monzo.me/royalmailfees",
        "https://revolut.me/rmail",
        "https://cash.app/$rmfees",
    ],
)
def test_an_organisation_asking_to_be_paid_by_a_personal_payment_link_is_strong(
    url: str,
) -> None:
    text = f"ROYAL MAIL: Your parcel is on hold: an unpaid fee of £1.45. Pay now at {url}"
    result = _sms(text)
    assert "link:payment-link" in sources(result)
    assert result.verdict is Verdict.SCAM
    limited = f"PayPal: Your account is limited. Pay the £2.99 release fee at {url}"
    assert _sms(limited).verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for dinner! Pay me back for the tickets at monzo.me/samjones/12.50 when you can x",
        "Hi, it's Jo from the football club: subs are £5, pay at paypal.me/jofc please",
    ],
)
def test_a_friends_payment_link_stays_unflagged(text: str) -> None:
    result = _sms(text)
    assert result.verdict is Verdict.NONE_FOUND
    # Shown as what it is, a personal payment link, and never as an official site or good sign.
    assert [(link.official_for, [flag.code for flag in link.flags]) for link in result.links] == [
        (None, ["payment-link"])
    ]
    assert not result.good_signs


# --- where an HTML email sends you without an <a href> -----------------------------------------

_FORGED_HTML = (
    "From: HSBC UK <alerts@hsbc.co.uk>\nTo: you@example.com\nSubject: Security alert\n"
    "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
    "{head}<p>Dear customer, a new payee was added to your account. If this was not you, {body}"
)


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # a log-in form in the email itself
        (
            "",
            "sign in below.</p><form action='https://hsbc-verify-payee.com/x'>"
            "<input name='user'><input name='pass' type='password'><button>Verify</button></form>",
        ),
        # a button that posts elsewhere
        (
            "",
            "</p><form><button formaction='https://hsbc-verify-payee.com/x'>Verify</button></form>",
        ),
        # a page refresh
        ("<meta http-equiv='refresh' content='0;url=https://hsbc-verify-payee.com/x'>", "verify."),
        # an image map
        (
            "",
            "click the button.</p><map name='m'><area href='https://hsbc-verify-payee.com/x' "
            "shape='rect'/></map><img usemap='#m' src='btn.png'>",
        ),
    ],
    ids=["form", "formaction", "refresh", "image-map"],
)
def test_a_form_button_refresh_or_image_map_is_a_link(head: str, body: str) -> None:
    result = check(_FORGED_HTML.format(head=head, body=body), None)
    assert [link.domain for link in result.links] == ["hsbc-verify-payee.com"]
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "href", ["data:text/html;base64,PGgxPkhTQkM8L2gxPg==", "javascript:void(location='x')"]
)
def test_a_link_that_runs_a_script_or_carries_its_page_is_a_sign(href: str) -> None:
    result = check(_FORGED_HTML.format(head="", body=f"<a href='{href}'>verify</a>.</p>"), None)
    assert "link:script-link" in sources(result)
    assert result.verdict is Verdict.SCAM


def test_a_search_form_on_the_shops_own_site_is_no_sign() -> None:
    text = (
        "From: Tesco <news@tesco.com>\nTo: you@example.com\nSubject: This week's offers\n"
        "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
        "<p>Hi Sam, this week's offers are in.</p><form action='https://www.tesco.com/search'>"
        "<input name='q'><button>Search</button></form>"
    )
    result = check(text, None)
    assert all(link.official_for for link in result.links) and result.links
    assert result.verdict is Verdict.NONE_FOUND


# --- phone numbers written to slip past number filters -----------------------------------------

_PAYEE_CALL = "HSBC: A new payee was added to your account. If this was NOT you, call us on {}."


@pytest.mark.parametrize(
    "number",
    [
        "O77OO 9OO123",  # the letter O for zero
        "0\ufe0f\u20e37\ufe0f\u20e37\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e3 9\ufe0f\u20e3"
        "0\ufe0f\u20e30\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e3",  # keycap digits
        "+44 (0) 7700 900123",  # the trunk zero in brackets after the country code
        "+44 (0)7700 9OO123",
    ],
    ids=["letter-o", "keycaps", "trunk-zero", "both"],
)
def test_a_disguised_number_is_still_a_number_to_call(number: str) -> None:
    plain = _sms(_PAYEE_CALL.format("07700 900123"))
    disguised = _sms(_PAYEE_CALL.format(number))
    assert "family:bank-call-back" in sources(plain)
    assert sources(plain) <= sources(disguised)
    assert disguised.verdict is plain.verdict is Verdict.SCAM
    assert disguised.score >= plain.score


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Call O2 on 0333 0880 202", "Call O2 on 0333 0880 202"),
        ("Room 1O1 at 10am", "Room 1O1 at 10am"),
        ("MOO 1234567890", "MOO 1234567890"),
        ("call 0800 OOO OOO", "call 0800 OOO OOO"),
        ("Press 1\ufe0f\u20e3 or #\ufe0f\u20e3, top \U0001f51f", "Press 1 or #, top 10"),
    ],
)
def test_brands_rooms_and_keycap_lists_are_read_as_meant(written: str, read: str) -> None:
    assert clean(written).text == read


# --- words hidden by drawing them white on the white page --------------------------------------

_FILLER = "Our community garden opened this spring with volunteers planting herbs. " * 12


@pytest.mark.parametrize(
    "style", ["color:#ffffff", "color: white", "COLOR:#FFF !important", "color:rgb(255,255,255)"]
)
def test_white_words_on_the_white_page_are_not_read(style: str) -> None:
    text, _ = html_to_text(f"<p>Pay the fee now.</p><div style='{style}'>{_FILLER}</div>")
    assert "community garden" not in text
    assert "Pay the fee now." in text


@pytest.mark.parametrize(
    "markup",
    [
        "<table><tr><td bgcolor='#d40000'><a href='https://example.org' "
        "style='color:#ffffff'>Book your appointment</a></td></tr></table>",
        "<body bgcolor='#111111'><p style='color:#fff'>Book your appointment</p></body>",
        "<div style='background-color:#003366'><span style='color:white'>Book your "
        "appointment</span></div>",
        "<div style='color:#fff'><p style='color:#333'>Book your appointment</p></div>",
        "<font color='#ffffff'><span style='background:#c00'>Book your appointment</span></font>",
    ],
)
def test_white_words_on_a_painted_background_are_read(markup: str) -> None:
    text, _ = html_to_text(markup)
    assert "Book your appointment" in " ".join(text.split())


@pytest.mark.parametrize(
    "markup",
    [
        # near-white, and white on a background painted white
        "<div style='color:#fefefe'>{filler}</div>",
        "<div style='color:rgb(250, 250, 250)'>{filler}</div>",
        "<table bgcolor='#ffffff'><tr><td style='color:#fff'>{filler}</td></tr></table>",
        "<div style='background:#fff'><span style='color:white'>{filler}</span></div>",
        "<div style='color:rgba(0,0,0,0)'>{filler}</div>",
        # black on black
        "<div style='background-color:#000'><span style='color:#000000'>{filler}</span></div>",
        # type of a pixel or less
        "<span style='font-size:1px'>{filler}</span>",
        "<span style='font-size: 0.5pt !important'>{filler}</span>",
        "<span style='font-size:0.05em'>{filler}</span>",
        # a box of no height with its overflow cut off
        "<div style='max-height:0px; overflow:hidden'>{filler}</div>",
        "<div style='width:0;height:0;overflow:hidden'>{filler}</div>",
        # the same, set by a style sheet's class
        "<style>.x {{ display: none }}</style><div class='x'>{filler}</div>",
        "<style>/* note */ .a, span.salt {{ font-size:0 }}</style>"
        "<span class='b salt'>{filler}</span>",
        "<style>.w{{color:#ffffff}}</style><p class='w'>{filler}</p>",
    ],
)
def test_words_hidden_by_other_styles_are_not_read(markup: str) -> None:
    text, _ = html_to_text("<p>Pay the fee now.</p>" + markup.format(filler=_FILLER))
    assert "community garden" not in text
    assert "Pay the fee now." in text


@pytest.mark.parametrize(
    "markup",
    [
        # a button coloured by its class, white words on it
        "<style>td.btn{background-color:#d40000}</style><table bgcolor='#ffffff'><tr>"
        "<td class='btn'><a href='https://example.org' style='color:#fff'>Book your "
        "appointment</a></td></tr></table>",
        "<style>.btn{background:#0b5;color:#fff}</style><a class='btn' href='x'>Book your "
        "appointment</a>",
        # a dark email whose body is painted by the sheet
        "<style>body{background:#111}</style><body><p style='color:#fff'>Book your "
        "appointment</p></body>",
        # a dark-mode rule applies only in dark mode
        "<style>@media (prefers-color-scheme: dark) {{ .t {{ color:#ffffff !important }} }}"
        "</style><p class='t'>Book your appointment</p>",
        # the element's own style shows what its class hides (a mobile block)
        "<style>.mobile{display:none}</style><div class='mobile' style='display:block'>Book "
        "your appointment</div>",
        # a sheet's colour for every link goes with backgrounds its other rules paint
        "<style>a{color:#ffffff} .hero a{background:#c00}</style><a href='x'>Book your "
        "appointment</a>",
        # small print, grey footers and light-grey text on a dark band stay
        "<p style='font-size:10px;color:#999999'>Book your appointment</p>",
        "<p style='font-size:0.8em'>Book your appointment</p>",
        "<div style='background:#222'><p style='color:#eeeeee'>Book your appointment</p></div>",
        "<div style='max-height:0'>Book your appointment</div>",
    ],
)
def test_words_styles_leave_visible_are_read(markup: str) -> None:
    text, _ = html_to_text(markup.replace("{{", "{").replace("}}", "}"))
    assert "Book your appointment" in " ".join(text.split())


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        (
            "<style>.a::before{content:'Your account is locked. Verify at '} "
            ".b:after{content:\" today.\"}</style><p><span class='a'></span>"
            "<a href='https://x.example'>this page</a><span class='b'></span></p>",
            "Your account is locked. Verify at this page today.",
        ),
        # CSS escapes, a semicolon and a brace inside the words
        (
            "<style>p.q::before{content:'\\41 ccount \\\"locked\\\"; ' ; color:#333} "
            ".z{content:'{'}</style><p class='q'>now</p>",
            'Account "locked"; now',
        ),
    ],
)
def test_words_a_style_sheet_adds_are_read(markup: str, shown: str) -> None:
    text, _ = html_to_text(markup)
    assert shown in " ".join(text.split())


@pytest.mark.parametrize(
    "sheet",
    [
        ".n{display:none} .n::before{content:'hidden words'}",
        ".n::before{content:'hidden words'; font-size:0}",
    ],
)
def test_words_a_style_sheet_adds_and_hides_stay_hidden(sheet: str) -> None:
    text, _ = html_to_text(f"<style>{sheet}</style><p>shown <span class='n'></span></p>")
    assert "hidden" not in text


def test_a_phish_written_in_a_style_sheet_is_read() -> None:
    head = (
        "From: HSBC UK <alerts@hsbc-notices.com>\nTo: you@example.com\nSubject: Security alert\n"
        "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
    )
    body = (
        "<style>.t::before{content:'Dear customer, a new payee was added to your account. If "
        "this was not you, '}</style><p><span class='t'></span>"
        "<a href='https://hsbc-verify-payee.com/x'>verify here</a>.</p>"
    )
    result = check(head + body)
    assert result.verdict is Verdict.SCAM
    assert "family:bank-activity-alert" in sources(result)


def test_letters_salted_inside_a_word_are_dropped() -> None:
    text, _ = html_to_text("<p>W<span style='font-size:0px'>qcvui</span>ells Fargo</p>")
    assert "Wells Fargo" in text


def test_a_hostile_style_sheet_is_read_in_bounded_time() -> None:
    many_rules = "".join(f".c{i}{{display:none}}" for i in range(20_000))
    classes = " ".join(f"c{i}" for i in range(5000))
    text, _ = html_to_text(
        f"<style>{many_rules}{'{' * 50_000}</style><p class='{classes}'>hidden</p><p>shown</p>"
    )
    assert "shown" in text


@pytest.mark.parametrize(
    "salt",
    [
        "<div style='color:#ffffff'>{filler}</div>",
        "<div style='color:#fdfdfd;font-size:1px'>{filler}</div>",
        "<style>.s{{max-height:0;overflow:hidden}}</style><div class='s'>{filler}</div>",
    ],
)
def test_a_phish_salted_with_hidden_words_keeps_its_signs(salt: str) -> None:
    head = (
        "From: HSBC UK <alerts@hsbc-notices.com>\nTo: you@example.com\nSubject: Security alert\n"
        "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
    )
    body = (
        "<p>Dear customer, a new payee was added to your account. If this was not you, "
        "<a href='https://hsbc-verify-payee.com/x'>verify here</a>.</p>"
    )
    plain = check(head + body)
    salted = check(head + body + salt.format(filler=_FILLER))
    assert salted.verdict is plain.verdict is Verdict.SCAM
    assert salted.score == plain.score


# --- a From line on the bank's own domain that the receiving server's checks failed -------------

_FORGED_FROM = (
    "From: HSBC UK <alerts@hsbc.co.uk>\nTo: you@example.com\nSubject: Security alert\n{auth}"
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nA new payee was added to "
    "your account. If this was NOT you, visit https://secure-payee-cancel.com now to cancel.\n"
)


def test_a_from_line_that_failed_its_checks_vouches_for_nothing() -> None:
    failed = check(
        _FORGED_FROM.format(
            auth="Authentication-Results: mx.example.com; spf=fail smtp.mailfrom=hsbc.co.uk; "
            "dmarc=fail header.from=hsbc.co.uk\n"
        )
    )
    assert {"combination", "email:authentication-failed"} <= sources(failed)
    assert not failed.good_signs
    passed = check(
        _FORGED_FROM.format(
            auth="Authentication-Results: mx.example.com; spf=pass; dkim=pass; dmarc=pass\n"
        )
    )
    assert passed.good_signs  # the sender's official domain is still named when checks pass
    assert failed.score > passed.score
