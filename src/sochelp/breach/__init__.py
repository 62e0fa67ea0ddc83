"""Breach lookups in the k-anonymity range model: only 5 hex characters of a SHA-1 leave.

Use :func:`open_source` to get a :class:`BreachSource` (range API, offline file or folder).
"""

from sochelp.breach.interface import BreachLookupError, BreachSource, BreachStatus, HashedPassword
from sochelp.breach.sources import open_source

__all__ = ["BreachLookupError", "BreachSource", "BreachStatus", "HashedPassword", "open_source"]
