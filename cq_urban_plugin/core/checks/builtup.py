"""Built-up area by township and in total, beside the plan's target.

The plans set built-up targets: 江津 城镇建成区 145 km² (000_5c0b1797e2e1b3c4.txt
line 55) and 城市建成区 120 km² (001_c0dc96b9baef37ce.txt line 1383) by 2025, 开州
城区 60 km² by 2025 and 100 km² by 2035 (003_19d1efc2983d1444.txt line 135).

The measured figure is the area of the union of the built-up polygons (overlaps
count once), cut by the township boundaries (a polygon crossing a boundary is split between
the townships), measured in a CGCS2000 Gauss-Krüger zone or on the ellipsoid
(``measure.AreaMeter``), never in degrees. Built-up comes either from a built-up layer or from a land-use layer
and a code set (``landuse``).

With a recorded-area field (三调 TBMJ / TBDLMJ, m²; see ``landuse``) the survey's own figure
is given beside the geometric one, with their difference, and the target is checked on the
one chosen (``AreaSource``); overlapping polygons each count their own record.

``check_builtup`` is the check's one entry point: layers and options in, a
``CheckResult`` out (the verdict, a ``TownshipBuiltup`` per township, notes,
inputs, method, and the whole ``BuiltupMeasurement`` as its detail); it chooses
the target and the scope. ``measure_builtup`` is its measuring step::

    from cq_urban_plugin.core.checks.builtup import check_builtup
    result = check_builtup(builtup_layer, townships_layer, name_field="name", target_value=145)
    result.verdict.measured, result.verdict.passed, result.outputs()
"""
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence

from qgis.core import QgsGeometry

from ... import definitions
from ...compat import attribute_text
from ...i18n import tr
from ..errors import PlanInputError, check_cancel
from ..geo.features import FeatureGeometries
from ..geo.inputs import check_fields, check_read_complete, layer_label, read_values
from ..geo.measure import AreaMethod, Projection
from ..geo.overlay import as_shapely, overlapping_pairs, release_freed_memory, union_all, zone_pieces
from ..geo.workspace import Workspace
from ..kernels.arrays import areas
from ..plan.model import Catalogue, Target
from ..plan.names import NameMatcher
from .landuse import (
    PRESET_IDS,
    RECORDED_FIELDS,
    CodeSelector,
    default_area_field,
    default_class_field,
    preset,
    recorded_km2,
    split_recorded,
)
from .result import CheckResult
from .targets import TargetResult, choose_target, quoted_citation

INDICATOR = "builtup_area"
UNIT = "km2"
WHOLE = "jurisdiction"
GEOMETRIC_KM2, RECORDED_KM2 = "GEOMETRIC_KM2", "RECORDED_KM2"  # further declared results (km²)
HA_PER_KM2, MU_PER_KM2 = 100.0, 1500.0  # 1 公顷 = 10,000 m², 1 亩 = 10,000 / 15 m²


class AreaSource:
    """Which figure the target is checked on: the geometry's area or the recorded one."""

    GEOMETRY = "geometry"
    RECORDED = "recorded"
    ALL = (GEOMETRY, RECORDED)


def difference(recorded: Optional[float], geometric: float):
    """(recorded − geometric, in km², and in percent of the geometric figure); Nones without a record."""
    if recorded is None:
        return None, None
    return recorded - geometric, (100.0 * (recorded - geometric) / geometric if geometric > 0 else None)


@dataclass
class TownshipBuiltup:
    """One township's row: its built-up area and share."""

    fid: int
    name: str
    group: str
    in_scope: bool
    geometry: QgsGeometry       # the township, in the working CRS
    builtup: QgsGeometry        # its built-up part, in the working CRS
    builtup_km2: float
    township_km2: float
    attributes: Dict[str, object] = field(default_factory=dict)
    geometric_km2: float = 0.0               # the built-up part's own area (builtup_km2 is the chosen figure)
    recorded_km2: Optional[float] = None     # its recorded area (None without a recorded-area field)

    @property
    def share(self) -> Optional[float]:
        """Built-up share of the township, in percent."""
        return 100.0 * self.builtup_km2 / self.township_km2 if self.township_km2 > 0 else None


