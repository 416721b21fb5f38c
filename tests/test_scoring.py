"""The generator's score: what an exam-setter would keep, kept; what they would throw out, left out."""

from dataclasses import replace

from studytui.bankfile.bank import Question
from studytui.generator.checks import HEADING, ORDER_PREFIX, REVIEW, Speech, list_instruction
from studytui.generator.lexicon import fields, lexicon
from studytui.generator.questions import generate
from studytui.generator.people import people
from studytui.generator.scoring import score
from studytui.generator.selection import FLOOR, KEEP, MIN_BANK, strongest

FIELDS = {
    "纪检监察",
    "党的建设",
    "思想理论",
    "政治制度",
    "法治",
    "经济",
    "改革开放",
    "科技创新",
    "教育人才",
    "民生",
    "生态文明",
    "文化",
    "国防军队",
    "国家安全",
    "港澳台外交",
    "总体目标",
}

SPEECH = (
    "中共中央政治局常委李强主持开班式。\n"
    "要坚持“两个维护”，推动政治监督具体化常态化。\n"
    "要保持反腐败高压态势，一体推进不敢腐、不能腐、不想腐。\n"
)


def cloze(answer, prompt, source, kind="slogan", *more_tags):
    return Question(id="q", type="cloze", prompt=prompt, answer=(answer,), source=source, tags=(kind, *more_tags))


def choice(answer, prompt, options, source, kind="slogan"):
    return Question(id="c", type="choice", prompt=prompt, answer=answer, options=options, source=source, tags=(kind,))


def blanked(qtype, source, part, items, kind="list"):
    """A list or order question on ``source`` with ``part`` blanked, its answer ``items``."""
    prefix = {"list": list_instruction(len(items)), "order": ORDER_PREFIX}[qtype]
    return Question(id="q", type=qtype, prompt=prefix + source.replace(part, "____"), answer=items, source=source, tags=(kind,))


def value(q, text=SPEECH):
    return score(q, Speech(text), {}, people(text)).value


def reasons_of(q, text):
    """What moved ``q``'s score, in a speech of ``text`` that names no one."""
    return score(q, Speech(text), {}, frozenset()).reasons


def test_a_lexicon_formulation_scores_above_a_plain_phrase():
    source = "要坚持“两个维护”，推动政治监督具体化常态化。"
    known = cloze("两个维护", "要坚持“____”，推动政治监督具体化常态化。", source, "quoted")
    plain = cloze("推动政治监督", "要坚持“两个维护”，____具体化常态化。", source)
    assert value(known) > value(plain) and value(known) >= KEEP


def test_a_lexicon_entry_closing_a_sentence_is_one_whatever_clause_stands_before_it():
    source = "要深化以案促改，健全权力配置和运行制约机制，把权力关进制度的笼子里。"
    q = cloze("把权力关进制度的笼子里", source.replace("把权力关进制度的笼子里", "____"), source)
    assert "lexicon" in reasons_of(q, source) and value(q, source) >= KEEP
    paired = "文化兴国运兴，文化强民族强。"  # a couplet the lexicon holds whole
    q = cloze("文化强民族强", "文化兴国运兴，____。", paired)
    assert "lexicon" in reasons_of(q, paired)


def test_a_news_frame_is_no_target():
    source = "中共中央政治局常委李强主持开班式。"
    assert value(cloze("开班式", "中共中央政治局常委李强主持____。", source)) < KEEP


def test_a_post_or_a_person_named_in_the_speech_is_no_target():
    text = "刘少奇同志是不忘初心、对党忠诚的光辉榜样。\n"
    assert value(cloze("刘少奇", "____同志是不忘初心、对党忠诚的光辉榜样。", text), text) < KEEP
    assert value(cloze("中共中央政治局常委", "____李强主持开班式。", SPEECH)) < KEEP


def test_a_blank_never_ends_on_a_function_word():
    source = "这是公开颁布的第一个关于土地制度改革的纲领性文件。"
    assert value(cloze("第一个关于", "这是公开颁布的____土地制度改革的纲领性文件。", source, "numbered")) < KEEP


def test_the_strongest_question_of_each_type_and_formulation_is_kept():
    source = "要坚持“两个维护”，推动政治监督具体化常态化。"
    long_stem = "要坚持“____”，推动政治监督具体化常态化" + "，推动政治监督具体化常态化" * 9 + "。"
    weak = cloze("两个维护", long_stem, source, "quoted")
    strong = cloze("两个维护", "要坚持“____”，推动政治监督具体化常态化。", source, "quoted")
    assert strongest([weak, strong], SPEECH, {}) == [strong]


def test_every_lexicon_entry_has_a_field():
    entries = [e for group in lexicon().values() for e in group]
    assert all(fields().get(e) in FIELDS for e in entries)


def test_distractors_of_a_lexicon_answer_come_from_its_field():
    text = "一、坚持“两个维护”\n我们要坚持“两个维护”，增强“四个意识”，推动全面从严治党向纵深发展。\n"
    bank = generate(text).bank
    for q in bank.questions:
        if q.type == "choice" and q.answer in fields():
            wanted = fields()[q.answer]
            lexicon_options = [o for o in q.options if o in fields() and o != q.answer and o not in text]
            assert all(fields()[o] == wanted for o in lexicon_options), q.options


def test_a_photo_caption_is_a_frame_but_a_stem_whose_first_words_end_on_a_film_is_not():
    caption = "这是习近平同北京大学师生座谈并发表重要讲话。新华社记者 李涛 摄"
    q = cloze("北京大学", caption.replace("北京大学", "____"), caption)
    assert "news frame" in reasons_of(q, caption)
    source = "坚持以案说德、以案说纪、以案说法、以案说责，指导各级党组织开展逐章逐条学习、集中研讨交流，编印典型案例警示录共两册，拍摄警示教育片3部。"
    assert source[:60].endswith("拍摄")  # where the frame check stops reading
    q = cloze("以案说德", source.replace("以案说德", "____"), source)
    assert "news frame" not in reasons_of(q, source)


def test_an_attendance_line_is_no_target():
    source = "各省区市和新疆生产建设兵团、中央和国家机关有关部门主要负责同志参加研讨班。"
    q = cloze("省区市和新疆生产建设兵团", "各____、中央和国家机关有关部门主要负责同志参加研讨班。", source)
    assert value(q, source) < KEEP


def test_items_cut_past_their_shared_affix_are_split_wrongly():
    q = Question(
        id="l",
        type="list",
        prompt="写出句中空缺处列举的三项：坚持____，发挥比较优势。",
        answer=("智能化", "绿色化", "融合化方向"),
        source="坚持智能化、绿色化、融合化方向，发挥比较优势。",
        tags=("list",),
    )
    assert value(q) < KEEP


def test_a_span_that_opens_where_a_date_ends_is_a_fragment():
    source = "三是2010年绍兴教育的工作重点。"
    q = choice("年绍兴教育", "三是2010____的工作重点。", ("年绍兴教育", "学前教育", "高等教育", "职业教育"), source)
    assert value(q, source) < KEEP


def test_a_judge_on_a_statistic_is_no_target():
    source = "我市普通本科文、理科上线率分别为51.2%、63.7%。"
    q = Question(id="j", type="judge", prompt="以下说法是否符合原文：" + source, answer=True, source=source, tags=("list",))
    assert value(q, source) < KEEP


def test_a_stem_cut_out_of_a_longer_sentence_or_holding_two_scores_lower():
    text = "我们要坚持“两个维护”，推动政治监督具体化常态化，确保党中央决策部署落地见效。下一句。\n"
    whole = cloze(
        "两个维护",
        "我们要坚持“____”，推动政治监督具体化常态化，确保党中央决策部署落地见效。",
        "我们要坚持“两个维护”，推动政治监督具体化常态化，确保党中央决策部署落地见效。",
        "quoted",
    )
    cut = cloze(
        "两个维护", "我们要坚持“____”，推动政治监督具体化常态化", "我们要坚持“两个维护”，推动政治监督具体化常态化", "quoted"
    )
    two = cloze(
        "两个维护",
        "我们要坚持“____”，推动政治监督具体化常态化，确保党中央决策部署落地见效。下一句。",
        "我们要坚持“两个维护”，推动政治监督具体化常态化，确保党中央决策部署落地见效。下一句。",
        "quoted",
    )
    assert value(whole, text) > value(cut, text) and value(whole, text) > value(two, text)


def test_a_long_sentence_is_asked_in_its_part_between_semicolons():
    from studytui.generator.stems import stem

    first = "坚持以人民为中心的发展思想，" * 5 + "推进共同富裕；"
    sentence = first + "坚持“两个维护”，推动政治监督具体化常态化；" + "坚持全面从严治党，" * 8 + "永葆党的先进性。"
    assert stem(sentence, "两个维护") == "坚持“两个维护”，推动政治监督具体化常态化。"  # ended with a full stop


def test_the_speaker_s_frame_is_no_life_story():
    text = "习近平指出，我国发展处于战略机遇和风险挑战并存的时期。\n习近平强调，要坚持“两个维护”。\n"
    q = cloze(
        "战略机遇和风险挑战并存",
        "习近平指出，我国发展处于____的时期。",
        "习近平指出，我国发展处于战略机遇和风险挑战并存的时期。",
        "slogan",
    )
    assert "narrative" not in score(q, Speech(text), {}, people(text)).reasons


def test_words_the_speech_quotes_its_subject_saying_are_no_life_story_but_what_he_did_is():
    said = "他还说：“必须把树立实事求是的作风，作为加强党性的第一个标准。”"
    q = cloze("树立实事求是的作风", "他还说：“必须把____，作为加强党性的第一个标准。”", said)
    assert "narrative" not in reasons_of(q, said) and value(q, said) >= KEEP
    did = "他主持制定土地改革法等文件，指导全国农村消灭了几千年的封建土地制度。"
    q = cloze("封建土地制度", "他主持制定土地改革法等文件，指导全国农村消灭了几千年的____。", did)
    assert "narrative" in reasons_of(q, did)


