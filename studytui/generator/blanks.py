"""Where a formulation's blank goes: a topic sentence's second part, the second half of a pair
or of a couplet, the head of a definition (or the words before a plain one), the parts of a
slogan to put in order. Pure functions over a formulation's words."""

from __future__ import annotations

import re
from dataclasses import replace

from studytui.generator.checks import MIN_CONTEXT
from studytui.generator.clauses import KEY_JUDGEMENT, SAID_TO_BE, a_pair
from studytui.generator.sayings import COMMENT, COUPLET_MAX, COUPLET_MIN, anaphoric_tail, echoes
from studytui.generator.enumerations import LEAD_VERBS
from studytui.generator.formulations import Formulation, names_stages
from studytui.generator.news import without_frame
from studytui.generator.words import word_bounds

_PARTICLES = "、“”和与及的地得等了着过"


PAIR = re.compile(r"(?P<first>[\u4e00-\u9fff]{2,6})、(?P<second>[\u4e00-\u9fff]{2,6})(?P<rest>的[\u4e00-\u9fff]{1,8})")
"""What a lead says its subject is, when that is a pair: (…是)不忘初心、对党忠诚的光辉榜样."""
FRAME_WORDS = re.compile("(?:必须|就要|更要|要|应当|务必)?(?:始终坚持|坚持|坚定)?")
SHORT_BLANK = 4


_CONCEDED = re.compile(r"(?:不论|无论|不管)[^，。]{1,12}，(?:都|也)是")


def lead_cut(text: str) -> int:
    """Where a topic sentence's blank begins: after the 是 of what holds whatever the case
    (不论…，都是), after its first clause, after 是, or at
    the word boundary nearest a third of it, never inside an enumeration or before a
    particle; the blank keeps four characters or more. A judgement of what a thing turns on
    is cut after its key word (人才培养，关键在____), however short what it names. 0: none."""
    key = KEY_JUDGEMENT.search(text)
    if key and key.start() >= 2:
        return key.start("what")
    conceded = _CONCEDED.search(text)
    if conceded and len(text) - conceded.end() >= 4:
        return conceded.end()  # 每一个共产党员，不论职位多高，都是____: what holds whatever the case
    comma = text.find("，") + 1
    if comma >= 2 and len(text) - comma >= 4:
        return comma
    verb = text.find("是") + 1
    if 2 <= verb <= len(text) / 2 and len(text) - verb >= 4:
        return verb
    bounds = [
        b
        for b in word_bounds(text)
        if 2 <= b <= len(text) / 2 and len(text) - b >= 4 and text[b - 1] not in "、“”" and text[b] not in _PARTICLES
    ]
    return min(bounds, key=lambda b: abs(b - len(text) / 3), default=0)


def second_half(f: Formulation) -> Formulation:
    """A couplet (方向决定前途，道路决定命运) or an echo (人民群众反对什么、痛恨什么，就坚决防范和
    纠正什么) asked by its first half: blanked whole, it leaves only its frame for a cue,
    which fits any of the speech's couplets. A second half that opens on a 但 only holds to its
    first (宁可数量少一些，但要保证质量): the first is asked, by the second. A statement that is its own sentence
    is asked by its head (反腐败是最彻底的____)."""
    said = _STATED.fullmatch(f.text)
    if said and f.sentence.rstrip("。！") == f.text:  # 反腐败是最彻底的自我革命。: its own sentence, asked by its head
        return replace(f, text=said["head"])
    halves = f.text.split("，")
    if len(halves) == 1 and echoes(*(joined := f.text.rpartition("、")[::2])):
        halves = list(joined)  # 业务拓展到哪里、廉洁风险防控就延伸到哪里
    if len(halves) != 2 or f.sentence.count(f.text) != 1:
        return f
    head = COMMENT.match(halves[1])
    if head and len(halves[1]) - head.end() >= 2:
        return replace(f, text=halves[1][head.end() :])  # 作风好不好，最终要看____
    if all(COUPLET_MIN <= len(h) <= COUPLET_MAX for h in halves) or echoes(*halves):
        return replace(f, text=halves[0] if halves[1].startswith(_CONCESSION) else halves[1])
    own = anaphoric_tail(*halves)  # …，我们比历史上任何时期都更____
    return replace(f, text=own) if own else f


