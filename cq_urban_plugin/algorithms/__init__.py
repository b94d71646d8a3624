"""The provider's algorithms, one a file. Add a new one to ALGORITHMS."""
from .list_targets import ListTargetsAlgorithm

ALGORITHMS = [
    ListTargetsAlgorithm,
]
