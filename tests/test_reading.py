"""Reading a bank's speech (通读原文) as plain Python: parts, marked formulations, mastery."""

from studytui.bankfile import loader
from studytui.paths import shipped_banks_dir
from studytui.quiz import NO_SECTION
from studytui.reading import Mastery, Results, mastery, read_bank
from helpers import THREE

SHIPPED = shipped_banks_dir() / "qichu-qifali.yaml"


def marked(passage) -> list[str]:
    return [passage.text[m.start : m.end] for m in passage.marks]


def test_a_speech_bank_reads_as_its_opening_and_sections_in_order():
    bank = loader.load(SHIPPED)
    reading = read_bank(bank, {})
    assert reading.from_speech
    assert [p.section for p in reading.parts] == [NO_SECTION, *[s.id for s in bank.sections]]
    assert [p.title for p in reading.parts[1:]] == [s.title for s in bank.sections]
    assert reading.parts[1].passages[0].heading


def test_every_formulation_asked_is_marked_where_its_question_comes_from():
    bank = loader.load(SHIPPED)
    reading = read_bank(bank, {})
    marks = [m for part in reading.parts for m in part.marks]
    asked = {q.id for q in bank.questions if q.type != "judge"}
    assert {q for m in marks for q in m.questions} == asked
    assert all(m.mastery is Mastery.NEW for m in marks)
    texts = [t for part in reading.parts for p in part.passages for t in marked(p)]
    assert "两个维护" in texts and "七个有之" in texts


def test_mastery_follows_the_learners_answers():
    assert mastery(["a", "b"], {}) is Mastery.NEW
    assert mastery(["a"], {"a": Results(2, 2.0)}) is Mastery.KNOWN
    assert mastery(["a", "b"], {"a": Results(1, 1.0), "b": Results(1, 0.0)}) is Mastery.SHAKY
    assert mastery(["a"], {"a": Results(3, 0.5)}) is Mastery.WEAK


def test_a_mark_knows_how_well_its_formulation_is_known():
    bank = loader.load(SHIPPED)
    first = next(q for q in bank.questions if q.type == "cloze" and q.section == "s1")
    reading = read_bank(bank, {first.id: Results(1, 0.0)})
    mark = next(m for part in reading.parts for m in part.marks if first.id in m.questions)
    assert mark.mastery is Mastery.WEAK


def test_a_bank_without_a_speech_reads_as_its_source_sentences_in_order():
    reading = read_bank(loader.load(THREE), {})
    assert not reading.from_speech
    [part] = reading.parts
    assert [p.text for p in part.passages] == [
        "一要践行“两个维护”，推动政治监督具体化常态化",
        "紧盯“七个有之”，严肃查处对党不忠诚不老实等问题。",  # no source: the prompt with its blank filled
        "精准运用“四种形态”，对主动投案者依规依纪依法从宽处理。",
    ]
    assert [marked(p) for p in part.passages] == [["两个维护"], ["七个有之"], ["四种形态"]]


def test_overlapping_formulations_are_one_mark_for_both_questions():
    from studytui.bankfile.bank import Question
    from studytui.reading import marks_in

    text = "坚持统一领导、各司其责、相互协作、齐抓共管的工作格局"
    whole = Question("w", "cloze", "坚持____的工作格局", ("统一领导、各司其责、相互协作、齐抓共管",), source=text)
    items = Question("i", "list", "列举", ("统一领导", "各司其责", "相互协作", "齐抓共管"), source=text)
    [mark] = marks_in(text, [whole, items], {"i": Results(1, 1.0)})
    assert (mark.start, mark.end, set(mark.questions), mark.mastery) == (2, 21, {"w", "i"}, Mastery.KNOWN)


def test_a_question_on_an_elided_sentence_is_marked_where_its_words_stand():
    from studytui.bankfile.bank import Question
    from studytui.reading import marks_in

    text = "全会强调，进一步全面深化改革，必须坚持稳中求进，以经济体制改革为牵引，更加注重系统集成，为中国式现代化提供强大动力。"
    source = "全会强调，进一步全面深化改革……以经济体制改革为牵引，更加注重系统集成……。"
    asked = Question("e", "cloze", source.replace("系统集成", "____"), ("系统集成",), source=source)
    [mark] = marks_in(text, [asked], {})
    assert text[mark.start : mark.end] == "系统集成"
    announcing = "今年要继续坚持“以人为本、以防为主”，切实健全“五个体系”：\n一是目标体系。"
    early = "今年要继续坚持“以人为本、以防为主”。"  # ended before the clause that announces what follows
    [mark] = marks_in(announcing, [Question("a", "cloze", "今年要继续坚持“____”。", ("以人为本、以防为主",), source=early)], {})
    assert announcing[mark.start : mark.end] == "以人为本、以防为主"
