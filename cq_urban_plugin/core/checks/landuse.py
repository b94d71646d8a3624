"""Land-use codes that count as built-up: presets for Chongqing's survey data.

A built-up figure can be taken from a land-use layer: the polygons whose class
code is in a set. Three code systems are in use in Chongqing's district and
county data, and each preset below says which codes it counts and why.

* 三调 城镇村属性码 (field ``CZCSXM`` of the third national land survey's 地类图斑):
  201 城市, 202 建制镇, 203 村庄, 204 盐田及采矿用地, 205 特殊用地; an ``A`` suffix
  (201A, 202A, 203A) marks 独立工业用地 inside that settlement type. A city's
  built-up area is its 城市 (201) land, a 城镇建成区 (city and towns) adds the
  建制镇 (202) land; 201A/202A are counted with them, 村庄 (203), mining (204)
  and stand-alone special land (205) are not.
* 三调 地类编码 (field ``DLBM``): the construction land classes that make up a town's
  fabric wherever they lie — 05 商业服务业用地, 0601 工业用地, 0604 仓储用地,
  0701 城镇住宅用地, 08 公共管理与公共服务用地 (incl. 0810 公园与绿地), 09 特殊用地,
  1004 城镇村道路用地, 1005 交通服务场站用地, 1201 空闲地. Left out: 0602 采矿用地 and
  0603 盐田 (pits and salt pans, not urban fabric; 三调 gives them 城镇村属性码 204),
  0702 农村宅基地 (rural homesteads), 1001 铁路 / 1002 轨道交通 / 1003 公路 / 1007 机场 /
  1008 港口码头 / 1009 管道运输 (regional infrastructure, outside a town's built-up area
  in GB 50137 terms) and 1006 农村道路. Land classes alone cannot tell a village's
  street from a town's: where the layer carries 城镇村属性码, that preset is the one
  the 建成区 statistics follow.
* 用地用海分类 (《国土空间调查、规划、用途管制用地用海分类指南》, field ``YDYHFLDM`` or
  ``DLBM`` in annual change surveys since 2023): 0701 城镇住宅用地, 0702 城镇社区服务设施用地,
  08 公共管理与公共服务用地, 09 商业服务业用地, 1001 工业用地, 11 仓储用地, 1206 城市轨道交通用地,
  1207 城镇村道路用地, 1208 交通场站用地, 13 公用设施用地, 14 绿地与开敞空间用地, 15 特殊用地.
  Left out: 0703/0704 农村宅基地 and 农村社区服务设施用地 (rural), 1002 采矿 / 1003 盐田,
  1201–1205 铁路、公路、机场、港口码头、管道运输 (regional infrastructure), 1209 其他交通设施,
  and 16 留白用地 (land held in reserve, not built).

Classes of land measured as a share (``class_presets``, for core/checks/land_share.py):

* 绿地 (绿地率): 三调 (GB/T 21010-2017 《土地利用现状分类》 and the 三调 工作分类) 0810 公园与绿地,
  without 0810A 广场用地; 用地用海 (2023) 1401 公园绿地 and 1402 防护绿地, without 1403 广场用地.
  GB/T 50563-2010 《城市园林绿化评价标准》 counts only the green part of a square, and the
  附属绿地 inside other plots, which no land-use class holds: a figure from codes is the
  independent green land, a floor of the 绿地率.
* 森林 (森林覆盖率): the national rule (国家林业局《国家森林资源连续清查技术规定》2014;
  GB/T 26424-2010 《森林资源规划设计调查技术规程》) counts 乔木林地, 竹林地 and the 国家特别规定
  灌木林地 over the total land area. 三调: 0301 乔木林地, 0302 竹林地, 0305 灌木林地 (0303 红树林地,
  0304 森林沼泽 and 0306 灌丛沼泽 are filed under 00 湿地 in the 三调, 0307 其他林地 is no forest);
  用地用海 (2023): 0301 乔木林地, 0302 竹林地, 0303 灌木林地 (0304 其他林地 is not counted).
  Land-use classes cannot tell the 特别规定 shrubs from the others, nor hold the 四旁树 and
  农田林网 the rule also counts: every shrub polygon is counted, and the report says so.

The code tables themselves (三调 地类编码, 城镇村属性码, 用地用海 and the 三调 → 用地用海 correspondence,
each with its source) are ``core/geo/landcodes.py``. A preset naming 用地用海 codes reads a 三调 地类图斑
through that correspondence (``landcodes.YdyhReading``): 三调 1001 铁路用地 is 用地用海 1201, not 1001
工业用地; the notes say so, and a field mixing both systems is refused.

Codes match as prefixes: ``07`` counts ``0701`` and ``070101``. A numeric class
field loses leading zeros (0701 is stored as 701): a number with an odd count of
digits is read with its zero restored, so ``07`` matches 701 while ``201`` (三调
城镇村属性码, three digits by design) still matches 201, and ``01`` does not match 1001.

Recorded areas: the survey records each polygon's area (三调 图斑面积 ``TBMJ``, and 地类面积
``TBDLMJ``, TBMJ minus the field-ridge deduction), in m², on the ellipsoid and adjusted to
the control totals; its statistics quote them, not the geometry's own area. A polygon split
between townships gets its recorded area in proportion to its geometric area in each
(``split_recorded``).
"""
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ...compat import FieldType, field_type_name, is_null
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from ..geo.landcodes import SOURCES, YDYH_SYSTEM, YdyhReading
from ..geo.overlay import GeometryIndex, polygonal

