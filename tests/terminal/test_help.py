"""Help that helps: exit statuses in every --help, the manual page lists every command and
option, and shell completion (the completion function itself, and the generated bash script run
in a real bash)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from sochelp.cli import build_app
from sochelp.helptext import command_key, exit_rows, walk
from tests.conftest import run_cli

ROOT = typer.main.get_command(build_app())
COMMANDS = list(walk(ROOT))


def test_every_command_lists_its_exit_statuses() -> None:
    for entry in COMMANDS:
        assert exit_rows(command_key(entry.path)), entry.path
        result = run_cli([*entry.path.split()[1:], "--help"])
        assert result.exit_code == 0
        assert "\nExit status:\n  0    " in result.stdout, entry.path


def test_man_page_lists_every_command_and_option() -> None:
    result = run_cli(["help", "--man"])
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith(".TH SOCHELP 1 ")
    for section in ("NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES"):
        assert f"\n.SH {section}\n" in page
    for entry in COMMANDS[1:]:
        assert f'.SS "{entry.path.replace("-", chr(92) + "-")}' in page, entry.path
        for param in entry.command.params:
            for option in getattr(param, "opts", []):
                if param.param_type_name == "option":
                    assert option.replace("-", "\\-") in page, (entry.path, option)
    for name in ("SOCHELP_REGION", "SOCHELP_CONFIG_DIR", "NO_COLOR"):
        assert name.replace("_", "_") in page


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_man_page_is_valid_roff() -> None:
    page = run_cli(["help", "--man"]).stdout
    out = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z"], input=page, capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stderr == "", out.stderr


# ---------------------------------------------------------------- completion


def complete(words: str, shell: str = "bash") -> list[str]:
    """What the completion function answers for ``words`` (the last one is being typed)."""
    parts = words.split(" ")
    env = {
        "_SOCHELP_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
    }
    if shell == "fish":
        env["COMP_CWORD"] = parts[-1]
    result = run_cli([], env=env)
    assert result.exit_code == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def values(words: str) -> list[str]:
    return [line.split(",", 1)[1] for line in complete(words) if line.startswith("plain,")]


def test_completes_commands_options_and_content() -> None:
    assert values("sochelp rep") == ["report"]
    assert "scam-quiz" in values("sochelp sc") and "config" in values("sochelp co")
    assert "--region" in values("sochelp report --re")
    assert values("sochelp report scam-t") == ["scam-text"]
    assert values("sochelp report --region n") == ["northern-ireland"]
    assert "county-lines" in values("sochelp signs coun")
    assert "parcel-delivery" in values("sochelp scam-quiz --topic parc")
    assert values("sochelp scam-quiz --audience you") == ["young-people"]
    assert values("sochelp checkup you") == []  # no young-people check-up
    assert values("sochelp checkup bus") == ["business"]
    assert values("sochelp config set ") == ["region", "quiz.audience", "checkup.audience"]
    assert values("sochelp config set region e") == ["england-wales"]
    assert values("sochelp completion z") == ["zsh"]
    assert values("sochelp help rep") == ["report"]


def test_zsh_and_fish_formats() -> None:
    zsh = complete("sochelp report scam-t", "zsh")
    assert zsh[:3] == ["plain", "scam-text", "A scam or suspicious text message"]
    fish = complete("sochelp report scam-t", "fish")
    assert fish == ["plain,scam-text\tA scam or suspicious text message"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell: str) -> None:
    result = run_cli(["completion", shell])
    assert result.exit_code == 0
    assert "_SOCHELP_COMPLETE" in result.stdout and f"{shell}_complete" in result.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_bash_script_completes_in_a_real_bash(tmp_path: Path) -> None:
    script = tmp_path / "sochelp.bash"
    script.write_text(run_cli(["completion", "bash"]).stdout, encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "sochelp").exists()
    probe = f"""
source {script}
complete -p sochelp
for words in "sochelp rep" "sochelp report scam-t" "sochelp report --region eng" \
             "sochelp checkup bus"; do
    COMP_WORDS=($words)
    COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
    COMPREPLY=()
    _sochelp_completion sochelp
    echo "$words => ${{COMPREPLY[*]}}"
done
"""
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    out = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "complete -o nosort -F _sochelp_completion sochelp" in out.stdout
    assert "sochelp rep => report" in out.stdout
    assert "sochelp report scam-t => scam-text" in out.stdout
    assert "sochelp report --region eng => england-wales" in out.stdout
    assert "sochelp checkup bus => business" in out.stdout
