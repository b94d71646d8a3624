"""Check a whole plan: every target of a catalogue that the given layers can measure (issue 14, kind 6).

``check_plan`` takes a catalogue and layers by the role they play (``model.LAYER_ROLES``: townships,
built-up, land use, stops, …), decides for every target from its measure (its kind and the layer roles
it needs) whether these layers can measure it, runs the check's entry point for it (``check_builtup``,
``check_coverage``, ``measure_land_share``, ``check_per_capita``, ``measure_population``,
``measure_distance_rule``) and collects one ``PlanRow`` per target. Targets that share one measurement
(江津's 145 km² and 120 km² are two measurements; 开州's 60 km² for 2025 and 100 km² for 2035 one) are
measured once, each compared with its own figure. A target no layer can measure says why (kind
``none``, or the roles missing: "needs layer: stops"); a target whose check refuses its input
(``PlanInputError``) is a row "could not be measured: …" and the others go on::

    from cq_urban_plugin.core.checks.plan_check import check_plan
    result = check_plan(catalogue, {"townships": townships, "builtup": (builtup, "builtup")},
                        options={"name_field": "name"})
    result.counts(), [(r.target_id, r.measured, r.verdict) for r in result.rows]
"""
from typing import Dict, Optional, Tuple

from qgis.core import QgsProcessingMultiStepFeedback, QgsRasterLayer, QgsWkbTypes

from ...compat import GeometryType
from ...i18n import language, tr
from ..errors import Cancelled, PlanInputError, check_cancel
from ..geo.inputs import layer_label
from ..plan.model import Catalogue, Target
from . import builtup as bu
from . import distance_rule as dr
from . import land_share as ls
from . import per_capita as pc
from . import population_places as places
from .landuse import default_class_field, preset
from .plan_facilities import FACILITY_ROLES, FacilityPlanning  # noqa: F401 (FACILITY_ROLES read from here)
from .plan_rows import (  # noqa: F401 (the rows, statuses and count keys are read from here)
    APPROXIMATE,
    APPROXIMATE_COUNT,
    COUNT_KEYS,
    FAILED,
    MEASURED_COUNT,
    MET,
    MET_COUNT,
    NO_TARGET,
    NOT_MEASURED,
    NOT_MEASURED_COUNT,
    NOT_MET,
    NOT_MET_COUNT,
    TARGETS,
    Measurement,
    PlanCheckResult,
    PlanRow,
    circle_share,
    row_for,
    tolerance_of,
    verdict_for,
)
from .targets import TargetResult

# The geometry each role is read as (None: a raster or points; any: plants).
_POLYGONS = ("townships", "builtup", "landuse", "green", "forest", "ecology", "farmland", "development")
ROLE_GEOMETRY = {**{r: (GeometryType.Polygon,) for r in _POLYGONS}, "stops": (GeometryType.Point,),
                 "facilities": (GeometryType.Point, GeometryType.Polygon), "roads": (GeometryType.Line,),
                 "population": (GeometryType.Point,), "river": (GeometryType.Line, GeometryType.Polygon),
                 "plants": (GeometryType.Point, GeometryType.Line, GeometryType.Polygon)}


