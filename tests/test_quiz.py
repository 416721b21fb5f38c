"""The quiz engine: modes, answering every type, the review schedule, class quiz codes."""

import random
from datetime import datetime, timedelta, timezone

import pytest

from studytui import quiz, quiz_code
from studytui.bankfile import bank, loader
from studytui.quiz import picking, scheduling
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession, Settings
from studytui.quiz_code import CodeError
from studytui.store import open_store

EXAMPLE = loader.load(shipped_banks_dir() / "example.yaml")
SEED_BANK = loader.load(shipped_banks_dir() / "qichu-qifali.yaml")


class Clock:
    def __init__(self):
        self.moment = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.moment

    def advance(self, **delta):
        self.moment += timedelta(**delta)


@pytest.fixture
def store(tmp_path, backend):
    s = open_store(tmp_path)
    yield s
    s.close()


def right_response(q):
    return {"cloze": list, "list": "、".join}.get(q.type, lambda answer: answer)(q.answer)


def test_practice_takes_every_question_of_the_chosen_sections(store):
    pid = store.profile("张三")
    all_of_it = QuizSession.start(store, SEED_BANK, pid, Settings(seed=2))
    distinct = {(q.type, q.prompt, str(q.answer)) for q in SEED_BANK.questions}
    assert (
        len(all_of_it.questions) == len(distinct) and {(q.type, q.prompt, str(q.answer)) for q in all_of_it.questions} == distinct
    )
    s3 = QuizSession.start(store, SEED_BANK, pid, Settings(sections=("s3",)))
    assert s3.total > 0 and {q.section for q in s3.questions} == {"s3"}


def test_answering_every_type_right_and_wrong(store):
    session = QuizSession.start(store, EXAMPLE, store.profile("张三"), Settings(seed=0), questions=EXAMPLE.questions)
    wrong = {
        "cloze": "错误答案",
        "choice": "八个有之",
        "multi": ["工作圈"],
        "judge": True,
        "order": ["不能腐", "不想腐", "不敢腐"],
        "list": "天网行动",
    }
    for q in EXAMPLE.questions:
        assert quiz.grade_question(q, right_response(q)).verdict == "correct", q.id
        assert (
            quiz.grade_question(q, wrong[q.type] if q.type != "cloze" or len(q.answer) == 1 else ["x", "y"]).verdict == "wrong"
        ), q.id
    outcome = session.submit("两个维户", seconds=4)
    assert outcome.grade.verdict == "close" and outcome.score == 0.5
    assert store.session_answers(session.session_id)[0].typed == "两个维户"


def test_exam_time_runs_out_the_shown_question_is_graded_the_rest_stay_unanswered(store):
    clock = Clock()
    session = QuizSession.start(
        store, SEED_BANK, store.profile("张三"), Settings(mode="exam", count=10, time_limit=600, seed=5), clock=clock
    )
    assert session.total == 10 and len({q.type for q in session.questions}) >= 3  # mixed types
    session.submit(right_response(session.current))
    clock.advance(seconds=590)
    assert session.time_left() == pytest.approx(10)
    clock.advance(seconds=20)
    assert session.time_left() == 0
    shown = session.current
    session.expire(right_response(shown))  # typed, not yet submitted: graded as it stands
    result = session.result()
    assert result.counts == {"correct": 2, "close": 0, "wrong": 0, "unanswered": 8}
    assert result.seconds == 600  # the exam's wall-clock time, not the sum of answer times
    stored = store.session(session.session_id)
    assert stored.finished is not None
    assert (stored.score, stored.max_score) == (2, 10)  # the stats count what was left unanswered too
    assert [a.question_id for a in store.session_answers(session.session_id)] == [session.questions[0].id, shown.id]
    assert store.mistakes(session.profile_id, SEED_BANK.id) == []
    assert store.reviewed(session.profile_id, SEED_BANK.id) == {session.questions[0].id, shown.id}


def test_mistakes_mode_offers_what_was_last_wrong_or_close(store):
    pid = store.profile("张三")
    first = QuizSession.start(store, EXAMPLE, pid, Settings(), questions=EXAMPLE.questions[:3])
    first.submit("两个维户")  # close
    first.submit(["2020", "十三五"])  # correct
    first.submit("八个有之")  # wrong
    mistakes = QuizSession.start(store, EXAMPLE, pid, Settings(mode="mistakes"))
    assert [q.id for q in mistakes.questions] == ["ex-cloze-1", "ex-choice"]


