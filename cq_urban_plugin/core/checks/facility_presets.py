"""The facility-coverage indicators (issue 14, kind 1): the presets, each with its definition's
source, and how a walking time becomes a distance (``facility_coverage`` measures them).

- The threshold is metres, or walking minutes read one of two ways: minutes × 60 × the walking
  speed (default ``WALK_SPEED`` 1.0 m/s = 60 m a minute: GB 50180-2018 pairs the 5-minute circle
  with 300 m; it states no speed itself), or the round distances of GB 50180-2018 Table 3.0.4:
  5 min 300 m, 10 min 500 m, 15 min 800–1,000 m (800 m, the lower bound, is used).
"""
from dataclasses import dataclass
from typing import Dict, Optional

from ...i18n import tr
from ..errors import PlanInputError
from . import coverage

INDICATOR = "facility_coverage"
UNIT = coverage.UNIT
WALK_SPEED = 1.0        # m/s: 60 m a minute, GB 50180-2018's 5 minutes = 300 m (the standard states no speed)
ROUND_METRES = {5.0: 300.0, 10.0: 500.0, 15.0: 800.0}  # GB 50180-2018 Table 3.0.4 (15 min: 800–1,000 m)
RESIDENTIAL_CODES = ("0701",)  # 城镇住宅用地, in 三调 and in 用地用海分类 alike

BUS_STOP, PARK_5MIN, RAIL_800M, PARK_RADIUS, LIFE_CIRCLE_ALL = "bus_stop_500m", "park_square_5min", \
    "rail_station_800m", "park_service_radius", "life_circle_15min"
LIFE_CIRCLE = (("life_clinic_15min", "社区卫生服务", 15.0), ("life_primary_10min", "小学", 10.0),
               ("life_middle_15min", "中学", 15.0), ("life_elderly_5min", "养老", 5.0),
               ("life_culture_15min", "文化", 15.0), ("life_market_10min", "菜市场", 10.0),
               ("life_sports_15min", "体育", 15.0))


class TimeReading:
    SPEED = 0   # minutes × 60 × walking speed
    ROUND = 1   # the standard's round metres


class AccessReading:
    ON_TOP = 0  # the access width is walked on top of the threshold
    WITHIN = 1  # the access width is part of the threshold


class Denominator:
    AREA = coverage.Measure.AREA            # 0: the served area
    POPULATION = coverage.Measure.POPULATION  # 1: its population
    RESIDENTIAL = 2                         # its residential land (land-use codes)


# A catalogue measure block's denominator (core/plan/model.py Measure) as a Denominator.
_DENOMINATORS = {"area": Denominator.AREA, "built-up": Denominator.AREA, "population": Denominator.POPULATION,
                 "residential": Denominator.RESIDENTIAL}


@dataclass(frozen=True)
class Preset:
    """A facility-coverage indicator: what is reached, how far, over what, and where that comes from."""

    key: str
    label: str
    facility: str
    geometry: str = "any"              # "point", "polygon" or "any"
    distance_m: Optional[float] = None
    minutes: Optional[float] = None
    denominator: int = Denominator.AREA
    size_classes: tuple = ()           # ((minimum m², radius m), …), largest first
    min_area_m2: float = 0.0           # smaller polygons are not counted as facilities
    indicator: str = INDICATOR
    targets: tuple = ()                # catalogue target ids measured by this preset
    source: str = ""


def _gb50180():
    return tr("GB 50180-2018 《城市居住区规划设计标准》: the 5-, 10- and 15-minute life circles are 300 m, 500 m "
              "and 800–1,000 m walking distance (Table 3.0.4); the facilities each circle holds are listed in "
              "Appendix B (配套设施设置规定).")


