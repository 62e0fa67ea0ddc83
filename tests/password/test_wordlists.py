"""Packed word lists: the same mapping as a dict, and zxcvbn imported with them from the cache.

The import tests each run in a fresh interpreter: the packed path imports zxcvbn against a
stand-in for its word lists, which must not leak into other tests.
"""

from __future__ import annotations

import os
import pickle
import random
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sochelp.password import wordlists
from sochelp.password.wordlists import (
    LocalWords,
    OwnFirst,
    PackedRanks,
    group_key,
    rank_words,
    text_keys,
)

WORDS = ["password", "pass", "p", "pa", "passport", "dragon", "drag", "123456", "12", "é", "éclair"]
WORDS += ["İstanbul".lower(), "straße", "🐉", "a b", "x" * 60]


@pytest.fixture
def ranks() -> dict[str, int]:
    rng = random.Random(3)
    return {word: rng.randint(1, 10**6) for word in WORDS}


def test_packed_ranks_are_the_same_mapping(ranks: dict[str, int]) -> None:
    packed = PackedRanks.from_ranks(ranks)
    assert len(packed) == len(ranks)
    for word, rank in ranks.items():
        assert word in packed
        assert packed[word] == rank
    for absent in ("", "passw", "PASSWORD", "dragons", "1", "pä", "x" * 59):
        assert absent not in packed
        with pytest.raises(KeyError):
            packed[absent]
    assert 12 not in packed and None not in packed
    assert dict(packed) == ranks
    assert list(packed) == sorted(ranks, key=ranks.__getitem__)  # most common first
    assert packed == ranks


def test_lookups_unpack_only_the_groups_they_need(ranks: dict[str, int]) -> None:
    packed = PackedRanks.from_ranks(ranks)
    assert "passport" in packed
    table = packed.covering(set())
    assert set(table) == {w for w in ranks if group_key(w) == "pa"}
    covered = packed.covering(text_keys("DRAGON12"))
    assert {"dragon", "drag", "12", "password"} <= set(covered) and "é" not in covered


def test_every_substring_falls_in_a_group_of_its_text() -> None:
    rng = random.Random(5)
    alphabet = "aAbB1!éÉİßǅΣ\u0301\u200b🐉K "
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        keys = text_keys(text)
        lowered = text.lower()
        for i in range(len(lowered)):
            for j in range(i, len(lowered)):
                assert group_key(lowered[i : j + 1]) in keys, (text, i, j)


def test_a_word_with_a_line_break_cannot_be_packed() -> None:
    with pytest.raises(ValueError, match="line break"):
        PackedRanks.from_ranks({"one\ntwo": 1})


def test_pickles_packed_and_small(ranks: dict[str, int]) -> None:
    packed = PackedRanks.from_ranks(ranks)
    assert "dragon" in packed  # unpacked groups are not pickled
    again = pickle.loads(pickle.dumps(packed))
    assert isinstance(again, PackedRanks)
    assert again.covering(set()) == {}
    assert dict(again) == ranks


def test_threads_unpacking_the_same_groups_agree() -> None:
    rng = random.Random(8)
    words = list(
        dict.fromkeys("".join(rng.choice("abcdefgh") for _ in range(5)) for _ in range(30000))
    )
    ranks = {word: n for n, word in enumerate(words, 1)}
    for _ in range(3):
        packed = PackedRanks.from_ranks(ranks)
        orders = [rng.sample(words, len(words)) for _ in range(8)]

        def look_up(order: list[str], packed: PackedRanks = packed) -> list[int]:
            return [packed[word] for word in order]

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(look_up, orders))
        for order, result in zip(orders, results, strict=True):
            assert result == [ranks[word] for word in order]


def test_pairs_of_a_password_that_start_no_listed_word_are_not_remembered(
    ranks: dict[str, int],
) -> None:
    # What stays in memory after a rating is dictionary data only: the groups that exist.
    packed = PackedRanks.from_ranks(ranks)
    packed.covering(text_keys("Zq#7dragon"))
    remembered = packed._done  # the groups unpacked so far
    assert remembered <= {group_key(word) for word in ranks}
    assert {"zq", "q#", "#7", "7d"}.isdisjoint(remembered) and "dr" in remembered
    both = OwnFirst({}, packed)
    both.covering(text_keys("Zq#7dragon"))
    assert {"zq", "q#", "#7", "7d"}.isdisjoint(both._done)