def test_a_case_story_is_told_not_asked_but_the_lesson_drawn_from_it_is():
    case = "第二个案例，是某镇某村原党支部书记王某。2020年，王某侵占低保金等共计13.6万元。钱数虽然不算大，但伸手拿的是困难群众的“救命钱”。"
    lesson = "同时我们也要看到，王某一案暴露出监督不力的问题。这说明，对干部严格管理，就是对干部最大的爱护。"
    summed = "这两个案例，一个是局长，一个是村支书，岗位不同、情节不同，但教训是相通的。"
    text = f"{case}\n{lesson}\n{summed}\n"
    told = cloze("困难群众的“救命钱”", "钱数虽然不算大，但伸手拿的是____。", "钱数虽然不算大，但伸手拿的是困难群众的“救命钱”。")
    assert "a case told" in score(told, Speech(text), {}, people(text)).reasons  # a detail of the story
    summary = cloze("岗位不同、情节不同", "这两个案例，一个是局长，一个是村支书，____，但教训是相通的。", summed)
    assert "a case told" in score(summary, Speech(text), {}, people(text)).reasons
    drawn = cloze("爱护", "这说明，对干部严格管理，就是对干部最大的____。", "这说明，对干部严格管理，就是对干部最大的爱护。")
    assert "a case told" not in score(drawn, Speech(text), {}, people(text)).reasons  # the case named in passing before it


def test_what_a_life_story_calls_the_first_of_its_kind_is_asked_but_not_a_name_a_title_or_a_post():
    story = (
        "同志们：\n今天，我们在这里隆重集会，纪念刘少奇同志诞辰120周年。\n刘少奇同志是伟大的马克思主义者。\n"
        "从中国共产党成立初期起，刘少奇同志在工人运动方面作出杰出贡献。\n"
        "刘少奇同志参与领导闻名全国的安源路矿工人大罢工，这是中国共产党第一次独立领导并取得完全胜利的工人斗争。"
        "他主持制定《中国土地法大纲》，这是中国共产党公开颁布的第一个关于土地制度改革的纲领性文件。\n"
        "他是新中国第一任全国人大常委会委员长，主持制定一大批重要法律法规。\n"
    )
    asked = {a for q in generate(story).bank.questions if q.type == "cloze" for a in q.answer}
    assert "第一次独立领导并取得完全胜利" in asked  # what the sentence calls it, with its name for a cue
    assert not asked & {"安源路矿工人大罢工", "中国土地法大纲", "全国人大常委会委员长"}  # names, a title, a post: edited
    did = "他领导了安源路矿工人大罢工，这是党第一次独立领导的工人斗争。"
    first = cloze("第一次独立领导", "他领导了安源路矿工人大罢工，这是党____的工人斗争。", did)
    plain = cloze("封建土地制度", "他指导全国农村消灭了几千年的____。", "他指导全国农村消灭了几千年的封建土地制度。")
    assert value(first, story) >= KEEP > value(plain, story)


def test_a_meeting_the_subject_of_a_life_story_chaired_is_a_deed_when_the_sentence_names_a_first():
    source = (
        "刘少奇同志主持召开全国土地会议，制定《中国土地法大纲》，这是中国共产党公开颁布的第一个关于土地制度改革的纲领性文件。"
    )
    first = cloze("第一个关于土地制度改革", source.replace("第一个关于土地制度改革", "____"), source)
    assert "news frame" not in reasons_of(first, source) and value(first, source) >= KEEP
    chaired = "刘少奇同志主持召开全国土地会议，部署土地制度改革工作。"
    plain = cloze("土地制度改革", "刘少奇同志主持召开全国土地会议，部署____工作。", chaired)
    assert "news frame" in reasons_of(plain, chaired)


def test_an_enumeration_that_runs_on_into_its_sentence_was_cut_wrongly():
    source = "坚持稳高压态势、稳惩治力度、稳干部群众对持续正风反腐的预期。"
    q = Question(
        id="l",
        type="list",
        prompt="写出句中空缺处列举的三项：坚持____对持续正风反腐的预期。",
        answer=("稳高压态势", "稳惩治力度", "稳干部群众"),
        source=source,
        tags=("list",),
    )
    assert value(q, source) < KEEP


def test_a_whole_clause_blanked_with_almost_nothing_around_it_scores_low():
    source = "古人说：“事者，生于虑，成于务，失于傲。”"
    q = cloze("事者，生于虑，成于务，失于傲", "古人说：“____。”", source, "quoted")
    assert "little cue" in reasons_of(q, source)


def test_a_known_formulation_blanked_whole_is_its_own_cue():
    source = "我先给一个明确答案，就是我们的教育要培养德智体美全面发展的社会主义建设者和接班人。"
    q = cloze("德智体美全面发展的社会主义建设者和接班人", "我先给一个明确答案，就是我们的教育要培养____。", source)
    assert "little cue" not in reasons_of(q, source)
    assert value(q, source) >= KEEP


def test_a_judgement_of_how_things_still_stand_is_asked_by_its_verdict():
    text = (
        "一、清醒认识形势\n当前，我市反腐败斗争形势依然严峻复杂，“四风”问题树倒根存，隐形变异问题时有发生。\n"
        "我们要坚持“两个维护”，推动全面从严治党向纵深发展。\n"
    )
    asked = {a for q in generate(text).bank.questions if q.type == "cloze" for a in q.answer}
    assert "严峻复杂" in asked and "反腐败斗争形势依然严峻复杂" not in asked  # 当前我市 alone is no cue


def test_what_a_definition_says_its_subject_is_has_its_subject_for_a_cue():
    source = "全会提出，开放是中国式现代化的鲜明标识。"
    q = cloze("中国式现代化的鲜明标识", "全会提出，开放是____。", source)
    reasons = reasons_of(q, source)
    assert "little cue" not in reasons and "boilerplate" not in reasons


def test_a_definition_s_predicate_twice_as_long_as_its_subject_or_more_has_too_little_cue():
    source = "当代青年是同新时代共同前进的一代。"
    q = cloze("同新时代共同前进的一代", "当代青年是____。", source)
    assert "little cue" in reasons_of(q, source) and value(q, source) < KEEP
    source = "科技领域是最需要不断改革的领域。"  # a cue of five characters for ten
    assert value(cloze("最需要不断改革的领域", "科技领域是____。", source), source) < KEEP
    source = "典型案例是最生动的反面教材。"  # its subject alone for eight characters
    assert value(cloze("最生动的反面教材", "典型案例是____。", source), source) < KEEP
    source = "质量是教育的生命。"  # a short predicate: its subject is cue enough
    assert value(cloze("教育的生命", "质量是____。", source), source) >= KEEP


def test_a_count_the_stem_spells_out_clause_by_clause_leaks():
    source = "习近平总书记提出“五个必须”，即必须维护党中央权威，必须维护党的团结，必须遵循组织程序，必须服从组织决定，必须管好亲属和身边工作人员。"
    spelled = cloze("五个必须", source.replace("五个必须", "____"), source, "numbered")
    assert "count shown beside the blank" in reasons_of(spelled, source)
    source = "要充分运用“第一种形态”，做实提醒谈话制度，抓早抓小、防微杜渐。"  # a first counts nothing
    first = cloze("第一种形态", source.replace("第一种形态", "____"), source, "numbered")
    assert "count shown beside the blank" not in reasons_of(first, source)


def test_a_count_whose_words_the_stem_says_after_its_blank_is_asked_by_a_choice_not_a_cloze():
    source = "要认真落实“三个区分开来”，把干部因缺乏经验出现的失误错误，同明知故犯的违纪违法行为区分开来。"
    stem = source.replace("三个区分开来", "____")
    cloze_q = cloze("三个区分开来", stem, source, "numbered")
    assert "only its count to write" in reasons_of(cloze_q, source)
    assert value(cloze_q, source) < KEEP
    options = ("三个区分开来", "两个区分开来", "四个区分开来", "五个区分开来")
    choice_q = choice("三个区分开来", stem, options, source, "numbered")
    assert "only its count to write" not in reasons_of(choice_q, source)


def test_a_list_whose_first_item_the_speech_writes_with_its_verb_elsewhere_was_cut_short():
    source = "村干部侵占挪用惠民资金、优亲厚友、吃拿卡要等问题直接损害群众利益。"
    text = source + "要严查优亲厚友、吃拿卡要、雁过拔毛、侵占挪用惠民资金等问题。"
    q = blanked("list", source, "惠民资金、优亲厚友、吃拿卡要", ("惠民资金", "优亲厚友", "吃拿卡要"))
    assert "items split wrongly" in reasons_of(q, text)
    assert "items split wrongly" not in reasons_of(q, source)  # nothing says otherwise


def test_the_order_of_a_minor_item_of_a_list_is_no_question():
    source = "坚决纠治吃拿卡要、雁过拔毛、“门难进、脸难看、事难办”等问题，让群众感受到公平正义。"
    q = blanked("order", source, "门难进、脸难看、事难办", ("门难进", "脸难看", "事难办"), "quoted")
    assert "the order of a minor item" in reasons_of(q, source) and value(q, source) < KEEP


def test_a_post_is_no_target_though_the_lexicon_knows_it():
    source = "领导干部特别是“一把手”，要以身作则、以上率下。"
    post = cloze("一把手", "领导干部特别是“____”，要以身作则、以上率下。", source, "quoted")
    assert "name or post" in reasons_of(post, source) and value(post, source) < KEEP
    what = cloze("以上率下", "领导干部特别是“一把手”，要以身作则、____。", source)
    assert "name or post" not in reasons_of(what, source)


