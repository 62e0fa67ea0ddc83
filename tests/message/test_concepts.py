"""Scam concepts in many languages (sochelp.message.concepts, content/message_concepts/): a pair
of concepts close together is a lure in either order with words between, a request warned
against is no request, English is not read as another language, and the word lists are
validated with file, key and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message.analyse import Verdict, prepare_text
from sochelp.message.concepts import ConceptFinding, build, find, occurrences
from sochelp.message.model import Channel
from tests.message.helpers import bundled, check, sources


def concepts_in(text: str) -> ConceptFinding:
    lexicon = bundled().concepts
    assert lexicon is not None
    return find(lexicon, prepare_text(text))


LURES = [
    "Su tarjeta ha sido bloqueada temporalmente",
    "Hemos bloqueado temporalmente su cuenta",
    "Ihr Konto wurde aus Sicherheitsgründen vorübergehend gesperrt",
    "Il suo conto è stato sospeso",
    "Votre compte a été suspendu",
    "A sua conta foi bloqueada",
    "Twoje konto zostało zablokowane",
    "Váš účet byl zablokován",
    "Hesabınız askıya alındı",
    "Akun Anda telah diblokir",
    "Ваш аккаунт заблокирован",
    "您的账户已被冻结",
    "お客様のアカウントは停止されました",
    "고객님의 계정이 정지되었습니다",
    "Tu paquete está retenido en el almacén",
    "Jūsų siunta sulaikyta",
    "Tài khoản của bạn đã bị khóa",
    "חשבונך נחסם",
    "تم حظر بطاقتك",
    "Offre de prêt sérieux et fiable entre particuliers, taux d'intérêt bas",
    "Gana 500 euros al día desde casa, sin experiencia",
    "Hai mẹ, đây là số mới của con",
    "Kerja paruh waktu dari rumah, gaji Rp 500.000 per hari",
]


@pytest.mark.parametrize("text", LURES)
def test_a_lure_is_read_in_many_languages(text: str) -> None:
    assert concepts_in(text).lures


ORDINARY = [
    "Su tarjeta nueva ya está activa",
    "Ihr Paket wurde heute zugestellt",
    "Votre colis a été livré",
    "Gracias por su compra",
    "Your account has been blocked. Your parcel is held at the depot. Call us today.",
    "The police arrested a man on Friday; the court will hear the case next week.",
    "Faktura 1234 på 450 kr har förfallit. Betala senast 20/12 i din internetbank.",
    "Sie erhalten eine Erstattung von 25,00 EUR auf Ihr Konto.",
    "La police a ouvert une enquête sur le vol de voitures dans le quartier.",
    "Mamá, llego tarde hoy, te quiero",
    "Préstamo hipotecario: consulte las condiciones en su oficina",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_or_english_message_is_no_lure(text: str) -> None:
    assert not concepts_in(text).lures


@pytest.mark.parametrize(
    "text",
    [
        "Sie erhalten eine Erstattung von 25,00 EUR: https://erstattung-portal.example.top",
        "Faktura 1234 har förfallit. Betala här: https://faktura-betala.example.top",
    ],
)
def test_an_ordinary_matter_with_a_link_on_no_official_site_warns(text: str) -> None:
    assert concepts_in(text).link_lures
    assert "family:text-with-link-lure-more-languages" in sources(check(text, Channel.SMS))


def test_an_ordinary_matter_without_a_link_stays_calm() -> None:
    text = "Sie erhalten eine Erstattung von 25,00 EUR auf Ihr Konto."
    assert concepts_in(text).link_lures
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_the_pair_must_stand_close() -> None:
    far = "Su tarjeta " + "muy " * 8 + "bloqueada"
    assert not concepts_in(far).lures
    assert concepts_in("Su tarjeta muy muy bloqueada").lures


WARNINGS = [
    "Klicka INTE på länken utan radera meddelandet",
    "Klik ikke på linket - og slet beskeden!",
    "No responda a este mensaje",
    "切勿點擊連結",
    "Nigdy nie klikaj w link",
]


@pytest.mark.parametrize("text", WARNINGS)
def test_a_request_warned_against_is_no_request(text: str) -> None:
    assert not concepts_in(text).asks


@pytest.mark.parametrize(
    "text",
    ["Haga clic en el enlace para reactivar su cuenta", "Bitte bestätigen Sie Ihre Daten"],
)
def test_a_request_is_read(text: str) -> None:
    assert concepts_in(text).asks


def test_english_text_asks_nothing_in_another_language() -> None:
    text = (
        "Please click the link below to confirm your details and update your payment. "
        "Call us, reply to this message or log in to your account to verify it."
    )
    found = concepts_in(text)
    assert not found.asks and not found.lures and not found.not_you


def test_a_short_scam_text_in_another_language_warns() -> None:
    result = check(
        "Su tarjeta ha sido limitada temporalmente por razones de seguridad, para "
        "reactivarla, actualice su información",
        Channel.SMS,
    )
    assert result.verdict is not Verdict.NONE_FOUND


def test_if_it_was_not_you_with_an_unofficial_link_warns() -> None:
    result = check(
        "Se registró un cargo de 189.780. Si no fue usted, cancele aquí: "
        "https://cargo-cancelar.example.top",
        Channel.SMS,
    )
    assert "family:text-with-link-lure-more-languages" in sources(result)


def test_stems_phrases_and_substrings_are_read() -> None:
    lexicon = build(
        [
            ("xx", "account", ["konto*", "bank access"]),
            ("xx", "blocked", ["sperr*"]),
            ("yy", "parcel", ["包裹"]),
            ("ar", "account", ["بطاقتك"]),
        ]
    )
    text = "kontos sperret bank access 包裹 بطَاقتك"
    found = {(o.concept, text[o.start : o.end]) for o in occurrences(lexicon, text)}
    assert ("account", "kontos") in found
    assert ("blocked", "sperret") in found
    assert ("account", "bank access") in found
    assert ("parcel", "包裹") in found
    # (an Arabic vowel mark inside the word is left out, the span still covers it)
    assert ("account", "بطَاقتك") in found


def _overlay(tmp_path: Path, text: str) -> ContentStore:
    (tmp_path / "message_concepts").mkdir(parents=True)
    (tmp_path / "message_concepts" / "extra.toml").write_text(text, encoding="utf-8")
    return ContentStore(overlay=tmp_path)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ('id = "account-xx"\nconcept = "nonsense"\nlanguage = "xx"\nwords = ["a"]', "one of"),
        ('id = "account-xx"\nconcept = "account"\nlanguage = "xx"\nwords = ["ko*"]', "stem"),
        # (the last word as a message is split: "PIN-kód*" is a stem of three letters, "kod")
        ('id = "account-xx"\nconcept = "account"\nlanguage = "xx"\nwords = ["PIN-kód*"]', "stem"),
        ('id = "wrong"\nconcept = "account"\nlanguage = "xx"\nwords = ["konto"]', "id must be"),
        ('id = "account-xx"\nconcept = "account"\nlanguage = "xx"\nwords = ["k*to"]', "only end"),
        ('id = "account-xx"\nconcept = "account"\nlanguage = "xx"\nwords = []', "at least"),
    ],
)
def test_a_bad_word_list_is_reported_with_file_key_and_reason(
    tmp_path: Path, entry: str, reason: str
) -> None:
    problems = message_content.check(_overlay(tmp_path, "[[concept]]\n" + entry + "\n"))
    assert problems, entry
    assert any(
        p.file.endswith("extra.toml") and "concept[" in p.key and reason in p.reason
        for p in problems
    ), problems


def test_a_card_that_cannot_be_used_and_must_be_updated_warns() -> None:
    # (fresh-57, development since the forty-ninth round: words the lead added to the lists)
    result = check(
        "(BBVA) A partir de ahora, no puede utilizar su tarjeta, tienes que actualizar el "
        "nuevo sistema de seguridad web",
        Channel.SMS,
    )
    assert result.verdict is Verdict.SCAM


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("Hubungi layanan pelanggan resmi melalui WhatsApp di (0812-3456-7890)", True),
        ("Pusat kontak pengaduan (081234567890) untuk restrukturisasi pinjaman", True),
        ("Info lebih lanjut hubungi Call Center kami di 1500888", False),
        ("Pesan sekarang via WA 0812-3456-7890, gratis ongkir!", False),
    ],
)
def test_a_helpline_on_a_mobile_number(text: str, warns: bool) -> None:
    found = "family:helpline-on-a-mobile" in sources(check(text, Channel.SMS))
    assert found is warns


def test_a_huge_message_of_concept_words_is_read_in_bounded_work() -> None:
    lexicon = bundled().concepts
    assert lexicon is not None
    text = prepare_text("Su tarjeta ha sido bloqueada. 您的账户已被冻结。 " * 20_000)
    found = find(lexicon, text)
    assert 0 < len(found.lures) <= 2 * 8
    assert all(end <= 50_000 for _, end in found.lures)


SECRET_ASKED = [
    "Envíenos su PIN y el número de tarjeta para desbloquear su cuenta",
    "Bitte senden Sie uns Ihre PIN-Nummer",
    "Podaj numer karty i kod CVV",
    "請提供您的密碼",
    "Kirimkan PIN anda kepada kami",
]


@pytest.mark.parametrize("text", SECRET_ASKED)
def test_a_secret_asked_for_is_a_lure(text: str) -> None:
    assert concepts_in(text).lures


SECRET_WARNED_ABOUT = [
    "Nunca compartas tu PIN con nadie",
    "Geben Sie Ihre PIN niemals weiter",
    "切勿向任何人提供您的密碼",
    "Jangan berikan PIN anda kepada sesiapa",
    "Nigdy nie podawaj numeru karty ani kodu CVV",
]


@pytest.mark.parametrize("text", SECRET_WARNED_ABOUT)
def test_a_secret_warned_about_is_no_lure(text: str) -> None:
    assert not concepts_in(text).lures


@pytest.mark.parametrize(
    "text",
    [
        "Votre message sécurisé est en attente : https://messagerie-securisee.example.top",
        "Uusi viesti odottaa: https://viestit-palvelu.example.top",
        "Actualice sus datos personales en https://datos-clientes.example.top",
        "Bitte bestätigen Sie Ihre Zugangsdaten: https://kunden-login.example.top",
    ],
)
def test_details_to_verify_or_a_message_waiting_with_an_unofficial_link_warns(text: str) -> None:
    assert concepts_in(text).link_lures
    assert check(text, Channel.SMS).verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "Du har fått et nytt brev i Digipost.",
        "Actualice sus datos personales en su oficina más cercana.",
    ],
)
def test_details_to_verify_or_a_message_waiting_without_a_link_stays_calm(text: str) -> None:
    assert check(text, Channel.SMS).verdict is Verdict.NONE_FOUND


def test_o2_germany_s_own_login_site_is_official() -> None:
    # (a development message: O2 in Germany sends its codes with login.o2online.de)
    result = check(
        "Guten Tag, um Ihre Identität zu bestätigen, geben Sie bitte unter login.o2online.de "
        "folgenden o2 Sicherheitscode ein: 858823",
        Channel.SMS,
    )
    assert result.verdict is Verdict.NONE_FOUND


_LONG_ORDINARY = (
    " Wir bedanken uns für Ihr Vertrauen. Unsere Sicherheitsmaßnahmen werden regelmäßig "
    "überprüft und an die aktuellen Anforderungen angepasst, damit Ihre Zahlungen und Ihre "
    "persönlichen Informationen jederzeit geschützt bleiben. Diese Nachricht wurde "
    "automatisch erstellt, bitte antworten Sie nicht direkt darauf.\n\nMit freundlichen Grüßen"
)


def test_a_long_email_naming_a_lure_and_asking_to_act_warns_without_a_link() -> None:
    text = (
        "Sehr geehrte Kundin, sehr geehrter Kunde,\n\nIhre Karte wurde vorübergehend gesperrt. "
        "Bitte bestätigen Sie Ihre Angaben innerhalb von 24 Stunden." + _LONG_ORDINARY
    )
    result = check(text, Channel.EMAIL)
    assert "family:email-lure-request-other-languages" in sources(result)
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "opening",
    [
        # a lure with no request, a request with no lure
        "Ihre Karte wurde vorübergehend gesperrt, da sie als verloren gemeldet wurde.",
        "Bitte bestätigen Sie den Termin für Ihre Beratung am Montag um 10 Uhr.",
    ],
)
def test_a_long_email_needs_both_a_lure_and_a_request(opening: str) -> None:
    text = "Sehr geehrte Kundin, sehr geehrter Kunde,\n\n" + opening + _LONG_ORDINARY
    assert "family:email-lure-request-other-languages" not in sources(check(text, Channel.EMAIL))


@pytest.mark.parametrize(
    "text",
    [
        "Ihre Kreditkarte wurde gesperrt",
        "Uw bankrekening is geblokkeerd",
        "Ditt bankkonto har spärrats",
    ],
)
def test_a_word_at_the_end_of_a_compound_is_read(text: str) -> None:
    assert concepts_in(text).lures


def test_a_compound_is_read_only_in_languages_that_join_words() -> None:
    # "kreditkarte" ends with German "karte"; Spanish does not join nouns so
    # "supercuenta" is not read as "cuenta".
    assert concepts_in("Ihre Einfuhrgebühren sind unbezahlt: https://zoll.example.top").link_lures
    assert not concepts_in("Su supercuenta ha sido bloqueada").lures


@pytest.mark.parametrize(
    "text",
    ["Pakejnya tertahan di gudang", "Bingkisannya tertahan di gudang", "Tempahannya ditahan"],
)
def test_a_word_with_an_indonesian_or_malay_ending_is_read(text: str) -> None:
    # "pakej", "bingkisan" and "tempahan" are listed as words; "-nya" (its, the) is joined.
    assert concepts_in(text).lures


def test_the_ending_is_read_only_in_indonesian_and_malay() -> None:
    # Spanish does not join "-nya": "cuentanya" is not read as "cuenta".
    assert not concepts_in("Su cuentanya ha sido bloqueada").lures
    assert concepts_in("Tilangnya belum dibayar: https://pay.example.top").link_lures
    # Too short a word before the ending is not read ("kadnya" would be a three-letter "kad").
    assert not concepts_in("Kadnya telah disekat").lures


def test_a_long_email_with_a_link_on_no_official_site_reads_a_weaker_lure() -> None:
    text = (
        "Sehr geehrte Kundin, sehr geehrter Kunde,\n\nEine neue Nachricht wartet in Ihrem "
        "Postfach. Bitte melden Sie sich hier an: https://kunden-login.example.top/post"
        + _LONG_ORDINARY
    )
    result = check(text, Channel.EMAIL)
    assert "family:email-link-lure-request-other-languages" in sources(result)
    calm = text.replace("https://kunden-login.example.top/post", "in Ihrem Kundenkonto")
    assert "family:email-link-lure-request-other-languages" not in sources(
        check(calm, Channel.EMAIL)
    )


@pytest.mark.parametrize(
    ("text", "warns"),
    [
        (
            "Layanan resmi Call Center PinjamCepat dapat dihubungi melalui nomor +62812-345-6789",
            True,
        ),
        ("Call Center kami dapat dihubungi di 1500888 setiap hari", False),
    ],
)
def test_a_call_centre_that_can_be_reached_on_a_mobile(text: str, warns: bool) -> None:
    found = "family:helpline-on-a-mobile" in sources(check(text, Channel.SMS))
    assert found is warns


def test_a_caller_from_the_prosecutor_saying_your_account_is_involved_warns() -> None:
    text = (
        "Dzień dobry, tu prokuratura rejonowa w Krakowie, nazywam się Jan Nowak. Pani konto "
        "bankowe zostało wykorzystane do prania pieniędzy."
    )
    assert "family:official-implicates-you-call-other-languages" in sources(
        check(text, Channel.CALL)
    )
    # The same words written are news as often as a scam: only a call reads them.
    assert "family:official-implicates-you-call-other-languages" not in sources(
        check(text, Channel.SMS)
    )


def test_a_caller_from_the_court_about_a_hearing_is_no_lure() -> None:
    text = "Dzień dobry, tu sąd rejonowy. Termin rozprawy został przesunięty na poniedziałek."
    assert not concepts_in(text).call_lures


def test_a_huge_message_of_compounds_and_guarded_pairs_is_read_in_bounded_work() -> None:
    lexicon = bundled().concepts
    assert lexicon is not None
    text = prepare_text(
        "Senden Sie uns Ihre PIN. Geben Sie Ihre PIN niemals weiter. "
        "Ihre Kreditkartensperrung und Einfuhrgebühren. " * 20_000
    )
    found = find(lexicon, text)
    assert 0 < len(found.lures) <= 3 * 8
    assert all(end <= 50_000 for _, end in found.lures + found.link_lures)


@pytest.mark.parametrize(
    "text",
    [
        "Mama, ich hatte einen Unfall! Die Polizei ist hier, eine Beamtin will mit dir reden.",
        "Mamma, ho fatto un incidente, sono dai carabinieri, ti passo il maresciallo.",
        "Mamo, miałem wypadek, jestem na policji, pan policjant chce z tobą rozmawiać.",
    ],
)
def test_a_relative_beside_the_police_is_the_shock_call_in_a_call(text: str) -> None:
    assert concepts_in(text).relative_calls
    result = check(text, channel=Channel.CALL)
    assert "family:relative-in-trouble-call" in sources(result)
    # Written down, it may be a family's own news: only a call is read this way.
    assert "family:relative-in-trouble-call" not in sources(check(text))


def test_a_relative_without_the_police_is_no_shock_call() -> None:
    assert not concepts_in("Hallo Mama, ich komme heute später nach Hause.").relative_calls