def test_own_words_come_first_then_the_local_ones_moved_past_them() -> None:
    local = {"rover": 1, "glasgow": 2, "celtic": 3, "celtic1888": 4}
    own = rank_words(["Celtic", "Smith"])
    merged = dict(own)
    for word, rank in local.items():  # what strength did with a plain dict of local words
        merged.setdefault(word, rank + len(own))
    both = OwnFirst(own, PackedRanks.from_ranks(local))
    table = both.covering(text_keys("celtic1888smithrovers"))
    # Every word of the groups needed, with the rank the merged dict gives it; "glasgow"'s group
    # was not needed.
    assert table == {word: rank for word, rank in merged.items() if word != "glasgow"}


def test_local_words_are_a_sequence_of_words() -> None:
    words = LocalWords.of(["Glasgow", "hibs1875", "glasgow", "", "Celtic"])
    assert list(words) == ["glasgow", "hibs1875", "celtic"]
    assert len(words) == 3 and words[1] == "hibs1875" and words[-1] == "celtic"
    assert words[:2] == ("glasgow", "hibs1875")
    assert "celtic" in words and "Celtic" not in words and 3 not in words
    assert words == ("glasgow", "hibs1875", "celtic") and words == LocalWords.of(words)
    assert words != ("glasgow",)
    assert words.ranks == rank_words(["glasgow", "hibs1875", "celtic"])
    again = pickle.loads(pickle.dumps(words))
    assert list(again) == list(words)


# --- zxcvbn imported with the packed lists, each in a fresh interpreter ----------------------

_PROBE = """\
import json, sys
from sochelp.password import wordlists
from sochelp.password.strength import evaluate
report = evaluate("Hibernian1875!", ["hibs"], ())
matching = wordlists.zxcvbn_matching()
packed = all(isinstance(t, wordlists.PackedRanks) for t in matching.RANKED_DICTIONARIES.values())
real_lists = "zxcvbn.frequency_lists" in sys.modules
from zxcvbn import zxcvbn  # zxcvbn's own function, with whatever dicts were loaded
from zxcvbn.frequency_lists import FREQUENCY_LISTS  # the real lists, whatever the path
stock = zxcvbn("dragon1987sm1th", ["rover"])
print(json.dumps({
    "packed": packed,
    "real_lists_imported": real_lists,
    "lists": len(FREQUENCY_LISTS["passwords"]),
    "report": [report.score, report.guesses_log10, report.warning, report.local_warnings],
    "stock": [stock["score"], str(stock["guesses"]), [m["token"] for m in stock["sequence"]]],
}))
"""


def _run(cache: str, *, prelude: str = "") -> dict[str, object]:
    import json

    env = {**os.environ, "SOCHELP_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", prelude + _PROBE], env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout)
    return result


def _lists_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("zxcvbn_lists-*.pickle"))


def test_a_warm_cache_imports_zxcvbn_without_its_word_lists(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = _run(str(cache))
    assert cold["packed"] is False and cold["real_lists_imported"] is True
    assert len(_lists_files(cache)) == 1  # packed for next time
    warm = _run(str(cache))
    assert warm["packed"] is True and warm["real_lists_imported"] is False
    # The same ratings, from sochelp and from zxcvbn's own function; the real lists still import.
    assert warm["report"] == cold["report"] and warm["stock"] == cold["stock"]
    assert warm["lists"] == cold["lists"] == 30000


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle", pickle.dumps({"passwords": {}}), pickle.dumps((("passwords", 1),))],
    ids=["empty", "garbage", "wrong-type", "wrong-entry"],
)
def test_a_damaged_cache_entry_takes_the_plain_path_and_is_rebuilt(
    tmp_path: Path, damage: bytes
) -> None:
    cache = tmp_path / "cache"
    reference = _run(str(cache))
    (entry,) = _lists_files(cache)
    entry.write_bytes(damage)
    damaged = _run(str(cache))
    assert damaged["packed"] is False and damaged["real_lists_imported"] is True
    assert damaged["report"] == reference["report"] and damaged["stock"] == reference["stock"]
    assert entry.read_bytes() != damage
    assert _run(str(cache))["packed"] is True


def test_no_cache_means_the_plain_path(tmp_path: Path) -> None:
    result = _run("")
    assert result["packed"] is False and result["real_lists_imported"] is True


def test_an_unchecked_zxcvbn_release_takes_the_plain_path(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(str(cache))
    unchecked = "from sochelp.password import wordlists\nwordlists.CHECKED_ZXCVBN = frozenset()\n"
    result = _run(str(cache), prelude=unchecked)
    assert result["packed"] is False and result["real_lists_imported"] is True


def _zxcvbn_copy(tmp_path: Path) -> Path:
    folder = wordlists._zxcvbn_folder()
    assert folder is not None
    copy = tmp_path / "site" / "zxcvbn"
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "site" / "zxcvbn-4.5.0.dist-info").mkdir()
    return copy


def _entry(copy: Path) -> tuple[object, ...]:
    ranked = {"passwords": {"123456": 1, "password": 2}, "surnames": {"smith": 1}}
    entry = wordlists.pack_lists(copy, ranked)
    assert entry is not None
    return entry


