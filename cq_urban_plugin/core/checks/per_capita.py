"""Per capita: an area divided by a population, per township and for the scope, beside the target.

Two indicators of the plans: 人均城镇建设用地面积 "控制在 120 平方米以内" by 2035, a cap
(002_df9c8db6f61b8980.txt l.177, catalogue chongqing ``urban_land_per_capita_2035``), and 人均公园绿地面积
"达到 13 平方米" by 2025, a floor (002 l.419, ``park_green_per_capita_2025``). The measured figure is
m² per person: the area of the land (dissolved, so overlapping polygons count once, cut by the township
boundaries) over the persons counted in the same townships.

The land is a whole polygon layer, or the land-use polygons whose class code starts with one of a set
(``landuse.CodeSelector``): for 城镇建设用地 the built-up presets of ``landuse`` (城镇村属性码 201 + 202 is
the 三调 reading of 城镇建设用地), for 公园绿地 the presets below, each citing its code table. The
population is a raster, a township field, points or a typed figure with its source
(``population_places.PopulationInput``); the report says which, and which land.

``check_per_capita`` is the check's one entry point; ``cq_urban:check_per_capita`` is a thin shell over it::

    from cq_urban_plugin.core.checks.per_capita import check_per_capita, URBAN_LAND
    from cq_urban_plugin.core.checks.population_places import PopulationInput
    result = check_per_capita(landuse, townships, indicator=URBAN_LAND, class_field="CZCSXM",
                              codes=("201", "202"), name_field="name",
                              population=PopulationInput(field="pop"), target_value=120)
    result.verdict.measured, result.verdict.passed      # m²/person, and "<= 120" met or not
"""
from dataclasses import dataclass
from typing import List, Optional, Sequence

from qgis.core import QgsGeometry

from ... import definitions
from ...compat import GeometryType
from ...i18n import tr
from ..errors import PlanInputError
from ..geo.inputs import check_fields, layer_label
from ..geo.measure import AreaMethod
from ..geo.overlay import outside_zones_union, overlapping_pairs, split_by_zones, union_all
from ..geo.workspace import Workspace
from ..plan.model import Catalogue
from .builtup import Scope, catalogue_scope, default_name_field
from .landuse import PRESET_IDS, CodeSelector, LandUsePreset, code_text, preset
from .population_places import PopulationInput, check_geometry, township_population
from .result import CheckResult
from .targets import TargetResult, choose_target, quoted_citation, target_met

URBAN_LAND = "urban_land_per_capita"
PARK_GREEN = "park_green_per_capita"
INDICATORS = (URBAN_LAND, PARK_GREEN)
UNIT = "m2_per_person"
# A typed target of each indicator: the plans cap the land per person and set a floor for park green.
TYPED_COMPARISON = {URBAN_LAND: "<=", PARK_GREEN: ">="}


def indicator_label(indicator: str) -> str:
    return {URBAN_LAND: tr("Urban construction land per person"),
            PARK_GREEN: tr("Park green space per person")}[indicator]


def park_presets() -> List[LandUsePreset]:
    """公园绿地 in the code tables of Chongqing's data (``exclude``: codes under them that are not parks)."""
    return [
        LandUsePreset(
            "sandiao_park", tr("三调 地类编码: 0810 公园与绿地 (GB/T 21010-2017)"), ("0810",), ("DLBM",),
            tr("GB/T 21010-2017《土地利用现状分类》class 0810 公园与绿地 (under 08 公共管理与公共服务用地); "
               "the 三调 working class 0810A 广场用地 is not counted.")),
        LandUsePreset(
            "ydyh_park", tr("用地用海分类: 1401 公园绿地 (2023)"), ("1401",), ("YDYHFLDM", "YDYHFL", "DLBM", "YDDM"),
            tr("《国土空间调查、规划、用途管制用地用海分类指南》(自然资源部, 2023) class 1401 公园绿地 (under 14 绿地与"
               "开敞空间用地); 1402 防护绿地 and 1403 广场用地 are not counted.")),
        LandUsePreset(
            "cjj85_park", tr("城市绿地分类: G1 公园绿地 (CJJ/T 85-2017)"), ("G1",), ("LDDM", "LDLX", "YDDM"),
            tr("CJJ/T 85-2017《城市绿地分类标准》G1 公园绿地 (G11 综合公园, G12 社区公园, G13 专类公园, G14 游园); "
               "G2 防护绿地, G3 广场用地, XG 附属绿地 and EG 区域绿地 are not counted.")),
    ]


PARK_EXCLUDED = {"sandiao_park": ("0810A",)}
AUTO = "auto"
# The presets the algorithm offers, in its enum's order: first "by the indicator and the layer's fields".
PRESET_CHOICES = (AUTO,) + PRESET_IDS + tuple(p.id for p in park_presets())
# Tried in this order by AUTO, the first whose usual field the layer has.
AUTO_ORDER = {URBAN_LAND: ("czcsxm_town", "sandiao_dlbm", "ydyh"),
              PARK_GREEN: ("sandiao_park", "ydyh_park", "cjj85_park")}


