"""What an answer's shape says, whatever the speech around it: the halves of a couplet and of
a paired maxim, the second half of a pair, parts in parallel, and items an enumeration was
cut into wrongly. Pure functions over strings, for studytui.generator.scoring (and the writer's runs)."""

from __future__ import annotations

import os
import re

from studytui.constants import BLANK
from studytui.generator.sayings import COMMENT, anaphoric_tail, echoes
from studytui.generator.enumerations import strip_lead_verb
from studytui.generator.words import words

MAXIM_MIN, MAXIM_MAX = 5, 12
"""Halves of four characters are mostly a saying quoted (艰难困苦，玉汝于成; 功以才成，业由才广):
exam-setters kept 5 of 12 such, and 79 of 91 longer ones (rounds 1–18)."""
SHORT_PART = 4
NAMED_RUN_OPENING = 2
_CLASSICAL_PARTICLES = frozenset("之其者乎也矣焉兮哉乃犹虽此")


def classical(text: str) -> bool:
    """Whether ``text`` holds a particle of classical Chinese as a word of its own (创新之道,
    人材之成出于学), not inside a modern word (改革关乎国运, 其他, 因此)."""
    return not _CLASSICAL_PARTICLES.isdisjoint(text) and any(word in _CLASSICAL_PARTICLES for word in words(text))


def named_run(items: list[str] | tuple[str, ...]) -> bool:
    """Three or more items opening on one word (更加注重系统集成、更加注重突出重点、更加注重改革实效;
    全球发展倡议、全球安全倡议、全球文明倡议): a set the speech names by its count, which is the
    point of the long sentence that holds it, not one clause of many."""
    return len(items) >= 3 and len(os.path.commonprefix(items)) >= NAMED_RUN_OPENING


FRAMED_TAILS = (4, 5)
FRAME_MIN = 3


def framed_tail(first: str, second: str) -> int:
    """How long the phrases are that the frames of a couplet set side by side (在战略上保持定力，
    在战术上精心运筹 → 4; 追梦需要激情和理想，圆梦需要奋斗和奉献 → 5), or 0: two clauses of one
    length whose frames (three characters or more) end on one character and agree in half their
    places or more, and whose phrases after them agree in fewer than half and do not close on
    their frame's word (该干的工作主动干, 该负的责任自觉负: an echo, asked as one)."""
    if len(first) != len(second):
        return 0
    return next((tail for tail in FRAMED_TAILS if framed((first[:-tail], second[:-tail]), (first[-tail:], second[-tail:]))), 0)


def framed(frames: tuple[str, str], phrases: tuple[str, str]) -> bool:
    """Whether two phrases of one length follow frames alike (在战略上____，在战术上____)."""
    return (
        len(frames[0]) == len(frames[1]) >= FRAME_MIN
        and len(phrases[0]) == len(phrases[1]) in FRAMED_TAILS
        and frames[0][-1] == frames[1][-1]
        and 2 * _alike(*frames) >= len(frames[0])
        and 2 * _alike(*phrases) < len(phrases[0])
        and not any(phrase[-1] in frame for frame, phrase in zip(frames, phrases))  # 该干的工作主动干: an echo
    )


def _alike(a: str, b: str) -> int:
    return sum(x == y for x, y in zip(a, b))


def couplet(answer: str, source: str) -> str:
    """The couplet whose second half ``answer`` is (方向决定前途，道路决定命运), or ''."""
    at = source.find(answer)
    first = source[max(0, at - len(answer) - 1) : at - 1]
    if (
        at <= len(answer)
        or source[at - 1] != "，"
        or "，" in first
        or not source[at + len(answer) :].startswith(("。", "；", "！"))
    ):
        return ""
    return f"{first}，{answer}"


def maxim(answer: str, source: str) -> bool:
    """Whether ``answer`` is the second half of a paired maxim whose first half stands
    before it, as long as it give or take two characters (心中有信仰，行动有力量;
    党委要任命干部，更要监督干部), the two a sentence or what follows its colon, not a
    frame (全会提出，…) or a setting (当今世界，…), nor the last of a run of clauses, nor a
    line of classical Chinese (创新之道，唯在得人: a saying quoted, not the speech's own)."""
    at = source.find(answer)
    after = source[at + len(answer) :]
    if at < 1 or source[at - 1] != "，" or not (after.startswith(("。", "；", "！")) or _NAMED_AFTER.match(after)):
        return False
    first = re.split("[，。；：！？]", source[: at - 1])[-1]
    opens = at - 1 - len(first)
    return (
        (opens == 0 or source[opens - 1] in "：；" or _mirrored(first, answer))
        and MAXIM_MIN <= len(first) <= MAXIM_MAX
        and len(answer) <= MAXIM_MAX  # 中国奉行防御性的国防政策，中国发展…构成威胁: two statements (0 of 9 kept)
        and abs(len(first) - len(answer)) <= 2
        and "、" not in first + answer
        and not _FRAMING.search(first)
        and not classical(first + answer)
        and not first.startswith("“")  # a line quoted (“繁霜尽是心头血，____。”)
        and not COMMENT.match(answer)  # 全面从严治党，关键在责任落实: a comment on a topic, no second maxim
        and not (first.startswith(_ACHIEVEMENTS) and _SHORTCOMINGS.search(answer))  # 成绩值得肯定，问题更须正视
    )