def test_the_key_follows_zxcvbn_version_and_place(tmp_path: Path) -> None:
    copy = _zxcvbn_copy(tmp_path)
    key = wordlists.lists_key(copy)
    assert key is not None and key.startswith("zxcvbn_lists-")
    assert wordlists.lists_key(copy) == key
    site = tmp_path / "site"
    (site / "zxcvbn-4.5.0.dist-info").rename(site / "zxcvbn-4.5.1.dist-info")
    assert wordlists.lists_key(copy) not in (None, key)
    assert wordlists.lists_key(wordlists._zxcvbn_folder()) != key


def test_an_entry_holds_while_zxcvbn_is_unchanged(tmp_path: Path) -> None:
    copy = _zxcvbn_copy(tmp_path)
    entry = _entry(copy)
    lists = wordlists.valid_lists(entry, copy)
    assert lists is not None and list(lists) == ["passwords", "surnames"]
    assert lists["passwords"]["password"] == 2
    # Touched but the same: hashed again, still valid.
    lists_file = copy / "frequency_lists.py"
    os.utime(lists_file, ns=(10**18, 10**18))
    assert wordlists.valid_lists(entry, copy) is not None
    assert wordlists.valid_lists(pickle.loads(pickle.dumps(entry)), copy) is not None


def test_changed_word_lists_invalidate_the_entry(tmp_path: Path) -> None:
    copy = _zxcvbn_copy(tmp_path)
    entry = _entry(copy)
    lists = copy / "frequency_lists.py"
    before = lists.stat()
    text = lists.read_text().replace('"123456,password,', '"password,123456,', 1)
    lists.write_text(text)
    os.utime(lists, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    assert lists.stat().st_size == before.st_size  # only the contents tell
    assert wordlists.valid_lists(entry, copy) is None


@pytest.mark.parametrize(
    "broken",
    [None, (), ("a", "b", "c"), ((), (), ()), ((), (("x", "not bytes"),), (("passwords", 1),))],
)
def test_a_malformed_entry_is_refused(tmp_path: Path, broken: object) -> None:
    assert wordlists.valid_lists(broken, _zxcvbn_copy(tmp_path)) is None


def test_a_changed_zxcvbn_module_is_not_trusted(tmp_path: Path) -> None:
    copy = _zxcvbn_copy(tmp_path)
    entry = _entry(copy)
    matching = copy / "matching.py"
    matching.write_text(matching.read_text() + "\n# changed\n")
    assert wordlists.valid_lists(entry, copy) is None
    assert wordlists.pack_lists(copy, {"passwords": {"a": 1}}) is None  # not a checked release
    matching.unlink()
    assert wordlists.pack_lists(copy, {"passwords": {"a": 1}}) is None


def test_the_installed_zxcvbn_is_a_checked_release() -> None:
    # If this fails after a zxcvbn upgrade, read its modules: if matching still reads the lists
    # only through RANKED_DICTIONARIES, filled at import from FREQUENCY_LISTS, add its digest.
    folder = wordlists._zxcvbn_folder()
    assert folder is not None
    digest = wordlists._reviewed_digest(wordlists._module_digests(folder))
    assert digest in wordlists.CHECKED_ZXCVBN, digest


def test_help_never_imports_zxcvbn_and_password_never_its_word_lists(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SOCHELP_CACHE_DIR": str(tmp_path / "cache"),
        "SOCHELP_DATA_DIR": str(tmp_path / "data"),
    }
    probe = (
        "import sys\nfrom sochelp.cli import main\nrc = main({argv!r})\n"
        "print('LOADED=' + ','.join(m for m in ('zxcvbn', 'zxcvbn.frequency_lists') "
        "if m in sys.modules), file=sys.stderr)\n"
    )
    for argv, stdin, expected in (
        (["--help"], "", ""),
        (["password", "--help"], "", ""),
        (["password", "--no-breach-check"], "Kettle-Comet-Pencil-42\n", "zxcvbn"),
    ):
        for _ in range(2):  # the second run is warm
            out = subprocess.run(
                [sys.executable, "-c", probe.format(argv=argv)],
                input=stdin,
                env=env,
                capture_output=True,
                text=True,
            )
        assert out.stderr.rsplit("LOADED=", 1)[1].strip() == expected, (argv, out.stderr)


def test_an_unusable_cache_folder_takes_the_plain_path_without_packing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert not wordlists._writable(blocker / "cache")
    assert not wordlists._writable(None)
    assert wordlists._writable(tmp_path / "new" / "cache")
    result = _run(str(blocker / "cache"))
    assert result["packed"] is False and result["real_lists_imported"] is True
