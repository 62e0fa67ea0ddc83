"""``sochelp config``: the settings sochelp remembers (region, default audiences)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Annotated

import typer

from sochelp.commands.common import JsonOption, app_state
from sochelp.errors import ExitCode
from sochelp.render import View

HELP = """Show or change what sochelp remembers: your region and who the quiz and the check-up
are for.

Settings are kept in a small file in your user config folder ('sochelp config path' prints it;
SOCHELP_CONFIG_DIR moves it). A command-line option wins over the environment (SOCHELP_REGION),
which wins over this file, which wins over the default (Scotland; the quiz and check-up ask).
"""


@dataclass(frozen=True)
class SettingShown:
    """One setting: its value, where the value comes from, and what it may be."""

    key: str
    value: str | None
    source: str
    help: str
    allowed: tuple[str, ...]


@dataclass(frozen=True)
class ConfigShown:
    """Every setting and the file they are kept in."""

    file: str
    exists: bool
    settings: tuple[SettingShown, ...]


def _describe_source(item: SettingShown) -> str:
    if item.value is None:
        return "asked the first time on a terminal"
    if item.source == "environment":
        return "from SOCHELP_REGION"
    if item.source == "default":
        return "the default"
    return "from the settings file"


def config_text(shown: ConfigShown) -> str:
    """The settings as plain text (a list, so it reads well at any width)."""
    lines = [f"Settings file: {shown.file}" + ("" if shown.exists else " (not created yet)"), ""]
    for item in shown.settings:
        value = item.value if item.value is not None else "not set"
        lines.append(f"  - {item.key}: {value} ({_describe_source(item)})")
    lines.append("")
    lines.append("Change one: sochelp config set KEY VALUE")
    lines.append("Remove one: sochelp config unset KEY")
    lines.append("")
    lines.append("Allowed values:")
    for item in shown.settings:
        lines.append(f"  - {item.key}: {', '.join(item.allowed)}")
    return "\n".join(lines) + "\n"


CONFIG_VIEW: View[ConfigShown] = View(ConfigShown, config_text)


def gather() -> ConfigShown:
    """What :func:`show` prints (reading the file; a broken file is a usage error)."""
    from sochelp import config

    settings = config.load()
    shown = []
    for key, setting in config.SETTINGS.items():
        value, source = settings.get(key), config.Source.FILE.value
        if key == "region":
            from_env = os.environ.get(config.REGION_ENV, "").strip()
            if from_env:
                value = config.region_from(from_env, config.REGION_ENV).value
                source = config.Source.ENVIRONMENT.value
            elif value is None:
                value, source = "scotland", config.Source.DEFAULT.value
        shown.append(SettingShown(key, value, source, setting.help, setting.allowed))
    return ConfigShown(str(settings.path), settings.exists, tuple(shown))


config_app = typer.Typer(help=HELP, invoke_without_command=True, no_args_is_help=False)


@config_app.callback()
def show(ctx: typer.Context, json_output: JsonOption = False) -> int:
    """Show every setting, its value and where the value comes from."""
    from sochelp.render import show as draw

    if ctx.invoked_subcommand is not None:
        return int(ExitCode.OK)
    state = app_state(ctx)
    draw(CONFIG_VIEW, gather(), state.env.output_mode(json_output), state.env)
    return int(ExitCode.OK)


def _complete_keys(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_setting_keys

    return complete_setting_keys(ctx, incomplete)


def _complete_values(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_setting_values

    return complete_setting_values(ctx, incomplete)


KeyArgument = Annotated[
    str,
    typer.Argument(
        metavar="KEY",
        help="region, quiz.audience or checkup.audience.",
        autocompletion=_complete_keys,
        show_default=False,
    ),
]


@config_app.command("set")
def set_(
    ctx: typer.Context,
    key: KeyArgument,
    value: Annotated[
        str,
        typer.Argument(
            metavar="VALUE",
            help="region: scotland, england-wales or northern-ireland (england, wales, ni, "
            "scot… work too); an audience from the quiz's or the check-up's list.",
            autocompletion=_complete_values,
            show_default=False,
        ),
    ],
) -> int:
    """Remember a setting."""
    from sochelp import config

    settings, old = config.set_value(key, value)
    chosen = config.setting(key).key
    now = settings.values[chosen]
    env = app_state(ctx).env
    was = f" (was {old})" if old is not None and old != now else ""
    env.stdout.write(f"{chosen} = {now}{was}, saved in {settings.path}\n")
    if chosen == "region" and os.environ.get(config.REGION_ENV, "").strip():
        env.stderr.write(
            "sochelp: note: SOCHELP_REGION is set in this shell and wins over the file.\n"
        )
    env.stdout.flush()
    return int(ExitCode.OK)


@config_app.command("unset")
def unset(ctx: typer.Context, key: KeyArgument) -> int:
    """Forget a setting (the default applies again)."""
    from sochelp import config

    settings, old = config.unset_value(key)
    chosen = config.setting(key).key
    env = app_state(ctx).env
    if old is None:
        env.stdout.write(f"{chosen} was not set; nothing changed.\n")
    else:
        env.stdout.write(f"Removed {chosen} (was {old}) from {settings.path}\n")
    env.stdout.flush()
    return int(ExitCode.OK)


@config_app.command("path")
def path(ctx: typer.Context) -> int:
    """Print where the settings file is (it may not exist yet)."""
    from sochelp import config

    env = app_state(ctx).env
    env.stdout.write(f"{config.config_path()}\n")
    env.stdout.flush()
    return int(ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add the ``config`` group to the application."""
    app.add_typer(
        config_app,
        name="config",
        short_help="Show or change your region and default audiences.",
    )