def _mirrored(first: str, second: str) -> bool:
    """Two halves as long as each other, alike at their end and in one more place (只有进行时，没有完成时): a pair
    wherever it stands in its sentence (…是一项长期任务，只有进行时，____)."""
    alike = sum(a == b for a, b in zip(first, second))
    return len(first) == len(second) and first[-1] == second[-1] and 2 <= alike < len(first) - 1


_ACHIEVEMENTS = ("成绩", "成效")
_SHORTCOMINGS = re.compile("问题|不足|差距|短板")
"""成绩值得肯定，问题更须正视: a speech turning from what was done to what is lacking, no maxim to learn (discarded
by all four raters of rounds 376–383 who saw it)."""


_NAMED_AFTER = re.compile("，这(?:就)?是")
"""权力越大越要规范，手段越硬越要依法，这是…一条基本规律: a pair the clause after it names."""


_HINGED = re.compile(r"([\u4e00-\u9fff]{2,4}(?:必须|必先))([\u4e00-\u9fff]{2,4})")


def hinged(clause: str) -> tuple[str, str] | None:
    """A saying of one clause that turns on 必须 or 必先 (打铁必须自身硬, 治国必先治党): its
    first half, the cue, and what it demands, asked as a paired maxim's second half is; not a
    line of classical Chinese, whose halves mirror each other (律人者必先律己: edited by both
    raters of rounds 172–173 who saw it)."""
    halves = _HINGED.fullmatch(clause)
    return (halves[1], halves[2]) if halves and not classical(clause) else None


def hinged_half(answer: str, source: str) -> bool:
    """Whether ``answer`` is what a one-clause saying of ``source`` demands (自身硬)."""
    return any((h := hinged(clause)) is not None and h[1] == answer for clause in re.split("[，。；：！？]", source))


def echo_half(answer: str, source: str) -> bool:
    """Whether ``answer`` is a whole clause that echoes the one before it (…痛恨什么，就坚决防范
    和纠正什么): asked as a paired maxim's second half is, wherever it stands in its sentence
    (党委要任命干部，更要监督干部: kept 13 of 14 times)."""
    at = source.find(answer)
    mark = source[at - 1 : at] if at >= 1 else ""
    if mark not in ("，", "、") or source[at + len(answer) : at + len(answer) + 1] not in ("，", "。", "；", "！", ""):
        return False
    first = strip_lead_verb(re.split(f"[，。；：！？{mark}]", source[: at - 1])[-1])
    return not answer.startswith("也") and echoes(first, answer)  # …的初心和使命，也是…的初心和使命: said already


def anaphoric_half(answer: str, source: str) -> bool:
    """Whether ``answer`` is the own words of the second of two clauses that open alike (…，
    我们比历史上任何时期都更____): asked as a paired maxim's second half is."""
    at = source.find(answer)
    if at < 0:
        return False
    clauses = re.split("[，。；：！？]", source[: at + len(answer)])
    return len(clauses) >= 2 and anaphoric_tail(*clauses[-2:]) == answer


_FRAMING = re.compile(r"(?:提出|指出|强调|说|表示|认为|要求|号召|启示我们|证明|告诉我们)$")


def second_of_pair(answer: str, stem: str) -> bool:
    """Whether the blank is the second half of a pair whose first stands before it, as
    long as it (刘少奇同志是不忘初心、____的光辉榜样)."""
    before = stem.partition(BLANK)[0]
    return "、" not in answer and re.search(rf"[\u4e00-\u9fff]{{{len(answer)}}}、$", before) is not None


CHAIN = 4


