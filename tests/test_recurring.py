"""Unquoted jargon a speech repeats becomes a formulation; one-off wording does not."""

from studytui.generator.formulations import extract
from studytui.generator.recurring import recurring_terms

SPEECH = """一、坚持改革

我们要完善社会主义市场经济体制，激发市场活力。

各地区要围绕社会主义市场经济体制抓落实，快速发展各项事业。

改革开放和社会主义现代化建设取得新成就，基本实现社会主义现代化。
"""


def test_a_term_said_in_two_paragraphs_is_a_formulation():
    texts = {f.text for f in extract(SPEECH).formulations}
    assert "社会主义市场经济体制" in texts


def test_one_off_wording_and_clauses_are_not_terms():
    terms = recurring_terms(["快速发展各项事业。", "我们要快速发展。", "基本实现社会主义现代化。", "改革开放和社会主义现代化。"])
    assert "快速发展" not in terms  # a two-word compound needs three paragraphs
    assert not any("实现" in t or "和" in t for t in terms)
    assert "社会主义现代化" in terms


def test_a_shorter_term_inside_a_longer_one_said_in_the_same_places_is_dropped():
    terms = recurring_terms(["完善社会主义市场经济体制。", "围绕社会主义市场经济体制。"])
    assert "社会主义市场经济体制" in terms
    assert "市场经济体制" not in terms


DASHED = """一、四十年的成就

——40年来，我们始终坚持以经济建设为中心，不断解放和发展社会生产力，国内生产总值由3679亿元增长到82.7万亿元，人民生活水平显著提高。

——40年来，我们始终坚持保护环境和节约资源，坚持推进生态文明建设，生态文明制度体系加快形成，主体功能区制度逐步健全。
"""


def test_each_paragraph_of_a_dashed_run_leads_with_its_opening():
    leads = {f.text for f in extract(DASHED).formulations if f.kind == "lead"}
    assert "40年来，我们始终坚持以经济建设为中心" in leads
    assert "40年来，我们始终坚持保护环境和节约资源" in leads


SUBHEADINGS = """一、总体态势

（一）认清教育大势

一是优质化。没有质量的教育，是名不副实的教育。

二是均衡化。基础教育均衡发展是社会公共产品公平分配的重要体现。要以均衡发展为主线，缩小城乡之间、学校之间的办学差距，让每一个孩子都能接受良好的教育。
"""


def test_a_short_heading_keeps_the_body_sentence_after_it_as_context():
    by_text = {f.text: f for f in extract(SUBHEADINGS).formulations}
    assert by_text["均衡化"].sentence == "二是均衡化。基础教育均衡发展是社会公共产品公平分配的重要体现。"
    assert by_text["认清教育大势"].sentence == "（一）认清教育大势"  # a heading follows: no body to add