def test_review_schedule_moves_due_dates_by_rating(store):
    clock = Clock()
    pid = store.profile("张三")
    session = QuizSession.start(store, EXAMPLE, pid, Settings(mode="review", seed=1), clock=clock)
    assert session.total == len(EXAMPLE.questions)  # all new
    by_verdict = {}
    for response in ("两个维护", "错", None):
        q = session.current
        given = response if q.type == "cloze" else right_response(q)
        outcome = session.submit(given if response != "错" else "完全不对", seconds=30)
        by_verdict[outcome.verdict] = store.db.execute(
            "SELECT due FROM review WHERE profile_id = ? AND question_id = ?", (pid, q.id)
        ).fetchone()[0]
    right_due = datetime.fromisoformat(min(v for k, v in by_verdict.items() if k == "correct"))
    wrong_due = datetime.fromisoformat(by_verdict["wrong"])
    assert wrong_due - clock() <= timedelta(minutes=10)
    assert right_due > wrong_due
    # nothing is due right now except the wrong one, after its learning step
    clock.advance(minutes=11)
    due = store.due(pid, EXAMPLE.id, clock())
    assert session.questions[1].id in due


def test_easy_goes_further_than_good_and_hard():
    q = EXAMPLE.questions[0]
    at = datetime(2026, 5, 1, tzinfo=timezone.utc)
    card = None
    for _ in range(3):  # graduate the card with right answers
        card, _ = scheduling.next_card(card, "correct", 30, q, at)
        at += timedelta(days=3)
    easy = datetime.fromisoformat(scheduling.next_card(card, "correct", 1, q, at)[1])
    good = datetime.fromisoformat(scheduling.next_card(card, "correct", 30, q, at)[1])
    hard = datetime.fromisoformat(scheduling.next_card(card, "close", 30, q, at)[1])
    assert hard < good < easy


def test_override_counts_the_answer_right(store):
    session = QuizSession.start(store, EXAMPLE, store.profile("张三"), Settings(), questions=EXAMPLE.questions[:1])
    outcome = session.submit("坚决维护")
    session.override(outcome)
    assert session.result().counts["correct"] == 1
    assert store.session_answers(session.session_id)[0].original_verdict == "wrong"


def test_resume_continues_where_it_stopped(store):
    session = QuizSession.start(store, SEED_BANK, store.profile("张三"), Settings(seed=9))
    for _ in range(3):
        session.submit(right_response(session.current))
    again = QuizSession.resume(store, SEED_BANK, session.session_id)
    assert again.position == 3 and again.current.id == session.current.id
    assert [q.id for q in again.questions] == [q.id for q in session.questions]


def test_class_quiz_code_rebuilds_the_same_quiz_on_another_machine(tmp_path):
    code = quiz_code.class_code(SEED_BANK, seed=42, count=15, minutes=20)
    assert code.startswith("QZ-") and len(code) == 17
    machines = []
    for name in ("a", "b"):
        other_copy = loader.load(shipped_banks_dir() / "qichu-qifali.yaml")  # the same file, loaded apart
        parsed = quiz_code.parse_code(code.lower().replace("-", " "))
        found = quiz_code.find_bank(parsed, [EXAMPLE, other_copy])
        s = open_store(tmp_path / name)
        session = QuizSession.start(s, found, s.profile(name), parsed.settings(), quiz_code=code)
        machines.append([q.id for q in session.questions])
        assert session.settings.time_limit == 1200 and session.total == 15
    assert machines[0] == machines[1]


def test_class_quiz_code_errors_say_exactly_what_is_wrong():
    code = quiz_code.class_code(SEED_BANK, seed=1, count=10, minutes=0)
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(CodeError, match="校验"):
        quiz_code.parse_code(typo)
    with pytest.raises(CodeError, match="格式"):
        quiz_code.parse_code("QZ-12")
    with pytest.raises(CodeError, match="没有这个测验所用的题库"):
        quiz_code.find_bank(quiz_code.parse_code(code), [EXAMPLE])
    edited = bank.Bank(title=SEED_BANK.title, id=SEED_BANK.id, questions=SEED_BANK.questions[:-1], sections=SEED_BANK.sections)
    with pytest.raises(CodeError, match="版本不同"):
        quiz_code.find_bank(quiz_code.parse_code(code), [edited])


def _close_pairs(questions, gap=picking.SOURCE_GAP):
    return [
        (a.id, b.id) for i, a in enumerate(questions) for b in questions[i + 1 : i + 1 + gap] if a.source and a.source == b.source
    ]