class _Planner(FacilityPlanning):
    """What each target needs, and the runs that measure them."""

    def __init__(self, catalogue, layers, options, feedback, transform_context):
        self.catalogue, self.options = catalogue, dict(options or {})
        self.feedback, self.context = feedback, transform_context
        self.layers, self.labels = {}, {}
        for role, given in (layers or {}).items():
            source, label = given if isinstance(given, tuple) else (given, "")
            if source is not None:
                self.layers[role] = source
                self.labels[role] = label or (source.name() if isinstance(source, QgsRasterLayer)
                                              else layer_label(source))
        self.name_field = self.options.get("name_field", "")
        self.landuse_field = self.options.get("landuse_field", "")
        self.population_field = self.options.get("population_field", "")
        self.facility_type_field = self.options.get("facility_type_field", "")
        if not self.name_field and "townships" in self.layers:
            self.name_field = bu.default_name_field(self.layers["townships"].fields().names())

    # --- inputs --------------------------------------------------------------
    def has(self, role: str) -> bool:
        return role in self.layers or (role == "population" and bool(self.population_field)
                                       and "townships" in self.layers)

    def source(self, role: str):
        """The layer of ``role``, refused by name when it is not of the role's geometry."""
        source = self.layers.get(role)
        wanted = ROLE_GEOMETRY.get(role, ())
        if source is None or isinstance(source, QgsRasterLayer) or not wanted:
            return source
        words = {GeometryType.Point: tr("points"), GeometryType.Line: tr("lines"),
                 GeometryType.Polygon: tr("polygons")}
        found = QgsWkbTypes.geometryType(source.wkbType())
        if found not in wanted:
            wanted_text = tr(" or ").join(words[w] for w in wanted)
            raise PlanInputError(
                tr("Layer '{layer}', given as {role} ({parameter}), holds {found}, not {wanted}.").format(
                    layer=self.labels[role], role=role, parameter=role.upper(),
                    found=words.get(found, tr("no geometry")), wanted=wanted_text),
                tr("Choose a layer of {wanted} for {parameter}.").format(wanted=wanted_text, parameter=role.upper()))
        return source

    def population(self) -> places.PopulationInput:
        given = self.layers.get("population")
        if isinstance(given, QgsRasterLayer):
            return places.PopulationInput(raster=given)
        if given is not None:
            points = self.source("population")
            if not self.population_field:
                raise PlanInputError(tr("The population points '{layer}' need their persons field.").format(
                    layer=self.labels["population"]), tr("Choose POPULATION_FIELD, the persons of each point."))
            return places.PopulationInput(points=points, persons_field=self.population_field,
                                          points_label=self.labels["population"])
        return places.PopulationInput(field=self.population_field)

    def population_code(self) -> str:
        """The population's parameter: POPULATION, or the townships' persons field (POPULATION_FIELD)."""
        if "population" in self.layers or not self.population_field:
            return self.code("population")
        return tr("{field} of {townships}").format(field=self.population_field, townships=self.code("townships"))

    def landuse_class_field(self, preset_id: str) -> str:
        """The land-use layer's field of ``preset_id``: its usual name, else the field chosen (LANDUSE_FIELD)."""
        return default_class_field(self.source("landuse").fields().names(), preset_id) or self.landuse_field

    def twp(self):
        return self.source("townships") if "townships" in self.layers else None

    def label(self, role):
        return self.labels.get(role, "")

    # --- what a target needs -------------------------------------------------
    def plan(self, target: Target):
        """(needs: [alternative roles, …], measurement key, how, run) for a measurable target, or a reason."""
        measure = target.measure
        kind = measure.kind
        planner = getattr(self, f"_plan_{kind}", None)
        if planner is None:
            return tr("no check measures the kind {kind}").format(kind=kind)
        needs, key, how, run = planner(target)
        missing = [group for group in needs if not any(self.has(r) for r in group)]
        if missing:
            return tr("needs layer: {roles}").format(roles=", ".join(tr(" or ").join(g) for g in missing))
        if key is None:
            return how  # the reason these layers cannot measure it
        if measure.convention:
            how = tr("{how}. Convention: {text}").format(
                how=how.rstrip(".。"), text=" ".join(measure.said("convention", language()).split()))
        return needs, (kind,) + key, tr("{kind}: {how}").format(kind=kind, how=how), run

    @staticmethod
    def code(role: str) -> str:
        """The role's parameter of cq_urban:check_plan (algorithms/check_plan.py ROLE_PARAMETERS: BUILTUP,
        GREEN …), as the how texts name the layer that gave a figure."""
        return role.upper()

    @staticmethod
    def _needs(target, default, substitutes=None):
        """The roles the target's measure names (each with the roles that may stand in), else ``default``."""
        if not target.measure.layers:
            return default
        return [(role,) + tuple((substitutes or {}).get(role, ())) for role in target.measure.layers]

    def _plan_builtup_area(self, target):
        classes = target.measure.classes or ("czcsxm_city" if "城市建成区" in target.label else "")
        default = [("builtup", "landuse")] + ([("townships",)] if target.scope not in ("", bu.WHOLE) else [])
        needs = self._needs(target, default, {"builtup": ("landuse",), "landuse": ("builtup",)})
        if classes and classes not in bu.PRESET_IDS:
            return needs, None, tr("built-up classes '{classes}' are no preset of the built-up check").format(
                classes=classes), None
        role, preset_id = ("builtup" if "builtup" in self.layers else "landuse"), classes or "czcsxm_town"
        if role == "builtup":
            fields = self.layers["builtup"].fields().names()
            if classes and default_class_field(fields, classes):
                how = tr("polygons of {layer} of {preset}").format(layer=self.code(role), preset=preset(classes).label)
            elif not classes or classes == "czcsxm_town":
                preset_id, how = "", tr("area of the polygons of {layer}").format(layer=self.code("builtup"))
            elif "landuse" in self.layers:
                role, how = "landuse", tr("polygons of {layer} of {preset}").format(layer=self.code("landuse"),
                                                                               preset=preset(classes).label)
            else:
                def refuse(first):
                    raise PlanInputError(
                        tr("The built-up layer '{layer}' has no field {fields} to tell {preset}.").format(
                            layer=self.label("builtup"), fields="/".join(preset(classes).field_names),
                            preset=preset(classes).label),
                        tr("Give the land-use layer (LANDUSE) holding those codes."))
                return needs, ("builtup", classes, target.scope), tr("area of the polygons of {layer}").format(
                    layer=self.code("builtup")), refuse
        else:
            how = tr("polygons of {layer} of {preset}").format(layer=self.code("landuse"),
                                                                preset=preset(preset_id).label)

        def run(first):
            if not preset_id:
                return bu.check_builtup(self.source("builtup"), self.twp(), name_field=self.name_field,
                                        catalogue=self.catalogue, target_id=first.id,
                                        builtup_label=self.label("builtup"), townships_label=self.label("townships"),
                                        feedback=self.feedback, transform_context=self.context)
            field_name = default_class_field(self.source(role).fields().names(), preset_id) or self.landuse_field
            return bu.check_builtup(
                landuse=self.source(role), townships=self.twp(), preset_id=preset_id, class_field=field_name,
                name_field=self.name_field, catalogue=self.catalogue, target_id=first.id,
                builtup_label=self.label(role), townships_label=self.label("townships"), feedback=self.feedback,
                transform_context=self.context)
        return needs, (role, preset_id, target.scope), how, run

    def _plan_land_share(self, target):
        measure = target.measure
        indicator = target.indicator if target.indicator in ls.INDICATORS else ls.LAND_SHARE
        role, preset_id, extent_role = {
            ls.GREEN_SPACE_RATIO: ("green", "sandiao_green", "builtup"),
            ls.FOREST_COVER: ("forest", "sandiao_forest", ""),
            ls.GREEN_COVERAGE_RATIO: ("green", "", "builtup"), ls.BUILTUP_IN_BOUNDARY: ("builtup", "", "development"),
            ls.LAND_SHARE: ("landuse", "", "")}[indicator]
        preset_id = measure.classes or preset_id
        extent_role = {"built-up": "builtup", "area": "", "township": ""}.get(measure.denominator, extent_role)
        stand_in = ("landuse",) if preset_id and role != "landuse" else ()
        needs = self._needs(target, [(role,) + stand_in, (extent_role or "townships",)],
                            {role: stand_in, "landuse": (role,) if stand_in else ()})
        try:
            chosen = preset(preset_id) if preset_id else None
        except KeyError:
            return needs, None, tr("classes '{classes}' are no land-use preset; no layer role holds them").format(
                classes=preset_id), None
        if indicator == ls.LAND_SHARE and chosen is None:
            return needs, None, tr("a land share of no named indicator needs its classes in the measure block"), None
        class_role = role if role in self.layers or chosen is None else "landuse"

        def run(first):
            classes = self.source(class_role)
            field_name, codes, exclude, reason = "", (), (), ""
            if class_role == "landuse":
                field_name, codes, exclude = self.landuse_class_field(preset_id), chosen.codes, chosen.exclude
                if not field_name:
                    raise PlanInputError(tr("Layer '{layer}' has no field {fields}.").format(
                        layer=self.label("landuse"), fields="/".join(chosen.field_names)),
                        tr("Choose the land-use class field (LANDUSE_FIELD)."))
                reason = tr("Codes of '{layer}' ({preset}): {reason}").format(
                    layer=self.label("landuse"), preset=chosen.label, reason=chosen.reason)
            return ls.measure_land_share(
                classes, self.source(extent_role) if extent_role else None, self.twp(), indicator=indicator,
                classes_label=self.label(class_role), extent_label=self.label(extent_role),
                townships_label=self.label("townships"), class_field=field_name, class_codes=codes,
                class_exclude=exclude, name_field=self.name_field,
                target=ls.resolve_target(self.catalogue, first.id, None, indicator), codes_reason=reason,
                feedback=self.feedback, transform_context=self.context)
        how = tr("{classes} inside {extent}").format(
            classes=(f"{chosen.label} ({self.code(class_role)})" if class_role == "landuse"
                     else self.code(class_role)), extent=self.code(extent_role or "townships"))
        return needs, (indicator, class_role, preset_id, extent_role), how, run

    def _plan_per_capita(self, target):
        indicator = target.indicator if target.indicator in pc.INDICATORS else pc.URBAN_LAND
        role = "builtup" if indicator == pc.URBAN_LAND else "green"
        needs = self._needs(target, [(role, "landuse"), ("townships",), ("population",)],
                            {role: ("landuse",), "landuse": (role,)})
        reason = "" if target.indicator in pc.INDICATORS else tr(
            "the per-capita check measures {known} only").format(
            known=tr(", ").join(pc.indicator_label(i) for i in pc.INDICATORS))
        try:
            if target.measure.classes:
                pc.any_preset(target.measure.classes)
        except KeyError:
            reason = reason or tr("classes '{classes}' are no land-use preset; no layer role holds them").format(
                classes=target.measure.classes)
        if reason:
            return needs, None, reason, None
        if indicator == pc.URBAN_LAND:
            land_role = "landuse" if "landuse" in self.layers else role
        else:
            land_role = role if role in self.layers else "landuse"

        def run(first):
            land = self.source(land_role)
            selection = pc.LandSelection("", (), (), "")
            if land_role == "landuse":
                chosen = target.measure.classes or pc.AUTO
                try:
                    selection = pc.land_selection(indicator, chosen, land.fields().names(), "", (),
                                                  self.label(land_role))
                except PlanInputError:
                    if not self.landuse_field:
                        raise
                    selection = pc.land_selection(indicator, chosen, land.fields().names(), self.landuse_field, (),
                                                  self.label(land_role))
            return pc.check_per_capita(
                land, self.twp(), indicator=indicator, population=self.population(),
                land_label=self.label(land_role), townships_label=self.label("townships"),
                class_field=selection.class_field, codes=selection.codes, exclude=selection.exclude,
                area_definition=selection.definition, name_field=self.name_field, catalogue=self.catalogue,
                target_id=first.id, feedback=self.feedback, transform_context=self.context)
        how = tr("m² of {land} per person of {population}").format(land=self.code(land_role),
                                                                  population=self.population_code())
        return needs, (indicator, land_role, target.scope), how, run

    def _plan_population(self, target):
        def run(first):
            return places.measure_population(
                self.twp(), self.population(), townships_label=self.label("townships"), name_field=self.name_field,
                catalogue=self.catalogue, feedback=self.feedback, transform_context=self.context)
        how = tr("persons of {population} summed per township of {townships} and per class of the plan's "
                 "structures").format(population=self.population_code(), townships=self.code("townships"))
        return self._needs(target, [("townships",), ("population",)]), (), how, run

    def _plan_distance_rule(self, target):
        distance = target.measure.distance_m or dr.DEFAULT_DISTANCE_M

        def run(first):
            return dr.measure_distance_rule(
                self.source("plants"), self.source("river"), self.twp(), distance_m=distance,
                subjects_label=self.label("plants"), near_label=self.label("river"),
                townships_label=self.label("townships"), name_field=self.name_field,
                target=dr.resolve_target(self.catalogue, first.id, None, first.label), feedback=self.feedback,
                transform_context=self.context)
        how = tr("features of {plants} within {distance:g} m of {river}").format(
            plants=self.code("plants"), distance=distance, river=self.code("river"))
        return self._needs(target, [("plants",), ("river",)]), (distance,), how, run