_CONCESSION = "但"
_STATED = re.compile(r"[\u4e00-\u9fff]{2,8}是[\u4e00-\u9fff]{1,10}的(?P<head>[\u4e00-\u9fff]{2,6})")
"""A known formulation that is a statement of its own, what a thing is (反腐败是最彻底的自我革命): blanked whole,
the stem was ____。."""


LONG_DEFINITION = 8
_SHORT_HEAD = re.compile(r"[\u4e00-\u9fff]{2,}的([\u4e00-\u9fff]{2,4})")
_HEAD = re.compile(r"[\u4e00-\u9fff“”]{4}的([\u4e00-\u9fff]{2,6})$")  # “十五五”时期的重要战略任务 too
PLAIN_HEADS = frozenset(
    "过程 工作 一代 代表 原因 问题 方面 地方 事情 时期 阶段 表现 体现 标志 结果 部分 内容 方式 办法 一员 所在".split()
)
"""Nouns any predicate may end on (育人和育才相统一的过程): the words before them are the point. A
sign too (…发展水平和发展潜力的重要标志: its head asked was edited by all 12 raters who saw it)."""
ONE_OF = "一[个把场种条项次面道座支份堂]"
"""A count of one before a noun (一把“双刃剑”, 一场接力跑): no part of what a definition says."""
_COUNTED_ONE = re.compile(rf"{ONE_OF}“?(?P<noun>[\u4e00-\u9fff]{{2,}})”?")
_OWNED = re.compile(r"[\u4e00-\u9fff]{1,3}的([\u4e00-\u9fff]{2,4})")
"""单位的领头雁: a thing and whose it is, the thing the point (一个国家发展水平…的重要标志: 一个 counts the 国家)."""
_LEADS_IN = tuple("同和与对把在为从向以")  # a modifier opening on a preposition is no formulation (同新时代共同前进)


_VERDICT = re.compile(r"[\u4e00-\u9fff]{4,}(?:依然|仍然)(?P<what>[\u4e00-\u9fff]{4,6})")


def verdict(text: str) -> str:
    """反腐败斗争形势依然严峻复杂 → 严峻复杂: a judgement of how things still stand is asked by its verdict;
    blanked whole it is a clause with 当前我市 for a cue (edited by all ten raters of rounds 274–293 who saw
    it, most saying to blank the verdict alone); or ""."""
    said = _VERDICT.fullmatch(text)
    return said["what"] if said else ""


def definition_blank(text: str, sentence: str) -> str:
    """What a cloze on a definition blanks: its head (高质量发展是全面建设社会主义现代化
    国家的____ → 首要任务; 开放是中国式现代化的____ → 鲜明标识), or, where the head is a
    plain noun, the words before it (人才培养一定是____的过程 → 育人和育才相统一).
    Blanked whole, a predicate leaves the stem nothing but its subject for a cue, and heads
    are what a speech's definitions differ in (head-only clozes kept 12 of 18, whole ones
    55%, rounds 1–19). A head said twice in the sentence, or the end of a list
    (祖国的前途、民族的希望、创新的未来), stays whole. A judgement of what a thing turns on
    is asked by what follows its key word (基础是减量 → 减量); a definition of a course of
    action by the action (acted_subject)."""
    key = KEY_JUDGEMENT.fullmatch(text)
    if key:
        return key["what"]
    counted = _COUNTED_ONE.fullmatch(text)
    if counted:  # 权力是一把“____”: no learner types the 一把 of 一把“双刃剑”
        owned = _OWNED.fullmatch(counted["noun"])  # “一把手”是一个单位的____: the 领头雁, not whose it is
        if owned and owned[1][-2:] not in PLAIN_HEADS and sentence.count(owned[1]) == 1:
            return owned[1]
        return counted["noun"]
    short = _SHORT_HEAD.fullmatch(text)
    if short and len(re.sub(r"\W", "", sentence)) - len(text) < MIN_CONTEXT:
        return short[1]  # 质量是教育的生命。: blanked whole it would leave 质量是 for a cue
    split = _HEAD.search(text)
    if split and split[1][-2:] in PLAIN_HEADS and names_stages(stages := text.removesuffix(f"的{split[1]}"), sentence):
        return stages  # 正处于从量的积累向质的飞跃、…的重要时期: the stages mark a plain period
    if (
        not re.search(f"(?:{SAID_TO_BE}){re.escape(text)}", sentence)
        or len(text) < LONG_DEFINITION
        or split is None
        or "、" in text.partition("的")[2]
        or text[: split.start(1)].count("、") >= 2  # …研发投入、科研组织和成果转化的主体: the list is the point (3 of 16 kept)
    ):
        return text
    head = split[1]
    if head[-2:] not in PLAIN_HEADS:
        return (acted_subject(text, sentence) or head) if sentence.count(head) == 1 else text
    whole = text.removesuffix(f"的{head}")  # the modifier as the sentence says it, not only its last run of characters
    if not whole.startswith(_LEADS_IN) and "的" not in whole and sentence.count(whole) == 1:
        return whole
    return head if len(head) == 4 and sentence.count(head) == 1 else text  # …伟业的____ → 关键时期: a plain head qualified