def test_a_count_that_names_a_document_is_a_name_not_a_count_to_learn():
    source = "中央八项规定精神是“铁规矩”，不是“橡皮筋”。"
    named = cloze("八项规定精神", "中央____是“铁规矩”，不是“橡皮筋”。", source, "numbered")
    assert "a name with a numeral" in reasons_of(named, source) and value(named, source) < KEEP
    source = "紧盯“七个有之”，严肃查处对党不忠诚不老实问题。"
    counted = cloze("七个有之", "紧盯“____”，严肃查处对党不忠诚不老实问题。", source, "numbered")
    assert "a name with a numeral" not in reasons_of(counted, source)


def test_a_count_the_stem_reaches_by_ordinals_leaks_and_a_lexicon_verb_stays_in_the_stem():
    source = "精准运用监督执纪“四种形态”，其中运用第一种形态6753人次，第二种形态2418人次，第三种形态392人次，第四种形态296人次。"
    asked = {a for q in generate(f"一、总结\n{source}\n").bank.questions if q.type == "cloze" for a in q.answer}
    assert not {"运用监督执纪“四种形态”", "监督执纪“四种形态”"} & asked
    counted = cloze("监督执纪“四种形态”", source.replace("监督执纪“四种形态”", "____", 1), source, "slogan")
    assert "count shown beside the blank" in reasons_of(counted, source)


def test_what_a_figure_is_of_is_no_formulation_to_ask():
    source = "2023年，全县运用“四种形态”批评教育帮助和处理1126人次，其中第一种形态占71.3%。"
    q = cloze("第一种形态", source.replace("第一种形态", "____"), source, "numbered")
    assert "a figure's subject" in reasons_of(q, source) and value(q, source) < KEEP


def test_what_a_thing_is_set_against_what_it_is_not_is_a_definition():
    source = "巡察不是“挑刺找茬”，而是全面的“政治体检”；不是给发展“踩刹车”，而是为发展“清障护航”。"
    point = cloze("政治体检", source.replace("政治体检", "____"), source, "quoted")
    foil = cloze("挑刺找茬", source.replace("挑刺找茬", "____"), source, "quoted")
    assert "definition" in reasons_of(point, source)
    assert value(point, source) >= KEEP > value(foil, source)


def test_a_review_of_past_work_weakens_its_narrative_but_not_its_definitions_or_quoted_principles():
    from studytui.generator.checks import REVIEW

    source = "质量对学校来说是立校之本，对教师来说是立身之本，对教育系统来说是人民满意之本。"
    defined = cloze(
        "立校之本", "质量对学校来说是____，对教师来说是立身之本，对教育系统来说是人民满意之本。", source, "slogan", REVIEW
    )
    assert "a review of past work" not in reasons_of(defined, source)
    source = "根据“减项、降分、限高、公示”的原则，清理加分项目，进一步促进教育公平。"
    principle = cloze("减项、降分、限高、公示", "根据“____”的原则，清理加分项目，进一步促进教育公平。", source, "quoted", REVIEW)
    assert "a review of past work" not in reasons_of(principle, source)
    assert value(principle, source) >= KEEP
    source = "在领导班子换届调整中，坚持民主推荐、组织考察、集体讨论，有序做好了调整。"
    done = blanked("list", source, "民主推荐、组织考察、集体讨论", ("民主推荐", "组织考察", "集体讨论"))
    done = replace(done, tags=("list", REVIEW))
    assert "a review of past work" in reasons_of(done, source)


def test_a_cloze_whose_stem_spells_its_parts_again_after_the_blank_gives_them_away():
    source = "根据“减项、降分、限高、公示”的原则，按照项目只减不加、分值只降不升、累计加分限高的要求，清理加分项目。"
    q = cloze("减项、降分、限高、公示", source.replace("减项、降分、限高、公示", "____"), source, "quoted")
    assert "order given away" in reasons_of(q, source) and value(q, source) < KEEP


def test_a_list_whose_item_is_a_catch_all_is_not_asked():
    source = "只有把关键核心技术掌握在自己手中，才能从根本上保障国家经济安全、国防安全和其他安全。"
    q = blanked("list", source, "经济安全、国防安全和其他安全", ("经济安全", "国防安全", "其他安全"))
    assert "a catch-all item" in reasons_of(q, source) and value(q, source) < KEEP


def test_a_blank_opening_on_each_or_every_drags_in_whom_the_point_is_for():
    source = "知识是每个人成才的基石，在学习阶段一定要把基石打深、打牢。"
    q = cloze("每个人成才的基石", "知识是____，在学习阶段一定要把基石打深、打牢。", source)
    assert value(q, source) < KEEP
    source = "师德师风建设应该是每一所学校常抓不懈的工作。"
    assert value(cloze("每一所学校常抓不懈", "师德师风建设应该是____的工作。", source), source) < KEEP


def test_what_a_subject_is_an_important_part_of_is_not_asked_but_what_it_is_is():
    source = "加强党的领导和党的建设，加强思想政治工作体系建设，是形成高水平人才培养体系的重要内容。"
    q = cloze("形成高水平人才培养体系", "加强党的领导和党的建设，加强思想政治工作体系建设，是____的重要内容。", source)
    assert "what its subject is a part of" in reasons_of(q, source) and value(q, source) < KEEP
    source = "人才培养一定是育人和育才相统一的过程。"
    q = cloze("育人和育才相统一", "人才培养一定是____的过程。", source)
    assert value(q, source) >= KEEP


def test_what_the_work_serves_in_a_stock_frame_is_not_asked():
    source = "加强对落实惠企政策情况的监督检查，为高质量发展保驾护航。"
    q = cloze("高质量发展", "加强对落实惠企政策情况的监督检查，为____保驾护航。", source)
    assert "what the work serves" in reasons_of(q, source) and value(q, source) < KEEP
    source = "要以高质量发展为首要任务，坚定不移推进改革。"
    assert value(cloze("高质量发展", "要以____为首要任务，坚定不移推进改革。", source), source) >= KEEP  # said of it, not served


def test_what_a_condition_leads_to_and_the_scope_it_holds_over_are_not_asked():
    source = "小到一个支部，大到一个系统、一个地区、一个部门，只要敢于较真碰硬，就会风清气正，否则就会积重难返。"
    consequence = cloze(
        "风清气正", "小到一个支部，大到一个系统、一个地区、一个部门，只要敢于较真碰硬，就会____，否则就会积重难返。", source
    )
    scope = cloze(
        "一个系统、一个地区、一个部门", "小到一个支部，大到____，只要敢于较真碰硬，就会风清气正，否则就会积重难返。", source
    )
    for q in (consequence, scope):
        assert "the rhetoric around a condition" in reasons_of(q, source) and value(q, source) < KEEP
    condition = cloze(
        "敢于较真碰硬", "小到一个支部，大到一个系统、一个地区、一个部门，只要____，就会风清气正，否则就会积重难返。", source
    )
    assert "the rhetoric around a condition" not in reasons_of(condition, source)


def test_one_item_of_a_task_list_or_a_term_inside_one_is_not_asked():
    source = "加大对“三公”经费超标、公车私用、违规收送礼金等问题的整治力度。"
    for answer in ("公车私用", "三公"):
        q = cloze(answer, source.replace(answer, "____", 1), source, "quoted")
        assert "one item of a list" in reasons_of(q, source), answer
    source = "加大对“三公”经费超标问题的整治力度，推动作风持续向好。"
    q = cloze("三公", source.replace("三公", "____", 1), source, "quoted")
    assert "one item of a list" not in reasons_of(q, source)


def test_the_speaker_s_own_judgement_is_not_asked_by_its_stock_head_but_an_attributed_one_is():
    own = "组织纪律是维护党的团结统一的重要保证。"
    q = cloze("重要保证", "组织纪律是维护党的团结统一的____。", own)
    assert "a stock head" in reasons_of(q, own) and value(q, own) < KEEP
    roles = "巡视巡察是党内监督的战略性制度安排，是推进党的自我革命的重要抓手。"
    q = cloze("重要抓手", "巡视巡察是党内监督的战略性制度安排，是推进党的自我革命的____。", roles)
    assert "a stock head" in reasons_of(q, roles)
    attributed = "全会强调，党的领导是进一步全面深化改革、推进中国式现代化的根本保证。"
    q = cloze("根本保证", "全会强调，党的领导是进一步全面深化改革、推进中国式现代化的____。", attributed)
    assert "a stock head" not in reasons_of(q, attributed) and value(q, attributed) >= KEEP
    any_set = "“六项纪律”是一个有机整体，政治纪律是统领和根本。"
    q = cloze("有机整体", "“六项纪律”是一个____，政治纪律是统领和根本。", any_set, "definition")
    assert "a stock head" in reasons_of(q, any_set) and value(q, any_set) < KEEP
    any_work = "巡察工作是一项系统工程，既需要巡察组履职尽责，也需要被巡察党组织积极配合。"
    q = cloze("系统工程", "巡察工作是一项____，既需要巡察组履职尽责，也需要被巡察党组织积极配合。", any_work, "definition")
    assert "a stock head" in reasons_of(q, any_work) and value(q, any_work) < KEEP


def test_an_answer_whose_last_words_the_stem_says_before_its_blank_leaks_but_a_couplet_s_pattern_does_not():
    source = "纪律建设是全面从严治党的治本之策，抓好纪律建设是各级党组织的政治责任。"
    q = cloze("抓好纪律建设", "纪律建设是全面从严治党的治本之策，____是各级党组织的政治责任。", source)
    assert "answer said before the blank" in reasons_of(q, source) and value(q, source) < KEEP
    couplet = "实践发展永无止境，解放思想永无止境。"
    q = cloze("解放思想永无止境", "实践发展永无止境，____。", couplet)
    assert "answer said before the blank" not in reasons_of(q, couplet)
    pieced = "巡察组是代表市委开展监督的，巡察组的形象就是市委的形象，巡察工作的质量直接关系市委的权威。"
    q = cloze("市委的形象", "巡察组是代表市委开展监督的，巡察组的形象就是____，巡察工作的质量直接关系市委的权威。", pieced)
    assert "answer said before the blank" in reasons_of(q, pieced)  # 市委 … 的形象