def _result_of(measurement: Measurement, target: Target, tolerance_pct: Optional[float] = None) \
        -> Tuple[Optional[TargetResult], str]:
    """(the target's verdict, the reason when this measurement cannot give it). An approximate figure is
    compared with its tolerance (its own, else ``tolerance_pct``)."""
    result = measurement.result
    if measurement.kind == "population":
        row = next((t for t in result.detail.targets if t.target.id == target.id), None)
        if row is None or row.result is None:
            return None, row.reason if row is not None else tr("not a population target")
        verdict = row.result
        return (verdict_for(target, verdict, tolerance_pct) if target.comparison == "about" else verdict), ""
    if target is measurement.targets[0] and result.verdict.target is not None and target.comparison != "about" \
            and circle_share(target) is None:
        return result.verdict, ""
    return verdict_for(target, result.verdict, tolerance_pct), ""


def measurability(catalogue: Catalogue, target: Target) -> Tuple[bool, str]:
    """Whether the bundled checks can measure ``target`` given the layers its measure names: (True, how it
    is measured and the layer roles it needs) or (False, why not). No layer is read."""
    measure = target.measure
    if measure is None or measure.kind == "none":
        return False, (measure.said("reason", language()) if measure is not None and measure.reason
                       else tr("no check measures this indicator"))
    planner = getattr(_Planner(catalogue, {}, {}, None, None), f"_plan_{measure.kind}", None)
    if planner is None:
        return False, tr("no check measures the kind {kind}").format(kind=measure.kind)
    needs, key, how, _ = planner(target)
    if key is None:
        return False, how
    layers = ", ".join(tr(" or ").join(group) for group in needs)
    return True, tr("{kind}: {how}; layers: {layers}").format(kind=measure.kind, how=how, layers=layers)


