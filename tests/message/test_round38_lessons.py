"""Lessons of the thirty-eighth round, each a general sign with scam and genuine examples.

Words an HTML email shows in pictures and buttons: an image's alternative text (an email made
of images has no other words, and a mail program that blocks pictures shows these instead) and
a form button's label are read, unless the element is hidden.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from sochelp.message.mail import html_to_text
from sochelp.message.model import Channel
from tests.message.helpers import check, sources

_HTML_HEAD = (
    "From: {sender}\nTo: you@example.com\nSubject: {subject}\n"
    "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n"
)


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ("<p><img src='a.png' alt='Your parcel could not be delivered'></p>", "Your parcel could"),
        ("<p><img src='a.png' alt=\"Pay the fee today\"/></p>", "Pay the fee today"),
        ("<form><input type='submit' value='Verify my account'></form>", "Verify my account"),
        ("<form><input type='BUTTON' value='Confirm payment'/></form>", "Confirm payment"),
        ("<p>Hello<img alt='friend'>there</p>", "Hello friend there"),
    ],
)
def test_words_in_pictures_and_buttons_are_read(markup: str, shown: str) -> None:
    text, _ = html_to_text(markup)
    assert shown in " ".join(text.split())


@pytest.mark.parametrize(
    "markup",
    [
        "<p>shown<img src='a.png' alt='hidden words' style='display:none'></p>",
        "<style>.h{display:none}</style><p>shown<img class='h' alt='hidden words'></p>",
        "<p>shown</p><div style='display:none'><img alt='hidden words'></div>",
        "<p>shown<input type='hidden' value='hidden words'></p>",
        "<p>shown<input type='text' name='q' value='hidden words'></p>",
        "<p>shown<img src='a.png' title='hidden words'></p>",
        "<p>shown<img src='t.gif' width='1' height='1' alt='hidden words'></p>",
        "<p>shown<img src='t.gif' height=\"0\" alt='hidden words'></p>",
    ],
)
def test_hidden_pictures_and_other_attributes_are_not_read(markup: str) -> None:
    text, _ = html_to_text(markup)
    assert "shown" in text
    assert "hidden" not in text


def test_a_picture_inside_a_link_gives_the_link_its_words() -> None:
    _, anchors = html_to_text(
        "<a href='https://evil.example/x'><img src='b.png' alt='https://www.royalmail.com'></a>"
    )
    assert [(a.href, a.text) for a in anchors] == [
        ("https://evil.example/x", "https://www.royalmail.com")
    ]


def test_an_email_made_of_pictures_is_read() -> None:
    head = _HTML_HEAD.format(sender="HSBC UK <alerts@secure-notify.net>", subject="Security alert")
    body = (
        "<table><tr><td><img src='https://cdn.example/banner.png' alt='HSBC: A new payee was "
        "added to your account. If this was NOT you, cancel it now.'></td></tr>"
        "<tr><td><a href='https://hsbc-payee-cancel.com/x'><img src='https://cdn.example/b.png'"
        " alt='Cancel payee'></a></td></tr></table>"
    )
    result = check(head + body)
    assert result.verdict is Verdict.SCAM
    assert "family:bank-activity-alert" in sources(result)


def test_a_newsletters_pictures_keep_it_calm() -> None:
    head = _HTML_HEAD.format(
        sender="Riverside Allotments <news@riversideallotments.org.uk>", subject="Spring news"
    )
    body = (
        "<p><img src='logo.png' alt='Riverside Allotments logo'></p>"
        "<p>Our open day is on Saturday 12 April from 10am. Come and see the new beds.</p>"
        "<p><img src='beds.jpg' alt='Volunteers planting herbs in the new raised beds'></p>"
        "<p><a href='https://riversideallotments.org.uk/open-day'>"
        "<img src='btn.png' alt='Read more'></a></p>"
    )
    result = check(head + body)
    assert result.verdict is Verdict.NONE_FOUND


# --- development lessons: a link "below", a refund pending, a message waiting, a bank visit ----


@pytest.mark.parametrize(
    "text",
    [
        "We have added new security features to our system, to view the changes click on the "
        "below link.",
        "Your mailbox is almost full. To keep receiving mail please visit the following link.",
    ],
)
def test_a_link_below_or_following_is_a_link_to_use(text: str) -> None:
    assert "click-link" in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "your outstanding vehicle tax refund from an overpayment is pending.",
        "HMRC: Your tax rebate is still pending. Complete your claim today.",
        "You have an unclaimed council tax refund of £212.40 waiting.",
    ],
)
def test_a_government_refund_said_to_be_pending_is_a_lure(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "refund-due" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your refund is pending and should reach your card in 3 to 5 working days.",
        "Thanks for returning your order. Your refund of £24.99 is pending while we check the "
        "item.",
        "Our accounts team says the tax refund claims from last year are still pending.",
    ],
)
def test_a_shops_pending_refund_is_no_lure(text: str) -> None:
    assert "refund-due" not in sources(check(text))


def test_a_secure_message_to_read_by_logging_in_here_is_a_sign() -> None:
    text = (
        "Activity Alert\nYou Have a New Message\n\nDear Customer,\n\nWe're letting you know that "
        "you have a new message in your Online Banking mailbox.\n\nPlease [Login Here to view "
        "the Message Center] and read your message."
    )
    result = check(text, Channel.EMAIL)
    assert "message-waiting-lure" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND
    assert "message-waiting-lure" in sources(check("Click here to read your new secure message."))


@pytest.mark.parametrize(
    "text",
    [
        "You have a new message in your secure inbox. Log in to the app or online banking to "
        "read it. We will never ask for your passcode.",
        "You have 2 new messages in your inbox. Click here to unsubscribe from these updates.",
        "Your GP practice has sent you a new message. Open the NHS App to read it.",
    ],
)
def test_a_banks_own_new_message_notice_is_no_lure(text: str) -> None:
    assert "message-waiting-lure" not in sources(check(text))


@pytest.mark.parametrize(
    "text",
    [
        "We want you to go to your bank tomorrow at 1pm with a cheque for £2,350",
        "Go to your local branch and ask for £4,000 in cash, then wait for our officer.",
    ],
)
def test_being_sent_to_the_bank_for_a_cheque_or_cash_is_a_sign(text: str) -> None:
    assert "withdraw-cash" in sources(check(text, Channel.CALL))


@pytest.mark.parametrize(
    "text",
    [
        "If you would rather pay by cheque, you can go to your bank and ask for a paying-in slip.",
        "Go to your bank's website to set up the standing order for the club fees.",
        "You can go to the branch on Monday to open the account; bring photo ID.",
    ],
)
def test_ordinary_visits_to_the_bank_are_no_sign(text: str) -> None:
    assert "withdraw-cash" not in sources(check(text))


# --- lessons from fresh-46 as development data ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ihr paket wird heute zum Absender zuruckgesendet. Letzte Moglichkeit es abzuholen",
        "Bonjour, c'est le livreur, votre colis est trop volumineux pour votre boîte aux lettres. "
        "Veuillez choisir un nouveau créneau",
        "Su paquete será devuelto al remitente. Elija una nueva fecha de entrega hoy.",
        "Il tuo pacco sarà restituito al mittente. Scegli una nuova data di consegna.",
    ],
)
def test_other_language_parcel_texts_sent_back_or_too_big_are_read(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:text-lure-request" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Hola, hemos recibido quejas sobre tu cuenta y procederemos a eliminar tu cuenta. "
        "Verifique aquí: https://ig-soporte.example/apelar",
        "Votre compte sera supprimé pour violation des droits d'auteur. Cliquez ici : "
        "https://meta-appel.example/fr",
        "Ihr Konto wird gelöscht (Urheberrechtsverletzung). Klicken Sie hier: "
        "https://konto-hilfe.example/de",
    ],
)
def test_other_language_account_deletion_and_copyright_threats_are_read(text: str) -> None:
    result = check(text, Channel.SMS)
    assert "family:text-with-link-lure" in sources(result)


@pytest.mark.parametrize(
    "text",
    [
        "Para eliminar tu cuenta, abre la aplicación y ve a Configuración.",
        "Pour supprimer votre compte, allez dans les paramètres de l'application.",
        "Les droits d'auteur de cette photo appartiennent à l'éditeur.",
        "Ihr Paket ist unterwegs und kommt morgen an.",
    ],
)
def test_other_language_help_and_news_stay_calm(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_a_new_address_and_a_request_for_the_directory_is_a_sign() -> None:
    result = check(
        "Hi, I have a new email address. Would you please update the record? And could you "
        "please send me a copy of the directory?",
        Channel.EMAIL,
    )
    assert {"asks-for-member-list", "new-contact-update-record"} <= sources(result)
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sue, I have a new email address at work, but please keep using this one for the club.",
        "The directory is in the members' area of the website; log in to see it.",
        "Please send me the list of items you need for Saturday's stall.",
        "Hi, I have a new email address: jo.bloggs@example.com. Could you update your records? "
        "See you at choir on Thursday.",
    ],
)
def test_a_members_new_address_alone_is_no_warning(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert "asks-for-member-list" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Your mailbox has reached its storage limit. Some incoming messages are being held. "
        "Review your storage here: https://mail-storage-centre.com/review",
        "You have used 98% of your mailbox storage. New emails will be rejected. Upgrade now: "
        "https://webmail-upgrade.example/q",
    ],
)
def test_a_mailbox_storage_limit_phish_is_strong(text: str) -> None:
    result = check(text, Channel.EMAIL)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "The team reached the storage unit at noon and unloaded the van.",
        "New messages are shown at the top of your inbox.",
        "You have used 80% of your iCloud storage. You can manage it in Settings on your iPhone.",
    ],
)
def test_storage_news_without_a_link_is_no_scam(text: str) -> None:
    assert check(text, Channel.EMAIL).verdict is not Verdict.SCAM


def test_signing_in_to_hmrc_online_services_is_a_route_to_trust() -> None:
    text = (
        "Thank you for completing your Self Assessment tax return.\n\nYou can now access your "
        "Annual Tax Summary online.\n\nSign in to HMRC online services using the Government "
        "Gateway password and ID that you use for Self Assessment online, and select 'View your "
        "Annual Tax Summary'.\n\nTax summaries are for information only so there's no need to "
        "take any further action.\n\nDirector General of HMRC Customer Services"
    )
    assert check(text, Channel.EMAIL).verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "HMRC: You are due a tax refund of £348.50. Sign in to your online account using the "
        "link below to claim it.",
        "HMRC: You are due a tax refund of £348.50. Sign in to your personal tax account here: "
        "https://hmrc-refund-claim.com/claim",
    ],
)
def test_a_sign_in_route_with_a_link_of_its_own_vouches_for_nothing(text: str) -> None:
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND
