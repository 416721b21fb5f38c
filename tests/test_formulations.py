"""Finding formulations, on a speech of the genre that is not the seed."""

from pathlib import Path

import pytest

from studytui.generator.formulations import extract, names_stages
from studytui.generator.structure import read

OTHER = (Path(__file__).parent / "data" / "other_speech.txt").read_text(encoding="utf-8")


def found(text=OTHER):
    return {f.text: f for f in extract(text).formulations}


def lists_in(text):
    return {f.items for f in found(text).values() if f.kind == "list"}


def test_structure_title_sections_and_paragraphs():
    analysis = read(OTHER)
    assert analysis.title == "凝心聚力抓落实\u3000驰而不息正风纪"
    assert [s.title for s in analysis.sections] == [
        "坚持以政治监督为统领，坚定拥护“两个确立”",
        "坚持严的主基调，一体推进不敢腐不能腐不想腐",
        "坚持纠树并举，持之以恒正风肃纪",
    ]
    assert not any(p.text.startswith("——") for p in analysis.paragraphs)


def test_a_long_first_line_without_a_clause_break_is_the_title_and_one_with_commas_a_paragraph():
    title = "市纪委书记在2025年全市纪检监察工作“规范化法治化正规化建设年”行动推进会上的讲话"  # 43 characters
    body = "同志们：\n一、提高政治站位\n规范化建设是基础工程。\n"
    assert read(f"{title}\n{body}").title == title
    subtitled = "坚定不移推进全面从严治党向纵深发展　为集团加快建设一流综合交通投资运营企业提供坚强政治保障——在江海交通投资集团2025年全面从严治党暨党风廉政建设和反腐败工作会议上的讲话"
    assert read(f"{subtitled}\n{body}").title == subtitled  # 86 characters, a title and its subtitle
    opening = "今天召开推进会，主要任务是总结建设年行动开展以来的工作，查找短板弱项，对下一阶段任务再动员、再部署"  # 48
    assert read(f"{opening}\n{body}").title == ""


def test_who_spoke_and_when_belong_to_the_title_and_the_opening_counts_from_the_greeting():
    text = (
        "学纪知纪明纪守纪\n——在全县党纪学习教育专题读书班上的党课讲稿\n中共禾丰县委书记 周明远\n（2024年5月21日）\n"
        "同志们：\n今天讲党课，首先是给自己上课，也是同大家交流学习体会。\n一、深刻认识严明党的纪律的重大意义\n"
        "纪律是管党治党的“戒尺”。\n"
    )
    assert read(text).paragraphs[0].text == "同志们："
    assert "给自己上课" not in " ".join(found(text)), found(text)  # the opening remarks: no definitions asked


def test_every_kind_is_found_with_its_section():
    f = found()
    expected = {
        "坚持以政治监督为统领，坚定拥护“两个确立”": "heading",
        "两个确立": "numbered",
        "两个维护": "numbered",
        "七个有之": "numbered",
        "四种形态": "numbered",
        "国之大者": "quoted",
        "三重一大": "numbered",
        "把“两个维护”落到实处": "lead",
        "织密基层监督网络": "lead",
        "保持惩治腐败高压态势": "lead",
        "工程招投标、土地出让、医疗卫生、教育招生": "list",
        "守纪律、讲规矩、重品行": "list",
        "不敢腐不能腐不想腐": "slogan",
        "团团伙伙、拉帮结派": "slogan",
        "受贿行贿一起查": "slogan",
    }
    for text, kind in expected.items():
        assert text in f, f"{text} not found; found {sorted(f)}"
        assert f[text].kind == kind, (text, f[text].kind)
    assert f["国之大者"].section == "s1" and f["四种形态"].section == "s2"
    assert f["工程招投标、土地出让、医疗卫生、教育招生"].items == ("工程招投标", "土地出让", "医疗卫生", "教育招生")


def test_numbered_formulations_without_quotes():
    assert "中央八项规定精神" in found() or "八项规定精神" in found()
    assert "第一种形态" in found("一、总体要求\n要充分运用第一种形态，抓早抓小。\n")


