"""Running one of the provider's algorithms in a QGIS background task.

The panel never calls an algorithm on the interface's thread: a long check
(coverage with tens of thousands of stops) would freeze QGIS. An
``AlgorithmRun`` holds together what QgsProcessingAlgRunnerTask needs alive
until it ends (the algorithm, its context and feedback), loads the result
layers into the project the way the Processing toolbox does (so the
algorithms' own post-processors, styles and value maps apply), and reports
back through Qt signals on the interface's thread.
"""
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsTask,
)
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..compat import ProcessingAlgorithmFlag
from ..i18n import tr


def algorithm_by_id(algorithm_id: str):
    """The registered algorithm, or None when its provider (or it) is not loaded."""
    return QgsApplication.processingRegistry().algorithmById(algorithm_id)


def layer_output(name: str, path: str = "", project=None) -> QgsProcessingOutputLayerDefinition:
    """An output (a file at ``path``, else a temporary layer) added to the project under ``name``
    when the run ends."""
    definition = QgsProcessingOutputLayerDefinition(path or "TEMPORARY_OUTPUT", project or QgsProject.instance())
    definition.destinationName = name
    return definition


def result_layer(value, project=None):
    """The project layer a result value (layer id or file path) stands for, or None."""
    project = project or QgsProject.instance()
    if not isinstance(value, str) or not value:
        return None
    layer = project.mapLayer(value)
    if layer is not None:
        return layer
    for candidate in project.mapLayers().values():
        if candidate.source() == value or candidate.source().split("|")[0] == value:
            return candidate
    return None


_UNDER_WAY = set()


def record_in_history(algorithm, parameters, context) -> str:
    """Put the run into Processing › History (and the toolbox's recent algorithms), as the algorithm
    dialog does: QGIS 3.22 keeps it in processing.log (ProcessingLog), 3.24+ in the history provider
    registry. Returns the Python command recorded ('' if none)."""
    from qgis.gui import QgsGui

    try:
        command = algorithm.asPythonCommand(parameters, context) or ""
    except Exception:  # noqa: BLE001 (history is a convenience: never a reason to fail a run)
        return ""
    try:
        registry = getattr(QgsGui, "historyProviderRegistry", None)
        if registry is not None and registry() is not None:
            entry = {"python_command": command, "algorithm_id": algorithm.id()}
            if hasattr(algorithm, "asMap"):
                entry["parameters"] = algorithm.asMap(parameters, context).get("inputs", {})
            registry().addEntry("processing", entry)
        elif command:
            from processing.core.ProcessingLog import ProcessingLog

            ProcessingLog.addToLog(command)
        QgsGui.instance().processingRecentAlgorithmLog().push(algorithm.id())
    except Exception:  # noqa: BLE001
        pass
    return command


class _KeptFeedback(QgsProcessingFeedback):
    """Feedback that keeps the algorithm's error messages to show in the panel,
    and passes its progress text on (QGIS 3.22 has no signal for it)."""

    textChanged = pyqtSignal(str)  # noqa: N815 (Qt's style)

    def __init__(self):
        super().__init__()
        self.errors = []

    def setProgressText(self, text):  # noqa: N802 (QGIS's name)
        super().setProgressText(text)
        self.textChanged.emit(text)  # queued to the interface's thread by Qt

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS's names)
        self.errors.append(error)
        super().reportError(error, fatalError)


