"""The breach options ``password`` and ``audit`` share: contradictions refused, one source."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.breach.api import RangeApiSource
from sochelp.breach.choice import BreachOptions
from sochelp.errors import UsageError


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (BreachOptions(skip=True, offline=Path("x")), "--no-breach-check and --offline"),
        (
            BreachOptions(offline=Path("x"), api_url="https://a.example", api_url_typed=True),
            "--offline and --api-url",
        ),
    ],
)
def test_contradicting_options_are_refused(options: BreachOptions, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        options.check()


def test_an_address_from_the_environment_does_not_contradict_offline() -> None:
    options = BreachOptions(offline=Path("x"), api_url="https://a.example", api_url_typed=False)
    options.check()  # no UsageError: $SOCHELP_RANGE_API is simply not used with --offline
    assert options.offline == Path("x") and not options.skip


def test_no_source_without_the_check_and_the_range_service_otherwise() -> None:
    assert BreachOptions(skip=True).open() is None
    source = BreachOptions(api_url="http://127.0.0.1:9", timeout=3.0).open()
    try:
        assert isinstance(source, RangeApiSource)
    finally:
        assert source is not None
        source.close()