RECORDED_FIELDS = ("TBDLMJ", "TBMJ")  # 三调 地类面积, then 图斑面积: the default recorded-area field


class Codes(tuple):
    """Codes of one code system (``landcodes.YDYH_SYSTEM`` …; "" for typed codes, matched as they are)."""

    system = ""

    def __new__(cls, codes, system=""):
        made = super().__new__(cls, codes)
        made.system = system
        return made


@dataclass(frozen=True)
class LandUsePreset:
    id: str
    label: str
    codes: Tuple[str, ...]
    field_names: Tuple[str, ...]  # usual names of the class field, for a default
    reason: str
    exclude: Tuple[str, ...] = ()  # codes not counted although a code above is their prefix (0810A)


def _presets() -> List[LandUsePreset]:
    return [
        LandUsePreset(
            "czcsxm_town", tr("三调 城镇村属性码: 城市 + 建制镇 (201, 201A, 202, 202A) — 城镇建成区"),
            ("201", "202"), ("CZCSXM",),
            tr("城镇村属性码 201 城市 and 202 建制镇 (with their 独立工业用地 201A/202A); "
               "村庄 203, 采矿 204 and 特殊 205 are not counted.")),
        LandUsePreset(
            "czcsxm_city", tr("三调 城镇村属性码: 城市 only (201, 201A) — 城市建成区"),
            ("201",), ("CZCSXM",),
            tr("城镇村属性码 201 城市 (with 201A); 建制镇 202 and the rest are not counted.")),
        LandUsePreset(
            "sandiao_dlbm",
            tr("三调 地类编码: urban construction land (05, 0601, 0604, 0701, 08, 09, 1004, 1005, 1201)"),
            ("05", "0601", "0604", "0701", "08", "09", "1004", "1005", "1201"), ("DLBM",),
            tr("三调 land classes 05, 0601, 0604, 0701, 08, 09, 1004, 1005 and 1201; mining 0602, salt pans "
               "0603, rural homesteads 0702, regional transport 1001–1003 and 1006–1009 are not counted.")),
        LandUsePreset(
            "ydyh", tr("用地用海分类: urban construction land (0701, 0702, 08, 09, 1001, 11, 1206–1208, 13, 14, 15)"),
            Codes(("0701", "0702", "08", "09", "1001", "11", "1206", "1207", "1208", "13", "14", "15"), YDYH_SYSTEM),
            ("YDYHFLDM", "YDYHFL", "DLBM", "YDDM"),
            tr("用地用海 classes 0701, 0702, 08, 09, 1001, 11, 1206, 1207, 1208, 13, 14 and 15; rural "
               "0703/0704, mining 1002/1003, regional transport 1201–1205, 1209 and 留白用地 16 are not counted.")),
    ]


PRESET_IDS = ("czcsxm_town", "czcsxm_city", "sandiao_dlbm", "ydyh")

_YDYH_FIELDS = ("YDYHFLDM", "YDYHFL", "DLBM", "YDDM")


