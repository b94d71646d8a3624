"""Land share: the area of some classes of land inside an extent, as a share (issue 14, kind 2).

The plans set shares of land: 城市建成区绿地率 38% (江津, 000_5c0b1797e2e1b3c4.txt l.222),
城市建成区绿化覆盖率 43% (重庆, 002 l.156), 44% (开州, 003 l.48) and 42.5% (巫溪, 004 l.84),
森林覆盖率 54% (江津, 001 l.719) and 58% (开州, 003 l.326). Each is "class land inside an
extent, over the extent":

* 绿地率 (``green_space_ratio``): green land (公园绿地, 防护绿地, the green part of squares,
  附属绿地) inside the built-up area over the built-up area (GB/T 50563-2010
  《城市园林绿化评价标准》; green land classes: CJJ/T 85-2017 《城市绿地分类标准》).
* 绿化覆盖率 (``green_coverage_ratio``): the vertical projection of all vegetation (trees'
  canopy where it overhangs other land, shrubs, grass) inside the built-up area over the
  built-up area (GB/T 50563-2010): a different measure, read from a vegetation cover layer
  given as polygons, not from land-use classes.
* 森林覆盖率 (``forest_cover``): forest land (乔木林地, 竹林地, 国家特别规定灌木林地) over the
  total land area (国家林业局《国家森林资源连续清查技术规定》2014): the extent is the township layer.
* built-up land inside the 城镇开发边界 (``builtup_in_boundary``): the built-up share of the boundary,
  with the built-up land outside it beside.
* ``land_share``: any class over any extent.

The classes are a whole polygon layer or the polygons of some land-use codes (``landuse``
presets); the extent is a polygon layer (built-up, a boundary; its codes too), the townships, or
both (the extent cut by each township). Overlapping class polygons count once: they are
dissolved within each township (``overlay.split_by_zones``) before they are cut by the extent.
Areas by ``measure.AreaMeter`` in the working Gauss-Krüger zone or on the ellipsoid.

The entry point ``measure_land_share`` takes layers and options and returns a ``CheckResult``.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from qgis.core import QgsGeometry, QgsWkbTypes

from ... import definitions
from ...compat import GeometryType, attribute_text
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from ..geo.inputs import check_fields, layer_label
from ..geo.measure import AreaMethod
from ..geo.overlay import (
    GeometryIndex,
    clip_union_to_zone,
    outside_zones_union,
    overlapping_pairs,
    polygonal,
    split_by_zones,
    union_all,
)
from ..geo.workspace import Workspace
from ..plan.model import Catalogue, Target
from .landuse import CodeSelector, code_matches, code_text
from .result import CheckResult
from .targets import TargetResult, choose_target, quoted_citation

GREEN_SPACE_RATIO, GREEN_COVERAGE_RATIO, FOREST_COVER = "green_space_ratio", "green_coverage_ratio", "forest_cover"
BUILTUP_IN_BOUNDARY, LAND_SHARE = "builtup_in_boundary", "land_share"
INDICATORS = (GREEN_SPACE_RATIO, GREEN_COVERAGE_RATIO, FOREST_COVER, BUILTUP_IN_BOUNDARY, LAND_SHARE)
UNIT = "percent"
# The further figures the check declares (CheckResult.extras).
CLASS_KM2, EXTENT_KM2, OUTSIDE_KM2 = "CLASS_KM2", "EXTENT_KM2", "OUTSIDE_KM2"
WHOLE = "jurisdiction"


@dataclass(frozen=True)
class ShareDefinition:
    """What a share indicator measures, as the report states it, and where the definition comes from."""

    indicator: str
    label: str
    text: str
    extent_needed: str   # "builtup": the plan's figure is of the built-up area; "land": of the total land


def share_definition(indicator: str) -> ShareDefinition:
    texts = {
        GREEN_SPACE_RATIO: (tr("绿地率 (green-space ratio)"), tr(
            "绿地率 = area of green land (公园绿地, 防护绿地, the green part of squares, 附属绿地) inside the built-up "
            "area ÷ the built-up area × 100 (GB/T 50563-2010 《城市园林绿化评价标准》; green land classes: "
            "CJJ/T 85-2017 《城市绿地分类标准》). Not the 绿化覆盖率, which counts all vegetation cover."), "builtup"),
        GREEN_COVERAGE_RATIO: (tr("绿化覆盖率 (green coverage ratio)"), tr(
            "绿化覆盖率 = area under vegetation (the vertical projection of trees' canopy, shrubs and grass, canopy "
            "counted where it overhangs other land) inside the built-up area ÷ the built-up area × 100 "
            "(GB/T 50563-2010 《城市园林绿化评价标准》), read from a vegetation cover layer. Not the 绿地率, which "
            "counts green land classes."), "builtup"),
        FOREST_COVER: (tr("森林覆盖率 (forest cover)"), tr(
            "森林覆盖率 = area of forest (乔木林地, 竹林地 and 国家特别规定灌木林地) ÷ the total land area × 100 "
            "(国家林业局《国家森林资源连续清查技术规定》2014; GB/T 26424-2010 《森林资源规划设计调查技术规程》)."),
            "land"),
        BUILTUP_IN_BOUNDARY: (tr("Built-up share of the urban development boundary (城镇开发边界)"), tr(
            "Built-up land inside the 城镇开发边界 ÷ the area inside the boundary × 100; the built-up land outside "
            "the boundary is given beside (OUTSIDE_KM2)."), "boundary"),
        LAND_SHARE: (tr("Land share"), tr("Area of the class land inside the extent ÷ the extent's area × 100."),
                     ""),
    }
    if indicator not in texts:
        raise ValueError(f"unknown share indicator {indicator!r}; known: {INDICATORS}")
    label, text, needed = texts[indicator]
    return ShareDefinition(indicator, label, text, needed)


@dataclass
class TownshipShare:
    """One township's row: its class land inside the extent, the extent, the share."""

    fid: int
    name: str
    geometry: QgsGeometry          # the township, in the working CRS
    class_geometry: QgsGeometry    # its class land inside the extent
    class_km2: float
    extent_km2: float
    outside_km2: float             # its class land outside the extent
    attributes: Dict[str, object] = field(default_factory=dict)

    @property
    def share(self) -> Optional[float]:
        return 100.0 * self.class_km2 / self.extent_km2 if self.extent_km2 > 0 else None


