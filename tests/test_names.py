"""Township name matching: the tolerated differences match, nothing is guessed."""
import pytest

from cq_urban_plugin.core.plan.catalogue import bundled_catalogue
from cq_urban_plugin.core.plan.model import Township
from cq_urban_plugin.core.plan.names import (
    ALIAS,
    AMBIGUOUS,
    EXACT,
    NORMALISED,
    UNMATCHED,
    NameMatcher,
    clean,
    name_key,
    suffix_of,
)


def _towns(*names, aliases=None):
    aliases = aliases or {}
    return [Township(n, "镇", tuple(aliases.get(n, ())), None) for n in names]


@pytest.fixture(scope="module")
def kaizhou():
    catalogue = bundled_catalogue("kaizhou")
    return catalogue, NameMatcher(catalogue.townships, catalogue.name)


def test_clean_folds_width_and_drops_spaces_and_invisible_characters():
    assert clean("  白鹤\u3000街道\u200b\ufeff\n") == "白鹤街道"
    assert clean("ＡＢ１２") == "AB12"
    assert clean(None) == ""


@pytest.mark.parametrize("name, key", [
    ("白鹤街道办事处", "白鹤"), ("白鹤街道办", "白鹤"), ("白鹤办事处", "白鹤"), ("白鹤街道", "白鹤"),
    ("白桥镇", "白桥"), ("白桥乡", "白桥"), ("白桥", "白桥"),
    ("黄水土家族乡", "黄水"), ("石柱土家族自治县", "石柱"), ("秀山土家族苗族自治县", "秀山"),
    ("镇", "镇"), ("乡", "乡"),  # a suffix alone is left as it is
])
def test_name_key(name, key):
    assert name_key(name) == key


def test_suffix_of():
    assert suffix_of("白鹤 街道") == "街道"
    assert suffix_of("白鹤") == ""


def test_every_plan_name_matches_itself_exactly(kaizhou):
    catalogue, matcher = kaizhou
    assert len(catalogue.townships) == 40
    for township in catalogue.townships:
        result = matcher.match(township.name)
        assert (result.how, result.township) == (EXACT, township.name)


@pytest.mark.parametrize("layer_name, plan_name", [
    ("白鹤", "白鹤街道"),                  # suffix absent
    ("白鹤街道办事处", "白鹤街道"),        # longer suffix
    (" 汉丰 街道 ", "汉丰街道"),           # spaces
    ("云枫\u3000街道", "云枫街道"),        # ideographic (full-width) space
    ("\ufeff正安街道", "正安街道"),        # an invisible BOM from a CSV join
    ("白桥乡", "白桥镇"),                  # 乡 that became 镇 (plan writes 白桥镇)
    ("关面镇", "关面乡"),                  # and the other way round
    ("赵家镇", "赵家街道"),                # 镇 that became 街道
    ("开州区汉丰街道", "汉丰街道"),        # jurisdiction prefix
    ("重庆市开州区丰乐", "丰乐街道"),
])
def test_tolerated_differences_match_as_normalised(kaizhou, layer_name, plan_name):
    _, matcher = kaizhou
    result = matcher.match(layer_name)
    assert (result.how, result.township) == (NORMALISED, plan_name)


def test_misspelling_is_unmatched_with_suggestions_only(kaizhou):
    _, matcher = kaizhou
    result = matcher.match("南们镇")  # 南门镇 mistyped
    assert result.how == UNMATCHED and result.township is None
    assert result.suggestions[0] == "南门镇"
    assert matcher.match("北京路街道").how == UNMATCHED
    assert matcher.match("").how == UNMATCHED and matcher.match(None).how == UNMATCHED


def test_alias():
    matcher = NameMatcher(_towns("白鹤街道", "镇安镇", aliases={"白鹤街道": ["白鹤镇旧城"], "镇安镇": ["老镇安"]}))
    assert (matcher.match("白鹤镇旧城").how, matcher.match("白鹤镇旧城").township) == (ALIAS, "白鹤街道")
    assert (matcher.match("老镇安乡").how, matcher.match("老镇安乡").township) == (ALIAS, "镇安镇")


def test_two_plan_townships_with_one_stem_are_ambiguous_unless_the_suffix_decides():
    matcher = NameMatcher(_towns("文峰街道", "文峰镇"))
    result = matcher.match("文峰")
    assert result.how == AMBIGUOUS and sorted(result.candidates) == ["文峰街道", "文峰镇"]
    assert matcher.match("文峰镇").how == EXACT
    assert (matcher.match("文峰 街道").how, matcher.match("文峰 街道").township) == (NORMALISED, "文峰街道")
    assert matcher.match("文峰乡").how == AMBIGUOUS  # 乡: neither of the plan's suffixes


def test_alias_that_collides_with_another_township_is_ambiguous():
    matcher = NameMatcher(_towns("新城镇", "老城镇", aliases={"老城镇": ["新城"]}))
    result = matcher.match("新城乡")
    assert result.how == AMBIGUOUS and set(result.candidates) == {"新城镇", "老城镇"}


@pytest.mark.parametrize("catalogue_id", ["jiangjin", "kaizhou", "wuxi", "chongqing"])
def test_no_two_units_of_a_bundled_catalogue_share_a_key(catalogue_id):
    """Otherwise a suffix-less layer name would be ambiguous for every user of the catalogue."""
    catalogue = bundled_catalogue(catalogue_id)
    matcher = NameMatcher(catalogue.townships, catalogue.name)
    keys = {}
    for township in catalogue.townships:
        for name in (township.name, *township.aliases):
            keys.setdefault(matcher.key(name), set()).add(township.name)
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
    for township in catalogue.townships:  # and each unit is found without its suffix
        short = matcher.key(township.name)
        result = matcher.match(short)
        assert result.township == township.name, (short, result)


def test_chongqing_units_by_short_and_alias_names():
    catalogue = bundled_catalogue("chongqing")
    matcher = NameMatcher(catalogue.townships, catalogue.name)
    assert matcher.match("石柱县").township == "石柱土家族自治县"
    assert matcher.match("秀山").township == "秀山土家族苗族自治县"
    assert matcher.match("重庆市江津区").township == "江津区"
