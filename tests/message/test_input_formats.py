"""Emails and batches as real mail programs and real users produce them, and what is shown.

Each case is a defect an outside audit found (an Exchange export read as a text, a forwarded
email lost, a look-alike address quoted as the real one, one bad id stopping a batch, a full
disk reported as a bug); the fix is tested here with the ordinary case beside it.
"""

from __future__ import annotations

import base64
import errno
import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from sochelp.environment import OutputStream, ascii_text, punycode_hosts
from sochelp.errors import OutputError
from sochelp.message.analyse import Verdict, analyse
from sochelp.message.mail import read_email
from sochelp.message.model import Channel
from sochelp.message.reading import decode_message
from tests.conftest import run_cli
from tests.message.helpers import bundled

PHISH = "Your account is limited. Log in at https://paypa1-secure.example/login to restore it."


def _b64(text: str) -> str:
    return base64.encodebytes(text.encode("utf-8")).decode("ascii")


# --- saved emails --------------------------------------------------------------------------------


def test_an_exchange_export_with_many_extension_headers_is_read_as_an_email() -> None:
    extension = "".join(f"X-MS-Exchange-Header-{n}: value {n}\n" for n in range(30))
    text = (
        "From: PayPal <service@paypa1-secure.example>\nSubject: Limited\n"
        f"{extension}MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: base64\n\n{_b64(PHISH)}"
    )
    mail = read_email(text)
    assert mail is not None and mail.headers.sender == "PayPal <service@paypa1-secure.example>"
    assert "paypa1-secure.example/login" in mail.body  # the base64 body was decoded
    assert analyse(text, bundled()).verdict is Verdict.SCAM


def test_a_block_of_colon_lines_that_is_not_mail_stays_text() -> None:
    text = "Name: Sam\nFrom: the office\nRoom: 4\nTime: 10am\nNote: bring a pen\n\nSee you."
    assert read_email(text) is None


def test_an_mbox_from_line_before_the_headers_is_skipped() -> None:
    text = (
        "From alerts@bank.example Mon Jan  1 00:00:00 2024\n"
        "From: Bank <alerts@bank.example>\nSubject: Suspended\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + _b64("Your account is suspended. Verify now at https://secure-login.example.net")
    )
    mail = read_email(text)
    assert mail is not None and mail.headers.subject == "Suspended"
    assert "secure-login.example.net" in mail.body


def test_a_relay_chain_longer_than_64_kb_still_reaches_the_headers_and_body() -> None:
    relays = "".join(
        f"Received: from relay{n}.example ([10.0.{n // 256}.{n % 256}]) by mx.example; "
        "Mon, 1 Jan 2024 00:00:00 +0000\n"
        for n in range(700)
    )
    text = (
        f"{relays}From: PayPal <x@paypa1.example>\nSubject: Locked\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + _b64(PHISH)
    )
    assert len(relays) > 64_000
    result = analyse(text, bundled())
    assert result.email is not None and result.email.sender == "PayPal <x@paypa1.example>"
    assert not any(link.host.startswith("10.0.") for link in result.links)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # an 8-bit body in the character set it declares
        (
            b"From: a@b.example\nSubject: re\xe7u\nMIME-Version: 1.0\n"
            b"Content-Type: text/plain; charset=windows-1252\n"
            b"Content-Transfer-Encoding: 8bit\n\nPay \xa350 now \x96 thanks\n",
            "Pay £50 now – thanks",
        ),
        # a Latin-1 mailbox with no declared set at all
        (
            b"From a@b.example Mon Jan  1 00:00:00 2024\nFrom: a@b.example\nSubject: x\n\n"
            b"Your account is suspended. Pay \xa3200 today\n",
            "Pay £200 today",
        ),
    ],
)
def test_an_email_in_another_character_set_is_decoded_not_garbled(
    raw: bytes, expected: str
) -> None:
    text, _ = decode_message(raw)
    assert expected in text
    assert "\ufffd" not in text