def presets() -> Dict[str, Preset]:
    """The presets, by key, in the order the algorithm offers them."""
    items = [
        Preset(BUS_STOP, tr("公交站点500米覆盖率 (bus-stop 500 m coverage)"), tr("bus stop"), "point", 500.0,
               indicator="bus_stop_coverage", targets=("bus_stop_500m_2025",), source=tr(
                   "城区公交站点500米覆盖率 as 巫溪 states it (004_de8bb285974af80e.txt l.39): the share of the 城区 "
                   "within 500 m of a bus stop; the plan does not name the denominator, the served area's area is "
                   "used (convention).")),
        Preset(PARK_5MIN, tr("公园绿地广场步行5分钟覆盖率 (park and square 5-minute walk coverage)"),
               tr("park or square"), "any", minutes=5.0, denominator=Denominator.RESIDENTIAL, min_area_m2=400.0,
               targets=("park_walk_5min_2025",), source=tr(
                   "The target: 江津 90% by 2025 (000_5c0b1797e2e1b3c4.txt l.351; 001_c0dc96b9baef37ce.txt "
                   "l.1389). The definition: 住建部 城市体检 indicator 公园绿地广场步行5分钟覆盖率, the residential "
                   "land within a 5-minute walk (300 m) of a park, green space or square of 400 m² or more, over "
                   "all residential land."))]
    for key, name, minutes in LIFE_CIRCLE:
        items.append(Preset(key, tr("15分钟生活圈: {name} {minutes:g} min").format(name=name, minutes=minutes), name,
                            "any", minutes=minutes, denominator=Denominator.RESIDENTIAL, source=tr(
                                "{name} within a {minutes:g}-minute walk of the residents. {gb} The plans do not "
                                "name the denominator: residential land (convention).").format(
                                name=name, minutes=minutes, gb=_gb50180())))
    items += [
        Preset(LIFE_CIRCLE_ALL, tr("15分钟生活圈 (the life circle as a whole)"), tr("every type"), "any",
               denominator=Denominator.AREA, source=tr(
                   "The share reached by every facility type of the type field (TYPE_FIELD), each type by its own "
                   "life-circle preset, the type named in its value ({names}). {gb}").format(
                   names=", ".join(name for _, name, _ in LIFE_CIRCLE), gb=_gb50180())),
        Preset(RAIL_800M, tr("轨道站点800米覆盖率 (rail station 800 m coverage)"), tr("rail station"), "point", 800.0,
               source=tr("The 800 m catchment of a rail transit station (住建部《城市轨道沿线地区规划设计导则》2015, "
                         "站点影响区 within 800 m); the served area's area over the served area (convention).")),
        Preset(PARK_RADIUS, tr("公园绿地服务半径覆盖率 (park service radius coverage)"), tr("park"), "polygon",
               size_classes=((5000.0, 500.0), (2000.0, 300.0)), denominator=Denominator.RESIDENTIAL, source=tr(
                   "GB/T 50563-2010 《城市园林绿化评价标准》 公园绿地服务半径覆盖率: parks of 5,000 m² or more serve "
                   "500 m, parks of 2,000–5,000 m² serve 300 m, measured from the park's boundary, over the "
                   "residential land; smaller parks are not counted."))]
    return {p.key: p for p in items}


def preset(key: str) -> Preset:
    known = presets()
    if key not in known:
        raise PlanInputError(tr("Unknown facility-coverage preset '{key}'.").format(key=key),
                             tr("Choose one of: {keys}.").format(keys=", ".join(known)))
    return known[key]


def threshold(chosen: Preset, distance_m=None, minutes=None, walk_speed=WALK_SPEED,
              time_reading=TimeReading.SPEED):
    """(metres or None for the park-size radii, the words for the report)."""
    if distance_m is not None:
        return float(distance_m), tr("Threshold: {m:g} m.").format(m=distance_m)
    minutes = minutes if minutes is not None else chosen.minutes
    if minutes is not None:
        if time_reading == TimeReading.ROUND:
            if float(minutes) not in ROUND_METRES:
                raise PlanInputError(
                    tr("GB 50180-2018 gives round distances for 5, 10 and 15 minutes only, not {m:g}.").format(
                        m=minutes), tr("Choose the walking-speed reading, or give the distance in metres."))
            metres = ROUND_METRES[float(minutes)]
            return metres, tr("Threshold: {min:g} minutes read as {m:g} m, the round distance of GB 50180-2018 "
                              "Table 3.0.4 (5 min 300 m, 10 min 500 m, 15 min 800–1,000 m, the lower bound used)."
                              ).format(min=minutes, m=metres)
        if walk_speed is None or walk_speed <= 0:
            raise PlanInputError(tr("The walking speed must be above 0 m/s."),
                                 tr("Give WALK_SPEED in metres a second (default {v:g}).").format(v=WALK_SPEED))
        metres = float(minutes) * 60.0 * float(walk_speed)
        return metres, tr("Threshold: {min:g} minutes × 60 s × {v:g} m/s = {m:g} m (walking speed {v:g} m/s; the "
                          "default, 1.0 m/s, is GB 50180-2018's 5 minutes = 300 m; the standard's round distances "
                          "are the other reading).").format(min=minutes, v=walk_speed, m=metres)
    if chosen.distance_m is not None:
        return chosen.distance_m, tr("Threshold: {m:g} m.").format(m=chosen.distance_m)
    if chosen.size_classes:
        return None, tr("Threshold by the park's area: {classes}.").format(classes="; ".join(
            tr("≥ {a:g} m² → {r:g} m").format(a=a, r=r) for a, r in chosen.size_classes))
    raise PlanInputError(tr("No distance or walking time was given."),
                         tr("Choose a preset, or give DISTANCE (m) or MINUTES."))
