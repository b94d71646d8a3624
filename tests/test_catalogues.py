"""Every bundled plan catalogue matches the plan text it cites.

The catalogues (cq_urban_plugin/catalogues/*.yaml) are the plans' formulas as data. These tests
read the plans themselves (shared/seeds, fixture ``seeds_dir``) and check the catalogues against
them: every cited line exists, every quote stands on its line, every member's line names the
member, target values stand on their lines, and the members and counts of the main structures
are parsed from the plan sentences that list them, not taken from the YAML.
"""
import re
from pathlib import Path

import pytest

from cq_urban_plugin.core.checks.plan_check import measurability
from cq_urban_plugin.core.plan.catalogue import bundled_catalogue, bundled_catalogue_paths, load_catalogue
from cq_urban_plugin.core.plan.model import Cite

PATHS = bundled_catalogue_paths()
IDS = [p.stem for p in PATHS]

# Suffixes a layer or a plan may leave off a unit's name (longest first).
SUFFIXES = ("街道办事处", "街道", "土家族苗族自治县", "苗族土家族自治县", "土家族自治县", "自治县",
            "镇", "乡", "区", "县")


def short(name: str) -> str:
    """The unit's name without its suffix, as plans list them (“几江、鼎山…等镇(街道)”)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def shorts(names):
    return {short(n.strip()) for n in names}


class Plan:
    """The lines of the seed files, 1-based."""

    def __init__(self, seeds_dir: Path):
        self.seeds_dir = seeds_dir
        self._lines = {}

    def lines(self, file_name):
        if file_name not in self._lines:
            text = (self.seeds_dir / file_name).read_text(encoding="utf-8")
            self._lines[file_name] = text.splitlines()
        return self._lines[file_name]

    def line(self, cite: Cite) -> str:
        lines = self.lines(cite.file)
        assert 1 <= cite.line <= len(lines), f"{cite}: the file has {len(lines)} lines"
        return lines[cite.line - 1]

    def at(self, file_name, number):
        return self.lines(file_name)[number - 1]


@pytest.fixture(scope="module")
def plan(seeds_dir):
    return Plan(seeds_dir)


@pytest.fixture(scope="module")
def catalogues():
    return {p.stem: load_catalogue(p) for p in PATHS}


def all_cites(catalogue):
    """(what, cite, names the cited line must contain) for every citation of a catalogue."""
    by_name = {t.name: t for t in catalogue.townships}

    def spellings(name):
        township = by_name[name]
        return (township.name, short(township.name)) + township.aliases

    for township in catalogue.townships:
        yield f"township {township.name}", township.cite, spellings(township.name)
    for structure in catalogue.structures:
        yield f"structure {structure.id}", structure.cite, ()
        for plan_class in structure.classes:
            where = f"structure {structure.id}, class {plan_class.value}"
            if plan_class.cite:
                yield where, plan_class.cite, ()
            for member in plan_class.members:
                yield f"{where}, member {member.name}", member.cite, spellings(member.name)
        for conflict in structure.conflicts:
            for reading in conflict.readings:
                yield (f"structure {structure.id}, conflict {conflict.township} = {reading.value}", reading.cite,
                       spellings(conflict.township))
    for target in catalogue.targets:
        yield f"target {target.id}", target.cite, ()
        raw = (target.baseline or {}).get("cite")
        if raw:
            doc = catalogue.documents[raw["doc"]]
            yield f"target {target.id} baseline", Cite(raw["doc"], raw["line"], raw.get("quote", ""), doc.file), ()


def test_every_bundled_catalogue_is_here():
    assert {"jiangjin", "kaizhou", "wuxi", "chongqing"} <= set(IDS)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_catalogue_loads_and_cites_existing_plans(path, seeds_dir):
    catalogue = load_catalogue(path)
    assert catalogue.townships or catalogue.targets
    for document in catalogue.documents.values():
        assert (seeds_dir / document.file).is_file(), f"{path.name}: document {document.id} -> {document.file}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_cite_exists_and_every_quote_stands_on_its_line(path, plan):
    catalogue = load_catalogue(path)
    problems = []
    count = 0
    for what, cite, _ in all_cites(catalogue):
        count += 1
        lines = plan.lines(cite.file)
        if not 1 <= cite.line <= len(lines):
            problems.append(f"{what}: line {cite.line} is past the end of {cite.file} ({len(lines)} lines)")
            continue
        text = lines[cite.line - 1]
        if not text.strip():
            problems.append(f"{what}: {cite} is an empty line")
        if cite.quote and cite.quote not in text:
            problems.append(f"{what}: quote {cite.quote!r} does not stand on {cite}: {text[:120]!r}")
    assert count > 0
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_member_cite_names_its_township(path, plan):
    catalogue = load_catalogue(path)
    problems = []
    for what, cite, names in all_cites(catalogue):
        if names and not any(name and name in plan.line(cite) for name in names):
            problems.append(f"{what}: {cite} names none of {names}")
    assert not problems, "\n".join(problems)


# Values the plans write in words: “全面达标” (all up to standard), “动态清零” (kept at zero),
# “禁止” (forbidden: none allowed, 江津 fyp14 l.1615's distance rule).
WORD_VALUES = {"全面达标": 100.0, "清零": 0.0, "禁止": 0.0}


def _numbers(text):
    """The numbers written on a text, with hours also as minutes and the WORD_VALUES."""
    numbers = {float(n) for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", text)}
    numbers |= {float(n) * 60 for n in re.findall(r"(?<![\d.])(\d+(?:\.\d+)?)(?:个)?小时", text)}
    numbers |= {value for word, value in WORD_VALUES.items() if word in text}
    return numbers


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_target_value_stands_in_the_plan(path, plan):
    """The value stands on the cited line or, for a table row, on one of the next three lines."""
    catalogue = load_catalogue(path)
    problems = []
    for target in catalogue.targets:
        lines = plan.lines(target.cite.file)
        window = " ".join(lines[target.cite.line - 1: target.cite.line + 3])
        values = {target.value, target.value_min, target.value_max} - {None}
        if target.value_text:
            # a value the plan words (全覆盖, 翻一番): the words stand on the line, the number says how it is read
            if target.value_text not in window:
                problems.append(f"target {target.id}: {target.value_text!r} is not on {target.cite}")
            if not target.derivation:
                problems.append(f"target {target.id}: value_text without its derivation")
            values -= {target.value}
        for value in values:
            if value not in _numbers(window):
                problems.append(f"target {target.id}: {value:g} is not on {target.cite} or the 3 lines after it")
        if target.baseline and "cite" in target.baseline:
            raw = target.baseline["cite"]
            text = plan.at(catalogue.documents[raw["doc"]].file, raw["line"])
            if float(target.baseline["value"]) not in _numbers(text):
                problems.append(f"target {target.id}: baseline {target.baseline['value']} is not on line {raw['line']}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_complete_structures_tag_every_township_once(path):
    catalogue = load_catalogue(path)
    names = {t.name for t in catalogue.townships}
    for structure in catalogue.structures:
        members = [m.name for c in structure.classes for m in c.members]
        assert len(members) == len(set(members)), f"{structure.id}: a township stands in two classes"
        if structure.complete:
            assert set(members) == names, f"{structure.id} is complete but misses {names - set(members)}"
        for conflict in structure.conflicts:
            readings = structure.readings_for(conflict.township)
            assert len({r.value for r in readings}) >= 2, conflict.township
            assert all(structure.class_of(r.value) for r in readings), f"{structure.id}: {conflict.township}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_inference_is_explained(path):
    """A class whose membership is inferred (derived) explains the inference in its note."""
    catalogue = load_catalogue(path)
    for structure in catalogue.structures:
        for plan_class in structure.classes:
            if plan_class.derived:
                assert plan_class.note.strip(), f"{structure.id}: class {plan_class.value} is derived, without a note"
            for member in plan_class.members:
                if member.derived:   # one member inferred: the class's note names it
                    assert member.name in plan_class.note, (structure.id, plan_class.value, member.name)


def members(catalogue, structure_id, value):
    return {m.name for m in catalogue.structure(structure_id).class_of(value).members}


def split_names(text):
    """A plan's list “甲、乙、丙” (“和”, “及” join lists only where a test says so: 中和镇)."""
    return [n for n in text.split("、") if n]