@dataclass
class LandShareDetail:
    definition: ShareDefinition
    projection: object
    class_km2: float
    extent_km2: float
    outside_km2: float
    townships: List[TownshipShare]      # empty without a township layer
    class_geometry: QgsGeometry = None  # class land inside the extent, without a township layer
    extent_geometry: QgsGeometry = None  # the extent dissolved, without a township layer

    @property
    def share(self) -> Optional[float]:
        return 100.0 * self.class_km2 / self.extent_km2 if self.extent_km2 > 0 else None


def resolve_target(catalogue: Optional[Catalogue], target_id: str, typed_value: Optional[float],
                   indicator: str) -> Optional[Target]:
    """The share's target: typed (percent, a floor) or from the catalogue by id; None when neither."""
    return choose_target(catalogue, target_id, typed_value, indicator, UNIT, share_definition(indicator).label)


def _is_polygon_layer(source) -> bool:
    return QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Polygon


def _check_polygons(source, label, role, parameter):
    if source is not None and not _is_polygon_layer(source):
        raise PlanInputError(
            tr("Parameter {parameter}: layer '{layer}' ({role}) does not hold polygons.").format(
                parameter=parameter, layer=label, role=role),
            tr("A share is of areas: choose a polygon layer for the {role}.").format(role=role))


def read_selected(workspace: Workspace, source, label: str, class_field: str = "", codes: Sequence[str] = (),
                  exclude: Sequence[str] = (), what: str = "") -> List[QgsGeometry]:
    """The polygons of ``source`` in the working CRS: all of them, or those whose code in
    ``class_field`` starts with one of ``codes`` and with none of ``exclude``."""
    if not class_field:
        return [f.geometry for f in workspace.read_polygons(source, label)]
    check_fields(source, label, [class_field])
    fields = source.fields()
    selector = CodeSelector(codes, fields.at(fields.indexOf(class_field)), label)
    selector.selected_what = what or tr("class land")
    selector.fix = tr("Choose the preset for this code system, another field, or type the codes of the land "
                      "measured.")
    excluded = tuple(c.strip().upper() for c in exclude if c and c.strip())
    chosen = []
    for feature in workspace.read_polygons(source, label, fields=(class_field,)):
        value = feature.attributes.get(class_field)
        if selector(feature.fid, value):
            text = code_text(value)
            if excluded and code_matches(text, excluded, selector.numeric):
                selector.matched -= 1
                continue
            chosen.append(feature.geometry)
    selector.check_matched()
    workspace.notes.extend(selector.notes())
    if excluded:
        workspace.note(tr("{layer}: codes starting with {codes} are not counted.").format(
            layer=label, codes=", ".join(excluded)))
    return chosen


