"""The provider's algorithms, one a file. Add a new one to ALGORITHMS."""
from .check_builtup import CheckBuiltupAlgorithm
from .check_control_lines import CheckControlLinesAlgorithm
from .check_coverage import CheckCoverageAlgorithm
from .check_delivery import CheckDeliveryAlgorithm
from .check_distance_rule import CheckDistanceRuleAlgorithm
from .check_facility_coverage import CheckFacilityCoverageAlgorithm
from .check_land_share import CheckLandShareAlgorithm
from .check_per_capita import CheckPerCapitaAlgorithm
from .check_plan import CheckPlanAlgorithm
from .convert_web_coordinates import ConvertWebCoordinatesAlgorithm
from .export_dossier import ExportDossierAlgorithm
from .export_map import ExportMapAlgorithm
from .list_targets import ListTargetsAlgorithm
from .measure_population import MeasurePopulationAlgorithm
from .read_delivery import ReadDeliveryAlgorithm
from .tag_townships import TagTownshipsAlgorithm

ALGORITHMS = [
    CheckBuiltupAlgorithm,
    CheckControlLinesAlgorithm,
    CheckCoverageAlgorithm,
    CheckFacilityCoverageAlgorithm,
    CheckPerCapitaAlgorithm,
    MeasurePopulationAlgorithm,
    CheckLandShareAlgorithm,
    CheckDistanceRuleAlgorithm,
    CheckPlanAlgorithm,
    ListTargetsAlgorithm,
    ConvertWebCoordinatesAlgorithm,
    ReadDeliveryAlgorithm,
    CheckDeliveryAlgorithm,
    ExportMapAlgorithm,
    ExportDossierAlgorithm,
    TagTownshipsAlgorithm,
]
