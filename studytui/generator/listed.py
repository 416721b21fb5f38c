"""A list question's items as they sit in their sentence: one item of a longer enumeration, or one list
of several alike; items of one length; an enumeration that ends where its clause does. Pure functions over
a question's items and its source sentence, for the score."""

from __future__ import annotations

import os
import re

from studytui.constants import BLANK
from studytui.generator.clauses import long_run
from studytui.generator.cues import CLAUSES
from studytui.generator.numerals import counted_next
from studytui.generator.words import tag, words


def one_of_many(answer: str, source: str) -> bool:
    """A blank on one item of an enumeration of three or more, or inside one: a minor item of a
    task list (over rounds 13–15 exam-setters kept none of the 5 such they were shown; a term
    quoted inside one, 加大对“____”改革不到位、…、政务服务中“吃拿卡要”等问题…, 15 times of 46,
    and no rater of that speech named either term among the 15 they would ask)."""
    at = source.find(answer)
    if at < 0 or not any(answer in clause and clause.count("、") >= 2 for clause in CLAUSES.split(source)):
        return False
    before, after = source[:at].rstrip("“"), source[at + len(answer) :].lstrip("”")
    return "、" not in answer or "、" in (before[-1:], after[:1])  # 雁过拔毛、“门难进、脸难看、事难办”: an item quoted


def one_list_of_many(items: list[str], source: str) -> bool:
    """Items that are one list of three or more in their sentence, each after the same frame (教育领域的招生入学、
    校园餐，医疗卫生领域的药品耗材采购、…，民政领域的低保、…): one field of a long task list (discarded by both
    raters of rounds 242–243 and of 260–261)."""
    clauses = CLAUSES.split(source)
    own = next((c for c in clauses if "、".join(items) in c), "")
    frame = own[: own.find(items[0])][-3:] if items and own else ""
    return len(frame) == 3 and sum(frame in c and "、" in c for c in clauses) >= 3


UNIFORM_ITEM = 5


def of_one_length(items: list[str], source: str) -> bool:
    """Three or more items of one length, five characters or more: phrases of one shape. Not
    verbs whose last object runs on past a 的 (发展党组织、开辟根据地、壮大党领导|的人民抗日武装):
    there the length was the cut's."""
    if len(items) < 3 or len({len(item) for item in items}) > 1 or len(items[0]) < UNIFORM_ITEM:
        return False
    acts = sum(tag(words(item)[0]) in ("v", "vn") for item in items) >= 2
    return not (acts and f"{items[-1]}的" in source)


COINED_OWN_MAX = 2


def coined_set(items: list[str]) -> bool:
    """Three or more items of one length on one opening of two characters or more, each its own in one or two
    (以案说德、以案说纪、以案说法、以案说责; 廉洁从政、廉洁用权、廉洁修身、廉洁齐家): a set coined as one, kept by every
    rater who saw one (22 of 22, rounds 1–367), even where it tells what was done."""
    opening = os.path.commonprefix(items)
    return (
        len(items) >= 3
        and len(opening) >= 2
        and len({len(item) for item in items}) == 1
        and len(items[0]) - len(opening) <= COINED_OWN_MAX
    )


ENUMERATION_ENDS = "…，。；：！？、”’）」』等的,.;:!?"


def ends_at_its_edge(items: list[str], source: str) -> bool:
    """Whether an enumeration ends where its clause does, or before 等 or 的: one that runs on
    into the sentence (稳干部群众|对持续正风反腐的预期) was most likely cut in the wrong place."""
    last = items[-1] if items else ""
    at = source.find(last)
    if not last or at < 0 or "".join(items) in source:
        return True  # 全面深刻准确: words said as one run (and glossed after), not cut from an enumeration
    following = source[at + len(last) : at + len(last) + 1]
    if len(items) >= 3 and len({item[-1] for item in items}) == 1:
        return True  # 根本性、全局性、稳定性、长期性|问题: items alike to their ends, before their head noun
    if following == "的" and any("的" in item for item in items[:-1]):
        return False  # 国家的财富、人民的骄傲、民族|的光荣: the last item was cut at its own 的
    return (
        following in ("", *ENUMERATION_ENDS)
        or source.startswith(SUBJECT_OF, at + len(last))
        or counted_next(items, source[at + len(last) :])
    )


SUBJECT_OF = ("必须", "需要", "应当", "始终", "长期", "一体")
"""严的基调、严的措施、严的氛围|必须长期坚持 (or |长期坚持; 整改整治、制度建设、警示教育|一体贯通): the list is its clause's
subject, whole."""


def cut_from_its_verb(first: str, stem: str, text: str) -> bool:
    """The words before a list's first item that the speech writes with it as one item of another list
    (侵占挪用|惠民资金、优亲厚友、吃拿卡要 beside …雁过拔毛、侵占挪用惠民资金等): the first item was cut short,
    its verb left in the stem (discarded by all ten raters of rounds 292–315 who saw it)."""
    lead = re.split("[、，；：。等]", stem.partition(BLANK)[0])[-1]
    asked = stem.replace(BLANK, first + "、")  # its own sentence writes them together too (改革发展同谋划、同部署)
    return any(
        len(re.findall(said, text)) > len(re.findall(said, asked))
        for length in range(2, min(len(lead), 6) + 1)
        if (said := f"、{re.escape(lead[-length:] + first)}(?:[、等，；。]|$)")
    )


def a_long_run(items: list[str], stem: str, text: str) -> bool:
    """Items that are each the rest of a whole clause of the speech opening on the word before the blank
    (要聚焦____ → 聚焦构建…，聚焦发展…, seven times): a set by its number, cut at the speech's own commas,
    so neither its count nor its edges are a wrong cut."""
    lead = re.split("[、，；：。]", stem.partition(BLANK)[0])[-1]
    for length in range(2, len(lead) + 1):
        clauses = [lead[-length:] + item for item in items]
        if long_run(clauses) and all(re.search(f"{re.escape(c)}[，；。]", text) for c in clauses):
            return True
    return False
