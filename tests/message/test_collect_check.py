"""benchmarks/collect_check.py: a helper's candidate batch checked against the stored files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import collect_check
import message_sets as sets


def _record(text: str, *, label: str = "scam", family: str = "parcel-fee", **changes: Any) -> Any:
    record = {
        "id": sets.message_id(text),
        "text": text,
        "label": label,
        "kind": "sms",
        "family": family,
        "claimed_sender": None,
        "source": f"https://example.org/{sets.message_id(text)}",
        "source_title": "a page — example.org (aimed at the UK)",
        "also_sources": [],
        "collected": "2026-12-04",
        "split": "fresh-99",
    }
    record.update(changes)
    return record


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    folder = tmp_path / "stored"
    folder.mkdir()
    _write(
        folder / "fresh-1.jsonl",
        [
            _record(
                "Your parcel could not be delivered, pay the 1.99 fee at the link today",
                source="https://www.news.example/scam-texts/",
            )
        ],
    )
    return folder


def _check(tmp_path: Path, stored: Path, records: list[dict[str, Any]]) -> tuple[list[str], str]:
    path = _write(tmp_path / "cand.jsonl", records)
    report = collect_check.check(path, [], "fresh-99", stored)
    return report.problems, report.summary


def test_a_clean_file_has_no_problems(tmp_path: Path, stored: Path) -> None:
    records = [
        _record("Hi mum my phone broke, this is my new number, save it please"),
        _record("Choir practice moves to Thursday at 7pm", label="genuine", family="genuine-club"),
    ]
    problems, summary = _check(tmp_path, stored, records)
    assert problems == []
    assert summary == "2 records (1 scam, 1 genuine), 2 pages, 0 problems"


def test_a_used_page_is_found_whatever_its_www_slash_and_case(tmp_path: Path, stored: Path) -> None:
    record = _record(
        "A different text altogether about a toll", source="https://news.example/Scam-Texts"
    )
    (problem,) = _check(tmp_path, stored, [record])[0]
    assert "already used in fresh-1.jsonl" in problem


def test_page_naming_query_keys_tell_pages_apart() -> None:
    assert collect_check.page_key("https://blog.example/?p=398") != collect_check.page_key(
        "https://blog.example/?p=399"
    )
    assert collect_check.page_key("https://blog.example/a?utm_source=x") == "blog.example/a"


def test_a_github_file_is_one_page_at_every_commit_or_branch() -> None:
    key = collect_check.page_key
    at_commit = key("https://github.com/Someone/notes/blob/4f2a9c1e/posts/scam.md")
    assert at_commit == key("https://github.com/someone/notes/blob/main/posts/scam.md")
    assert at_commit == key(
        "https://raw.githubusercontent.com/someone/notes/gh-pages/posts/scam.md"
    )
    assert at_commit == key("https://github.com/someone/notes/blame/v2/posts/scam.md")
    assert at_commit != key("https://github.com/someone/notes/blob/main/posts/other.md")
    assert at_commit != key("https://github.com/someone-else/notes/blob/main/posts/scam.md")
    # Issues keep their number.
    assert key("https://github.com/o/r/issues/1") != key("https://github.com/o/r/issues/2")


def test_a_stored_text_cut_shorter_is_a_near_duplicate(tmp_path: Path, stored: Path) -> None:
    record = _record("Your parcel could not be delivered, pay the 1.99 fee")
    (problem,) = _check(tmp_path, stored, [record])[0]
    assert "near duplicate of a text in fresh-1.jsonl" in problem


def test_texts_in_other_scripts_are_compared_by_their_own_letters(
    tmp_path: Path, stored: Path
) -> None:
    _write(
        stored / "fresh-2.jsonl",
        [
            _record(
                "【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。",
                source="https://jp.example/a",
            )
        ],
    )
    records = [
        _record("【重要】お客様のアカウントが一時的に制限されました。確認してください。"),
        _record("Ваша посылка задержана на таможне, оплатите пошлину сегодня"),
        _record("🎁🎁🎁", label="genuine", family="genuine-club"),
        _record("🎄🎄", label="genuine", family="genuine-club"),
    ]
    problems, _ = _check(tmp_path, stored, records)
    assert problems == []
    copy = _record("【佐川急便】お荷物のお届けにあがりましたが不在の為持ち帰りました。")
    (problem,) = _check(tmp_path, stored, [copy])[0]
    assert "near duplicate of a text in fresh-2.jsonl" in problem


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "rm-000000000000"}, "id should be"),
        ({"label": "spam"}, "label must be"),
        ({"kind": "fax"}, "kind must be"),
        ({"family": "Parcel Fee"}, "lower-case-hyphenated"),
        ({"family": "genuine-" + "x" * 30}, "at most 32 characters"),
        ({"label": "genuine"}, "starts with 'genuine-'"),
        ({"family": "genuine-bank"}, "starts with 'genuine-'"),
        ({"split": "dev"}, "split must be"),
        ({"source": "http://example.org/x"}, "https://"),
    ],
)
def test_each_field_rule_is_checked(
    tmp_path: Path, stored: Path, changes: dict[str, Any], expected: str
) -> None:
    record = _record("Claim your prize of 500 pounds now by replying YES", **changes)
    problems = _check(tmp_path, stored, [record])[0]
    assert any(expected in problem for problem in problems), problems


def test_fields_out_of_order_are_a_problem(tmp_path: Path, stored: Path) -> None:
    record = _record("Claim your prize of 500 pounds now by replying YES")
    shuffled = {"text": record.pop("text"), **record}
    problems = _check(tmp_path, stored, [shuffled])[0]
    assert any("fields must be exactly" in problem for problem in problems)


def test_three_messages_from_one_page_are_too_many(tmp_path: Path, stored: Path) -> None:
    texts = ["First quoted scam about a refund", "Second one about a toll road", "Third: a prize"]
    records = [_record(text, source="https://blog.example/post") for text in texts]
    problems = _check(tmp_path, stored, records)[0]
    assert problems == ["page blog.example/post: 3 messages (at most 2 per page)"]


def test_the_main_command_exits_1_with_problems_and_notes_a_large_family(
    tmp_path: Path,
    stored: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sets, "REAL_DIR", stored)
    path = _write(
        tmp_path / "cand.jsonl",
        [
            _record("Pay the toll you owe at the link"),
            _record("Another toll you owe", kind="email"),
        ],
    )
    assert collect_check.main(["--split", "fresh-99", str(path)]) == 0
    out = capsys.readouterr().out
    assert "note: parcel-fee is 2 of 2 scams" in out
    assert out.rstrip().endswith("0 problems")
    bad = _write(tmp_path / "bad.jsonl", [_record("Pay the toll you owe", label="spam")])
    assert collect_check.main(["--split", "fresh-99", str(bad)]) == 1


def test_a_missing_or_broken_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert collect_check.main(["--split", "fresh-99", str(tmp_path / "none.jsonl")]) == 2
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "rm-1"}\n\n{not json\n', encoding="utf-8")
    assert collect_check.main(["--split", "fresh-99", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "collect_check.py:" in err
    # the file and line of the bad record, not only the parser's column
    assert "broken.jsonl:3:" in err


def test_a_record_without_a_source_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "short.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    assert collect_check.main(["--split", "fresh-99", str(path)]) == 2
    assert "a record has no 'source' field" in capsys.readouterr().err


def test_a_text_from_a_public_corpus_is_a_problem(tmp_path: Path, stored: Path) -> None:
    corpora = tmp_path / "corpora"
    corpora.mkdir()
    corpus_text = "WINNER!! As a valued network customer you have been selected to receive a prize"
    _write(corpora / "uci-sms-spam.jsonl", [{"label": "spam", "text": corpus_text}])
    path = _write(
        tmp_path / "cand.jsonl",
        [
            _record(corpus_text.upper() + "!"),
            _record("As a valued network customer you have been selected"),
            _record("Your council tax bill for this year is ready to view online"),
        ],
    )
    report = collect_check.check(path, [], "fresh-99", stored, corpora=corpora)
    assert report.problems == [
        "cand.jsonl:1: text is in the public corpus uci "
        "(a labelled data set the project already measures on)",
        "cand.jsonl:2: text is in the public corpus uci "
        "(a labelled data set the project already measures on)",
    ]
    assert collect_check.check(path, [], "fresh-99", stored).problems == []
