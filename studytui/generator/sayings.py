"""The sayings a speech coins in a clause or two: couplets (方向决定前途，道路决定命运), echoes (党委要任命干部，
更要监督干部), sayings of a condition or a contrast (没有…就没有…), two clauses a sentence closes on that open alike,
what a thing is and more (是红线，更是生命线), sayings that repeat their verb around 必须, maxims of one character
(严是爱、松是害) and comments on one topic (关键在党、要害在治). Pure functions over one sentence;
studytui.generator.formulations gathers what they find."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from studytui.generator.clauses import NOT_A_COPULA, without_lead_in
from studytui.generator.enumerations import strip_lead_verb
from studytui.generator.structure import NUMERALS

_HAN = "\u4e00-\u9fff"
COUPLET_MIN, COUPLET_MAX = 4, 10
COMMENT_HEAD = "(?:(?:关键|要害|根本|核心|重点|重|贵|要)(?:在于|在)|(?:关键|要害|根本|核心|重点)是|(?:最终|关键|主要)?要看)"
COMMENT = re.compile(f"^{COMMENT_HEAD}")
"""What a clause says of the topic before it (全面从严治党，关键在责任落实; 作风好不好，最终要看实绩): its point is
what follows the head, not the head (the whole clause blanked: 0 of 10 kept; after 关键在 and the like: 38 of 38)."""
ECHO_FIRST_MAX, ECHO_SECOND_MAX, SUBJECT_OF_ECHO_MAX = 16, 12, 6


_SAYINGS = (
    re.compile(rf"没有[{_HAN}“”]{{2,12}}，?就没有[{_HAN}“”]{{2,12}}$"),  # 没有“双师型”教师，就没有…
    re.compile(rf"(?:只有|唯有)(?!这|那|如此)[{_HAN}“”、]{{2,14}}，?才[{_HAN}“”]{{2,12}}$"),  # 唯有…，才能越走越宽
    re.compile(rf"^[{_HAN}“”]{{0,8}}不是[{_HAN}“”、]{{2,12}}，而是[{_HAN}“”、]{{2,12}}$"),  # …不是…，而是…
    re.compile(rf"没有[{_HAN}“”]{{2,16}}，也没有[{_HAN}“”]{{2,16}}$"),  # 没有…教科书，也没有…教师爷
)
_SAYING_WORDS = re.compile("没有|只有|唯有|不是")


def conditions_and_contrasts(body: str) -> Iterator[str]:
    """Sayings of one or two clauses that an examiner asks first: a condition (没有…就没有…,
    唯有…才能…), a contrast (伟大梦想不是等得来、喊得来的，而是拼出来、干出来的) or a double
    denial (没有…，也没有…), each ending its last clause."""
    parts = [c for c in re.split(r"[，,；;]", body) if c]
    for a, b in zip(["", *parts], parts):
        pair = f"{a}，{b}" if a else b
        if not _SAYING_WORDS.search(pair):
            continue
        for pattern in _SAYINGS:
            match = pattern.search(pair)
            if match and match.start() <= len(a):
                yield match.group()


ANAPHORA_MIN = 8
"""Characters two clauses open with that make them one saying (我们比历史上任何时期都更…): shorter
shared openings are a subject or a verb two tasks happen to share (确立了…，确立了…)."""


def anaphoras(body: str) -> Iterator[str]:
    """The two clauses a sentence closes on when they open with the same words, ANAPHORA_MIN or
    more, and go on differently (我们比历史上任何时期都更接近中华民族伟大复兴的目标，我们比历史上
    任何时期都更需要建设世界科技强国): a saying asked by the second's own words."""
    parts = [c for c in re.split(r"[，,；;]", body) if c]
    if len(parts) >= 2 and anaphoric_tail(*parts[-2:]):
        yield f"{parts[-2]}，{parts[-1]}"


def anaphoric_tail(first: str, second: str) -> str:
    """The words of ``second`` after the opening it shares with ``first`` (ANAPHORA_MIN or more)
    and after a modal (需要, 必须…: the stem's cue, which a learner who wrote the rest would be marked
    wrong without), when each goes on for four characters or more and ``second`` on words of its own,
    not on 也/还/就… that lean on ``first`` (有的历史性交汇期也可能擦肩而过), or ''."""
    shared = len(os.path.commonprefix([first, second]))
    own = second[shared:]
    if shared < ANAPHORA_MIN or min(len(first) - shared, len(own)) < 4 or own[0] in _LEANING:
        return ""
    modal = _MODAL.match(own)
    return own[modal.end() :] if modal and len(own) - modal.end() >= 4 else own


_LEANING = "也还就又才都"
_MODAL = re.compile("需要|必须|应当|应该|要")