# --------------------------------------------------------------------------- 江津区
JJ_NU = "000_5c0b1797e2e1b3c4.txt"
JJ_FYP = "001_c0dc96b9baef37ce.txt"
CN_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@pytest.fixture(scope="module")
def jiangjin_zones(plan):
    """fyp14 l.1375: the three function zones, each list as the plan writes it (short names)."""
    text = plan.at(JJ_FYP, 1375)
    core, reserved = re.search(r"将(.+?)等镇\(街道\)和预控城市规划建设空间的(.+?)等镇作为城市化发展区", text).groups()
    farm = re.search(r"将([^将]+?)等镇作为农产品主产区", text).group(1)
    eco = re.search(r"将([^将]+?)等镇作为生态功能区", text).group(1)
    return {"core": split_names(core), "reserved": split_names(reserved), "农产品主产区": split_names(farm),
            "生态功能区": split_names(eco)}


def test_jiangjin_has_the_30_towns_and_streets_of_the_plan(plan, jiangjin_zones):
    catalogue = bundled_catalogue("jiangjin")
    listed = [n for names in jiangjin_zones.values() for n in names]
    assert len(listed) == len(set(listed)) == 30
    # the plan's own count of its 镇(街)
    assert "30个镇(街)" in plan.at(JJ_FYP, 1761)
    assert shorts(t.name for t in catalogue.townships) == set(listed)
    assert len(catalogue.townships) == 30
    kinds = {t.name: t.kind for t in catalogue.townships}
    # nu2021 l.274 writes five of them with the suffix 街道
    streets = set(re.findall(r"(\w{2})街道", plan.at(JJ_NU, 274)))
    assert {short(n) for n, k in kinds.items() if k == "街道"} == streets and len(streets) == 5


def test_jiangjin_function_zones_match_the_plan(jiangjin_zones):
    catalogue = bundled_catalogue("jiangjin")
    zones = catalogue.structure("function_zone")
    assert zones.complete
    assert shorts(members(catalogue, "function_zone", "城市化发展区")) == \
        set(jiangjin_zones["core"]) | set(jiangjin_zones["reserved"])
    assert shorts(members(catalogue, "function_zone", "农产品主产区")) == set(jiangjin_zones["农产品主产区"])
    assert shorts(members(catalogue, "function_zone", "生态功能区")) == set(jiangjin_zones["生态功能区"])
    sizes = [len(c.members) for c in zones.classes]
    assert sizes == [12, 14, 4] and sum(sizes) == 30
    # the 4 reserved (预控) towns are tagged apart
    assert shorts(members(catalogue, "reserve", "预控")) == set(jiangjin_zones["reserved"])
    assert len(jiangjin_zones["reserved"]) == 4


