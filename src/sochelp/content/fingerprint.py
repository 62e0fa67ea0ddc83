"""One hash of everything a whole-content result depends on, computed without pydantic or TOML.

``sochelp content check`` and ``sochelp about`` read every collection and run every cross-check;
their results depend only on the content files, sochelp's own code and the installed packages.
:func:`fingerprint` hashes all of them, so such a result can be kept in the content cache and
shown again while nothing has changed. Any change to any file means a different fingerprint,
and the full work is done again.

Hashed, in this order: sochelp's version, Python's version, the names (with versions) of every
package installed beside pydantic, every ``.py`` file of the sochelp package, and every file
(any kind) in the bundled content folder and in the local overlay folder, with its path.
Reading them takes a few milliseconds; importing pydantic alone takes about 100.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import sochelp

#: Content files larger than this are not hashed (and the fingerprint is not made): the
#: content loader refuses them anyway, and the full check reports them.
_MAX_FILE = 2_000_000
#: Never walk more files than this (an overlay pointed at a huge folder by mistake).
_MAX_FILES = 5_000


def bundled_root() -> Path:
    """The bundled content: inside the wheel, or the repository's ``content/``."""
    from sochelp.content.bundled import bundled_root

    return Path(str(bundled_root()))


def _files(root: Path) -> Iterator[Path]:
    """Every file under ``root``, in a stable order (hidden files and caches skipped)."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(folder) / name


def _installed() -> list[str]:
    """Names of the distributions installed beside pydantic (their versions are in the names)."""
    spec = find_spec("pydantic")
    if spec is None or spec.origin is None:
        return []
    site = Path(spec.origin).parent.parent
    try:
        return sorted(name for name in os.listdir(site) if name.endswith(".dist-info"))
    except OSError:
        return []


def fingerprint(overlay: Path | None, *extra: str) -> str | None:
    """A hex digest of everything whole-content results depend on (plus ``extra`` strings, such
    as today's date), or None when a file cannot be read, so that nothing is cached."""
    digest = hashlib.blake2b(digest_size=20)

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(data).to_bytes(8, "big") + data)

    add("versions", f"{sochelp.__version__}\0{sys.version}\0{'|'.join(extra)}".encode())
    add("installed", "\n".join(_installed()).encode())
    package = Path(sochelp.__file__).resolve().parent
    roots = [("code", package, ".py"), ("content", bundled_root(), "")]
    if overlay is not None:
        roots.append(("overlay", overlay, ""))
    count = 0
    try:
        for label, root, suffix in roots:
            if not root.is_dir():
                add(f"{label}:missing", b"")
                continue
            for path in _files(root):
                if suffix and path.suffix != suffix:
                    continue
                count += 1
                if count > _MAX_FILES or path.stat().st_size > _MAX_FILE:
                    return None
                add(f"{label}:{path.relative_to(root).as_posix()}", path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()
