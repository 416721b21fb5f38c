"""Formulations made of clauses: a frame repeated with one slot changing (不敢腐不能腐不想腐),
ordinal and anaphoric chains (一是…二是…; 紧扣…；紧扣…), parallel clauses opening or closing alike,
the items a counted label announces, what a definition says a term is, its keys, roles, periods, aims,
red lines, firsts and a year's targets. Pure functions over one sentence; the sayings a speech coins
are in studytui.generator.sayings, and studytui.generator.formulations gathers what both find."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from studytui.generator.enumerations import LIST_MAX_ITEMS, ends_alike, strip_lead_verb
from studytui.generator.structure import NUMERALS
from studytui.generator.words import is_verb, tag, word_bounds, words
from studytui.text import leading_number

_NUM = f"[{NUMERALS}]"
_HAN = "\u4e00-\u9fff"
_PRONOUNS = re.compile(r"我们|我|你们|大家|同志们|今天|刚才")
CHAIN_ITEM_MAX = 30
CHAIN_SPAN_MAX = 110
FRAME_MAX = 24
PARALLEL_MIN, PARALLEL_MAX, PARALLEL_SLACK = 4, 14, 4
FRAMED_PARALLEL_MAX = 24
FRAME_OPENING = 3
LONG_RUN = 5
"""Clauses in a row opening on one word that make a set by their number alone, however unlike
their lengths (要聚焦构建…，聚焦发展…，… seven times: named as missed by ten raters of one communique)."""


_FRAME_PATTERNS = (
    re.compile(rf"([{_HAN}])[{_HAN}]([{_HAN}])(?:\1[{_HAN}]\2)+"),  # 不敢腐不能腐不想腐
    re.compile(rf"[{_HAN}]([{_HAN}]{{2}})(?:[{_HAN}]\1){{2,}}"),  # 操心事烦心事揪心事
    re.compile(rf"([{_HAN}])[{_HAN}](?:\1[{_HAN}])+"),  # 依规依纪依法
)


def frames(text: str) -> Iterator[str]:
    """Repeated frames with one slot changing. Two parts of two characters
    (抓早抓小) count only at the edge of a clause: inside one they are most often
    two words that happen to share a character (各级各部门)."""
    for size, pattern in zip((3, 3, 2), _FRAME_PATTERNS):
        for match in pattern.finditer(text):
            frame = match.group()
            parts = [frame[i : i + size] for i in range(0, len(frame), size)]
            at_edge = match.start() == 0 or match.end() == len(text)
            if len(frame) <= FRAME_MAX and len(set(parts)) == len(parts) and (len(parts) >= 3 or size == 3 or at_edge):
                yield frame


def clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r"[，,；;：:。！？!?]", sentence) if c]


_ORDINAL_ITEM = re.compile(rf"({_NUM})是([^，,；;。！？]+)")


def ordinal_chain(sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """一是…，二是…，三是…: the items of an ordinal enumeration inside a sentence."""
    matches = list(_ORDINAL_ITEM.finditer(sentence))
    numbers = [CN_ORDINALS.get(m.group(1)) for m in matches]
    if not 2 <= len(matches) <= LIST_MAX_ITEMS or numbers != list(range(1, len(matches) + 1)):
        return None
    span = sentence[matches[0].start() : matches[-1].end()]
    if len(span) > CHAIN_SPAN_MAX or any(len(m.group(2)) > CHAIN_ITEM_MAX for m in matches):
        return None
    return span, tuple(m.group(2) for m in matches)


CN_ORDINALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def chain(sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """An anaphoric chain: clauses separated by ； that start with the same head word."""
    parts = [p for p in re.split(r"[；;]", sentence) if p.strip()]
    if not 2 <= len(parts) <= LIST_MAX_ITEMS:
        return None
    heads = {p[:2] for p in parts}
    if len(heads) != 1:
        return None
    found = [clauses(part) for part in parts]
    if not all(found):
        return None  # a part of punctuation alone (，；，)
    if all(len(part) >= 2 for part in found) and len({part[1][:1] for part in found}) == 1:
        return None  # 越是任务繁重，越要…；越是加快发展，越要…: parallel couplets, each asked as one, not items
    items = tuple(part[0] for part in found)
    if any(len(i) > CHAIN_ITEM_MAX for i in items):
        return None
    start = sentence.find(items[0])
    end = sentence.find(items[-1], start) + len(items[-1])
    return (sentence[start:end], items) if end - start <= CHAIN_SPAN_MAX else None


_FUNCTION_WORDS = frozenset("要在对把以为从和与是有将就也都还而并且其这那我你他它")


def parallel_clauses(body: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Three or more clauses in a row opening alike and about as long as each other
    (只想职位不想作为，只想获得不想付出，只想职级不履行职能); the first may be led in by
    words of the sentence (不能只想职位…), which stay out of it. Opening with a function
    word (以…，以…) takes four clauses of one length, or a frame of three characters or more
    that they all open with (有利于实现党的领导，有利于集中力量办大事，…). A frame the clauses
    share lets them be longer and differ more: an opening of two characters or more that is no
    function word (反对把自己的意志强加于人，反对干涉别国内政，反对以强凌弱), or a function word
    with a closing they share too (对马克思主义的信仰，对中国特色社会主义的信念，对…的信心)."""
    parts = [p.strip() for p in re.split(r"[，,；;]", body) if p.strip()]
    i = 0
    while i < len(parts) - 2:
        head = parts[i + 1][:1]
        end = i + 1
        while end < len(parts) and parts[end][:1] == head:
            end += 1
        at = _where_the_run_begins(parts[i], parts[i + 1 : end]) if end - i >= 3 and head in parts[i] else -1
        items = [parts[i][at:], *parts[i + 1 : end]] if at >= 0 else []
        if items and items[-1].endswith("等") and end == len(parts):
            items[-1] = items[-1][:-1]  # …，坚持规划法定原则等: 等 closes the run, it is no part of the item
        if len(items) >= 3 and re.fullmatch(f"[{_HAN}]", head) and _parallel(items, head):
            yield _spanned(body, items), tuple(items)
            i = end
        else:
            i += 1