def test_jiangjin_town_system_matches_the_plan(plan, jiangjin_zones):
    catalogue = bundled_catalogue("jiangjin")
    system = catalogue.structure("town_system")
    assert system.complete
    text = plan.at(JJ_NU, 274)
    main = split_names(re.search(r"江津“主城”包括(.+?)；", text).group(1))
    subs = re.search(r"“两副”为(.+?)城市副中心", text).group(1).split("和")
    nodes_text, nodes_count = re.search(r"“六节点”为(.+?)(.)个重点、中心镇", text).groups()
    nodes = split_names(nodes_text)
    others = int(re.search(r"“多特色”为其他(\d+)个一般建制镇", text).group(1))
    assert (len(main), len(subs), len(nodes), CN_NUMBERS[nodes_count], others) == (8, 2, 6, 6, 14)
    assert members(catalogue, "town_system", "一主") == set(main)        # full names on l.274
    assert members(catalogue, "town_system", "两副") == set(subs) == {"珞璜镇", "白沙镇"}
    assert shorts(members(catalogue, "town_system", "六节点")) == shorts(nodes)
    # 多特色: not named at l.274; the rest of the 30 of fyp14 l.1375, which fyp14 l.1397 counts as 14
    assert re.search(r"其余(\d+)个小城镇", plan.at(JJ_FYP, 1397)).group(1) == str(others)
    all_30 = {n for names in jiangjin_zones.values() for n in names}
    rest = all_30 - shorts(main) - shorts(subs) - shorts(nodes)
    featured = system.class_of("多特色")
    assert shorts(m.name for m in featured.members) == rest and len(rest) == others
    assert featured.derived and "l.1375" in featured.note
    # the six nodes are the same in the other plan (fyp14 l.1397)
    fyp_nodes = re.search(r"加快完善(.+?)等(\d)个节点小城镇", plan.at(JJ_FYP, 1397)).group(1)
    assert shorts(split_names(fyp_nodes)) == shorts(nodes)


def test_jiangjin_longhua_contradiction_is_recorded_with_both_lines(plan):
    catalogue = bundled_catalogue("jiangjin")
    system = catalogue.structure("town_system")
    # l.250 lists 14 “其他小城镇” (the 多特色 paragraph of l.246) and names 龙华, which l.274 puts in 一主
    assert "“六节点多特色”" in plan.at(JJ_NU, 246)
    others_250 = re.findall(r"推进(?:长江沿线的|慈云)?(.+?)(?:等中国历史文化名镇|等镇打造)", plan.at(JJ_NU, 250))
    assert "龙华" in plan.at(JJ_NU, 250) and "龙华镇" in plan.at(JJ_NU, 274) and others_250
    readings = {(r.value, r.cite.file, r.cite.line) for r in system.readings_for("龙华镇")}
    assert readings == {("一主", JJ_NU, 274), ("多特色", JJ_NU, 250)}


def test_jiangjin_zhiping_and_siping_are_read_as_the_plans_write_them(plan):
    catalogue = bundled_catalogue("jiangjin")
    # 支坪: in the 主城 (nu2021 l.274) and in the 城市化发展区 (fyp14 l.1375); a 商贸重镇 (fyp14 l.1195)
    assert catalogue.structure("town_system").readings_for("支坪镇")[0].value == "一主"
    assert catalogue.structure("function_zone").readings_for("支坪镇")[0].value == "城市化发展区"
    trade = re.search(r"打造([^,，:：]+?)等商贸重镇", plan.at(JJ_FYP, 1195)).group(1)
    assert shorts(members(catalogue, "commerce", "商贸重镇")) == shorts(split_names(trade))
    # 四屏: a node (nu2021 l.274) in the 生态功能区 (fyp14 l.1375): two structures, no conflict entry
    assert [r.value for r in catalogue.structure("town_system").readings_for("四屏镇")] == ["六节点"]
    assert [r.value for r in catalogue.structure("function_zone").readings_for("四屏镇")] == ["生态功能区"]


def test_jiangjin_one_river_two_banks(plan):
    catalogue = bundled_catalogue("jiangjin")
    north = re.search(r"把(.+?)等整合打造", plan.at(JJ_NU, 238)).group(1).split("－")
    assert shorts(members(catalogue, "one_river_two_banks", "江北生态创新城")) == set(north) - {"滨江新城"}
    south = re.search(r"江南文化康养城\((.+?)片区\)", plan.at(JJ_FYP, 1407)).group(1)
    assert shorts(members(catalogue, "one_river_two_banks", "江南文化康养城")) == set(split_names(south))


def test_jiangjin_builtup_targets():
    catalogue = bundled_catalogue("jiangjin")
    towns = catalogue.target("builtup_2025")
    city = catalogue.target("builtup_city_2025")
    assert (towns.indicator, towns.value, towns.unit, towns.year) == ("builtup_area", 145, "km2", 2025)
    assert (city.indicator, city.value, city.unit, city.year) == ("builtup_area", 120, "km2", 2025)
    assert "城镇建成区" in towns.cite.quote and "145平方公里" in towns.cite.quote
    assert (city.cite.file, city.cite.line) == (JJ_FYP, 1383) and "城市建成区120平方公里" in city.cite.quote
    assert {t.id for t in catalogue.targets_for("builtup_area")} == {"builtup_2025", "builtup_city_2025"}
    # neither plan sets a bus-stop coverage rate
    assert not catalogue.targets_for("bus_stop_coverage")