def test_a_message_that_is_not_utf8_and_not_an_email_is_still_refused() -> None:
    from sochelp.errors import InputError

    with pytest.raises(InputError, match="not UTF-8"):
        decode_message(b"Hello \xa3 there, not an email")


def test_base64_of_the_wrong_length_is_decoded_as_far_as_it_goes() -> None:
    letters = base64.b64encode(PHISH.encode()).decode()[:-2]  # a copy that lost its end
    text = (
        "From: a@b.example\nSubject: x\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        f"{letters}\n"
    )
    mail = read_email(text)
    assert mail is not None and "paypa1-secure.example/login" in mail.body


def test_parts_under_a_wrong_boundary_are_read_rather_than_dropped() -> None:
    text = (
        "From: a@b.example\nSubject: bad\nMIME-Version: 1.0\nContent-Type: multipart/mixed; "
        'boundary="XYZ"\n\n--ABC\nContent-Type: text/plain\n\n'
        "Your parcel fee is £1.99, pay now at http://pay-fee.example.com/x\n--ABC--\n"
    )
    mail = read_email(text)
    assert mail is not None and "pay-fee.example.com" in mail.body
    assert analyse(text, bundled()).verdict is not Verdict.NONE_FOUND


def test_an_email_forwarded_as_an_attachment_is_read_and_its_sender_judged() -> None:
    inner = EmailMessage()
    inner["From"] = "PayPal <x@paypa1.example>"
    inner["Subject"] = "Limited"
    inner.set_content(PHISH)
    outer = EmailMessage()
    outer["From"] = "Me <me@example.com>"
    outer["Subject"] = "Fwd: is this real?"
    outer.set_content("Is this real? Thanks")
    outer.add_attachment(inner)
    result = analyse(bytes(outer).decode(), bundled())
    assert result.email is not None and result.email.sender == "PayPal <x@paypa1.example>"
    assert any(link.host == "paypa1-secure.example" for link in result.links)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "mark",
    [
        "-----Original Message-----",
        "________________________________",
        "---------- Forwarded message ---------",
        "Begin forwarded message:",
    ],
)
def test_an_email_forwarded_as_text_is_read_as_that_email(mark: str) -> None:
    text = (
        f"FYI - is this real?\n\n{mark}\n"
        "From: PayPal Service <service@paypa1-support.example>\n"
        "Sent: Monday, 1 January 2024 10:00\nTo: me@example.com\n"
        "Subject: Your account has been limited\n\n"
        "Dear client, we noticed unusual activity. Log in at "
        "https://paypa1-support.example/login to restore access."
    )
    mail = read_email(text)
    assert mail is not None
    assert mail.headers.sender == "PayPal Service <service@paypa1-support.example>"
    assert "To: me@example.com" not in mail.body and "FYI" in mail.body
    result = analyse(text, bundled())
    assert "me@example.com" not in [address.address for address in result.addresses]
    assert result.verdict is Verdict.SCAM


def test_a_parcel_scam_forwarded_as_an_email_is_reported_as_an_email() -> None:
    # Its family is most often a text ("report as a scam text"); it came as an email, so the
    # advice and "who to tell" both say forward it to report@phishing.gov.uk.
    text = (
        "-----Original Message-----\n"
        "From: Royal Mail <noreply@rm-redelivery.example.com>\n"
        "Sent: 02 December 2026 09:00\nTo: me@example.com\nSubject: Your parcel is on hold\n\n"
        "Your parcel is waiting for delivery. Please confirm the settlement of 2.99 (GBP) on the "
        "following link: http://rm-redelivery.example.com/pay"
    )
    result = analyse(text, bundled())
    assert result.verdict is Verdict.SCAM
    assert result.report_situation == "phishing-email"
    assert result.advice[-1].endswith("sochelp report phishing-email")


def test_a_parcel_scam_text_is_still_reported_as_a_text() -> None:
    text = (
        "Royal Mail: your parcel is on hold, pay 2.99 GBP at http://rm-redelivery.example.com/pay"
    )
    result = analyse(text, bundled(), channel=Channel.SMS)
    assert result.report_situation == "scam-text"


