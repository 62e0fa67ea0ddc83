"""Settings a person chooses once and sochelp remembers: where they are and who the quiz and
the check-up are for.

A small TOML file in the user config folder (platformdirs; ``SOCHELP_CONFIG_DIR`` moves it):

.. code-block:: toml

    region = "england-wales"

    [quiz]
    audience = "young-people"

    [checkup]
    audience = "business"

Each value is taken from, in order: the command-line option, the environment
(``SOCHELP_REGION``), this file, the default. The file is read only when a value is needed and
nothing before it in that order gave one (``tomllib``, no other import), so commands that do not
need it never open it. A file that cannot be used stops the command with one line naming the
file, the key and what is wrong; it is never silently ignored.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from sochelp.errors import UsageError
from sochelp.scopes import (
    Activity,
    Audience,
    Region,
    audience_names,
    audiences_for,
    parse_region,
    region_aliases_text,
)
from sochelp.usage import printable

#: Environment variable that moves the settings folder (tests, portable installs).
CONFIG_DIR_ENV = "SOCHELP_CONFIG_DIR"
#: Environment variable that sets the region for one shell session.
REGION_ENV = "SOCHELP_REGION"
FILE_NAME = "config.toml"
#: A settings file is a few lines; anything much bigger is not one.
MAX_BYTES = 64 * 1024

#: quiz.audience may also be "all": every question, without asking.
ALL_AUDIENCES = "all"


class Source(StrEnum):
    """Where a setting's value came from."""

    OPTION = "option"
    ENVIRONMENT = "environment"
    FILE = "settings file"
    ASKED = "asked"
    DEFAULT = "default"


class ConfigError(UsageError):
    """The settings file cannot be used (the message names the file, the key and the reason)."""


# NamedTuples rather than dataclasses: this module is imported on the way to every report, and
# they cost less to create at import.
class Setting(NamedTuple):
    """One key of the settings file."""

    key: str
    help: str
    #: The values allowed, in the order help lists them.
    allowed: tuple[str, ...]
    #: The canonical value for what a person typed; raises ValueError with the reason.
    parse: Callable[[str], str]


def _parse_region(value: str) -> str:
    region = parse_region(value)
    if region is None:
        raise ValueError(
            f"'{printable(value)}' is not a part of the UK sochelp knows (use "
            f"{', '.join(r.value for r in Region)})"
        )
    return region.value


def _audience_parser(activity: Activity, extra: tuple[str, ...] = ()) -> Callable[[str], str]:
    allowed = (*extra, *(a.value for a in audiences_for(activity)))

    def parse(value: str) -> str:
        key = value.strip().lower().replace(" ", "-").replace("_", "-")
        if key not in allowed:
            raise ValueError(f"'{printable(value)}' cannot be used here (use {', '.join(allowed)})")
        return key

    return parse


SETTINGS: Mapping[str, Setting] = {
    "region": Setting(
        "region",
        "Your part of the UK: who to contact differs (report, leaflets).",
        tuple(r.value for r in Region),
        _parse_region,
    ),
    "quiz.audience": Setting(
        "quiz.audience",
        "Who the scam quiz is for when --audience is not given (all: every question).",
        (ALL_AUDIENCES, *(a.value for a in audiences_for(Activity.QUIZ))),
        _audience_parser(Activity.QUIZ, (ALL_AUDIENCES,)),
    ),
    "checkup.audience": Setting(
        "checkup.audience",
        "Who the check-up is for when no AUDIENCE is given.",
        tuple(a.value for a in audiences_for(Activity.CHECKUP)),
        _audience_parser(Activity.CHECKUP),
    ),
}


