"""Shell completion for bash, zsh and fish: commands, options, and values from the content
(situation ids, sign topics, quiz topics, audiences, regions, settings).

``sochelp completion SHELL`` prints the script to load in the shell; the script runs sochelp with
``_SOCHELP_COMPLETE=bash_complete`` (``zsh_complete``, ``fish_complete``) and ``COMP_WORDS`` /
``COMP_CWORD`` set, and sochelp prints the candidates (the protocol Click uses).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer._click.shell_completion import CompletionItem, ShellComplete, split_arg_string

#: The environment variable the scripts set.
COMPLETE_VAR = "_SOCHELP_COMPLETE"

_BASH = """\
%(complete_func)s() {
    local IFS=$'\\n'
    local response
    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \\
%(complete_var)s=bash_complete $1)
    for completion in $response; do
        IFS=',' read type value <<< "$completion"
        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            COMPREPLY+=($value)
        fi
    done
    return 0
}

complete -o nosort -F %(complete_func)s %(prog_name)s
"""

_ZSH = """\
#compdef %(prog_name)s

%(complete_func)s() {
    local -a completions
    local -a completions_with_descriptions
    local -a response
    (( ! $+commands[%(prog_name)s] )) && return 1
    response=("${(@f)$(env COMP_WORDS="${words[*]}" COMP_CWORD=$((CURRENT-1)) \\
%(complete_var)s=zsh_complete %(prog_name)s)}")
    for type key descr in ${response}; do
        if [[ "$type" == "plain" ]]; then
            if [[ "$descr" == "_" ]]; then
                completions+=("$key")
            else
                completions_with_descriptions+=("$key":"$descr")
            fi
        elif [[ "$type" == "dir" ]]; then
            _path_files -/
        elif [[ "$type" == "file" ]]; then
            _path_files -f
        fi
    done
    if [ -n "$completions_with_descriptions" ]; then
        _describe -V unsorted completions_with_descriptions -U
    fi
    if [ -n "$completions" ]; then
        compadd -U -V unsorted -a completions
    fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    %(complete_func)s "$@"
else
    compdef %(complete_func)s %(prog_name)s
fi
"""

_FISH = """\
function %(complete_func)s
    set -l response (env %(complete_var)s=fish_complete COMP_WORDS=(commandline -cp) \\
COMP_CWORD=(commandline -t) %(prog_name)s)
    for completion in $response
        set -l metadata (string split "," -m 1 $completion)
        if test $metadata[1] = "dir"
            __fish_complete_directories $metadata[2]
        else if test $metadata[1] = "file"
            __fish_complete_path $metadata[2]
        else if test $metadata[1] = "plain"
            echo $metadata[2]
        end
    end
end

