"""An organisation-wide exam (issue 26): created once with a roster of personal codes,
signed in on any host, a name refused on a second host while its session lives, and
every host's answers in one ranking. On both backends: two stores on one database are
two hosts."""

import csv

import pytest

from helpers import THREE, settle
from studytui.app import StudyApp
from studytui.bankfile import loader
from studytui.cli import main
from studytui.org_exam import EXAM_ENV, Person, RosterError, read_roster
from studytui.quiz import QuizSession
from studytui.quiz_code import class_code, parse_code
from studytui.store import exams, open_store

BANK = loader.load(THREE)
CODE = class_code(BANK, seed=3, count=3, minutes=10)
ROSTER = [Person("王一", "AAAA-2222"), Person("李二", "BBBB-3333"), Person("张三", "CCCC-4444")]


@pytest.fixture
def hosts(tmp_path, backend):
    """Two hosts' stores on one database, the exam created on the first."""
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "a" if backend is None else tmp_path / "b")
    exams.create_exam(a, CODE, BANK.title, ROSTER)
    yield a, b
    a.close()
    b.close()


def test_signing_in_takes_name_and_personal_code(hosts):
    a, _ = hosts
    assert exams.sign_in(a, CODE, "王一", "CCCC-4444", "host-a", "t1") == exams.NOT_ON_ROSTER
    assert exams.sign_in(a, CODE, "外人", "AAAA-2222", "host-a", "t1") == exams.NOT_ON_ROSTER
    assert exams.sign_in(a, CODE, "王一", "aaaa2222", "host-a", "t1") is None  # however the code is typed


def test_a_name_signed_in_on_one_host_is_refused_on_another_while_its_session_lives(hosts, monkeypatch):
    a, b = hosts
    assert exams.sign_in(a, CODE, "王一", "AAAA-2222", "host-a", "t1") is None
    refused = exams.sign_in(b, CODE, "王一", "AAAA-2222", "host-b", "t2")
    assert refused is not None and "host-a" in refused
    assert exams.sign_in(b, CODE, "李二", "BBBB-3333", "host-b", "t3") is None  # others sign in there
    exams.keep_alive(a, CODE, "王一", "t1")
    assert exams.sign_in(a, CODE, "王一", "AAAA-2222", "host-a", "t1") is None  # its own session again
    monkeypatch.setattr("studytui.store.exams.SESSION_LIVES", -1.0)  # host-a stopped saying it is alive
    assert exams.sign_in(b, CODE, "王一", "AAAA-2222", "host-b", "t2") is None


def test_signing_out_frees_the_name_at_once(hosts):
    a, b = hosts
    assert exams.sign_in(a, CODE, "王一", "AAAA-2222", "host-a", "t1") is None
    exams.sign_out(a, CODE, "王一", "t1")
    assert exams.sign_in(b, CODE, "王一", "AAAA-2222", "host-b", "t2") is None


def test_every_hosts_answers_are_in_one_ranking_stats_and_report(hosts, capsys):
    a, b = hosts
    for store, name in ((a, "王一"), (b, "李二")):
        quiz = QuizSession.start(store, BANK, store.profile(name), parse_code(CODE).settings(), quiz_code=CODE)
        while not quiz.done:
            quiz.submit(quiz.current.answer if name == "王一" else "不知道")
    assert [r.name for r in a.ranking(quiz_code=CODE)] == ["王一", "李二"] == [r.name for r in b.ranking(quiz_code=CODE)]
    assert main(["--data-dir", str(a.path.parent), "stats", "--code", CODE]) == 0
    out = capsys.readouterr().out
    assert "王一" in out and "李二" in out
    assert main(["--data-dir", str(a.path.parent), "report", "--code", CODE, "--format", "csv"]) == 0
    assert "2" in capsys.readouterr().out


def test_exam_command_writes_the_codes_and_the_roster_signs_in(tmp_path, backend, capsys):
    roster = tmp_path / "名单.txt"
    roster.write_text("# 第一考场\n王一\n李二,KKKK-7777\n\n", encoding="utf-8")
    codes = tmp_path / "codes.csv"
    bank = ["--bank", str(THREE)]
    assert main(["exam", BANK.id, *bank, "--roster", str(roster), "--questions", "3", "--minutes", "5", "-o", str(codes)]) == 0
    code = capsys.readouterr().err.split("考试码：")[1].split("（")[0]
    people = dict(list(csv.reader(codes.read_text(encoding="utf-8-sig").splitlines()))[1:])
    assert set(people) == {"王一", "李二"} and people["李二"] == "KKKK-7777" and len(people["王一"]) == 9
    store = open_store(tmp_path / "data")
    assert parse_code(code).count == 3 and exams.roster(store, code) == ["李二", "王一"]
    assert exams.sign_in(store, code, "王一", people["王一"], "h", "t") is None


def test_a_roster_with_a_name_twice_is_refused_by_line(tmp_path):
    roster = tmp_path / "r.txt"
    roster.write_text("王一\n李二\n王一\n", encoding="utf-8")
    with pytest.raises(RosterError, match=r"r.txt:3: “王一”在名单中出现了两次"):
        read_roster(roster)


def test_serving_an_exam_the_database_does_not_hold_is_refused(capsys):
    assert main(["serve", "--exam", CODE, "--port", "8765"]) == 1
    assert "没有这场考试的名单" in capsys.readouterr().err


async def test_a_participant_signs_in_and_takes_the_exam(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    exams.create_exam(store, CODE, BANK.title, ROSTER)
    store.close()
    monkeypatch.setenv(EXAM_ENV, CODE)
    app = StudyApp(data_dir=tmp_path, banks=[THREE], participant=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for text in ("王一", "AAAA-2223"):  # a wrong code is said, and asked again
            app.screen.query_one("#dialog-input").value = text
            await pilot.press("enter")
            await pilot.pause()
        assert exams.NOT_ON_ROSTER in str(app.screen.query_one("#dialog-error").render())
        app.screen.query_one("#dialog-input").value = "AAAA-2222"
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "QuizScreen" and app.store.session(app.screen.session.session_id).quiz_code == CODE
        assert app.profile_name == "王一"
        other = open_store(tmp_path)
        assert exams.sign_in(other, CODE, "王一", "AAAA-2222", "another-host", "x") is not None


async def test_a_host_behind_a_proxy_sends_browsers_to_the_proxys_address(tmp_path):
    import aiohttp
    from aiohttp.test_utils import TestServer

    from studytui.serve import RoomServer

    room = RoomServer("true", "127.0.0.1", 0, tmp_path, public_url="https://exam.example.cn")
    server = TestServer(await room._make_app())
    await server.start_server()
    proxied = {"Host": "exam.example.cn", "X-Forwarded-Proto": "https"}  # what nginx passes on
    async with aiohttp.ClientSession() as client, client.get(server.make_url("/"), headers=proxied) as page:
        html = await page.text()
    await server.close()
    assert 'data-session-websocket-url="wss://exam.example.cn/ws"' in html and "127.0.0.1" not in html