def test_jiangjin_named_groups_match_the_plan(plan):
    """The groups whose members the plans name, parsed from their sentences."""
    catalogue = bundled_catalogue("jiangjin")
    science = re.search(r"；([^；]+?)纳入西部（重庆）科学城范围", plan.at(JJ_NU, 17)).group(1)
    assert shorts(members(catalogue, "science_city", "科学城")) == set(split_names(science)) == {"双福", "德感", "圣泉"}
    science_fyp = re.search(r"([^,，]+?)街道纳入西部\(重庆\)科学城", plan.at(JJ_FYP, 687)).group(1)
    assert set(split_names(science_fyp)) == set(split_names(science))
    nodes = re.search(r"物流节点:打造(.+?)等物流节点", plan.at(JJ_FYP, 1197)).group(1)
    assert shorts(members(catalogue, "logistics", "物流节点")) == set(split_names(nodes))
    centres = re.search(r"建设([^,，。]+?)等镇级配送中心", plan.at(JJ_FYP, 1197)).group(1)
    assert shorts(members(catalogue, "delivery_centres", "镇级配送中心")) == set(split_names(centres))
    airport = re.search(r"启动(.+?)临空经济区", plan.at(JJ_FYP, 1145)).group(1)
    assert shorts(members(catalogue, "airport_economy", "临空经济区")) == set(split_names(airport))
    flood = re.search(r"实施长江干流(.+?)等沿江城镇防洪护岸", plan.at(JJ_FYP, 1585)).group(1)
    assert shorts(members(catalogue, "riverside_flood_works", "长江沿江城镇")) == set(split_names(flood))
    processing = re.search(r"支持(.+?)等有条件的小城镇发展以农产品为主的特色加工业", plan.at(JJ_NU, 432)).group(1)
    assert shorts(members(catalogue, "agro_processing", "特色加工小城镇")) == set(split_names(processing))
    # a class tagged by the names of parks, 商圈 or 片区 is an inference, and says so
    for structure_id, value in (("platforms", "平台载体"), ("commerce", "一主中心"), ("commerce", "两副中心"),
                                ("one_river_two_banks", "江南文化康养城"), ("industry_layout", "先进制造业主战场")):
        plan_class = catalogue.structure(structure_id).class_of(value)
        assert plan_class.derived and "name-match" in plan_class.note, (structure_id, value)


def test_jiangjin_targets_say_how_they_are_measured(plan):
    catalogue = bundled_catalogue("jiangjin")
    assert len(catalogue.targets) >= 170
    assert all(t.measure is not None for t in catalogue.targets)
    assert all(t.measure.reason for t in catalogue.targets if not t.measurable)
    measured = {t.id for t in catalogue.targets if t.measurable}
    assert {"builtup_2025", "builtup_city_2025", "forest_cover_2025", "green_space_ratio_2025", "park_walk_5min_2025",
            "chemical_plants_1km", "elderly_centre_every_township", "expressway_20min_towns"} <= measured
    # statistics and registers are kept, and are not measured
    for target_id in ("hukou_urbanization_rate_2025", "urbanization_rate_2025", "gdp_growth_2025",
                      "construction_land_per_gdp_fall"):
        assert not catalogue.target(target_id).measurable, target_id
    # the distance rule of fyp14 l.1615: none within 1 km of the Yangtze and its main tributaries
    rule = catalogue.target("chemical_plants_1km")
    assert (rule.indicator, rule.value, rule.unit, rule.comparison) == ("distance_rule", 0, "count", "<=")
    assert (rule.cite.file, rule.cite.line) == (JJ_FYP, 1615) and "1公里范围内" in rule.cite.quote
    assert rule.measure.kind == "distance_rule" and rule.measure.distance_m == 1000
    assert {"plants", "river"} <= set(rule.measure.layers)
    # the service circles of fyp14 l.1387 (and nu2021 l.317), in minutes
    circles = {int(m) for m in re.findall(r"(\d+)分钟(?:街道公共服务圈|社区生活服务圈)", plan.at(JJ_FYP, 1387))}
    assert circles == {20, 10}
    assert circles == {int(m) for m in re.findall(r"(\d+)分钟(?:街道公共服务圈|社区生活服务圈)", plan.at(JJ_NU, 317))}
    assert {catalogue.target(i).measure.minutes for i in ("service_circle_street_20min",
                                                          "service_circle_community_10min")} == circles
    # one elderly-care centre in each of the plan's 30 镇(街), which is every township of the catalogue
    centres = catalogue.target("elderly_centre_every_township")
    assert centres.value == int(re.search(r"全面建成(\d+)个镇\(街\)养老服务中心", plan.at(JJ_FYP, 1761)).group(1))
    assert centres.value == len(catalogue.townships) and centres.measure.denominator == "township"
    # the 城市建成区 scope is an assumption, with the plan's own city as the other reading
    city = catalogue.target("builtup_city_2025")
    assert "assumption" in city.note and "两副" in city.measure.convention

# --------------------------------------------------------------------------- 开州区
KZ = "003_19d1efc2983d1444.txt"


def test_kaizhou_has_the_40_units_of_its_town_system(plan):
    catalogue = bundled_catalogue("kaizhou")
    first = re.search(r"聚集，(.+?)(\d+)个乡镇（街道）", plan.at(KZ, 135))
    first_names = split_names(first.group(1).replace("街道及", "街道、"))
    second = re.search(r"区域重点镇。(.+?)(\d+)个镇", plan.at(KZ, 136))
    third = re.search(r"一般乡镇。(.+?)(\d+)个镇和(.+?)(\d+)个乡", plan.at(KZ, 137))
    tiers = {
        "第一级": (first_names, int(first.group(2))),
        "第二级": (split_names(second.group(1)), int(second.group(2))),
        "第三级": (split_names(third.group(1)) + split_names(third.group(3)),
                  int(third.group(2)) + int(third.group(4))),
    }
    total = 0
    for value, (names, stated) in tiers.items():
        assert len(names) == stated, value
        assert shorts(members(catalogue, "town_tier", value)) == shorts(names), value
        total += stated
    assert total == 40 == len(catalogue.townships)
    assert catalogue.structure("town_tier").complete


