"""Hypothesis profiles for the fuzz suite.

``ci`` (the default) keeps each property to a few seconds so the suite fits in CI;
``SOCHELP_FUZZ=long`` runs many more cases for a soak (see README, Development). No example
database is written: runs stay reproducible from the printed seed and leave no files behind.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=5_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("long" if os.environ.get("SOCHELP_FUZZ") == "long" else "ci")
