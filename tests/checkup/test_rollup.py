"""checkup --rollup: 200 generated returns across two audiences, with broken, duplicate and
future-version files mixed in; every figure checked against a computation done by hand here."""

from __future__ import annotations

import csv
import functools
import io
import json
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sochelp.checkup import content as checkup_content
from sochelp.checkup.content import Item
from sochelp.checkup.returns import return_id
from sochelp.content.store import ContentStore
from sochelp.render import schema
from sochelp.render.rollup import _cell
from sochelp.scopes import Audience
from tests.conftest import run_cli

CHOICES = ["yes", "partly", "no", "na", None]
POINTS = {"yes": 1.0, "partly": 0.5, "no": 0.0}
SECRET_NAME = "Morag Hypothetical-Person"
SECRET_NOTE = "FREE-TEXT-NOTE-7731"


@functools.cache
def items_of(audience: str) -> tuple[Item, ...]:
    return checkup_content.load(ContentStore()).for_audience(Audience(audience))


def make_answers(rng: random.Random, items: tuple[Item, ...]) -> dict[str, str]:
    answers = {}
    for item in items:
        choice = rng.choice(CHOICES)
        if choice is not None:
            answers[item.id] = choice
    return answers


def write_returns(folder: Path) -> dict[str, list[dict[str, str]]]:
    """120 business and 80 finance returns (some as full --json results, some with names and
    notes that must never come out), plus 3 broken, 2 duplicate and 1 future-version file."""
    rng = random.Random(14)
    folder.mkdir()
    kept: dict[str, list[dict[str, str]]] = {"business": [], "finance": []}
    for n in range(200):
        audience = "business" if n < 120 else "finance"
        answers = make_answers(rng, items_of(audience))
        when = f"2026-11-{1 + n % 28:02d}T09:{n % 60:02d}:00+00:00"
        complete = len(answers) == len(items_of(audience))
        document: dict[str, Any]
        if n % 3 == 0:  # the full `checkup --json` result, as some staff will send
            document = {
                "audience": audience,
                "title": SECRET_NAME,
                "complete": complete,
                "answered": len(answers),
                "total": 10,
                "score": 1,
                "sections": [],
                "answers": answers,
                "plan": [{"why": SECRET_NOTE}],
                "date": when,
            }
        else:
            document = {
                "kind": "sochelp-checkup-return",
                "version": 1,
                "id": return_id(audience, when, answers),
                "audience": audience,
                "date": when[:10],
                "complete": complete,
                "answers": answers,
                "name": SECRET_NAME,
                "notes": SECRET_NOTE,
            }
        if n == 7:
            document["answers"] = {**answers, SECRET_NAME: "yes"}  # an unknown "item"
        (folder / f"return-{n:03d}.json").write_text(json.dumps(document), encoding="utf-8")
        kept[audience].append(answers)
    (folder / "zz-broken.json").write_text("{not json", encoding="utf-8")
    (folder / "zz-list.json").write_text("[1, 2]", encoding="utf-8")
    bad = {
        "kind": "sochelp-checkup-return",
        "version": 1,
        "id": "0" * 16,
        "audience": "business",
        "complete": True,
        "answers": {"biz-backups": "maybe"},
    }
    (folder / "zz-maybe.json").write_text(json.dumps(bad), encoding="utf-8")
    future = {**bad, "version": 2, "answers": {}}
    (folder / "zz-future.json").write_text(json.dumps(future), encoding="utf-8")
    for n in (1, 3):  # copies of a return, and of a full result
        (folder / f"zz-copy-{n}.json").write_text(
            (folder / f"return-{n:03d}.json").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (folder / "notes.txt").write_text(SECRET_NOTE, encoding="utf-8")  # not a .json: ignored
    return kept


# ------------------------------------------------------------------ by hand


def hand_score(items: tuple[Item, ...], answers: dict[str, str]) -> int | None:
    earned = possible = 0.0
    for item in items:
        answer = answers.get(item.id)
        if answer in POINTS:
            earned += POINTS[answer] * int(item.impact)
            possible += int(item.impact)
    if not possible:
        return None
    value = 100 * earned / possible
    return int(value + 0.5) if value % 1 != 0.5 else round(value)  # as Python's round()


def hand_quartiles(values: list[int]) -> tuple[float, float, float]:
    """Q1, median, Q3 by linear interpolation between closest ranks (QUARTILE.INC)."""
    ordered = sorted(values)
    n = len(ordered)

    def at(p: float) -> float:
        position = p * (n - 1)
        low = int(position)
        high = min(low + 1, n - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

    return at(0.25), at(0.5), at(0.75)


@pytest.fixture(scope="module")
def returns_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("rollup") / "returns"
    return folder, write_returns(folder)


def test_figures_match_a_hand_computation(returns_folder: tuple[Path, dict[str, Any]]) -> None:
    folder, kept = returns_folder
    result = run_cli(["checkup", "--rollup", str(folder), "--audience", "business", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema.schema_for("checkup-rollup"))
    items = items_of("business")
    answers = kept["business"]
    assert data["returns"] == 120
    assert data["complete"] == sum(1 for a in answers if len(a) == len(items))
    scores = [s for a in answers if (s := hand_score(items, a)) is not None]
    q1, median, q3 = hand_quartiles(scores)
    overall = data["overall"]
    assert overall["count"] == len(scores)
    assert overall["median"] == pytest.approx(median, abs=0.01)
    assert overall["q1"] == pytest.approx(q1, abs=0.01)
    assert overall["q3"] == pytest.approx(q3, abs=0.01)
    assert overall["iqr"] == pytest.approx(q3 - q1, abs=0.02)
    assert (overall["minimum"], overall["maximum"]) == (min(scores), max(scores))
    # Per section, the same by hand.
    for section in data["sections"]:
        members = tuple(i for i in items if i.section == section["name"])
        values = [s for a in answers if (s := hand_score(members, a)) is not None]
        s_q1, s_median, s_q3 = hand_quartiles(values)
        assert section["scores"]["median"] == pytest.approx(s_median, abs=0.01), section["name"]
        assert section["scores"]["q1"] == pytest.approx(s_q1, abs=0.01)
        assert section["scores"]["q3"] == pytest.approx(s_q3, abs=0.01)
    # Each item's counts.
    for item, counted in zip(items, data["items"], strict=True):
        given = [a.get(item.id) for a in answers]
        assert counted["id"] == item.id
        assert (
            counted["yes"],
            counted["partly"],
            counted["no"],
            counted["not_applicable"],
            counted["unanswered"],
        ) == tuple(given.count(c) for c in CHOICES)
    # Gaps: "no" count × impact, highest first; ties by partly then checklist order.
    expected = sorted(
        (
            (
                -[a.get(i.id) for a in answers].count("no") * int(i.impact),
                -[a.get(i.id) for a in answers].count("partly"),
                n,
                i.id,
            )
            for n, i in enumerate(items)
            if [a.get(i.id) for a in answers].count("no")
        )
    )
    assert [g["id"] for g in data["gaps"]] == [entry[3] for entry in expected]
    assert data["gaps"][0]["gap"] == -expected[0][0]
    # Left out: 3 malformed, 2 duplicates, 1 newer, 80 finance returns.
    assert data["left_out_counts"] == {
        "malformed": 3,
        "duplicate": 2,
        "newer-version": 1,
        "other-audience": 80,
    }
    named = {Path(e["file"]).name: e["reason"] for e in data["left_out"]}
    assert named["zz-broken.json"] == named["zz-list.json"] == named["zz-maybe.json"] == "malformed"
    assert named["zz-future.json"] == "newer-version"
    assert named["zz-copy-1.json"] == named["zz-copy-3.json"] == "duplicate"
    assert data["unknown_answers"] == 1


def test_mixed_audiences_are_refused(returns_folder: tuple[Path, dict[str, Any]]) -> None:
    folder, _ = returns_folder
    result = run_cli(["checkup", "--rollup", str(folder)])
    assert result.exit_code == 2
    assert "more than one audience: business (120), finance (80)" in result.stderr
    assert "--audience" in result.stderr


def test_finance_rollup_and_repeatable_paths(
    returns_folder: tuple[Path, dict[str, Any]],
) -> None:
    folder, _ = returns_folder
    files = sorted(folder.glob("return-1[2-9]*.json"))  # finance: 120-199
    result = run_cli(
        [
            "checkup",
            "--json",
            "--rollup",
            str(files[0]),
            "--rollup",
            str(files[1]),
            "--rollup",
            str(folder / "zz-future.json"),
        ]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["audience"] == "finance" and data["returns"] == 2
    assert data["left_out_counts"] == {"newer-version": 1}


@pytest.mark.parametrize("export", ["text", "markdown", "html", "csv", "json"])
def test_no_names_or_free_text_leave_a_return(
    returns_folder: tuple[Path, dict[str, Any]], export: str
) -> None:
    folder, _ = returns_folder
    args = ["checkup", "--rollup", str(folder), "--audience", "business"]
    if export == "json":
        args.append("--json")
    elif export != "text":
        args += ["--export", export]
    result = run_cli(args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    for secret in (SECRET_NAME, SECRET_NOTE, "Morag"):
        assert secret not in result.stdout and secret not in result.stderr


def test_csv_is_one_table(returns_folder: tuple[Path, dict[str, Any]]) -> None:
    folder, _ = returns_folder
    result = run_cli(
        ["checkup", "--rollup", str(folder), "--audience", "business", "--export", "csv"]
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    kinds = [r["row"] for r in rows]
    assert kinds[0] == "overall" and kinds.count("item") == len(items_of("business"))
    assert all(len(r) == len(rows[0]) for r in rows)
    assert rows[0]["returns"] == "120"
    assert _cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")' and _cell("Fine") == "Fine"


def test_nothing_usable(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    result = run_cli(["checkup", "--rollup", str(tmp_path)])
    assert result.exit_code == 2
    assert "no usable check-up returns" in result.stderr and "a.json" in result.stderr
    missing = run_cli(["checkup", "--rollup", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "is not a file or folder" in missing.stderr
    wrong = run_cli(["checkup", "--rollup", str(tmp_path), "--export", "json"])
    assert wrong.exit_code == 2


def test_export_json_is_a_return_without_personal_data(tmp_path: Path) -> None:
    out = tmp_path / "mine.json"
    result = run_cli(
        ["checkup", "business", "--no-save", "--export", "json", "--output", str(out)],
        input="y\np\nn\nna\ny\nn\ny\ny\nn\ny\n",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema.schema_for("checkup-return"))
    assert set(data) == {"kind", "version", "id", "audience", "date", "complete", "answers"}
    assert data["complete"] is True and len(data["date"]) == 10
    # The same saved check-up exported twice is one return to the roll-up.
    again = tmp_path / "again.json"
    again.write_bytes(out.read_bytes())
    rolled = run_cli(["checkup", "--rollup", str(tmp_path), "--json"])
    assert json.loads(rolled.stdout)["left_out_counts"] == {"duplicate": 1}


def test_rich_view_states_the_plain_views_facts(
    returns_folder: tuple[Path, dict[str, Any]],
) -> None:
    """As tests/test_views.py does for the golden results: the same facts in rich and plain."""
    from sochelp.checkup.content import AUDIENCE_TITLES
    from sochelp.checkup.rollup import choose_audience, read_returns, roll_up
    from sochelp.render.rollup import ROLLUP_VIEW
    from tests.test_views import _rich_text, _squash, facts

    folder, _ = returns_folder
    audience, returns = choose_audience(read_returns([folder]), Audience.BUSINESS)
    summary = roll_up(audience, AUDIENCE_TITLES[audience], items_of("business"), returns)
    rich = _squash(_rich_text(ROLLUP_VIEW, summary)).lower()
    missing = sorted(f for f in facts(ROLLUP_VIEW.as_text(summary)) if f.lower() not in rich)
    assert not missing


def test_a_huge_file_is_named_not_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.json"
    with big.open("wb") as handle:
        handle.truncate(5_000_000)  # sparse: costs no disk
    ok = tmp_path / "ok.json"
    ok.write_text(
        json.dumps(
            {
                "kind": "sochelp-checkup-return",
                "version": 1,
                "id": "a" * 16,
                "audience": "business",
                "complete": False,
                "answers": {},
            }
        ),
        encoding="utf-8",
    )
    result = run_cli(["checkup", "--rollup", str(tmp_path), "--json"])
    data = json.loads(result.stdout)
    assert data["returns"] == 1
    assert data["left_out"] == [
        {"file": str(big), "reason": "malformed", "detail": "larger than 1000 kB"}
    ]
