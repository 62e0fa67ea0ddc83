"""The statistical "worded like known scam texts" sign: small, deterministic, never enough alone."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest

from sochelp.message.analyse import Verdict, _score, _verdict, analyse
from sochelp.message.wording import features, score, tokens
from tests.message.helpers import bundled

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import message_sets as sets  # noqa: E402

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


_SCORE_IN_A_NEW_PROCESS = """
import sys
from sochelp.content.store import ContentStore
from sochelp.message import content
from sochelp.message.wording import score
model = content.load(ContentStore()).wording
print(repr(score(model, sys.stdin.read())))
"""


def test_the_score_is_the_same_whatever_the_hash_seed() -> None:
    """A text's features are a set, whose order changes with each process's string-hash salt;
    the score must not change with it (a sum in another order once moved a message sitting on
    the weak threshold between runs)."""
    import os
    import subprocess

    text = (SMISHING + " ") * 20 + "Our clients are making 30% a month with zero risk."
    scores = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", _SCORE_IN_A_NEW_PROCESS],
            input=text,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        scores.add(done.stdout.strip())
    assert len(scores) == 1, scores


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
        "Dear parents, the school trip on Friday leaves at 9am. Please bring a packed lunch.",
    ]:
        assert "model:wording" not in {f.source for f in analyse(text, bundled()).flags}
    # "ready to collect from your ..." is parcel-scam wording: the weak form of the sign (a
    # small point, weight 2) may be noted, never enough on its own for a warning.
    result = analyse(
        "Your prescription is ready to collect from your nominated pharmacy.", bundled()
    )
    assert all(f.weight <= 2 for f in result.flags if f.source == "model:wording")
    assert result.verdict is Verdict.NONE_FOUND


def _record(record_id: str) -> dict[str, str]:
    """One collected real message (development data only) by its id."""
    records = [*sets.load_real(), *sets.load_extra()]
    found = [r for r in records if r["id"] == record_id]
    assert found and found[0]["split"] == "dev"
    return found[0]


@pytest.mark.parametrize(
    "record_id",
    [
        # (rm-6de7a803ae7e, a package "suspended for delivery due to a missing home number", left
        # this list when the delivery-problem rule learnt missing house and home numbers: a rule
        # now catches it; see test_round13_vocab_lures.py)
        # (rm-8e072128a4d0, "I-PASS Toll Violation Notice: This is a final reminder ...", left
        # this list when the sign was retrained with fresh-38 in the thirtieth round: its sign is
        # now the weak one, which with a weak rule still makes it "some warning signs")
        # (rm-3b385ed9020e, "The amount due for using the Florida Express Lanes is 3.95. ...",
        # left this list in the thirty-fifth round, when "express lanes" became a toll road: the
        # road-charge family now catches it)
        "rm-a687c0c69564",  # "R9 414.70 has been paid to you from SARS eFiling. In order to ..."
    ],
)
def test_real_scams_no_rule_catches_get_the_sign(record_id: str) -> None:
    record = _record(record_id)
    assert record["label"] == "scam"
    without = analyse(record["text"], bundled()._replace(wording=None))
    result = analyse(record["text"], bundled())
    assert without.verdict is Verdict.NONE_FOUND
    assert [f.weight for f in result.flags if f.source == "model:wording"] == [3]
    assert result.verdict is Verdict.SUSPICIOUS


@pytest.mark.parametrize(
    "record_id",
    [
        "rm-f44f11a0465c",  # NZ Post's delivery text
        "rm-7b667bfa2064",  # GOV.UK's coronavirus alert
    ],
)
def test_real_genuine_texts_get_no_sign(record_id: str) -> None:
    record = _record(record_id)
    assert record["label"] == "genuine"
    result = analyse(record["text"], bundled())
    assert "model:wording" not in {f.source for f in result.flags}
    assert result.verdict is Verdict.NONE_FOUND


def _stand_in_corpora(folder: Path) -> None:
    """Corpus files in the corpora's format, made from the team-written messages (for a
    machine without the public corpora: the training is then checked for determinism only)."""
    team = sets.team_samples()
    files = {name: spec[0] for name, spec in sets.CORPORA.items()}
    with (folder / files["mendeley"]).open("w", encoding="utf-8") as handle:
        for sample in team:
            label = "smishing" if sample.label == "scam" else "ham"
            handle.write(json.dumps({"text": sample.text, "label": label}) + "\n")
    for name in ("uci", "spamassassin"):
        with (folder / files[name]).open("w", encoding="utf-8") as handle:
            for sample in team:
                if sample.label == "genuine":
                    handle.write(json.dumps({"text": sample.text, "label": "ham"}) + "\n")


def test_a_retrain_gives_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The training is deterministic: the same development data give the bundled file. Where
    the public corpora are not on the machine, two trainings on stand-in corpora must give the
    same file, and a model that loads."""
    import train_wording_model as trainer

    bundled_file = REPO / "content" / "message_model" / "wording.toml"
    if sets.corpora_dir() is not None:
        output = tmp_path / "wording.toml"
        assert trainer.main(["--write", "--output", str(output)]) == 0
        assert output.read_bytes() == bundled_file.read_bytes()
        return
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    _stand_in_corpora(corpora)
    monkeypatch.setenv("SOCHELP_CORPORA_DIR", str(corpora))
    first, second = tmp_path / "first.toml", tmp_path / "second.toml"
    assert trainer.main(["--write", "--output", str(first)]) == 0
    assert trainer.main(["--write", "--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    model = tomllib.loads(first.read_text(encoding="utf-8"))["model"][0]
    assert len(model["features"]) == len(model["weights"]) > 1000
    assert model["weak_threshold"] <= model["threshold"]


def test_the_first_data_recipe_trains_on_the_first_data_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``examples("all")`` holds every development message and marks the first data; the
    ``first-data`` recipe trains and chooses its thresholds on those alone, ``new`` on all."""
    import train_wording_model as trainer

    corpora = tmp_path / "corpora"
    corpora.mkdir()
    _stand_in_corpora(corpora)
    monkeypatch.setenv("SOCHELP_CORPORA_DIR", str(corpora))
    first = trainer.examples("first")
    everything = trainer.examples("all")
    assert all(e.first_data for e in first)
    assert {e.text for e in everything if e.first_data} == {e.text for e in first}
    later = [e for e in everything if not e.first_data]
    assert later and all(e.real for e in later)
    held_out = {
        record["text"] for name in sets.FRESH_BATCHES for record in sets.load_batch(name)
    } | {record["text"] for record in sets.load_real() if record["split"] == "test"}
    assert not held_out & {e.sample.text for e in everything}
    trained: dict[str, int] = {}
    for name in ("first-data", "new"):
        recipe = trainer.RECIPES[name]

        def spy(features, items, recipe=recipe, name=name):  # type: ignore[no-untyped-def]
            trained[name] = len(items)
            return recipe.train(features, items)

        protocol = trainer.Protocol(
            trainer.Recipe(name, spy, recipe.choose, recipe.all_data), everything
        )
        protocol.weights(frozenset())
    assert trained["first-data"] == sum(e.first_data for e in everything)
    assert trained["new"] == len(everything)