@dataclass
class GroupSum:
    group: str
    townships: int
    builtup_km2: float
    township_km2: float
    in_scope: bool
    geometric_km2: float = 0.0
    recorded_km2: Optional[float] = None

    @property
    def share(self) -> Optional[float]:
        return 100.0 * self.builtup_km2 / self.township_km2 if self.township_km2 > 0 else None


@dataclass
class BuiltupMeasurement:
    projection: Projection
    scope_label: str
    total_km2: float                        # built-up in the scope
    townships: List[TownshipBuiltup]        # empty without a township layer
    groups: List[GroupSum]
    outside_km2: float                      # built-up outside every township (0 without townships)
    builtup_union: QgsGeometry              # all built-up, dissolved (only without a township layer)
    notes: List[str]
    inputs: List[str]
    catalogue: Optional[Catalogue] = None   # the catalogue the target came from (its structures' fields)
    area_source: str = AreaSource.GEOMETRY  # the figure total_km2 and each builtup_km2 are
    area_field: str = ""                    # the recorded-area field (m²), "" without one
    geometric_km2: float = 0.0              # built-up in the scope, by geometry
    recorded_km2: Optional[float] = None    # built-up in the scope, recorded
    outside_geometric_km2: float = 0.0
    outside_recorded_km2: Optional[float] = None


@dataclass
class Scope:
    """Which townships a figure covers: those whose ``group_of`` is ``value`` (all when value is empty)."""

    label: str = WHOLE
    value: str = ""
    group_of: Optional[Callable[[dict, str], List[str]]] = None  # (attributes, name) -> the township's values
    group_name: str = ""                                         # e.g. the field, for the table's heading

    def values_of(self, attributes: dict, name: str) -> List[str]:
        return self.group_of(attributes, name) if self.group_of else []


NAME_FIELDS = ("plan_name", "name", "xzqmc", "mc")  # tagged name first, then usual names (XZQMC: 三调)


def default_name_field(field_names: Sequence[str]) -> str:
    lower = {n.lower(): n for n in field_names}
    return next((lower[n] for n in NAME_FIELDS if n in lower), "")


def field_scope(field_name: str, value: str = "") -> Scope:
    """Scope by a field of the township layer (e.g. ``role`` = 一主, written by tagging)."""
    value = (value or "").strip()
    label = f"{field_name} = {value}" if value else WHOLE
    return Scope(label, value, lambda attributes, name: [attribute_text(attributes.get(field_name))], field_name)


def catalogue_scope(catalogue: Catalogue, scope_text: str, township_fields: Sequence[str]) -> Optional[Scope]:
    """The scope a catalogue target names: ``structure:class`` (read from the structure's field
    when the township layer is tagged, else from the catalogue by township name), a township
    name, or the whole jurisdiction (None)."""
    scope_text = (scope_text or "").strip()
    if not scope_text or scope_text == WHOLE:
        return None
    canonical = plan_namer(catalogue)
    structure_id, colon, value = scope_text.partition(":")
    if colon:
        structure = next((s for s in catalogue.structures if s.id == structure_id), None)
        if structure is None:
            return None
        plan_class = structure.class_of(value)
        label = f"{structure.name}: {value}"
        if plan_class is not None and plan_class.label and plan_class.label != value:
            label += f" ({plan_class.label})"
        if structure.field in township_fields:
            scope = field_scope(structure.field, value)
            scope.label = label
            return scope

        def by_name(attributes, name, structure=structure):
            return [r.value for r in structure.readings_for(canonical(name))]

        return Scope(label, value, by_name, structure.field)
    if catalogue.township(scope_text) is not None:
        return Scope(scope_text, scope_text, lambda attributes, name: [canonical(name)],
                     tr("township"))
    return None


def plan_namer(catalogue: Catalogue) -> Callable[[str], str]:
    """name in the layer -> the catalogue's name, matched as the tagging algorithm
    matches (suffixes, spaces, width, 乡/镇, aliases); unmatched names stay as they are."""
    matcher = NameMatcher(catalogue.townships, catalogue.name)

    def plan_name(name: str) -> str:
        found = matcher.match(name)
        return found.township if found.matched else (name or "").strip()

    return plan_name


def resolve_target(catalogue: Optional[Catalogue], target_id: str, target_value: Optional[float]) -> Optional[Target]:
    """The built-up target: typed (km², a floor) or from the catalogue by id; None when neither."""
    return choose_target(catalogue, target_id, target_value, INDICATOR, UNIT, tr("Built-up area"))


