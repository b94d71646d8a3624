"""The themes a thematic map shows: what each is called, how it is drawn
(categories, classes or an overlay) and which fields it looks for."""
from dataclasses import dataclass
from typing import List, Optional, Tuple

from ...definitions import THEME_KEYS
from ...i18n import tr
from ..checks.targets import target_text, unit_text
from ..errors import CatalogueError, PlanInputError
from ..plan.catalogue import bundled_catalogue_paths, load_catalogue

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
            "land_share": tr("Land share check"),
            "per_capita": tr("Per-capita check"),
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
    # The indicator checks' townships (appended: the options before keep their numbers), drawn in
    # core.maps.result_styles' classes; several indicators share each, so no target is cited.
    Theme("land_share", GRADUATED, "", ("share", "cls_km2")),
    Theme("per_capita", GRADUATED, "", ("m2_per_cap", "land_km2")),
)
assert tuple(t.key for t in THEMES) == THEME_KEYS


def theme(key: str) -> Theme:
    for candidate in THEMES:
        if candidate.key == key:
            return candidate
    raise PlanInputError(tr("Unknown map theme '{theme}'.").format(theme=key),
                         tr("Use one of: {themes}.").format(themes=", ".join(t.key for t in THEMES)))


# --- the plan and the texts of a map ------------------------------------------

def catalogue_naming(names) -> Optional[object]:
    """The bundled catalogue naming most of ``names`` (the townships a check's output names when
    it has no ``juris`` field, such as the coverage check's served area), or None."""
    best, best_count = None, 0
    for path in bundled_catalogue_paths() if names else ():
        try:
            catalogue = load_catalogue(path)
        except CatalogueError:
            continue  # a broken bundled file is reported by its own tests, not here
        count = len(set(names) & {n for t in catalogue.townships for n in (t.name, *t.aliases)})
        if count > best_count:
            best, best_count = catalogue, count
    return best


def cite_text(catalogue, cite) -> str:
    document = catalogue.documents.get(cite.doc)
    title = f"《{document.title}》" if document else ""
    return f"{title}{cite.file or cite.doc}:{cite.line}"


def map_target(catalogue, chosen: Theme):
    """The catalogue's target of the theme's indicator (the first, as the checks choose by default)."""
    if catalogue is None or not chosen.indicator:
        return None
    return next(iter(catalogue.targets_for(chosen.indicator)), None)


def map_texts(catalogue, chosen: Theme, structure=None) -> Tuple[str, List[str], List[str]]:
    """Title, subtitle parts and citations of a map: the plan's document and the structure's
    name or the indicator's target label ("巫溪县新型城镇化实施方案（2021—2035年）：城区公交站点
    500米覆盖率"), the jurisdiction and the theme; the plan's lines. Never a layer's or a file's
    name; every word of the interface through tr()."""
    citations: List[str] = []
    jurisdiction = catalogue.name if catalogue is not None else ""
    target = map_target(catalogue, chosen)
    if structure is not None:
        document = catalogue.documents.get(structure.cite.doc)
        title = f"{document.title if document else jurisdiction}：{structure.name}"
        kind: Optional[Theme] = next((t for t in THEMES if t.structure_kind and t.structure_kind == structure.kind),
                                     None)
        subtitle_parts = [jurisdiction, (kind or theme("structure")).name]
        citations.append(cite_text(catalogue, structure.cite))
    elif target is not None:
        document = catalogue.documents.get(target.cite.doc) if target.cite is not None else None
        title = f"{document.title if document else jurisdiction}：{target.label}"
        subtitle_parts = [jurisdiction, chosen.name]
    else:
        title = f"{jurisdiction} {chosen.name}".strip()
        subtitle_parts = [jurisdiction, chosen.name]
    if catalogue is not None and chosen.indicator:
        for target in catalogue.targets_for(chosen.indicator):
            figure = target_text(target.comparison, target.value, target.value_min, target.value_max) or ""
            words = {"label": target.label, "target": figure, "unit": unit_text(target.unit),
                     "citation": cite_text(catalogue, target.cite) if target.cite is not None else ""}
            if target.year:
                citations.append(tr("{label} {target} {unit} ({year}): {citation}").format(year=target.year, **words))
            else:
                citations.append(tr("{label} {target} {unit}: {citation}").format(**words))
    return title, subtitle_parts, citations
