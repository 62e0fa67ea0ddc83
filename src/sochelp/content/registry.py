"""The content checkers of every capability, run by ``sochelp content check`` and by CI.

Each entry names a function ``check(store: ContentStore) -> list[ContentProblem]`` that loads the
capability's collections and runs its cross-checks. Add a line here when a capability adds content.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from sochelp.content.store import ContentStore
from sochelp.errors import ContentProblem

CHECKERS: tuple[str, ...] = (
    "sochelp.report.content:check",
    "sochelp.signs.content:check",
    "sochelp.redflags:check",
    "sochelp.checkup.content:check",
    "sochelp.checkup.schedule:check",
    "sochelp.quiz.content:check",
    "sochelp.password.content:check",
    "sochelp.message.content:check",
    "sochelp.content.sources:check",
    "sochelp.content.calendar:check",
    "sochelp.content.hidden:check",
)


#: Functions ``warnings(store) -> list[ContentProblem]`` listing what is allowed but must be seen
#: (an overlay that replaces official details with ``replaces_official = true``).
WARNINGS: tuple[str, ...] = ("sochelp.report.content:warnings",)


def _run_all(functions: tuple[str, ...], store: ContentStore) -> list[ContentProblem]:
    """What every named function finds, each finding once, in a stable order."""
    found: list[ContentProblem] = []
    for dotted in functions:
        module_name, _, function_name = dotted.partition(":")
        run: Callable[[ContentStore], list[ContentProblem]] = getattr(
            import_module(module_name), function_name
        )
        for item in run(store):
            if item not in found:
                found.append(item)
    return found


def warn_all(store: ContentStore) -> list[ContentProblem]:
    """Every warning of every registered capability, in a stable order."""
    return _run_all(WARNINGS, store)


def check_all(store: ContentStore) -> list[ContentProblem]:
    """Run every registered checker and return all problems, in a stable order."""
    return _run_all(CHECKERS, store)