def target_result(target: Optional[Target], measurement: BuiltupMeasurement, unit: str = "km²") -> TargetResult:
    if target is None:
        return TargetResult(tr("Built-up area"), measurement.scope_label, None, measurement.total_km2, unit)
    citation = quoted_citation(target)
    return TargetResult(target.label, measurement.scope_label, target.value, measurement.total_km2, unit,
                        target.comparison, target.year, citation, target.value_min, target.value_max,
                        target.tolerance_pct)


def read_builtup(workspace: Workspace, source, label: str, class_field: str = "", codes: Sequence[str] = (),
                 area_field: str = ""):
    """(built-up polygons in the working CRS, their recorded areas in km²): all of a built-up layer, or
    the land-use polygons whose code in ``class_field`` starts with one of ``codes``; the recorded areas
    (``area_field``, m²; None where missing) only with ``area_field``. The notes go to ``workspace.notes``."""
    wanted = tuple(name for name in (class_field, area_field) if name)
    if not class_field:
        features = workspace.read_polygons(source, label, fields=wanted)
    else:
        fields = source.fields()
        index = fields.indexOf(class_field)
        if index < 0:
            check_fields(source, label, [class_field])
        selector = CodeSelector(codes, fields.at(index), label)
        # The codes first, without geometries: only the polygons kept become geometries (a 三调 layer
        # of a district is hundreds of megabytes, half of it or more not built-up).
        values = read_values(source, [class_field])
        check_read_complete(source, label, len(values))
        keep = {fid for fid, value in values if selector(fid, value.get(class_field))}
        selector.check_matched()
        features = workspace.read_polygons(source, label, fields=wanted, keep=keep)
        workspace.notes.extend(selector.notes())
    recorded = recorded_km2(features, area_field, label, workspace.notes) if area_field else []
    return FeatureGeometries(features), recorded



