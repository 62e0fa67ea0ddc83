"""The statistical "worded like known scam texts" sign: small, deterministic, never enough alone."""

from __future__ import annotations

from sochelp.message.analyse import Verdict, _score, _verdict, analyse
from sochelp.message.wording import features, score, tokens
from tests.message.helpers import bundled

#: A development-split smishing text of the Mendeley corpus (CC BY 4.0) with no rule signs.
SMISHING = (
    "PRIVATE! Your 2003 Account Statement for shows 800 un-redeemed S.I.M. points. Call "
    "08715203685 Identifier Code:4xx26 Expires 13/10/04"
)


def test_tokens_use_placeholders_for_links_money_and_numbers() -> None:
    assert tokens("Pay £1.99 at https://x.example/p or call 07700 900123, ref 42") == [
        "pay", "<money>", "at", "<url>", "or", "call", "<phone>", "ref", "<num>",
    ]  # fmt: skip
    assert "click_here" in features("Please click here now")


def test_the_model_is_in_the_content_and_deterministic() -> None:
    model = bundled().wording
    assert model is not None and len(model.weights) > 1000
    assert score(model, SMISHING) == score(model, SMISHING)
    assert model.weak_threshold <= model.threshold


def test_the_sign_alone_is_never_strong_signs() -> None:
    result = analyse(SMISHING, bundled())
    wording = [f for f in result.flags if f.source == "model:wording"]
    assert wording and wording[0].weight <= 3
    # However strongly worded, the sign by itself cannot reach "strong signs of a scam".
    assert _verdict(_score(wording), wording) is not Verdict.SCAM
    assert _verdict(_score(wording), wording, short=True) is not Verdict.SCAM


def test_no_sign_for_a_message_that_talks_about_scams() -> None:
    warning = (
        "Beware of scam texts: 'PRIVATE! Your Account Statement shows 800 un-redeemed points. "
        "Call 08715203685 to claim.' Forward them to 7726."
    )
    assert "model:wording" not in {f.source for f in analyse(warning, bundled()).flags}


def test_ordinary_texts_get_no_sign() -> None:
    for text in [
        "See you at the cafe at 6, I'll bring the book.",
        "Your prescription is ready to collect from your nominated pharmacy.",
        "Dear parents, the school trip on Friday leaves at 9am. Please bring a packed lunch.",
    ]:
        assert "model:wording" not in {f.source for f in analyse(text, bundled()).flags}