def test_kaizhou_yuexi_conflict_records_both_lines(plan):
    catalogue = bundled_catalogue("kaizhou")
    readings = catalogue.structure("town_tier").readings_for("岳溪镇")
    assert {r.cite.line for r in readings} >= {135, 168}
    assert len({r.value for r in readings}) == 2
    assert all("岳溪镇" in plan.line(r.cite) for r in readings)


def test_kaizhou_builtup_targets():
    catalogue = bundled_catalogue("kaizhou")
    found = {(t.value, t.unit, t.year) for t in catalogue.targets_for("builtup_area")}
    assert {(60, "km2", 2025), (100, "km2", 2035)} <= found


def test_kaizhou_ranges_are_ranges(plan):
    """The plan's “A万人—B万人” (l.136, 137, 168) are ranges, not caps."""
    catalogue = bundled_catalogue("kaizhou")
    pattern = r"(\d+(?:\.\d+)?)万人—(\d+(?:\.\d+)?)万人"
    for target_id, line in (("pop_tier2_2025", 136), ("pop_tier3", 137), ("pop_2035_yuexi", 168),
                            ("pop_2035_dade", 168)):
        target = catalogue.target(target_id)
        assert target.cite.line == line and target.comparison == "range", target_id
        bounds = re.search(pattern, target.cite.quote).groups()
        assert (target.value_min, target.value_max) == tuple(float(b) for b in bounds), target_id
    # “0.2万人以下” stays a cap
    assert catalogue.target("pop_2035_wutong").comparison == "<="


def test_kaizhou_township_groups_and_exit_corridors_match_the_plan(plan):
    catalogue = bundled_catalogue("kaizhou")
    east = re.search(r"加快推进(.+?)组团式发展", plan.at(KZ, 149)).group(1).split("—")
    river = re.search(r"推进(.+?)组团式建设", plan.at(KZ, 151)).group(1).split("—")
    assert members(catalogue, "township_group", "温泉—大进—满月") == set(east) and len(east) == 3
    assert members(catalogue, "township_group", "铁桥—南雅") == set(river) and len(river) == 2
    text = plan.at(KZ, 352)
    built = split_names(re.search(r"规划实施(.+?)等出境通道", text).group(1))
    studied = split_names(re.search(r"规划研究(.+?)等出境通道改造", text).group(1))
    assert shorts(members(catalogue, "exit_corridor", "规划实施")) == {c.split("—")[0] for c in built}
    assert shorts(members(catalogue, "exit_corridor", "规划研究")) == {c.split("—")[0] for c in studied}
    assert len(built) == 5 and len(studied) == 2


def test_kaizhou_and_wuxi_say_how_every_target_is_measured(plan):
    """Each target of the two files has its own measure block: a measurable one names its layers,
    one no layer can measure says why; the walking-time circles are coverages in minutes."""
    for catalogue_id in ("kaizhou", "wuxi"):
        catalogue = bundled_catalogue(catalogue_id)
        for target in catalogue.targets:
            measure = target.measure
            if measure.kind == "none":
                assert measure.reason and measure.reason != "no check measures this indicator", target.id
            else:
                assert measure.layers, target.id
    kaizhou = bundled_catalogue("kaizhou")
    for target_id, minutes in (("service_circle_street", 20), ("service_circle_community", 10),
                               ("work_life_circle", 15)):
        target = kaizhou.target(target_id)
        assert target.indicator == "facility_coverage" and target.measure.kind == "facility_coverage"
        assert target.measure.minutes == target.value == minutes
        assert f"{minutes}分钟" in plan.line(target.cite)
    assert kaizhou.target("forest_cover").measure.classes == "sandiao_forest"
    assert {t.measure.kind for t in kaizhou.targets_for("population")} == {"population"}
    wuxi = bundled_catalogue("wuxi")
    access = wuxi.target("township_access_1h")
    assert access.measure.kind == "facility_coverage" and access.measure.minutes == 60
    assert "乡镇1小时通达" in plan.line(access.cite)
    stops = wuxi.target("bus_stop_500m_2025").measure
    assert stops.kind == "facility_coverage" and stops.distance_m == 500 and "stops" in stops.layers


# --------------------------------------------------------------------------- 巫溪县
def test_wuxi_bus_stop_coverage_target(plan):
    catalogue = bundled_catalogue("wuxi")
    (target,) = catalogue.targets_for("bus_stop_coverage")
    assert (target.value, target.unit, target.year, target.comparison) == (90, "percent", 2025, ">=")
    assert target.cite.file == "004_de8bb285974af80e.txt" and target.cite.line in (39, 125)
    assert "500米覆盖率达到90%" in plan.line(target.cite)


# --------------------------------------------------------------------------- 重庆市
CQ = "002_df9c8db6f61b8980.txt"


def _box(plan, first, last):
    """The district/county entries “名称：建设…” of a 专栏 between two lines, grouped by sub-heading."""
    groups, heading = {}, ""
    for number in range(first, last + 1):
        text = plan.at(CQ, number).strip()
        if re.match(r"^[一二三四五]、", text):
            heading = text[2:]
        found = re.match(r"^([^：\s]{2,6})：", text)
        if found:
            # “綦江—万盛” is one entry: 万盛经开区 lies in 綦江区
            groups.setdefault(heading, []).append(found.group(1).split("—")[0])
    return groups