def _class_presets() -> List[LandUsePreset]:
    """Classes of land a share is measured of (see the module's note), each with its source."""
    return [
        LandUsePreset(
            "sandiao_green", tr("三调 GB/T 21010-2017: 绿地 0810 公园与绿地 (not 0810A 广场用地) — 绿地率"),
            ("0810",), ("DLBM",),
            tr("三调 (GB/T 21010-2017 and the 三调 工作分类) class 0810 公园与绿地 counts as green land; "
               "0810A 广场用地 does not (GB/T 50563-2010 counts only the green part of a square), and the "
               "附属绿地 inside other plots is in no land-use class, so the figure is a floor of the 绿地率."),
            exclude=("0810A",)),
        LandUsePreset(
            "ydyh_green", tr("用地用海 (2023): 绿地 1401 公园绿地 + 1402 防护绿地 — 绿地率"),
            Codes(("1401", "1402"), YDYH_SYSTEM), _YDYH_FIELDS,
            tr("用地用海分类 (《国土空间调查、规划、用途管制用地用海分类指南》, 2023) classes 1401 公园绿地 and "
               "1402 防护绿地 count as green land; 1403 广场用地 does not (GB/T 50563-2010 counts only the green "
               "part of a square), and the 附属绿地 inside other plots is in no class, so the figure is a floor "
               "of the 绿地率.")),
        LandUsePreset(
            "sandiao_forest", tr("三调 GB/T 21010-2017: 森林 0301 乔木林地 + 0302 竹林地 + 0305 灌木林地 — 森林覆盖率"),
            ("0301", "0302", "0305"), ("DLBM",),
            tr("三调 classes 0301 乔木林地, 0302 竹林地 and 0305 灌木林地 count as forest, as the national rule "
               "counts 乔木林地, 竹林地 and 国家特别规定灌木林地 (国家林业局《国家森林资源连续清查技术规定》2014; "
               "GB/T 26424-2010); 0307 其他林地 does not, and 0303/0304/0306 are 湿地 in the 三调. The land-use "
               "classes cannot tell the 特别规定 shrubs from others (all 0305 is counted), nor hold the "
               "四旁树 and 农田林网 the rule also counts.")),
        LandUsePreset(
            "ydyh_forest", tr("用地用海 (2023): 森林 0301 乔木林地 + 0302 竹林地 + 0303 灌木林地 — 森林覆盖率"),
            Codes(("0301", "0302", "0303"), YDYH_SYSTEM), _YDYH_FIELDS,
            tr("用地用海分类 (2023) classes 0301 乔木林地, 0302 竹林地 and 0303 灌木林地 count as forest, as the "
               "national rule counts 乔木林地, 竹林地 and 国家特别规定灌木林地 (国家林业局《国家森林资源连续清查技术"
               "规定》2014; GB/T 26424-2010); 0304 其他林地 does not. All 0303 is counted (the classes cannot "
               "tell the 特别规定 shrubs from others), and the 四旁树 and 农田林网 are in no class.")),
    ]


CLASS_PRESET_IDS = ("sandiao_green", "ydyh_green", "sandiao_forest", "ydyh_forest")


def presets() -> List[LandUsePreset]:
    return _presets()


def class_presets() -> List[LandUsePreset]:
    """The presets of classes measured as a share (green land, forest)."""
    return _class_presets()


def preset(preset_id: str) -> LandUsePreset:
    for candidate in _presets() + _class_presets():
        if candidate.id == preset_id:
            return candidate
    raise KeyError(preset_id)


def parse_codes(text: str) -> Tuple[str, ...]:
    """Codes typed by the user: separated by commas, semicolons, spaces or 、."""
    for separator in ",;，；、\n\t":
        text = text.replace(separator, " ")
    return tuple(dict.fromkeys(c.strip().upper() for c in text.split() if c.strip()))


_TEXT_TYPES = (FieldType.String,)
_INTEGER_TYPES = (FieldType.Int, FieldType.LongLong, FieldType.UInt, FieldType.ULongLong)


def check_class_field(field, label: str):
    """A class field must hold codes: text or whole numbers."""
    if field.type() in _TEXT_TYPES + _INTEGER_TYPES + (FieldType.Double,):
        return
    raise PlanInputError(
        tr("Field '{field}' of layer '{layer}' is of type {type}, which cannot hold land-use codes.").format(
            field=field.name(), layer=label, type=field_type_name(field)),
        tr("Choose the field holding the class codes (text such as '0701' or '201', or whole numbers)."))


def code_text(value) -> Optional[str]:
    """A class value as code text: None for NULL, digits for numbers, upper-case stripped text."""
    if is_null(value):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if value != int(value):
            return repr(value)
        value = int(value)
    text = str(value).strip().upper()
    return text or None


def code_matches(value_text: str, codes: Sequence[str], numeric: bool) -> bool:
    """True when ``value_text`` starts with one of ``codes`` (see the module's note on numbers)."""
    candidates = [value_text]
    if numeric and value_text.isdigit() and len(value_text) % 2 == 1:
        candidates.append("0" + value_text)
    return any(candidate.startswith(code) for candidate in candidates for code in codes if code)


