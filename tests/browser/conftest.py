"""One headless chromium per test worker, shared by the browser tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.cdp import Browser


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """A running headless chromium (fails with the install command when it is missing)."""
    instance = Browser.launch(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield instance
    finally:
        instance.close()