def test_a_dashed_line_without_headers_after_it_is_no_forwarded_email() -> None:
    text = "Minutes\n-----Original Message-----\nThanks all, see you next week.\n"
    assert read_email(text) is None


# --- links in HTML --------------------------------------------------------------------------------


def test_the_words_of_many_html_links_do_not_use_up_the_links_judged() -> None:
    anchors = " ".join(f'<a href="http://l{n}.example/">www.bank{n}.com</a>' for n in range(51))
    result = analyse(f"<html><body>{anchors}</body></html>", bundled())
    assert result.links and result.links[0].host == "l0.example"
    assert result.links_capped


@pytest.mark.parametrize(("count", "capped"), [(50, False), (51, True)])
def test_only_more_than_fifty_links_say_some_were_left_out(count: int, capped: bool) -> None:
    text = " ".join(f"http://site{n}.example/" for n in range(count))
    result = analyse(text, bundled())
    assert len(result.links) == 50
    assert result.links_capped is capped


# --- what is shown ------------------------------------------------------------------------


def test_evidence_quotes_a_lookalike_address_as_written() -> None:
    result = analyse("Log in at https://p\u0430ypal.com/verify now", bundled())
    quoted = [flag.evidence for flag in result.flags]
    assert any("p\u0430ypal.com" in evidence for evidence in quoted)
    assert not any("https://paypal.com" in evidence for evidence in quoted)
    disguise = [flag for flag in result.flags if flag.source == "hidden:lookalike-letters"]
    assert disguise and "U+0430" in disguise[0].explanation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visit http://r\u00f6yalmail.example/x now", "http://xn--ryalmail-n4a.example/x"),
        ("Log in at https://p\u0430ypal.com/verify", "https://xn--pypal-4ve.com/verify"),
        ("mail a@r\u00f6yal.com", "a@xn--ryal-5qa.com"),
    ],
)
def test_an_ascii_screen_shows_a_foreign_address_in_punycode(text: str, expected: str) -> None:
    assert expected in ascii_text(text)
    assert expected in punycode_hosts(text)


@pytest.mark.parametrize("text", ["Costs \u00a35.00. Caf\u00e9.", "na\u00efve text", "plain"])
def test_ordinary_accents_and_money_are_not_punycoded(text: str) -> None:
    assert "xn--" not in ascii_text(text)
    assert punycode_hosts(text) == text


def test_an_ascii_terminal_never_prints_the_imitated_name(tmp_path: Path) -> None:
    path = tmp_path / "message.txt"
    path.write_text("Log in at https://p\u0430ypal.com/verify now\n", encoding="utf-8")
    result = run_cli(["check-message", str(path)], env={"PYTHONIOENCODING": "ascii"})
    assert "xn--pypal-4ve.com" in result.stdout


# --- batches --------------------------------------------------------------------------------------


def _batch(lines: list[str]) -> list[dict[str, object]]:
    result = run_cli(["check-message", "--jsonl", "-"], input="".join(x + "\n" for x in lines))
    assert "Traceback" not in result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_an_id_with_a_lone_surrogate_does_not_stop_the_run() -> None:
    out = _batch(['{"text": "ok"}', '{"text": "ok", "id": "\\ud800"}', '{"text": "ok"}'])
    assert [item["line"] for item in out] == [1, 2, 3]
    assert out[1]["id"] == "?" and out[2]["verdict"] == "none_found"


@pytest.mark.parametrize("ident", ["NaN", "Infinity", "1e999"])
def test_an_id_that_is_no_finite_number_is_an_error_for_its_line(ident: str) -> None:
    out = _batch([f'{{"text": "ok", "id": {ident}}}', '{"text": "ok"}'])
    assert "finite" in str(out[0]["error"]) and out[1]["verdict"] == "none_found"


def test_a_text_over_one_megabyte_is_cut_and_checked_as_a_single_message_is() -> None:
    text = "Your parcel fee is £1.99, pay at http://evri-fee.example.com " + "x " * 600_000
    out = _batch([json.dumps({"text": text})])
    assert out[0]["truncated"] is True and out[0]["verdict"] != "none_found"


