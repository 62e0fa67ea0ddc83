"""One voice for mistakes: every usage error is one line ``sochelp: …`` and one hint line in
plain words naming the valid values, exit status 2; the quiz alias, ``sochelp help`` and
suggestions for misspelt commands."""

from __future__ import annotations

import re

import pytest

from tests.conftest import remember, run_cli

#: Wording that must never reach a user: the parser's and pydantic's.
FOREIGN = re.compile(
    r"Usage:|Try '|Error:|Input should be|Value error|is not one of|Invalid value for|"
    r"No such (option|command)|<bool>|Traceback|pydantic",
)

MISTAKES: dict[str, tuple[list[str], str, str]] = {
    # name: (arguments, the message's start, something the hint must name)
    "unknown command": (["reprot"], "there is no command 'reprot'.", "Did you mean report?"),
    "unknown subcommand": (["content", "chek"], "there is no content command 'chek'.", "check"),
    "unknown option": (["scam-quiz", "--cuont", "3"], "there is no option --cuont", "--count"),
    "number too small": (
        ["scam-quiz", "-n", "0"],
        "--count must be a whole number from 1 to 500",
        "For example: --count 10",
    ),
    "not a number": (["scam-quiz", "-n", "ten"], "--count must be a whole number", "--count 10"),
    "unknown format": (
        ["scam-quiz", "--export", "pdf"],
        "'pdf' is not a value --export knows.",
        "markdown, html",
    ),
    "unknown audience": (
        ["scam-quiz", "-a", "kids"],
        "'kids' is not a value --audience knows.",
        "young-people",
    ),
    "unknown difficulty": (["scam-quiz", "-d", "brutal"], "'brutal' is not a value", "easy"),
    "unknown region": (
        ["report", "scam-text", "-r", "france"],
        "--region: 'france' is not",
        "scotland, england-wales, northern-ireland",
    ),
    "region without a value": (
        ["report", "--region"],
        "--region needs a value.",
        "scotland, england-wales, northern-ireland",
    ),
    "missing argument": (["audit"], "audit needs FILE", "sochelp audit --help"),
    "extra argument": (["about", "now"], "about does not take 'now'.", "--help"),
    "score out of range": (
        ["password", "--min-score", "9"],
        "--min-score must be a whole number from 0 to 4",
        "--min-score 3",
    ),
    "folder that is a file": (
        ["--content-dir", "/etc/hostname", "about"],
        "--content-dir: '/etc/hostname' is a file, not a folder.",
        "--help",
    ),
    "unknown setting": (
        ["config", "set", "colour", "red"],
        "'colour' is not a setting.",
        "region, quiz.audience, checkup.audience",
    ),
    "bad setting value": (
        ["config", "set", "checkup.audience", "young-people"],
        "checkup.audience: 'young-people' cannot be used here (use individual,",
        "sochelp config set checkup.audience individual",
    ),
    "unknown shell": (
        ["completion", "tcsh"],
        "sochelp cannot complete for the shell 'tcsh'.",
        "bash, zsh, fish",
    ),
    "help for nothing": (["help", "reprot"], "there is no command 'reprot'.", "report"),
    "yes without reset": (["scam-quiz", "--yes"], "--yes is only used with --reset.", ""),
}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_every_usage_error_is_one_line_and_one_hint(name: str) -> None:
    args, message, hint = MISTAKES[name]
    result = run_cli(args)
    assert result.exit_code == 2, result
    lines = result.stderr.splitlines()
    assert lines[0].startswith("sochelp: "), lines
    assert message in lines[0], lines
    assert len(lines) <= 2, lines
    if hint:
        assert len(lines) == 2 and lines[1].startswith("  ") and hint in lines[1], lines
    assert not FOREIGN.search(result.stderr), result.stderr
    assert result.stdout == ""


def test_quiz_is_scam_quiz() -> None:
    alias = run_cli(["quiz", "--list-topics"])
    real = run_cli(["scam-quiz", "--list-topics"])
    assert alias.exit_code == real.exit_code == 0 and alias.stdout == real.stdout
    listing = run_cli(["--help"])
    assert re.search(r"scam-quiz +Learn to spot scams.*\(also: quiz\)", listing.stdout)
    assert "   or: sochelp quiz" in run_cli(["scam-quiz", "--help"]).stdout


def test_help_command_is_the_same_as_dash_dash_help() -> None:
    for words in (["report"], ["content", "check"], ["quiz"], []):
        target = [w if w != "quiz" else "scam-quiz" for w in words]
        by_command = run_cli(["help", *words])
        by_option = run_cli([*target, "--help"])
        assert by_command.exit_code == by_option.exit_code == 0
        assert by_command.stdout == by_option.stdout, words


def test_sochelp_alone_shows_the_help() -> None:
    result = run_cli([])
    assert result.exit_code == 0 and result.stdout.startswith("Usage: sochelp [OPTIONS] COMMAND")


def test_checkup_piped_answers_name_the_question() -> None:
    remember(region="scotland")
    result = run_cli(["checkup", "individual", "--no-save"], input="maybe\n")
    first = result.stderr.splitlines()[0]
    assert first.startswith("sochelp: 'maybe' is not an answer to \"")
    assert "ind-" not in first  # the question's text, not its id
    assert '?"; reading the next line.' in first


def test_settings_file_mistakes_name_file_key_and_reason() -> None:
    from sochelp import config

    path = config.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    cases = {
        'region = "mars"\n': "region: 'mars' is not a part of the UK sochelp knows (use scotland,",
        "region = 3\n": "region: must be text in quotes",
        '[quiz]\naudience = "bankers"\n': "quiz.audience: 'bankers' cannot be used here (use all,",
        'regoin = "scotland"\n': "regoin: not a sochelp setting",
        'region = "scot\n': "not valid TOML (",
        "\xff\xfe": "not UTF-8 text",
    }
    for text, reason in cases.items():
        path.write_bytes(text.encode("latin-1"))
        result = run_cli(["report", "scam-text"])
        assert result.exit_code == 2, text
        lines = result.stderr.splitlines()
        assert (len(lines) == 2 and lines[0] == f"sochelp: {path}: {reason}") or (
            lines[0].startswith(f"sochelp: {path}: {reason}")
        ), (text, lines)
        assert "Traceback" not in result.stderr
    # An option or the environment wins, so the file is not even read.
    assert run_cli(["report", "scam-text", "--region", "scot"]).exit_code == 0
    assert run_cli(["report", "scam-text"], env={"SOCHELP_REGION": "ni"}).exit_code == 0