def check_plan(catalogue: Catalogue, layers: Dict[str, object], *, options: Optional[dict] = None, feedback=None,
               transform_context=None) -> PlanCheckResult:
    """Every target of ``catalogue`` measured with ``layers`` (role -> a layer or source, or (it, its label);
    the population role may be a raster layer). ``options``: ``name_field`` (the townships' name field),
    ``landuse_field`` (the land-use class field where the preset's usual one is missing),
    ``population_field`` (the persons field of the population points, or of the townships without a
    population layer), ``walk_speed`` (m/s: a service circle given in walking minutes is minutes × 60 × it;
    default 1.0 m/s, facility_coverage.WALK_SPEED), ``tolerance_pct`` (approximate figures without a tolerance
    of their own are met within ±this %; without it their rows give the deviation and no verdict). One PlanRow
    per target, in catalogue order."""
    planner = _Planner(catalogue, layers, options, feedback, transform_context)
    unknown = sorted(set(planner.layers) - set(ROLE_GEOMETRY))
    if unknown:
        raise ValueError(f"unknown layer roles {unknown}; known: {sorted(ROLE_GEOMETRY)}")
    planned: Dict[str, object] = {}
    measurements: Dict[tuple, Measurement] = {}
    for target in catalogue.targets:
        measure = target.measure
        if measure is None or measure.kind == "none":
            planned[target.id] = (measure.said("reason", language()) if measure is not None and measure.reason
                                  else tr("no check measures this indicator"))
            continue
        found = planner.plan(target)
        if isinstance(found, str):
            planned[target.id] = found
            continue
        _, key, how, run = found
        measurement = measurements.setdefault(key, Measurement(key, measure.kind, how, run))
        measurement.targets.append(target)
        planned[target.id] = measurement
    steps = QgsProcessingMultiStepFeedback(max(len(measurements), 1), feedback) if feedback is not None else None
    for number, measurement in enumerate(measurements.values()):
        check_cancel(feedback)
        if steps is not None:
            steps.setCurrentStep(number)
            steps.pushInfo(tr("Measuring {ids}").format(ids=", ".join(t.id for t in measurement.targets)))
        planner.feedback = steps
        try:
            measurement.result = measurement.run(measurement.targets[0])
        except Cancelled:
            raise
        except PlanInputError as error:
            measurement.error = str(error)
    tolerance = (options or {}).get("tolerance_pct")
    if tolerance is not None and (not isinstance(tolerance, (int, float)) or tolerance < 0):
        raise ValueError(f"tolerance_pct should be a number ≥ 0, not {tolerance!r}")
    rows = []
    for target in catalogue.targets:
        found = planned[target.id]
        if isinstance(found, str):
            kind = target.measure.kind if target.measure is not None else "none"
            rows.append(row_for(target, NOT_MEASURED, kind, found))
        elif found.error:
            rows.append(row_for(target, FAILED, found.how, tr("could not be measured: {message}").format(
                message=found.error)))
        else:
            result, reason = _result_of(found, target, tolerance)
            rows.append(row_for(target, NOT_MEASURED, found.how, reason) if result is None
                        else row_for(target, MET, found.how, result=result))
    roles = {role: planner.labels[role] for role in planner.layers}
    return PlanCheckResult(catalogue, rows, list(measurements.values()), roles, tolerance)