complete --no-files --command %(prog_name)s --arguments "(%(complete_func)s)"
"""


class _Complete(ShellComplete):
    def source_vars(self) -> dict[str, Any]:
        return {
            "complete_func": self.func_name,
            "complete_var": self.complete_var,
            "prog_name": self.prog_name,
        }

    def get_completion_args(self) -> tuple[list[str], str]:
        words = split_arg_string(os.environ.get("COMP_WORDS", ""))
        cword = int(os.environ.get("COMP_CWORD", "0") or 0)
        args = words[1:cword]
        incomplete = words[cword] if cword < len(words) else ""
        return args, incomplete


class BashComplete(_Complete):
    """bash 4.4 or later."""

    name = "bash"
    source_template = _BASH

    def format_completion(self, item: CompletionItem) -> str:
        return f"{item.type},{item.value}"


class ZshComplete(_Complete):
    """zsh."""

    name = "zsh"
    source_template = _ZSH

    def format_completion(self, item: CompletionItem) -> str:
        value = str(item.value).replace(":", r"\:")
        help_text = (item.help or "_").replace("\n", " ")
        return f"{item.type}\n{value}\n{help_text}"


class FishComplete(_Complete):
    """fish."""

    name = "fish"
    source_template = _FISH

    def get_completion_args(self) -> tuple[list[str], str]:
        words = split_arg_string(os.environ.get("COMP_WORDS", ""))
        incomplete = os.environ.get("COMP_CWORD", "")
        if incomplete:
            incomplete = split_arg_string(incomplete)[0]
        args = words[1:]
        if incomplete and args and args[-1] == incomplete:
            args.pop()
        return args, incomplete

    def format_completion(self, item: CompletionItem) -> str:
        if item.help:
            return f"{item.type},{item.value}\t{item.help}"
        return f"{item.type},{item.value}"


SHELLS: dict[str, type[_Complete]] = {
    "bash": BashComplete,
    "zsh": ZshComplete,
    "fish": FishComplete,
}


def script(command: Any, shell: str) -> str:
    """The completion script for ``shell``."""
    return SHELLS[shell](command, {}, "sochelp", COMPLETE_VAR).source()


def run_completion(instruction: str, command: Any) -> int:
    """Answer the shell (``bash_complete``; Typer's older ``complete_bash`` works too)."""
    import sys

    first, _, second = instruction.partition("_")
    shell, action = (first, second) if first in SHELLS else (second, first)
    completer = SHELLS.get(shell)
    if completer is None or action not in {"complete", "source"}:
        sys.stderr.write(f"sochelp: cannot complete for '{instruction[:40]}'.\n")
        return 1
    helper = completer(command, {}, "sochelp", COMPLETE_VAR)
    out = helper.source() if action == "source" else helper.complete()
    sys.stdout.write(out + ("\n" if out and not out.endswith("\n") else ""))
    sys.stdout.flush()
    return 0


# ---------------------------------------------------------------- values from the content


def _store(ctx: Any) -> Any:
    from sochelp.content.store import ContentStore

    root = ctx.find_root() if ctx is not None else None
    params = getattr(root, "params", {}) or {}
    overlay = params.get("content_dir") or os.environ.get("SOCHELP_CONTENT_DIR") or None
    return ContentStore(overlay=Path(overlay) if overlay else None)


def _quietly(find: Callable[[Any], list[tuple[str, str]]]) -> Callable[..., list[Any]]:
    """A completion function: candidates that start with what was typed; nothing at all when
    the content cannot be read (a completion must never print an error into the shell)."""

    def complete(ctx: Any, incomplete: str) -> list[Any]:
        try:
            pairs = find(ctx)
        except Exception:
            return []
        typed = incomplete.lower()
        # Typer takes (value, help) pairs, or bare values when there is no help.
        return [
            (value, help_text) if help_text else value
            for value, help_text in pairs
            if value.lower().startswith(typed)
        ]

    return complete


def _situations(ctx: Any) -> list[tuple[str, str]]:
    from sochelp.report import content as report_content

    return [(s.id, s.title) for s in report_content.load(_store(ctx)).situations]


def _guides(ctx: Any) -> list[tuple[str, str]]:
    from sochelp.signs import content as signs_content

    return [(g.id, g.title) for g in signs_content.load(_store(ctx))]


def _quiz_topics(ctx: Any) -> list[tuple[str, str]]:
    from sochelp.quiz import content as quiz_content
    from sochelp.quiz.topics import topic_counts

    counts = topic_counts(quiz_content.load(_store(ctx)))
    return [(t.topic, f"{t.questions} questions") for t in counts]


def _regions(_ctx: Any) -> list[tuple[str, str]]:
    from sochelp.scopes import Region

    names = {
        Region.SCOTLAND: "Scotland",
        Region.ENGLAND_WALES: "England and Wales",
        Region.NORTHERN_IRELAND: "Northern Ireland",
    }
    return [(region.value, names[region]) for region in Region]


def _audiences(activity: str) -> Callable[[Any], list[tuple[str, str]]]:
    def find(_ctx: Any) -> list[tuple[str, str]]:
        from sochelp.scopes import Activity, audiences_for

        return [(a.value, "") for a in audiences_for(Activity(activity))]

    return find


def _setting_keys(_ctx: Any) -> list[tuple[str, str]]:
    from sochelp.config import SETTINGS

    return [(key, setting.help) for key, setting in SETTINGS.items()]


def _setting_values(ctx: Any) -> list[tuple[str, str]]:
    from sochelp.config import SETTINGS

    key = (getattr(ctx, "params", {}) or {}).get("key")
    setting = SETTINGS.get(str(key)) if key else None
    return [(value, "") for value in setting.allowed] if setting else []


def _shells(_ctx: Any) -> list[tuple[str, str]]:
    return [(shell, "") for shell in SHELLS]


def _commands(_ctx: Any) -> list[tuple[str, str]]:
    from sochelp.cli import COMMANDS
    from sochelp.usage import ALIASES

    return [(name, "") for name in [*COMMANDS, *ALIASES]]


complete_situations = _quietly(_situations)
complete_guides = _quietly(_guides)
complete_quiz_topics = _quietly(_quiz_topics)
complete_regions = _quietly(_regions)
complete_quiz_audiences = _quietly(_audiences("scam-quiz"))
complete_checkup_audiences = _quietly(_audiences("checkup"))
complete_setting_keys = _quietly(_setting_keys)
complete_setting_values = _quietly(_setting_values)
complete_shells = _quietly(_shells)
complete_commands = _quietly(_commands)
