"""What a stem gives a learner to go on: the words around its blank, whether it asks what
the speech says something is, whether the sentence says the answer again, whether the
blank is one task of a long run, whether the stem stops before its sentence does, whether
its blanks are a named run, a framed pair or the aim its clauses close on. Pure functions
over a question's stem, for the score."""

from __future__ import annotations

import re

from studytui.constants import BLANK
from studytui.generator.blanks import ONE_OF, PLAIN_HEADS
from studytui.generator.checks import asks_a_deadline
from studytui.generator.sayings import COMMENT_HEAD
from studytui.generator.clauses import AIMS_AT, FIRSTS, INSISTS, KEY_SAYS, ROLES, RULES_OUT, SAID_TO_BE, YEAR_TARGET
from studytui.generator.enumerations import enumerations, shared_ending
from studytui.generator.news import without_frame
from studytui.generator.shapes import NAMED_RUN_OPENING, framed, named_run
from studytui.generator.words import is_verb, words

ECHO = 4  # characters of an answer said again after its blank
LONG_RUN = 6  # clauses in a stem: a whole clause blanked among so many is one task of a list
BARE_STEM = 6  # characters of cue: a stem this bare fits other blanks of the speech
FRAMED_BLANK = re.compile(rf"[^，：；。]{{0,16}}[：，]{re.escape(BLANK)}[。；！]?")
"""全会提出，____。: a frame and a blank, which any sentence of the speech fills."""
CLAUSES = re.compile(r"[，。；：！？]")


def little_cue(answer: str, stem: str) -> bool:
    """A blank that takes most of its stem: a whole clause asked with almost nothing around
    it. What a definition says its subject is (开放是____) has its subject for a cue, unless
    the predicate is twice as long or more (当代青年是____ for 同新时代共同前进的一代: 4 of 27
    such clozes kept, rounds 1–44; 科技领域是____ for 最需要不断改革的领域: edited by nearly every rater since round 20),
    or its stem is its subject alone and the predicate of eight characters or more (典型案例是____。 for
    最生动的反面教材: discarded by all four raters of rounds 252–255)."""
    if defines(stem):
        shown = len(cue(stem))
        return len(answer) >= BARE_PREDICATE and shown <= len(answer) / 2 or shown <= BARE_SUBJECT and len(answer) >= 8
    return len(answer) >= 8 and len(cue(stem)) < len(answer)


BARE_PREDICATE = 10
BARE_SUBJECT = 5  # 典型案例是: a subject of four characters and its 是


def cue(stem: str) -> str:
    """The words a stem shows around its blanks."""
    return re.sub(r"\W", "", stem.replace(BLANK, ""))


def one_clause_of_a_run(wanted: list[str], stem: str) -> bool:
    """A whole clause blanked in a stem of LONG_RUN or more clauses (…积极扩大国内需求，因地
    制宜发展新质生产力，…，____。): any of the speech's tasks fits it; not a year's target
    (到二〇三五年，____，…), which its year asks."""
    whole = re.search(rf"(?:^|[，；：]){re.escape(BLANK)}(?:[，；。！]|$)", stem)
    if whole is None or sets_a_target(stem) or len(wanted) != 1 or "、" in wanted[0]:
        return False
    before = CLAUSES.split(stem[: whole.start()])[-1]
    paired = len(before) >= 2 and wanted[0].startswith(before[:2])  # 随时准备坚持真理，____(随时准备修正错误)
    return not paired and len(CLAUSES.split(stem.strip("。"))) >= LONG_RUN


def defines(stem: str) -> bool:
    """A stem that asks what the speech says something is: its predicate (开放是____), the
    head of a long one (高质量发展是全面建设社会主义现代化国家的____) or the words before a
    plain head (人才培养一定是____的过程), a thesis (人才培养，关键在____; 以____为牵引),
    what it sets for a year (到二〇三五年，____), what it rules out (决不能…出现____) or what it insists
    on after a concession (可以…，但必须____), or what it is set against what it is not (不是…，而是____)."""
    stem = without_frame(stem)  # 习近平强调，建设现代化产业体系、____，是…: the words after the frame
    return (
        asks_a_thesis(stem)
        or rules_out(stem)
        or _INSISTED_ON.search(stem) is not None
        or _CONTRASTED.search(stem) is not None
        or asks_a_deadline(stem)
        or any(
            pattern.search(stem) for pattern in (_DEFINED, _DEFINED_HEAD, _DEFINED_BEFORE_PLAIN_HEAD, _DEFINED_SUBJECT, _TARGETED)
        )
    )