def test_the_opening_remarks_give_no_leads_or_pairs():
    f = found()
    assert not any(x.section is None and x.kind in ("lead", "list") for x in f.values())
    assert "总结去年工作" not in "".join(f)


def test_sentences_are_verbatim():
    for formulation in extract(OTHER).formulations:
        assert formulation.sentence in OTHER


def test_hard_wrapped_text_gives_the_same_formulations():
    lines = OTHER.splitlines()
    wrapped = []
    for line in lines:
        if line.startswith(("一、", "二、", "三、")) or len(line) <= 30:
            wrapped.append(line)
        else:
            wrapped.extend(line[i : i + 30] for i in range(0, len(line), 30))
    assert set(found("\n".join(wrapped))) == set(found())


def test_a_hard_wrapped_line_ending_in_a_closing_quote_keeps_its_paragraph():
    text = "标题\n一、第一部分\n我们要坚决践行“两个维护”\n，推动政治监督具体化常态化。\n他说：“要抓落实。”\n下一段。"
    paragraphs = [p.text for p in read(text).paragraphs if not p.heading]
    assert paragraphs == ["我们要坚决践行“两个维护”，推动政治监督具体化常态化。", "他说：“要抓落实。”", "下一段。"]


def test_a_quoted_sentence_or_meeting_is_not_a_term():
    f = found("一、要求\n他说：“我们要把工作做好，不辜负期望。”会议传达了“全省纪检监察工作会议”精神。\n")
    assert not any("不辜负" in t or t.endswith("会议") for t in f)


def test_ordinal_enumerations_inside_a_sentence():
    text = "一、总体要求\n（一）压实责任。一是提高政治站位，二是压实主体责任，三是强化监督执纪。\n"
    lists = {f.text: f.items for f in extract(text).formulations if f.kind == "list"}
    assert lists == {"一是提高政治站位，二是压实主体责任，三是强化监督执纪": ("提高政治站位", "压实主体责任", "强化监督执纪")}


def test_a_lead_verb_before_the_first_item_is_left_out():
    text = "一、要求\n坚决防止“四风”反弹回潮，严查违规吃喝、违规收送礼品礼金、公款旅游等问题。\n"
    lists = [f.items for f in extract(text).formulations if f.kind == "list"]
    assert lists == [("违规吃喝", "违规收送礼品礼金", "公款旅游")]


def test_roads_unities_and_couplets_are_formulations():
    text = (
        "一、回顾\n我们实现了从温饱不足到总体小康的历史跨越，实现了由封闭半封闭到全方位开放的历史转变。"
        "我们坚持问题导向和目标导向相统一，坚持试点先行和全面推进相促进。"
        "改革开放四十年的实践启示我们：方向决定前途，道路决定命运。\n"
    )
    f = found(text)
    for term in (
        "从温饱不足到总体小康",
        "由封闭半封闭到全方位开放",
        "问题导向和目标导向相统一",
        "试点先行和全面推进相促进",
        "方向决定前途，道路决定命运",
    ):
        assert f[term].kind == "slogan", term


def test_clauses_that_only_share_a_figure_or_a_word_are_no_couplet():
    text = "一、回顾\n全年新建学校12所，改建学校15所。我们要把握大局，看准方向，抓住机遇。\n"
    assert not any("，" in t for t, g in found(text).items() if g.kind == "slogan")


def test_an_enumeration_or_a_pair_of_clauses_in_quotes_is_a_formulation():
    text = (
        "一、安全\n基本形成了“统一领导、各司其责、相互协作、齐抓共管”的安全工作大格局。"
        "推行“新教师招聘农村学校先招，新教师调入农村学校先挑”的举措。\n"
    )
    f = found(text)
    assert f["统一领导、各司其责、相互协作、齐抓共管"].items == ("统一领导", "各司其责", "相互协作", "齐抓共管")
    assert f["新教师招聘农村学校先招，新教师调入农村学校先挑"].kind == "quoted"


