"""The question checks catch what spoiled generated questions (issue 11's examples),
and no corpus bank has a question that fails one."""

from pathlib import Path

import pytest

from studytui.bankfile.bank import Question
from studytui.generator.checks import Speech, failures, list_instruction, problems, repeated_prompts, stem_of
from studytui.generator.questions import generate

CORPUS = Path(__file__).parent / "data" / "corpus"
SPEECHES = sorted(CORPUS.glob("*.txt"))
SPEECH = Speech("党的二十大精神作为履职的第一课。一是要打好防范化解重大风险攻坚战：边打边治边建。同志们、朋友们，大家好。")


def cloze(prompt, answer, source):
    return Question("q", "cloze", prompt, (answer,), source=source)


def choice(prompt, answer, options, source):
    return Question("q", "choice", prompt, answer, options=options, source=source)


@pytest.mark.parametrize(
    "question,check",
    [
        (cloze("党的____为履职的第一课", "二十大精神作", "党的二十大精神作为履职的第一课"), "split_word"),
        (cloze("党的____作为履职的第一课", "二十大精神", "党的二十大精神作为履职的第一课"), None),
        (cloze("____。", "边打边治边建", "边打边治边建。"), "stem_context"),
        (cloze("党的二十大精神作为____", "二十大精神", "党的二十大精神作为二十大精神"), "answer_visible"),
        (Question("q", "judge", "以下说法是否符合原文：边打边治边建。", False, source="边打边治边建。"), "false_judge_in_speech"),
        (
            choice(
                "践行“____”，推动政治监督具体化常态化",
                "两个维护",
                ("两个维护", "二个维护", "三个维护", "四个维护"),
                "践行“两个维护”，推动政治监督具体化常态化",
            ),
            "numeral",
        ),
        (
            choice(
                "深入学习贯彻党的____精神和全会精神",
                "二十大",
                ("十九大", "二十大", "二十一大", "十八大"),
                "深入学习贯彻党的二十大精神和全会精神",
            ),
            "numeral",
        ),
        (
            choice(
                "全村实现了“____”：无上访，无集体访，无越级访",
                "三无",
                ("两无", "三无", "四无", "五无"),
                "全村实现了“三无”：无上访，无集体访，无越级访",
            ),
            "numeral",
        ),
        (cloze("____，大家好。", "同志们、朋友们", "同志们、朋友们，大家好。"), "weak_target"),
        (cloze("今年全市学生在竞赛中____，成绩喜人", "获一等奖7个", "今年全市学生在竞赛中获一等奖7个，成绩喜人"), "weak_target"),
        (cloze("2009年全市教育工作会议于____召开", "2009年2月", "2009年全市教育工作会议于2009年2月召开"), "weak_target"),
        (
            cloze(
                "为如期实现____、基本实现国防和军队现代化提供保障",
                "建军一百年奋斗目标",
                "为如期实现建军一百年奋斗目标、基本实现国防和军队现代化提供保障",
            ),
            None,
        ),
        (cloze("坚决纠正____的错误做法", "十年内乱", "坚决纠正十年内乱的错误做法"), None),
        (
            Question(
                "q",
                "list",
                "写出句中空缺处列举的三项：____",
                ("紧扣全面脱贫", "紧扣绿色发展", "紧扣防范风险"),
                source="紧扣全面脱贫，紧扣绿色发展，紧扣防范风险",
            ),
            "stem_context",
        ),
        (cloze("紧扣“____”“六保”补产业项目短板", "六稳", "紧扣“六稳”“六保”补产业项目短板"), "numeral"),
        (
            Question(
                "q",
                "list",
                "写出句中空缺处列举的三项：全会决定递补中央委员会候补委员____为中央委员会委员。",
                ("丁向群", "于立军", "于吉红"),
                source="全会决定递补中央委员会候补委员丁向群、于立军、于吉红为中央委员会委员。",
            ),
            "weak_target",
        ),
        (
            Question(
                "q",
                "list",
                "写出句中空缺处列举的三项：我们党创造积累了丰富经验，包括____等。",
                ("坚持从实际出发", "坚持全国一盘棋", "坚持发扬民主、集思广益"),
                source="我们党创造积累了丰富经验，包括坚持从实际出发，坚持全国一盘棋，坚持发扬民主、集思广益等。",
            ),
            "item_separator",
        ),
    ],
)
def test_each_check_catches_its_defect(question, check):
    found = problems(question, SPEECH)
    assert (check in found) if check else not found, found


def test_the_same_prompt_with_another_answer_is_repeated():
    a = cloze("坚持____，推进全面从严治党", "两个维护", "x")
    b = cloze("坚持____，推进全面从严治党", "四个意识", "x")
    assert repeated_prompts([a, b, a]) == [b]


@pytest.mark.parametrize("speech", SPEECHES, ids=[s.stem for s in SPEECHES])
def test_no_corpus_question_fails_a_check(speech):
    text = speech.read_text(encoding="utf-8")
    failed = failures(generate(text).bank, text)
    assert not any(failed.values()), {k: v for k, v in failed.items() if v}


def test_a_blank_the_speech_fills_with_several_answers_is_ambiguous():
    from studytui.generator.checks import ambiguous_blanks

    first = Question("a", "cloze", "刘少奇同志是____。", ("不忘初心、对党忠诚的光辉榜样",))
    second = Question("b", "cloze", "刘少奇同志是____。", ("坚持真理、实事求是的光辉榜样",))
    framed = Question(
        "c",
        "choice",
        "全会强调，刘少奇同志是____。",
        "坚持真理、实事求是的光辉榜样",
        options=("坚持真理、实事求是的光辉榜样", "不忘初心、对党忠诚的光辉榜样", "甲", "乙"),
    )
    fair = Question(
        "d",
        "choice",
        "全会强调，刘少奇同志是____。",
        "坚持真理、实事求是的光辉榜样",
        options=("坚持真理、实事求是的光辉榜样", "甲", "乙", "丙"),
    )
    other = Question("e", "cloze", "推动____。", ("高质量发展",))
    assert ambiguous_blanks([first, second, framed, fair, other]) == [first, second, framed]


@pytest.mark.parametrize("count", [2, 3, 10, 12, 15])
def test_a_list_s_instruction_is_no_part_of_its_stem_however_many_items(count):
    stem = "要做好____等工作。"
    question = Question("q", "list", list_instruction(count) + stem, tuple(f"第{i}项工作" for i in range(count)), source="")
    assert stem_of(question) == stem
