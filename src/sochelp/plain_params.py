"""Plain command-line values without pydantic: a start-up saving for every command.

Typer 0.29 turns each parameter's value into its Python type through a pydantic ``TypeAdapter``
that it builds when the value is first processed, even for a plain ``str`` or a missing value.
Building the first one imports pydantic (about 30 ms here, a sixth of a command's start-up),
which a Typer hello-world without parameters never pays. Every sochelp parameter is a plain
``str``, ``bool`` or ``Path``: :func:`install` has those coerced exactly as Typer's own adapters
do (a ``str`` kept, a ``bool`` flag kept, a ``Path`` made and then checked by Typer's own
``coerce_cli_path``), and hands anything else, and any value of another shape, to Typer.

It replaces Typer's private ``typer.core.build_runtime_param``; if a Typer release no longer
has the names it needs, it does nothing and Typer works as it always does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

_INSTALLED = "_sochelp_plain_params"
#: The private Typer function replaced (named by a constant: Typer does not export it).
_BUILDER = "build_runtime_param"


def install() -> bool:
    """Coerce plain ``str``, ``bool`` and ``Path`` parameters without pydantic; True if the
    Typer in use allows it (then and on later calls)."""
    try:
        from typer import _coercion, _param_types, core

        original = getattr(core, _BUILDER)
        runtime_param = _coercion.RuntimeParam
        coerce_cli_path = _param_types.coerce_cli_path
    except (ImportError, AttributeError):
        return False
    if getattr(original, _INSTALLED, False):
        return True

    @dataclass(frozen=True)
    class PlainRuntimeParam(runtime_param):  # type: ignore[misc, valid-type]
        """Typer's coercion for a plain parameter, with Typer's own as the fallback."""

        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation = self.annotation
            if annotation is str and isinstance(value, str):
                return value
            if annotation is bool and isinstance(value, bool):
                return value
            if annotation is Path and isinstance(value, (str, Path)):
                path = Path(value) if isinstance(value, str) else value
                return coerce_cli_path(
                    path, self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            return original(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build_runtime_param(descriptor: Any) -> Any:
        info = descriptor.parameter_info
        plain = (
            descriptor.file_annotation is None
            and info.parser is None
            and descriptor.annotation in (str, bool, Path)
            and (descriptor.annotation is not Path or info.path_type in (None, Path))
        )
        if not plain:
            return original(descriptor)
        return PlainRuntimeParam(
            parameter_info=info, annotation=descriptor.annotation, descriptor=descriptor
        )

    setattr(build_runtime_param, _INSTALLED, True)
    setattr(core, _BUILDER, build_runtime_param)
    return True
