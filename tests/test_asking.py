"""What the generator asks and how: whole sentences for stems, a couplet by its first half,
a numbered series by the words that announce it, choices whose options fit the blank."""

from studytui.generator.clauses import chain
from studytui.generator.enumerations import enumerations
from studytui.generator.questions import generate
from studytui.generator.stems import STEM_MAX, stem
from studytui.generator.series import series
from studytui.generator.structure import read

OPENING = "在全市教育工作会议上的讲话\n一、总体要求\n"


def clozes_of(text):
    """The prompts of the clozes generated from ``text``, each with its answer."""
    return {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "cloze"}


def test_a_stem_is_the_sentence_its_part_between_semicolons_or_the_sentence_elided_never_a_window():
    sentence = (
        "全会强调，推动政治监督具体化常态化，"
        + "推动政治监督具体化常态化，" * 6
        + "要坚持“两个维护”，"
        + "加强政治监督，严明政治纪律，压实主体责任，健全制度机制，深化标本兼治，强化日常监督，"
        + "确保政令畅通。"
    )
    assert len(sentence) > STEM_MAX
    elided = stem(sentence, "两个维护")  # its opening words, …… and the clauses around, a full stop where it goes on
    assert elided.startswith("全会强调，推动政治监督具体化常态化……") and elided.endswith("压实主体责任。"), elided
    assert "要坚持“两个维护”，" in elided and len(elided) <= STEM_MAX
    assert stem(sentence, "具体化常态化") == ""  # in the opening words: no sentence to quote
    parted = "要坚持“两个维护”，推动政治监督具体化常态化；" + "要严明纪律，" * 20 + "确保政令畅通。"
    assert stem(parted, "两个维护") == "要坚持“两个维护”，推动政治监督具体化常态化。"  # not stopped short on its ；
    assert stem("今年要抓好三件事。要坚持“两个维护”，推动全面从严治党。", "两个维护") == "要坚持“两个维护”，推动全面从严治党。"


def test_an_elided_stem_never_stops_inside_a_quote():
    sentence = (
        "新中国成立后，他提出共产党员标准的八项条件，要求“为更高的共产党员的条件而斗争”，"
        "提出发展党员“宁可数量少一些，但要保证质量”，"
        "强调“我们党是一个战斗的组织，如果没有集中统一的指挥，就不可能进行任何一个胜利的战斗”，"
        "提醒警惕执政掌权后干部的变质腐化问题等，为我们党在执政条件下保持自身的先进性和纯洁性作了积极探索。"
    )
    assert STEM_MAX < len(sentence)
    shown = stem(sentence, "为更高的共产党员的条件而斗争")
    assert shown.count("“") == shown.count("”") and "要求“为更高的共产党员的条件而斗争”" in shown, shown


def test_a_catalogue_sentence_of_five_hundred_characters_is_asked_by_its_closing_clauses():
    sentence = (
        "从实行家庭联产承包到打赢脱贫攻坚战，" + "各项改革扎实推进，" * 52 + "使改革开放成为当代中国最显著的特征、最壮丽的气象。"
    )
    assert 480 < len(sentence) <= 600
    shown = stem(sentence, "当代中国最显著的特征、最壮丽的气象")  # the range it opens on would hang, and so would ……
    assert shown.startswith("各项改革扎实推进，") and shown.endswith("使改革开放成为当代中国最显著的特征、最壮丽的气象。")
    assert len(shown) <= STEM_MAX and shown in sentence


def test_a_stem_leaves_out_the_marker_of_a_list_s_point_unless_it_holds_the_next():
    point = "三是“四风”问题反弹回潮的隐患仍然存在，享乐主义、奢靡之风隐形变异。"
    assert stem(point, "四风") == "“四风”问题反弹回潮的隐患仍然存在，享乐主义、奢靡之风隐形变异。"
    points = "一是坚持以案促改，二是坚持以案促治。"
    assert stem(points, "以案促改") == points


def test_a_stem_leaves_out_the_words_that_address_the_room_or_recall_an_earlier_speech():
    assert stem("同志们，廉洁是从政的底线，也是幸福的起点。", "从政的底线") == "廉洁是从政的底线，也是幸福的起点。"
    assert stem("各位同学，青年是国家的希望。", "国家的希望") == "青年是国家的希望。"
    recalled = (
        "2016年5月30日，我在全国科技创新大会上的讲话中强调，要改革科研经费管理方式，让经费为人的创造性活动服务；"
        + "要改革科技评价制度，" * 10
        + "正确评价科技创新成果。"
    )
    assert stem(recalled, "让经费为人的创造性活动服务") == "要改革科研经费管理方式，让经费为人的创造性活动服务。"


def test_a_sentence_that_announces_what_follows_is_asked_without_its_announcing_clause():
    first = "发展是第一要务、稳定是第一责任、安全是第一质量"
    sentence = f"今年要牢固树立“{first}”的意识，继续坚持“以人为本、以防为主、以避为先”，切实健全“五个体系”："
    shown = f"今年要牢固树立“{first}”的意识，继续坚持“____”。"
    assert stem(sentence, "以人为本、以防为主、以避为先") == shown.replace("____", "以人为本、以防为主、以避为先")
    assert stem(sentence, "五个体系") == sentence  # what it announces is what it asks
    text = OPENING + sentence + "\n1．目标体系\n安全工作要立足于抓早。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    assert clozes_of(text).get(shown) == ("以人为本、以防为主、以避为先",)


def test_an_elided_stem_never_shows_an_only_if_without_its_then():
    opening = "只有牢牢扭住经济建设这个中心，毫不动摇坚持发展是硬道理，"
    sentence = opening + "推动经济社会持续健康发展，" * 8 + "才能全面增强我国经济实力、科技实力、国防实力、综合国力。"
    asked = stem(sentence, "发展是硬道理")
    assert asked == "" or "才能" in asked, asked


def test_an_elided_stem_never_stops_inside_a_run_of_parallel_clauses():
    opening = "40年来，我们始终坚持发展社会主义先进文化，加强社会主义精神文明建设，培育和践行社会主义核心价值观，"
    run = "坚持以科学理论引路指向，以正确舆论凝心聚力，以先进文化塑造灵魂，以优秀作品鼓舞斗志，"
    sentence = opening + run + "爱国主义、集体主义、社会主义精神广为弘扬" + "，时代楷模不断涌现" * 12 + "。"
    asked = stem(sentence, "社会主义核心价值观")
    assert "以科学理论引路指向" not in asked or "以优秀作品鼓舞斗志" in asked, asked  # the whole run or none of it
    assert asked.endswith("培育和践行社会主义核心价值观。"), asked  # it ends before the run


def test_an_elided_stem_ends_before_a_run_it_would_stop_inside():
    opening = "全会强调，进一步全面深化改革，"
    sentence = (
        opening
        + "坚持稳中求进工作总基调，" * 12
        + "以经济体制改革为牵引，以促进社会公平正义、增进人民福祉为出发点和落脚点，"
        + "更加注重系统集成，更加注重突出重点，更加注重改革实效，为中国式现代化提供强大动力。"
    )
    asked = stem(sentence, "经济体制改革")
    assert asked.endswith("以经济体制改革为牵引，以促进社会公平正义、增进人民福祉为出发点和落脚点。"), asked
    assert asked.startswith("全会强调，进一步全面深化改革……")