_INSISTED_ON = re.compile(rf"可以[^，。；：]{{2,20}}，{INSISTS}{re.escape(BLANK)}(?:[，。；！？]|$)")
"""可以借鉴国外有益做法，但必须____: the bottom line after a concession."""
_CONTRASTED = re.compile(
    rf"不是[^，；。！？]{{1,24}}，(?:更不是[^，；。！？]{{1,24}}，)?而是[^，；。！？]{{0,10}}{re.escape(BLANK)}[^，；。！？]{{0,3}}(?:[，。；！？]|$)"
)
"""巡察不是“挑刺找茬”，而是全面的“____”: what a thing is, against what it is not (both raters of rounds 234–235 named
政治体检 among their 15, asked by no question they kept)."""
_RULED_OUT = re.compile(rf"{RULES_OUT}(?P<act>[^，。；：]{{2,16}}){re.escape(BLANK)}(?:[，。；！？]|$)")


def rules_out(stem: str) -> bool:
    """决不能在根本性问题上出现____: the blank is what a red line rules out, the object of its
    verb (not 绝不能有半点____, a manner)."""
    match = _RULED_OUT.search(stem)
    return match is not None and is_verb(words(match["act"])[-1])


_DEFINED = re.compile(rf"(?:是(?:{ONE_OF}“?)?|(?:{AIMS_AT})[^，。；：]{{0,12}}?成为){re.escape(BLANK)}(?:[，。；！？”]|$)")
"""The blank is the whole predicate: …是____的关键 and 09年是____三年规划的启动年 ask a piece of
one (3 of 57 such clozes kept, rounds 1–19)."""
_DEFINED_HEAD = re.compile(rf"(?:{SAID_TO_BE})[^，。；：]{{2,24}}(?:的|一次|一场){re.escape(BLANK)}")
_DEFINED_BEFORE_PLAIN_HEAD = re.compile(
    rf"是{re.escape(BLANK)}的[^，。；：]{{0,4}}(?:{'|'.join(PLAIN_HEADS)})(?:[，。；！？”]|$)"
)
"""人才培养一定是____的过程: what the definition says, its plain head left standing."""


_DEFINED_KEY = re.compile(rf"{KEY_SAYS}{re.escape(BLANK)}(?:[，。；！？”]|$)")
_GIVEN_A_ROLE = re.compile(
    rf"(?:(?:把|将)“?{re.escape(BLANK)}”?，?作为|以“?{re.escape(BLANK)}”?为)[\u4e00-\u9fff]{{0,14}}?(?:{ROLES})"
)
_DEFINED_SUBJECT = re.compile(
    rf"(?:(?:^|[：；])(?:{re.escape(BLANK)}|(?:[^，。；：、]{{2,10}}、{re.escape(BLANK)}，){{1,3}})，?|(?:^|[，：；]){re.escape(BLANK)})是[^，。；：]{{4,}}"
)
"""____是我们党推动事业发展的成功经验: the blank is what a definition is about (all of it: not
the last of its clauses, 青春活力，____，是…), or each of its pairs' second halves (坚持解放思想、____，
坚持真理、____，是…的重要保证; 建设现代化产业体系、____，是…)."""
_TARGETED = re.compile(f"(?:{YEAR_TARGET}){re.escape(BLANK)}")


def sets_a_target(stem: str) -> bool:
    """到二〇三五年，____: the blank is what the speech sets for a year, which the year asks
    however many tasks the sentence runs on to and whatever words they share."""
    return _TARGETED.search(stem) is not None


def asks_a_thesis(stem: str) -> bool:
    """减负的基础是____, 把____作为检验学校一切工作的根本标准: the blank is what a judgement
    says a thing turns on, or what the speech makes a measure or an aim, however short."""
    return _DEFINED_KEY.search(stem) is not None or _GIVEN_A_ROLE.search(stem) is not None


def echoed(answer: str, stem: str) -> bool:
    """The sentence says the answer's first or last words again after the blank (改革开放是
    ____，正是这个伟大觉醒…), a plural 们 aside (当科学家是____ → 无数中国孩子的梦想, …给孩子们的
    梦想插上…: discarded or edited by all 32 raters who saw it): the blank is half filled in (27% of
    such questions kept)."""
    after = stem.partition(BLANK)[2].replace("们", "")
    said = answer.replace("们", "")
    return not sets_a_target(stem) and len(said) > ECHO and (said[:ECHO] in after or said[-ECHO:] in after)