def measure_land_share(classes_source, extent_source=None, townships_source=None, *,
                       indicator: str = LAND_SHARE, classes_label: str = "", extent_label: str = "",
                       townships_label: str = "", class_field: str = "", class_codes: Sequence[str] = (),
                       class_exclude: Sequence[str] = (), extent_field: str = "", extent_codes: Sequence[str] = (),
                       extent_exclude: Sequence[str] = (), name_field: str = "", target: Optional[Target] = None,
                       codes_reason: str = "", method: str = AreaMethod.GK_ZONE, feedback=None,
                       transform_context=None) -> CheckResult:
    """The share of ``classes_source`` (polygons; those of ``class_codes`` in ``class_field`` when
    given) inside the extent: ``extent_source`` (polygons, optionally by codes), per township of
    ``townships_source`` when given; without an extent layer the townships are the extent.

    Sources are vector layers or Processing feature sources; ``target`` from ``resolve_target``;
    ``codes_reason``: where the codes come from, for the report. Bad input raises PlanInputError."""
    definition = share_definition(indicator)
    classes_label = layer_label(classes_source, classes_label) if classes_source is not None else classes_label
    if classes_source is None:
        raise PlanInputError(tr("No class layer was given."),
                             tr("Choose the polygons of the land measured (INPUT), e.g. green land or forest."))
    if extent_source is None and townships_source is None:
        raise PlanInputError(
            tr("Neither an extent layer (EXTENT) nor a township layer (TOWNSHIPS) was given: the share of "
               "'{layer}' has no denominator.").format(layer=classes_label),
            tr("Choose the built-up area or a boundary as EXTENT, or the townships as TOWNSHIPS."))
    extent_label = layer_label(extent_source, extent_label) if extent_source is not None else ""
    townships_label = layer_label(townships_source, townships_label) if townships_source is not None else ""
    _check_polygons(classes_source, classes_label, tr("class layer"), "INPUT")
    _check_polygons(extent_source, extent_label, tr("extent"), "EXTENT")
    _check_polygons(townships_source, townships_label, tr("townships"), "TOWNSHIPS")
    denominator = "EXTENT" if extent_source is not None else "TOWNSHIPS"
    if townships_source is not None and name_field:
        check_fields(townships_source, townships_label, [name_field])
    sources = [(classes_source, classes_label), (extent_source, extent_label), (townships_source, townships_label)]
    workspace = Workspace.open(sources, method=method, feedback=feedback, transform_context=transform_context,
                               not_empty=[(s, label) for s, label in sources if s is not None])
    meter = workspace.meter
    classes = read_selected(workspace, classes_source, classes_label, class_field, class_codes, class_exclude)
    if not any(g.area() > 0 for g in classes):
        raise PlanInputError(
            tr("Parameter INPUT: layer '{layer}' has no class polygon with an area.").format(layer=classes_label),
            tr("Check its geometries and, for a land-use layer, the codes."))
    extent = None
    if extent_source is not None:
        extent = read_selected(workspace, extent_source, extent_label, extent_field, extent_codes, extent_exclude,
                               tr("extent"))

    rows: List[TownshipShare] = []
    notes = []
    detail = LandShareDetail(definition, workspace.projection, 0.0, 0.0, 0.0, rows)
    if townships_source is None:
        if feedback is not None:
            feedback.setProgressText(tr("Dissolving the extent"))
        extent_union = union_all(extent, feedback)
        inside = clip_union_to_zone(GeometryIndex(classes), extent_union) if not extent_union.isEmpty() \
            else QgsGeometry()
        detail.extent_km2 = meter.km2(extent_union)
        detail.class_km2 = meter.km2(inside)
        detail.outside_km2 = max(meter.km2(union_all(classes, feedback)) - detail.class_km2, 0.0)
        detail.class_geometry, detail.extent_geometry = inside, extent_union
    else:
        fields = townships_source.fields().names()
        features = workspace.read_polygons(townships_source, townships_label, fields=fields)
        zones = [(position, f.geometry) for position, f in enumerate(features)]
        if feedback is not None:
            feedback.setProgressText(tr("Dissolving the class land by township"))
        class_pieces = split_by_zones(classes, zones, feedback)
        extent_pieces = split_by_zones(extent, zones, feedback) if extent is not None else None
        if extent_pieces is not None and all(p.isEmpty() for p in extent_pieces.values()):
            raise PlanInputError(
                tr("No polygon of the extent '{extent}' (EXTENT) lies inside any township of '{townships}' "
                   "(TOWNSHIPS).").format(extent=extent_label, townships=townships_label),
                tr("Check that both layers cover the same jurisdiction and that each layer's coordinate reference "
                   "system is the one its coordinates are in."))
        for position, feature in enumerate(features):
            check_cancel(feedback)
            in_township = class_pieces[position]
            if extent_pieces is None:
                zone, inside = feature.geometry, in_township
            else:
                zone = extent_pieces[position]
                inside = polygonal(in_township.intersection(zone)) if not (zone.isEmpty() or in_township.isEmpty()) \
                    else QgsGeometry()
            class_km2 = meter.km2(inside)
            name = attribute_text(feature.attributes.get(name_field)) if name_field else ""
            rows.append(TownshipShare(
                fid=feature.fid, name=name or tr("feature {fid}").format(fid=feature.fid), geometry=feature.geometry,
                class_geometry=inside, class_km2=class_km2, extent_km2=meter.km2(zone),
                outside_km2=max(meter.km2(in_township) - class_km2, 0.0) if extent_pieces is not None else 0.0,
                attributes=feature.attributes))
        detail.class_km2 = sum(r.class_km2 for r in rows)
        detail.extent_km2 = sum(r.extent_km2 for r in rows)
        overlaps = overlapping_pairs([(r.name, r.geometry) for r in rows], min_area=1.0)
        if overlaps:
            notes.append(tr("Townships overlap, so land in both is counted twice in sums: {pairs}.").format(
                pairs="; ".join(f"{a} / {b} ({area / 1e6:.4f} km²)" for a, b, area in overlaps[:10])))
        beyond = meter.km2(outside_zones_union(classes, [r.geometry for r in rows], feedback))
        if extent_pieces is None:
            detail.outside_km2 = beyond
        else:
            detail.outside_km2 = sum(r.outside_km2 for r in rows)
            beyond_extent = meter.km2(outside_zones_union(extent, [r.geometry for r in rows], feedback))
            if beyond_extent > 0.0005:
                notes.append(tr("{km2:.3f} km² of the extent '{layer}' lies outside every township and is not "
                                "counted.").format(km2=beyond_extent, layer=extent_label))
        if beyond > 0.0005:
            notes.append(tr("{km2:.3f} km² of the class land of '{layer}' lies outside every township and is not "
                            "counted.").format(km2=beyond, layer=classes_label))
    if detail.extent_km2 <= 0:
        raise PlanInputError(
            tr("Parameter {parameter}: the extent '{layer}' has no area to measure a share of.").format(
                parameter=denominator, layer=extent_label or townships_label),
            tr("Check its geometries and, for a land-use layer, the codes."))
    if detail.class_km2 <= 0:
        raise PlanInputError(
            tr("No class land of '{classes}' (INPUT) lies inside the extent '{extent}' ({parameter}), so its share "
               "would be a silent zero.").format(classes=classes_label, extent=extent_label or townships_label,
                                                 parameter=denominator),
            tr("Check that both layers cover the same area (and each layer's coordinate reference system), and, "
               "for a land-use layer, the codes."))
    notes.extend(_extent_notes(definition, extent_source is not None, extent_label, townships_label))
    scope = extent_label or townships_label or WHOLE
    verdict = _target_result(target, definition, scope, detail.share)
    method_text = " ".join(p for p in (
        tr("Definition: {text}").format(text=definition.text),
        tr("Measured: the class land of '{classes}' inside '{extent}' ÷ the area of '{extent}'.").format(
            classes=classes_label, extent=extent_label or townships_label)
        + (" " + tr("The extent is cut by each township of '{townships}'; the jurisdiction's share is the sum of the "
                    "townships' class land over the sum of their extent.").format(townships=townships_label)
           if extent_source is not None and townships_source is not None else ""),
        workspace.projection.describe(),
        tr("Class polygons are dissolved within each township (or within the extent), so overlapping polygons "
           "count once; invalid geometries are repaired (makeValid) and listed below."),
        codes_reason) if p)
    return CheckResult(
        check=definitions.CHECK_LAND_SHARE, verdict=verdict, townships=rows,
        notes=([tr("About the target: {note}").format(note=target.note)] if target is not None and target.note
               else []) + notes + workspace.notes,
        inputs=workspace.inputs(), method=method_text,
        extras={CLASS_KM2: detail.class_km2, EXTENT_KM2: detail.extent_km2, OUTSIDE_KM2: detail.outside_km2},
        detail=detail)


def _extent_notes(definition: ShareDefinition, extent_given: bool, extent_label: str, townships_label: str):
    if definition.extent_needed == "builtup" and not extent_given:
        return [tr("{label} is a share of the built-up area (建成区), but no extent layer was given: the share is of "
                   "the townships of '{townships}', not the plan's figure.").format(label=definition.label,
                                                                                   townships=townships_label)]
    if definition.extent_needed == "land" and extent_given:
        return [tr("{label} is a share of the total land area; the extent measured is '{extent}'.").format(
            label=definition.label, extent=extent_label)]
    return []


def _target_result(target: Optional[Target], definition: ShareDefinition, scope: str, share: float) -> TargetResult:
    if target is None:
        return TargetResult(definition.label, scope, None, share, UNIT)
    citation = quoted_citation(target)
    return TargetResult(target.label, scope, target.value, share, UNIT, target.comparison, target.year, citation,
                        target.value_min, target.value_max, target.tolerance_pct)
