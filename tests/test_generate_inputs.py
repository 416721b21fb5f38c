"""Inputs that used to crash generation or give a bank that does not validate or grows
with the square of the speech (issue 10), and the corpus speeches."""

from pathlib import Path

import pytest

from studytui.bankfile import bank, validation
from studytui.cli import main
from studytui.constants import ELLIPSIS
from studytui.generator.selection import MIN_BANK
from studytui.generator.questions import NOTHING_TO_ASK, GenerationError, generate
from studytui.grading import MAX_ANSWER_LENGTH, grade
from studytui.text import full_width_punctuation, normalize

CORPUS = Path(__file__).parent / "data" / "corpus"
SPEECHES = sorted(CORPUS.glob("*.txt"))
OPENING = "同志们：今天我们召开全市纪检监察工作会议，总结去年工作，部署今年任务。\n"


def valid_bank(text: str) -> bank.Bank:
    result = generate(text)
    parsed = validation.parse(bank.dump(result.bank), default_id=result.bank.id)
    assert parsed.bank == result.bank, parsed.problems
    return result.bank


@pytest.mark.parametrize(
    "sentence",
    [
        "这次会议的主要任务是总结经验、部署工作和表彰先进。",  # A、B和C
        "要统筹发展和安全、活力和秩序。",  # A和B、C和D
        "各级党组织要坚持严管和厚爱结合、激励和约束并重。",
    ],
)
def test_enumerations_with_conjunctions_do_not_crash(sentence):
    valid_bank(f"{OPENING}一、总体要求\n全市各级党组织要提高政治站位。{sentence}\n二、工作部署\n{sentence}\n")


def test_a_run_of_thousands_of_digits_is_text():
    digits = "9" * 5000
    valid_bank(f"{OPENING}一、总体要求\n全年共处理问题线索{digits}件。我们要始终坚持“两个维护”，推动全面从严治党向纵深发展。\n")
    assert normalize(digits + "个") == digits + "个"
    within_cap = digits[:MAX_ANSWER_LENGTH]
    assert grade(within_cap, within_cap).score == 1


def test_the_grade_command_takes_a_long_number(capsys):
    assert main(["grade", "1" * 5000, "1" * 5000]) == 0


@pytest.mark.parametrize(
    "text",
    [
        "关于进一步加强和改进新时代纪检监察工作的讲话稿\n",  # a title only
        "一、。\n二、。\n三、。\n同志们要加强学习，切实提高政治站位和履职能力水平。\n",  # empty headings
        "一、加强监督\n二、\n三、严格执纪\n要把全面从严治党的要求落到实处，坚持不懈推进作风建设。\n",
    ],
)
def test_a_bank_is_valid_or_there_is_nothing_to_ask(text):
    try:
        valid_bank(text)
    except GenerationError as exc:
        assert str(exc) == NOTHING_TO_ASK


def test_a_title_only_speech_has_nothing_to_ask():
    with pytest.raises(GenerationError, match=NOTHING_TO_ASK):
        generate("关于进一步加强和改进新时代纪检监察工作的讲话稿\n")


SPEECH = (CORPUS / "qichu_qifali.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "punctuate",
    [
        lambda t: t.replace("。", "，"),  # one paragraph with no full stop
        lambda t: t.replace("\n", "").replace("。", "，"),  # one line with no full stop
        lambda t: t.replace("。", "．"),
        lambda t: t.replace("。", ". "),
    ],
    ids=["no-full-stop", "one-line", "fullwidth-dot", "latin-dot"],
)
def test_bank_size_is_linear_whatever_the_punctuation(punctuate):
    text = punctuate(SPEECH)
    dumped = bank.dump(valid_bank(text))
    assert len(dumped.encode()) < 40 * len(text.encode())
    twice = punctuate("\n".join([SPEECH, SPEECH.replace("同志们", "各位")]))
    assert len(bank.dump(valid_bank(twice))) < 3 * len(dumped)


@pytest.mark.parametrize("speech", SPEECHES, ids=[s.stem for s in SPEECHES])
def test_corpus_speeches_give_valid_banks(speech):
    text = speech.read_text(encoding="utf-8")
    b = valid_bank(text)
    assert len(b.questions) >= MIN_BANK  # an exam's worth from any speech of the genre
    read = full_width_punctuation(text)  # 风廉政建设,巩固: ASCII punctuation in Chinese is read as ，
    for q in b.questions:  # verbatim, or a long sentence quoted with its words left out (……) or ended early (。)
        pieces = q.source.split(ELLIPSIS)
        assert all(piece.removesuffix("。") in read for piece in pieces) and len(q.source) <= 120, q.source


@pytest.mark.parametrize("text", ["关于深入推进全面从严治党的讲话\n", "一、。\n"])
def test_a_title_alone_has_nothing_to_ask_and_says_so(text, tmp_path, capsys):
    speech = tmp_path / "title.txt"
    speech.write_text(text, encoding="utf-8")
    assert main(["generate", str(speech)]) == 1
    message = capsys.readouterr().err
    assert message.startswith(f"{speech}:") and NOTHING_TO_ASK in message and "几乎没有汉字" not in message


def test_the_same_text_gives_the_same_bank_whatever_the_hash_seed(tmp_path):
    """README: the same text and seed always give the same bank (set order varies by process)."""
    import os
    import subprocess
    import sys

    speech = CORPUS / "more" / "beida_zuotan_2018.txt"
    banks = []
    for seed in ("0", "5"):
        out = tmp_path / seed / "bank.yaml"
        out.parent.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "studytui", "generate", str(speech), "-o", str(out)], env=env, check=True, capture_output=True
        )
        banks.append(out.read_text(encoding="utf-8"))
    assert banks[0] == banks[1]