def test_chongqing_groups_match_the_plan_boxes(plan):
    catalogue = bundled_catalogue("chongqing")
    assert "主城新区各区功能定位" in plan.at(CQ, 221)
    assert "渝东北三峡库区城镇群各区县功能定位" in plan.at(CQ, 263)
    assert "渝东南武陵山区城镇群各区县功能定位" in plan.at(CQ, 295)
    new_area = _box(plan, 222, 254)
    northeast = [n for names in _box(plan, 264, 288).values() for n in names]
    southeast = [n for names in _box(plan, 296, 308).values() for n in names]
    new_all = [n for names in new_area.values() for n in names]
    assert (len(new_all), len(northeast), len(southeast)) == (12, 11, 6)
    assert shorts(members(catalogue, "one_area_two_groups", "主城都市区")) == set(new_all)
    assert shorts(members(catalogue, "metropolitan_area", "主城新区")) == set(new_all)
    assert shorts(members(catalogue, "one_area_two_groups", "渝东北三峡库区城镇群")) == set(northeast)
    assert shorts(members(catalogue, "one_area_two_groups", "渝东南武陵山区城镇群")) == set(southeast)
    assert len(catalogue.townships) == 29
    assert {t.kind for t in catalogue.townships} == {"区", "县"}
    # the three kinds of 主城新区, four each
    assert set(new_area) == {"同城化先行区", "支点城市", "桥头堡城市"}
    for value, names in new_area.items():
        assert shorts(members(catalogue, "new_district_role", value)) == set(names)
    # the plan does not list the 中心城区 districts: the catalogue is silent too
    assert not members(catalogue, "metropolitan_area", "中心城区")
    assert not catalogue.structure("one_area_two_groups").complete


def test_chongqing_southeast_pattern(plan):
    catalogue = bundled_catalogue("chongqing")
    text = plan.at(CQ, 291)
    assert "“一心、一堡、四节点”" in text
    centre = re.search(r"支持([^，。、]+?)建设渝东南区域中心城市", text).group(1)
    bridgehead = re.search(r"支持([^，。、]+?)建设渝东南桥头堡城市", text).group(1)
    nodes = split_names(re.search(r"支持([^，。]+?)发挥节点城市作用", text).group(1))
    assert shorts(members(catalogue, "southeast_pattern", "一心")) == {centre}
    assert shorts(members(catalogue, "southeast_pattern", "一堡")) == {bridgehead}
    assert shorts(members(catalogue, "southeast_pattern", "四节点")) == set(nodes) and len(nodes) == 4


def test_chongqing_urbanization_targets(plan):
    catalogue = bundled_catalogue("chongqing")
    rates = {t.year: t for t in catalogue.targets_for("urbanization_rate")}
    assert (rates[2025].value, rates[2025].unit) == (73, "percent")
    assert (rates[2035].value, rates[2035].unit) == (80, "percent")
    row = plan.at(CQ, 165).split("\t")          # 专栏1 row 1: 序号, 指标, 2020, 2025, 属性
    assert row[1].startswith("常住人口城镇化率") and row[3] == "≥73" and rates[2025].binding == row[4]
    assert rates[2025].baseline["value"] == float(row[2])


# --------------------------------------------------------------------------- through Processing

@pytest.fixture
def provider(cq_provider):
    return cq_provider


@pytest.mark.parametrize("catalogue_id", IDS)
def test_every_catalogue_lists_its_targets_in_qgis(provider, catalogue_id, plan):
    """cq_urban:list_targets reads each bundled catalogue in QGIS; every row's quote stands on its line."""
    import processing

    result = processing.run("cq_urban:list_targets", {"CATALOGUE": catalogue_id, "OUTPUT": "memory:"})
    rows = list(result["OUTPUT"].getFeatures())
    catalogue = bundled_catalogue(catalogue_id)
    assert result["TARGET_COUNT"] == len(rows) == len(catalogue.targets) > 0
    files = {d.file for d in catalogue.documents.values()}
    for row in rows:
        file_name, _, line = row["citation"].rpartition(":")
        assert file_name in files
        assert row["quote"] in plan.at(file_name, int(line)), row["target_id"]
        window = " ".join(plan.lines(file_name)[int(line) - 1:int(line) + 3])
        if row["value_text"]:
            assert row["value_text"] in window and row["derived"], row["target_id"]
        else:
            assert float(row["value"]) in _numbers(window)
        # how it is measured, and whether the bundled checks can
        target = catalogue.target(row["target_id"])
        assert row["measure"].startswith(target.measure.kind) and row["how"], row["target_id"]
        assert row["measurable"] == measurability(catalogue, target)[0], row["target_id"]
        if not target.measurable:
            assert row["measurable"] is False and row["how"] == target.measure.reason
    assert result["MEASURABLE_COUNT"] == sum(1 for row in rows if row["measurable"])


# ------------------------------------------------------------------ 重庆市: named groups and targets (issue #15)
def _units(catalogue, names):
    """The plan's short names that are units of the catalogue (a 中心城区 district is not)."""
    known = shorts(t.name for t in catalogue.townships)
    return {n for n in names if n in known}


