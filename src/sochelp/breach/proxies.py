"""Which proxy the usual environment variables choose for a URL (no network, light imports)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit


def proxy_for(url: str, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """(variable name, proxy URL) that the usual environment variables choose for ``url``, or
    None for a direct connection. A value without a scheme means http://, as curl reads it."""
    parts = urlsplit(url)
    lowered: dict[str, tuple[str, str]] = {}
    for name, value in environ.items():
        key = name.lower()
        # Lower-case names win, as curl and urllib do.
        if key not in lowered or name == key:
            lowered[key] = (name, value)
    if _bypassed(parts.hostname or "", parts.port, lowered.get("no_proxy", ("", ""))[1]):
        return None
    for key in (f"{parts.scheme}_proxy", "all_proxy"):
        name, value = lowered.get(key, ("", ""))
        if value.strip():
            text = value.strip()
            return name, text if "://" in text else f"http://{text}"
    return None


def _bypassed(host: str, port: int | None, no_proxy: str) -> bool:
    host = host.lower().rstrip(".")
    for entry in no_proxy.replace(" ", "").split(","):
        entry = entry.lower()
        if not entry:
            continue
        if entry == "*":
            return True
        name, _, entry_port = entry.partition(":") if entry.count(":") == 1 else (entry, "", "")
        if entry_port and port is not None and entry_port != str(port):
            continue
        name = name.lstrip(".")
        if host == name or host.endswith("." + name):
            return True
    return False