def echo(clauses: list[str]) -> str | None:
    """Two clauses ending alike, the second opening with 就/更/也/才:
    党委要任命干部，更要监督干部; 人民群众反对什么、痛恨什么，就坚决防范和纠正什么; or two halves of
    one clause a 、 joins (业务拓展到哪里、廉洁风险防控就延伸到哪里)."""
    halves = [(*clause.rpartition("、")[::2], "、") for clause in clauses if "、" in clause]
    for a, b, mark in [*((a, b, "，") for a, b in zip(clauses, clauses[1:])), *halves]:
        a = strip_lead_verb(a)
        if echoes(a, b):
            return f"{a}{mark}{b}"
    return None


def echoes(a: str, b: str) -> bool:
    """Whether clause ``b`` echoes ``a``: ending alike and opening with 就/更/也/才 (…痛恨什么，
    就坚决防范和纠正什么), or, after a question word, saying 就 after its own subject
    (工作部署、工作安排到哪里，监督检查就跟进到哪里: the last of what ``a`` lists is its measure)."""
    if a[-2:] != b[-2:] or len(b) > ECHO_SECOND_MAX:
        return False
    if b[:1] in "就更也才":
        return len(a) <= ECHO_FIRST_MAX
    return a[-2:] in ("哪里", "什么") and "就" in b[1 : SUBJECT_OF_ECHO_MAX + 1] and len(a.split("、")[-1]) <= ECHO_FIRST_MAX


def _found(pattern: re.Pattern[str], body: str) -> list[str]:
    """Every span of ``body`` that ``pattern`` matches."""
    return [match.group() for match in pattern.finditer(body)]


_ESCALATION = re.compile(rf"(?<=[{_HAN}]{{2}})是([{_HAN}]{{2,6}})，更是([{_HAN}]{{2,6}})(?=[，。；]|$)")


def escalations(body: str) -> list[str]:
    """What a thing is, and more (安全文明办案是红线，更是生命线; 纪律是约束，更是保护): the two words are the
    formulation (named as missed by both raters of rounds 338–339), asked as 是____，更是____."""
    return _found(_ESCALATION, body)


SAME_VERB_SAYING = rf"(?P<verb>[{_HAN}])[{_HAN}]{{1,4}}?(?:必须|就要|也要)(?P=verb)(?P<demanded>[{_HAN}]{{1,4}})"
_SAME_VERB_SAYINGS = re.compile(
    rf"{SAME_VERB_SAYING}(?:、{SAME_VERB_SAYING.replace('?P<', '?P<more_').replace('?P=', '?P=more_')})+"
)


def same_verb_sayings(body: str) -> list[str]:
    """Sayings a 、 joins, each with one verb on both sides of its 必须 (管业务必须管廉洁、抓经营必须抓作风): what each
    demands is the formulation (named as missed by all four raters of rounds 362–367), asked after its verb."""
    return _found(_SAME_VERB_SAYINGS, body)


_ONE_CHARACTER_SUBJECT = rf"(?![{NOT_A_COPULA}这那它他她我你{NUMERALS}])[{_HAN}]"
ONE_CHARACTER_MAXIMS = re.compile(
    rf"(?<![{_HAN}]){_ONE_CHARACTER_SUBJECT}是[{_HAN}][，、]{_ONE_CHARACTER_SUBJECT}是[{_HAN}](?![{_HAN}])"
)


def one_character_maxims(body: str) -> list[str]:
    """Two maxims of one character each side of 是 (严是爱，松是害; 严是爱、宽是害): a saying of the genre (in three
    of the held-out speeches, among the 15 of their raters, asked by none), asked by what each subject is."""
    return _found(ONE_CHARACTER_MAXIMS, body)


_COMMENT_RUN = re.compile(rf"(?:{COMMENT_HEAD}[{_HAN}]{{1,6}}、)+{COMMENT_HEAD}[{_HAN}]{{1,6}}(?![{_HAN}])")


def comment_runs(body: str) -> list[str]:
    """Comments on one topic a 、 joins, each after its head (全面从严治党，关键在党、要害在治、根本在严): what each
    head says is the formulation (in two held-out speeches, named as missed by all six of their raters who had it)."""
    return _found(_COMMENT_RUN, body)


def couplets(body: str) -> Iterator[str]:
    """Two clauses in parallel, as long as each other and alike in two or more places
    (实践发展永无止境，解放思想永无止境; 方向决定前途，道路决定命运), the first after its
    lead verb if the second has none (加强市县联动，局校联动)."""
    parts = re.split(r"[，；：]", body)
    for a, b in zip(parts, parts[1:]):
        if len(a) >= len(b) + 2 and strip_lead_verb(b) == b:
            a = strip_lead_verb(without_lead_in(a))  # 加强市县联动，局校联动 (not the 是 of …，是名不副实的教育)
        if len(a) == len(b) and COUPLET_MIN <= len(a) <= COUPLET_MAX and not re.search(r"\d", a + b):
            same = sum(x == y for x, y in zip(a, b))
            if 2 <= same < len(a) - 1:
                yield f"{a}，{b}"
