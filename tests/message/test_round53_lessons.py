"""What the fifty-third round taught, with counter-examples.

Sections 1 and 2 were written before ``fresh-61`` was read, from general gaps, not from a
message. The messages written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict
from tests.message.helpers import check_rules, sources

# --- 1. "never share your PIN" in more languages -------------------------------------------------
# A secret beside a "send / tell" word is a lure in every language, unless a negation stands
# near it: banks write "never tell anyone your password". Thirteen languages had no negation
# words (Catalan, Slovak, Slovenian, Bosnian, Serbian in both scripts, Malay, Swahili, Thai,
# Korean, Bengali, Persian, Urdu), so their banks' own warnings read as the lure they warn of.


@pytest.mark.parametrize(
    "text",
    [
        "ธนาคารจะไม่ขอรหัส PIN ทาง SMS อย่าแจ้งรหัสผ่านให้ผู้อื่น",
        "PIN kód nikdy nikomu nepošlite, banka ho nikdy nevyžaduje. Pošlite ho? Nie.",
        "هرگز رمز کارت خود را برای کسی ارسال نکنید",
        "Usimpe mtu yeyote PIN yako, hata akidai ni wa benki. Tuma taarifa kwa polisi.",
        "절대 비밀번호를 알려주지 마세요",
        "Nikada nikome ne šaljite PIN, ni kada vas pozovu iz banke.",
    ],
)
def test_a_warning_not_to_share_a_secret_is_no_lure(text: str) -> None:
    result = check_rules(text)
    assert "family:lure-alone-other-languages" not in sources(result)
    assert result.verdict is Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "กรุณาแจ้งรหัสผ่านให้เจ้าหน้าที่ทาง SMS",
        "Pošlite PIN kód nášmu pracovníkovi.",
        "رمز کارت خود را برای ما ارسال کنید",
        "Benki: Tuma PIN yako kwa afisa wetu sasa.",
        "비밀번호를 알려주세요",
    ],
)
def test_asking_for_a_secret_in_those_languages_is_still_a_lure(text: str) -> None:
    result = check_rules(text)
    assert "family:lure-alone-other-languages" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


# --- 2. a private lender's low interest rate ------------------------------------------------------
# "We offer loans at a low interest rate of 2%" read nothing: the easy-loan rule wanted a kind
# of loan before "loans" ("personal loans ... interest rate of 2%"). A lender's "we offer / give
# loans ... at 1-3%" is the offer now; a rate quoted as APR, as authorised lenders must, is not.


@pytest.mark.parametrize(
    "text",
    [
        "We offer loans at a low interest rate of 2%. Contact us today.",
        "I give out loans to individuals and companies at 3% interest rate",
        "We provide loans to anyone in need at just 1.5% interest",
        "we grant all loans at an interest rate of 2% per annum, email us",
    ],
)
def test_a_private_lenders_low_rate_is_an_easy_loan(text: str) -> None:
    assert "easy-loan" in sources(check_rules(text))


@pytest.mark.parametrize(
    "text",
    [
        "We offer loans at 2.9% APR representative.",
        "We offer car loans from 3% APR to members.",
        "We offer personal loans at 3% APR. Apply in branch.",
        "We offer loans at fixed rates: see our website for today's rates.",
        "The interest rate is 2% on your savings account.",
        "We offer savings accounts at 3% interest.",
    ],
)
def test_an_apr_or_no_rate_is_no_easy_loan(text: str) -> None:
    assert "easy-loan" not in sources(check_rules(text))


def test_the_other_language_loan_offers_still_read() -> None:
    for text in (
        "Info pinjaman dana online. Proses mudah/cepat.",
        "Offre de prêt entre particuliers",
    ):
        assert "easy-loan" in sources(check_rules(text))


# --- 3. a date between the two words of a pair ----------------------------------------------------
# Sections 3 to 7 were drawn from fresh-61's misses after it was read and moved to development.
# A pair's two words may stand five words apart; a date written "22.02.2024" counted as three
# words, so "your photoTAN app will be deactivated on 22.02.2024" was no pair. A date, time or
# amount written in groups is now one word.


def test_a_date_between_the_words_of_a_pair_is_one_word() -> None:
    result = check_rules("Ihre PhotoTan App wird am 22.02.2024 deaktiviert.")
    assert "family:lure-alone-other-languages" in sources(result)


@pytest.mark.parametrize(
    "text",
    [
        "Termin am 12.03.2025 um 14:30 Uhr bestätigt. Ihr Konto wurde belastet mit 12,50 EUR.",
        "Ihre Bestellung vom 02.12.2024 wurde versandt und kommt am 04.12.2024.",
    ],
)
def test_dates_and_amounts_in_ordinary_texts_read_nothing(text: str) -> None:
    assert check_rules(text).verdict is Verdict.NONE_FOUND


# --- 4. German access that "runs out" ----------------------------------------------------------
# "Ihr Zugang läuft bald aus" (your access runs out soon), "Ihre Authentifizierung läuft am ...
# aus", "Ihre Registrierung endet am ...": German's separable "läuft ... aus" and the
# registration or authentication of a bank's app, beside a link on no official site.


@pytest.mark.parametrize(
    "text",
    [
        "Lieber Kunde\nIhr Zugang läuft bald aus. Bitte aktualisieren hier.\n"
        "bank-zugang-update.info",
        "Lieber Kunde, ihre Authentifizierung läuft am 02.12.2024 aus. Bitte erneuern unter : "
        "konto-update.info",
        "Ihre Registrierung endet am 06.01.2026. Bitte Daten erneut eingeben: mein-zugang.top/fon",
    ],
)
def test_access_that_runs_out_beside_a_link_elsewhere_is_strong(text: str) -> None:
    result = check_rules(text)
    assert "family:lure-request-link-other-languages" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Ihr Abo läuft am 31.05.2025 aus. Verlängern Sie es in der App.",
        "Ihre Karte läuft bald aus, die neue Karte ist unterwegs.",
        "Ihre Registrierung ist abgeschlossen. Ihr Zugang ist ab 12:00 aktiv.",
        "Die Aktion läuft am Samstag aus. Ihr Zugang bleibt bestehen.",
        "Ihre Authentifizierung läuft am 02.12.2024 aus. Bitte erneuern unter https://www.postbank.de/",
    ],
)
def test_access_that_runs_out_without_a_link_elsewhere_reads_nothing(text: str) -> None:
    assert check_rules(text).verdict is Verdict.NONE_FOUND


# --- 5. Commerzbank, Postbank and FinanzOnline ----------------------------------------------
# Their names on another site are borrowed, and "rn" for "m" makes a look-alike of them, as of
# every organisation the project knows (sources in content/organisations/organisations.toml).


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        (
            "Lieber Commerzbank Kunde, Ihre PhotoTan App wird deaktiviert. Klicken Sie: "
            "https://cornrnerzbank.app/",
            "link:lookalike-domain",
        ),
        (
            "Ihre Registrierung endet am 06.01.2026. Bitte Daten erneut eingeben: "
            "finanzonline.brnf.at/datenaktualisierung/fon",
            "link:lookalike-domain",
        ),
        ("Postbank: Ihr Konto wird gesperrt. https://postbank-sicherheit.top/", "combination"),
    ],
)
def test_a_german_or_austrian_name_on_another_site_is_borrowed(text: str, sign: str) -> None:
    result = check_rules(text)
    assert sign in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Postbank: Ihr Kontoauszug steht online bereit unter https://www.postbank.de",
        "Commerzbank: Ihre neue Karte ist unterwegs. Fragen? https://www.commerzbank.de/hilfe",
        "Ihr Bescheid liegt in Ihrer FinanzOnline Databox: https://finanzonline.bmf.gv.at/fon/",
    ],
)
def test_their_own_sites_are_official(text: str) -> None:
    assert check_rules(text).verdict is Verdict.NONE_FOUND


# --- 6. "send it to me on this number" in Swahili -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nitumie tu kwenye namba hii 0712 345 678 Jina ni JOHN",
        "Ile hela nitumie kwa namba hii, ile ingine ina shida",
    ],
)
def test_send_it_to_this_number_in_swahili_is_a_payment_redirect(text: str) -> None:
    assert "money-to-this-number" in sources(check_rules(text))


def test_a_swahili_message_to_this_number_is_not_a_payment() -> None:
    assert "money-to-this-number" not in sources(
        check_rules("Nitumie ujumbe kwenye namba hii kesho")
    )


# --- 7. a Spanish summons to download ------------------------------------------------------------


def test_a_summons_to_download_from_a_link_is_strong() -> None:
    result = check_rules(
        "Policía Nacional: tienes un citatorio pendiente. Descárgalo en http://citas-policia.top"
    )
    assert "family:lure-request-link-other-languages" in sources(result)
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    "text",
    [
        "Descárgalo gratis en la App Store o en Google Play.",
        "Tu citatorio para la entrevista de trabajo es el lunes a las 10:00.",
    ],
)
def test_download_and_summons_words_alone_read_nothing(text: str) -> None:
    assert check_rules(text).verdict is Verdict.NONE_FOUND


# --- 8. "call us on the number on the back of your card" with a German bank's name -------------
# A known bank's name and "rufen Sie uns ... an" made "asks you to call a number in the message"
# even when the only number meant is the one on the reader's card (found when Commerzbank became
# an organisation: DKB's text did the same). With a number written, the sign stays.


def test_a_known_bank_sending_you_to_the_number_on_your_card_stays_calm() -> None:
    result = check_rules(
        "DKB: Zahlung über 249,00 EUR an Amazon wurde autorisiert. Falls Sie diese Zahlung nicht "
        "getätigt haben, rufen Sie uns unter der Nummer auf der Rückseite Ihrer Karte an."
    )
    assert result.verdict is Verdict.NONE_FOUND


def test_a_known_bank_giving_a_number_of_its_own_is_still_flagged() -> None:
    result = check_rules(
        "DKB: Zahlung über 249,00 EUR wurde autorisiert. Falls nicht Sie, rufen Sie uns unter "
        "0157 1234567 an oder unter der Nummer auf der Rückseite Ihrer Karte."
    )
    assert "combination" in sources(result)


# --- 9. a helpline number written in disguise ---------------------------------------------------
# Helpline spam writes its numbers so that filters cannot read them: "+[1-844-750-2819]",
# "{09932+80+5363}", "+55--11--5283--5788". Beside an offer of support or a request to call, in
# any language, that is the fake helpline advert (fresh-59's and fresh-61's posts).


@pytest.mark.parametrize(
    "text",
    [
        "PayBank customer support: You can call customer support directly at {09932+80+5363}.",
        "Atendimento pode ser acessado por meio de telefone +55--11--5283--5788, suporte 24h.",
        "For help with your account call our support line 📞 +[1-844-750-2819] today.",
        "Eine Rückerstattung beantragen Sie telefonisch über +49--69--5095--4947.",
    ],
)
def test_a_support_number_in_disguise_is_a_fake_helpline(text: str) -> None:
    result = check_rules(text)
    assert "family:disguised-helpline" in sources(result)


@pytest.mark.parametrize(
    "text",
    [
        "Customer support: call us on +44 (0)20 7946 0991, Monday to Friday.",
        "Kundenservice: 0800 123 4567 (kostenlos).",
        "Hello {name}, your code is {code}. Customer service: 0345 300 0000.",
        "Scores 10--12--14 this season; call the club on 01234 567890.",
        "Beware of posts giving a support number as +[1-844-750-2819]: it is a scam helpline.",
    ],
)
def test_an_ordinary_number_or_a_warning_is_no_disguised_helpline(text: str) -> None:
    assert "family:disguised-helpline" not in sources(check_rules(text))
