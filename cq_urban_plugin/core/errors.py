"""Errors that reach the user as a message, not a traceback, and the user's cancel."""

from ..i18n import tr


class PlanInputError(Exception):
    """Bad input the user can fix: the message names the layer, the feature and the fix."""

    def __init__(self, message: str, fix: str = ""):
        self.problem = message
        self.fix = fix
        super().__init__(f"{message} {fix}".strip() if fix else message)


class CatalogueError(PlanInputError):
    """A malformed plan catalogue: the message names the file, the line and the fix."""

    def __init__(self, path, line, problem: str, fix: str):
        from pathlib import Path

        self.path = Path(path)
        self.line = line
        where = f"{self.path.name}, line {line}" if line else self.path.name
        super().__init__(f"{where}: {problem}", f"Fix: {fix}")


class Cancelled(PlanInputError):
    def __init__(self):
        super().__init__(tr("Cancelled by the user; nothing was written."))


def check_cancel(feedback):
    """Stop a run the user cancelled (between features and steps, never mid-write)."""
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()
