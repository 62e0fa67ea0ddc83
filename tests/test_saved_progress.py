"""Progress saved by earlier versions loads with every answer kept, through the one store API;
files that cannot be used are moved aside with a notice, never lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sochelp.checkup.engine import Answer
from sochelp.checkup.progress import CheckupStore
from sochelp.quiz.engine import Card, SessionRecord
from sochelp.quiz.progress import QuizStore
from sochelp.session.store import ProgressFile

# Exactly what sochelp 0.x wrote before the session engine was shared (quiz and check-up).
QUIZ_V1 = {
    "version": 1,
    "data": {
        "questions": {
            "t-hi-mum": {"box": 2, "due": "2026-11-27", "seen": 3, "right": 2},
            "t-parcel-fee": {"box": 1, "due": "2026-11-25", "seen": 1, "right": 0},
        },
        "sessions": [
            {
                "started": "2026-11-25T10:00:00",
                "asked": 2,
                "correct": 1,
                "seen": {"urgency": 2, "small-fee": 1},
                "missed": {"small-fee": 1},
            },
            {"started": "2026-11-26T09:30:12", "asked": 1, "correct": 1, "seen": {}, "missed": {}},
        ],
    },
}
CHECKUP_V1 = {
    "version": 1,
    "data": {
        "audiences": {
            "business": {
                "history": [
                    {
                        "completed": "2026-11-20T09:00:00+00:00",
                        "answers": {"biz-backups": "yes", "biz-mfa": "no", "biz-plan": "na"},
                    }
                ],
                "unfinished": {
                    "answers": {"biz-backups": "partly", "biz-mfa": "yes"},
                    "updated": "2026-11-25T10:00:00+00:00",
                },
            },
            "individual": {"history": []},
        }
    },
}


def _write(folder: Path, name: str, document: object) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def test_quiz_progress_of_today_loads_whole(_isolated_user_files: Path) -> None:
    _write(_isolated_user_files, "quiz-progress", QUIZ_V1)
    store = QuizStore.open()
    assert store.notices == []
    assert store.progress.cards == {
        "t-hi-mum": Card(2, dt.date(2026, 11, 27), 3, 2),
        "t-parcel-fee": Card(1, dt.date(2026, 11, 25), 1, 0),
    }
    assert store.progress.sessions == [
        SessionRecord(
            "2026-11-25T10:00:00", 2, 1, {"urgency": 2, "small-fee": 1}, {"small-fee": 1}
        ),
        SessionRecord("2026-11-26T09:30:12", 1, 1, {}, {}),
    ]
    assert store.save()  # and writes it back in the same format
    saved = json.loads((_isolated_user_files / "quiz-progress.json").read_text())
    assert saved == QUIZ_V1


def test_checkup_answers_of_today_load_whole(_isolated_user_files: Path) -> None:
    _write(_isolated_user_files, "checkup", CHECKUP_V1)
    store = CheckupStore.open()
    assert store.file.notices == []
    business = store.get("business")
    assert business.unfinished is not None
    assert business.unfinished.answers == {"biz-backups": Answer.PARTLY, "biz-mfa": Answer.YES}
    assert business.unfinished.updated == "2026-11-25T10:00:00+00:00"
    done = business.last_completed
    assert done is not None and done.completed == "2026-11-20T09:00:00+00:00"
    assert done.answers == {
        "biz-backups": Answer.YES,
        "biz-mfa": Answer.NO,
        "biz-plan": Answer.NOT_APPLICABLE,
    }
    store.save_unfinished("business", business.unfinished.answers, "2026-11-25T10:00:00+00:00")
    saved = json.loads((_isolated_user_files / "checkup.json").read_text())
    assert saved == CHECKUP_V1


@pytest.mark.parametrize(
    ("name", "body", "reason"),
    [
        ("quiz-progress", "{not json", "corrupt"),
        ("quiz-progress", json.dumps({"version": 9, "data": {}}), "v9"),
        (
            "quiz-progress",
            json.dumps({"version": 1, "data": {"questions": {"a": {"box": 9}}}}),
            "invalid",
        ),
        (
            "checkup",
            json.dumps({"version": 1, "data": {"audiences": {"x": {"history": 3}}}}),
            "invalid",
        ),
        (
            "checkup",
            json.dumps(
                {
                    "version": 1,
                    "data": {
                        "audiences": {
                            "x": {"history": [{"completed": "d", "answers": {"a": "maybe"}}]}
                        }
                    },
                }
            ),
            "invalid",
        ),
    ],
)
def test_unusable_files_are_moved_aside_with_a_notice(
    _isolated_user_files: Path, name: str, body: str, reason: str
) -> None:
    path = _isolated_user_files / f"{name}.json"
    path.write_text(body, encoding="utf-8")
    notices: list[str] = []
    if name == "quiz-progress":
        store_notices = QuizStore.open(notify=notices.append).notices
    else:
        store_notices = CheckupStore.open(notify=notices.append).file.notices
    assert notices == store_notices and len(notices) == 1
    aside = list(_isolated_user_files.glob(f"{name}.{reason}-*.json"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == body
    assert str(aside[0]) in notices[0]
    assert not path.exists()


def test_migrations_bring_older_versions_up_to_date(_isolated_user_files: Path) -> None:
    from pydantic import BaseModel

    class Doc(BaseModel):
        words: list[str] = []

    _write(_isolated_user_files, "doc", {"version": 1, "data": {"word": "hello"}})
    file = ProgressFile("doc", Doc, 2, {1: lambda data: {"words": [data["word"]]}})
    assert file.load() == Doc(words=["hello"]) and file.notices == []


def test_failed_save_turns_saving_off_with_one_notice(
    _isolated_user_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sochelp.errors import StorageError
    from sochelp.session.files import JsonStore

    def refuse(self: JsonStore, data: dict[str, object]) -> None:
        raise StorageError("Cannot save: disk full.")

    monkeypatch.setattr(JsonStore, "save", refuse)
    store = QuizStore.open()
    assert store.save() is False and store.save() is False
    assert store.notices == ["Cannot save: disk full. This session will not be saved."]


def test_unreadable_file_is_left_alone(
    _isolated_user_files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    path = _write(_isolated_user_files, "quiz-progress", QUIZ_V1)
    real_read = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    store = QuizStore.open()
    assert store.notices == [
        f"Cannot read {path}: Permission denied. This session will not be saved."
    ]
    assert store.save() is False
    monkeypatch.undo()
    assert json.loads(path.read_text()) == QUIZ_V1
