"""Fuzzing the content loader: overlay files of random structure, random bytes, strings full of
controls, huge values and deep nesting, in every content folder. Loading never raises (every
fault is a problem naming the file, shown safely); an overlay whose items are valid but whose
texts are hostile is shown by report without a control character, and no run exits 70."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import json
import math
import tempfile
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sochelp.content.store import CollectionSpec, ContentStore
from sochelp.errors import ContentProblem
from sochelp.render import safe
from tests.conftest import run_cli
from tests.fuzz.hostile_text import examples, hostile_text
from tests.hostile.terminal import foreign_sequences

pytestmark = pytest.mark.fuzz

#: Every content folder, its table, and the checker that reads it (with its cross-checks).
FOLDERS: dict[str, tuple[str, str, str]] = {
    "contacts": ("sochelp.report.content", "CONTACTS", "check"),
    "situations": ("sochelp.report.content", "SITUATIONS", "check"),
    "emergency": ("sochelp.report.content", "BANNERS", "check"),
    "signs": ("sochelp.signs.content", "GUIDES", "check"),
    "checkup": ("sochelp.checkup.content", "ITEMS", "check"),
    "checkup_schedule": ("sochelp.checkup.schedule", "SCHEDULES", "check"),
    "quiz": ("sochelp.quiz.content", "QUESTIONS", "check"),
    "red_flags": ("sochelp.redflags", "RED_FLAGS", "check"),
    "message_rules": ("sochelp.message.content", "RULES", "check"),
    "organisations": ("sochelp.message.content", "ORGANISATIONS", "check"),
    "link_rules": ("sochelp.message.content", "DOMAIN_LISTS", "check"),
    "password/advice": ("sochelp.password.content", "ADVICE", "check"),
    "sources": ("sochelp.content.sources", "ALLOWED", "check"),
}

#: Keys the models use, so random items often get past "unknown key" to the values.
_KEY_WORDS = (
    "id name regions phone text email web hours purpose not_for source confidence checked "
    "title summary urgent keywords steps signs sources lines replaces_official kind groups do "
    "dont report_situation see_also audience section question why effort impact links format "
    "topics audiences difficulty prompt reviewed scenario medium from body choices correct "
    "answer red_flags explanation what_to_do pattern weight domains aliases contacts scotland "
    "england-wales northern-ireland"
)
KEYS = _KEY_WORDS.split()

_text = hostile_text(12)
_scalar = st.one_of(
    _text,
    st.sampled_from(["scotland", "individual", "primary", "https://example.org/x", "0800 1"]),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
_key = st.one_of(st.sampled_from(KEYS), _text.filter(bool))
_value = st.recursive(
    _scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_key, inner, max_size=5)),
    max_leaves=25,
)


def _toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"


@st.composite
def documents(draw: st.DrawFn, table: str) -> bytes:
    """A content file: mostly a TOML array of items of the right table, sometimes anything."""
    kind = draw(st.sampled_from(["items", "items", "items", "any", "text", "bytes", "deep"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "text":
        return draw(hostile_text()).encode("utf-8")
    if kind == "deep":
        depth = draw(st.integers(min_value=1, max_value=3000))
        opening, closing = draw(st.sampled_from([("[", "]"), ("{a = ", "}")]))
        return f"{table} = {opening * depth}1{closing * depth}".encode()
    if kind == "any":
        body = draw(st.dictionaries(_key, _value, max_size=4))
    else:
        body = {table: draw(st.lists(st.dictionaries(_key, _value, max_size=8), max_size=4))}
    return "\n".join(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in body.items()).encode()


@contextlib.contextmanager
def _overlay(files: dict[str, bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for relative, raw in files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
        yield root


def _check(folder: str) -> tuple[CollectionSpec[Any], Callable[[ContentStore], list[Any]]]:
    module_name, spec_name, check_name = FOLDERS[folder]
    module = import_module(module_name)
    checker: Callable[[ContentStore], list[Any]] = getattr(module, check_name)
    return getattr(module, spec_name), checker


@functools.cache
def _bundled_ids(folder: str) -> frozenset[str]:
    spec, _ = _check(folder)
    return frozenset(ContentStore().collect(spec)[0].ids())


_file_name = st.one_of(
    st.just("fuzz.toml"),
    hostile_text(4).map(lambda t: t.replace("/", "").replace("\x00", "")[:60] + ".toml"),
)


@settings(max_examples=examples(0.3), suppress_health_check=list(HealthCheck))
@given(data=st.data(), folder=st.sampled_from(sorted(FOLDERS)), name=_file_name)
def test_any_file_in_any_content_folder_is_a_problem_or_loads(
    data: st.DataObject, folder: str, name: str
) -> None:
    spec, check = _check(folder)
    raw = data.draw(documents(spec.table))
    if name == ".toml":
        name = "x.toml"
    with _overlay({f"{folder}/{name}": raw}) as root:
        store = ContentStore(overlay=root)
        collection, problems = store.collect(spec)  # never raises
        problems = [*problems, *check(store)]
        for problem in problems:
            assert isinstance(problem, ContentProblem)
            assert safe.is_safe(str(problem)), repr(str(problem))
        # An overlay adds or replaces items, never takes sochelp's own away.
        assert _bundled_ids(folder) <= set(collection.ids())


def _contact(texts: dict[str, str]) -> str:
    return f"""[[contact]]
