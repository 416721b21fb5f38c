"""One person's progress, computed once for the stats screen and ``studytui stats``: the
figures, titled from the banks, and as JSON with the keys the command line has always printed;
and progress at a glance, as home shows it."""

from helpers import THREE

from studytui.bankfile import loader
from studytui.profile_report import BANK_GONE, glance, profile_report
from studytui.quiz import QuizSession, Settings
from studytui.store import open_store
from studytui.vocabulary import Strictness

BANK = loader.load(THREE)


def studied(tmp_path):
    store = open_store(tmp_path)
    session = QuizSession.start(store, BANK, store.profile("张三"), Settings(), questions=BANK.questions)
    for typed in ("两个维护", "七个有之", "不知道"):
        session.submit(typed)
    return store


def test_the_report_as_json_has_the_command_line_s_keys(tmp_path):
    report = profile_report(studied(tmp_path), "张三").as_json()
    assert list(report) == ["profile", "streak_days", "answers_today", "sessions", "banks", "sections", "kinds", "weakest"]
    assert report["banks"] == [{"key": "three", "answers": 3, "accuracy": 2 / 3}]
    assert list(report["sections"]) == ["three"] and report["answers_today"] == 3
    assert [w["question_id"] for w in report["weakest"]] == ["q3"]
    assert set(report["sessions"][0]) == {
        "id",
        "bank_id",
        "mode",
        "started",
        "finished",
        "answered",
        "score",
        "max_score",
        "seconds",
    }


def test_the_figures_are_named_from_the_banks(tmp_path):
    report = profile_report(studied(tmp_path), "张三")
    find = {BANK.id: BANK}.get
    assert report.answered == 3 and round(report.latest_percent or 0) == 67
    assert set(report.type_shares(find)) == {"填空"}
    assert set(report.type_shares(lambda bank_id: None)) == {BANK_GONE}  # the bank is gone: its types are not known
    assert all(title for title in report.section_shares(find))


def test_a_glance_counts_today_the_streak_and_the_bank_s_book(tmp_path):
    store = studied(tmp_path)
    store.set_setting("strictness", "strict")
    seen = glance(store, store.profile("张三"), BANK)
    assert (seen.answers_today, seen.streak_days, seen.mistakes, seen.new) == (3, 1, 1, 0)
    assert seen.strictness is Strictness.STRICT
    assert glance(store, store.profile("张三"), None).mistakes == 0