def any_preset(preset_id: str) -> LandUsePreset:
    found = next((p for p in park_presets() if p.id == preset_id), None)
    return found or preset(preset_id)


@dataclass
class LandSelection:
    class_field: str
    codes: tuple
    exclude: tuple
    definition: str          # the report's words: which land, by which code table


def land_selection(indicator: str, preset_id: str, field_names: Sequence[str], class_field: str = "",
                   typed_codes: Sequence[str] = (), label: str = "") -> LandSelection:
    """The land-use codes of ``indicator``: typed, a named preset, or (AUTO) the indicator's preset whose
    usual class field is ``class_field`` or, without one, is a field of the layer (the first in AUTO_ORDER);
    the class field is the one given, else the preset's usual one."""
    lower = {n.lower(): n for n in field_names}
    chosen = None
    if typed_codes:
        if not class_field:
            raise PlanInputError(tr("Typed land-use codes need the class field of '{layer}' (LANDUSE_FIELD).").format(
                layer=label), tr("Choose the field holding the codes."))
        return LandSelection(class_field, tuple(typed_codes), (), tr(
            "Land: the polygons of '{layer}' whose code in '{field}' starts with {codes} (typed).").format(
            layer=label, field=class_field, codes=", ".join(typed_codes)))
    if preset_id != AUTO:
        chosen = any_preset(preset_id)
    else:
        candidates = [any_preset(c) for c in AUTO_ORDER[indicator]]
        wanted = [class_field.lower()] if class_field else list(lower)
        chosen = next((c for c in candidates if any(f.lower() in wanted for f in c.field_names)), None)
        if chosen is None and class_field:
            chosen = candidates[0]
        if chosen is None:
            raise PlanInputError(
                tr("Layer '{layer}' has none of the usual land-use fields {fields}.").format(
                    layer=label, fields=", ".join(sorted({f for c in candidates for f in c.field_names}))),
                tr("Choose the land-use class field (LANDUSE_FIELD) and a preset, or type the codes."))
    if not class_field:
        class_field = next((lower[f.lower()] for f in chosen.field_names if f.lower() in lower), "")
        if not class_field:
            raise PlanInputError(
                tr("Layer '{layer}' has no field {fields}.").format(layer=label, fields="/".join(chosen.field_names)),
                tr("Choose the land-use class field. Its fields: {available}.").format(
                    available=", ".join(field_names)))
    return LandSelection(class_field, chosen.codes, PARK_EXCLUDED.get(chosen.id, ()), tr(
        "Land: the polygons of '{layer}' whose code in '{field}' is {preset}: {reason}").format(
        layer=label, field=class_field, preset=chosen.label, reason=chosen.reason))


@dataclass
class TownshipPerCapita:
    fid: int
    name: str
    group: str
    in_scope: bool
    geometry: QgsGeometry       # the township, in the working CRS
    land: QgsGeometry           # its land of the indicator, in the working CRS
    land_km2: float
    population: Optional[float]
    per_capita: Optional[float]     # m² per person
    passed: Optional[bool]


@dataclass
class PerCapitaDetail:
    projection: object
    indicator: str
    land_km2: float             # in the scope
    population: float           # in the scope
    land_union: QgsGeometry     # without a township layer: all the land, dissolved
    area_definition: str
    population_definition: str


def read_land(workspace: Workspace, source, label: str, class_field: str = "", codes: Sequence[str] = (),
              exclude: Sequence[str] = ()) -> List[QgsGeometry]:
    """The land polygons in the working CRS: all of a polygon layer, or the land-use polygons whose code in
    ``class_field`` starts with one of ``codes`` and with none of ``exclude``."""
    if not class_field:
        return [f.geometry for f in workspace.read_polygons(source, label)]
    check_fields(source, label, [class_field])
    selector = CodeSelector(codes, source.fields().at(source.fields().indexOf(class_field)), label)
    features = workspace.read_polygons(source, label, fields=(class_field,))
    kept, left_out = [], 0
    for feature in features:
        value = feature.attributes.get(class_field)
        text = code_text(value)
        if text is not None and any(text.startswith(code) for code in exclude):
            left_out += 1
            continue
        if selector(feature.fid, value):
            kept.append(feature.geometry)
    selector.check_matched()
    workspace.note(tr("{layer}: {n} of {total} land-use features counted (codes {codes}).").format(
        layer=label, n=selector.matched, total=len(features), codes=", ".join(selector.codes)))
    workspace.notes.extend(selector.notes()[1:])  # features without a code
    if left_out:
        workspace.note(tr("{layer}: {n} features of codes {codes} not counted.").format(
            layer=label, n=left_out, codes=", ".join(exclude)))
    return kept