def test_a_definition_and_a_quoted_maxim_are_formulations():
    text = "一、启示\n实践启示我们：创新是改革开放的生命。古人说：“周虽旧邦，其命维新”。去年是改革的第一年。\n"
    f = found(text)
    assert f["改革开放的生命"].kind == "slogan" and f["周虽旧邦，其命维新"].kind == "quoted"
    assert not any("第一年" in t for t in f)


def test_a_well_known_term_is_asked_without_its_verb_and_even_inside_a_couplet():
    text = "一、党建\n践行党的根本宗旨，贯彻党的群众路线。我们要建设现代化经济体系。\n"
    f = found(text)
    assert "党的群众路线" in f and "践行党的根本宗旨，贯彻党的群众路线" in f
    assert "现代化经济体系" in f and "建设现代化经济体系" not in f


def test_a_well_known_term_whose_parts_say_their_own_verbs_keeps_its_first():
    text = "一、外交\n我们必须恪守维护世界和平、促进共同发展的外交政策宗旨。\n"
    f = found(text)
    assert "维护世界和平、促进共同发展" in f and "世界和平、促进共同发展" not in f


def test_a_known_term_s_own_是_makes_no_definition():
    f = found("一、生态\n我们要加强生态文明建设，牢固树立绿水青山就是金山银山的理念，形成绿色发展方式。\n")
    assert "绿水青山就是金山银山" in f and "金山银山的理念" not in f


def test_clauses_in_a_row_opening_alike_are_a_list():
    text = "一、作风\n作为一名领导干部，不能只想职位不想作为，只想获得不想付出，只想职级不履行职能。要把工作做好，要把责任扛起，要把作风改进。\n"
    lists = {f.text: f.items for f in extract(text).formulations if f.kind == "list"}
    assert lists == {
        "只想职位不想作为，只想获得不想付出，只想职级不履行职能": ("只想职位不想作为", "只想获得不想付出", "只想职级不履行职能")
    }


def test_four_clauses_of_one_length_opening_with_one_function_word_are_a_list():
    text = "一、宣传\n我们坚持以科学理论引路指向，以正确舆论凝心聚力，以先进文化塑造灵魂，以优秀作品鼓舞斗志。\n"
    (listed,) = [f for f in extract(text).formulations if f.kind == "list"]
    assert listed.items == ("以科学理论引路指向", "以正确舆论凝心聚力", "以先进文化塑造灵魂", "以优秀作品鼓舞斗志")


def test_clauses_opening_with_one_frame_of_three_characters_are_a_list():
    text = "一、规划\n五年规划有利于实现党的领导，有利于集中力量办大事，有利于前瞻性把握战略问题，有利于保持事业连续性。\n"
    (listed,) = [f for f in extract(text).formulations if f.kind == "list"]
    assert listed.items == ("有利于实现党的领导", "有利于集中力量办大事", "有利于前瞻性把握战略问题", "有利于保持事业连续性")


def test_a_formulation_filling_its_sentence_is_kept_with_the_sentence_before():
    text = "一、要求\n今年要重点抓好三个方面。紧扣全面脱贫抓监督，紧扣绿色发展抓监督，紧扣防范风险抓监督。\n"
    (listed,) = [f for f in extract(text).formulations if f.kind == "list"]
    assert listed.sentence == "今年要重点抓好三个方面。紧扣全面脱贫抓监督，紧扣绿色发展抓监督，紧扣防范风险抓监督。"


WRAPPED = """在全市纪委副书记交流工作座谈会
上的讲话
同志们:
今天,我们在这里召开全市县区纪委副书记易地交流工作座
谈会,主要目的是听一听大家到新岗位工作以来的思想动态。
一、提高政治站位,深刻认识易地交流的战略意义,切实增
强履职尽责的使命感与荣誉感
党的十八大以来,以习近平同志为核心的党中央以前所未有
的决心和力度推进全面从严治党,引领反腐败斗争取得压倒性胜
利并全面巩固。
第一,实行易地交流,是深化纪检监察体制改革、激活制度
效能的“关键一招”。深化纪检监察体制改革,是党中央作出的
重大决策部署。
二、压实工作责任,确保交流干部在新岗位上履职尽责担当作
为
交流干部要尽快进入角色,在新岗位上做出新成绩。
"""


