"""The bounded zxcvbn wrapper: same answers as zxcvbn on ordinary passwords, never the password."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest
from zxcvbn import matching, zxcvbn

from sochelp.content.store import ContentStore
from sochelp.password import content as password_content
from sochelp.password import strength
from sochelp.password.strength import EVALUATION_LIMIT, StrengthReport, evaluate

CRAFTED = ("4@8({[</369&#!1/|0$5+7%2/" * 3)[:72]

ORDINARY = [
    "password",
    "p@ssw0rd",
    "Tr0ub4dour&3",
    "correcthorsebatterystaple",
    "qwerty123",
    "ilovemydog2019",
    "Xk9#mQ2$vL",
    "abcabcabcabc",
    "1234567890",
    "zxcvbnm,./",
    "19/07/1984",
    "JohnSmith1975!",
    "aaaaaaaaaaaa",
    "kettle-comet-pencil",
]


@pytest.fixture(scope="module")
def local_words() -> tuple[str, ...]:
    return password_content.load(ContentStore()).local_words


@pytest.mark.parametrize("password", ORDINARY)
def test_matches_raw_zxcvbn_on_ordinary_passwords(password: str) -> None:
    ours = evaluate(password)
    raw = zxcvbn(password)
    assert ours.score == raw["score"]
    assert ours.guesses_log10 == pytest.approx(raw["guesses_log10"], abs=1e-3)
    assert ours.warning == raw["feedback"]["warning"]
    assert list(ours.suggestions) == raw["feedback"]["suggestions"]
    display = raw["crack_times_display"]
    assert ours.crack_times.online_throttling == display["online_throttling_100_per_hour"]
    assert ours.crack_times.offline_fast_hash == display["offline_fast_hashing_1e10_per_second"]
    assert not ours.truncated and not ours.substitutions_limited
    assert ours.length_evaluated == len(password)


def test_matches_raw_zxcvbn_with_user_inputs() -> None:
    ours = evaluate("rover2016smith", ["Rover", "Smith"])
    raw = zxcvbn("rover2016smith", user_inputs=["Rover", "Smith"])
    assert ours.score == raw["score"]
    assert ours.guesses_log10 == pytest.approx(raw["guesses_log10"], abs=1e-3)


def test_report_never_holds_the_password() -> None:
    secret = "Zebra-Quartz-Lantern-77"
    report = evaluate(secret, ["lantern"])
    assert isinstance(report, StrengthReport)
    assert secret not in repr(report)
    for value in dataclasses.asdict(report).values():
        assert "Zebra" not in str(value) and "Quartz" not in str(value)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.score = 4  # type: ignore[misc]
    assert isinstance(report.guesses_log10, float)


def test_empty_password_is_refused() -> None:
    with pytest.raises(ValueError):
        evaluate("")


def test_long_passwords_are_rated_on_their_first_characters() -> None:
    password = "correct horse battery staple " * 10
    report = evaluate(password)
    assert report.truncated
    assert report.length_evaluated == EVALUATION_LIMIT
    assert report == dataclasses.replace(evaluate(password[:EVALUATION_LIMIT]), truncated=True)


def test_crafted_lookalike_string_takes_the_bounded_path() -> None:
    report = evaluate(CRAFTED)
    assert report.substitutions_limited
    assert report.length_evaluated == EVALUATION_LIMIT
    assert report.truncated  # 72 > 64
    assert 0 <= report.score <= 4


def test_time_budget_stops_the_lookalike_search() -> None:
    ticks = iter(range(10_000))

    def clock() -> float:  # every reading is a second later: the budget is spent at once
        return float(next(ticks))

    report = evaluate("p4$$w0rd|!1", clock=clock)
    assert report.substitutions_limited
    full = evaluate("p4$$w0rd|!1")
    assert report.guesses_log10 >= full.guesses_log10  # fewer matches: never rated weaker


def test_substitution_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(strength, "MAX_L33T_SUBSTITUTIONS", 1)
    assert evaluate("|!1l7t").substitutions_limited
    assert not evaluate("p@ssw0rd").substitutions_limited


def test_local_dictionary_lowers_club_and_year_passwords(local_words: tuple[str, ...]) -> None:
    for password in ("hibernian1875", "partickthistle", "motherwell1886", "Dundeeunited1909"):
        plain = evaluate(password)
        local = evaluate(password, (), local_words)
        assert local.score < plain.score, password
        assert local.guesses_log10 < plain.guesses_log10
        assert local.local_warnings
    celtic_plain, celtic_local = evaluate("celtic1888"), evaluate("celtic1888", (), local_words)
    assert celtic_local.guesses_log10 < celtic_plain.guesses_log10


def test_user_inputs_lower_the_score_and_are_named() -> None:
    plain = evaluate("zorbaquixley")
    own = evaluate("zorbaquixley", ["Zorba", "Quixley"])
    assert own.score < plain.score
    assert any("words you gave" in w for w in own.local_warnings)


def test_no_local_warning_for_strong_passwords(local_words: tuple[str, ...]) -> None:
    report = evaluate("tartan-orbit-saucepan-lemur", (), local_words)
    assert report.score >= 3
    assert report.local_warnings == ()


def test_zxcvbn_globals_are_left_alone_and_threads_agree(local_words: tuple[str, ...]) -> None:
    before = dict(matching.RANKED_DICTIONARIES.get("user_inputs", {}))
    cases = [("fluffy2015", ["fluffy"]), ("fluffy2015", []), ("hibs1875", []), ("rover", ["x"])]
    serial = [evaluate(p, u, local_words) for p, u in cases]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            parallel = list(pool.map(lambda c: evaluate(c[0], c[1], local_words), cases))
            assert parallel == serial
    assert dict(matching.RANKED_DICTIONARIES.get("user_inputs", {})) == before