def test_the_speaker_reporting_on_behalf_of_a_body_is_the_occasion():
    source = "现在，我代表中共南屏市第八届纪律检查委员会常务委员会向全会作工作报告。"
    q = cloze("纪律检查委员会", "现在，我代表中共南屏市第八届____常务委员会向全会作工作报告。", source)
    assert "a greeting" in reasons_of(q, source) and value(q, source) < KEEP


def test_items_of_one_length_are_no_list_cut_at_an_edge_and_a_list_may_be_its_clause_s_subject():
    source = "必须坚持人民至上、紧紧依靠人民、不断造福人民、牢牢植根人民，并落实到各项决策部署之中。"
    items = ("坚持人民至上", "紧紧依靠人民", "不断造福人民", "牢牢植根人民")
    q = blanked("list", source, "坚持人民至上、紧紧依靠人民、不断造福人民、牢牢植根人民", items)
    assert "items split wrongly" not in reasons_of(q, source)  # 民 inside the first: no run-on
    subject = "这些都说明，反腐败斗争还远未到可以歇歇脚的时候，严的基调、严的措施、严的氛围必须长期坚持。"
    q = blanked("list", subject, "严的基调、严的措施、严的氛围", ("严的基调", "严的措施", "严的氛围"))
    reasons = reasons_of(q, subject)
    assert "items split wrongly" not in reasons and "opens on a pointer" not in reasons  # 这些都说明，: a frame
    cut = "要发挥市场对技术研发方向、路线选择、要素价格、各类创新要素配置的导向作用。"
    q = blanked("list", cut, "研发方向、路线选择、要素价格、各类创新", ("研发方向", "路线选择", "要素价格", "各类创新"))
    assert "items split wrongly" in reasons_of(q, cut)  # 各类创新|要素配置: cut inside


def test_a_term_whose_characters_the_stem_quotes_before_its_blank_leaks():
    source = "同企业家交往做到“亲”而有度、“清”而有为，构建亲清政商关系。"
    q = cloze("亲清政商关系", "同企业家交往做到“亲”而有度、“清”而有为，构建____。", source, "quoted")
    assert "answer spelled out before the blank" in reasons_of(q, source)
    assert value(q, source) < KEEP
    source = "同企业家交往要坦荡真诚、清白纯洁，构建亲清政商关系。"
    q = cloze("亲清政商关系", "同企业家交往要坦荡真诚、清白纯洁，构建____。", source, "quoted")
    assert "answer spelled out before the blank" not in reasons_of(q, source)


def test_a_quoted_item_of_a_list_and_one_list_of_many_alike_are_minor():
    source = "坚决纠治吃拿卡要、雁过拔毛、“门难进、脸难看、事难办”等问题。"
    quoted = "门难进、脸难看、事难办"
    q = cloze(quoted, source.replace(quoted, "____"), source, "quoted")
    assert "one item of a list" in reasons_of(q, source)
    q = blanked("order", source, quoted, tuple(quoted.split("、")))
    assert "one item of a list" in reasons_of(q, source)
    fields = "要紧盯教育领域的招生入学、校园餐，医疗卫生领域的药品耗材采购、医保基金使用、医疗设备购置，民政领域的低保、特困供养等关键环节。"
    one = blanked("list", fields, "药品耗材采购、医保基金使用、医疗设备购置", ("药品耗材采购", "医保基金使用", "医疗设备购置"))
    assert "one list of many" in reasons_of(one, fields)
    alone = "要紧盯医疗卫生领域的药品耗材采购、医保基金使用、医疗设备购置等关键环节。"
    own = blanked("list", alone, "药品耗材采购、医保基金使用、医疗设备购置", ("药品耗材采购", "医保基金使用", "医疗设备购置"))
    assert "one list of many" not in reasons_of(own, alone)


def test_a_list_that_is_the_last_clause_of_its_sentence_is_not_asked_but_one_opening_it_is():
    source = "严格执行各项制度，完善权力运行和监督制约机制，自觉、自省、自律。"
    closing = Question(
        id="q",
        type="list",
        prompt=list_instruction(3) + "严格执行各项制度，完善权力运行和监督制约机制，____。",
        answer=("自觉", "自省", "自律"),
        source=source,
        tags=("list",),
    )
    assert "a list closing its sentence" in reasons_of(closing, source)
    source = "自觉、自省、自律，是每一名纪检监察干部的必修课。"
    opening = replace(closing, prompt=list_instruction(3) + "____，是每一名纪检监察干部的必修课。", source=source)
    assert "a list closing its sentence" not in reasons_of(opening, source)


def test_the_tail_of_a_chain_is_not_asked_but_a_maxim_after_one_clause_is():
    source = "每一位领导干部，要确保称职，争取胜职；而不能失职，更不能渎职。"
    q = cloze("更不能渎职", "每一位领导干部，要确保称职，争取胜职；而不能失职，____。", source)
    assert "the tail of a chain" in reasons_of(q, source) and value(q, source) < KEEP
    source = "认清大局，才能走对路、走好路，少走歪路、不走错路。"
    assert value(cloze("少走歪路、不走错路", "认清大局，才能走对路、走好路，____。", source), source) < KEEP
    source = "如果办学不规范，处事不规矩，迟早要出事；早规范出小事，迟规范出大事。"
    q = cloze("迟规范出大事", "如果办学不规范，处事不规矩，迟早要出事；早规范出小事，____。", source)
    assert value(q, source) >= KEEP


def test_a_set_the_sentence_counts_is_asked_though_one_verb_takes_two_objects():
    source = "建立中国共产党、成立中华人民共和国、推进改革开放和中国特色社会主义事业，是五四运动以来我国发生的三大历史性事件。"
    part = "建立中国共产党、成立中华人民共和国、推进改革开放和中国特色社会主义事业"
    q = blanked("list", source, part, ("建立中国共产党", "成立中华人民共和国", "推进改革开放和中国特色社会主义事业"))
    reasons = reasons_of(q, source)
    assert "counted by the sentence" in reasons and "item of odd length" not in reasons and value(q, source) >= KEEP
    task = "要加快建立中国共产党基层组织、成立中华人民共和国驻外机构、推进改革开放和中国特色社会主义事业。"
    assert "counted by the sentence" not in reasons_of(blanked("list", task, part, q.answer), task)


def test_a_run_of_items_opening_on_one_word_a_role_or_stages_are_asked_from_a_long_sentence():
    opening = "全会强调，进一步全面深化改革"
    said = (
        opening
        + "，"
        + "坚持稳中求进工作总基调，" * 30
        + "以经济体制改革为牵引，更加注重系统集成，更加注重突出重点，更加注重改革实效。"
    )
    elided = opening + "……以经济体制改革为牵引，更加注重系统集成，更加注重突出重点，更加注重改革实效。"
    items = ("更加注重系统集成", "更加注重突出重点", "更加注重改革实效")
    run = blanked("list", elided, "更加注重系统集成，更加注重突出重点，更加注重改革实效", items)
    assert "an elided sentence" not in reasons_of(run, said) and value(run, said) >= KEEP
    tasks = blanked("list", elided, "系统集成，更加注重突出重点，更加注重改革实效", ("系统集成", "突出重点", "改革实效"))
    assert "an elided sentence" in reasons_of(tasks, said)
    role = cloze("经济体制改革", elided.replace("经济体制改革", "____"), elided)  # what the sentence makes its aim
    assert "an elided sentence" not in reasons_of(role, said) and value(role, said) >= KEEP
    said = (
        "要强化战略导向，" + "集合精锐力量，" * 20 + "力争实现我国整体科技水平从跟跑向并行、领跑的战略性转变，创造更多竞争优势。"
    )
    elided = "要强化战略导向……集合精锐力量，力争实现我国整体科技水平从跟跑向并行、领跑的战略性转变。"
    stages = cloze(
        "从跟跑向并行、领跑", elided.replace("从跟跑向并行、领跑", "____"), elided
    )  # the stages of the change it names
    assert "an elided sentence" not in reasons_of(stages, said) and value(stages, said) >= KEEP


def test_a_long_sentence_is_asked_by_what_it_closes_on_and_by_the_stages_of_its_period():
    said = (
        "从家庭联产承包到脱贫攻坚，"
        + "各项改革扎实推进，" * 30
        + "各项便民、惠民、利民举措持续实施，使改革开放成为当代中国最显著的特征、最壮丽的气象。"
    )
    closing = "各项便民、惠民、利民举措持续实施，使改革开放成为当代中国最显著的特征、最壮丽的气象。"  # its range left out
    aim = cloze("当代中国最显著的特征、最壮丽的气象", closing.replace("当代中国最显著的特征、最壮丽的气象", "____"), closing)
    assert "an elided sentence" not in reasons_of(aim, said) and value(aim, said) >= KEEP
    items = ("便民", "惠民", "利民")
    task = blanked("list", closing, "便民、惠民、利民", items)  # a list on the way: words left out all the same
    assert "an elided sentence" in reasons_of(task, said) and value(task, said) < KEEP
    elided = "从家庭联产承包到脱贫攻坚……各项便民、惠民、利民举措持续实施，使改革开放成为当代中国最显著的特征、最壮丽的气象。"
    aim = cloze("当代中国最显著的特征、最壮丽的气象", elided.replace("当代中国最显著的特征、最壮丽的气象", "____"), elided)
    assert "an elided sentence" not in reasons_of(aim, said) and value(aim, said) >= KEEP
    short = "各项便民、惠民、利民举措持续实施，使改革开放成为当代中国最显著的特征、最壮丽的气象。"
    listed = blanked("list", short, "便民、惠民、利民", items)  # the whole of a short sentence
    before = "要抓好学校安全。" * 30  # read in a long text, the sentence is still short
    assert "an elided sentence" not in reasons_of(listed, before + "今年，" + short)
    said = (
        "这些年来，"
        + "科技事业加速跨越，" * 30
        + "一些前沿方向开始进入并行、领跑阶段，科技实力正处于从量的积累向质的飞跃、点的突破向系统能力提升的重要时期。"
    )
    elided = (
        "这些年来……一些前沿方向开始进入并行、领跑阶段，科技实力正处于从量的积累向质的飞跃、点的突破向系统能力提升的重要时期。"
    )
    stages = "从量的积累向质的飞跃、点的突破向系统能力提升"
    period = cloze(stages, elided.replace(stages, "____"), elided)
    assert {"stages"} <= set(reasons_of(period, said)) and value(period, said) >= KEEP