class AlgorithmRun(QObject):
    """One run of an algorithm in QgsApplication.taskManager().

    Signals (on the interface's thread):
    ``progress(float)`` 0–100; ``message(str)`` the algorithm's progress text;
    ``finished(bool, dict)`` True and the results, or False and {} when the run
    failed or was cancelled (``cancelled`` and ``error`` say which).
    """

    progress = pyqtSignal(float)
    message = pyqtSignal(str)
    finished = pyqtSignal(bool, dict)

    def __init__(self, algorithm_id: str, parameters: dict, description: str = "", parent=None):
        super().__init__(parent)
        self.algorithm_id = algorithm_id
        self.algorithm = algorithm_by_id(algorithm_id)
        if self.algorithm is None:
            raise LookupError(algorithm_id)
        self.parameters = dict(parameters)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = _KeptFeedback()
        self.feedback.textChanged.connect(self.message)
        # An algorithm that must not leave the interface's thread (it renders a print
        # layout, say) runs there, as the Processing dialog does; every other one in a task.
        self.in_main_thread = bool(self.algorithm.flags() & ProcessingAlgorithmFlag.NoThreading)
        if self.in_main_thread:
            self.task = None
            self.last_status = QgsTask.TaskStatus.Queued
            self.feedback.progressChanged.connect(self.progress)
        else:
            self.task = QgsProcessingAlgRunnerTask(self.algorithm, self.parameters, self.context, self.feedback)
            self.task.setDescription(description or self.algorithm.displayName())
            self.task.executed.connect(self._executed)
            self.task.progressChanged.connect(self.progress)  # the progress bar follows the task
            # The task manager deletes the task when it ends: its last status is kept here.
            self.last_status = self.task.status()
            self.task.statusChanged.connect(self._status_changed)
        self.description = description or self.algorithm.displayName()
        self.cancelled = False
        self.error = ""
        self.results = {}
        self.done = False

    def start(self):
        _UNDER_WAY.add(self)  # alive until it ends, whatever happens to the panel
        record_in_history(self.algorithm, self.parameters, self.context)
        if self.task is not None:
            QgsApplication.taskManager().addTask(self.task)
        else:
            QTimer.singleShot(0, self._run_here)  # after the caller has connected its slots

    def _run_here(self):
        if self.feedback.isCanceled():
            self.last_status = QgsTask.TaskStatus.Terminated
            self._executed(False, {})
            return
        self.last_status = QgsTask.TaskStatus.Running
        try:
            results, ok = self.algorithm.run(self.parameters, self.context, self.feedback)
        except Exception as error:  # noqa: BLE001 (a timer slot must not raise: Qt would abort)
            self.feedback.reportError(str(error), True)
            results, ok = {}, False
        ended = ok and not self.feedback.isCanceled()
        self.last_status = QgsTask.TaskStatus.Complete if ended else QgsTask.TaskStatus.Terminated
        self._executed(ok, results or {})

    def cancel(self):
        """Ask the algorithm to stop (it checks feedback.isCanceled() between steps)."""
        if self.done or self.last_status in (QgsTask.TaskStatus.Complete, QgsTask.TaskStatus.Terminated):
            return
        self.cancelled = True
        if self.task is not None:
            self.task.cancel()
        else:
            self.feedback.cancel()

    def _status_changed(self, status):
        self.last_status = status

    def status(self):
        """QgsTask.TaskStatus.Queued, OnHold, Running, Complete or Terminated (also after the task was deleted)."""
        return self.last_status

    def _executed(self, successful, results):
        self.done = True
        if successful and not self.feedback.isCanceled():
            try:
                self._load_layers()
            except Exception as error:  # a layer that cannot be loaded is reported, not raised
                self.error = str(error)
                successful = False
        else:
            successful = False
            self.cancelled = self.cancelled or self.feedback.isCanceled()
            if not self.cancelled:
                self.error = "\n".join(self.feedback.errors) or tr(
                    "The algorithm stopped without a message; see the Processing log.")
        self.results = dict(results) if successful else {}
        _UNDER_WAY.discard(self)
        self.finished.emit(successful, self.results)

    def _load_layers(self):
        # QGIS's own loader: result layers join the project with the algorithms'
        # post-processors (styles, value maps) applied, as from the toolbox.
        from processing.gui.Postprocessing import handleAlgorithmResults

        # Keywords: QGIS 3.22 has a showResults argument (unused) that later versions dropped.
        # A feedback of its own: the loader's 0–33–66–100 % per layer must not send the panel's bar back.
        loading = _KeptFeedback()
        handleAlgorithmResults(self.algorithm, self.context, feedback=loading, parameters=self.parameters)
        if loading.errors:
            raise RuntimeError("\n".join(loading.errors))