MAXIM = rf"([{_HAN}]{{2,8}})是([{_HAN}]{{2,8}})"
MAXIM_RUN = re.compile(rf"(?<![{_HAN}])(?:{MAXIM}，)+{MAXIM}(?![{_HAN}])")


def maxims_of_one_measure(body: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Three or more maxims "A是B" in a row, all of one measure (规范是底线，法治是保障，正规是方向): a set by its
    measure alone, however unlike their words (named as missed by both raters of rounds 338–339)."""
    for run in MAXIM_RUN.finditer(body):
        clauses = [re.fullmatch(MAXIM, clause) for clause in run.group().split("，")]
        if of_one_measure(clauses):
            yield run.group(), tuple(run.group().split("，"))


def of_one_measure(clauses: list[re.Match[str] | None]) -> bool:
    """Three or more maxims whose subjects are as long as each other, and their predicates too."""
    return len(clauses) >= 3 and all(clauses) and len({(len(m[1]), len(m[2])) for m in clauses if m}) == 1


def _spanned(body: str, items: list[str] | tuple[str, ...]) -> str:
    """The words of ``body`` from its first item to its last, separators as the speech writes them."""
    start = body.find(items[0])
    return body[start : body.find(items[-1], start) + len(items[-1])]


def held_by_frame_only(text: str, items: tuple[str, ...]) -> bool:
    """Whether ``text`` is a run of whole clauses unlike each other in length, held together
    only by the frame they share (反对把自己的意志强加于人，反对干涉别国内政，反对以强凌弱;
    面对纷繁复杂的国际国内形势，…，面对人民群众新期待): how the speech is built, not a set to
    learn. The two such runs that reached a bank were discarded or edited by all four raters of
    rounds 190–193 (minor items, a preamble)."""
    lengths = [len(item) for item in items]
    whole = re.sub(r"\s*,\s*", "，", text) == "，".join(items)
    return whole and len(items) >= 3 and max(lengths) - min(lengths) > PARALLEL_SLACK and not long_run(items)


def long_run(items: list[str] | tuple[str, ...]) -> bool:
    """LONG_RUN clauses or more opening on one word of two characters or more, no function word."""
    opening = os.path.commonprefix(list(items))
    return len(items) >= LONG_RUN and len(opening) >= 2 and opening[:1] not in _FUNCTION_WORDS


def _where_the_run_begins(clause: str, others: list[str]) -> int:
    """Where in ``clause`` the run begins whose other clauses are ``others``: at the last word
    that opens on what they all open with, or on its first words; one character must be a word
    of its own (保持对党…: not the 对 of 绝对; 学生…，学生…: not the 学 of 学校), or -1."""
    opening = os.path.commonprefix(others)
    shared = sorted({len(opening), *(b for b in word_bounds(others[0]) if 0 < b < len(opening))}, reverse=True)
    bounds = word_bounds(clause)
    for length in shared:
        starts = [
            at
            for at in sorted(bounds, reverse=True)
            if clause.startswith(opening[:length], at) and (length > 1 or at + 1 in bounds)
        ]
        if starts:
            return starts[0]
    return -1


def _parallel(items: list[str], head: str) -> bool:
    lengths = [len(item) for item in items]
    shortest, longest = min(lengths), max(lengths)
    if shortest < PARALLEL_MIN:
        return False
    opening = len(os.path.commonprefix(items))
    if (opening >= 2 and head not in _FUNCTION_WORDS) or opening >= FRAME_OPENING or (opening and _closing(items)):
        return longest <= FRAMED_PARALLEL_MAX and (longest <= 2 * shortest or long_run(items))
    tight = len(items) >= 4 and longest - shortest <= 1  # 以科学理论引路指向，以…
    return (head not in _FUNCTION_WORDS or tight) and longest <= PARALLEL_MAX and longest - shortest <= PARALLEL_SLACK


def _closing(items: list[str]) -> bool:
    """Whether the clauses share a character in the same place among their last three
    (…相匹配，…相协调; …的信仰，…的信念)."""
    return any(len({item[-place] for item in items}) == 1 for place in (1, 2, 3))


_MODALS = ("要", "必须", "应当", "应该")
LEAD_IN_MAX = 10


def without_lead_in(clause: str) -> str:
    """A clause without who is to act and the modal (各级党组织要强化政治监督 → 强化政治监督;
    我们要坚持… → 坚持…): the words of the first of a run that the others leave out."""
    at = 0
    for word in words(clause[: LEAD_IN_MAX + 2]):
        at += len(word)
        if word in _MODALS:
            return clause[at:] if len(clause) - at >= PARALLEL_MIN else clause
        if at >= LEAD_IN_MAX:
            break
    return clause


def parallel_endings(body: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Three or more clauses in a row closing alike and about as long as each other (用时代发展
    要求审视自己，以强烈忧患意识警醒自己，以改革创新精神加强和完善自己): an ending of two
    characters or more, or of one when the clauses are all as long (依法治教，规范从教，公正施教).
    The first clause leaves out its speaker and modal and a verb that governs the run (我们要坚持…).
    A run never crosses a ；."""
    for part in re.split(r"[；;]", body):
        parts = [p.strip() for p in re.split(r"[，,]", part) if p.strip()]
        i = 0
        while i < len(parts) - 2:
            end = i + 1
            while end < len(parts) and parts[end][-1] == parts[i][-1] and ends_alike(parts[i : end + 1], least=2):
                end += 1
            items = _closing_run(parts[i:end]) if end - i >= 3 else None
            if items:
                yield _spanned(body, items), items
                i = end
            else:
                i += 1


def _closing_run(clauses: list[str]) -> tuple[str, ...] | None:
    """The items of clauses closing alike, or None when they are parallel_clauses' own or
    unlike each other in length."""
    items = (_governed(without_lead_in(clauses[0])), *clauses[1:])
    lengths = [len(item) for item in items]
    alike = min(lengths) >= PARALLEL_MIN and max(lengths) <= FRAMED_PARALLEL_MAX and max(lengths) - min(lengths) <= PARALLEL_SLACK
    return items if alike and not _opens_alike(clauses) else None


def _governed(clause: str) -> str:
    """A clause without the verb that governs the whole run: one followed by a preposition
    (坚持用时代发展要求审视自己 → 用…), not the clause's own (强化政治监督)."""
    rest = strip_lead_verb(clause)
    return rest if rest != clause and tag(words(rest)[0]) == "p" else clause


def _opens_alike(items: list[str]) -> bool:
    """Whether parallel_clauses reads the run: the clauses after the first open alike, and the
    first holds that opening (质量对学校来说是立校之本，对教师来说…)."""
    opening = os.path.commonprefix(items[1:])
    return bool(opening) and opening[:1] in items[0]


_COUNTED = re.compile(rf"“[^“”{NUMERALS}]{{0,6}}({_NUM}+)[^“”]{{0,6}}”：([^。！？：“”]{{4,160}})(?=[。！？]|$)")
COUNTED_ITEM_MAX = 20


def counted(sentence: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """A quoted label that counts, then a colon and as many items to the end of the sentence
    (进一步打响“两高品牌”：高技能的专业品牌、高素质的德育品牌。): the items, asked after their label."""
    for match in _COUNTED.finditer(sentence):
        count = (leading_number(match.group(1)) or (0, 0))[0]
        for separators in ("、", "[，；]"):
            items = tuple(re.split(separators, match.group(2)))
            if len(items) == count >= 2 and all(
                2 <= len(item) <= COUNTED_ITEM_MAX and not re.search("[，；、]", item) for item in items
            ):
                yield match.group(2), items
                break


NOT_A_COPULA = "就不都也还正只总每止而且但才即于要凡若算像真或可便"  # 也是, 但是, 于是, 要是, 凡是…: no "A是B" (but 人才是)
_DEFINITION = re.compile(
    rf"(?P<subject>[{_HAN}“”]{{2,14}}?)(?:就是|(?:(?<![{NOT_A_COPULA}])|(?<=人才))是)(?P<what>[{_HAN}“”]{{4,22}})"
)
SUBJECT_MAX = 16
PAIRED_SUBJECT_MAX = 24
_NOT_A_PREDICATE = ("要", "说", "指", "在", "把", "为了", "因为", "由于")  # 就是要…, 就是说…, 是指…: no definition
_NOT_A_SUBJECT = re.compile(r"这|那|它|他|其(?!中)|去年|今年|明年|当前|现在|目前|过去|特别|就是说")


def definitions(body: str) -> list[str]:
    """What a clause "A是B" says A is (创新是改革开放的生命 → 改革开放的生命), with what the
    clauses after it go on saying A is (改革开放是…的重要法宝，是…的必由之路，是…的关键一招):
    the speech defining a term, which an exam asks with A as the prompt. Every such clause
    counts, wherever it stands (…，但规模扩张并不意味着质量和效益增长，走内涵式发展道路是…的
    必由之路; 自力更生是…的奋斗基点，自主创新是…的必由之路); "A就是B" says it too (初心就是
    对共产主义理想的坚定信仰)."""
    clauses = re.split(r"[，；]", body.rpartition("：")[2])  # 实践启示我们：中国共产党领导是…
    found: list[str] = []
    start = 0
    while start < len(clauses):
        if not _defining(clauses[start], clauses[start - 1] if start else ""):
            start += 1
            continue
        match = _DEFINITION.fullmatch(clauses[start])
        first = match["what"] if match else _predicate(clauses[start])
        if not first.endswith("的"):
            found.append(first)
        start += 1
        while start < len(clauses) and _goes_on_defining(_predicate(clauses[start])):
            found.append(_predicate(clauses[start]))
            start += 1
    return found


KEYS = "关键|要害|根本|基础|目的|核心|实质|前提|要义|精髓|第一个?标准|根本标准|出发点|落脚点|着力点|突破口"
"""What a judgement says a thing turns on (减负的基础是减量; 人才培养，关键在教师)."""
KEY_SAYS = rf"(?:(?:{KEYS})(?:应该|应当|就|则)?(?:在于|在|是)|(?:归根到底|归根结底|说到底)(?:要靠|靠|在于|是))"
"""关键在, 基础是, 第一标准应该是, 归根到底要靠: the words before what a thing turns on."""
KEY_JUDGEMENT = re.compile(rf"(?:^|(?<=[的之{_HAN}])){KEY_SAYS}(?P<what>[{_HAN}“”]{{2,12}})$")
_WE_HOLD = re.compile(r"^—*(?:我们|我)(?:坚持|认为|强调|深知|懂得)?")


def key_judgements(body: str) -> list[str]:
    """Judgements of what a thing turns on, from the key word (减负的基础是减量 → 基础是减量;
    人才培养，关键在教师 → 关键在教师; 我们坚持创新驱动实质是人才驱动 → 实质是人才驱动):
    the speech's thesis, asked by the words after the key however short they are."""
    found = []
    for clause in re.split(r"[，；]", body.rpartition("：")[2]):
        clause = _WE_HOLD.sub("", clause)
        match = KEY_JUDGEMENT.search(clause)
        what = match["what"] if match else ""
        if what and not (_PRONOUNS.search(clause) or _NOT_A_SUBJECT.search(clause)):
            if not what.endswith("的") and not what.startswith(_NOT_A_PREDICATE):
                found.append(match.group())
    return found


ROLES = "标准|重点|出发点|落脚点|牵引|主线|核心|根本|导向|遵循|方向|目标|首要任务|第一要务|重中之重|生命线|突破口|着力点"
"""What a speech makes something the measure or the aim of (把立德树人的成效作为…根本标准)."""
_ROLE_FRAME = rf"(?:把|将)(?P<held>[{_HAN}“”、]{{2,20}}?)，?作为[{_HAN}]{{0,14}}?(?:{ROLES})|以(?P<by>[{_HAN}“”、]{{2,20}}?)为[{_HAN}]{{0,14}}?(?:{ROLES})"
ROLE_RUN = 3
_ROLE = re.compile(rf"(?:{_ROLE_FRAME})(?:和(?:{ROLES}))?(?=[，。；！？]|$)")


def roles(body: str) -> list[str]:
    """What the speech makes a thing's measure, aim or lead (把立德树人的成效作为检验学校一切
    工作的根本标准; 以经济体制改革为牵引; 以促进社会公平正义、增进人民福祉为出发点和落脚点):
    the thing, asked with its role for a cue. Not a bare 以…为重点, nor one of a run of three
    把…作为… (a work plan's many priorities and means: raters kept neither), nor what a
    pronoun or an etc. leaves open."""
    if body.count("作为") >= ROLE_RUN:
        return []
    found = []
    for match in _ROLE.finditer(body):
        held = match["held"] or match["by"]
        bare = match["by"] and match.group().endswith("为重点")
        if not bare and "等" not in held and not _PRONOUNS.search(held) and not held.startswith(_NOT_A_PREDICATE):
            found.append(held)
    return found


SAID_TO_BE = "是|处于|进入|迎来了?|成为"
"""The verbs before what a speech says a thing is, what stage it is in or what it is to become."""
PERIODS = "时期|机遇期|交汇期|窗口期|阶段"
_PERIOD = re.compile(rf"(?:处于|进入|迎来了?|是)(?P<what>[{_HAN}“”、]{{4,40}}?的[{_HAN}]{{0,6}}?(?:{PERIODS}))$")


def periods(body: str) -> list[str]:
    """What stage the speech says a country or a field is in (我们迎来了世界新一轮科技革命和
    产业变革同我国转变发展方式的历史性交汇期; 我国发展处于…不确定难预料因素增多的时期): its
    judgement of the times, asked by the period's name or, a plain one, by what marks it."""
    return [match["what"] for clause in re.split(r"[，；：]", body) if (match := _PERIOD.search(clause))]


AIMS_AT = "使|让|努力|确保|推动|力争|要"
"""The words before 成为 that make it what the speech means a thing to become."""
_AIM = re.compile(rf"(?:{AIMS_AT})[{_HAN}“”]{{0,12}}?成为(?P<what>[{_HAN}“”、]{{4,24}})$")


def aims(body: str) -> list[str]:
    """What the speech means a thing to become (让内需成为经济发展的主动力; 努力成为世界主要
    科学中心和创新高地): an aim, asked as a definition is. Not what someone became (刘少奇同志
    也因此成为…领袖): that is a life's story."""
    found = [match["what"] for clause in re.split(r"[，；：]", body) if (match := _AIM.search(clause))]
    return [what for what in found if "成为" not in what]  # 富有吸引力的工作、成为孩子们尊崇向往的职业: two aims, one blank


RULES_OUT = "[决绝]不能"
"""决不能, 绝不能: the words before what a red line rules out."""
_RED_LINE = re.compile(rf"{RULES_OUT}(?P<act>[{_HAN}]{{4,20}})$")


def red_lines(body: str) -> list[str]:
    """What the speech says must never happen (我国是一个大国，决不能在根本性问题上出现颠覆性错误):
    a red line, asked by what it rules out, the object of its last verb. Not one with no
    object (决不能提拔重用), nor one that rules out what others are let do (决不能让亲属子女打着
    自己的旗号谋取私利: the last verb the segmenter knows, 打着, is not the last one)."""
    found = []
    for clause in re.split(r"[，；：]", body):
        match = _RED_LINE.search(clause)
        ruled_out = _object_of_last_verb(match["act"]) if match and not match["act"].startswith(("让", "使")) else ""
        if 3 <= len(ruled_out) <= RULED_OUT_MAX:
            found.append(ruled_out)
    return found


RULED_OUT_MAX = 10
_CONCEDED_FIRST = re.compile("^(?:虽然|尽管)?可以")
INSISTS = "但(?:必须|一定要|要)"
"""但必须, 但要: the words before the bottom line a concession is followed by."""
_INSISTED = re.compile(rf"^{INSISTS}(?P<what>[{_HAN}]{{4,16}})$")


def insisted_on(body: str) -> list[str]:
    """What the speech insists on after a concession (可以借鉴国外有益做法，但必须扎根中国大地办大学):
    the bottom line, asked as a red line is."""
    clauses = re.split(r"[，；：]", body)
    return [
        match["what"]
        for before, clause in zip(clauses, clauses[1:])
        if _CONCEDED_FIRST.match(before) and (match := _INSISTED.match(clause))
    ]


FIRSTS = "第一(?:次|个|部|座|支|面)|首次|首个|首部"
"""第一次, 第一个, 首部: the words that make a thing the first of its kind."""
_APPOSED_FIRST = re.compile(rf"，这是[^，；：。]{{0,20}}?(?P<what>(?:{FIRSTS})[{_HAN}]{{2,16}}?)的[{_HAN}]{{2,8}}(?=[，；。]|$)")
FIRST_MIN = 6


def firsts(body: str) -> list[str]:
    """What a life story calls the first of its kind (参与领导闻名全国的安源路矿工人大罢工，这是
    中国共产党第一次独立领导并取得完全胜利的工人斗争 → 第一次独立领导并取得完全胜利): the
    milestone an examiner asks of a commemorative speech, with the thing's name for a cue. Asked
    by the name, it was edited by four raters of six (an event's name, where the point is what
    the sentence calls it)."""
    return [match["what"] for match in _APPOSED_FIRST.finditer(body) if len(match["what"]) >= FIRST_MIN]


def _object_of_last_verb(act: str) -> str:
    cut = words(act)
    last = max((i for i, word in enumerate(cut) if is_verb(word)), default=len(cut))
    return "".join(cut[last + 1 :])


YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"
"""2035年, 二〇三五年."""
YEAR_TARGET = rf"到(?:{YEAR}(?:[{_HAN}]{{2,16}}时)?|本世纪中叶)，?"
_TARGET = re.compile(rf"(?:^|(?<=[，：；]))(?:{YEAR_TARGET})(?P<goal>[{_HAN}“”、]{{6,24}})(?=[，；。]|$)")


def year_targets(body: str) -> list[str]:
    """What the speech sets for a year (到二〇三五年，全面建成高水平社会主义市场经济体制;
    到2020年全面建成小康社会): the timetable an examiner asks by its year. Of a goal that
    only points back at the document (完成本决定提出的改革任务), the deadline: its year, or its
    year and the anniversary beside it (二〇二九年中华人民共和国成立八十周年), as either gives the other
    away. Blanked instead, that goal was edited by every rater of rounds 192–337 who saw it."""
    found = []
    for match in _TARGET.finditer(body):
        if not _THE_DOCUMENT.search(match["goal"]):
            found.append(match["goal"])
        elif deadline := DEADLINE.search(match.group()):
            found.append(deadline.group())  # 到____，完成本决定提出的改革任务: the deadline
    return found


ANNIVERSARY = r"(?:\d+|[一二三四五六七八九十百]+)周年"
DEADLINE = re.compile(rf"(?P<year>{YEAR})(?:(?P<occasion>[{_HAN}]{{2,14}}?)(?P<anniversary>{ANNIVERSARY}))?")
"""二〇二九年, or 二〇二九年中华人民共和国成立八十周年."""


_THE_DOCUMENT = re.compile(r"本(?:决定|规划|纲要|意见|方案|报告|文件)|上述")


def _goes_on_defining(what: str) -> bool:
    """A clause "是…" after a definition that says what its subject is as well (…，是…的必由之路)."""
    return 4 <= len(what) <= 22 and not what.endswith("的") and not what.startswith(_NOT_A_PREDICATE)


def _predicate(clause: str) -> str:
    """What a clause opening on the copula says (是…, 也是…, 就是…), or ''."""
    return clause.removeprefix("也").removeprefix("就").removeprefix("是") if clause.startswith(("是", "也是", "就是")) else ""


def a_pair(subject: str) -> bool:
    """A subject of two parts, longer than a plain one may be (建设现代化产业体系、实现产业体系整体跃升)."""
    return subject.count("、") == 1 and len(subject) <= PAIRED_SUBJECT_MAX


def _defining(clause: str, before: str) -> bool:
    """A clause "A是B", or "是B" after a clause that is only its subject (共产党人坚持的初心，
    就是…)."""
    match = _DEFINITION.fullmatch(clause)
    if match is None:
        subject, what = before, _predicate(clause)
        if not (2 <= len(subject) <= SUBJECT_MAX or a_pair(subject)) or "是" in subject or not what:
            return False
    else:
        subject, what = match["subject"], match["what"]
    return (
        not _PRONOUNS.search(subject)
        and not _NOT_A_SUBJECT.search(subject + what)
        and "、" not in what
        and not what.startswith(_NOT_A_PREDICATE)
    )