def resolve_target(catalogue: Optional[Catalogue], target_id: str, target_value: Optional[float], indicator: str,
                   typed_comparison: Optional[str] = None):
    """The target: typed (m²/person, compared by ``typed_comparison``, by default the indicator's: ≤ for
    the land, ≥ for park green) or the catalogue's target ``target_id``; None when neither."""
    return choose_target(catalogue, target_id, target_value, indicator, UNIT, indicator_label(indicator),
                         typed_comparison=typed_comparison or TYPED_COMPARISON[indicator])


def check_per_capita(land_source, townships_source=None, *, indicator: str = URBAN_LAND,
                     population: Optional[PopulationInput] = None, land_label: str = "", townships_label: str = "",
                     class_field: str = "", codes: Sequence[str] = (), exclude: Sequence[str] = (),
                     area_definition: str = "", name_field: str = "", scope: Optional[Scope] = None,
                     catalogue: Optional[Catalogue] = None, target_id: str = "",
                     target_value: Optional[float] = None, target_comparison: Optional[str] = None,
                     method: str = AreaMethod.GK_ZONE, feedback=None, transform_context=None) -> CheckResult:
    """m² of land per person, per township (with a township layer) and in the scope.

    ``land_source``: the land polygons, or a land-use layer with ``class_field`` and ``codes``;
    ``population``: where the persons come from (a raster, points or a field need the township layer);
    ``area_definition``: the words the report prints for the land (by default, what was selected).
    The target is typed (``target_value``, ``target_comparison``) or the catalogue's ``target_id``; the
    scope, when not given, is the one the catalogue's target names, if the township layer can resolve it."""
    if indicator not in INDICATORS:
        raise ValueError(f"unknown per-capita indicator {indicator!r}")
    population = population or PopulationInput()
    land_label = layer_label(land_source, land_label)
    check_geometry(land_source, land_label, "INPUT", GeometryType.Polygon)
    population.check(townships_source is not None)
    if townships_source is not None:
        townships_label = layer_label(townships_source, townships_label)
        check_geometry(townships_source, townships_label, "TOWNSHIPS", GeometryType.Polygon)
        name_field = name_field or default_name_field(townships_source.fields().names())
        check_fields(townships_source, townships_label, [name_field, population.field])
    if population.points is not None:
        population.points_label = layer_label(population.points, population.points_label)
        check_geometry(population.points, population.points_label, "POPULATION_POINTS", GeometryType.Point)
        check_fields(population.points, population.points_label, [population.persons_field])
    target = resolve_target(catalogue, target_id, target_value, indicator, target_comparison)
    notes = []
    if target is not None and target.note:
        notes.append(tr("About the target: {note}").format(note=target.note))
    if scope is None and target is not None and catalogue is not None and townships_source is not None:
        scope = catalogue_scope(catalogue, target.scope, townships_source.fields().names())
    if target is not None and target.scope not in ("", "jurisdiction") and scope is None:
        notes.append(tr("The target's scope is '{scope}', which the township layer cannot delimit: all the "
                        "townships given are measured.").format(scope=target.scope))
    scope = scope or Scope()
    if scope.value and townships_source is None:
        raise PlanInputError(tr("The scope '{scope}' needs the township layer (TOWNSHIPS).").format(scope=scope.label),
                             tr("Choose the township layer, or measure the whole jurisdiction."))

    workspace = Workspace.open([(land_source, land_label), (townships_source, townships_label),
                                (population.points, population.points_label)], method=method, feedback=feedback,
                               transform_context=transform_context, not_empty=[(land_source, land_label)])
    workspace.notes[:0] = notes
    meter = workspace.meter
    land = read_land(workspace, land_source, land_label, class_field, codes, exclude)
    if not any(g.area() > 0 for g in land):
        raise PlanInputError(
            tr("Layer '{layer}' (INPUT or LANDUSE) has no land polygon with an area.").format(layer=land_label),
            tr("Check its geometries and, for a land-use layer, the codes."))
    area_definition = area_definition or (
        tr("Land: the polygons of '{layer}' with a code in '{field}' starting with {codes}.").format(
            layer=land_label, field=class_field, codes=", ".join(codes)) if class_field else
        tr("Land: every polygon of '{layer}'.").format(layer=land_label))
    comparison = target.comparison if target is not None else ">="
    value = target.value if target is not None else None
    vmin, vmax = (target.value_min, target.value_max) if target is not None else (None, None)

    def verdict_of(per_capita):
        return target_met(per_capita, value, comparison, vmin, vmax) if target is not None else None

    rows: List[TownshipPerCapita] = []
    land_union = QgsGeometry()
    if townships_source is None:
        land_union = union_all(land, feedback)
        land_km2 = meter.km2(land_union)
        persons = population.typed
    else:
        features = workspace.read_polygons(townships_source, townships_label,
                                           fields=townships_source.fields().names())
        zones = [f.geometry for f in features]
        pieces = split_by_zones(land, list(enumerate(zones)), feedback)
        if all(piece.isEmpty() for piece in pieces.values()):
            raise PlanInputError(
                tr("No land polygon of '{land}' lies inside any township of '{townships}'.").format(
                    land=land_label, townships=townships_label),
                tr("Check that both layers cover the same jurisdiction and that each layer's coordinate reference "
                   "system is the one its coordinates are in."))
        beyond = meter.km2(outside_zones_union(land, zones, feedback))
        if beyond > 0.0005:
            workspace.note(tr("{km2:.3f} km² of the class land of '{layer}' lies outside every township and is not "
                              "counted.").format(km2=beyond, layer=land_label))
        values = township_population(workspace, features, zones, population, townships_label)
        for position, feature in enumerate(features):
            attributes = feature.attributes
            name = str(attributes.get(name_field) or "").strip() if name_field else ""
            groups = scope.values_of(attributes, name)
            km2 = meter.km2(pieces[position])
            persons = values[position]
            per_capita = km2 * 1e6 / persons if persons else None
            rows.append(TownshipPerCapita(
                feature.fid, name or tr("feature {fid}").format(fid=feature.fid), " | ".join(groups),
                not scope.value or scope.value in groups, feature.geometry, pieces[position], km2, persons,
                per_capita, verdict_of(per_capita)))
        overlaps = overlapping_pairs([(r.name, r.geometry) for r in rows], min_area=1.0)
        if overlaps:
            workspace.note(tr("Townships overlap, so land in both is counted twice in sums: {pairs}.").format(
                pairs="; ".join(f"{a} / {b} ({area / 1e6:.4f} km²)" for a, b, area in overlaps[:10])))
        if scope.value and not any(r.in_scope for r in rows):
            raise PlanInputError(
                tr("No township of '{layer}' is in the scope '{scope}'.").format(layer=townships_label,
                                                                                  scope=scope.label),
                tr("Tag the townships first ('Tag townships with the plan's structure'), or choose another scope."))
        in_scope = [r for r in rows if r.in_scope]
        if population.typed is not None:
            land_km2, persons = sum(r.land_km2 for r in in_scope), population.typed
            workspace.note(tr("The typed population is taken as the population of the scope '{scope}'.").format(
                scope=scope.label))
        else:
            counted = [r for r in in_scope if r.population is not None]
            left = [r.name for r in in_scope if r.population is None]
            if left:
                workspace.note(tr("Townships without a population are left out of the scope's figure, land and "
                                  "persons alike: {names}.").format(names=", ".join(left[:30])))
            land_km2 = sum(r.land_km2 for r in counted)
            persons = sum(r.population for r in counted)
            zero = [r.name for r in counted if not r.population and r.land_km2 > 0]
            if zero:
                workspace.note(tr("Townships with land but no resident counted: {names}; their figure per person "
                                  "is not defined.").format(names=", ".join(zero[:30])))
    if not persons:
        raise PlanInputError(tr("The scope '{scope}' has no population: no figure per person.").format(
            scope=scope.label), tr("Check the population data for these townships."))
    measured = land_km2 * 1e6 / persons
    if indicator == URBAN_LAND:
        workspace.note(tr("人均城镇建设用地 divides 城镇建设用地 by the urban resident population (城镇常住人口): the "
                          "population given is used as that population."))
    citation = quoted_citation(target)
    verdict = TargetResult(target.label if target is not None else indicator_label(indicator), scope.label,
                           value, measured, UNIT, comparison, target.year if target is not None else None,
                           citation, vmin, vmax, getattr(target, "tolerance_pct", None))
    population_definition = population.describe(townships_label)
    detail = PerCapitaDetail(workspace.projection, indicator, land_km2, persons, land_union, area_definition,
                             population_definition)
    return CheckResult(
        check=definitions.CHECK_PER_CAPITA, verdict=verdict, townships=rows, notes=workspace.notes,
        inputs=workspace.inputs() + ([f"{population.raster.name()}: {population.raster.crs().authid()}, "
                                      + tr("raster")] if population.raster is not None else []),
        method=" ".join([area_definition, population_definition, tr(
            "The land is dissolved (overlaps count once) and cut by the township boundaries; its area in m² is "
            "divided by the persons counted in the same townships."), workspace.projection.describe()]),
        extras={"LAND_KM2": land_km2, "POPULATION": persons,
                "TOWNSHIPS_NOT_MET": sum(1 for r in rows if r.passed is False)},
        detail=detail)