def test_chongqing_named_groups_match_the_plan(plan):
    catalogue = bundled_catalogue("chongqing")
    text = plan.at(CQ, 257)
    riverside = split_names(re.search(r"促进(.+?)等沿江区县", text).group(1))
    assert len(riverside) == 6
    assert shorts(members(catalogue, "riverside_corridor", "沿江城镇走廊")) == set(riverside)
    heart = split_names(re.search(r"支持(.+?)共建“三峡库心·长江盆景”", text).group(1))
    assert shorts(members(catalogue, "gorges_heart", "三峡库心·长江盆景")) == set(heart) == {"忠县", "万州", "石柱"}
    text = plan.at(CQ, 293)
    builders, partner = re.search(r"推动([^，。]+?)联动(.+?)共建乌江画廊旅游示范带", text).groups()
    gallery = split_names(builders) + [partner]
    assert len(gallery) == 6 and shorts(members(catalogue, "wujiang_gallery", "乌江画廊旅游示范带")) == set(gallery)
    folk = split_names(re.search(r"推动([^，。]+?)等加快建设武陵山区民俗风情生态旅游示范区", text).group(1))
    assert shorts(members(catalogue, "wuling_folk_zone", "民俗风情生态旅游示范区")) == set(folk)
    pilot = split_names(re.search(r"支持(.+?)开展国家县城新型城镇化建设示范", plan.at(CQ, 311)).group(1))
    assert re.search(r"(\d+) 个县开展国家县城新型城镇化建设示范", plan.at(CQ, 114)).group(1) == str(len(pilot)) == "3"
    assert shorts(members(catalogue, "county_town_pilot", "县城新型城镇化示范")) == set(pilot)
    yuqian = split_names(re.search(r"支持(.+?)等加快建设渝黔合作先行示范区", plan.at(CQ, 193)).group(1))
    assert shorts(members(catalogue, "yuqian_zone", "渝黔合作先行示范区")) == {n.split("—")[0] for n in yuqian}
    rail = split_names(re.search(r"加快推进(.+?)等主城新区至中心城区市域（郊）铁路", plan.at(CQ, 219)).group(1))
    assert shorts(members(catalogue, "suburban_rail", "市域（郊）铁路")) == set(rail)
    cdl = split_names(re.search(r"支持(.+?)发挥联接主城都市区", plan.at(CQ, 261)).group(1))
    assert shorts(members(catalogue, "changdianliang", "长垫梁")) == set(cdl) == {"垫江", "梁平"}
    # the 专栏4 positionings that name the belts
    core = {n for n, line in ((n, plan.at(CQ, at)) for n, at in (("奉节", 281), ("巫山", 283), ("巫溪", 285)))
            if line.startswith(n + "：") and "长江三峡国际黄金旅游带核心区" in line}
    assert shorts(members(catalogue, "gorges_tourism_belt", "核心区")) == core and len(core) == 3
    assert "长江三峡国际黄金旅游带重要目的地" in plan.at(CQ, 277)
    assert members(catalogue, "gorges_tourism_belt", "重要目的地") == {"忠县"}
    assert all("明月山绿色发展示范带核心区" in plan.at(CQ, at) for at in (269, 275))
    assert shorts(members(catalogue, "mingyueshan", "核心区")) == {"梁平", "垫江"}
    # 专栏9: the lists name 中心城区 districts (巴南, 南岸) that are no units of the file
    national = split_names(re.search(r"包括(.+?)等 9 个区", plan.at(CQ, 557)).group(1))
    assert len(national) == 9 and "9 个区进入国家城乡融合发展试验区布局" in plan.at(CQ, 114)
    assert shorts(members(catalogue, "urban_rural_pilot", "国家试验区西部片区")) == _units(catalogue, shorts(national))
    assert len(members(catalogue, "urban_rural_pilot", "国家试验区西部片区")) == 8   # 巴南区 left out
    municipal = [re.sub(r"（.*?）", "", n).split("—")[0]
                 for n in split_names(re.search(r"包括(.+?)等区县", plan.at(CQ, 560)).group(1))]
    assert shorts(members(catalogue, "urban_rural_pilot", "市级先行示范区")) == _units(catalogue, shorts(municipal))
    assert len(municipal) == 7 and len(members(catalogue, "urban_rural_pilot", "市级先行示范区")) == 6  # 南岸区 out
    # a group the plan names only in part is never complete, and no class is an inference
    for structure in catalogue.structures:
        assert not structure.complete, structure.id
    assert {s.id for s in catalogue.structures if any(c.derived for c in s.classes)} == {"northeast_clusters"}


