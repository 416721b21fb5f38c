"""Numerals in formulations: a count written out in Chinese, and a count changed into
the distractors an examiner makes of it (七个有之 → 六个、八个有之), never a numeral inside a
name (一带一路, 一国两制) or a congress that has not happened."""

from __future__ import annotations

import re
from functools import lru_cache

from studytui.constants import BLANK
from studytui.generator.formulations import without_verb
from studytui.generator.lexicon import lexicon
from studytui.generator.structure import NUMERALS
from studytui.generator.words import tag, word_bounds, words
from studytui.text import leading_number

_NUMERAL_RUN = re.compile(f"[{NUMERALS}]+")
_HAN = re.compile("[\u4e00-\u9fff]")
_DOCUMENT = re.compile("[项条](?:基本)?(?:规定|原则|准则)")
"""八项规定, 四项基本原则: a count that names a document (八项规定精神 with 六/七/九项 kept 7 times of 18, rounds 258–317)."""
_CN = "零一二三四五六七八九"
_COUNTERS = ("个", "种", "项", "条", "类", "方面", "点", "次", "位", "大")
_CONGRESS_WORDS = ("精神", "报告", "以来", "召开", "代表", "胜利", "提出", "作出", "确立", "强调")


def chinese_number(value: int) -> str:
    """1–99 in Chinese numerals (7 → 七, 13 → 十三, 60 → 六十); larger as digits."""
    if value >= 100:
        return str(value)
    tens, ones = divmod(value, 10)
    if tens == 0:
        return _CN[ones]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


_MEASURE = re.compile(f"[{NUMERALS}]+([个种项条类大])")


def measure(term: str) -> str:
    """The measure word a count counts by (种 in 四种形态), or ''."""
    counted = _MEASURE.search(term)
    return counted[1] if counted else ""


LAST_PLAN = 15  # 十五五 (2026–2030); like congresses, no distractor names one that has not come


def numeral_variants(term: str) -> list[str]:
    """The term with its number changed: 七个有之 → 五个有之, 六个有之, 八个有之 …"""
    match = _NUMERAL_RUN.search(term)
    number = leading_number(match.group()) if match else None
    if number is None or not 1 <= number[0] <= 99:
        return []
    value, length = number
    start, end = match.start(), match.start() + length
    rest = term[end:]
    if (start not in word_bounds(term) and term[start - 1 : start] != "第") or rest[:1] in "百千万亿":
        return []  # 统一大市场: a numeral inside a word counts nothing; 一百年 is not 一
    congress = rest[:1] == "大" and (len(rest) == 1 or rest[1:].startswith(_CONGRESS_WORDS))
    ordinal = term[start - 1 : start] == "第"
    plan = term[start] == "十" and rest[:1] == "五"  # 十四五: the five-year plans go up to 十五五
    counted = not congress and not ordinal and _counts(term, start, end)
    if not (counted or congress or ordinal or plan):
        return []  # 一带一路, 九死一生, 一条龙, 一大批: a numeral inside a name or an idiom
    if counted and (_HAN.match(term[start - 1 : start]) or names_a_document(term)):
        return []  # 中央八项规定, 和平共处五项原则, 八项规定精神: a count inside a name or naming a document, not one to change
    highest = 20 if congress else LAST_PLAN if plan else 2 if rest.startswith("个百年") else value + 3
    lowest = 2 if counted else 1  # a set of one is no set: 一个维护, 一个区分开来 (edited as absurd in rounds 144–179)
    variants = []
    for other in sorted(range(max(lowest, value - 3), min(highest, value + 3) + 1), key=lambda v: (abs(v - value), v)):
        if other != value:
            word = "两" if other == 2 and (counted or term[start:end] == "两") and not ordinal else chinese_number(other)
            variants.append(term[:start] + word + rest)
    return variants


def names_a_document(term: str) -> bool:
    """Whether ``term``'s count names a document (八项规定精神, 四项基本原则) rather than a set to learn."""
    counted = _NUMERAL_RUN.search(term)
    return counted is not None and _DOCUMENT.match(term, counted.end()) is not None


