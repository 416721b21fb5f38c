"""Where a 、-list begins and ends when its items share an opening word."""

from studytui.generator.enumerations import enumerations


def test_items_sharing_an_opening_keep_the_first_and_stop_the_last_at_their_length():
    found = list(enumerations("统揽伟大斗争、伟大工程、伟大事业、伟大梦想作出的战略部署"))
    assert found == [("伟大斗争、伟大工程、伟大事业、伟大梦想", ("伟大斗争", "伟大工程", "伟大事业", "伟大梦想"))]


def test_a_modal_before_the_first_item_is_the_sentence_s_not_the_item_s():
    assert next(enumerations("要心有所畏、言有所戒、行有所止"))[1] == ("心有所畏", "言有所戒", "行有所止")
    assert next(enumerations("要素保障、资金保障、人才保障"))[1] == ("要素保障", "资金保障", "人才保障")  # a word's own 要


def test_a_last_item_unlike_the_others_is_not_cut():
    span, items = next(enumerations("推进自我净化、自我完善、自我革新、自我提高"))
    assert items == ("自我净化", "自我完善", "自我革新", "自我提高")


def test_the_first_item_starts_at_the_word_as_long_as_the_others():
    assert next(enumerations("我们必须高举和平、发展、合作、共赢的旗帜"))[1] == ("和平", "发展", "合作", "共赢")
    assert next(enumerations("形成全方位、多层次、宽领域的全面开放新格局"))[1] == ("全方位", "多层次", "宽领域")


def test_a_preposition_and_the_frame_of_包括_stay_out_of_the_items():
    assert next(enumerations("从实践、时代、人民中汲取智慧"))[1] == ("实践", "时代", "人民")
    assert next(enumerations("建成了包括养老、医疗、低保、住房在内的社会保障体系"))[1] == ("养老", "医疗", "低保", "住房")


def test_a_preposition_governing_the_whole_list_stays_out_of_its_first_item():
    found = next(enumerations("贯彻落实习近平总书记关于教育、卫生健康、民生保障等方面重要论述"))
    assert found[1] == ("教育", "卫生健康", "民生保障")
    assert next(enumerations("只能用来为党分忧、为国干事、为民谋利"))[1] == (
        "为党分忧",
        "为国干事",
        "为民谋利",
    )  # each item's own


def test_a_和_after_a_verb_joins_its_objects_not_two_items():
    found = list(enumerations("对违规收送礼品礼金、违规吃喝、借用管理和服务对象的钱款住房车辆"))
    assert not any("借用管理" in items and "服务对象" in items for _, items in found), found


def test_items_that_are_pairs_are_not_split_at_their_和():
    found = list(enumerations("推动生产关系和生产力、上层建筑和经济基础、国家治理和社会发展更好相适应"))
    assert found[0][1] == ("生产关系和生产力", "上层建筑和经济基础", "国家治理和社会发展")
    assert next(enumerations("要统筹发展和安全、活力和秩序"))[1] == ("发展和安全", "活力和秩序")


def test_a_copula_before_the_first_item_stays_out_of_it():
    assert next(enumerations("是世界观、人生观、价值观这个总开关没有拧紧"))[1] == ("世界观", "人生观", "价值观")


def test_a_last_item_holding_a_的_like_the_others_is_not_cut_there():
    assert next(enumerations("做到该为的必须为、能为的努力为、不该为的决不为"))[1] == (
        "该为的必须为",
        "能为的努力为",
        "不该为的决不为",
    )
    assert next(enumerations("成为国家的财富、人民的骄傲、民族的光荣的事业"))[1] == ("国家的财富", "人民的骄傲", "民族的光荣")


def test_two_enumerations_of_one_clause_are_each_found():
    found = dict(enumerations("爱国、进步、民主、科学的五四精神始终激励着北大师生同人民一起开拓、同祖国一起奋进"))
    assert found.get("爱国、进步、民主、科学") == ("爱国", "进步", "民主", "科学")


