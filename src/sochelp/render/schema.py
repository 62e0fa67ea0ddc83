"""JSON Schemas of every ``--json`` output, generated from the result types.

``python -m sochelp.render.schema [FOLDER]``, run in the repository, writes them to
``docs/schema/`` (the default); a test fails when the committed files are stale or an output
does not match its schema. To add an output: give its view a ``result_type`` and add a line to
:data:`OUTPUTS`.
"""

from __future__ import annotations

import json
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

#: Schema file name -> "module:VIEW" of the view whose result type it describes.
OUTPUTS: dict[str, str] = {
    "report": "sochelp.render.report:REPORT_VIEW",
    "report-list": "sochelp.render.report:SITUATIONS_VIEW",
    "signs": "sochelp.render.signs:GUIDE_VIEW",
    "signs-list": "sochelp.render.signs:GUIDES_VIEW",
    "check-message": "sochelp.render.message:MESSAGE_VIEW",
    "scam-quiz": "sochelp.render.quiz:SUMMARY_VIEW",
    "scam-quiz-stats": "sochelp.render.quiz:STATS_VIEW",
    "scam-quiz-topics": "sochelp.render.topics:TOPICS_VIEW",
    "scam-quiz-export": "sochelp.render.quiz:SHEET_VIEW",
    "scam-quiz-export-written": "sochelp.render.quiz:WRITTEN_VIEW",
    "reset": "sochelp.session.output:RESET_VIEW",
    "password": "sochelp.render.password:PASSWORD_VIEW",
    "audit": "sochelp.render.audit:AUDIT_VIEW",
    "checkup": "sochelp.render.checkup:CHECKUP_VIEW",
    "checkup-return": "sochelp.render.rollup:RETURN_VIEW",
    "checkup-rollup": "sochelp.render.rollup:ROLLUP_VIEW",
    "scam-quiz-present": "sochelp.render.present:ROOM_VIEW",
    "content-check": "sochelp.commands.content:CHECK_VIEW",
    "content-links": "sochelp.render.links:LINKS_VIEW",
    "about": "sochelp.render.about:ABOUT_VIEW",
    "config": "sochelp.commands.config:CONFIG_VIEW",
}

#: Relative to the current folder (the repository): an installed sochelp has no docs folder.
DEFAULT_FOLDER = Path("docs") / "schema"


def schema_for(name: str) -> dict[str, Any]:
    """The schema of one output, with an id and a title."""
    from sochelp.render import json_schema

    module, _, attribute = OUTPUTS[name].partition(":")
    view = getattr(import_module(module), attribute)
    schema = json_schema(view.result_type)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://sochelp.invalid/schema/{name}.json",
        **schema,
        "title": f"sochelp {name} --json",
    }


def render(name: str) -> str:
    """The schema file's text."""
    return json.dumps(schema_for(name), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(folder: Path = DEFAULT_FOLDER) -> list[Path]:
    """Write every schema to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in OUTPUTS:
        path = folder / f"{name}.json"
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER):
        sys.stdout.write(f"{path}\n")