def test_a_choice_offers_no_option_its_whole_sentence_says_and_none_is_asked_on_an_elided_stem():
    parted = (
        "我们要增强“四个意识”，推动全面从严治党向纵深发展，" + "把党的政治建设摆在首位，" * 4 + "确保党始终成为坚强领导核心；"
        "要坚定“四个自信”，" + "坚持和发展中国特色社会主义，" * 4 + "不断开创新局面。"
    )
    elided = (
        "今天，我们学习刘少奇同志，就要牢记理想信念是共产党人安身立命的根本，是共产党人的政治灵魂，在立根固魂上下功夫，"
        "把共产主义远大理想同中国特色社会主义共同理想统一起来、同我们正在做的事情统一起来，增强“四个意识”，"
        "坚定“四个自信”，坚守共产党人理想信念，为共产主义奋斗终身。"
    )
    for sentence in (parted, elided):
        assert len(sentence) > STEM_MAX
        asked = generate(
            OPENING + sentence + "\n要做到“两个维护”。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
        ).bank.questions
        choices = [q for q in asked if q.type == "choice" and q.answer == "四个意识"]
        assert all("四个自信" not in q.options and "……" not in q.prompt for q in choices), choices
        if sentence is parted:
            assert choices, asked  # asked in its part between semicolons, without the other part's count


def test_a_text_that_never_ends_a_sentence_is_asked_by_its_clauses():
    run = "，".join(["要坚持“两个维护”", *["推动政治监督具体化常态化"] * 12, "确保政令畅通"])
    asked = stem(run, "两个维护")
    assert asked.startswith("要坚持“两个维护”") and len(asked) <= STEM_MAX


def test_a_couplet_is_asked_by_its_first_half():
    text = OPENING + "改革开放的实践启示我们：方向决定前途，道路决定命运。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    clozes = clozes_of(text)
    assert clozes.get("改革开放的实践启示我们：方向决定前途，____。") == ("道路决定命运",), clozes


def test_a_couplet_whose_second_half_concedes_is_asked_by_its_first():
    text = OPENING + "发展党员要坚持“宁可数量少一些，但要保证质量”的原则。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    clozes = clozes_of(text)
    assert clozes.get("发展党员要坚持“____，但要保证质量”的原则。") == ("宁可数量少一些",), clozes


