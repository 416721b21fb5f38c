"""The review screen's picture (审题), for the README: a bank whose questions record the
generator's score, the weakest on screen. Update with ``--snapshot-update``, look at the
SVG, then ``python docs/make_pictures.py``."""

from __future__ import annotations

import pytest

from studytui.app import StudyApp
from studytui.bankfile.review_queue import open_queue
from studytui.screens.review import ReviewScreen
from studytui.store import open_store

BANK = """\
title: 从七处齐发力切实履好职尽好责打好卷
id: qichu
questions:
  - id: s1-004
    type: choice
    score: 86
    prompt: 紧盯“____”，严肃查处对党不忠诚不老实、阳奉阴违的两面人、两面派。
    options: [七个有之, 五个有之, 六个有之, 八个有之]
    answer: 七个有之
    source: 紧盯“七个有之”，严肃查处对党不忠诚不老实、阳奉阴违的两面人、两面派。
    tags: [numbered]
  - id: s3-012
    type: cloze
    score: 54
    prompt: 深化标本兼治，一体推进____
    answer: 不敢腐不能腐不想腐
    accept: [不敢腐、不能腐、不想腐]
    explanation: 出自第三部分标题。
    source: 深化标本兼治，一体推进不敢腐不能腐不想腐
    tags: [slogan, heading]
  - id: s2-007
    type: cloze
    score: 71
    reviewed: true
    prompt: 持续整治“____”问题
    answer: 四风
    source: 持续整治“四风”问题
    tags: [numbered]
"""


@pytest.fixture
def data(tmp_path):
    store = open_store(tmp_path)
    store.profile("张老师")
    store.set_setting("profile", "张老师")
    store.close()
    return tmp_path


def test_review_screen(snap_compare, data):
    bank = data / "qichu.yaml"
    bank.write_text(BANK, encoding="utf-8")

    async def run_before(pilot):
        await pilot.app.push_screen(ReviewScreen(open_queue(bank)))
        await pilot.pause()

    assert snap_compare(StudyApp(data_dir=data, banks=[]), run_before=run_before, terminal_size=(80, 24))