def test_the_second_of_two_clauses_opening_alike_scores_as_a_maxim():
    source = "我们比历史上任何时期都更接近中华民族伟大复兴的目标，我们比历史上任何时期都更需要建设世界科技强国！"
    q = cloze("建设世界科技强国", source.replace("建设世界科技强国", "____"), source)
    assert "maxim" in reasons_of(q, source) and value(q, source) >= KEEP
    short = "我们要更接近中华民族伟大复兴的目标，我们要更需要建设世界科技强国！"  # a subject two clauses share
    q = cloze("建设世界科技强国", short.replace("建设世界科技强国", "____"), short)
    assert "maxim" not in reasons_of(q, short)


def test_an_aim_blanked_whole_scores_as_a_definition():
    source = "中国要强盛、要复兴，就一定要大力发展科学技术，努力成为世界主要科学中心和创新高地。"
    q = cloze("世界主要科学中心和创新高地", source.replace("世界主要科学中心和创新高地", "____"), source)
    assert "definition" in reasons_of(q, source) and value(q, source) >= KEEP


def test_a_last_item_cut_at_its_own_的_was_split_wrongly():
    source = "两院院士是国家的财富、人民的骄傲、民族的光荣。"
    q = Question(
        id="l",
        type="list",
        prompt="写出句中空缺处列举的三项：两院院士是____的光荣。",
        answer=("国家的财富", "人民的骄傲", "民族"),
        source=source,
        tags=("list",),
    )
    assert "items split wrongly" in reasons_of(q, source)


def test_the_stages_of_what_the_speech_names_are_asked_but_not_a_run_of_years():
    named = "中国特色社会主义迎来了从创立、发展到完善的伟大飞跃！"
    stages = cloze("从创立、发展到完善", "中国特色社会主义迎来了____的伟大飞跃！", named)
    assert value(stages, named) >= KEEP
    years = "改革开放40年来，从开启新时期到跨入新世纪，从站上新起点到进入新时代，40年风雨同舟。"
    run = cloze("从开启新时期到跨入新世纪", "改革开放40年来，____，从站上新起点到进入新时代，40年风雨同舟。", years)
    assert value(run, years) < KEEP  # no stages of a thing it names


def test_a_pair_coined_as_one_is_asked_but_not_two_halves_that_only_open_alike():
    coined = "爱国，是人世间最深层、最持久的情感，是一个人立德之源、立功之本。"
    assert value(cloze("立德之源、立功之本", "爱国，是人世间最深层、最持久的情感，是一个人____。", coined), coined) >= KEEP
    alike = "人的潜力是无限的，只有在不断学习、不断实践中才能充分发掘出来。"
    assert value(cloze("不断学习、不断实践", "人的潜力是无限的，只有在____中才能充分发掘出来。", alike), alike) < KEEP


def test_a_list_shown_up_to_an_elision_ends_at_its_edge():
    source = "全会强调，进一步全面深化改革……更加注重系统集成，更加注重突出重点，更加注重改革实效……。"
    items = ("更加注重系统集成", "更加注重突出重点", "更加注重改革实效")
    q = blanked("list", source, "，".join(items), items)
    assert "items split wrongly" not in reasons_of(q, source)


def test_a_line_quoted_from_someone_else_is_no_formulation_of_the_speech():
    own = "要坚持“放得活”，推动改革落地见效。"
    classical = "古人说：“人材之成出于学”，我们要勤奋学习。"
    assert value(cloze("放得活", "要坚持“____”，推动改革落地见效。", own, "quoted"), own) >= FLOOR
    assert value(cloze("人材之成出于学", "古人说：“____”，我们要勤奋学习。", classical, "quoted"), classical) < FLOOR


def test_a_stem_that_points_elsewhere_or_never_closes_its_quote_is_left_out():
    pointing = "这是我们党推动事业发展的成功经验。"
    assert value(cloze("我们党推动事业发展的成功经验", "这是____。", pointing), pointing) < KEEP
    open_quote = "刘少奇同志说过：“共产主义事业是我们的终身事业。"
    assert value(cloze("我们的终身事业", "刘少奇同志说过：“共产主义事业是____。", open_quote), open_quote) < KEEP


def test_items_ending_on_their_的_are_not_cut_before_the_last_one():
    source = "中国梦是历史的、现实的，也是未来的。"
    assert value(cloze("历史的、现实", "中国梦是____的，也是未来的。", source), source) < KEEP


def test_a_numbered_line_is_a_sub_heading_not_a_sentence():
    line = "（2）“高技能、高就业”品牌逐步形成。"
    assert value(cloze("高技能、高就业", "（2）“____”品牌逐步形成。", line, "quoted"), line) < KEEP


def test_a_paired_maxim_asked_by_its_second_half_is_kept_but_not_a_frame_or_a_run_of_clauses():
    def maxim(first, second, before=""):
        source = f"{before}{first}，{second}。"
        return value(cloze(second, f"{before}{first}，____。", source), source)

    assert maxim("教育兴则国家兴", "教育强则国家强") >= KEEP
    assert maxim("党委要任命干部", "更要监督干部") >= KEEP  # halves a character apart
    assert maxim("方向决定前途", "道路决定命运", "实践启示我们：") >= KEEP
    assert maxim("全会提出", "要坚持稳中求进") < KEEP  # a frame, not a maxim
    assert maxim("当今世界", "科学技术迅猛发展") < KEEP  # a setting, and halves of unlike length
    assert maxim("健全生态环境治理体系", "健全绿色低碳发展机制", "要完善生态文明基础体制，") < KEEP  # a run's last clause
    assert maxim("创新之道", "唯在得人") < KEEP  # a line of classical Chinese
    assert maxim("艰难困苦", "玉汝于成") < KEEP  # halves of four characters: a saying quoted


def test_a_question_on_a_heading_needs_a_formulation_of_its_own():
    source = "实施重点突破工程，促进各类教育协调发展再上新台阶"
    plain = cloze("各类教育协调发展", "实施重点突破工程，促进____再上新台阶", source, "slogan", "heading")
    held_source = "深化标本兼治，一体推进不敢腐不能腐不想腐"
    held = cloze("不敢腐不能腐不想腐", "深化标本兼治，一体推进____", held_source, "slogan", "heading")
    assert value(plain, source) < FLOOR and value(held, held_source) >= KEEP


def test_of_three_blanks_in_one_stem_as_strong_the_two_the_speech_says_more_often_are_kept():
    source = "深化标本兼治，一体推进不敢腐不能腐不想腐，坚持全面从严治党"
    text = f"{source}\n要一体推进不敢腐不能腐不想腐，坚持全面从严治党。\n"
    first = cloze("标本兼治", "深化____，一体推进不敢腐不能腐不想腐，坚持全面从严治党", source)
    second = cloze("不敢腐不能腐不想腐", "深化标本兼治，一体推进____，坚持全面从严治党", source)
    third = cloze("全面从严治党", "深化标本兼治，一体推进不敢腐不能腐不想腐，坚持____", source)
    said = {"标本兼治": 1, "不敢腐不能腐不想腐": 3, "全面从严治党": 2}
    assert len({value(q, text) for q in (first, second, third)}) == 1
    kept = strongest([first, second, third], text, said)
    assert [q.answer for q in kept] == [("不敢腐不能腐不想腐",), ("全面从严治党",)]


def test_of_blanks_as_strong_and_as_often_said_the_ones_said_first_in_the_sentence_are_kept():
    source = "深化标本兼治，一体推进不敢腐不能腐不想腐，坚持全面从严治党"
    first = cloze("标本兼治", "深化____，一体推进不敢腐不能腐不想腐，坚持全面从严治党", source)
    second = cloze("不敢腐不能腐不想腐", "深化标本兼治，一体推进____，坚持全面从严治党", source)
    third = cloze("全面从严治党", "深化标本兼治，一体推进不敢腐不能腐不想腐，坚持____", source)
    kept = strongest([third, second, first], source, {})  # written last to first
    assert [q.answer for q in kept] == [("不敢腐不能腐不想腐",), ("标本兼治",)]


def test_a_list_scores_for_what_its_items_share_not_for_being_a_list():
    def listed(items, sentence):
        source = sentence.replace("____", "、".join(items))
        q = Question(
            id="q", type="list", prompt=f"{list_instruction(len(items))}{sentence}", answer=items, source=source, tags=("list",)
        )
        return value(q, source)

    assert listed(("守纪律", "讲规矩", "重品行"), "督促村干部做到____。") >= KEEP  # short and of one length
    assert listed(("强化政治监督", "强化日常监督", "强化专项巡视"), "要____，形成监督合力。") >= KEEP  # opening alike
    assert listed(("思想", "工作", "生活状况"), "了解下级“一把手”的____。") < KEEP  # nothing alike: 32% kept, rounds 14–15
    assert listed(("政治素质过硬", "业务能力精湛", "育人水平高超"), "建设____的高素质教师队伍。") >= KEEP  # of one shape
    # verbs of one length whose last object runs on past its 的 were cut to that length
    assert listed(("发展党组织", "开辟根据地", "壮大党领导"), "领导在三大战略区____的人民抗日武装。") < KEEP


