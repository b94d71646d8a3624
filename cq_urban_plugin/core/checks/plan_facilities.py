"""The whole-plan check's facility targets (a part of plan_check.py): coverage of a facility kind
(bus stops, parks, the life-circle kinds) and a facility of a kind in every township.

A FACILITIES layer may hold several kinds: with a type field (check_plan's FACILITY_TYPE_FIELD) each
target takes the facilities whose type value contains its kind's word — the catalogue's
``facility_type``, else the word of its life-circle preset (养老, 体育 …), the convention of
facility_coverage.LIFE_CIRCLE. A target naming several kinds at once (街道级公共服务设施（教育、医疗、养老、
文化、体育）) is not measured from one type value, and says so.
"""
from qgis.core import QgsExpression, QgsFeatureRequest

from ...i18n import tr
from ..errors import PlanInputError
from . import coverage as cov
from . import facility_coverage as fc
from . import facility_presence as presence
from . import population_places as places
from .plan_rows import circle_share

FACILITY_ROLES = ("stops", "facilities", "green")


def _kind_request(field: str, kind: str) -> QgsFeatureRequest:
    """The features whose ``field`` value contains the word ``kind``."""
    column, word = QgsExpression.quotedColumnRef(field), QgsExpression.quotedString(kind)
    return QgsFeatureRequest().setFilterExpression(f"strpos(to_string({column}), {word}) > 0")