def _counts(term: str, start: int, end: int) -> bool:
    """Whether the numeral at ``start`` counts something (七个有之, 四种形态, 三大攻坚战): a
    classifier follows, and jieba reads no longer word from the numeral on (一条龙), unless
    the term is a formulation of the lexicon (四个自信)."""
    rest = term[end:]
    counter = next((c for c in _COUNTERS if rest.startswith(c)), "")
    if not counter:
        return False
    first = next((b for b in sorted(word_bounds(term)) if b > start), len(term))
    counted = first <= end + len(counter) or term in _numbered_entries()
    return counted and not _names_a_place(term[end + len(counter) :])  # 一个中国原则 is a principle's name


def _names_a_place(rest: str) -> bool:
    following = words(rest)[:1] if rest else []
    return bool(following) and tag(following[0]).startswith(("ns", "nt"))


@lru_cache(maxsize=1)
def _numbered_entries() -> frozenset[str]:
    return frozenset(without_verb(e) for e in lexicon()["提法"] if _NUMERAL_RUN.search(e))


def named_by_its_count(text: str, items: tuple[str, ...], sentence: str) -> bool:
    """Whether the sentence names the run by its count just before it, quoted or set off (提出“五个必须”，即必须…，
    必须…): a set the speech put forward, to learn whole, however unlike its clauses are in length; not a count of
    something else the run goes on from (在三大战略区发展党组织、…)."""
    count = "两|二" if len(items) == 2 else chinese_number(len(items))
    return (
        re.search(
            rf"(?:{count})[个项条种大][\u4e00-\u9fff]{{1,6}}(?:”[，：]?(?:即|就是|也就是)?|[，：](?:即|就是|也就是)?)$",
            sentence[: sentence.find(text)],
        )
        is not None
    )


_COUNT = re.compile(r"^第?([一二两三四五六七八九十]+[个种项条类大])")


def counted_after(items: list[str], stem: str) -> bool:
    """Whether the sentence goes on to call what is blanked by its count (____，是五四运动以来
    我国发生的三大历史性事件; ____四类方式): a set the speech names, not a run of tasks."""
    after = stem.partition(BLANK)[2]
    called = re.match(rf"[，,]?(?:也|都|就)?是[^，。；]{{0,16}}?{_count_of(items)}", after)
    return called is not None or counted_next(items, after)


def counted_next(items: list[str] | tuple[str, ...], after: str) -> bool:
    """Whether the words after a list are its count (谈话函询、初步核实、暂存待查、予以了结|四类方式; …等三个方面):
    the speech says where the set ends."""
    return re.match(rf"等?{_count_of(items)}", after) is not None


def _count_of(items: list[str] | tuple[str, ...]) -> str:
    count = "两|二" if len(items) == 2 else chinese_number(len(items))
    return f"(?:{count})[个大项条种类]"


def leaked_count(answer: str, prompt: str) -> bool:
    """四个自信 beside “四个意识”, 两种劳动制度 after 两种教育制度: the count shows beside the blank;
    or the stem closes on its items spelled out, one clause each (“____”，即必须维护党中央权威，必须…，…。:
    five clauses opening on 必须 count 五个必须 for the learner; both raters of rounds 244–245 edited it)."""
    if _reached_by_ordinal(answer, prompt):
        return True
    match = _COUNT.match(answer)
    if not match:
        return False
    count = leading_number(match.group(1)[:-1])
    spelled = count is not None and count[0] >= 2 and _closing_run(prompt.partition(BLANK)[2]) == count[0]
    return match.group(1) in prompt or spelled


_COUNTED = re.compile(r"(?<!第)([二两三四五六七八九十])([个种项条类])([\u4e00-\u9fff]{1,4})")


def _reached_by_ordinal(answer: str, prompt: str) -> bool:
    """四种形态 beside …其中运用第一种形态…第四种形态…: the stem counts up to the answer's count (all six raters of
    rounds 286–299 who saw it discarded the question, most for that leak)."""
    counted = _COUNTED.search(answer)
    if not counted:
        return False
    number = "二" if counted[1] == "两" else counted[1]
    return f"第{number}{counted[2]}{counted[3]}" in prompt


def _closing_run(text: str) -> int:
    """How many clauses ``text`` closes on that open on one character (…，让…，让…，让…。)."""
    openings = [clause.removeprefix("即")[:1] for clause in re.split("[，；。！？]", text) if len(clause) >= 4]
    run = 0
    while run < len(openings) and openings[-1 - run] == openings[-1]:
        run += 1
    return run