def chain_tail(answer: str, source: str) -> bool:
    """Whether ``answer`` closes a chain of CHAIN or more parts alike to their last character
    (确保称职，争取胜职；而不能失职，更不能渎职; 走对路、走好路，少走歪路、不走错路): the parts before
    it give the tail away, and the point is the chain (exam-setters edited such tails in
    every round). A maxim's second half with one clause before it (…迟早要出事；早规范出小事，
    迟规范出大事) is no chain."""
    at = source.find(answer)
    if at < 1 or not answer:
        return False
    end = answer[-1]
    before = [part for part in re.split("[，、；]", source[:at]) if part]
    run = 0
    for part in reversed(before):
        if not part.endswith(end):
            break
        run += 1
    parts = answer.split("、")
    return run >= 2 and all(part.endswith(end) for part in parts) and run + len(parts) >= CHAIN


def parallel(answer: str) -> bool:
    """Parts of one length that share a character in one place (青春之我、奋斗之我); three or
    more that open or end alike (坚持党的全面领导、坚持以人民为中心、坚持守正创新…), or that
    are short and of one length (守纪律、讲规矩、重品行)."""
    return parallel_parts([p for p in re.split("[、，]", answer) if p])


def parallel_parts(parts: list[str]) -> bool:
    """Whether a list's items are in parallel, as ``parallel`` reads an answer's parts (an item
    may hold a 、 of its own: 坚持发扬民主、集思广益)."""
    if len(parts) >= 3 and (
        len({p[0] for p in parts}) == 1
        or len({p[-1] for p in parts}) == 1
        or len({len(p) for p in parts}) == 1
        and len(parts[0]) <= SHORT_PART
    ):
        return True
    if len(parts) < 2 or len({len(p) for p in parts}) != 1:
        return False
    return any(len({p[i] for p in parts}) == 1 for i in range(len(parts[0])))


def tight_pair(answer: str) -> bool:
    """Two halves of one length, four characters or more, alike in half their places or more
    but not in their opening (立德之源、立功之本; 根基在人民、血脉在人民; 为人民出政绩、以实干出
    政绩): a pair the speech coined as one. Halves that open alike (不断学习、不断实践; 无比自豪、
    无比骄傲) repeat a way of speaking, and two phrases side by side are no pair at all."""
    halves = [p for p in re.split("[、，]", answer) if p]
    if len(halves) != 2 or len(halves[0]) != len(halves[1]) or len(halves[0]) < SHORT_PART:
        return False
    return halves[0][:2] != halves[1][:2] and 2 * sum(a == b for a, b in zip(*halves)) >= len(halves[0])


def odd_one_at_an_end(items: list[str]) -> bool:
    """Items that share an affix but for the first or the last, which runs past it (智能化、
    绿色化、融合化方向; 关键因素如国际形势、…) or stops short of it, or items of one length
    but for an edge one three characters longer or shorter, or both edges longer than every
    item between them (国家主权、安全、发展利益: 1 of 21 such lists kept): the enumeration's
    edge was cut wrongly."""
    if len(items) < 3 or not all(items):
        return False
    for edge in (0, -1):
        others = items[1:] if edge == 0 else items[:-1]
        odd = items[edge]
        runs_on = {len(odd)} != {len(i) for i in others}  # 权力集中、资金密集、资源富集: one length, no edge run on
        if runs_on and len({i[-1] for i in others}) == 1 and odd[-1] != others[0][-1] and others[0][-1] in odd:
            return True
        if runs_on and len({i[0] for i in others}) == 1 and odd[0] != others[0][0] and others[0][0] in odd:
            return True
        if len({len(i) for i in others}) == 1 and abs(len(odd) - len(others[0])) >= 3:
            return True  # 该为的必须为、能为的努力为、不该为|的决不为: the last cut short
    middle = max(map(len, items[1:-1]))
    return min(len(items[0]), len(items[-1])) >= middle + 2  # 国家|主权、安全、发展|利益: both edges run on


def two_lists_in_one(items: list[str]) -> bool:
    """更多、更直接、更实在的获得感、幸福感、安全感: two enumerations joined at one item's 的
    read as one list, so one item holds the end of the first and the start of the second."""
    joined = [i for i in items if "的" in i[1:-1]]
    return len(items) >= 3 and len(joined) == 1 and items[0] is not joined[0] and items[-1] is not joined[0]


def cut_before_its_de(answer: str, source: str) -> bool:
    """历史的、现实 before 的: items that end on 的 but the last, which the speech ends on it too."""
    items = answer.split("、")
    at = source.find(answer)
    return (
        len(items) >= 2
        and items[0].endswith("的")
        and not items[-1].endswith("的")
        and source[at + len(answer) : at + len(answer) + 1] == "的"
    )
