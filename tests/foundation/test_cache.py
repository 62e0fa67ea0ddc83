"""The validated-content cache: hits skip validation, any change or damage means a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.report.content import CONTACTS, Contact
from tests.foundation.minimal import write_minimal_content


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    return write_minimal_content(tmp_path / "bundled")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SOCHELP_CACHE_DIR", str(folder))
    return folder


def count_validations(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    original = Contact.model_validate

    def counting(obj: object, *args: object, **kwargs: object) -> Contact:
        calls.append(obj)
        return original(obj)

    monkeypatch.setattr(Contact, "model_validate", counting)
    return calls


def test_second_load_comes_from_the_cache(
    bundled: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_validations(monkeypatch)
    first = ContentStore(bundled=bundled).collection(CONTACTS)
    assert len(calls) == 2
    assert len(list(cache.glob("contacts-contact-*.pickle"))) == 1
    second = ContentStore(bundled=bundled).collection(CONTACTS)
    assert len(calls) == 2, "a cache hit must not validate again"
    assert second.items == first.items and second.origins == first.origins


def test_a_changed_file_is_validated_again(
    bundled: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ContentStore(bundled=bundled).collection(CONTACTS)
    path = bundled / "contacts" / "main.toml"
    path.write_text(path.read_text().replace("UK Line", "UK Helpline"), encoding="utf-8")
    calls = count_validations(monkeypatch)
    contacts = ContentStore(bundled=bundled).collection(CONTACTS)
    assert calls and contacts["uk-line"].name == "UK Helpline"
    assert len(list(cache.glob("contacts-contact-*.pickle"))) == 1, "old entries are removed"


def test_an_overlay_is_part_of_the_key(bundled: Path, cache: Path, tmp_path: Path) -> None:
    ContentStore(bundled=bundled).collection(CONTACTS)
    overlay = tmp_path / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "contacts" / "x.toml").write_text(
        '[[contact]]\nid = "uk-line"\nname = "Local"\nregions = ["scotland"]\nphone = "101"\n'
        'purpose = "p"\nsource = "https://example.org"\nchecked = 2026-01-01\n',
        encoding="utf-8",
    )
    contacts = ContentStore(overlay=overlay, bundled=bundled).collection(CONTACTS)
    assert contacts["uk-line"].name == "Local"


def test_problems_are_reported_the_same_from_the_cache(bundled: Path, cache: Path) -> None:
    path = bundled / "contacts" / "main.toml"
    path.write_text(path.read_text().replace('"0800 000 000"', '"oops"'), encoding="utf-8")
    first = ContentStore(bundled=bundled).collect(CONTACTS)[1]
    second = ContentStore(bundled=bundled).collect(CONTACTS)[1]
    assert first == second and any("phone" in str(p) for p in second)


def test_a_damaged_cache_entry_is_a_miss(
    bundled: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ContentStore(bundled=bundled).collection(CONTACTS)
    (entry,) = cache.glob("contacts-contact-*.pickle")
    entry.write_bytes(b"not a pickle")
    calls = count_validations(monkeypatch)
    assert len(ContentStore(bundled=bundled).collection(CONTACTS)) == 2
    assert calls


def test_an_unusable_cache_folder_does_not_matter(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SOCHELP_CACHE_DIR", str(blocker / "cache"))
    assert len(ContentStore(bundled=bundled).collection(CONTACTS)) == 2


def test_an_empty_setting_turns_the_cache_off(
    bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCHELP_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    ContentStore(bundled=bundled).collection(CONTACTS)
    calls = count_validations(monkeypatch)
    ContentStore(bundled=bundled).collection(CONTACTS)
    assert len(calls) == 2


def test_the_parsed_public_suffix_list_is_cached(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sochelp.message import suffixes

    suffixes.load_suffix_list.cache_clear()
    try:
        first = suffixes.load_suffix_list()
        assert len(list(cache.glob("public-suffix-list-*.pickle"))) == 1

        def no_parsing(text: str) -> suffixes.SuffixList:
            raise AssertionError("a cache hit must not parse the list again")

        monkeypatch.setattr(suffixes.SuffixList, "parse", no_parsing)
        suffixes.load_suffix_list.cache_clear()
        assert suffixes.load_suffix_list() == first
    finally:
        suffixes.load_suffix_list.cache_clear()
