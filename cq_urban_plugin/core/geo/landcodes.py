"""The code tables of land in China's survey and planning data, one place for all of them.

- 三调 地类编码 (``DLBM`` of 地类图斑): 《第三次全国国土调查技术规程》TD/T 1055-2019, 附录 A
  三调工作分类 (GB/T 21010-2017 with 05H1, 08H1, 08H2 merged classes and 湿地 regrouped).
  Letters after a code mark a family member: K 可调整地类 (0201K, 0301K, 1104K …), A 0810A 广场用地,
  1104A 养殖坑塘, 08H2A 高教用地 …: the code before the letter is its family.
- 城镇村属性码 (``CZCSXM``): TD/T 1055-2019 and 《国土调查数据库标准》TD/T 1057-2020: 201 城市,
  202 建制镇, 203 村庄, 204 盐田及采矿用地, 205 特殊用地; 201A/202A/203A their 独立工业用地.
- 用地用海分类: 自然资源部《国土空间调查、规划、用途管制用地用海分类指南》(自然资办发〔2023〕234号;
  it replaces the 2020 试行 version, whose 园地 had no 0204 油料园地): first level 01–24 and the
  second level of 01–14 and 23; codes of 15–22 and 24 and third-level codes (070101 …) are read as
  members of their first or second level.
- 三调 → 用地用海: the correspondence of the same 2023 guide's classes to the 三调 work classes
  (``SANDIAO_TO_YDYH``). Where one 三调 class holds several 用地用海 classes (08H2 科教文卫 is
  科研, 文化, 教育, 体育, 医疗卫生 and 社会福利; 0810 公园与绿地 is 公园绿地 and 防护绿地) it gives all of
  them, or their family where the guide divides it by what the survey did not record (05H1 → 09,
  08H1 → 08, 0809 → 13): a check counting only some of them cannot use such a parcel, and says so.
"""
import re
from typing import Optional, Tuple

SANDIAO = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地",
    "0201": "果园", "0202": "茶园", "0203": "橡胶园", "0204": "其他园地",
    "0301": "乔木林地", "0302": "竹林地", "0303": "红树林地", "0304": "森林沼泽", "0305": "灌木林地",
    "0306": "灌丛沼泽", "0307": "其他林地",
    "0401": "天然牧草地", "0402": "沼泽草地", "0403": "人工牧草地", "0404": "其他草地",
    "05H1": "商业服务业设施用地", "0508": "物流仓储用地",
    "0601": "工业用地", "0602": "采矿用地", "0603": "盐田",
    "0701": "城镇住宅用地", "0702": "农村宅基地",
    "08H1": "机关团体新闻出版用地", "08H2": "科教文卫用地", "0809": "公用设施用地", "0810": "公园与绿地",
    "09": "特殊用地",
    "1001": "铁路用地", "1002": "轨道交通用地", "1003": "公路用地", "1004": "城镇村道路用地",
    "1005": "交通服务场站用地", "1006": "农村道路", "1007": "机场用地", "1008": "港口码头用地", "1009": "管道运输用地",
    "1101": "河流水面", "1102": "湖泊水面", "1103": "水库水面", "1104": "坑塘水面", "1105": "沿海滩涂",
    "1106": "内陆滩涂", "1107": "沟渠", "1108": "沼泽地", "1109": "水工建筑用地", "1110": "冰川及永久积雪",
    "1201": "空闲地", "1202": "设施农用地", "1203": "田坎", "1204": "盐碱地", "1205": "沙地", "1206": "裸土地",
    "1207": "裸岩石砾地",
}
SANDIAO_CODES = frozenset(SANDIAO)

CZCSXM = {
    "201": "城市", "201A": "城市独立工业用地", "202": "建制镇", "202A": "建制镇独立工业用地",
    "203": "村庄", "203A": "村庄独立工业用地", "204": "盐田及采矿用地", "205": "特殊用地",
}
CZCSXM_CODES = frozenset(CZCSXM)