def said_before(answer: str, stem: str) -> bool:
    """The sentence says the answer's last words before its blank (纪律建设是…的治本之策，____是…的政治责任 →
    抓好纪律建设: discarded for the leak by all four raters of rounds 272–277 who saw it): only its first words are asked.
    So does one whose words on either side of its 的 both stand before the blank (巡察组是代表市委开展监督的，巡察组的形象
    就是____ → 市委的形象: edited or discarded by 9 of the 14 raters of rounds 260–303 who saw it, most for the leak)."""
    before = stem.partition(BLANK)[0]
    whose, of, what = answer.partition("的")
    pieced = bool(of) and min(len(whose), len(what)) >= 2 and whose in before and of + what in before
    return (pieced or (len(answer) > ECHO and answer[-ECHO:] in before)) and not sets_a_target(stem)


_QUOTED_CHARACTER = re.compile("“([\u4e00-\u9fff])”")


def spelled_before(answer: str, stem: str) -> bool:
    """The characters a term is made of, each quoted before its blank (做到“亲”而有度、“清”而有为，构建____ →
    亲清政商关系: edited for the leak by all four raters of rounds 256–259 who saw it)."""
    quoted = "".join(_QUOTED_CHARACTER.findall(stem.partition(BLANK)[0]))
    return len(quoted) >= 2 and answer.startswith(quoted)


_SENTENCE_EDGE = "。！？；!?;\n"
FULL_STOP = re.compile(r"[。！？!?]")


def cut_from_longer(source: str, text: str, stop_left_out: bool = False) -> bool:
    """A stem cut off before its sentence ends (one opening on a later clause still reads as
    one: 推动科技创新和产业创新深度融合。), in a paragraph with a full stop after it; with
    ``stop_left_out``, leaving out only its full stop is no cut (…服从大局”的大局意识)."""
    at = text.find(source)
    if not source or at < 0:
        return False
    end = at + len(source)
    after = text[end : end + 1]
    if source.rstrip("”’）)")[-1:] in _SENTENCE_EDGE or after in ("", "\n") or stop_left_out and after in _SENTENCE_EDGE:
        return False
    line_end = text.find("\n", end)
    return FULL_STOP.search(text, end, line_end if line_end >= 0 else len(text)) is not None


def order_given_away(items: list[str], stem: str) -> bool:
    """Whether the words after an order question's blank list as many things, all but one at
    most, each sharing a character with the item in its place (“减项、降分、限高、公示”的原则，按照
    项目只减不加、分值只降不升、累计加分限高的要求: the order is read off the stem)."""
    after = stem.partition(BLANK)[2]
    for _, listed in (e for clause in re.split(r"[，；。：]", after) for e in enumerations(clause)):
        matched = sum(bool(set(item) & set(said)) for item, said in zip(items, listed))
        if len(listed) >= len(items) - 1 and matched >= len(items) - 1:
            return True
    return False


_PAIR_NAMED = re.compile(rf"(?P<first>[\u4e00-\u9fff]{{2,6}})和(?P<second>[\u4e00-\u9fff]{{2,6}})“{re.escape(BLANK)}”")


_FRAMED_WORD_BLANKS = re.compile(
    rf"([\u4e00-\u9fff]{{1,2}}){re.escape(BLANK)}、([\u4e00-\u9fff]{{1,2}}){re.escape(BLANK)}[，；]\1{re.escape(BLANK)}、\2{re.escape(BLANK)}"
)


def framed_blanks(stem: str, wanted: list[str]) -> bool:
    """Two blanks, each after its own of two frames alike (在战略上____，在战术上____): a couplet
    asked by the phrases its frames set side by side; or two pairs of blanks after the same two frames."""
    if _FRAMED_WORD_BLANKS.search(stem):
        return True  # 只能____、不能____，只能____、不能____: two pairs, each word after its frame
    if len(wanted) != 2 or stem.count(BLANK) != 2:
        return False
    before, between, _ = stem.split(BLANK)
    second = between.removeprefix("，")
    return second != between and framed((before[-len(second) :], second), (wanted[0], wanted[1]))


def names_the_pair_before(stem: str) -> bool:
    """A quoted blank right after two terms alike at their end, joined by 和 (科技创新和制度创新“____”):
    the name the speech gives the pair, as a count names its parts."""
    pair = _PAIR_NAMED.search(stem)
    return pair is not None and pair["first"][-2:] == pair["second"][-2:]


_CHANGED_INTO = re.compile(rf"“[^“”]{{2,8}}”(?:变成|变为|转化为|转变为|转为|到|向|不等于)“{re.escape(BLANK)}”(?!“)")


