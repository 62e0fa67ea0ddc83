"""Where the bundled content is: ``sochelp/_content`` in an installed wheel, else the
repository's ``content/`` folder (a source checkout or an editable install)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: The sochelp package folder.
_PACKAGE = Path(__file__).resolve().parents[1]


def bundled_root() -> Traversable:
    """The content shipped with sochelp: inside the wheel, or the repository's ``content/``."""
    if _PACKAGE.is_dir():
        # Installed as files (every pip install): the folder importlib.resources would give,
        # without its machinery (a few milliseconds at every start).
        packaged: Traversable = _PACKAGE / "_content"
    else:
        from importlib import resources

        packaged = resources.files("sochelp") / "_content"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / "content"
