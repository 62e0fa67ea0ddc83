"""Rules about the shape of the code that a reviewer would otherwise check by hand."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "sochelp"

#: The longest a function body in ``commands/`` may be (not counting its signature and option
#: declarations): commands parse options and call a capability package, nothing more.
MAX_COMMAND_BODY = 40


def _bodies(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (f"{path.name}:{node.lineno} {node.name}", (node.end_lineno or 0) - node.body[0].lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]


def test_command_function_bodies_are_short() -> None:
    bodies = [body for path in sorted((SRC / "commands").glob("*.py")) for body in _bodies(path)]
    assert len(bodies) > 20  # every command module was read
    too_long = [(name, size) for name, size in bodies if size >= MAX_COMMAND_BODY]
    assert too_long == [], f"move logic into its capability package: {too_long}"