def config_dir() -> Path:
    """The folder the settings file lives in."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("sochelp", appauthor=False))


def config_path() -> Path:
    """The settings file (it may not exist yet)."""
    return config_dir() / FILE_NAME


def _fix_hint(path: Path, unreadable: bool = False) -> str:
    if unreadable:
        return f"Fix or delete {path} (sochelp config set writes a new one)."
    return f"Replace the value with: sochelp config set KEY VALUE (keys: {', '.join(SETTINGS)})."


def _read_document(path: Path) -> dict[str, Any]:
    """The file's TOML as a table ({} when there is no file)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise ConfigError(
            f"{path}: is a folder, not a settings file.", _fix_hint(path, True)
        ) from None
    except OSError as error:
        raise ConfigError(
            f"{path}: cannot be read ({error.strerror or error}).", _fix_hint(path, True)
        ) from None
    if len(raw) > MAX_BYTES:
        raise ConfigError(f"{path}: too large to be a settings file.", _fix_hint(path, True))
    import tomllib  # only when there is a file to read

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text.", _fix_hint(path, True)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}).", _fix_hint(path, True)) from None


def _flatten(document: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """``{"quiz": {"audience": "x"}}`` as ``{"quiz.audience": "x"}``; unknown keys refused."""
    flat: dict[str, Any] = {}
    for name, value in document.items():
        if isinstance(value, dict):
            for inner, item in value.items():
                flat[f"{name}.{inner}"] = item
        else:
            flat[name] = value
    for key in flat:
        if key not in SETTINGS:
            raise ConfigError(
                f"{path}: {printable(key)}: not a sochelp setting (the settings are "
                f"{', '.join(SETTINGS)}).",
                _fix_hint(path),
            )
    return flat


def _checked(key: str, value: Any, path: Path) -> str:
    setting = SETTINGS[key]
    if not isinstance(value, str):
        raise ConfigError(
            f"{path}: {key}: must be text in quotes, such as {key.split('.')[-1]} = "
            f'"{setting.allowed[0]}".',
            _fix_hint(path),
        )
    try:
        return setting.parse(value)
    except ValueError as reason:
        raise ConfigError(f"{path}: {key}: {reason}.", _fix_hint(path)) from None


class Settings(NamedTuple):
    """What the settings file says (only keys that are set)."""

    path: Path
    values: Mapping[str, str]
    exists: bool

    def get(self, key: str) -> str | None:
        """The value of ``key``, or None when it is not set."""
        return self.values.get(key)


def load() -> Settings:
    """Read and check the settings file (every key and value, so a mistake is found at once)."""
    path = config_path()
    document = _read_document(path)
    flat = _flatten(document, path)
    values = {key: _checked(key, value, path) for key, value in flat.items()}
    return Settings(path, values, exists=path.exists())


# ---------------------------------------------------------------- changing the file


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def render_file(values: Mapping[str, str]) -> str:
    """The settings file for ``values``, with a comment saying how to change it."""
    lines = [
        "# sochelp settings. Change them with: sochelp config set KEY VALUE",
        "# (or sochelp config unset KEY); see: sochelp config",
    ]
    top = {k: v for k, v in values.items() if "." not in k}
    if top:
        lines.append("")
        lines.extend(f"{key} = {_toml_string(value)}" for key, value in top.items())
    tables: dict[str, dict[str, str]] = {}
    for key, value in values.items():
        if "." in key:
            table, name = key.split(".", 1)
            tables.setdefault(table, {})[name] = value
    for table, entries in tables.items():
        lines.extend(["", f"[{table}]"])
        lines.extend(f"{name} = {_toml_string(value)}" for name, value in entries.items())
    return "\n".join(lines) + "\n"


def _write(path: Path, values: Mapping[str, str]) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".config-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(render_file(values))
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ConfigError(
            f"{path}: cannot be written ({error.strerror or error}).",
            f"Check that you can write to {path.parent}, or set {CONFIG_DIR_ENV} to a folder "
            "you can write to.",
        ) from None


def _ordered(values: Mapping[str, str]) -> dict[str, str]:
    return {key: values[key] for key in SETTINGS if key in values}


def setting(key: str) -> Setting:
    """The setting called ``key``, or a usage error listing the keys."""
    found = SETTINGS.get(key.strip().lower())
    if found is None:
        raise UsageError(
            f"'{printable(key)}' is not a setting.",
            hint=f"The settings are: {', '.join(SETTINGS)}.",
        )
    return found


def set_value(key: str, value: str) -> tuple[Settings, str | None]:
    """Store ``key = value`` (canonical form); returns the new settings and the old value."""
    chosen = setting(key)
    try:
        canonical = chosen.parse(value)
    except ValueError as reason:
        raise UsageError(
            f"{chosen.key}: {reason}.",
            hint=f"For example: sochelp config set {chosen.key} {chosen.allowed[0]}",
        ) from None
    path = config_path()
    values = _existing_values(path)
    old = values.get(chosen.key)
    values[chosen.key] = canonical
    _write(path, _ordered(values))
    return Settings(path, _ordered(values), exists=True), old


def unset_value(key: str) -> tuple[Settings, str | None]:
    """Remove ``key``; returns the new settings and the value it had (None: it was not set)."""
    chosen = setting(key)
    path = config_path()
    values = _existing_values(path)
    old = values.pop(chosen.key, None)
    if old is not None:
        _write(path, _ordered(values))
    return Settings(path, _ordered(values), exists=path.exists()), old


def _existing_values(path: Path) -> dict[str, str]:
    """The values already in the file, for rewriting it: a file that is not TOML is refused
    (it would be lost), but an invalid value may be replaced."""
    flat = _flatten(_read_document(path), path)
    return {key: value for key, value in flat.items() if isinstance(value, str)}


def remember(key: str, value: str) -> Path:
    """Store a value chosen at a first-run question; returns the file."""
    settings, _ = set_value(key, value)
    return settings.path


# ---------------------------------------------------------------- choosing a value


class RegionChoice(NamedTuple):
    """The region a command uses and where it came from."""

    region: Region
    source: Source


def resolve_region(option: str | None) -> RegionChoice:
    """The region: --region, else SOCHELP_REGION, else the settings file, else Scotland."""
    if option is not None:
        return RegionChoice(region_from(option, "--region"), Source.OPTION)
    from_env = os.environ.get(REGION_ENV, "").strip()
    if from_env:
        return RegionChoice(region_from(from_env, REGION_ENV), Source.ENVIRONMENT)
    saved = load().get("region")
    if saved is not None:
        return RegionChoice(Region(saved), Source.FILE)
    return RegionChoice(Region.SCOTLAND, Source.DEFAULT)


def region_from(value: str, where: str) -> Region:
    """``value`` as a region (aliases allowed), or a one-line usage error naming ``where``."""
    region = parse_region(value)
    if region is None:
        raise UsageError(
            f"{where}: '{printable(value)}' is not a part of the UK sochelp knows.",
            hint=f"Use one of: scotland, england-wales, northern-ireland ({region_aliases_text()}"
            ").",
        )
    return region


def saved_audience(activity: Activity) -> str | None:
    """The default audience saved for ``activity`` (quiz: may be "all"), or None."""
    key = "quiz.audience" if activity is Activity.QUIZ else "checkup.audience"
    return load().get(key)


def audience_key(activity: Activity) -> str:
    """The settings key of ``activity``'s default audience."""
    return "quiz.audience" if activity is Activity.QUIZ else "checkup.audience"


def audience_hint(activity: Activity) -> str:
    """How to set a default audience for ``activity``."""
    return (
        f"sochelp config set {audience_key(activity)} AUDIENCE (one of: {audience_names(activity)})"
    )


__all__ = [
    "ALL_AUDIENCES",
    "CONFIG_DIR_ENV",
    "REGION_ENV",
    "SETTINGS",
    "Audience",
    "ConfigError",
    "RegionChoice",
    "Settings",
    "Source",
    "config_path",
    "load",
    "remember",
    "resolve_region",
    "set_value",
    "unset_value",
]
