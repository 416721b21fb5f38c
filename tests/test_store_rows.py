"""What the store's queries return: frozen, slotted dataclasses read by attribute only;
exported answers as the export file's objects; one call at a time, whichever thread makes it."""

import dataclasses
import threading

import pytest

from studytui.store import Answer, ExportedAnswer, SessionRecord, open_store
from studytui.store.rows import Accuracy, Row
from studytui.vocabulary import Strictness


@pytest.fixture
def store(tmp_path, backend):
    """A store (on each backend in turn) where 张三 answered two questions."""
    s = open_store(tmp_path)
    pid = s.profile("张三")
    sid = s.start_session(pid, "b", "h", "practice", {"questions": ["q1", "q2"]}, quiz_code=None)
    s.record(Answer(sid, "q1", "题目q1", "两个维护", "correct", 1.0, 3.0, "s1", "quoted"))
    s.record(Answer(sid, "q2", "题目q2", "七个有知", "close", 0.5, 4.0, "s1", "numbered"))
    yield s
    s.close()


def test_rows_are_frozen_slotted_dataclasses_read_by_attribute(store):
    (row,) = store.unfinished_sessions(store.profile("张三"))
    assert isinstance(row, SessionRecord) and dataclasses.is_dataclass(row)
    assert (row.bank_id, row.answered, row.score) == ("b", 2, 1.5)
    assert row.settings_data == {"questions": ["q1", "q2"]}
    assert not hasattr(row, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.score = 2  # type: ignore[misc]


def test_a_row_is_read_by_attribute_only(store):
    (accuracy,) = store.accuracy_by_bank(store.profile("张三"))
    assert (accuracy.key, accuracy.answers) == ("b", 2)
    with pytest.raises(TypeError):
        accuracy["key"]  # type: ignore[index]  # no dict bridge: a misspelt field fails at once


def test_every_kind_of_row_is_a_row():
    kinds = [value for value in vars(__import__("studytui.store.rows", fromlist=["Row"])).values() if isinstance(value, type)]
    rows = [kind for kind in kinds if issubclass(kind, Row) and kind is not Row]
    assert len(rows) >= 13
    for kind in rows:
        params = kind.__dataclass_params__  # type: ignore[attr-defined]
        assert params.frozen and "__slots__" in vars(kind), kind.__name__


def test_as_json_gives_the_fields_in_order():
    assert Accuracy("s1", 2, 0.75).as_json() == {"key": "s1", "answers": 2, "accuracy": 0.75}


def test_an_exported_answer_carries_its_session_s_settings_once(store):
    first, second = store.export_rows()
    assert first.settings is not None and "settings" in first.as_json()
    assert second.settings is None and "settings" not in second.as_json()
    assert ExportedAnswer.from_json(second.as_json()) == second


def test_an_older_export_without_the_optional_fields_reads(store):
    data = next(store.export_rows()).as_json()
    for field in ("finished", "group_id", "original_verdict", "quiz_code", "section", "kind"):
        del data[field]
    row = ExportedAnswer.from_json(data)
    assert (row.finished, row.group_id, row.section) == (None, None, None)


def test_calls_from_a_worker_thread_and_the_ui_thread_never_interleave(store):
    """The UI thread records while a worker reads (and, as the stats screen's does, makes a
    profile for a name new here): one call at a time, so no transaction starts inside another."""
    pid = store.profile("张三")
    sid = store.start_session(pid, "b", "h", "practice", {})
    failures = []

    def read():
        try:
            for n in range(200):
                store.accuracy_by_bank(pid), store.streak(pid), store.unfinished_sessions(pid)
                store.profile(f"新人{n}")
        except Exception as exc:  # noqa: BLE001 - any failure is the test's
            failures.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    for n in range(100):
        store.record(Answer(sid, f"q{n}", "题目", "两个维护", "correct", 1.0, 1.0))
        store.set_setting("bank", f"b{n}")
    reader.join()
    assert not failures
    assert len(store.session_answers(sid)) == 100 and store.setting("bank") == "b99"
    assert len(store.profiles()) == 201


def test_strictness_is_standard_until_chosen_then_what_was_chosen(store):
    assert store.strictness() == Strictness.NORMAL
    store.set_setting("strictness", Strictness.LENIENT)
    assert store.strictness() == Strictness.LENIENT
