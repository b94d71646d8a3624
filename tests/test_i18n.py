"""Chinese and English interface through Qt's translation system."""
import xml.etree.ElementTree as ET

import pytest

from cq_urban_plugin import i18n
from cq_urban_plugin.algorithms import ALGORITHMS
from cq_urban_plugin.provider import CqUrbanProvider

TS = i18n.I18N_DIR / "cq_urban_zh_Hans.ts"


@pytest.fixture
def chinese(qgis_app):
    assert i18n.install_translator("zh-Hans"), "cq_urban_zh_Hans.qm missing: run `make qm`"
    yield
    i18n.remove_translator()


def test_every_string_has_a_chinese_translation():
    untranslated = [
        message.findtext("source")
        for message in ET.parse(TS).getroot().iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not (message.findtext("translation") or "").strip()
    ]
    assert untranslated == []


def test_names_follow_the_locale(chinese, qgis_processing):
    provider = CqUrbanProvider()
    assert provider.name() == "重庆城镇规划校核"
    for cls in ALGORITHMS:
        algorithm = cls()
        name = algorithm.displayName()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in name), f"{cls.NAME}: '{name}' is not Chinese"
    i18n.remove_translator()
    assert provider.name() == "Chongqing urban plan checks"


def test_locale_choice():
    assert i18n.qm_for_locale("en_US") is None
    for name in ("zh-Hans", "zh_CN", "zh"):
        assert i18n.qm_for_locale(name).name == "cq_urban_zh_Hans.qm"