def measure_builtup(builtup_source, townships_source=None, *, builtup_label: str = "", townships_label: str = "",
                    class_field: str = "", codes: Sequence[str] = (), name_field: str = "",
                    scope: Optional[Scope] = None, method: str = AreaMethod.GK_ZONE, area_field: str = "",
                    area_source: str = AreaSource.GEOMETRY, feedback=None,
                    transform_context=None) -> BuiltupMeasurement:
    """Measure built-up area in km², per township (when a township layer is given) and in the scope:
    by geometry, and with ``area_field`` (m²) recorded too; ``area_source`` says which is the figure.

    ``builtup_source`` and ``townships_source`` are vector layers or Processing feature sources;
    ``transform_context``: the datum-transform choices (None: the running algorithm's, else the
    project's). Callable from a script or a test, without Processing."""
    scope = scope or Scope()
    builtup_label = layer_label(builtup_source, builtup_label)
    sources = [(builtup_source, builtup_label)]
    if townships_source is not None:
        townships_label = layer_label(townships_source, townships_label)
        sources.append((townships_source, townships_label))
        if name_field:
            check_fields(townships_source, townships_label, [name_field])
    workspace = Workspace.open(sources, method=method, feedback=feedback, transform_context=transform_context,
                               not_empty=[(builtup_source, builtup_label)])
    projection, meter, notes = workspace.projection, workspace.meter, workspace.notes
    inputs = workspace.inputs()

    builtup, recorded = read_builtup(workspace, builtup_source, builtup_label, class_field, codes, area_field)
    chosen = (lambda geometric, record: record) if area_source == AreaSource.RECORDED else (lambda g, r: g)
    if not (areas(builtup_shapes := as_shapely(builtup)) > 0).any():  # as read: no QgsGeometry made
        raise PlanInputError(tr("Layer '{layer}' has no built-up polygon with an area.").format(layer=builtup_label),
                             tr("Check its geometries and, for a land-use layer, the codes."))

    if townships_source is None:
        if feedback is not None:
            feedback.setProgressText(tr("Dissolving built-up polygons"))
        builtup_union = union_all(builtup, feedback)
        if scope.value:
            raise PlanInputError(
                tr("The scope '{scope}' needs the township layer, to know which townships it covers.").format(
                    scope=scope.label),
                tr("Choose the township layer (tagged by 'Tag townships with the plan's structure'), "
                   "or leave the scope empty to measure the whole built-up layer."))
        total = meter.km2(builtup_union)
        record = sum(v for v in recorded if v) if area_field else None
        if area_field:
            _overlap_note(notes, sum(meter.km2(g) for g in builtup) - total)
        return BuiltupMeasurement(projection, scope.label, chosen(total, record), [], [], 0.0, builtup_union, notes,
                                  inputs, area_source=area_source, area_field=area_field, geometric_km2=total,
                                  recorded_km2=record)

    twp_fields = townships_source.fields().names()
    twp_features = workspace.read_polygons(townships_source, townships_label, fields=twp_fields)
    zones = [(position, f.geometry) for position, f in enumerate(twp_features)]
    if feedback is not None:
        feedback.setProgressText(tr("Splitting built-up area by township"))
    zone_shapes = as_shapely([z for _, z in zones])  # and below: the outside part too
    pieces, piece_km2, outside_km2 = zone_pieces(builtup, zones, meter, feedback, builtup_shapes, zone_shapes)
    if all(piece.isEmpty() for piece in pieces.values()):
        raise PlanInputError(
            tr("No built-up polygon of '{builtup}' lies inside any township of '{townships}'.").format(
                builtup=builtup_label, townships=townships_label),
            tr("Check that both layers cover the same jurisdiction and that each layer's coordinate reference "
               "system is the one its coordinates are in."))

    shares, outside_record, whole_sum = split_recorded(builtup, recorded, zones, meter, feedback) \
        if area_field else ({}, None, 0.0)
    builtup = recorded = builtup_shapes = None  # measured: let them go before the outputs are made
    release_freed_memory()
    rows, township_km2 = [], meter.km2_each([f.geometry for f in twp_features], zone_shapes)
    for position, feature in enumerate(twp_features):
        check_cancel(feedback)
        attributes = feature.attributes
        name = attribute_text(attributes.get(name_field)) if name_field else ""
        values = scope.values_of(attributes, name)
        in_scope = not scope.value or scope.value in values
        geometric, record = piece_km2[position], shares.get(position)
        rows.append(TownshipBuiltup(
            fid=feature.fid, name=name or tr("feature {fid}").format(fid=feature.fid), group=" | ".join(values),
            in_scope=in_scope, geometry=feature.geometry, builtup=pieces[position],
            builtup_km2=chosen(geometric, record), township_km2=township_km2[position],
            attributes=attributes, geometric_km2=geometric, recorded_km2=record))
    if scope.value and not any(r.in_scope for r in rows):
        found = sorted({r.group for r in rows if r.group})
        raise PlanInputError(
            tr("No township of '{layer}' is in the scope '{scope}'. Values found: {found}.").format(
                layer=townships_label, scope=scope.label, found=", ".join(found) or tr("(only empty values)")),
            tr("Tag the townships first ('Tag townships with the plan's structure'), or choose the scope field "
               "and one of its values."))
    if scope.group_of is not None:
        without = [r.name for r in rows if not r.group]
        if without:
            notes.append(tr("No value of '{group}' for these townships (not tagged, or not named in the plan); they "
                            "are outside the scope: {names}.").format(group=scope.group_name,
                                                                      names=", ".join(without[:30])))
    ambiguous = [r.name for r in rows if "|" in r.group]
    if ambiguous:
        notes.append(tr("The plan gives these townships more than one value for the scope; each is counted in "
                        "the scope when one of its values matches: {names}.").format(names=", ".join(ambiguous)))

    overlaps = overlapping_pairs([(r.name, r.geometry) for r in rows], min_area=1.0)
    if overlaps:
        notes.append(tr("Townships overlap, so land in both is counted twice in sums: {pairs}.").format(
            pairs="; ".join(f"{a} / {b} ({area / 1e6:.4f} km²)" for a, b, area in overlaps[:10])))

    if area_field and not overlaps:
        _overlap_note(notes, whole_sum - outside_km2 - sum(r.geometric_km2 for r in rows))
    if outside_km2 > 0.0005:
        notes.append(tr("{km2:.3f} km² of built-up area lies outside every township and is not counted in the "
                        "scope.").format(km2=outside_km2))

    groups: Dict[str, GroupSum] = {}
    for row in rows:
        key = row.group or (tr("(no value)") if scope.group_of else scope.label)
        total = groups.setdefault(key, GroupSum(key, 0, 0.0, 0.0, row.in_scope,
                                                recorded_km2=0.0 if area_field else None))
        total.townships += 1
        total.builtup_km2 += row.builtup_km2
        total.township_km2 += row.township_km2
        total.geometric_km2 += row.geometric_km2
        if area_field:
            total.recorded_km2 += row.recorded_km2
    in_scope = [r for r in rows if r.in_scope]
    geometric_km2 = sum(r.geometric_km2 for r in in_scope)
    recorded_km2 = sum(r.recorded_km2 for r in in_scope) if area_field else None
    # No dissolve of the whole layer here: each township's part is dissolved on its own
    # (overlay.zone_pieces), which keeps memory to a township's worth on very large layers.
    return BuiltupMeasurement(projection, scope.label, chosen(geometric_km2, recorded_km2), rows,
                              list(groups.values()), chosen(outside_km2, outside_record), QgsGeometry(), notes,
                              inputs, area_source=area_source, area_field=area_field, geometric_km2=geometric_km2,
                              recorded_km2=recorded_km2, outside_geometric_km2=outside_km2,
                              outside_recorded_km2=outside_record)


