"""Whether a message is in English: the answer says when it is not, as the rules read English best.

Examples written for these tests (the other-language ones in the words of the short scam texts
quoted in public warnings, not copied).
"""

from __future__ import annotations

import io
import sys

import pytest
from rich.console import Console

from sochelp.message.language import written_in
from sochelp.render import to_json
from sochelp.render.message import message_rich, message_text, notes
from tests.conftest import run_cli
from tests.message.helpers import BENCHMARKS, check

_NOTE = "does not seem to be in English"


@pytest.mark.parametrize(
    "text",
    [
        "Hi Mum, my phone broke, this is my new number, save it",
        "Citi Alert: A $3.01 transaction was made at BP on card ending 1234.",
        "Your parcel is waiting. Pay the fee at https://pakket.example.top/de/la/en/sie",
        "ALRITE HUNNY! WOT U UP 2 2NITE? DIDNT END UP GOIN DOWN TOWN JUS DA PUB",
        # an English email that quotes a line of French
        "Dear colleagues, the conference in Lyon opens on Monday. The French sign at the door "
        "says « Bienvenue à tous les participants de la conférence », and we will meet there.",
        # links and addresses are names, not words of a language
        "Meet at de.la.example.com or mail sie@der.example.de when you are ready to go",
    ],
)
def test_english_messages_read_as_english(text: str) -> None:
    assert written_in(text) == "english"


@pytest.mark.parametrize(
    "text",
    [
        "Ihr Paket konnte nicht zugestellt werden. Bitte bestätigen Sie Ihre Adresse.",
        "Votre colis est en attente. Merci de régler les frais de livraison sur ce lien.",
        "Su paquete no se ha podido entregar porque no se han pagado las tasas de aduana.",
        "Il suo pacco è in giacenza, paghi la spedizione per ricevere il pacco oggi.",
        "Uw pakket kan niet worden bezorgd omdat het adres niet klopt, werk het adres bij.",
        "Twoja przesyłka została wstrzymana, czy możesz dopłacić 1,99 zł przez link?",
        "Vaše zásilka čeká na doručení, potvrďte platbu 99 CZK pomocí odkazu.",
        "Hyvä asiakas, pakettisi odottaa toimitusta. Vahvista osoite ja maksa toimitusmaksu heti",
        "Παρακαλούμε επιβεβαιώστε τα στοιχεία σας για την παράδοση του δέματος",
        "Ваша посылка ожидает оплаты таможенного сбора, оплатите по ссылке",
        "您的包裹因地址不完整无法投递，请点击链接更新地址信息",
        # Vietnamese typed without its marks: no accented letter to count
        "Tai khoan cua ban da bi khoa",
        "Quy khach vui long lien he ngay de nhan qua",
    ],
)
def test_other_languages_and_scripts_read_as_other(text: str) -> None:
    assert written_in(text) == "other"


@pytest.mark.parametrize("text", ["OK", "Ciao mamma", "Hallo Papa!", "", "12345 678", "🙂🙂"])
def test_too_short_to_tell(text: str) -> None:
    assert written_in(text) is None


def test_only_the_opening_is_read() -> None:
    # (a 1 MB message costs no more than its opening)
    english = "Please call me back about the payment for the new car. " * 80
    text = english + "und der die das " * 60_000
    assert written_in(text) == "english"


def test_the_answer_says_so_in_every_view() -> None:
    result = check("Votre colis est en attente. Merci de régler les frais de livraison.")
    assert result.language == "other"
    said = notes(result)
    assert any(_NOTE in line for line in said)
    assert _NOTE in message_text(result)
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(message_rich(result))
    assert _NOTE in " ".join(console.file.getvalue().split())  # type: ignore[attr-defined]
    assert to_json(result)["language"] == "other"