YDYH_FIRST = {
    "01": "耕地", "02": "园地", "03": "林地", "04": "草地", "05": "湿地", "06": "农业设施建设用地", "07": "居住用地",
    "08": "公共管理与公共服务用地", "09": "商业服务业用地", "10": "工矿用地", "11": "仓储用地", "12": "交通运输用地",
    "13": "公用设施用地", "14": "绿地与开敞空间用地", "15": "特殊用地", "16": "留白用地", "17": "陆地水域",
    "18": "渔业用海", "19": "工矿通信用海", "20": "交通运输用海", "21": "游憩用海", "22": "特殊用海",
    "23": "其他土地", "24": "其他海域",
}
YDYH_SECOND = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地",
    "0201": "果园", "0202": "茶园", "0203": "橡胶园地", "0204": "油料园地", "0205": "其他园地",
    "0301": "乔木林地", "0302": "竹林地", "0303": "灌木林地", "0304": "其他林地",
    "0401": "天然牧草地", "0402": "人工牧草地", "0403": "其他草地",
    "0501": "森林沼泽", "0502": "灌丛沼泽", "0503": "沼泽草地", "0504": "其他沼泽地", "0505": "沿海滩涂",
    "0506": "内陆滩涂", "0507": "红树林地",
    "0601": "乡村道路用地", "0602": "种植设施建设用地", "0603": "畜禽养殖设施建设用地", "0604": "水产养殖设施建设用地",
    "0701": "城镇住宅用地", "0702": "城镇社区服务设施用地", "0703": "农村宅基地", "0704": "农村社区服务设施用地",
    "0801": "机关团体用地", "0802": "科研用地", "0803": "文化用地", "0804": "教育用地", "0805": "体育用地",
    "0806": "医疗卫生用地", "0807": "社会福利用地",
    "0901": "商业用地", "0902": "商务金融用地", "0903": "娱乐康体用地", "0904": "其他商业服务业用地",
    "1001": "工业用地", "1002": "采矿用地", "1003": "盐田",
    "1101": "物流仓储用地", "1102": "储备库用地",
    "1201": "铁路用地", "1202": "公路用地", "1203": "机场用地", "1204": "港口码头用地", "1205": "管道运输用地",
    "1206": "城市轨道交通用地", "1207": "城镇村道路用地", "1208": "交通场站用地", "1209": "其他交通设施用地",
    "1401": "公园绿地", "1402": "防护绿地", "1403": "广场用地",
    "2301": "空闲地", "2302": "田坎", "2303": "田间道", "2304": "盐碱地", "2305": "沙地", "2306": "裸土地",
    "2307": "裸岩石砾地",
}
# First-level classes whose second level is not listed above: any 4- or 6-digit code under them is theirs.
_YDYH_OPEN = frozenset(f"{n:02d}" for n in (13, *range(15, 23), 24))

# 三调 class → the 用地用海 (2023) classes it holds (a first-level code: the whole family).
SANDIAO_TO_YDYH = {
    "0101": ("0101",), "0102": ("0102",), "0103": ("0103",),
    "0201": ("0201",), "0202": ("0202",), "0203": ("0203",), "0204": ("0204", "0205"),
    "0301": ("0301",), "0302": ("0302",), "0305": ("0303",), "0307": ("0304",),
    "0303": ("0507",), "0304": ("0501",), "0306": ("0502",), "0402": ("0503",), "1108": ("0504",),
    "1105": ("0505",), "1106": ("0506",),
    "0401": ("0401",), "0403": ("0402",), "0404": ("0403",),
    "05H1": ("09",), "0508": ("1101", "1102"),
    "0601": ("1001",), "0602": ("1002",), "0603": ("1003",),
    "0701": ("0701", "0702"), "0702": ("0703", "0704"),
    "08H1": ("08",), "08H2": ("0802", "0803", "0804", "0805", "0806", "0807"), "0809": ("13",),
    "0810": ("1401", "1402"), "0810A": ("1403",),
    "09": ("15",),
    "1001": ("1201",), "1002": ("1206",), "1003": ("1202",), "1004": ("1207",), "1005": ("1208",),
    "1006": ("0601", "2303"), "1007": ("1203",), "1008": ("1204",), "1009": ("1205",),
    "1101": ("1701",), "1102": ("1702",), "1103": ("1703",), "1104": ("1704",), "1107": ("1705",),
    "1109": ("13",), "1110": ("1706",),
    "1201": ("2301",), "1202": ("0602", "0603", "0604"), "1203": ("2302",), "1204": ("2304",), "1205": ("2305",),
    "1206": ("2306",), "1207": ("2307",),
}
SOURCES = {
    "sandiao": "《第三次全国国土调查技术规程》TD/T 1055-2019, 附录 A",
    "czcsxm": "TD/T 1055-2019; 《国土调查数据库标准》TD/T 1057-2020",
    "ydyh": "自然资源部《国土空间调查、规划、用途管制用地用海分类指南》(自然资办发〔2023〕234号)",
}

_SUFFIX = re.compile(r"^(.+?)[KA]$")  # 0201K, 1104A, 0810A, 201A: the code of their family


def _clean(code) -> str:
    return str(code or "").strip().upper()


def sandiao_family(code) -> Optional[str]:
    """The 三调 class ``code`` stands for (0201K → 0201, 08H2A → 08H2), or None when it is none of them."""
    code = _clean(code)
    if code in SANDIAO_CODES:
        return code
    match = _SUFFIX.match(code)
    return match.group(1) if match and match.group(1) in SANDIAO_CODES else None


def czcsxm_family(code) -> Optional[str]:
    """The 城镇村属性码 family of ``code`` (201A → 201), or None when it is none of 201–205."""
    code = _clean(code)
    if code not in CZCSXM_CODES:
        return None
    return code.rstrip("A")