def test_a_speech_copied_from_a_pdf_reads_as_its_paragraphs():
    from studytui.text import full_width_punctuation

    analysis = read(full_width_punctuation(WRAPPED))
    assert analysis.title == "在全市纪委副书记交流工作座谈会上的讲话"
    assert [s.title for s in analysis.sections] == [
        "提高政治站位，深刻认识易地交流的战略意义，切实增强履职尽责的使命感与荣誉感",
        "压实工作责任，确保交流干部在新岗位上履职尽责担当作为",
    ]
    texts = [p.text for p in analysis.paragraphs]
    point = texts.index("第一，实行易地交流，是深化纪检监察体制改革、激活制度效能的“关键一招”")
    assert texts[point + 1] == "深化纪检监察体制改革，是党中央作出的重大决策部署。"


def test_ascii_punctuation_in_chinese_reads_as_full_width():
    from studytui.text import full_width_punctuation

    assert full_width_punctuation("今天,我们召开会议;同志们:好吗?(一)要求") == "今天，我们召开会议；同志们：好吗？（一）要求"
    assert full_width_punctuation("共1,000人, a, b") == "共1,000人， a, b"


def test_a_lexicon_term_takes_the_rest_of_the_longer_one_the_speech_says():
    f = found("一、理论\n我们要不断推进马克思主义中国化时代化大众化，坚持全面协调可持续发展。\n")
    assert "马克思主义中国化时代化大众化" in f and "马克思主义中国化时代化" not in f
    assert "全面协调可持续发展" in f


def test_a_news_account_asks_the_speaker_s_words_only():
    text = (
        "习近平在研讨班开班式上发表重要讲话\n"
        "中共中央政治局常委李强主持开班式，赵乐际、王沪宁出席开班式。\n"
        "习近平指出，要坚持“两个维护”，推动政治监督具体化常态化。\n"
        "习近平强调，要一体推进不敢腐、不能腐、不想腐。\n"
        "李强在主持开班式时指出，要坚持“三严三实”，切实改进作风。\n"
    )
    asked = found(text)
    assert "两个维护" in asked and "三严三实" not in asked
    assert not any("赵乐际" in t or "开班式" in t for t, f in asked.items() if f.kind != "heading")


def test_a_definition_after_a_frame_and_what_it_goes_on_saying():
    text = (
        "一、总体要求\n40年的实践充分证明，改革开放是党和人民大踏步赶上时代的重要法宝，"
        "是坚持和发展中国特色社会主义的必由之路，是决定当代中国命运的关键一招。\n"
    )
    asked = found(text)
    assert {"党和人民大踏步赶上时代的重要法宝", "坚持和发展中国特色社会主义的必由之路", "决定当代中国命运的关键一招"} <= set(
        asked
    )


def test_a_definition_in_a_later_clause_or_said_with_就是_is_one():
    text = (
        "一、总体要求\n当前，我国高等教育办学规模已居世界首位，但规模扩张并不意味着质量和效益增长，"
        "走内涵式发展道路是我国高等教育发展的必由之路。\n"
        "共产党人坚持的初心，就是对共产主义理想的坚定信仰，就是对党和人民事业的永远忠诚。\n"
        "就是说动力是使物体运动的原因。\n"
        "实践启示我们：解放和发展社会生产力，增强社会主义国家的综合国力，是社会主义的本质要求和根本任务。\n"
        "坚持解放思想、实事求是，坚持真理、修正错误，是党和人民事业从胜利走向胜利的重要保证。\n"
    )
    asked = set(found(text))
    assert {"我国高等教育发展的必由之路", "对共产主义理想的坚定信仰", "对党和人民事业的永远忠诚"} <= asked
    assert "社会主义的本质要求和根本任务" in asked  # its subject a clause of 13 characters
    assert "党和人民事业从胜利走向胜利的重要保证" in asked  # a subject may list what it holds
    assert "使物体运动的原因" not in asked  # 就是说 explains; it defines nothing