def test_chongqing_targets_say_how_they_are_measured(plan):
    catalogue = bundled_catalogue("chongqing")
    assert len(catalogue.targets) >= 56
    assert all(t.measure is not None for t in catalogue.targets)
    for target in catalogue.targets:
        if target.measurable:
            assert target.measure.layers, target.id
        else:
            assert target.measure.reason and target.measure.reason != "no check measures this indicator", target.id
    measured = {t.id for t in catalogue.targets if t.measurable}
    assert {"green_coverage_2025", "park_green_per_capita_2025", "urban_land_per_capita_2035",
            "metro_population_share_2025", "service_circle_street_20min", "service_circle_community_10min",
            "centre_cities_1h"} == measured
    # 专栏1: every row of the table is a target citing its row, with the row's value and 属性
    rows = {int(r.split("\t")[0]): r.split("\t") for r in (plan.at(CQ, n) for n in range(165, 176))
            if re.match(r"^\d+\t", r)}
    assert sorted(rows) == list(range(1, 10))
    by_row = {int(re.search(r"专栏1 row (\d)", t.note).group(1)): t for t in catalogue.targets
              if re.search(r"专栏1 row (\d)", t.note)}
    assert sorted(by_row) == list(range(1, 10))
    for number, target in by_row.items():
        assert float(re.sub(r"[^\d.]", "", rows[number][3])) == target.value, target.id
        assert target.binding == rows[number][4], target.id
    # the 主城都市区 share is of 21 districts (l.114), not of the 12 the file lists
    share = catalogue.target("metro_population_share_2025")
    assert "21 个区" in plan.at(CQ, 114) and ":" not in share.scope
    assert len(members(catalogue, "one_area_two_groups", "主城都市区")) == 12
    # 城镇人口 is a statistic: the population check must not compare a layer's residents with it
    assert catalogue.target("urban_population_2035").indicator != "population"
    # the service circles of l.453, in minutes
    circles = {int(m) for m in re.findall(r"(\d+) 分钟(?:街道公共服务圈|社区生活服务圈)", plan.at(CQ, 453))}
    assert circles == {20, 10}
    assert {catalogue.target(i).measure.minutes for i in ("service_circle_street_20min",
                                                          "service_circle_community_10min")} == circles
    # flood and drainage (l.511)
    text = plan.at(CQ, 511)
    assert catalogue.target("levee_2025").value == float(re.search(r"堤防达标率达 (\d+)%", text).group(1))
    assert "全面达标" in text and catalogue.target("levee_2035").value == 100
    assert "动态清零" in text and catalogue.target("waterlogging_2025").value == 0
    # the class 主城都市区 cites the body, not the table of contents
    metro = catalogue.structure("one_area_two_groups").class_of("主城都市区")
    assert metro.cite.line > 104 and "主城都市区" in plan.line(metro.cite)


def test_list_targets_says_how_and_whether_the_bundled_checks_measure(provider):
    """jiangjin: the built-up area is measured (how and layers said); 户籍城镇化率 is not (its reason); a
    facility in every township is measured by the facility-presence check; a value in words shows the
    plan's words and the number used."""
    import processing

    rows = {f["target_id"]: f for f in processing.run("cq_urban:list_targets", {
        "CATALOGUE": "jiangjin", "OUTPUT": "memory:"})["OUTPUT"].getFeatures()}
    builtup = rows["builtup_2025"]
    assert builtup["measurable"] is True and builtup["measure"].startswith("builtup_area")
    assert builtup["how"].startswith("builtup_area:") and "builtup or landuse" in builtup["how"]
    assert builtup["target"] == "≥ 145"
    hukou = rows["hukou_urbanization_rate_2025"]
    assert hukou["measurable"] is False and "household register" in hukou["how"]
    assert hukou["comparison"] == "about" and hukou["target"] == "≈ 3"
    elderly = rows["elderly_centre_every_township"]
    # a facility in every township: measured by the facility-presence check (core/checks/facility_presence.py)
    assert elderly["measurable"] is True and "townships (TOWNSHIPS) holding at least one" in elderly["how"], \
        elderly["how"]
    assert elderly["layers"] == "facilities, townships" and "镇(街)养老服务中心" in elderly["measure"]
    plaza = rows["plaza_every_township"]
    assert (plaza["value"], plaza["value_text"]) == (100.0, "镇街全覆盖") and "100 %" in plaza["derived"]


def test_values_in_words_are_filed_with_the_words_and_the_number(plan):
    """全覆盖 = 100 %, 每个镇…一个 = 100 % of the towns, 翻一番 = twice the baseline, 全部 = 100 %."""
    expected = {("jiangjin", "plaza_every_township"): (100, "percent"),
                ("jiangjin", "library_branches_every_town"): (100, "percent"),
                ("jiangjin", "commercial_street_every_town"): (100, "percent"),
                ("jiangjin", "water_plant_every_town"): (100, "percent"),
                ("jiangjin", "rural_bus_full_coverage"): (100, "percent"),
                ("jiangjin", "gdp_per_capita_double_2035"): (2, "times_2020"),
                ("wuxi", "economy_double_2035"): (2, "times_2020"),
                ("kaizhou", "migrant_children_compulsory_education"): (100, "percent")}
    words = {"全覆盖": 100, "每个镇": 100, "翻一番": 2, "全部": 100, "一个": 100, "一家": 100}
    for (catalogue_id, target_id), (value, unit) in expected.items():
        target = bundled_catalogue(catalogue_id).target(target_id)
        assert (target.value, target.unit) == (value, unit), target_id
        line = plan.line(target.cite)
        assert target.value_text in line and target.value_text in target.cite.quote + line, target_id
        assert any(word in target.value_text and number == value for word, number in words.items()), target_id
        assert target.derived and target.derivation, target_id
    jiangjin = bundled_catalogue("jiangjin")
    assert jiangjin.target("plaza_every_township").measure.kind == "facility_coverage"
    assert jiangjin.target("plaza_every_township").measure.denominator == "township"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_green_coverage_and_green_space_ratio_are_two_indicators(path, plan):
    """绿化覆盖率 (vegetation cover of the built-up area) and 绿地率 (its green land) are different measures:
    one indicator each, the same in every catalogue, and each target's line says which it is."""
    catalogue = load_catalogue(path)
    for target in catalogue.targets:
        words = target.label + plan.line(target.cite)
        if "绿化覆盖率" in target.label:
            assert target.indicator == "green_coverage_ratio", target.id
            assert "绿化覆盖率" in words and "绿地率" not in target.label, target.id
        if "绿地率" in target.label:
            assert target.indicator == "green_space_ratio", target.id
        if target.indicator == "green_coverage_ratio":
            assert "绿化覆盖率" in target.label, target.id
        if target.indicator == "green_space_ratio":
            assert "绿地率" in target.label, target.id