@pytest.mark.parametrize("given", ["", "\n\n"])
def test_an_empty_batch_is_unusable_input(given: str) -> None:
    result = run_cli(["check-message", "--jsonl", "-"], input=given)
    assert result.exit_code == 2
    assert "no message to check" in result.stderr


# --- output that cannot be written ---------------------------------------------------------


class _FullDisk:
    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_a_plain_output_error_not_a_bug() -> None:
    stream = OutputStream(_FullDisk())  # type: ignore[arg-type]
    with pytest.raises(OutputError, match="No space left on device"):
        stream.write("result\n")
    stream.write("more\n")  # nothing more is tried once it failed
    assert stream.broken


def test_a_full_disk_on_standard_output_exits_2_with_a_message(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "message.txt"
    path.write_text("See you at the cafe at 6.\n", encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sochelp", "check-message", str(path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert "could not write the output" in done.stderr
    assert "bug" not in done.stderr


# --- more input shapes ------------------------------------------------------------------------


def test_a_template_element_is_not_read_as_shown_words() -> None:
    from sochelp.message.mail import html_to_text

    body, _ = html_to_text(
        "<html><body><p>Hello</p><template><p>Pay now</p></template>"
        "<noscript><p>Shown when scripts are off</p></noscript></body></html>"
    )
    assert "Pay now" not in body
    assert "Shown when scripts are off" in body  # mail apps run no scripts: it is shown


def test_a_utf16_text_file_is_read_not_refused_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "message.txt"
    path.write_bytes(
        "Your parcel fee is £1.99, pay at http://evri-fee.example.com\n".encode("utf-16")
    )
    result = run_cli(["check-message", "--json", str(path)])
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["verdict"] != "none_found"


@pytest.mark.parametrize("given", ["\u200b\u200c\u2060 \u200b\n", "\x1b[2J\x1b]0;x\x07\n"])
def test_input_of_only_invisible_characters_or_codes_is_no_message(given: str) -> None:
    result = run_cli(["check-message", "-"], input=given)
    assert result.exit_code == 2
    assert "only invisible characters" in result.stderr


def test_an_empty_url_has_a_hint_line() -> None:
    result = run_cli(["check-message", "--url", " "])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].strip().startswith("Give one whole web address")


def test_escape_codes_in_encoded_headers_leave_nothing_behind_in_json(tmp_path: Path) -> None:
    def word(text: str) -> str:
        return "=?UTF-8?B?" + base64.b64encode(text.encode()).decode() + "?="

    path = tmp_path / "mail.eml"
    path.write_text(
        f"From: {word(chr(27) + ']0;owned' + chr(7) + 'PayPal Support' + chr(27) + '[2J')} "
        f"<x@paypa1.example>\nSubject: {word('Hi ' + chr(27) + '[31mthere')}\n\nHello\n",
        encoding="utf-8",
    )
    result = run_cli(["check-message", "--json", str(path)])
    email = json.loads(result.stdout)["email"]
    assert email["sender"].replace('"', "") == "PayPal Support <x@paypa1.example>"
    assert email["subject"] == "Hi there"


@pytest.mark.parametrize(("name", "channel"), [("saved.eml", "email"), ("saved.txt", None)])
def test_a_file_saved_as_eml_is_read_as_an_email_even_without_headers(
    tmp_path: Path, name: str, channel: str | None
) -> None:
    body = (
        "\nYour parcel is waiting for delivery. Please confirm the settlement of 2.99 (GBP) "
        "on the following link: http://rm-redelivery.example.com/pay\n"
    )
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    result = run_cli(["check-message", "--json", str(path)])
    data = json.loads(result.stdout)
    assert data["channel"] == channel
    assert data["report_situation"] == ("phishing-email" if channel else "scam-text")


def test_a_channel_given_for_an_eml_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "forwarded.eml"
    path.write_text("Your parcel is held: http://rm-redelivery.example.com/pay\n", "utf-8")
    result = run_cli(["check-message", "--json", "--channel", "sms", str(path)])
    assert json.loads(result.stdout)["channel"] == "sms"