def test_the_stages_of_a_change_the_speech_names_are_one_formulation():
    text = "一、总体要求\n力争实现我国整体科技水平从跟跑向并行、领跑的战略性转变。\n加快科研成果从样品到产品再到商品的转化。\n"
    assert {"从跟跑向并行、领跑", "从样品到产品再到商品"} <= set(found(text))
    assert names_stages("从跟跑向并行、领跑", "实现我国整体科技水平从跟跑向并行、领跑的战略性转变。")  # scored as stages too
    assert not names_stages("从跟跑向并行", "实现我国整体科技水平从跟跑向并行、领跑的战略性转变。")  # cut short


def test_what_the_speech_means_a_thing_to_become_is_one_but_not_what_someone_became():
    text = (
        "一、总体要求\n要坚持扩大内需，让内需成为经济发展的主动力。\n刘少奇同志也因此成为我国著名工人运动领袖和主要领导人之一。\n"
    )
    asked = found(text)
    assert "经济发展的主动力" in asked
    assert not any("领袖" in t for t, f in asked.items() if f.kind == "slogan")  # the line is a lead, no more
    twice = "讲话\n一、总体要求\n当科学家是孩子的梦想，我们要让科技工作成为富有吸引力的工作、成为孩子们尊崇向往的职业，给梦想插上翅膀。\n"
    assert not any("成为" in t for t, f in found(twice).items() if f.kind == "slogan")  # two aims: no one blank holds both


def test_every_definition_of_a_sentence_is_one_but_a_term_s_gloss_is_none():
    text = (
        "一、总体要求\n自力更生是中华民族自立于世界民族之林的奋斗基点，自主创新是我们攀登世界科技高峰的必由之路。\n"
        "技能为根是指培养技能是职业教育的根本任务。\n"
        "我们坚持创新驱动实质是人才驱动，强调人才是创新的第一资源。\n"
        "只有这样做才是真正的负责任的态度。\n"
    )
    asked = set(found(text))
    assert {"中华民族自立于世界民族之林的奋斗基点", "我们攀登世界科技高峰的必由之路"} <= asked
    assert "创新的第一资源" in asked  # the 才 of 人才 is no 才是 (only then is)
    assert not any(t.startswith("真正的") for t in asked)
    assert not any(t.startswith("指") for t in asked)  # 是指 glosses a label; it defines nothing


def test_what_a_thing_turns_on_and_a_year_s_target_are_formulations():
    text = (
        "一、总体要求\n第二，建设高素质教师队伍。人才培养，关键在教师。\n"
        "评价教师队伍素质的第一标准应该是师德师风。\n"
        "——我们坚持创新驱动实质是人才驱动，强调人才是创新的第一资源。\n"
        "到二〇三五年，全面建成高水平社会主义市场经济体制，基本实现社会主义现代化。\n"
        "这是我们的目的是什么的问题。\n"
        "到二〇二九年，完成本决定提出的改革任务。\n"
    )
    asked = set(found(text))
    assert {"关键在教师", "第一标准应该是师德师风", "实质是人才驱动", "全面建成高水平社会主义市场经济体制"} <= asked
    assert not any(text.startswith("目的是") for text in asked)  # 这…: what it points to is elsewhere
    assert "完成本决定提出的改革任务" not in asked  # a goal that only points back at the document: its year is asked
    beside_an_anniversary = "一、总体要求\n到二〇二九年中华人民共和国成立八十周年时，完成本决定提出的改革任务。\n"
    assert "二〇二九年中华人民共和国成立八十周年" in found(beside_an_anniversary)  # the deadline, with its anniversary
    assert "完成本决定提出的改革任务" not in found(beside_an_anniversary)


def test_what_the_speech_makes_a_measure_or_an_aim_is_a_formulation_but_not_a_bare_priority():
    text = (
        "一、总体要求\n要把立德树人的成效作为检验学校一切工作的根本标准，真正做到以文化人、以德育人。\n"
        "进一步全面深化改革，要以经济体制改革为牵引，以促进社会公平正义、增进人民福祉为出发点和落脚点。\n"
        "今年要以优化教育体系为重点，以我们的工作等为导向，以推动重大科技项目为抓手。\n"
        "要把深化教学改革作为增效的核心，把精选作业作为减负的重要办法，把学法指导作为增效的保证。\n"
    )
    asked = set(found(text))
    assert {"立德树人的成效", "经济体制改革", "促进社会公平正义、增进人民福祉"} <= asked
    assert not {"优化教育体系", "我们的工作等", "推动重大科技项目", "深化教学改革"} & asked  # one priority or means of many