def test_an_echo_is_asked_by_the_clause_that_echoes_wherever_it_stands():
    text = (
        OPENING + "坚持人民群众反对什么、痛恨什么，就坚决防范和纠正什么，抓好教育、医疗等领域突出问题治理。\n"
        "坚持党中央决策部署、工作安排到哪里，监督检查就跟进到哪里。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("坚持人民群众反对什么、痛恨什么，____，抓好教育、医疗等领域突出问题治理。") == ("就坚决防范和纠正什么",)
    assert clozes.get("坚持党中央决策部署、工作安排到哪里，____。") == ("监督检查就跟进到哪里",), clozes


def test_an_echo_within_one_clause_is_asked_by_its_second_half():
    text = (
        OPENING
        + "各级纪检机构要跟进开展专项监督，做到项目建到哪里、监督就跟进到哪里。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("各级纪检机构要跟进开展专项监督，做到项目建到哪里、____。") == ("监督就跟进到哪里",), clozes


def test_items_opening_on_同_are_asked_as_a_list_of_their_own():
    text = (
        OPENING + "要把全面从严治党与生产经营、改革发展同谋划、同部署、同推进、同考核，做到守土有责。\n"
        "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    lists = {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "list"}
    asked = "写出句中空缺处列举的四项：要把全面从严治党与生产经营、改革发展____，做到守土有责。"
    assert lists.get(asked) == ("同谋划", "同部署", "同推进", "同考核"), lists


def test_sayings_that_repeat_their_verb_around_必须_are_asked_by_what_each_demands():
    text = (
        OPENING
        + "班子成员要履行“一岗双责”，做到管业务必须管廉洁、抓经营必须抓作风。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("班子成员要履行“一岗双责”，做到管业务必须管____、抓经营必须抓____。") == ("廉洁", "作风"), clozes


def test_two_maxims_of_one_character_each_side_of_是_are_asked_by_what_each_subject_is():
    text = OPENING + "信任不能代替监督，严是爱、松是害。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    clozes = clozes_of(text)
    assert clozes.get("信任不能代替监督，严是____、松是____。") == ("爱", "害"), clozes
    assert "信任不能代替监督，____。" not in clozes


def test_comments_on_one_topic_are_asked_by_what_each_head_says():
    for said, asked in (
        ("关键在党、要害在治、根本在严", ("党", "治", "严")),  # read as a list of three
        ("关键在党、要害在治、核心是落实责任", ("党", "治", "落实责任")),
    ):
        text = OPENING + f"全面从严治党，{said}。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
        clozes = clozes_of(text)
        heads = "、".join(item[:3] + "____" for item in said.split("、"))
        assert clozes.get(f"全面从严治党，{heads}。") == asked, clozes


def test_a_numbered_series_is_asked_by_the_words_that_announce_it():
    text = (
        OPENING + "安全稳定压倒一切。今年要牢固树立安全意识，切实健全“三个体系”：\n1．目标体系\n安全工作要立足于抓早。\n"
        "2．责任体系\n要健全责任制。\n3．管理体系\n要完善管理网络。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    runs = list(series(read(text).paragraphs))
    assert [(r.label, r.heads) for r in runs] == [("切实健全“三个体系”：", ("目标体系", "责任体系", "管理体系"))]
    lists = {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "list"}
    assert lists["写出句中空缺处列举的三项：切实健全“三个体系”：____。"] == ("目标体系", "责任体系", "管理体系")


def test_tasks_a_sentence_counts_are_asked_by_that_sentence():
    text = (
        OPENING + "高校只有抓住根本才能办好。为此，有3项基础性工作要抓好。\n"
        "第一，坚持办学正确政治方向。古今中外，每个国家都是按照自己的政治要求来培养人的。\n"
        "第二，建设高素质教师队伍。人才培养，关键在教师。\n"
        "第三，形成高水平人才培养体系。学生在大学里学什么，同大学人才培养体系密切相关。\n"
    )
    lists = {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "list"}
    assert lists.get("写出句中空缺处列举的三项：为此，有3项基础性工作要抓好：____。") == (
        "坚持办学正确政治方向",
        "建设高素质教师队伍",
        "形成高水平人才培养体系",
    ), lists


def test_a_series_needs_its_numbers_in_order_and_short_heads():
    skipping = OPENING + "要健全“三个体系”：\n1．目标体系\n正文。\n3．责任体系\n正文。\n4．管理体系\n正文。\n"
    assert not list(series(read(skipping).paragraphs))
    long_heads = (
        OPENING
        + "要做好三件事：\n1．在全国率先建立四级安全管理网络\n正文。\n2．构建安全工作行事历的长效机制\n正文。\n3．抓好了手足口病和甲流防控工作\n正文。\n"
    )
    assert not list(series(read(long_heads).paragraphs))


def test_a_last_item_ends_where_the_others_do():
    found = list(enumerations("制度是关系党和国家事业发展的根本性、全局性、稳定性、长期性问题。"))
    assert ("根本性、全局性、稳定性、长期性", ("根本性", "全局性", "稳定性", "长期性")) in found


def test_a_last_item_ends_on_the_word_the_others_end_on_even_inside_a_longer_word():
    text = OPENING + "要以关键共性技术、前沿引领技术、现代工程技术、颠覆性技术创新为突破口，敢于走前人没走过的路。\n"
    lists = {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "list"}
    asked = "写出句中空缺处列举的四项：要以____创新为突破口，敢于走前人没走过的路。"
    assert lists.get(asked) == ("关键共性技术", "前沿引领技术", "现代工程技术", "颠覆性技术"), lists


def test_items_as_long_as_each_other_and_ending_alike_are_asked_whole_before_a_verb_that_reads_on():
    text = OPENING + "要以智能化、绿色化、融合化为方向，推动产业转型升级。\n"
    asked = {q.type: q.answer for q in generate(text).bank.questions if "智能化" in q.explanation}
    assert asked.get("list") == ("智能化", "绿色化", "融合化"), asked  # jieba reads 融合|化为
    assert all("融合化" in answer for answer in asked.values()), asked


def test_a_choice_offers_only_options_that_fit_the_blank_as_the_key_does():
    text = (
        OPENING + "我们要完善国家创新体系，加快建设现代化经济体系，实施创新驱动发展战略，推动高质量发展。\n"
        "二、工作部署\n要深入实施乡村振兴战略，推进区域协调发展战略，守住安全底线。\n"
    )
    for q in generate(text).bank.questions:
        if q.type == "choice":
            head = "战略" if q.answer.endswith("战略") else "体系" if q.answer.endswith("体系") else q.answer[-1]
            assert all(o.endswith(head) for o in q.options), q.options


def test_a_count_s_options_count_the_same_things_the_same_way():
    text = (
        OPENING + "要精准运用“四种形态”，对主动投案者依规依纪依法从宽处理。要用好“第一种形态”，抓早抓小。"
        "要突出“四个落实”，增强“四个意识”。\n"
    )
    choices = [q for q in generate(text).bank.questions if q.type == "choice" and q.answer == "四种形态"]
    assert choices, generate(text).bank.questions
    for q in choices:  # not 第一种形态 (one stage of the set) nor 四个落实 (a count of other things)
        assert all(o.endswith("种形态") and not o.startswith("第") for o in q.options), q.options


def test_parallel_leads_are_asked_by_the_second_half_of_what_they_say():
    text = OPENING + "".join(
        f"——刘少奇同志是{a}、{b}的光辉榜样。他{a}，{b}。\n"
        for a, b in (("不忘初心", "对党忠诚"), ("敢于担当", "勇于创造"), ("心系人民", "廉洁奉公"))
    )
    clozes = clozes_of(text)
    assert clozes.get("刘少奇同志是敢于担当、____的光辉榜样。") == ("勇于创造",), clozes
    assert "刘少奇同志是____。" not in clozes  # each of the three fits it


def test_points_announced_in_a_sentence_are_asked_by_their_first_words():
    text = (
        OPENING + "借此机会，我再给广大青年提几点希望。\n一是要爱国，忠于祖国，忠于人民。爱国是立德之源。\n"
        "二是要励志，立鸿鹄志，做奋斗者。志向是人生的航标。\n三是要求真，求真学问，练真本领。知识是成长的阶梯。\n"
    )
    assert [(r.label, r.heads) for r in series(read(text).paragraphs)] == [
        ("借此机会，我再给广大青年提几点希望。", ("爱国", "励志", "求真"))
    ]
    lists = {q.prompt: q for q in generate(text).bank.questions if q.type == "list"}
    asked = lists["写出句中空缺处列举的三项：借此机会，我再给广大青年提几点希望：____。"]
    assert asked.answer == ("爱国", "励志", "求真")
    assert asked.explanation.endswith("其后列出：爱国、励志、求真。")  # the explanation shows what was asked


def test_a_line_of_items_under_a_heading_is_asked_by_the_heading():
    text = OPENING + "（三）紧扣工作主题\n对学生一生负责、办人民满意教育、建现代教育强市\n二、工作部署\n要抓好学校安全。\n"
    lists = {q.prompt: q for q in generate(text).bank.questions if q.type == "list"}
    asked = lists["写出句中空缺处列举的三项：紧扣工作主题：____。"]
    assert asked.answer == ("对学生一生负责", "办人民满意教育", "建现代教育强市")  # 对 is the first item's own
    assert asked.explanation.endswith("原文：紧扣工作主题。其后列出：对学生一生负责、办人民满意教育、建现代教育强市。")


def test_a_long_definition_is_asked_by_its_head():
    text = OPENING + "国家安全是中国式现代化行稳致远的重要基础。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    clozes = clozes_of(text)
    assert clozes.get("国家安全是中国式现代化行稳致远的____。") == ("重要基础",), clozes


def test_a_definition_s_count_of_one_stays_in_the_stem():
    sentence = "权力是一把“双刃剑”，在法治轨道上行使可以造福人民，在法律之外行使则必然祸害国家和人民。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get(sentence.replace("双刃剑", "____")) == ("双刃剑",), clozes  # typed, 一把 would be a wrong answer
    assert not any("一把“双刃剑”" in answer for answer in clozes.values()), clozes


def test_a_short_definition_is_asked_by_its_head_when_its_subject_alone_would_be_the_cue():
    text = (
        OPENING
        + "一是优质化。质量是教育的生命。没有质量的教育，是名不副实的教育。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("质量是教育的____。") == ("生命",), clozes


def test_a_definition_is_asked_by_its_head_or_the_words_before_a_plain_head_never_at_a_list_s_end():
    text = OPENING + (
        "基础研究是整个科学体系的源头。\n"
        "人才培养一定是育人和育才相统一的过程，而育人是本。\n"
        "青年是祖国的前途、民族的希望、创新的未来。\n"
        "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("基础研究是整个科学体系的____。") == ("源头",), clozes
    assert clozes.get("人才培养一定是____的过程，而育人是本。") == ("育人和育才相统一",), clozes
    assert "青年是祖国的前途、民族的希望、创新的____。" not in clozes


def test_neither_a_sign_nor_a_head_its_list_qualifies_is_asked_by_its_head():
    text = OPENING + (
        "基础研究是整个科学体系的源头。\n"
        "纪律建设是一个政党成熟程度和战斗能力的重要标志。\n"
        "要推动基层纪委成为问题线索处置、案件查办、审理把关和整改督促的主体，切实发挥作用。\n"
        "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    answers = {a for answer in clozes_of(text).values() for a in answer}
    assert "源头" in answers and "重要标志" not in answers and "主体" not in answers, answers


def test_the_stage_a_speech_says_we_are_in_is_asked_by_its_name_or_what_marks_a_plain_one():
    text = OPENING + (
        "现在，我们迎来了世界新一轮科技革命和产业变革同我国转变发展方式的历史性交汇期，既面临着千载难逢的历史机遇。\n"
        "全球科技创新进入空前密集活跃的时期。\n"
        "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("现在，我们迎来了世界新一轮科技革命和产业变革同我国转变发展方式的____，既面临着千载难逢的历史机遇。") == (
        "历史性交汇期",
    ), clozes
    assert clozes.get("全球科技创新进入____的时期。") == ("空前密集活跃",), clozes


def test_a_judgement_of_what_a_thing_turns_on_is_asked_by_the_words_after_its_key():
    text = OPENING + (
        "第二，建设高素质教师队伍。人才培养，关键在教师。教师队伍素质直接决定着大学办学能力和水平。\n"
        "评价教师队伍素质的第一标准应该是师德师风。\n"
        "二、工作部署\n（1）减负的基础是减量。学生过重的负担不只表现在课堂，还有课外。\n（2）减负的目的是提质。减负不等于不要教育质量。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("人才培养，关键在____。") == ("教师",), clozes
    assert clozes.get("评价教师队伍素质的第一标准应该是____。") == ("师德师风",), clozes
    assert clozes.get("减负的基础是____。") == ("减量",), clozes


def test_what_the_speech_makes_a_measure_is_asked_with_the_measure_for_a_cue():
    text = (
        OPENING + "要把改善民生作为促进社会发展的重点，在发展经济的同时稳步提高人民生活品质。\n二、工作部署\n要抓好学校安全。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("要把____作为促进社会发展的重点，在发展经济的同时稳步提高人民生活品质。") == ("改善民生",), clozes


def test_a_definition_of_a_course_of_action_is_asked_by_the_action_not_its_kind():
    text = OPENING + (
        "重视学习是我们党推动事业发展的成功经验。\n"
        "党的领导是推进中国式现代化的根本保证。\n"
        "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("____是我们党推动事业发展的成功经验。") == ("重视学习",), clozes
    assert clozes.get("党的领导是推进中国式现代化的____。") == ("根本保证",), clozes  # a thing: asked by its head


def test_a_series_under_a_heading_is_asked_by_the_heading():
    body = "没有质量的教育，是名不副实的教育；质量不高的教育，是贻误发展的教育，要让教育对学生的一生发展负责。"
    text = (
        OPENING + f"（一）认清教育大势\n一是优质化。{body}\n二是均衡化。{body}\n三是规范化。{body}\n"
        "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    lists = {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "list"}
    assert lists.get("写出句中空缺处列举的三项：认清教育大势：____。") == ("优质化", "均衡化", "规范化"), lists


def test_a_stem_that_is_only_a_label_says_whose_it_is_by_its_part_s_topic():
    body = "没有质量的教育，是名不副实的教育；质量不高的教育，是贻误发展的教育，要让教育对学生的一生发展负责。"
    text = (
        "在全市教育工作会议上的讲话\n一、2010年教育工作的总体态势和总体要求\n"
        f"（一）认清教育大势\n一是优质化。{body}\n二是均衡化。{body}\n三是规范化。{body}\n"
        "（二）坚持工作基调\n总基调：抓统筹促均衡、抓管理促优质、抓突破促协调、抓规范促和谐。\n"
        "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    lists = {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "list"}
    assert lists.get("写出句中空缺处列举的三项：2010年教育工作的教育大势是____。") == ("优质化", "均衡化", "规范化"), lists
    assert "写出句中空缺处列举的四项：2010年教育工作的总基调是____。" in lists, lists  # not 总基调：____。


def test_what_follows_an_address_after_the_last_part_is_not_said_to_be_in_it():
    text = (
        OPENING + "要坚持“两个维护”，推动政治监督具体化常态化。\n二、工作部署\n要一体推进不敢腐、不能腐、不想腐。\n"
        "同志们、朋友们！\n我们要深化“四种形态”的运用，精准执纪问责。\n"
    )
    asked = generate(text).bank.questions
    explained = {q.answer if isinstance(q.answer, str) else q.answer[0]: q.explanation for q in asked}
    assert explained["两个维护"].startswith("出自第一部分（总体要求）")
    assert explained["四种形态"] == "原文：我们要深化“四种形态”的运用，精准执纪问责。"  # not 出自第二部分
    closing = [q for q in asked if "四种形态" in q.source]
    assert closing and all(q.section is None and q.id.startswith("s0-") for q in closing)  # practised with no part
    assert list(asked[-len(closing) :]) == closing  # and kept where the speech says it, after the parts


def test_a_paragraph_opening_on_an_address_after_the_last_part_is_the_closing():
    text = (
        OPENING + "要坚持“两个维护”，推动政治监督具体化常态化。\n二、工作部署\n要一体推进不敢腐、不能腐、不想腐。\n"
        "同志们，我们要深化“四种形态”的运用，精准执纪问责。\n"
    )
    closing = [q for q in generate(text).bank.questions if "四种形态" in q.source]
    assert closing and all(q.section is None and not q.explanation.startswith("出自") for q in closing)


def test_only_the_greeting_and_the_meeting_s_purpose_are_said_to_be_the_opening():
    history = "".join(
        f"{n}年来，我们始终坚持“{term}”，推动工作落实。\n" for n, term in ((10, "四个意识"), (20, "四个自信"), (40, "两个维护"))
    )
    text = (
        "在纪律教育大会上的讲话\n同志们：\n今天召开大会，主要任务是部署工作。\n"
        + history
        + "一、总体要求\n要深化“四种形态”的运用。\n"
    )
    explained = {q.answer if isinstance(q.answer, str) else q.answer[0]: q.explanation for q in generate(text).bank.questions}
    assert explained["四个意识"].startswith("出自开头部分。")  # the third paragraph
    assert (
        explained["两个维护"] == "原文：40年来，我们始终坚持“两个维护”，推动工作落实。"
    )  # the fifth: body text before the first part


def test_a_question_from_a_part_that_reviews_past_work_is_tagged_and_weaker():
    from studytui.generator.checks import REVIEW

    text = (
        "在全市教育工作会议上的讲话\n一、2009年教育工作的简要回顾\n过去一年，我们坚持“育人为本、德育为先”，办学水平稳步提高。\n"
        "二、2010年教育工作的主要任务\n今年要坚持“立德树人、德育为先”，全面提高办学水平。\n"
    )
    questions = generate(text).bank.questions
    past = [q for q in questions if q.section == "s1"]
    ahead = [q for q in questions if q.section == "s2"]
    assert all(REVIEW in q.tags for q in past) and not any(REVIEW in q.tags for q in ahead)
    assert max((q.score or 0) for q in past) < max((q.score or 0) for q in ahead)


def test_a_key_that_says_what_kind_of_thing_it_is_takes_options_that_say_it_too():
    from pathlib import Path

    from studytui.generator.words import words

    corpus = Path(__file__).parent / "data" / "corpus"
    for name in ("chenguoyang_jiaoyu_gongzuo", "sanzhong_quanhui_gongbao"):  # 名不副实的教育, …和谐共生的现代化
        for q in generate((corpus / f"{name}.txt").read_text(encoding="utf-8")).bank.questions:
            kind = f"的{words(q.answer)[-1]}" if q.type == "choice" else ""
            if kind and q.answer.endswith(kind):
                assert all(o.endswith(kind) for o in q.options), (q.prompt, q.options)


def test_a_long_thesis_is_never_blanked_subject_and_all():
    sentence = "改革开放40年的实践启示我们：中国共产党领导是中国特色社会主义最本质的特征，是中国特色社会主义制度的最大优势。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert ("中国共产党领导是中国特色社会主义最本质的特征",) not in clozes.values(), clozes
    assert clozes.get(sentence.replace("中国特色社会主义制度的最大优势", "____")) == ("中国特色社会主义制度的最大优势",)


def test_a_list_its_count_follows_is_asked_whole():
    sentence = "要严格落实线索管理要求，按照谈话函询、初步核实、暂存待查、予以了结四类方式，依规依纪依法精准处置。"
    lists = {q.prompt: q.answer for q in generate(OPENING + sentence + "\n").bank.questions if q.type == "list"}
    asked = "写出句中空缺处列举的四项：要严格落实线索管理要求，按照____四类方式，依规依纪依法精准处置。"
    assert lists.get(asked) == ("谈话函询", "初步核实", "暂存待查", "予以了结"), lists


def test_maxims_of_one_measure_escalations_and_a_subject_s_run_of_heads_are_asked_as_sets():
    text = OPENING + (
        "规范是底线，法治是保障，正规是方向。\n"
        "这里我要特别强调，安全文明办案是红线，更是生命线，任何时候都不能松懈。\n"
        "规范化建设，是纪检监察机关履行职责的内在要求，是推动纪检监察工作高质量发展的基础工程，"
        "也是建设纪检监察铁军的必由之路。\n"
    )
    asked = clozes_of(text)
    assert asked.get("规范是____，法治是____，正规是____。") == ("底线", "保障", "方向"), asked
    assert asked.get("这里我要特别强调，安全文明办案是____，更是____，任何时候都不能松懈。") == ("红线", "生命线"), asked
    heads = "规范化建设，是纪检监察机关履行职责的____，是推动纪检监察工作高质量发展的____，也是建设纪检监察铁军的____。"
    assert asked.get(heads) == ("内在要求", "基础工程", "必由之路"), asked


def test_two_pairs_of_words_after_the_same_two_frames_are_asked_as_one_set():
    asked = clozes_of(OPENING + "我们必须清醒认识到，改革只能深化、不能倒退，只能前进、不能停顿。\n")
    stem = "我们必须清醒认识到，改革只能____、不能____，只能____、不能____。"
    assert asked.get(stem) == ("深化", "倒退", "前进", "停顿"), asked


def test_a_known_statement_that_is_its_own_sentence_is_asked_by_its_head():
    asked = clozes_of(OPENING + "反腐败是最彻底的自我革命。\n要坚持无禁区、全覆盖、零容忍。\n")
    assert asked.get("反腐败是最彻底的____。") == ("自我革命",), asked
    assert "____。" not in asked, asked  # not the whole sentence blanked


def test_no_cloze_asks_one_answer_in_two_blanks():
    text = OPENING + "纪检监察机关是政治机关，首先是政治机关。\n发展是第一要务，人才是第一资源，创新是第一动力。\n"
    asked = clozes_of(text)
    assert not any(len(set(answer)) < len(answer) for answer in asked.values()), asked
    assert asked["发展是____，人才是____，创新是____。"] == ("第一要务", "第一资源", "第一动力")  # a set of maxims still


def test_two_blanks_of_one_sentence_never_ask_one_point_twice():
    sentence = "办好中国的事情，关键在党，关键在坚持党要管党、全面从严治党。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    asked = ["、".join(answer) for prompt, answer in clozes.items() if prompt.startswith("办好中国的事情")]
    assert asked, clozes
    assert not any(a != b and a in b for a in asked for b in asked), asked


def test_two_choices_of_one_sentence_never_ask_one_point_twice():
    sentence = "中央八项规定精神是“铁规矩”，不是“橡皮筋”。"
    said = "要从制定和落实中央八项规定破题。查处违反中央八项规定精神问题37起。"  # 八项规定精神, a count of its own
    asked = generate(OPENING + said + sentence + "\n二、工作部署\n要落实“四种形态”。\n").bank.questions
    chosen = [(q.source, q.answer) for q in asked if q.type == "choice"]
    assert not any(a != b and sa == sb and a in b for sa, a in chosen for sb, b in chosen), chosen


def test_a_red_line_is_asked_by_what_it_rules_out():
    sentence = "改革开放40年的实践启示我们：我国是一个大国，决不能在根本性问题上出现颠覆性错误。"
    rhetoric = "我们绝不能有半点骄傲自满、固步自封。"  # a manner, no object ruled out
    clozes = clozes_of(OPENING + sentence + rhetoric + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get(sentence.replace("颠覆性错误", "____")) == ("颠覆性错误",), clozes
    assert not any(prompt.startswith("我们绝不能") for prompt in clozes), clozes


def test_a_red_line_on_what_others_are_let_do_is_not_asked_by_a_piece_of_it():
    sentence = "党员干部要严格家教家风，决不能让亲属子女打着自己的旗号谋取私利。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert not any(prompt.endswith("打着____。") for prompt in clozes), clozes


def test_the_bottom_line_after_a_concession_and_what_runs_through_a_list_are_asked():
    insisted = "人才培养体系必须立足于培养什么人这个根本问题来建设，可以借鉴国外有益做法，但必须扎根中国大地办大学。"
    through = "人才培养体系涉及学科体系、教学体系、教材体系、管理体系等，而贯通其中的是思想政治工作体系。"
    clozes = clozes_of(OPENING + insisted + "\n" + through + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get(insisted.replace("扎根中国大地办大学", "____")) == ("扎根中国大地办大学",), clozes
    assert clozes.get(through.replace("思想政治工作体系", "____")) == ("思想政治工作体系",), clozes


def test_words_said_as_one_run_and_glossed_one_by_one_are_asked_as_a_list():
    paragraph = (
        "党的二十届四中全会作出战略部署，要全面深刻准确领会和把握。全面，就是要以全局视野领会全会精神。"
        "深刻，就是要知其然又知其所以然。准确，就是要精准把握政策界限和尺度。"
    )
    asked = {
        q.prompt: q.answer
        for q in generate(OPENING + paragraph + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n").bank.questions
    }
    assert asked.get("写出句中空缺处列举的三项：党的二十届四中全会作出战略部署，要____领会和把握。") == (
        "全面",
        "深刻",
        "准确",
    ), asked


def test_what_a_thing_comes_down_to_is_asked_after_its_key_words():
    sentence = "硬实力、软实力，归根到底要靠人才实力。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get("硬实力、软实力，归根到底要靠____。") == ("人才实力",), clozes


def test_no_order_question_whose_last_part_holds_the_head_the_others_modify():
    sentence = "只有做到了这一点，才能把党建设成为始终走在时代前列、人民衷心拥护、勇于自我革命、经得起各种风浪考验、朝气蓬勃的马克思主义执政党。"
    text = OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    orders = [q for q in generate(text).bank.questions if q.type == "order"]
    assert not any(q.answer[-1].endswith("马克思主义执政党") for q in orders), orders


def test_what_holds_whatever_the_case_is_asked_after_its_是():
    sentence = "每一个共产党员，不论职位多高，都是人民的勤务员。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get("每一个共产党员，不论职位多高，都是____。") == ("人民的勤务员",), clozes


def test_a_list_with_an_item_holding_a_separator_is_asked_as_an_order():
    sentence = "我们党创造积累了丰富经验，包括坚持党中央集中统一领导，坚持从实际出发，坚持全国一盘棋，坚持发扬民主、集思广益，坚持规划法定原则等。"
    questions = generate(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n").bank.questions
    items = ("坚持党中央集中统一领导", "坚持从实际出发", "坚持全国一盘棋", "坚持发扬民主、集思广益", "坚持规划法定原则")
    assert [q.type for q in questions if q.answer == items] == ["order"], [(q.type, q.answer) for q in questions]


def test_a_definition_the_next_clause_says_again_is_asked_by_its_own_clause():
    sentence = "改革开放是我们党的一次伟大觉醒，正是这个伟大觉醒孕育了我们党从理论到实践的伟大创造。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get("改革开放是我们党的一次____。") == ("伟大觉醒",), clozes
    assert not any("正是这个伟大觉醒" in prompt for prompt in clozes), clozes


def test_a_period_named_by_a_long_modifier_is_asked_by_its_qualified_head():
    sentence = "全会认为，当前和今后一个时期是以中国式现代化全面推进强国建设、民族复兴伟业的关键时期。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get(sentence.replace("关键时期", "____")) == ("关键时期",), clozes


def test_a_deadline_for_the_document_s_own_tasks_is_asked_by_its_year_and_any_anniversary_beside_it():
    def clozes_on(sentence):
        return clozes_of(
            OPENING
            + "全会强调，要真正做到以文化人、以德育人。"
            + sentence
            + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
        )

    sentence = "到二〇二九年，完成本决定提出的改革任务。"
    clozes = clozes_on(sentence)
    assert clozes.get(sentence.replace("二〇二九年", "____")) == ("二〇二九年",), clozes
    assert ("完成本决定提出的改革任务",) not in clozes.values()
    clozes = clozes_on("到二〇二九年中华人民共和国成立八十周年时，完成本决定提出的改革任务。")  # 1949 + 80
    assert ("二〇二九年",) not in clozes.values(), clozes  # alone, the anniversary beside it gives it away
    assert clozes.get("到____中华人民共和国成立____时，完成本决定提出的改革任务。") == ("二〇二九年", "八十周年"), clozes
    assert ("完成本决定提出的改革任务",) not in clozes.values()


def test_an_elided_stem_never_stops_inside_a_run_of_quoted_terms_each_after_its_own_verb():
    sentence = (
        "今天，我们召开全市干部大会，就是要牢记理想信念是共产党人安身立命的根本，是共产党人的政治灵魂，在立根固魂上下功夫，"
        "把远大理想同我们正在做的事情统一起来、同本地区本部门的实际统一起来，增强“四个意识”，坚定“四个自信”，做到“两个维护”，"
        "为党的事业奋斗终身。"
    )
    assert stem(sentence, "四个意识") == ""  # …，增强“____”，坚定“四个自信”。 stopped inside the run (discarded 4 times of 4)
    assert stem(sentence, "两个维护").endswith("做到“两个维护”，为党的事业奋斗终身。")


def test_a_couplet_of_two_frames_is_asked_by_the_phrase_after_each_frame():
    def pairs(sentence):
        text = OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n三、保障\n要加强组织领导。\n"
        return {q.prompt: q.answer for q in generate(text).bank.questions if q.prompt.count("____") == 2}

    couplet = "要立足长远、统筹兼顾，在思想上坚定信念，在行动上勇于担当，不断开创工作新局面。"
    assert pairs(couplet) == {"要立足长远、统筹兼顾，在思想上____，在行动上____，不断开创工作新局面。": ("坚定信念", "勇于担当")}
    assert pairs("全市上下要凝心聚力。学习需要恒心和毅力，实践需要勇气和担当。") == {
        "学习需要____，实践需要____。": ("恒心和毅力", "勇气和担当")
    }  # phrases of five characters
    run = "要立足长远，面对困难敢于迎难而上，面对危机敢于挺身而出，面对失误敢于承担责任。"  # two clauses of a run of three
    assert not any("面对危机敢于____，面对失误敢于____" in prompt for prompt in pairs(run))


def test_a_known_formulation_that_ends_on_a_statement_is_asked_by_it():
    sentence = "全党同志必须牢记，党政军民学，东西南北中，党是领导一切的。"
    clozes = clozes_of(OPENING + "要把握大局。" + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get(sentence.replace("党是领导一切的", "____")) == ("党是领导一切的",), clozes


def test_a_stem_opening_on_he_names_whom_the_speech_is_about():
    text = (
        "在纪念焦裕禄同志诞辰一百周年座谈会上的讲话\n一、焦裕禄同志的一生\n"
        "焦裕禄同志是县委书记的榜样。焦裕禄同志心中装着全体人民，唯独没有他自己。焦裕禄同志的精神历久弥新。"
        "在兰考工作期间，他坚持“调查研究、实事求是”的工作方法，做了大量卓有成效的工作。\n"
        "二、学习焦裕禄同志\n我们要学习焦裕禄同志亲民爱民、艰苦奋斗、科学求实、迎难而上、无私奉献的精神。\n"
    )
    stem = "在兰考工作期间，他坚持“____”的工作方法，做了大量卓有成效的工作。"
    assert clozes_of(text).get(stem.replace("他", "焦裕禄同志")) == ("调查研究、实事求是",)
    named_by_given_name = clozes_of(text.replace("焦裕禄", "周恩来"))  # the segmenter knows 恩来, not 周恩来
    assert named_by_given_name.get(stem.replace("他", "周恩来同志")) == ("调查研究、实事求是",), named_by_given_name
    assert clozes_of(text.replace("焦裕禄同志", "他")).get(stem) == ("调查研究、实事求是",)  # nobody named: 他 as said


def test_a_set_of_maxims_is_asked_by_what_each_says_its_subject_is():
    text = (
        OPENING
        + "推动高质量发展，质量是第一生命，效率是第一追求，安全是第一责任。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("推动高质量发展，质量是____，效率是____，安全是____。") == ("第一生命", "第一追求", "第一责任"), clozes
    assert not any(prompt.count("____") == 1 and "第一追求" not in prompt for prompt in clozes if "质量是" in prompt)


def test_a_set_of_maxims_whose_predicates_end_alike_is_asked_whole_even_as_a_sentence_of_its_own():
    paragraph = (
        "要善于从政治上看问题，透过业务看政治。发现问题是本职，发现不了问题是失职，发现问题不报告是渎职。对重大问题要一查到底。"
    )
    text = OPENING + paragraph + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    clozes = clozes_of(text)
    assert clozes.get("发现问题是____，发现不了问题是____，发现问题不报告是____。") == ("本职", "失职", "渎职"), clozes


def test_two_maxims_alike_are_asked_by_both_predicates_not_by_a_clause_blanked_whole():
    text = (
        OPENING
        + "发现问题是成绩，解决问题是政绩。巡察的生命力在于整改。\n"
        + "接受巡察监督是政治态度，配合巡察工作是政治责任。各单位要积极配合。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    assert clozes.get("发现问题是____，解决问题是____。") == ("成绩", "政绩"), clozes
    assert clozes.get("接受巡察监督是____，配合巡察工作是____。") == ("政治态度", "政治责任"), clozes
    text = OPENING + "学纪是基础，守纪是目的。要把纪律规矩刻印在心。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    assert clozes_of(text).get("学纪是____，守纪是____。") == ("基础", "目的")  # subjects ending alike
    assert not any(prompt.endswith(("成绩，____。", "政治态度，____。")) for prompt in clozes)


def test_named_terms_each_after_its_own_verb_are_asked_as_one_set():
    text = (
        OPENING
        + "遵守政治纪律，核心是深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。\n"
        + "二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    clozes = clozes_of(text)
    asked = "遵守政治纪律，核心是深刻领悟“两个确立”的决定性意义，增强“____”、坚定“____”、做到“____”。"
    assert clozes.get(asked) == ("四个意识", "四个自信", "两个维护"), clozes
    assert not any(prompt.count("____") == 1 and "“____”、" in prompt for prompt in clozes)  # no term alone among the others
    in_passing = (
        OPENING
        + "巡察干部要增强“四个意识”、坚定“四个自信”，坚持原则、敢于碰硬。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    assert not any("“____”、坚定“____”" in prompt for prompt in clozes_of(in_passing))  # two: said in passing


def test_two_couplets_between_semicolons_are_no_list_of_their_first_clauses():
    text = (
        OPENING
        + "越是任务繁重，越要把纪律规矩挺在前面；越是加快发展，越要守住廉洁底线。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    assert not any(q.type == "list" and "越是任务繁重" in q.answer for q in generate(text).bank.questions)
    tasks = "紧扣全面脱贫，开展专项治理；紧扣绿色发展，开展专项整治；紧扣防范风险，深挖腐败问题"  # what each is about
    assert chain(tasks)[1] == ("紧扣全面脱贫", "紧扣绿色发展", "紧扣防范风险")


def test_what_a_definition_says_is_offered_only_what_the_speech_says_other_things_are():
    text = (
        OPENING
        + "纪律是管党治党的“戒尺”，也是党员干部约束自身行为的“标尺”。\n理想信念是共产党人精神上的“钙”，是思想和行动的“总开关”。\n"
        + "要管好配偶子女，决不能让家庭成为利益输送的“后门”。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    offered = {o for q in generate(text).bank.questions if q.type == "choice" for o in q.options}
    assert "利益输送的“后门”" not in offered, offered


def test_key_judgements_in_a_row_are_asked_by_what_each_names_however_short():
    clozes = clozes_of(OPENING + "全面从严治党，关键在严，要害在治。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get("全面从严治党，关键在____，要害在____。") == ("严", "治"), clozes
    quoted = "习近平总书记强调：“全面从严治党，核心是加强党的领导，基础在全面，关键在严，要害在治。”"
    clozes = clozes_of(OPENING + quoted + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    asked = "习近平总书记强调：“全面从严治党，核心是____，基础在全面，关键在____，要害在____。”"  # 全面 shown: said before
    assert clozes.get(asked) == ("加强党的领导", "严", "治"), clozes


def test_what_the_general_secretary_is_quoted_defining_is_asked():
    quoted = "习近平总书记深刻指出：“我们党是靠革命理想和铁的纪律组织起来的马克思主义政党，纪律严明是党的光荣传统和独特优势。”"
    clozes = clozes_of(OPENING + quoted + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert ("党的光荣传统和独特优势",) in clozes.values(), clozes


def test_a_set_the_speech_names_by_its_count_is_asked_whole_however_unlike_its_clauses():
    named = "习近平总书记提出“五个必须”，即必须维护党中央权威，必须维护党的团结，必须遵循组织程序，必须服从组织决定，必须管好亲属和身边工作人员。"
    counted = "刘少奇同志领导在三大战略区发展党组织、开辟根据地、壮大党领导的人民抗日武装。"  # 三大 counts the regions
    asked = generate(OPENING + named + "\n" + counted + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n").bank.questions
    lists = {q.prompt: q.answer for q in asked if q.type == "list"}
    assert lists.get("写出句中空缺处列举的五项：习近平总书记提出“五个必须”，即____。") == tuple(named[16:-1].split("，")), lists
    assert not any("三大战略区" in prompt for prompt in lists), lists


def test_a_long_run_of_uneven_clauses_is_a_set_asked_by_its_opening_once():
    run = (
        "聚焦完善现代化产业体系，聚焦发展新质生产力，聚焦提高基础教育质量，聚焦建设美丽乡村，聚焦提高党员干部的政治能力和履职本领"
    )
    asked = lists_of(OPENING + f"要{run}，继续推动各项工作落地见效。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    items = tuple(clause.removeprefix("聚焦") for clause in run.split("，"))
    assert asked.get("写出句中空缺处列举的五项：要聚焦____，继续推动各项工作落地见效。") == items, asked
    three = "要聚焦完善现代化产业体系，聚焦建设美丽乡村，聚焦提高党员干部的政治能力和履职本领，继续推动各项工作落地见效。"
    assert not lists_of(OPENING + three + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")  # three: held by the frame only


def test_a_thing_counted_as_one_is_asked_without_whose_it_is():
    text = OPENING + "校长是一个学校的领头雁，也是办学治校的第一责任人。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    clozes = clozes_of(text)
    assert clozes.get("校长是一个学校的____，也是办学治校的第一责任人。") == ("领头雁",), clozes


def test_a_run_of_clauses_ending_its_sentence_is_asked_with_the_word_it_opens_on_before_each_blank():
    def runs(sentence):
        text = OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n三、保障\n要加强组织领导。\n"
        return {q.prompt: q.answer for q in generate(text).bank.questions if q.prompt.count("____") > 1}

    run = "规划是我们党的重要经验，有利于统筹当前和长远，有利于集中力量办大事，有利于保持事业连续性。"
    assert runs(run) == {
        "规划是我们党的重要经验，有利于____，有利于____，有利于____。": ("统筹当前和长远", "集中力量办大事", "保持事业连续性")
    }
    assert runs("有利于统筹当前和长远，有利于集中力量办大事，有利于保持事业连续性，是我们党的重要经验。") == {}  # cued after
    assert runs("规划是我们党的重要经验，只想统筹不想落实，只想集中不想分散，只想连续不想变化。") == {}  # 只想…不想…: whole
    assert runs("我们要坚持学习，面对困难敢于迎难而上，面对风险敢于挺身而出，面对失误敢于承担责任。") == {
        "我们要坚持学习，面对困难敢于____，面对风险敢于____，面对失误敢于____。": ("迎难而上", "挺身而出", "承担责任")
    }  # a second frame each clause says: what follows it is the point


def test_a_subject_of_pairs_is_asked_by_each_pair_s_second_half():
    text = OPENING + "坚持解放思想、实事求是，坚持真理、修正错误，是党和人民事业从胜利走向胜利的重要保证。\n"
    asked = clozes_of(text)
    assert asked["坚持解放思想、____，坚持真理、____，是党和人民事业从胜利走向胜利的重要保证。"] == ("实事求是", "修正错误")
    assert not any("，" in a for answer in asked.values() for a in answer)  # not its two clauses in one blank
    task = OPENING + "习近平强调，建设现代化产业体系、实现产业体系整体跃升，是“十五五”时期的重要战略任务。\n"
    assert clozes_of(task)["习近平强调，建设现代化产业体系、____，是“十五五”时期的重要战略任务。"] == ("实现产业体系整体跃升",)
    duty = (
        OPENING
        + "发展21世纪马克思主义、当代中国马克思主义，是当代中国共产党人责无旁贷的历史责任。\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n"
    )
    assert ("历史责任",) not in clozes_of(duty).values()  # the pair is the point, not the head its predicate names


def test_both_of_two_roles_is_asked_by_each_role_after_its_own_frame():
    text = OPENING + "作为党和国家的纪律部队，我们既是执纪者又是执法者，要带头学习、宣传、遵守法律。\n"
    asked = clozes_of(text)
    assert asked["作为党和国家的纪律部队，我们既是____又是____，要带头学习、宣传、遵守法律。"] == ("执纪者", "执法者")
    assert "既是执纪者又是执法者" not in {a for answer in asked.values() for a in answer}  # not opening on 既


def lists_of(text):
    """The prompts of the list questions generated from ``text``, each with its items."""
    return {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "list"}


def test_a_saying_of_one_clause_is_asked_by_what_it_demands():
    asked = clozes_of(OPENING + "要从严管理干部队伍。治国必先治党。律人者必先律己。纪检监察干部要带头遵规守纪。\n")
    assert asked.get("治国必先____。") == ("治党",), asked  # not ____。, which leaves no cue at all
    assert "律人者必先____。" not in asked  # a line of classical Chinese: its first half gives 律己 away


def test_a_couplet_of_modern_words_is_no_classical_saying():
    asked = clozes_of(OPENING + "发展决胜未来，改革关乎国运。要把改革抓在手上。\n")
    assert asked.get("发展决胜未来，____。") == ("改革关乎国运",), asked  # 关乎 is a word of today, not a particle


def test_words_ending_on_hua_listed_without_their_stops_are_a_list():
    asked = lists_of(OPENING + "一要强化政治监督，推动监督工作规范化常态化\n要把政治监督摆在首位，盯住关键少数。\n")
    assert asked.get("写出句中空缺处列举的两项：强化政治监督，推动监督工作____") == ("规范化", "常态化"), asked


def test_a_part_heading_is_asked_by_the_term_it_opens_on():
    text = (
        "在全市纪检监察工作会议上的讲话\n同志们：\n"
        "一要强化上下联动，提高巡视巡察整改实效\n"
        "要做好巡视整改，坚持问题导向，把巡视发现的问题一项一项整改到位，对整改不力的严肃问责，决不能搞形式、走过场。\n"
        "二要突出惩防并举，巩固拓展作风建设成果\n"
        "要持续纠治“四风”，坚决防止反弹回潮，对顶风违纪的一律严肃查处，点名道姓通报曝光，形成有力震慑。\n"
        "三要加强统筹协调，形成监督工作合力\n"
        "要健全纪律监督、监察监督、派驻监督、巡视监督统筹衔接制度，推动各类监督贯通协调，形成常态长效的监督合力。\n"
        "四、认清反腐大势\n"
        "要保持反腐败高压态势，一体推进不敢腐不能腐不想腐，坚决查处群众身边的腐败问题和不正之风。\n"
    )
    asked = clozes_of(text)
    assert asked.get("强化____，提高巡视巡察整改实效") == ("上下联动",), asked  # its second clause the cue
    assert asked.get("突出____，巩固拓展作风建设成果") == ("惩防并举",), asked
    assert "认清____" not in asked  # a heading of one clause leaves its verb alone for a cue
    assert "加强____，形成监督工作合力" not in asked  # two verbs of working together: a way of working, not the point


def test_a_run_of_uneven_clauses_held_only_by_its_frame_is_not_asked():
    text = (
        OPENING
        + "面对错综复杂的国际国内形势，面对新一轮纪法衔接改革，面对群众新期待，必须把监督挺在前面。"
        + "要严明纪律规矩，坚决反对把个人凌驾于组织之上，反对搞团团伙伙，反对以权谋私，确保政令畅通。"
        + "要坚决做到“两个维护”，一体推进不敢腐、不能腐、不想腐。要践行“四种形态”，抓早抓小、防微杜渐。\n"
    )
    asked = [q for q in generate(text).bank.questions if q.type in ("list", "cloze")]
    assert not any("面对" in q.prompt and "____，必须" in q.prompt for q in asked)
    assert not any(str(q.answer).count("反对") >= 2 or "反对____，反对____" in q.prompt for q in asked)


def test_a_period_marked_by_its_stages_is_asked_by_them():
    sentence = "我国科技事业密集发力、加速跨越，科技实力正处于从量的积累向质的飞跃、点的突破向系统能力提升的重要时期。"
    clozes = clozes_of(OPENING + sentence + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    stages = "从量的积累向质的飞跃、点的突破向系统能力提升"
    assert clozes.get(sentence.replace(stages, "____")) == (stages,), clozes
    assert ("点的突破向系统能力提升",) not in clozes.values(), clozes  # no pair's second half: one change, two stages


def test_two_clauses_a_sentence_closes_on_opening_alike_are_asked_by_the_second_s_own_words():
    sentence = "我们比历史上任何时期都更接近民族复兴的目标，我们比历史上任何时期都更需要练就过硬本领！"
    leaning = "有的历史性交汇期可能产生同频共振，有的历史性交汇期也可能擦肩而过。"  # 也 leans on the first
    clozes = clozes_of(OPENING + sentence + leaning + "\n二、工作部署\n要抓好学校安全，守住校园安全底线。\n")
    assert clozes.get(sentence.replace("练就过硬本领", "____")) == ("练就过硬本领",), clozes  # 需要 stays: the cue
    assert not any(prompt.startswith("有的历史性交汇期") and prompt.endswith("交汇期____。") for prompt in clozes), clozes
