"""Unquoted jargon that a speech repeats: a noun phrase ending in one of the genre's
head nouns (…体系, …制度, …战略) that recurs in two paragraphs or more.

A phrase said once may be passing wording; said again in another paragraph it is
one of the speech's own terms (FORMULATIONS.md: 固定表述)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from studytui.generator.words import words

MIN_PARAGRAPHS = 2
MIN_CHARS = 4
MAX_CHARS = 16
MAX_WORDS = 6
HEADS = tuple(
    "制度 体系 体制 机制 战略 道路 原则 格局 宗旨 路线 地位 精神 能力 矛盾 工程 领导 思想 理念 方针 政策 国策 "
    "目标 使命 任务 要务 优势 环境 成果 成就 革命 伟业 作风 生态 建设 改革 发展 开放 治理 现代化 主义 经济 "
    "文化 世界 大国 教育 质量 公平 正义 水平 效能".split()
)
# Words a term does not open with: function words, pronouns and the verbs that
# govern a term rather than belong to it (推进…, 坚持…).
OPENERS = frozenset(
    "的 地 得 和 与 及 并 在 对 为 把 从 向 是 等 了 也 就 都 而 又 更 要 将 已 被 这 那 其 该 各 "
    "我 我们 我国 你们 大家 同志们 一个 进一步 加快 坚持 推进 加强 深化 完善 健全 推动 实现 提高 提升 构建 "
    "建立 确保 不断 全面 实行 促进 维护 走 开辟 培育 践行 建成 确立 实施 以".split()
)
JOINERS = frozenset("和 与 及 以及 或 同".split())
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?、“”「」『』《》（）()\s—…]+")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _phrases(clause: str) -> Iterable[str]:
    """Runs of up to MAX_WORDS words that open on a content word and end on a head."""
    tokens = words(clause)
    for i, first in enumerate(tokens):
        if first in OPENERS:
            continue
        phrase = ""
        for token in tokens[i : i + MAX_WORDS]:
            if phrase and (token in JOINERS or token in OPENERS):
                break  # 改革开放和社会主义现代化, 基本实现…: two terms or a clause, not one term
            phrase += token
            if len(phrase) > MAX_CHARS:
                break
            if len(phrase) >= MIN_CHARS and phrase.endswith(HEADS) and not _NOT_HAN.search(phrase):
                yield phrase


def _needed(phrase: str) -> int:
    """Paragraphs a phrase must recur in: a two-word compound (快速发展) is common
    wording, so it needs one paragraph more."""
    return MIN_PARAGRAPHS + (len(phrase) <= MIN_CHARS)


def recurring_terms(paragraphs: list[str]) -> dict[str, int]:
    """Each recurring term with the index of the first paragraph that says it; a term
    is dropped when a longer one holding it recurs in the same paragraphs."""
    where: dict[str, set[int]] = {}
    for index, paragraph in enumerate(paragraphs):
        for clause in _CLAUSE_BREAK.split(paragraph):
            for phrase in _phrases(clause):
                where.setdefault(phrase, set()).add(index)
    recurring = {p: found for p, found in where.items() if len(found) >= _needed(p)}
    return {
        phrase: min(found)
        for phrase, found in recurring.items()
        if not any(phrase != other and phrase in other and recurring[other] == found for other in recurring)
    }