class FacilityPlanning:
    """The facility part of plan_check._Planner (which gives source, label, code, twp, population, _needs …)."""

    @property
    def walk_speed(self) -> float:
        """m/s turning a circle's walking minutes into metres (option ``walk_speed``; default
        facility_coverage.WALK_SPEED, 1.0 m/s: GB 50180-2018 pairs 5 minutes with 300 m)."""
        return self.options.get("walk_speed") or fc.WALK_SPEED

    def kind_of(self, target, role: str, preset_word: str = ""):
        """(the word that selects the target's facilities in a FACILITIES layer, the reason it cannot be
        measured or ""). Bus stops and green land are layers of one kind; a facilities layer holds many,
        so its type field must say which: the catalogue's facility_type, else the facility the target
        names when it names one kind, else the word of its life-circle preset."""
        if role != "facilities" or not self.has(role):
            return "", ""
        measure = target.measure
        several = "、" in measure.facility
        kind = measure.facility_type or ("" if several else measure.facility.strip()) or preset_word
        if not self.facility_type_field:
            return "", tr("a facilities layer holds many kinds: give its type field (FACILITY_TYPE_FIELD) to tell "
                          "'{facility}'").format(facility=measure.facility or kind)
        if not kind or (several and not measure.facility_type):
            return "", tr("'{facility}' names several kinds of facility, which one type field value cannot select: "
                          "measure each kind, or the life circle as a whole with cq_urban:check_facility_coverage "
                          "(preset {preset})").format(facility=measure.facility, preset=fc.LIFE_CIRCLE_ALL)
        source, field = self.source(role), self.facility_type_field
        if source.fields().indexOf(field) >= 0 and next(
                source.getFeatures(_kind_request(field, kind).setLimit(1)), None) is None:
            return "", tr("'{layer}' holds no facility whose type ({field}) contains '{kind}'").format(
                layer=self.label(role), field=field, kind=kind)
        return kind, ""

    def of_kind(self, role: str, kind: str):
        """The features of ``role`` whose type field (FACILITY_TYPE_FIELD) contains ``kind``, as a layer."""
        source, field = self.source(role), self.facility_type_field
        if source.fields().indexOf(field) < 0:
            raise PlanInputError(tr("Layer '{layer}' ({role}) has no field '{field}'.").format(
                layer=self.label(role), role=role, field=field), tr("Choose its type field (FACILITY_TYPE_FIELD)."))
        chosen = source.materialize(_kind_request(field, kind))
        if chosen.featureCount() == 0:
            raise PlanInputError(
                tr("No feature of '{layer}' has a type containing '{kind}' in field '{field}'.").format(
                    layer=self.label(role), kind=kind, field=field),
                tr("Choose the field holding the facility type, or a layer holding the {kind}.").format(kind=kind))
        chosen.setName(f"{self.label(role)} ({kind})")
        return chosen

    def _plan_facility_coverage(self, target):
        measure = target.measure
        if measure.denominator == "township" and target.unit in ("count", "percent"):
            return self._plan_facility_presence(target)
        bus = target.indicator == cov.INDICATOR
        named = [r for r in measure.layers if r in FACILITY_ROLES]
        role = named[0] if named else ("stops" if bus else "facilities")
        denominator = {"": None, "area": fc.Denominator.AREA, "built-up": fc.Denominator.AREA,
                       "population": fc.Denominator.POPULATION, "residential": fc.Denominator.RESIDENTIAL}
        along = "roads" in measure.layers
        by = denominator.get(measure.denominator)
        served = "landuse" if by == fc.Denominator.RESIDENTIAL else "builtup"
        default = [(role,), (served,)] + ([("population",)] if by == fc.Denominator.POPULATION else [])
        needs = self._needs(target, default)
        key = next((p.key for p in fc.presets().values() if target.id in p.targets), "")
        key = key or next((k for k, name, _ in fc.LIFE_CIRCLE if name in measure.facility), "")
        reason = ""
        if measure.layers and not named:
            reason = tr("the measure names no layer of the facilities ({roles})").format(
                roles=", ".join(FACILITY_ROLES))
        elif measure.denominator not in denominator:
            reason = tr("denominator '{denominator}': the coverage check measures the served area, its residential "
                        "land or its population").format(denominator=measure.denominator)
        elif not bus and not key:
            reason = tr("no facility-coverage preset measures '{facility}'").format(facility=measure.facility)
        elif target.unit == "minutes" and circle_share(target) is None:
            reason = tr("the plan gives a time ({minutes:g} minutes), not the share that must lie within it: the "
                        "catalogue's measure gives it as share_pct (100: all of it)").format(minutes=target.value)
        key = key or fc.BUS_STOP
        kind, why = ("", "") if reason else self.kind_of(
            target, role, next((name for k, name, _ in fc.LIFE_CIRCLE if k == key), ""))
        reason = reason or why
        typed = bool(kind)
        if reason:
            return needs, None, reason, None
        minutes = measure.minutes if measure.distance_m is None else None
        if circle_share(target) is not None and measure.distance_m is None:
            minutes = minutes or target.value

        def run(first):
            facilities = self.of_kind(role, kind) if typed else self.source(role)
            population = self.population() if by == fc.Denominator.POPULATION else places.PopulationInput()
            if population.field:
                raise PlanInputError(tr("Coverage by population needs a population raster or points (POPULATION)."),
                                     tr("Choose the population layer, or measure the coverage by area."))
            options = dict(name_field=self.name_field, distance_method=cov.Distance.NETWORK if along
                           else cov.Distance.STRAIGHT, roads=self.source("roads") if along else None,
                           population_raster=population.raster, population_points=population.points,
                           persons_field=population.persons_field, catalogue=self.catalogue, target_id=first.id,
                           with_service=False, feedback=self.feedback, transform_context=self.context)
            if circle_share(first) is not None:  # the check compares with the share; the row cites the plan
                options.update(target_id="", target_value=circle_share(first))
            if bus:
                return cov.check_coverage(facilities, self.source(served), self.twp(),
                                          radius=measure.distance_m or cov.DEFAULT_RADIUS, distance=options.pop(
                                              "distance_method"), measure=by or cov.Measure.AREA, **options)
            landuse_field = self.landuse_class_field("sandiao_dlbm") if served == "landuse" else ""
            return fc.check_facility_coverage(
                facilities, self.source(served), self.twp(), preset=key, distance_m=measure.distance_m,
                minutes=minutes, walk_speed=self.walk_speed, denominator=by, landuse_field=landuse_field, **options)
        how = tr("{preset}: {facility} ({role}) reached {way}, over {served}").format(
            preset=fc.preset(key).label, facility=measure.facility or fc.preset(key).facility, role=self.code(role),
            way=tr("along the roads ({roads})").format(roads=self.code("roads")) if along else tr("in a straight line"),
            served=self.code(served))
        if typed:
            how += " " + tr("(the facilities whose type ({field}) contains '{kind}')").format(
                field=self.facility_type_field, kind=kind)
        how = tr("{how}. {threshold}").format(how=how, threshold=fc.threshold(
            fc.preset(key), measure.distance_m or (cov.DEFAULT_RADIUS if bus else None), minutes, self.walk_speed)[1])
        return needs, (role, served, key, measure.distance_m, minutes, along, by, typed and kind), how, run

    def _plan_facility_presence(self, target):
        """A facility of the kind in every township: the townships holding one, counted or as a share."""
        needs = [("facilities",), ("townships",)]
        kind, reason = self.kind_of(target, "facilities")
        if reason:
            return needs, None, reason, None
        type_field = self.facility_type_field if kind else ""
        units = presence.unit_kinds(target.scope)

        def run(first):
            return presence.measure_facility_presence(
                self.source("facilities"), self.twp(), unit=first.unit, name_field=self.name_field,
                type_field=type_field, facility_type=kind, facilities_label=self.label("facilities"),
                townships_label=self.label("townships"), target=first, unit_kinds=units, catalogue=self.catalogue,
                feedback=self.feedback, transform_context=self.context)
        what = (tr("the facilities of {layer} whose type ({field}) contains '{kind}'").format(
            layer=self.code("facilities"), field=type_field, kind=kind) if type_field
            else tr("every facility of {layer}").format(layer=self.code("facilities")))
        how = tr("townships ({townships}) holding at least one of {what}").format(
            townships=self.code("townships"), what=what)
        if units:
            how += " " + tr("(only the {kinds}, as the scope '{scope}' says)").format(kinds="、".join(units),
                                                                                    scope=target.scope)
        return needs, (kind, type_field, target.unit, units), how, run
