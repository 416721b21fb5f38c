"""The people a speech names: whom it is about, the sentences of a life story, a name or
post as an answer, and the 他 a stem cut from its paragraph opens on. Pure functions over
strings, for the writer and the score."""

from __future__ import annotations

import re
from collections import Counter

from studytui.generator.checks import instruction
from studytui.generator.words import tag

_POST = re.compile(r"总书记|主席|委员长|总理|常委|委员|书记|部长|省长|市长|县长|局长|院长|校长|主任|同志|一把手")
_QUOTES_HIM = re.compile(r"[他她][还也]?(?:说|指出|强调|认为|要求)：“")
_FRAME_OR_JUDGEMENT = re.compile(
    r"(?:同志)?(?:是|指出|强调|说|表示|认为|要求|号召)|[^，。；：“”]{1,6}?(?:指出|强调|说|表示|认为|要求|号召|提出)[：，“]"
)
"""刘少奇同志是…, 习近平指出，…, 习近平总书记深刻指出：“…”, 习近平总书记提出“五个必须”: the person's words or a
judgement of him, not his life."""


_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_PSEUDONYM = re.compile(rf"[{_SURNAMES}]某(?![些种个项方面])|某某")
"""张某, 王某某: a person of a case, named as a discipline speech names them."""
_CASES_POINTED = re.compile(r"这(?:[两几二三四五六七八九十]个|些)?案例，")
"""这两个案例，一个是局长，一个是村支书，…: the cases told, summed up."""


def tells_a_case(sentence: str, paragraph: str) -> bool:
    """A sentence of a case story: it names a person of the case (张某), or its paragraph is their
    story, opening on them and naming them again (第二个案例，是…王某。…钱数虽然不算大，但伸手拿的是…),
    or it sums the cases up. Its details are no formulation (edited or discarded by all seven raters
    of rounds 244–257 who saw one); a lesson drawn from a case named in passing is (…王某一案暴露出…。
    这说明，对干部严格管理、严格监督，就是对干部最大的爱护: kept by all who saw it)."""
    opening = re.split("[。！？]", paragraph, maxsplit=1)[0]
    told = any(paragraph.count(name) >= 2 for name in _PSEUDONYM.findall(opening))
    return bool(told or _PSEUDONYM.search(sentence) or _CASES_POINTED.match(sentence))


_PERSON = re.compile(r"([\u4e00-\u9fff]{2,3})(?=同志|总书记|主持|出席|指出|强调|说：|同志说)")


def people(text: str) -> frozenset[str]:
    """The people a speech names: a name before 同志, 主持, 指出… that jieba knows as one."""
    return frozenset(
        name
        for match in _PERSON.finditer(text)
        for name in (match.group(1), match.group(1)[1:])
        if len(name) >= 2 and tag(name).startswith("nr")
    )


SUBJECT_MIN = 5
_OPENING_HE = re.compile(r"(?:[^，。；：“”他]{2,20}，)?(?P<he>他)(?![们人])")


def named(prompt: str, subject: str) -> str:
    """``prompt`` with the 他 its stem opens on (after a setting: 在党的八大上，他…) as ``subject``."""
    he = _OPENING_HE.match(prompt, len(instruction(prompt)))
    return prompt if he is None or not subject else prompt[: he.start("he")] + subject + prompt[he.end("he") :]


def subject(text: str) -> str:
    """Whom a speech is about, as it names him (刘少奇同志): the person it names most often, five
    times or more and twice as often as anyone else, with 同志 when it says so. A stem cut from
    its paragraph opens on his 他 (在党的八大上，他代表党中央…), which names no one there."""
    names = {_full_name(name, text) for name in people(text)}
    said = Counter({name: text.count(name) for name in names if not any(name != other and name in other for other in names)})
    ranked = said.most_common(2)
    if not ranked or ranked[0][1] < SUBJECT_MIN or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return ""
    name = ranked[0][0]
    return f"{name}同志" if 2 * text.count(f"{name}同志") >= ranked[0][1] else name


def _full_name(name: str, text: str) -> str:
    """恩来 → 周恩来: a given name the segmenter knew without its surname, which the speech always says before it."""
    at = text.find(name)
    return text[at - 1] + name if len(name) == 2 and at > 0 and text.count(text[at - 1] + name) == text.count(name) else name


def names_someone(answer: str, people: frozenset[str]) -> bool:
    """A post (总书记, 常委…), a person the speech names, or an organisation alone (党中央)."""
    if _POST.search(answer) or any(person in answer for person in people):
        return True
    return tag(answer) == "nt"


def a_post(answer: str) -> bool:
    """An answer that is a post and nothing more (一把手), though the lexicon knows it: who, not what is said of
    them (一把手 asked was edited by all 22 raters of rounds 258–321 who saw it, for 关键少数 or 以上率下)."""
    return _POST.fullmatch(answer.strip("“”")) is not None


def about_someone(source: str, speech_people: frozenset[str]) -> bool:
    """A sentence of a life story: 他…, or a person the speech names, as its subject; not
    their words quoted (他说：“…”, 刘少奇同志指出，…)."""
    if source.startswith(("他", "她")):
        return not _QUOTES_HIM.match(source)  # 他还说：“必须把…作为加强党性的第一个标准。”: his words, not his life
    person = next((p for p in speech_people if source.startswith(p)), None)
    if person is None:
        return False
    after = source[len(person) : len(person) + 12]
    return not _FRAME_OR_JUDGEMENT.match(after)  # 习近平指出，… frames the speaker's words; 刘少奇同志是…的光辉榜样 judges
