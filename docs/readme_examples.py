"""Check (or regenerate) the examples in README.md against what sochelp really prints.

An example is a fenced block right after a line ``<!-- example -->`` (stdout and stderr, as a
terminal shows them) or ``<!-- example: stdout -->`` (stdout only). Its lines starting with
``$ `` are commands (a trailing backslash continues one); the other lines are what they print.
A line that is only "…" or "..." (or "  …") stands for lines left out, and a line ending in
"..." or "…" for the rest of that line, so an example may be abridged: every line it shows must
be (the start of) a real line of the output, in order.

    python docs/readme_examples.py            # check; exit 1 and list what differs
    python docs/readme_examples.py --write    # regenerate: the same number of lines, then "…"

Commands run in bash, piped (so plain text, never wrapped), with empty data and settings folders
and SOCHELP_TODAY=2026-12-01 (the day the content was checked), so they print what a first run
prints.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
MARKER = re.compile(r"^<!-- example(?:: (stdout))? -->$")
SKIP = {"…", "...", "  …", "  ..."}
SEPARATOR = "@@@sochelp-example@@@"


@dataclass
class Example:
    """One marked block: where it is, its commands and what it shows."""

    start: int  # index of the first line inside the fence
    end: int  # index of the closing fence
    commands: list[str]
    shown: list[list[str]]  # per command
    stdout_only: bool


def examples(lines: list[str]) -> list[Example]:
    """Every marked example of the README's lines."""
    found: list[Example] = []
    for index, line in enumerate(lines):
        marker = MARKER.match(line)
        if not marker or not lines[index + 1].startswith("```"):
            continue
        start = index + 2
        end = next(i for i in range(start, len(lines)) if lines[i].startswith("```"))
        commands: list[str] = []
        shown: list[list[str]] = []
        body = lines[start:end]
        position = 0
        while position < len(body):
            if body[position].startswith("$ "):
                command = body[position][2:]
                while command.endswith("\\"):
                    position += 1
                    command = command + "\n" + body[position]
                commands.append(command)
                shown.append([])
            elif shown:
                shown[-1].append(body[position])
            position += 1
        found.append(Example(start, end, commands, shown, marker.group(1) == "stdout"))
    return found


def run(example: Example, folder: Path) -> list[list[str]]:
    """The output of each command of ``example``, line by line."""
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "SOCHELP_DATA_DIR": str(folder / "data"),
        "SOCHELP_CONFIG_DIR": str(folder / "config"),
        "SOCHELP_CACHE_DIR": str(folder / "cache"),
        "SOCHELP_TODAY": "2026-12-01",
    }
    for name in ("NO_COLOR", "SOCHELP_REGION", "SOCHELP_CONTENT_DIR", "COLUMNS"):
        env.pop(name, None)
    redirect = "" if example.stdout_only else " 2>&1"
    # Each command's output after a separator line; $? is kept across it, for "echo $?".
    script = "__status=0\n" + "\n".join(
        f"echo {SEPARATOR}\n(exit $__status); {{ {c}\n}}{redirect}\n__status=$?"
        for c in example.commands
    )
    out = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=300,
    ).stdout
    parts = out.split(SEPARATOR + "\n")[1:]
    return [part.rstrip("\n").split("\n") if part.strip() else [] for part in parts]


def matches(shown: str, actual: str) -> bool:
    """Whether a shown line is ``actual`` (or its start, when it ends in "..." or "…")."""
    if shown == actual:
        return True
    for ellipsis in ("...", "…"):
        if shown.endswith(ellipsis) and len(shown) > len(ellipsis) + 8:
            return actual.startswith(shown[: -len(ellipsis)].rstrip())
    return False


def find(line: str, actual: list[str], start: int) -> int | None:
    """Where ``line`` matches in ``actual`` from ``start`` on."""
    return next((i for i in range(start, len(actual)) if matches(line, actual[i])), None)


def differences(example: Example, outputs: list[list[str]]) -> list[str]:
    """What the example shows that the program did not print (in that order)."""
    problems = []
    for command, shown, actual in zip(example.commands, example.shown, outputs, strict=True):
        position = 0
        for line in shown:
            if line in SKIP:
                continue
            found = find(line, actual, position)
            if found is None:
                problems.append(f"$ {command.splitlines()[0]}\n    shown but not printed: {line!r}")
                break
            position = found + 1
    return problems


def _segments(shown: list[str]) -> list[list[str]]:
    """The runs of shown lines between "…" lines."""
    segments: list[list[str]] = [[]]
    for line in shown:
        if line in SKIP:
            segments.append([])
        else:
            segments[-1].append(line)
    return [segment for segment in segments if segment]


def regenerated(example: Example, outputs: list[list[str]]) -> list[str]:
    """The block's new lines: each command, then, for each run of lines it showed before, as
    many real lines from where that run starts now ("…" between runs and after the last one
    when lines are left out)."""
    lines: list[str] = []
    for command, shown, actual in zip(example.commands, example.shown, outputs, strict=True):
        lines.extend(f"$ {part}" if n == 0 else part for n, part in enumerate(command.split("\n")))
        position = 0
        for number, segment in enumerate(_segments(shown)):
            anchor = None
            for offset, line in enumerate(segment):  # the first line that is still printed
                found = find(line, actual, position)
                if found is not None:
                    anchor = max(position, found - offset)
                    break
            if anchor is None:
                anchor = position if number == 0 else None
            if anchor is None:
                continue
            if number and lines[-1] != "…":
                lines.append("…")
            lines.extend(actual[anchor : anchor + len(segment)])
            position = anchor + len(segment)
        if position < len(actual):
            lines.append("…")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="regenerate the examples")
    args = parser.parse_args()
    lines = README.read_text(encoding="utf-8").split("\n")
    found = examples(lines)
    problems: list[str] = []
    replacements: list[tuple[Example, list[str]]] = []
    for example in found:
        with tempfile.TemporaryDirectory() as folder:
            outputs = run(example, Path(folder))
        if args.write:
            replacements.append((example, regenerated(example, outputs)))
        else:
            problems.extend(differences(example, outputs))
    if args.write:
        for example, new in reversed(replacements):
            lines[example.start : example.end] = new
        README.write_text("\n".join(lines), encoding="utf-8")
        sys.stdout.write(f"regenerated {len(found)} examples in {README}\n")
        return 0
    for problem in problems:
        sys.stdout.write(problem + "\n")
    sys.stdout.write(f"{len(found)} examples checked, {len(problems)} differences\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