id = "fuzz-contact"
name = {_toml_string(texts["name"])}
regions = ["scotland", "england-wales", "northern-ireland"]
phone = "0800 123 4567"
hours = {_toml_string(texts["hours"])}
purpose = {_toml_string(texts["purpose"])}
not_for = {_toml_string(texts["not_for"])}
source = "https://example.org/fuzz"
checked = 2026-01-01
"""


def _situation(texts: dict[str, str]) -> str:
    regions = "\n".join(
        f'[situation.regions.{region}]\ncontacts = ["fuzz-contact", "emergency-999"]'
        for region in ("scotland", "england-wales", "northern-ireland")
    )
    return f"""[[situation]]
id = "fuzz-case"
title = {_toml_string(texts["title"])}
summary = {_toml_string(texts["summary"])}
urgent = true
keywords = [{_toml_string(texts["keyword"])}]
steps = [{_toml_string(texts["step"])}, {_toml_string(texts["step2"])}]
{regions}
"""


_fields = ["name", "hours", "purpose", "not_for", "title", "summary", "keyword", "step", "step2"]
_huge = st.builds(lambda piece, n: piece * n, hostile_text(6), st.integers(1, 400))


@settings(max_examples=examples(0.15), suppress_health_check=list(HealthCheck))
@given(texts=st.fixed_dictionaries({f: st.one_of(hostile_text(), _huge) for f in _fields}))
def test_hostile_texts_in_valid_items_are_shown_safely(texts: dict[str, str]) -> None:
    files = {
        "contacts/fuzz.toml": _contact(texts).encode(),
        "situations/fuzz.toml": _situation(texts).encode(),
    }
    with _overlay(files) as root:
        plain = run_cli(["--content-dir", str(root), "report", "fuzz-case"])
        as_json = run_cli(["--content-dir", str(root), "report", "fuzz-case", "--json"])
        assert plain.exit_code == as_json.exit_code
        assert plain.exit_code in (0, 2), plain.stderr
        for text in (plain.stdout, plain.stderr, as_json.stdout, as_json.stderr):
            assert safe.is_safe(text)
        if plain.exit_code == 2:
            return  # refused (a text empty or over 2,000 characters): said on one line
        assert "From your local content" in plain.stdout
        data = json.loads(as_json.stdout)
        assert all(safe.stored(v) == v for v in _json_strings(data))
        rich = _rich_report(root)
        assert not foreign_sequences(rich), foreign_sequences(rich)[:3]


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _rich_report(root: Path) -> str:
    from sochelp.environment import Environment, OutputMode
    from sochelp.render import show
    from sochelp.render.report import REPORT_VIEW
    from sochelp.report import content, core
    from sochelp.scopes import Region

    loaded = content.load(ContentStore(overlay=root))
    result = core.build_report(loaded, "fuzz-case", Region.SCOTLAND, today=dt.date(2026, 12, 1))
    out = io.StringIO()
    show(
        REPORT_VIEW,
        result,
        OutputMode.RICH,
        Environment(io.StringIO(), out, out, False, True, False, True),
    )
    return out.getvalue()


@settings(max_examples=examples(0.05), suppress_health_check=list(HealthCheck))
@given(data=st.data(), folder=st.sampled_from(sorted(FOLDERS)))
def test_content_check_of_a_random_overlay_never_exits_70(data: st.DataObject, folder: str) -> None:
    spec, _ = _check(folder)
    raw = data.draw(documents(spec.table))
    with _overlay({f"{folder}/fuzz.toml": raw}) as root:
        for args in (["content", "check", str(root)], ["--content-dir", str(root), "about"]):
            done = run_cli(args)
            assert done.exit_code in (0, 1, 2), done.stderr
            assert safe.is_safe(done.stdout) and safe.is_safe(done.stderr)