def test_a_term_the_speech_keeps_saying_or_a_name_with_numerals_is_a_weak_blank():
    source = "四十年来，我们坚定推进改革开放，以改革开放推动发展。"
    topic = f"{source}\n" + "改革开放是决定当代中国命运的关键一招。改革开放永无止境。\n"
    said_often = cloze("改革开放", "四十年来，我们坚定推进____，以改革开放推动发展。", source)
    assert value(said_often, topic) < KEEP and value(said_often, source) >= KEEP  # said four times, or twice

    source = "我们坚持“一国两制”方针，推进祖国统一。"
    name = cloze("一国两制", "我们坚持“____”方针，推进祖国统一。", source, "numbered")
    count = cloze(
        "两个维护", "我们坚持“____”，推动政治监督具体化常态化。", "我们坚持“两个维护”，推动政治监督具体化常态化。", "numbered"
    )
    assert value(name, source) < value(count, count.source)

    source = "今年是我国改革开放40周年，我们要总结经验、开拓前进。"
    occasion = cloze("改革开放", "今年是我国____40周年，我们要总结经验、开拓前进。", source)
    assert value(occasion, source) < KEEP  # the occasion, not a formulation
    deadline = "到二〇四九年中华人民共和国成立一百周年时，建成社会主义现代化强国。"
    target = cloze("建成社会主义现代化强国", "到二〇四九年中华人民共和国成立一百周年时，____。", deadline)
    assert value(target, deadline) >= KEEP  # an anniversary that sets a year's target


def test_an_edge_item_much_shorter_than_the_others_was_cut_short():
    source = "准确，就是要做到该为的必须为、能为的努力为、不该为的决不为。"
    items = ("该为的必须为", "能为的努力为", "不该为")
    q = blanked("list", source, "、".join(items), items)
    assert value(q, source) < FLOOR


def test_a_list_whose_two_edges_run_past_every_item_between_them_was_cut_wrongly():
    source = "参与引领全球治理体系改革和建设，坚定维护国家主权、安全、发展利益。"
    cut = blanked("list", source, "国家主权、安全、发展利益", ("国家主权", "安全", "发展利益"))
    even = "要坚持办学正确政治方向、建设高素质教师队伍、形成高水平人才培养体系。"
    whole = blanked("list", even, even[1:-1], ("坚持办学正确政治方向", "建设高素质教师队伍", "形成高水平人才培养体系"))
    assert value(cut, source) < FLOOR <= value(whole, even)


def test_a_whole_clause_blanked_in_a_long_run_of_tasks_is_one_task_of_many():
    tasks = "要落实好宏观政策，积极扩大国内需求，因地制宜发展新质生产力，加快培育外贸新动能，扎实推进绿色低碳发展，"
    source = f"{tasks}巩固拓展脱贫攻坚成果。"
    run = cloze("巩固拓展脱贫攻坚成果", f"{tasks}____。", source)
    short = "建设社会主义现代化强国，发展是第一要务，创新是第一动力。"
    few = cloze("发展是第一要务", "建设社会主义现代化强国，____，创新是第一动力。", short)
    pair = "我们要始终实事求是，勇于直面问题，敢于承认错误，善于总结经验，随时准备坚持真理，随时准备修正错误。"
    paired = cloze("随时准备修正错误", pair.replace("随时准备修正错误", "____"), pair)
    assert value(run, source) < FLOOR
    assert value(few, short) >= KEEP
    assert value(paired, pair) >= FLOOR  # the clause before it says half of it


def test_a_bank_is_filled_up_to_an_exam_s_worth_and_no_further():
    tasks = "校园安全管理 教师队伍建设 课程教学改革 学校内部治理 家校协同育人 体育美育工作 招生考试管理 教育经费保障 民办教育规范 校外培训治理 职业教育改革 终身学习服务"
    sources = [f"要切实抓好{task}，确保工作落实。" for task in tasks.split()]
    text = "\n".join(sources)
    weak = [cloze(task, s.replace(task, "____"), s) for task, s in zip(tasks.split(), sources)]
    assert all(FLOOR <= value(q, text) < KEEP for q in weak)
    terms = ("两个维护", "四个意识", "两个确立")
    strong = [
        cloze(t, f"要坚持“____”，推动工作落实{n}。", f"要坚持“{t}”，推动工作落实{n}。", "quoted") for n, t in enumerate(terms)
    ]
    assert all(value(q, text) >= KEEP for q in strong)
    filled = strongest([*strong[:1], *weak], text, {})
    assert len(filled) == MIN_BANK and filled[0].answer == ("两个维护",)  # one strong, nine of the weak
    assert len(strongest([*strong, *weak], text, {})) == MIN_BANK  # three strong, seven weak: never past ten


def test_a_term_of_a_field_the_speech_seldom_speaks_of_said_once_in_a_long_sentence_is_weak():
    body = "要坚持全面从严治党，一体推进不敢腐不能腐不想腐，深化标本兼治，加强政治监督，严明政治纪律和政治规矩。\n" * 3
    long = "希望广大纪检监察干部善养浩然正气，培育和践行社会主义核心价值观，坚守初心，传播真理、传播真知，崇德向善、见贤思齐，在全社会树立良好风尚。"
    text = body + long
    passing = cloze("社会主义核心价值观", long.replace("社会主义核心价值观", "____"), long, "slogan")
    own = cloze(
        "全面从严治党",
        "要坚持____，一体推进不敢腐不能腐不想腐，深化标本兼治，加强政治监督，严明政治纪律和政治规矩。",
        body.splitlines()[0],
    )
    assert value(passing, text) < KEEP <= value(own, text)
    assert value(passing, long) >= KEEP  # in a speech about culture it is the speech's own field


def test_fields_are_counted_once_a_place_by_the_longest_entry():
    from studytui.generator.lexicon import fields_in

    assert fields()["从严治党"] and fields_in("坚持全面从严治党。") == {fields()["全面从严治党"]: 1}
    said = fields_in("坚持全面从严治党，一体推进不敢腐不能腐不想腐，培育和践行社会主义核心价值观。")
    assert said[fields()["社会主义核心价值观"]] == 1 and said[fields()["不敢腐不能腐不想腐"]] == 1


def test_a_greeting_is_no_target():
    listed = "香港特别行政区同胞、澳门特别行政区同胞、台湾同胞和海外侨胞"
    source = f"向为祖国改革开放和现代化建设作出积极努力的{listed}，致以诚挚的问候！"
    q = blanked("list", source, listed, ("香港特别行政区同胞", "澳门特别行政区同胞", "台湾同胞", "海外侨胞"))
    assert "a greeting" in reasons_of(q, source) and value(q, source) < FLOOR


def test_a_bare_stem_a_long_pair_and_a_name_with_a_numeral_are_weak_blanks():
    bare = "精准科学实施谈话函询。"
    assert value(cloze("谈话函询", "精准科学实施____。", bare), bare) < KEEP
    pair = "中国奉行防御性的国防政策，中国发展不对任何国家构成威胁。"
    assert (
        "maxim"
        not in score(
            cloze("中国发展不对任何国家构成威胁", "中国奉行防御性的国防政策，____。", pair), Speech(pair), {}, frozenset()
        ).reasons
    )
    named = "40年来，我们实施“一国两制”基本方针，相继恢复对香港、澳门行使主权。"
    q = Question(
        id="q", type="cloze", prompt=named.replace("一国两制", "____"), answer=("一国两制",), source=named, tags=("numbered",)
    )
    assert value(q, named) < KEEP


def test_an_order_question_on_a_window_of_a_longer_sentence_is_unfinished():
    window = "从兴办经济特区、沿海沿边沿江沿线对外开放到加入世界贸易组织"
    whole = "要进一步树立“认清大局、把握大局、服从大局”的大局意识"
    text = f"{window}，从“引进来”到“走出去”，我国实现了历史性转变。\n{whole}。\n"
    cut = blanked("order", window, "沿海沿边沿江沿线", ("沿海", "沿边", "沿江", "沿线"), "slogan")
    stop = blanked("order", whole, "认清大局、把握大局、服从大局", ("认清大局", "把握大局", "服从大局"), "slogan")
    assert "unfinished stem" in reasons_of(cut, text)
    assert "unfinished stem" not in reasons_of(stop, text)


def test_what_a_judgement_says_a_thing_turns_on_is_asked_however_short():
    source = "人才培养，关键在教师。"
    key = cloze("教师", "人才培养，关键在____。", source)
    word = cloze("教师", "人才培养要依靠____。", "人才培养要依靠教师。")
    assert value(key, source) >= KEEP
    assert "a short word" in reasons_of(word, word.source)


def test_a_year_s_target_is_asked_by_its_year_in_however_long_a_run():
    source = (
        "到二〇三五年，全面建成高水平社会主义市场经济体制，中国特色社会主义制度更加完善，"
        "基本实现国家治理体系和治理能力现代化，基本实现社会主义现代化，为到本世纪中叶全面建成社会主义现代化强国奠定坚实基础。"
    )
    target = cloze("全面建成高水平社会主义市场经济体制", source.replace("全面建成高水平社会主义市场经济体制", "____"), source)
    reasons = reasons_of(target, source)
    assert value(target, source) >= KEEP
    assert "one clause of a long run" not in reasons and "answer echoed after the blank" not in reasons


