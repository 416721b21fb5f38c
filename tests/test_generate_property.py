"""Any text of the genre's pieces: extraction and generation never raise, and every
bank they give validates (issue 10)."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studytui.bankfile import bank, validation
from studytui.generator.formulations import extract
from studytui.generator.questions import GenerationError, generate

PIECES = [
    *"、，；。：“”《》（）…—．.\n",
    "——",
    "……",
    "一是",
    "二是",
    "三是",
    "一、",
    "二、",
    "（一）",
    "（二）",
    "第一，",
    "1、",
    "一要",
    "二要",
    *"一二三四五六七八九十两是要和及与或等个项条",
    "以及",
    "四个意识",
    "两个维护",
    "不敢腐不能腐不想腐",
    "坚持",
    "加强",
    "推动",
    "工作",
    "监督",
    "领域",
    "问题",
    "全面从严治党",
    "政治",
    "建设",
    "同志们",
    "2023",
    "12",
    "0",
]
CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=6)
TOKEN = st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), CHINESE, CHINESE, CHINESE, DIGITS)
TEXTS = st.lists(TOKEN, min_size=20, max_size=200).map("".join)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
@example("、、、、、、、、、、、、、、、\n一是、\n．")  # a heading whose body is punctuation alone (found in CI)
@example("、、、、、、、、、、、、、、\n一。，；，")  # a part between semicolons of punctuation alone (found in CI)
def test_extract_and_generate_never_raise_and_banks_validate(text):
    extract(text)
    try:
        result = generate(text)
    except GenerationError:
        return
    parsed = validation.parse(bank.dump(result.bank), default_id=result.bank.id)
    assert parsed.bank == result.bank, parsed.problems