def changed_into(stem: str) -> bool:
    """A quoted blank a quoted term before it is to become (让“软任务”变成“____”, 从“引进来”到“____”,
    由“会办案”向“____”转变) or is not (“放权”不等于“____”): the change or the distinction the speech asks for, its
    first term the cue."""
    return _CHANGED_INTO.search(stem) is not None


_CLOSING_AIM = re.compile(rf"(?:努力|力争|确保|推动)实现{re.escape(BLANK)}。$")


def closing_aim(answer: str, stem: str) -> bool:
    """Two four-character phrases the sentence's clauses close on as their aim (以做强国内大循环提升…，
    以拓展国际循环增强…，努力实现____ → 内外联通、互促共进): the point the clauses before it make."""
    halves = answer.split("、")
    clauses = [c for c in CLAUSES.split(stem) if c]
    return bool(_CLOSING_AIM.search(stem)) and len(clauses) >= 3 and len(halves) == 2 and all(len(h) == 4 for h in halves)


_A_FIRST = re.compile(rf"，这是[^，。；]{{0,20}}?{re.escape(BLANK)}的")
_FIRST_WORDS = re.compile(FIRSTS)


def names_a_first(answer: str, stem: str) -> bool:
    """A blank that says what the sentence calls the first of its kind (…安源路矿工人大罢工，这是
    中国共产党____的工人斗争 → 第一次独立领导并取得完全胜利)."""
    return _FIRST_WORDS.match(answer) is not None and _A_FIRST.search(stem) is not None


def run_of_blanks(stem: str, blanks: int) -> bool:
    """A stem of three or more blanks in a row, each a clause's, after the word they all say
    before it (更加注重____，更加注重____，更加注重____; 面对矛盾敢于____，面对危机敢于____…): a named
    run asked with its word for a cue."""
    if blanks < 3 or stem.count(BLANK) != blanks:
        return False
    parts = stem.split(BLANK)
    word = shared_ending(parts[:-1])
    return len(word) >= NAMED_RUN_OPENING and all(part[:1] in ("，", "；") for part in parts[1:-1])


def run_of_predicates(stem: str, wanted: list[str]) -> bool:
    """Three or more blanks, each what a clause says its subject is, opening alike (发展是____，
    创新是____，人才是____ → 第一要务、第一动力、第一资源): a set of maxims asked as one."""
    parts = stem.split(BLANK)
    return len(wanted) >= 3 and len(parts) == len(wanted) + 1 and named_run(wanted) and all(p.endswith("是") for p in parts[:-1])


_TERM_BLANKS = re.compile(
    rf"(?:[\u4e00-\u9fff]{{2}}“{re.escape(BLANK)}”、)+[\u4e00-\u9fff]{{2}}“{re.escape(BLANK)}”"
    rf"|(?:[\u4e00-\u9fff]{{2,6}}(?:必须|就要|也要)[\u4e00-\u9fff]{re.escape(BLANK)}、)+"
    rf"[\u4e00-\u9fff]{{2,6}}(?:必须|就要|也要)[\u4e00-\u9fff]{re.escape(BLANK)}"
    rf"|[\u4e00-\u9fff]是{re.escape(BLANK)}[，、][\u4e00-\u9fff]是{re.escape(BLANK)}"
    rf"|(?:{COMMENT_HEAD}{re.escape(BLANK)}、)+{COMMENT_HEAD}{re.escape(BLANK)}"
)


def run_of_terms(stem: str, blanks: int) -> bool:
    """Every blank a named term in its quotes after its own verb (增强“____”、坚定“____”、做到“____”), or what
    a saying demands after its own verb (管业务必须管____、抓经营必须抓____), or what each of two one-character subjects
    is (严是____、松是____), or what each head of a run of comments says (关键在____、要害在____、根本在____): a set
    asked as one, each verb, subject or head its cue."""
    run = _TERM_BLANKS.search(stem)
    return blanks >= 2 and run is not None and run.group().count(BLANK) == stem.count(BLANK) == blanks


def chiasmus(answer: str, stem: str) -> bool:
    """The clause before the blank's holds both the blank clause's opening word and the
    answer's last (幸福都是奋斗出来的，奋斗本身就是____ → 一种幸福): the two clauses turn one
    thought around, and the first spells the answer out."""
    before, _, _ = stem.partition(BLANK)
    clauses = CLAUSES.split(before)
    if len(clauses) < 2 or len(answer) < 2 or len(clauses[-1]) < 2:
        return False
    return clauses[-1][:2] in clauses[-2] and answer[-2:] in clauses[-2]