def is_ydyh(code) -> bool:
    """Whether ``code`` is a 用地用海 (2023) class: a first- or second-level code, or a finer one under them."""
    code = _clean(code)
    if not code.isdigit() or len(code) not in (2, 4, 6):
        return False
    if len(code) == 2:
        return code in YDYH_FIRST
    return code[:4] in YDYH_SECOND or code[:2] in _YDYH_OPEN


def sandiao_to_ydyh(code) -> Tuple[str, ...]:
    """The 用地用海 classes of the 三调 class ``code`` (its family's: 0301K as 0301, but 0810A as itself);
    () when it is no 三调 class."""
    code = _clean(code)
    if code in SANDIAO_TO_YDYH:
        return SANDIAO_TO_YDYH[code]
    family = sandiao_family(code)
    return SANDIAO_TO_YDYH.get(family, ()) if family else ()


def ydyh_name(code) -> str:
    """The name of a 用地用海 class ('' when unknown): its second level's, else its first level's."""
    code = _clean(code)
    second = YDYH_SECOND.get(code[:4], "") if len(code) >= 4 else ""
    return second or YDYH_FIRST.get(code[:2], "")


SANDIAO_SYSTEM, YDYH_SYSTEM = "sandiao", "ydyh"


def _counted(code: str, codes) -> bool:
    return any(code.startswith(c) for c in codes)


class YdyhReading:
    """Reads the values of one class field against 用地用海 codes: a value that only the 三调 table
    has (05H1, 0307, 0810A …) is translated (``sandiao_to_ydyh``), one that only the 用地用海 table has
    (0703, 0804, 2302 …) is matched as it is. A value both tables have (0701, 1001 …: 1001 is 铁路用地
    in the 三调, 工业用地 in 用地用海) is read in the system the field has shown so far, else in its
    name's (DLBM: the 三调's field, else 用地用海). ``problem`` tells, at the end, whether the field
    mixed both systems or a value was read in the system the field later proved wrong."""

    def __init__(self, field_name: str, codes):
        self.codes = tuple(codes)
        self.default = SANDIAO_SYSTEM if (field_name or "").strip().upper() == "DLBM" else YDYH_SYSTEM
        self.proof = {SANDIAO_SYSTEM: {}, YDYH_SYSTEM: {}}   # values only one table has: {code: count}
        self.decided = None                                  # the system of the first such value
        self.translated = {}                                 # 三调 value → (用地用海 classes, count)
        self.partial = {}                                    # 三调 value whose classes only partly count
        self.provisional = {}                                # value → system it was read in, before proof

    def matches(self, code: str) -> bool:
        code = _clean(code)
        sandiao, ydyh = sandiao_family(code) is not None, is_ydyh(code)
        if sandiao != ydyh:
            system = SANDIAO_SYSTEM if sandiao else YDYH_SYSTEM
            self.proof[system][code] = self.proof[system].get(code, 0) + 1
            self.decided = self.decided or system
        elif sandiao:
            system = self.decided or self.default
        else:
            return _counted(code, self.codes)  # in neither table: as typed
        as_ydyh = _counted(code, self.codes)
        targets = sandiao_to_ydyh(code) if sandiao else ()
        as_sandiao = bool(targets) and all(_counted(t, self.codes) for t in targets)
        if sandiao and ydyh and self.decided is None and as_ydyh != as_sandiao:
            self.provisional[code] = system
        if system == YDYH_SYSTEM:
            return as_ydyh
        _, count = self.translated.get(code, (targets, 0))
        self.translated[code] = (targets, count + 1)
        if not as_sandiao and any(_counted(t, self.codes) or any(c.startswith(t) for c in self.codes)
                                  for t in targets):
            self.partial[code] = self.partial.get(code, 0) + 1
        return as_sandiao

    def prepare(self, codes):
        """Decide the field's system from all its values before any is read (a caller that has them
        all first): then no value is read provisionally."""
        for code in codes:
            code = _clean(code)
            sandiao, ydyh = sandiao_family(code) is not None, is_ydyh(code)
            if sandiao != ydyh:
                self.decided = SANDIAO_SYSTEM if sandiao else YDYH_SYSTEM
                return

    @property
    def system(self) -> str:
        return self.decided or (self.default if self.translated or self.provisional else YDYH_SYSTEM)

    def problem(self):
        """None, ("mixed", 三调 codes, 用地用海 codes) or ("early", codes read wrongly, proving codes)."""
        if self.proof[SANDIAO_SYSTEM] and self.proof[YDYH_SYSTEM]:
            return "mixed", sorted(self.proof[SANDIAO_SYSTEM]), sorted(self.proof[YDYH_SYSTEM])
        wrong = sorted(code for code, system in self.provisional.items() if system != self.system)
        if wrong:
            return "early", wrong, sorted(self.proof[self.system])
        return None