def test_a_definition_s_short_predicate_is_no_stray_short_word():
    source = "幸福都是奋斗出来的，奋斗本身就是一种幸福。"
    q = cloze("一种幸福", "幸福都是奋斗出来的，奋斗本身就是____。", source)
    assert "a short word" not in reasons_of(q, source)


def test_a_heading_s_own_enumeration_is_no_unfinished_stem():
    heading = "要进一步树立“想在先、干在先、冲在先、奉献在先”的前列意识"
    text = f"三是{heading}。要使我们的工作敢为人先，就必须有一种重前瞻的工作思维。"
    items = ("想在先", "干在先", "冲在先", "奉献在先")
    in_body = blanked("list", heading, "想在先、干在先、冲在先、奉献在先", items)
    on_heading = replace(in_body, tags=("list", HEADING))
    assert "unfinished stem" not in reasons_of(on_heading, text)
    assert "unfinished stem" in reasons_of(in_body, text)  # a window of a body sentence


def test_an_order_the_stem_spells_out_after_its_blank_scores_low():
    source = "根据“减项、降分、限高、公示”的原则，按照项目只减不加、分值只降不升、累计加分限高的要求，清理加分项目。"
    given = blanked("order", source, "减项、降分、限高、公示", ("减项", "降分", "限高", "公示"), "quoted")
    assert "order given away" in reasons_of(given, source)
    source = "高举和平、发展、合作、共赢的旗帜，恪守维护世界和平、促进共同发展的外交政策宗旨。"
    kept = blanked("order", source, "和平、发展、合作、共赢", ("和平", "发展", "合作", "共赢"), "quoted")
    assert "order given away" not in reasons_of(kept, source)


def test_a_stem_that_opens_on_a_connective_goes_on_from_a_clause_it_does_not_show():
    source = "要使我们的事业创强争先，就必须有一种讲奉献的工作精神，公在前、私在后，奉献在前、索取在后，责在人先、利在人后。"
    q = cloze("责在人先、利在人后", "就必须有一种讲奉献的工作精神，公在前、私在后，奉献在前、索取在后，____。", source)
    assert value(q, source) < KEEP and "opens on a connective" in reasons_of(q, source)
    q = cloze("就业优先战略", "____是党的一贯方针。", "就业优先战略是党的一贯方针。", "lexicon")
    assert "opens on a connective" not in reasons_of(q, q.source)  # 就业 is a word
    source = "全会充分肯定中央政治局的工作。一致认为，中央政治局认真落实全会精神，完整准确全面贯彻新发展理念。"
    q = cloze("新发展理念", "一致认为，中央政治局认真落实全会精神，完整准确全面贯彻____。", source[15:], "lexicon")
    assert "opens on a connective" in reasons_of(q, source)  # its subject, 全会, is before


def test_a_time_phrase_is_no_pointer():
    source = "这些年来，我国科技实力正处于从量的积累向质的飞跃的重要时期。"
    q = cloze("从量的积累向质的飞跃的重要时期", "这些年来，我国科技实力正处于____。", source)
    assert "opens on a pointer" not in reasons_of(q, source)
    q = cloze("重要时期", "这些问题正处于____。", "这些问题正处于重要时期。")
    assert "opens on a pointer" in reasons_of(q, q.source)


def test_a_five_year_plan_s_name_is_no_choice_and_no_item_opens_on_a_conjunction():
    source = "2020年是全面建成小康社会和“十三五”规划收官之年。"
    plan = choice(
        "十三五", "2020年是全面建成小康社会和“____”规划收官之年。", ("十二五", "十三五", "十四五", "十不准"), source, "numbered"
    )
    assert value(plan, source) < KEEP and "a name with a numeral" in reasons_of(plan, source)
    source = "坚持和完善人民代表大会制度、中国共产党领导的多党合作和政治协商制度、民族区域自治制度、基层群众自治制度。"
    items = ("和政治协商制度", "民族区域自治制度", "基层群众自治制度")
    split = blanked("list", source, "和政治协商制度、民族区域自治制度、基层群众自治制度", items)
    assert "items split wrongly" in reasons_of(split, source)
    source = "推动和平、发展、合作、共赢。"
    whole = blanked("list", source, "和平、发展、合作、共赢", ("和平", "发展", "合作", "共赢"))
    assert "items split wrongly" not in reasons_of(whole, source)  # 和平 is a word


def test_an_answer_the_sentence_says_again_after_its_blank_is_half_given_a_plural_们_aside():
    source = "当科学家是无数中国孩子的梦想，我们要让科技工作成为孩子们尊崇向往的职业，给孩子们的梦想插上科技的翅膀！"
    q = cloze("无数中国孩子的梦想", source.replace("无数中国孩子的梦想", "____"), source)
    assert "answer echoed after the blank" in reasons_of(q, source) and value(q, source) < KEEP
    said_once = "当科学家是无数中国孩子的梦想，我们要让科技工作成为孩子们尊崇向往的职业。"
    q = cloze("无数中国孩子的梦想", said_once.replace("无数中国孩子的梦想", "____"), said_once)
    assert "answer echoed after the blank" not in reasons_of(q, said_once)


def test_an_echo_that_says_its_first_half_again_is_no_maxim():
    source = "为中国人民谋幸福，为中华民族谋复兴，是中国共产党人的初心和使命，也是改革开放的初心和使命。"
    said = cloze("也是改革开放的初心和使命", source.replace("也是改革开放的初心和使命", "____"), source)
    assert "maxim" not in reasons_of(said, source)


def test_clauses_opening_alike_are_parallel_though_one_holds_a_pair():
    source = "我们党创造积累了丰富经验，包括坚持党中央集中统一领导，坚持从实际出发，坚持全国一盘棋，坚持发扬民主、集思广益等。"
    items = ("坚持党中央集中统一领导", "坚持从实际出发", "坚持全国一盘棋", "坚持发扬民主、集思广益")
    q = blanked("order", source, "，".join(items), items)
    assert "parallel" in reasons_of(q, source)


def test_the_label_of_what_a_sentence_goes_on_to_define_is_no_target():
    source = (
        "我们以巨大的政治勇气和智慧，提出全面深化改革总目标是完善和发展中国特色社会主义制度、推进国家治理体系和治理能力现代化。"
    )
    label = cloze("全面深化改革", source.replace("全面深化改革", "____", 1), source)
    assert value(label, source) < KEEP
    maxim = "绿水青山就是金山银山"
    half = cloze("绿水青山", "____就是金山银山", maxim)
    assert "the label of what the sentence defines" not in reasons_of(half, maxim)


def test_an_institution_a_task_list_improves_is_not_asked_but_what_it_builds_is():
    source = "要深化收入分配制度改革，完善就业优先政策，健全多层次社会保障体系。"
    q = cloze("就业优先政策", "要深化收入分配制度改革，完善____，健全多层次社会保障体系。", source)
    assert "an institution to improve" in reasons_of(q, source) and value(q, source) < KEEP
    source = "要扩大高水平对外开放，推动构建人类命运共同体，践行全人类共同价值。"
    assert value(cloze("构建人类命运共同体", "要扩大高水平对外开放，推动____，践行全人类共同价值。", source), source) >= KEEP


def test_a_year_its_anniversary_gives_away_is_not_asked():
    source = "到二〇二九年中华人民共和国成立八十周年时，完成本决定提出的改革任务。"
    q = cloze("二〇二九年", "到____中华人民共和国成立八十周年时，完成本决定提出的改革任务。", source)
    assert "a year its anniversary gives away" in reasons_of(q, source) and value(q, source) < KEEP


def test_a_definition_of_a_series_blanks_what_follows_the_words_the_series_shares():
    text = "开放是中国式现代化的鲜明标识。法治是中国式现代化的重要保障。发展全过程人民民主是中国式现代化的本质要求。"
    source = "发展全过程人民民主是中国式现代化的本质要求。"
    whole = cloze("中国式现代化的本质要求", "发展全过程人民民主是____。", source)
    assert "a series' shared words blanked" in reasons_of(whole, text)
    trimmed = cloze("本质要求", "发展全过程人民民主是中国式现代化的____。", source)
    assert "a series' shared words blanked" not in reasons_of(trimmed, text)
    assert "a series' shared words blanked" not in reasons_of(whole, source)  # said once


def test_a_run_asked_with_its_opening_word_is_the_point_of_an_elided_sentence():
    said = (
        "全会强调，进一步全面深化改革，"
        + "坚持稳中求进工作总基调，" * 30
        + "更加注重系统集成，更加注重突出重点，更加注重改革实效。"
    )
    elided = "全会强调，进一步全面深化改革……更加注重系统集成，更加注重突出重点，更加注重改革实效。"
    prompt = "全会强调，进一步全面深化改革……更加注重____，更加注重____，更加注重____。"
    q = replace(cloze("系统集成", prompt, elided, "list"), answer=("系统集成", "突出重点", "改革实效"))
    reasons = reasons_of(q, said)
    assert "a named run" in reasons and "an elided sentence" not in reasons and value(q, said) >= KEEP


def test_the_name_a_speech_gives_a_pair_of_terms_alike_is_asked():
    source = "要坚持科技创新和制度创新“双轮驱动”，以问题为导向，以需求为牵引。"
    q = cloze("双轮驱动", "要坚持科技创新和制度创新“____”，以问题为导向，以需求为牵引。", source, "quoted")
    assert "the name of the pair before it" in reasons_of(q, source) and value(q, source) >= KEEP
    source = "要坚决反对和遏制“台独”分裂行径。"
    q = cloze("台独", "要坚决反对和遏制“____”分裂行径。", source, "quoted")
    assert "the name of the pair before it" not in reasons_of(q, source)