def _overlap_note(notes: List[str], overlap_km2: float) -> None:
    if overlap_km2 > 0.0005:
        notes.append(tr("Built-up polygons overlap by {km2:.4f} km²: the geometric figure counts that land once, "
                        "the recorded figure once for each polygon's own record.").format(km2=overlap_km2))


def check_builtup(builtup=None, townships=None, *, landuse=None, class_field: str = "",
                  preset_id: str = PRESET_IDS[0], codes: Sequence[str] = (), name_field: str = "",
                  scope_field: str = "", scope_value: str = "", catalogue=None, target_id: str = "",
                  target_value: Optional[float] = None, method: str = AreaMethod.GK_ZONE,
                  area_source: str = AreaSource.GEOMETRY, area_field: str = "", builtup_label: str = "",
                  townships_label: str = "", feedback=None, transform_context=None) -> CheckResult:
    """The built-up check: the built-up area of ``builtup`` (polygons), or of the polygons of ``landuse``
    whose code in ``class_field`` (empty: the preset's usual field) starts with one of ``codes`` (empty:
    the preset ``preset_id``'s), per township of ``townships`` (named by ``name_field``; empty:
    plan_name, name or XZQMC) and in the scope, beside the target.

    The scope: the townships whose ``scope_field`` is ``scope_value`` (empty: the whole jurisdiction,
    or with a catalogue target the target's own scope). The target: ``target_value`` (km², a floor),
    else ``target_id`` of ``catalogue`` (a Catalogue, or a function returning one, called only when
    needed); none without either. ``method``: ``AreaMethod.GK_ZONE`` or ``AreaMethod.ELLIPSOID``.
    ``area_field``: the polygons' recorded area (m²; with ``AreaSource.RECORDED`` and none given,
    TBDLMJ or TBMJ), reported beside the geometric one; ``area_source``: which the target is checked on.
    ``builtup_label`` / ``townships_label``: the layers' names in messages (empty: their own).
    ``transform_context``: the datum-transform choices (None: the running algorithm's, else the
    project's). Layers are vector layers or Processing feature sources; errors are PlanInputError."""
    if (builtup is None) == (landuse is None):
        raise PlanInputError(tr("Give either a built-up layer or a land-use layer, not both and not neither."),
                             tr("Choose the built-up polygons, or the land-use layer and its codes."))
    codes_reason = ""
    if landuse is not None:
        chosen = preset(preset_id)
        codes = tuple(codes or ())
        codes_reason = (tr("Built-up land-use codes (typed): {codes}.").format(codes=", ".join(codes)) if codes
                        else tr("Built-up land-use codes ({preset}): {reason}").format(
                            preset=chosen.label, reason=chosen.reason))
        codes = codes or chosen.codes
        class_field = class_field or default_class_field(landuse.fields().names(), chosen.id) or ""
        if not class_field:
            raise PlanInputError(
                tr("Layer '{layer}' has no field {fields}.").format(
                    layer=landuse.sourceName(), fields="/".join(chosen.field_names)),
                tr("Choose the land-use class field. Its fields: {available}.").format(
                    available=", ".join(landuse.fields().names())))
    else:
        class_field, codes = "", ()
    if area_source not in AreaSource.ALL:
        raise ValueError(f"unknown area source {area_source!r}; known: {AreaSource.ALL}")
    source = builtup if builtup is not None else landuse
    label, recorded = builtup_label or layer_label(source), area_source == AreaSource.RECORDED
    area_field = (area_field or "").strip() or (default_area_field(source.fields().names()) if recorded else "")
    hint = tr("Choose the field holding each polygon's recorded area in m² (AREA_FIELD), or measure the geometry.")
    if recorded and not area_field:
        raise PlanInputError(tr("Layer '{layer}' has no recorded-area field {fields}.").format(
            layer=label, fields="/".join(RECORDED_FIELDS)), hint)
    check_fields(source, label, [area_field])
    if not name_field and townships is not None:
        name_field = default_name_field(townships.fields().names())
    scope_field, scope_value, target_id = scope_field or "", (scope_value or "").strip(), (target_id or "").strip()
    if not target_id or target_value is not None:
        catalogue = None  # a typed target needs none; without a target id none is read
    elif callable(catalogue):
        catalogue = catalogue()
    target = resolve_target(catalogue, target_id, target_value)

    scope, notes = None, []
    if target is not None and target.note:
        notes.append(tr("About the target: {note}").format(note=target.note))
    if scope_field:
        if townships is not None:
            check_fields(townships, townships_label or layer_label(townships), [scope_field])
        scope = field_scope(scope_field, scope_value)
        if target is not None and target.scope not in ("", WHOLE):
            notes.append(tr("The target's scope in the plan is '{target}'; the scope measured is the one "
                            "chosen, '{scope}'.").format(target=target.scope, scope=scope.label))
    elif scope_value:
        raise PlanInputError(tr("A scope value '{value}' was given without a scope field.").format(
            value=scope_value), tr("Choose the township layer's field holding it (e.g. role)."))
    elif target is not None and catalogue is not None:
        fields = townships.fields().names() if townships is not None else []
        scope = catalogue_scope(catalogue, target.scope, fields) if townships is not None else None
        if target.scope not in ("", WHOLE) and scope is None:
            notes.append(tr("The target's scope is '{scope}'; without a township layer (or a scope the "
                            "catalogue can resolve) the whole built-up layer is measured.").format(
                scope=target.scope))
        if scope is not None and not name_field and scope.group_name not in fields:
            raise PlanInputError(
                tr("The target's scope '{scope}' is resolved by township name: the township name field is "
                   "needed.").format(scope=scope.label),
                tr("Choose the township name field, or tag the townships first."))

    measurement = measure_builtup(
        builtup if builtup is not None else landuse, townships, builtup_label=builtup_label,
        townships_label=townships_label if townships is not None else "", class_field=class_field, codes=codes,
        name_field=name_field, scope=scope, method=method, area_field=area_field, area_source=area_source,
        feedback=feedback, transform_context=transform_context)
    measurement.notes[:0] = notes
    measurement.catalogue = catalogue
    if recorded and not measurement.recorded_km2 and measurement.geometric_km2 > 0:
        raise PlanInputError(tr("No built-up polygon of '{layer}' has a recorded area in '{field}'.").format(
            layer=label, field=area_field), hint)
    return CheckResult(
        check=definitions.CHECK_BUILTUP, verdict=target_result(target, measurement, UNIT),
        townships=measurement.townships, notes=measurement.notes, inputs=measurement.inputs,
        method=method_text(measurement, codes_reason), detail=measurement,
        extras={GEOMETRIC_KM2: measurement.geometric_km2, RECORDED_KM2: measurement.recorded_km2})


def method_text(measurement: BuiltupMeasurement, codes_reason: str = "") -> str:
    text = (measurement.projection.describe() + " "
            + tr("Built-up polygons are dissolved first, so overlapping polygons count once; the result is cut "
                 "by the township boundaries, so a polygon crossing a boundary is split between townships. "
                 "Invalid geometries are repaired (makeValid) and listed below."))
    if codes_reason:
        text += " " + codes_reason
    if measurement.area_field:
        text += " " + tr("Recorded areas: field {field} (m², as the survey records them); a polygon split between "
                         "townships gets its recorded area in proportion to its geometric area in each. The target "
                         "is checked on the {figure} figure.").format(
            field=measurement.area_field, figure=tr("recorded") if measurement.area_source == AreaSource.RECORDED
            else tr("geometric"))
    return text