def test_a_subtitle_set_on_two_lines_is_one():
    text = "从七处齐发力打好卷\n\n——市纪委书记在全市纪检监察系统贯彻落实\n全国两会精神大会上的讲话\n\n同志们：\n一要践行“两个维护”，推动政治监督具体化常态化\n要坚持“两个维护”。\n"
    paragraphs = [p.text for p in read(text).paragraphs]
    assert paragraphs[0] == "同志们：" and not any(p.startswith("全国两会") for p in paragraphs)  # no half subtitle to ask


def test_a_speech_quoting_several_people_has_no_other_speakers_to_leave_out():
    from studytui.generator.news import main_speaker
    from studytui.generator.structure import read

    speech = "讲话\n苏轼说：“古之立大事者，不惟有超世之才，亦必有坚忍不拔之志。”\n王守仁说：“志不立，天下无可成之事。”\n古人说：“师者，人之模范也。”\n"
    assert main_speaker(read(speech).paragraphs) is None
    news = "新闻\n习近平指出，要坚持“两个维护”。\n习近平强调，要一体推进不敢腐、不能腐、不想腐。\n李强指出，要抓好落实。\n"
    assert main_speaker(read(news).paragraphs) == "习近平"


def test_a_run_of_clauses_closed_by_等_leaves_it_out_of_its_last_item():
    text = (
        "一、总体要求\n我们党积累了丰富经验，包括坚持党中央集中统一领导，坚持从实际出发，坚持全国一盘棋，坚持规划法定原则等。\n"
    )
    runs = [f.items for f in found(text).values() if f.kind == "list"]
    assert ("坚持党中央集中统一领导", "坚持从实际出发", "坚持全国一盘棋", "坚持规划法定原则") in runs, runs


def test_what_a_life_story_calls_the_first_of_its_kind_is_one_but_not_a_first_in_a_review_of_work():
    text = (
        "讲话\n一、光辉的一生\n刘少奇同志参与领导闻名全国的安源路矿工人大罢工，这是中国共产党第一次独立领导并取得完全胜利的工人斗争。\n"
        "他主持制定《中国土地法大纲》，这是中国共产党公开颁布的第一个关于土地制度改革的纲领性文件。\n"
        "二、工作回顾\n市区首次将优质高中招生名额直接分配到初中学校。\n"
    )
    asked = found(text)
    assert {"第一次独立领导并取得完全胜利", "第一个关于土地制度改革"} <= set(asked)  # what each is called
    assert "安源路矿工人大罢工" not in asked and asked["中国土地法大纲"].kind == "quoted"  # a name; a title, by its quotes
    assert not any("招生名额" in t and len(t) <= 14 for t in asked)


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        # held by one frame, however long and uneven
        (
            "我们要坚决反对搞团团伙伙，反对以权谋私与民争利，反对形形色色的特权思想现象。",
            ("反对搞团团伙伙", "反对以权谋私与民争利", "反对形形色色的特权思想现象"),
        ),
        (
            "全体干部要始终保持对党绝对忠诚的信念，对人民群众深厚的感情，对纪检监察事业执着的追求。",
            ("对党绝对忠诚的信念", "对人民群众深厚的感情", "对纪检监察事业执着的追求"),
        ),
        (
            "做到确保问题线索件件有着落, 确保违纪案件件件有结果, 确保整改任务项项有回音。",
            ("确保问题线索件件有着落", "确保违纪案件件件有结果", "确保整改任务项项有回音"),
        ),
        # closing alike, without the speaker, the modal and a verb that governs the run
        (
            "我们要坚持用党章党规对照自己，以典型案例警醒自己，以严的标准要求自己，不断提高免疫力。",
            ("用党章党规对照自己", "以典型案例警醒自己", "以严的标准要求自己"),
        ),
        ("各级党组织要强化政治监督，深化日常监督，做实专项监督。", ("强化政治监督", "深化日常监督", "做实专项监督")),
        ("主动担责，科学履责，严肃问责，形成闭环。", ("主动担责", "科学履责", "严肃问责")),
    ],
    ids=["an-opening", "a-function-word-and-a-closing", "ascii-commas", "a-governing-verb", "a-lead-in", "one-character"],
)
def test_clauses_held_by_a_frame_or_closing_alike_are_a_list(sentence, items):
    assert items in lists_in(f"一、要求\n{sentence}\n")