@pytest.mark.parametrize("mode", ["practice", "exam", "class", "review"])
def test_questions_from_one_sentence_are_kept_apart(store, mode):
    picked = quiz.pick_questions(
        SEED_BANK, Settings(mode=mode, seed=11, count=49 if mode != "practice" else None), store, store.profile("张三")
    )
    assert picked and _close_pairs(picked) == []


def test_questions_from_one_sentence_are_kept_apart_in_any_order_the_bank_allows():
    for seed in range(200):  # practice keeps the shuffled order but for the sentences it must space out
        shuffled = list(SEED_BANK.questions)
        random.Random(seed).shuffle(shuffled)
        assert _close_pairs(picking.spread(shuffled)) == [], seed
    last = [bank.Question(f"q{n}", "cloze", f"第{n}题____", ("答案",), source=source) for n, source in enumerate("xyzuvABAB")]
    assert _close_pairs(picking.spread(last)) == []  # two sentences of two questions each, at the end: one goes early


def test_identical_questions_are_asked_once():
    twice = [q for q in SEED_BANK.questions if q.type == "cloze"][:1] * 2
    same_bank = bank.Bank("两道相同", tuple(twice), id="twice")
    assert len(quiz.pick_questions(same_bank, Settings())) == 1


def test_mistake_book_order_changes_and_keeps_one_sentence_apart(store):
    pid = store.profile("张三")
    first = QuizSession.start(store, SEED_BANK, pid, Settings(seed=1), questions=SEED_BANK.questions[::10])
    while not first.done:
        first.submit(None)
    orders = {
        tuple(q.id for q in quiz.pick_questions(SEED_BANK, Settings(mode="mistakes", seed=seed), store, pid)) for seed in range(4)
    }
    assert len(orders) > 1 and all(not _close_pairs([SEED_BANK_BY_ID[i] for i in order]) for order in orders)


SEED_BANK_BY_ID = {q.id: q for q in SEED_BANK.questions}


def test_options_are_shuffled_each_time_a_question_is_shown():
    import random

    from studytui.widgets.answers import answer_widget

    choice = next(q for q in EXAMPLE.questions if q.type == "choice")
    firsts = {answer_widget(choice, random.Random(seed)).texts[0] for seed in range(12)}
    assert len(firsts) > 1


def test_a_heading_question_is_given_away_by_its_section_title():
    heading = bank.Question("h", "cloze", "各级纪委要紧扣“____”，强化政治监督。", ("两个维护",), section="s1")
    assert quiz.gives_away(heading, "紧扣“两个维护”强化政治监督")
    assert not quiz.gives_away(heading, "别的标题")
    title_question = bank.Question("t", "choice", "这篇讲话的标题是？", SEED_BANK.title, options=(SEED_BANK.title, "甲", "乙"))
    assert quiz.gives_away(title_question, SEED_BANK.title)
    assert not quiz.gives_away(title_question, "别的标题")


def test_a_section_title_is_hidden_from_every_question_while_the_session_asks_what_it_gives_away():
    title = "提高政治站位，深刻把握新时代巡察工作的职责使命"
    heading = bank.Question("h", "cloze", "提高____，深刻把握新时代巡察工作的职责使命", ("政治站位",), section="s1")
    other = bank.Question("o", "cloze", "巡察本质上是____。", ("政治监督",), section="s1")
    elsewhere = bank.Question("e", "cloze", "巡察本质上是____。", ("政治监督",), section="s2")
    assert quiz.section_title_shown(other, [other, heading], title) == ""  # shown before, it would answer 提高____
    assert quiz.section_title_shown(other, [other, elsewhere], title) == title
    assert quiz.section_title_shown(elsewhere, [elsewhere, heading], "别的标题") == "别的标题"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("深刻剖析典型案例，清醒认识反腐败斗争的严峻复杂形势", False),  # 反腐败斗争: five of its characters
        ("深刻剖析典型案例，坚持党风廉政建设", False),
        ("深刻剖析典型案例，清醒认识严峻复杂形势", True),
        ("一体推进不敢腐、不能腐、不想腐", True),
    ],
)
def test_a_heading_that_shares_a_phrase_with_the_answer_is_not_shown(title, shown):
    question = bank.Question("q", "cloze", "我县____形势依然严峻复杂。", ("党风廉政建设和反腐败斗争",), section="s1")
    assert quiz.gives_away(question, title) is not shown