def test_the_aim_a_sentence_s_clauses_close_on_is_asked():
    source = (
        "要以做强国内大循环提升扩大高水平对外开放的自主性，以拓展国际循环增强国内改革发展的活力，努力实现内外联通、互促共进。"
    )
    q = cloze("内外联通、互促共进", source.replace("内外联通、互促共进", "____"), source)
    assert "the aim its clauses close on" in reasons_of(q, source) and value(q, source) >= KEEP
    short = "要努力实现内外联通、互促共进。"  # no clauses before it to make the point
    assert "the aim its clauses close on" not in reasons_of(cloze("内外联通、互促共进", "要努力实现____。", short), short)


def test_a_couplet_asked_by_the_phrases_its_frames_set_side_by_side_is_kept():
    source = "要立足长远、统筹兼顾，在思想上坚定信念，在行动上勇于担当，不断开创工作新局面。"
    stem = "要立足长远、统筹兼顾，在思想上____，在行动上____，不断开创工作新局面。"
    framed = replace(cloze("", stem, source), answer=("坚定信念", "勇于担当"))
    assert "a pair's frames" in reasons_of(framed, source) and value(framed, source) >= KEEP
    whole = cloze("在行动上勇于担当", "要立足长远、统筹兼顾，在思想上坚定信念，____，不断开创工作新局面。", source)
    assert value(whole, source) < KEEP  # the first half's frame its only cue


def test_a_blank_the_clause_before_it_spells_out_by_turning_it_around_is_not_kept():
    source = "成功都是拼搏出来的，拼搏本身就是一种成功。"
    turned = cloze("一种成功", "成功都是拼搏出来的，拼搏本身就是____。", source)
    assert "a chiasmus gives it away" in reasons_of(turned, source) and value(turned, source) < KEEP
    plain = "成功离不开拼搏，拼搏本身就是一种担当。"
    assert "a chiasmus gives it away" not in reasons_of(cloze("一种担当", "成功离不开拼搏，拼搏本身就是____。", plain), plain)


def test_the_speaker_s_words_are_no_formulation_but_our_party_s_are():
    source = "谁来监督纪委，是我们必须回答好的问题。"
    speaker = cloze("我们必须回答好", "谁来监督纪委，是____的问题。", source)
    assert "the speaker's words" in reasons_of(speaker, source)
    policy = "培养社会主义建设者和接班人，是我们党的教育方针。"
    party = cloze("我们党的教育方针", "培养社会主义建设者和接班人，是____。", policy)
    assert "the speaker's words" not in reasons_of(party, policy)


def test_an_answer_whose_opening_its_clause_says_before_the_blank_scores_lower():
    source = "要以高质量的规范化建设推动全市纪检监察工作高质量发展。"
    leaked = cloze("高质量发展", "要以高质量的规范化建设推动全市纪检监察工作____。", source)
    assert "its opening said before it" in reasons_of(leaked, source)
    plain = source.replace("以高质量的", "以")
    fair = cloze("高质量发展", "要以规范化建设推动全市纪检监察工作____。", plain)
    assert "its opening said before it" not in reasons_of(fair, plain)


def test_what_a_quoted_term_is_to_become_is_asked_with_the_first_as_its_cue():
    source = "要切实以问责倒逼责任落实，真正让“软任务”变成“硬约束”。"
    goal = cloze("硬约束", "要切实以问责倒逼责任落实，真正让“软任务”变成“____”。", source, "quoted")
    assert "what a term is to become" in reasons_of(goal, source) and value(goal, source) >= KEEP
    unlike = "赋予科研人员更大自主权，但“放权”不等于“放任”。"
    distinction = cloze("放任", "赋予科研人员更大自主权，但“放权”不等于“____”。", unlike, "quoted")
    assert "what a term is to become" in reasons_of(distinction, unlike)
    pair = "要坚决防止“监管真空”和“灯下黑”。"
    assert "what a term is to become" not in reasons_of(cloze("灯下黑", "要坚决防止“监管真空”和“____”。", pair, "quoted"), pair)


def test_a_heading_s_long_clause_blanked_whole_is_not_kept():
    source = "坚持以党的政治建设为统领，始终在思想上政治上行动上同党中央保持高度一致"
    heading = cloze("在思想上政治上行动上同党中央保持高度一致", "坚持以党的政治建设为统领，始终____", source, "slogan", HEADING)
    assert "a heading's long clause" in reasons_of(heading, source) and value(heading, source) < KEEP
    body = cloze("在思想上政治上行动上同党中央保持高度一致", "坚持以党的政治建设为统领，始终____。", source + "。")
    assert "a heading's long clause" not in reasons_of(body, source + "。")


def test_a_list_its_clause_goes_on_to_keep_up_or_hold_as_one_ends_before_长期_or_一体():
    for source, items in (
        ("坚持严的基调、严的措施、严的氛围长期坚持，紧盯重点领域。", ("严的基调", "严的措施", "严的氛围")),
        ("坚持查办案件与整改整治、制度建设、警示教育一体贯通，对重点案件开展剖析。", ("整改整治", "制度建设", "警示教育")),
    ):
        held = blanked("list", source, "、".join(items), items)
        assert "items split wrongly" not in reasons_of(held, source), source


def test_a_pair_the_clause_after_it_names_is_asked_as_a_maxim():
    source = "权力越大越要规范，手段越硬越要依法，这是纪检监察工作的一条基本规律。"
    named = cloze("手段越硬越要依法", "权力越大越要规范，____，这是纪检监察工作的一条基本规律。", source)
    assert "maxim" in reasons_of(named, source) and value(named, source) >= KEEP
    going_on = "权力越大越要规范，手段越硬越要依法，推动工作落实。"
    assert "maxim" not in reasons_of(cloze("手段越硬越要依法", "权力越大越要规范，____，推动工作落实。", going_on), going_on)


def test_a_point_of_a_list_of_shortcomings_is_no_formulation_to_learn():
    source = "二是一体推进“三不腐”的贯通融合还不够紧密，以案促改、以案促治的针对性和实效性有待提升。"
    admitted = cloze("以案促改", "二是一体推进“三不腐”的贯通融合还不够紧密，____、以案促治的针对性和实效性有待提升。", source)
    assert "a shortcoming admitted" in reasons_of(admitted, source) and value(admitted, source) < KEEP
    part = "一体推进“三不腐”的贯通融合还不够紧密，以案促改、以案促治的针对性和实效性有待提升。"  # its stem, unmarked
    unmarked = cloze("以案促改", part.replace("以案促改", "____", 1), part)
    assert "a shortcoming admitted" in reasons_of(unmarked, "一是问题线索处置不够规范；二是" + part[:-1] + "；三是…。")
    task = "二是坚持以案促改、以案促治，推动标本兼治。"
    assert "a shortcoming admitted" not in reasons_of(cloze("以案促改", "二是坚持____、以案促治，推动标本兼治。", task), task)


def test_a_comment_on_a_topic_is_asked_after_its_head_not_blanked_whole():
    text = "一、总体要求\n全面从严治党，关键在责任落实。要压紧压实各级党组织的主体责任。\n"
    asked = {q.prompt: q.answer for q in generate(text).bank.questions if q.type == "cloze"}
    assert asked.get("全面从严治党，关键在____。") == ("责任落实",), asked
    assert "全面从严治党，____。" not in asked


def test_a_set_coined_on_one_opening_is_asked_even_where_the_speech_reviews_past_work():
    source = "一年来，我们坚持以案说德、以案说纪、以案说法、以案说责，拍摄警示教育片3部。"
    items = ("以案说德", "以案说纪", "以案说法", "以案说责")
    coined = replace(blanked("list", source, "、".join(items), items), tags=("list", REVIEW))
    assert "a set coined on one opening" in reasons_of(coined, source) and value(coined, source) >= KEEP
    varied = ("警示教育", "廉洁谈话", "专题培训")
    plain = "一年来，我们坚持警示教育、廉洁谈话、专题培训，拍摄警示教育片3部。"
    other = replace(blanked("list", plain, "、".join(varied), varied), tags=("list", REVIEW))
    assert "a set coined on one opening" not in reasons_of(other, plain)


def test_a_turn_from_achievements_to_problems_is_no_maxim():
    source = "成绩值得肯定，问题更须正视。"
    turn = cloze("问题更须正视", "成绩值得肯定，____。", source)
    assert "maxim" not in reasons_of(turn, source) and value(turn, source) < KEEP
    maxim = "心中有信仰，行动有力量。"
    assert "maxim" in reasons_of(cloze("行动有力量", "心中有信仰，____。", maxim), maxim)


def test_a_blank_the_speech_fills_with_other_subjects_too_is_not_kept():
    text = "反腐败没有“休止符”，正风肃纪永远在路上。作风建设永远在路上。全面从严治党永远在路上。"
    source = "反腐败没有“休止符”，正风肃纪永远在路上。"
    subject = cloze("正风肃纪", "反腐败没有“休止符”，____永远在路上。", source)
    assert "another subject of the speech fits" in reasons_of(subject, text)
    assert "another subject of the speech fits" not in reasons_of(subject, source)  # said of it alone
    run = "刘少奇同志是勤于学习、知行合一的光辉榜样，是心系人民、廉洁奉公的光辉榜样。"
    frame = cloze("知行合一", "刘少奇同志是勤于学习、____的光辉榜样，是心系人民、廉洁奉公的光辉榜样。", run)
    assert "another subject of the speech fits" not in reasons_of(frame, run)


def test_a_mirrored_pair_is_a_maxim_wherever_it_stands_in_its_sentence():
    source = "规范化建设是一项长期任务，只有进行时，没有完成时。"
    pair = cloze("没有完成时", "规范化建设是一项长期任务，只有进行时，____。", source)
    assert "maxim" in reasons_of(pair, source) and value(pair, source) >= KEEP
    unlike = "规范化建设是一项长期任务，必须久久为功，持续抓好落实。"
    assert "maxim" not in reasons_of(cloze("持续抓好落实", "规范化建设是一项长期任务，必须久久为功，____。", unlike), unlike)
