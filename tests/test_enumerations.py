"""Where a 、-list begins and ends when its items share an opening word."""

from studytui.enumerations import enumerations


def test_items_sharing_an_opening_keep_the_first_and_stop_the_last_at_their_length():
    found = list(enumerations("统揽伟大斗争、伟大工程、伟大事业、伟大梦想作出的战略部署"))
    assert found == [("伟大斗争、伟大工程、伟大事业、伟大梦想", ("伟大斗争", "伟大工程", "伟大事业", "伟大梦想"))]


def test_a_last_item_unlike_the_others_is_not_cut():
    span, items = next(enumerations("推进自我净化、自我完善、自我革新、自我提高"))
    assert items == ("自我净化", "自我完善", "自我革新", "自我提高")