@pytest.mark.parametrize(
    "text",
    [
        "Hi there ʏᴏᴜʀ ᴀᴜᴛᴏ ᴘᴀʏᴍᴇɴᴛ ᴄᴀɴɴᴏᴛ ᴘʀᴏᴄᴇss. ʏᴏᴜʀ sᴜʙsᴄʀɪᴘᴛɪᴏɴ ᴘᴇʀɪᴏᴅ ᴡɪʟʟ ᴇɴᴅ",
        "𝐘𝐨𝐮𝐫 𝐚𝐜𝐜𝐨𝐮𝐧𝐭 𝐡𝐚𝐬 𝐛𝐞𝐞𝐧 𝐬𝐮𝐬𝐩𝐞𝐧𝐝𝐞𝐝, 𝐯𝐞𝐫𝐢𝐟𝐲 𝐧𝐨𝐰 𝐚𝐭 𝐭𝐡𝐞 𝐥𝐢𝐧𝐤",
    ],
)
def test_english_in_disguised_letters_is_still_english(text: str) -> None:
    assert written_in(text) == "other"  # by its letters alone ...
    assert check(text).language == "english"  # ... but the answer reads it as the rules do


def test_an_english_message_has_no_such_note() -> None:
    result = check("Your parcel is held. Pay the £1.99 fee today to release it.")
    assert result.language == "english"
    assert not any(_NOTE in line for line in notes(result))


def test_the_cli_shows_the_note_and_the_json_key() -> None:
    text = "Su paquete no se ha podido entregar porque no se han pagado las tasas de aduana."
    plain = run_cli(["check-message"], input=text)
    assert _NOTE in plain.stdout
    as_json = run_cli(["check-message", "--json"], input=text)
    assert '"language": "other"' in as_json.stdout


def test_the_evaluation_reports_figures_by_language(capsys: pytest.CaptureFixture[str]) -> None:
    if BENCHMARKS not in sys.path:
        sys.path.insert(0, BENCHMARKS)
    import check_message_eval as evaluation
    from message_sets import Sample

    texts = [
        ("a", "scam", "Your parcel is held. Pay the £1.99 fee today at https://parcel.example.top"),
        ("b", "scam", "Su paquete ha sido retenido. Haga clic aquí para pagar la tasa de aduana."),
        ("c", "scam", "Paket"),
        ("d", "genuine", "Thanks for your order, it will be with you on Tuesday morning."),
    ]
    samples = [Sample("team", i, text, label, "sms", "x", "all") for i, label, text in texts]
    report = evaluation.run_set(evaluation.Analyser(), "team", "all", samples)
    languages = report.languages()
    assert {lang: row["n"] for lang, row in languages["scam"].items()} == {
        "english": 1,
        "other": 1,
        "short": 1,
    }
    assert set(languages["genuine"]) == {"english"}
    assert evaluation.as_json([report])["sets"][0]["languages"] == languages
    evaluation.print_report(report)
    assert "by language, ≥ some / strong: scam (english 1:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        # few or no everyday words of a listed language, but longer words English does not know
        "Posti: Pakettisi on noudettavissa Postin automaatista huomenna",
        "Pakken venter på deg hos utleveringsstedet for henting",
        "Priminimas: rytoj baigiasi parkavimo leidimo galiojimas, prasome atnaujinti",
        "Habari, tuma pesa kwa namba hii mpya",
    ],
)
def test_longer_words_english_does_not_know_read_as_other(text: str) -> None:
    assert written_in(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        # English with few everyday words: names, lists, affection, slang
        "Whatever, Juliana. Do whatever you want.",
        "Garbage bags, eggs, jam, bread, wheat cereal",
        "Merry Christmas to you too babe, love ya lots",
        "Brilliant, cheers mate, sounds lovely, tomorrow works",
        "Congratulations! Claim your reward before midnight tonight",
        # Vietnamese names and short words in English text ("Tai", "VA", "Xin")
        "Meet me at Tai Pan restaurant in Richmond VA tomorrow at six, thanks",
        "Hui xin is in da lib.",
        "Nguyen and Tran will be at the meeting with you today",
    ],
)
def test_english_with_few_everyday_words_stays_english(text: str) -> None:
    assert written_in(text) == "english"


def test_the_english_vocabulary_is_loaded_only_where_english_words_are_few() -> None:
    from sochelp.message import language

    language._english_vocabulary.cache_clear()
    assert written_in("Your parcel is waiting for you, please pay the fee from your card") == (
        "english"
    )
    assert language._english_vocabulary.cache_info().misses == 0
    written_in("Pakken venter på deg hos utleveringsstedet for henting")
    assert language._english_vocabulary.cache_info().misses == 1
