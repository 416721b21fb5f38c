"""A class quiz across three data folders, as three machines: the instructor sets it
from a speech; one participant lets time run out; another holds the speech under
another file name and takes the quiz twice. Their exported answers are imported on
the instructor's machine, whose ranking shows real figures and first attempts only."""

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers import settle

from studytui import paths
from studytui.bankfile import loader
from studytui.cli import main
from studytui.library import Library
from studytui.quiz import QuizSession, pick_questions
from studytui.quiz_code import CODE_ALPHABET, CodeError, _check_char, _symbols, canonical_code, class_code, find_bank, parse_code
from studytui.store import open_store

SPEECH = Path(__file__).parent / "data" / "other_speech.txt"


class Clock:
    def __init__(self):
        self.moment = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.moment

    def advance(self, seconds):
        self.moment += timedelta(seconds=seconds)


def machine(root: Path, name: str, speech_name: str) -> Library:
    folder = paths.user_banks_dir(root / name)
    folder.mkdir(parents=True)
    shutil.copy(SPEECH, folder / speech_name)
    library = Library(root / name)
    library.load()
    return library


def right(question):
    if question.type == "cloze":
        return list(question.answer)
    if question.type in ("multi", "order"):
        return list(question.answer)
    return question.answer


def take(root: Path, name: str, library: Library, code: str, answers: int, clock: Clock, seconds_each: int = 5) -> QuizSession:
    quiz = parse_code(code)
    store = open_store(root / name)
    bank = find_bank(quiz, library.banks)
    session = QuizSession.start(
        store,
        bank,
        store.profile(name),
        quiz.settings(),
        quiz_code=code,
        questions=pick_questions(bank, quiz.settings()),
        clock=clock,
    )
    for _ in range(answers):
        clock.advance(seconds_each)
        session.submit(right(session.current))
    return session


def hand_in(root: Path, name: str, code: str) -> Path:
    out = root / f"{name}.json"
    assert main(["--data-dir", str(root / name), "export", "--code", code, "--format", "json", "-o", str(out)]) == 0
    return out


def test_three_machines_timed_out_renamed_bank_and_a_retake(tmp_path, capsys):
    teacher = machine(tmp_path, "老师", "jiceng.txt")
    bank = teacher.banks[-1]
    code = class_code(bank, seed=11, count=6, minutes=2)

    clock = Clock()  # 王一 answers two questions, then the two minutes run out
    timed_out = take(tmp_path, "王一", machine(tmp_path, "王一", "jiceng.txt"), code, 2, clock)
    clock.advance(120)
    timed_out.expire()
    result = timed_out.result()
    assert (result.counts["unanswered"], result.seconds) == (4, 120)

    renamed = machine(tmp_path, "李二", "讲话稿（副本）.txt")  # same speech, another file name
    assert find_bank(parse_code(code), renamed.banks).questions == bank.questions
    clock = Clock()
    first = take(tmp_path, "李二", renamed, code, 6, clock, seconds_each=10)
    first_score = first.result().score
    clock.advance(3600)
    retake = take(tmp_path, "李二", renamed, code, 6, clock, seconds_each=1)  # a faster retake: practice
    assert open_store(tmp_path / "李二").attempts(retake.profile_id, code) == 2

    files = [hand_in(tmp_path, name, code) for name in ("王一", "李二")]
    assert main(["--data-dir", str(tmp_path / "老师"), "import", *map(str, files)]) == 0
    ranking = open_store(tmp_path / "老师").ranking(quiz_code=code)
    figures = {r.name: (r.score, r.answered, r.total, int(r.seconds)) for r in ranking}
    assert figures == {"李二": (first_score, 6, 6, 60), "王一": (2.0, 2, 6, 120)}
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "老师"), "stats", "--code", code]) == 0
    assert "已答 2/6　用时 120 秒" in capsys.readouterr().out


def test_most_missed_counts_first_attempts_only(tmp_path):
    library = machine(tmp_path, "老师", "jiceng.txt")
    code = class_code(library.banks[-1], seed=3, count=3, minutes=0)
    clock = Clock()
    first = take(tmp_path, "老师", library, code, 3, clock)  # all right the first time
    store = first.store
    retake = QuizSession.start(store, first.bank, first.profile_id, parse_code(code).settings(), quiz_code=code, clock=clock)
    retake.submit("不知道")
    assert store.most_missed(quiz_code=code) == []
    assert [r.answered for r in store.ranking(quiz_code=code)] == [3]


