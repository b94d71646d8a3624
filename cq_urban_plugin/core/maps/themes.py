"""The themes a thematic map shows: what each is called, how it is drawn
(categories, classes or an overlay) and which fields it looks for."""
from dataclasses import dataclass

from ...definitions import THEME_KEYS
from ...i18n import tr
from ..errors import PlanInputError

CATEGORIZED, GRADUATED, OVERLAY = "categorized", "graduated", "overlay"


@dataclass(frozen=True)
class Theme:
    key: str
    style: str                 # CATEGORIZED | GRADUATED | OVERLAY
    structure_kind: str = ""   # catalogue structure kind holding the field (categorized themes)
    fields: tuple = ()         # field names tried when none is given
    indicator: str = ""        # catalogue target indicator cited on the map

    @property
    def name(self) -> str:
        return {
            "role": tr("Town roles"),
            "tier": tr("Town tiers"),
            "zone": tr("Planning zones"),
            "function_type": tr("Town function types"),
            "region": tr("Regions"),
            "builtup": tr("Built-up area check"),
            "coverage": tr("Bus-stop coverage check"),
            "control_lines": tr("Control-line conflicts"),
            "structure": tr("Plan structure"),
        }[self.key]


# The order is the THEME enum of cq_urban:export_map: keep it.
THEMES = (
    Theme("role", CATEGORIZED, "role", ("role",)),
    Theme("tier", CATEGORIZED, "tier", ("tier",)),
    Theme("zone", CATEGORIZED, "zone", ("zone",)),
    Theme("function_type", CATEGORIZED, "function_type", ("func_type", "function")),
    Theme("region", CATEGORIZED, "region", ("region",)),
    Theme("builtup", GRADUATED, "", ("share", "bu_km2"), "builtup_area"),
    Theme("coverage", OVERLAY, "", ("cover_pct", "coverage", "covered"), "bus_stop_coverage"),
    Theme("control_lines", OVERLAY, "", ()),
    # Any structure of a catalogue (巫溪's 田园综合体, 开州's 组团 …), its field given (FIELD).
    Theme("structure", CATEGORIZED, "", ()),
)
assert tuple(t.key for t in THEMES) == THEME_KEYS


def theme(key: str) -> Theme:
    for candidate in THEMES:
        if candidate.key == key:
            return candidate
    raise PlanInputError(tr("Unknown map theme '{theme}'.").format(theme=key),
                         tr("Use one of: {themes}.").format(themes=", ".join(t.key for t in THEMES)))