_ACTS = tuple(verb for verb in LEAD_VERBS if verb not in "使对把以在用让从由是") + ("走", "重视", "解放")
SUBJECT_SPAN = 24


def acted_subject(text: str, sentence: str) -> str:
    """The subject of a definition when it is a course of action, which is then what the
    definition is about (走内涵式发展道路是…的必由之路; 重视学习是…的成功经验; 坚持解放思想、
    实事求是，坚持真理、修正错误，是…的重要保证): its head says only what kind of thing the
    action is, and exam-setters kept 3 of 29 such heads asked (rounds 1–27). A pair in a clause
    of its own is what its definition is about too (建设现代化产业体系、实现产业体系整体跃升，是…
    的重要战略任务; 发展21世纪马克思主义、当代中国马克思主义，是…责无旁贷的____ → 历史责任 was
    edited by both raters of rounds 148–149). '' when the subject is a thing (党的领导是…的根本保证)
    or not said once before 是."""
    at = sentence.find(f"是{text}")
    if at <= 0:
        return ""
    before = sentence[:at]
    if before.endswith("，"):  # …，坚持真理、修正错误，是…: the clauses since the sentence (or its colon) began
        subject = re.split("[：；。]", before[:-1])[-1]
    else:
        subject = re.split("[，：；。]", before)[-1]
    subject = without_frame(subject.removeprefix("——")).removesuffix("就")  # 习近平强调，建设…、实现…，是…
    paired = before.endswith("，") and a_pair(subject)  # 建设现代化产业体系、实现产业体系整体跃升，是…
    acted = (an_action(subject) or paired) and 4 <= len(subject) <= SUBJECT_SPAN
    return subject if acted and sentence.count(subject) == 1 else ""


def an_action(text: str) -> bool:
    """走内涵式发展道路, 重视学习: a course of action, not a thing (学习本领)."""
    return text.startswith(_ACTS)


def order_parts(text: str) -> tuple[str, ...]:
    """The parts of a slogan: 不敢腐不能腐不想腐 → 不敢腐, 不能腐, 不想腐."""
    if "，" in text:
        return ()  # two clauses (“新教师…农村学校、薄弱学校先招，…”): a 、 inside one is no part
    if "、" in text:
        parts = tuple(p.strip("“”") for p in text.split("、"))
        longest_other = max(len(p) for p in parts[1:])
        if "的" in parts[-1] and not any("的" in p for p in parts[:-1]):
            return ()  # …、朝气蓬勃的马克思主义执政党: the head noun the others modify gives its place away
        return () if len(parts[0]) > longest_other + 1 else parts  # 一体推进不敢腐、不能腐…: not parallel
    for size in (3, 2):
        pieces = [text[i : i + size] for i in range(0, len(text), size)]
        if len(text) % size == 0 and len(pieces) >= 3 and len(set(pieces)) == len(pieces):
            same_start = len({p[0] for p in pieces}) == 1
            same_end = len({p[-1] for p in pieces}) == 1 or len({p[1:] for p in pieces}) == 1
            if same_start or same_end:
                return tuple(pieces)
    return ()
