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


def _pytest_command(text: str) -> str:
    import re

    found = re.findall(r"(?:\.venv/bin/python|\"\$venv/python\") (-m pytest[^\n#]*)", text)
    assert len(found) == 1, found
    return " ".join(found[0].split())


def test_readme_gives_the_test_command_ci_runs() -> None:
    repo = SRC.parents[1]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    assert _pytest_command(readme) == _pytest_command(ci) == "-m pytest -q -p no:cacheprovider"


def test_readme_links_every_json_schema() -> None:
    repo = SRC.parents[1]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    schemas = sorted(p.name for p in (repo / "docs" / "schema").glob("*.json"))
    assert schemas, "no schemas found"
    unlinked = [name for name in schemas if f"](docs/schema/{name})" not in readme]
    assert unlinked == []