def test_a_code_with_fields_out_of_range_is_refused_like_a_wrong_check_character():
    code = class_code(loader.load(Path(__file__).parent / "data" / "three.yaml"), seed=1, count=5, minutes=10)
    symbols = _symbols(code)
    number = int("".join(f"{CODE_ALPHABET.index(c):05b}" for c in symbols[:11]), 2)
    forged_number = number & ~(0x7F << 6)  # the question count (7 bits above the 6 of the minutes) set to 0
    forged = "".join(CODE_ALPHABET[(forged_number >> shift) & 31] for shift in range(50, -1, -5))
    forged += _check_char(forged)
    with pytest.raises(CodeError) as refused:
        parse_code(forged)
    with pytest.raises(CodeError) as mistyped:
        parse_code(symbols[:11] + ("0" if symbols[11] != "0" else "1"))
    assert str(refused.value) == str(mistyped.value)
    assert canonical_code(code) == code


# -- the same, as a participant on their own machine drives the TUI --------------------------


async def join_in_tui(pilot, code: str) -> None:
    for key in ("c", "enter"):  # 班级测验 → 参加测验
        await pilot.press(key)
        await pilot.pause()
    pilot.app.screen.query_one("#dialog-input").value = code
    await pilot.press("enter")
    await pilot.pause()


async def test_a_bank_dropped_in_while_running_is_found_and_a_retake_says_so(tmp_path):
    from studytui.app import StudyApp

    teacher = machine(tmp_path, "老师", "jiceng.txt")
    code = class_code(teacher.banks[-1], seed=5, count=2, minutes=0)
    data = tmp_path / "王一"
    store = open_store(data)
    store.set_setting("profile", "王一")
    store.profile("王一")
    store.close()
    app = StudyApp(data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        paths.user_banks_dir(data).mkdir(parents=True, exist_ok=True)
        shutil.copy(SPEECH, paths.user_banks_dir(data) / "老师发的.txt")  # dropped in now
        await join_in_tui(pilot, code)
        quiz_screen = app.screen
        assert type(quiz_screen).__name__ == "QuizScreen"
        for _ in range(2):
            quiz_screen.session.submit(right(quiz_screen.session.current))
        quiz_screen.dismiss(True)
        await settle(pilot)  # the class quiz read by a worker, then how to hand it in
        assert type(app.screen).__name__ == "ResultScreen"
        hint = str(app.screen.query_one("#hand-in").render())
        assert f"studytui export --code {code} --format json -o 王一.json" in hint
        await pilot.press("escape")
        await pilot.pause()
        banks = app.screen.query_one("#banks")
        labels = [str(banks.get_option_at_index(i).prompt) for i in range(banks.option_count)]
        assert any(teacher.banks[-1].title in label for label in labels)  # home lists it too
        await join_in_tui(pilot, code)
        assert any("重做" in n.message for n in app._notifications)


async def test_the_setup_dialog_says_what_its_numbers_mean_whatever_the_title(tmp_path):
    from studytui.app import StudyApp

    long_title = "在全县纪检监察工作会议暨党风廉政建设和反腐败工作推进会上的讲话（供学习讨论用）"
    source = (Path(__file__).parent / "data" / "three.yaml").read_text(encoding="utf-8")
    (tmp_path / "long.yaml").write_text(source.replace("title: 三道填空", f"title: {long_title}"), encoding="utf-8")
    store = open_store(tmp_path)
    store.set_setting("profile", "老师")
    store.profile("老师")
    store.close()
    app = StudyApp(data_dir=tmp_path, banks=[tmp_path / "long.yaml"])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        for key in ("c", "down", "enter"):  # 班级测验 → 出一套测验
            await pilot.press(key)
            await pilot.pause()
        label = app.screen.query_one(".dialog-text")
        shown = "".join(strip.text.strip() for strip in label.render_lines(label.region.reset_offset))  # as drawn
        assert "例如2015=20道题、限时15分钟；0分钟为不限时）" in shown.replace(" ", "")  # the whole prompt


def test_equal_scores_rank_by_time_on_the_clock(tmp_path):
    library = machine(tmp_path, "老师", "jiceng.txt")
    code = class_code(library.banks[-1], seed=9, count=2, minutes=10)
    quiz = parse_code(code)
    store = open_store(tmp_path / "老师")
    for name, pause in (("慢而稳", 200), ("快", 0)):  # 慢而稳: quick on each question, after a long pause
        clock = Clock()
        session = QuizSession.start(store, library.banks[-1], store.profile(name), quiz.settings(), quiz_code=code, clock=clock)
        clock.advance(pause)
        for _ in range(2):
            clock.advance(30)
            session.submit(right(session.current), seconds=1 if pause else 30)
    assert [(r.name, int(r.seconds)) for r in store.ranking(quiz_code=code)] == [("快", 60), ("慢而稳", 260)]