def _system_name(system: str) -> str:
    return {"sandiao": tr("the 三调 classification"), "ydyh": tr("用地用海")}.get(system, system)


class CodeSelector:
    """Decides, feature by feature, whether a land-use polygon is built-up, and
    remembers the distinct codes seen for the message when nothing matches."""

    def __init__(self, codes: Iterable[str], field, label: str):
        check_class_field(field, label)
        self.codes = tuple(c.strip().upper() for c in codes if c and c.strip())
        if not self.codes:
            raise PlanInputError(tr("No land-use codes were given for layer '{layer}'.").format(layer=label),
                                 tr("Choose a preset or type the codes that count as built-up, e.g. 201, 202."))
        self.field = field
        self.label = label
        self.numeric = field.type() in _INTEGER_TYPES + (FieldType.Double,)
        self.seen: Dict[str, int] = {}
        self.matched = 0
        self.null_codes: List[int] = []
        self.decimal_values: List[str] = []
        self.fix = ""          # the fix a check of its own names when nothing matches (default: built-up's)
        self.selected_what = ""  # what the selected features are, for the notes (default: built-up)
        # 用地用海 codes read a 三调 field through the correspondence (core/geo/landcodes.py)
        self.reading = YdyhReading(field.name(), self.codes) if getattr(codes, "system", "") == YDYH_SYSTEM else None

    def prepare(self, values):
        """For a caller that has every value before selecting: a 用地用海 preset then knows the field's code
        system from the start (see landcodes.YdyhReading) instead of from the values read so far."""
        if self.reading is not None:
            self.reading.prepare(self._padded(text) for text in map(code_text, values) if text is not None)

    def _padded(self, text: str) -> str:
        return "0" + text if self.numeric and text.isdigit() and len(text) % 2 == 1 else text

    def __call__(self, fid: int, value) -> bool:
        text = code_text(value)
        if text is None:
            self.null_codes.append(fid)
            return False
        if self.numeric and not text.isdigit():
            self.decimal_values.append(text)
        self.seen[text] = self.seen.get(text, 0) + 1
        if self.reading is not None:
            if self.reading.matches(self._padded(text)):
                self.matched += 1
                return True
            return False
        if code_matches(text, self.codes, self.numeric):
            self.matched += 1
            return True
        return False

    def check_matched(self):
        """Raise when the code set matched nothing, listing what the field holds, or when the field
        mixed the 三调 and 用地用海 code systems."""
        self._check_reading()
        if self.matched:
            return
        if self.decimal_values:
            raise PlanInputError(
                tr("Field '{field}' of layer '{layer}' holds decimal numbers (e.g. {example}), not land-use codes.")
                .format(field=self.field.name(), layer=self.label, example=self.decimal_values[0]),
                tr("Choose the field holding the class codes (for 三调: DLBM or CZCSXM)."))
        found = sorted(self.seen, key=lambda c: (-self.seen[c], c))
        shown = ", ".join(f"{c} ({self.seen[c]})" for c in found[:30]) + (" …" if len(found) > 30 else "")
        raise PlanInputError(
            tr("No feature of layer '{layer}' has a code in field '{field}' starting with {codes}. "
               "The field holds: {found}.").format(
                layer=self.label, field=self.field.name(), codes=", ".join(self.codes),
                found=shown or tr("(only empty values)")),
            self.fix or tr("Choose the preset for this code system, another field, or type the codes that count as "
                           "built-up."))

    def _check_reading(self):
        problem = self.reading.problem() if self.reading is not None else None
        if problem is None:
            return
        kind, first, second = problem
        if kind == "mixed":
            raise PlanInputError(
                tr("Field '{field}' of layer '{layer}' holds codes only the 三调 classification has ({sandiao}) and "
                   "codes only 用地用海 has ({ydyh}): a field holds one code system.").format(
                    field=self.field.name(), layer=self.label, sandiao=", ".join(first[:8]),
                    ydyh=", ".join(second[:8])),
                tr("Correct the codes of the other system, or choose the field of one system."))
        raise PlanInputError(
            tr("Field '{field}' of layer '{layer}': codes {codes} mean different land in the 三调 and in 用地用海, and "
               "were read before codes only {system} has ({proof}) showed the field's system.").format(
                field=self.field.name(), layer=self.label, codes=", ".join(first[:8]),
                system=_system_name(self.reading.system), proof=", ".join(second[:8])),
            tr("Type the codes to count (LANDUSE_CODES) to read them as they are, or give the field of 用地用海 codes "
               "as YDYHFLDM."))

    def _reading_notes(self) -> List[str]:
        if self.reading is None or self.reading.system != "sandiao" or not self.reading.translated:
            return []
        pairs = ", ".join(f"{code} → {'/'.join(targets)}" for code, (targets, _) in sorted(
            self.reading.translated.items()))
        notes = [tr("{layer}: field '{field}' holds 三调 地类编码; the preset's 用地用海 codes were matched through "
                    "the 三调 → 用地用海 correspondence of {source}: {pairs}.").format(
            layer=self.label, field=self.field.name(), source=SOURCES["ydyh"], pairs=pairs)]
        if self.reading.partial:
            notes.append(tr("{layer}: {n} polygons of 三调 classes only part of whose 用地用海 classes count ({codes}) "
                            "cannot be split by their codes and were not counted.").format(
                layer=self.label, n=sum(self.reading.partial.values()), codes=", ".join(
                    f"{code} → {'/'.join(self.reading.translated[code][0])}" for code in sorted(self.reading.partial))))
        return notes

    def notes(self) -> List[str]:
        total = sum(self.seen.values()) + len(self.null_codes)
        if self.selected_what:
            notes = [tr("{layer}: {n} of {total} features selected as {what} (codes {codes}).").format(
                layer=self.label, n=self.matched, total=total, what=self.selected_what, codes=", ".join(self.codes))]
        else:
            notes = [tr("{layer}: {n} of {total} land-use features counted as built-up (codes {codes}).").format(
                layer=self.label, n=self.matched, total=total, codes=", ".join(self.codes))]
        if self.null_codes:
            notes.append(tr("{layer}: {n} features without a code in '{field}' not counted (feature ids {ids}).")
                         .format(layer=self.label, n=len(self.null_codes), field=self.field.name(),
                                 ids=", ".join(str(i) for i in self.null_codes[:10])
                                 + (" …" if len(self.null_codes) > 10 else "")))
        return notes + self._reading_notes()