def test_a_first_item_keeps_a_verb_that_makes_it_as_long_as_the_others():
    assert next(enumerations("对学生一生负责、办人民满意教育、建现代教育强市"))[1] == (
        "对学生一生负责",
        "办人民满意教育",
        "建现代教育强市",
    )


def test_items_that_are_a_verb_and_its_object_end_where_the_next_verb_begins():
    found = next(enumerations("为保持社会大局稳定、保证人民安居乐业、保障国家安全提供了有力保证"))
    assert found[1] == ("保持社会大局稳定", "保证人民安居乐业", "保障国家安全")


def test_a_和_joining_two_objects_of_one_verb_does_not_split_the_item():
    # 推进 takes both 改革开放 and 中国特色社会主义事业: no item may end at 和 or run on cut to length
    found = next(enumerations("建立中国共产党、成立中华人民共和国、推进改革开放和中国特色社会主义事业"))
    assert found[1] == ("建立中国共产党", "成立中华人民共和国", "推进改革开放和中国特色社会主义事业")
    assert list(enumerations("以促进社会公平正义、增进人民福祉为出发点和落脚点")) == []


def test_a_list_the_lexicon_holds_keeps_its_first_item_whole():
    found = next(enumerations("坚决打好防范化解重大风险、精准脱贫、污染防治的三大攻坚战"))
    assert found[1] == ("防范化解重大风险", "精准脱贫", "污染防治")
    assert next(enumerations("一体推进不敢腐、不能腐、不想腐"))[1] == ("不敢腐", "不能腐", "不想腐")


def test_a_last_item_cut_to_the_others_length_ends_where_its_word_ends():
    assert list(enumerations("要推进互联网、大数据、人工智能同实体经济深度融合，做大做强数字经济。")) == [
        ("互联网、大数据、人工智能", ("互联网", "大数据", "人工智能"))
    ]


def test_a_frame_said_twice_before_a_noun_is_a_pair_but_any_two_modifiers_are_not():
    found = list(enumerations("巡察是离基层最近、离群众最近的政治监督"))
    assert found == [("离基层最近、离群众最近", ("离基层最近", "离群众最近"))]
    assert not list(enumerations("这是更深入、更全面的改革"))  # two modifiers of a noun


def test_a_first_item_drops_a_preposition_of_one_character_that_is_never_a_verb():
    found = next(enumerations("加大对招投标、土地出让、政府采购、国企投资、资产处置等关键环节腐败问题的查处力度"))
    assert found[1] == ("招投标", "土地出让", "政府采购", "国企投资", "资产处置")
    assert next(enumerations("要用实功、重实干、求实效"))[1] == ("用实功", "重实干", "求实效")  # 用 as a verb


def test_items_that_all_open_on_one_joining_word_start_a_list_of_their_own():
    found = list(enumerations("要把党建工作与生产经营、改革发展同谋划、同部署、同推进、同考核"))
    assert found == [
        ("生产经营、改革发展", ("生产经营", "改革发展")),
        ("同谋划、同部署、同推进、同考核", ("同谋划", "同部署", "同推进", "同考核")),
    ]


def test_a_pair_begins_after_its_modifier_s_de():
    assert list(enumerations("中央八项规定是长期有效的铁规矩、硬杠杠")) == [("铁规矩、硬杠杠", ("铁规矩", "硬杠杠"))]


def test_items_that_end_alike_after_a_list_of_their_own_start_a_second_list():
    found = list(enumerations("推动不敢腐的震慑力、不能腐的约束力、不想腐的感召力同向发力、同时发力、综合发力"))
    assert found == [
        ("不敢腐的震慑力、不能腐的约束力、不想腐的感召力", ("不敢腐的震慑力", "不能腐的约束力", "不想腐的感召力")),
        ("同向发力、同时发力、综合发力", ("同向发力", "同时发力", "综合发力")),
    ]
