"""``sochelp config``: show, set, unset, path, --json; the order option > environment > file >
default; aliases wherever a region is read; a broken file never stops commands that do not read
it; the file is read lazily."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from sochelp import config
from sochelp.render import schema
from tests.conftest import run_cli


def region_of(*args: str, env: dict[str, str] | None = None) -> tuple[str, str]:
    result = run_cli(["report", "scam-text", "--json", *args], env=env)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return data["region"], data["region_source"]


def test_show_set_unset_and_path() -> None:
    path = run_cli(["config", "path"])
    assert path.exit_code == 0 and path.stdout.strip() == str(config.config_path())
    shown = run_cli(["config", "--json"])
    data = json.loads(shown.stdout)
    jsonschema.validate(data, schema.schema_for("config"))
    assert data["exists"] is False
    assert [(s["key"], s["value"], s["source"]) for s in data["settings"]] == [
        ("region", "scotland", "default"),
        ("quiz.audience", None, "settings file"),
        ("checkup.audience", None, "settings file"),
    ]
    set_region = run_cli(["config", "set", "region", "Gb-Nir"])  # an alias, any case
    assert set_region.exit_code == 0
    assert set_region.stdout.startswith("region = northern-ireland, saved in ")
    assert run_cli(["config", "set", "quiz.audience", "all"]).exit_code == 0
    assert run_cli(["config", "set", "checkup.audience", "business"]).exit_code == 0
    assert config.load().values == {
        "region": "northern-ireland",
        "quiz.audience": "all",
        "checkup.audience": "business",
    }
    text = run_cli(["config"]).stdout
    assert "  - region: northern-ireland (from the settings file)" in text
    again = run_cli(["config", "set", "region", "scot"])
    assert "(was northern-ireland)" in again.stdout
    removed = run_cli(["config", "unset", "region"])
    assert removed.stdout.startswith("Removed region (was scotland) from ")
    assert run_cli(["config", "unset", "region"]).stdout == "region was not set; nothing changed.\n"
    assert "region" not in config.load().values


def test_option_beats_environment_beats_file_beats_default() -> None:
    assert region_of() == ("scotland", "default")
    run_cli(["config", "set", "region", "wales"])
    assert region_of() == ("england-wales", "settings file")
    assert region_of(env={"SOCHELP_REGION": "NI"}) == ("northern-ireland", "environment")
    assert region_of("--region", "Scot", env={"SOCHELP_REGION": "ni"}) == ("scotland", "option")
    note = json.loads(run_cli(["report", "scam-text", "--json"]).stdout)["region_note"]
    assert note.startswith("For England and Wales (your setting). Elsewhere in the UK: ")
    assert "--region scotland or northern-ireland" in note
    assert "sochelp config set region" in note


def test_aliases_everywhere_a_region_is_read() -> None:
    aliases = {
        "england": "england-wales",
        "WALES": "england-wales",
        "ni": "northern-ireland",
        "scot": "scotland",
        "gb-sct": "scotland",
        "GB-ENG": "england-wales",
        "gb-wls": "england-wales",
        "gb-nir": "northern-ireland",
        "Northern Ireland": "northern-ireland",
    }
    for alias, region in aliases.items():
        assert region_of("--region", alias)[0] == region, alias
        assert region_of(env={"SOCHELP_REGION": alias})[0] == region, alias
        config.config_path().parent.mkdir(parents=True, exist_ok=True)
        config.config_path().write_text(f'region = "{alias}"\n', encoding="utf-8")
        assert region_of()[0] == region, alias
    bad = run_cli(["report", "scam-text"], env={"SOCHELP_REGION": "Atlantis"})
    assert bad.exit_code == 2
    assert bad.stderr.startswith("sochelp: SOCHELP_REGION: 'Atlantis' is not a part of the UK")


def test_a_broken_file_is_refused_where_it_is_read_and_nowhere_else() -> None:
    path = config.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('region = "scot\n', encoding="utf-8")
    assert run_cli(["about"]).exit_code == 0
    assert run_cli(["report", "--list"]).exit_code == 0
    assert run_cli(["report", "scam-text", "--region", "ni"]).exit_code == 0
    refused = run_cli(["report", "scam-text"])
    assert refused.exit_code == 2 and f"{path}: not valid TOML" in refused.stderr
    # A file that is not TOML is not overwritten by set (it would be lost) …
    assert run_cli(["config", "set", "region", "ni"]).exit_code == 2
    # … but a wrong value can be replaced.
    path.write_text('region = "mars"\n[quiz]\naudience = "community"\n', encoding="utf-8")
    fixed = run_cli(["config", "set", "region", "ni"])
    assert fixed.exit_code == 0
    assert config.load().values == {"region": "northern-ireland", "quiz.audience": "community"}


def test_audiences_are_checked_against_each_activity() -> None:
    assert run_cli(["config", "set", "quiz.audience", "young-people"]).exit_code == 0
    refused = run_cli(["config", "set", "checkup.audience", "young-people"])
    assert refused.exit_code == 2 and "individual, community" in refused.stderr
    run_cli(["config", "set", "checkup.audience", "elected"])
    piped = run_cli(["checkup", "--json", "--no-save"], input="y\n")
    assert json.loads(piped.stdout)["audience"] == "elected"


def test_the_file_is_not_read_at_start_up() -> None:
    code = (
        "import sys, sochelp.cli; print('tomllib' in sys.modules, 'sochelp.config' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