def default_class_field(field_names: Sequence[str], preset_id: str) -> Optional[str]:
    """The layer's field with the preset's usual name (case-insensitive), if any."""
    lower = {n.lower(): n for n in field_names}
    for name in preset(preset_id).field_names:
        if name.lower() in lower:
            return lower[name.lower()]
    return None


def default_area_field(field_names: Sequence[str]) -> str:
    """The layer's recorded-area field (TBDLMJ, else TBMJ, case-insensitive), or ""."""
    lower = {n.lower(): n for n in field_names}
    return next((lower[n.lower()] for n in RECORDED_FIELDS if n.lower() in lower), "")


def _square_metres(value) -> Optional[float]:
    if is_null(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if 0 <= number < float("inf") else None


def recorded_km2(features, area_field: str, label: str, notes: List[str]) -> List[Optional[float]]:
    """Each feature's recorded area (field ``area_field``, m²) in km²; None (and a note) where it is
    empty, negative or not a number."""
    values = [_square_metres(f.attributes.get(area_field)) for f in features]
    missing = [f.fid for f, value in zip(features, values) if value is None]
    if missing:
        notes.append(tr("{layer}: {n} polygons have no recorded area in '{field}' (empty, negative or not a "
                        "number) and count 0 in the recorded figure (feature ids {ids}).").format(
            layer=label, n=len(missing), field=area_field, ids=", ".join(str(i) for i in missing[:20])))
    return [None if value is None else value / 1e6 for value in values]


def split_recorded(polygons, recorded, zones, meter, feedback=None):
    """({zone key: recorded km²}, recorded km² outside every zone, the polygons' geometric km² summed)
    for zones given as (key, geometry): each polygon's recorded area is shared out in proportion to
    its geometric area (``meter``) in each zone."""
    index = GeometryIndex([zone for _, zone in zones])
    shares, outside, whole_sum = {key: 0.0 for key, _ in zones}, 0.0, 0.0
    for n, (geometry, value) in enumerate(zip(polygons, recorded)):
        if n % 500 == 0:
            check_cancel(feedback)
        whole = meter.km2(geometry)
        whole_sum += whole
        if not value:
            continue
        inside = 0.0
        for position in index.positions(geometry.boundingBox()) if whole > 0 else ():
            key, zone = zones[position]
            part = meter.km2(polygonal(geometry.intersection(zone))) / whole
            shares[key] += value * part
            inside += part
        outside += value * max(0.0, 1.0 - inside)
    return shares, outside, whole_sum