def test_a_run_begins_where_its_first_clause_says_the_others_opening_word():
    text = "一、评价\n重点关注自身纵向比较的增长率，与同类学校横向比较的领先率，学生与入学相比的进步率，学生身心发展的健康率。\n"
    assert not any(f.items[:1] == ("学校横向比较的领先率",) for f in found(text).values())


def test_conditions_contrasts_and_double_denials_are_formulations():
    text = (
        "一、纪律\n实践告诉我们，没有严明的纪律，就没有党的团结统一。只有把纪律挺在前面，才能防患于未然。"
        "作风建设不是一阵风，而是常态化的要求。在纪律面前没有旁观者，也没有局外人。"
        "既不搞特殊化也不搞一刀切。只有这样才能做好工作。\n"
    )
    f = found(text)
    for saying in (
        "没有严明的纪律，就没有党的团结统一",
        "只有把纪律挺在前面，才能防患于未然",
        "作风建设不是一阵风，而是常态化的要求",
        "没有旁观者，也没有局外人",
        "既不搞特殊化也不搞一刀切",
    ):
        assert f[saying].kind == "slogan", saying
    assert not any(t.startswith("只有这样") for t in f)


def test_a_couplet_leaves_out_a_verb_only_the_first_clause_has():
    text = "一、联动\n各级纪委要加强上下联动，左右联动，形成合力。我们要实施区域协调发展战略，实施乡村振兴战略。\n"
    f = found(text)
    assert f["上下联动，左右联动"].kind == "slogan"
    assert "区域协调发展战略，实施乡村振兴战略" not in f


def test_modifiers_and_the_nouns_they_modify_are_two_lists():
    f = found("一、民生\n要让人民群众有更多、更直接、更实在的获得感、幸福感、安全感。\n")
    assert f["更多、更直接、更实在"].items == ("更多", "更直接", "更实在")
    assert "获得感、幸福感、安全感" in f
    assert not any("更实在的获得感" in item for g in f.values() for item in g.items)


def test_a_counted_label_and_its_items_after_the_colon_are_a_list():
    text = (
        "一、要求\n全体干部要牢记“两个务必”：务必谦虚谨慎的作风、务必艰苦奋斗的作风。"
        "要实现“三个转变”：从被动应对转变为主动作为、从单打独斗转变为协同联动。\n"
    )
    f = found(text)
    assert f["务必谦虚谨慎的作风、务必艰苦奋斗的作风"].items == ("务必谦虚谨慎的作风", "务必艰苦奋斗的作风")
    assert not any(g.kind == "list" and len(g.items) == 2 and "转变为" in g.text for g in f.values())  # three counted, two said


def test_a_formulation_said_in_the_review_and_again_later_is_asked_where_it_is_a_task():
    text = (
        "在全市纪检监察工作会议上的讲话\n一、2025年工作回顾\n去年按照“减存量、遏增量”的原则，查处了一批案件。\n"
        "二、2026年工作安排\n今年要继续坚持“减存量、遏增量”，深化标本兼治。\n"
    )
    assert found(text)["减存量、遏增量"].sentence == "今年要继续坚持“减存量、遏增量”，深化标本兼治。"


def test_a_sentence_that_is_a_quote_is_read_without_its_quotes():
    text = "一、总体要求\n“玉不琢，不成器；人不学，不知道。”学习是成长进步的阶梯。\n"
    assert not any(t.startswith("“") or t.endswith(("。”", "”")) for t in found(text)), found(text)
