"""The "Plan checks" (规划校核) dock panel: the technician's daily entry point.

Pick the plan catalogue, the township layer and its name field; tag the
townships and review the match report (fix a name in place, run again); run
the built-up, bus-stop coverage and control-line checks on layers of the
project; read the results beside the plan's targets (click a row to zoom to
the township); export the thematic map.

The panel computes nothing itself: each button runs one of the provider's
Processing algorithms by id in a QGIS task (progress bar, Cancel), so the
interface never freezes and the figures are exactly those of the toolbox and
of ``qgis_process``.

This module is the dock's frame: the pickers above the tabs, the tabs, the
progress bar, Cancel and the status line, and how the tabs hand results to
each other. What the tabs share is the ``Session`` (gui/session.py); each tab
is a module of its own: gui/tag_tab.py (tagging and the match report),
gui/checks_tab.py, gui/results_tab.py, gui/maps_tab.py (the Export tab) and
gui/plan_tab.py (the whole plan in one run).
"""
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..i18n import tr
from .checks_tab import ChecksTab
from .delivery import choose_delivery
from .maps_tab import MapsTab
from .plan_tab import PlanTab
from .results_tab import ResultsTab
from .session import Session
from .tag_tab import TagTab
from .widgets import add_row, narrow_form


class PlanChecksDock(QgsDockWidget):
    """The dock panel; ``PlanChecksDock(iface, parent)`` as plugin.py builds it.

    ``session`` holds what the tabs share (the pickers above them, the run under way, the
    status line); ``tagging``, ``checks``, ``results``, ``maps`` and ``plan`` are the tabs."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Plan checks"), parent)
        self.iface = iface
        self.setObjectName("cq_urban_plan_checks_dock")
        self.session = Session(iface, self)
        self._build()
        self.session.refresh_catalogue()
        self.session.watch_choices({**self.checks.check_combos(), **self.plan.plan_combos()})
        self.session.restore_choices()

    def _build(self):
        session = self.session
        body = QWidget()
        layout = QVBoxLayout(body)

        form = narrow_form()
        add_row(form, tr("Plan catalogue"), session.catalogue_combo)
        add_row(form, tr("Township layer"), session.township_combo)
        add_row(form, tr("Name field"), session.name_field_combo)
        self.delivery_button = QPushButton(tr("From a delivery…"))
        self.delivery_button.setObjectName("from_delivery")
        self.delivery_button.setToolTip(tr("Read a survey or planning delivery (.gdb, folder of Shapefiles): its "
                                           "standard layers are added to the project and fill the layer pickers."))
        self.delivery_button.clicked.connect(lambda: choose_delivery(session))
        add_row(form, tr("Delivery"), self.delivery_button)
        layout.addLayout(form)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        # Every tab in view (no scroll arrows hiding one): the tabs share the width, with less padding.
        bar = self.tabs.tabBar()
        bar.setUsesScrollButtons(False)
        bar.setElideMode(Qt.TextElideMode.ElideNone)
        bar.setExpanding(True)
        bar.setStyleSheet("QTabBar::tab { padding: 4px 5px; min-width: 0px; }")
        self.tagging = TagTab(session, on_tagged=self._tagged)
        self.checks = ChecksTab(session, on_checked=self._checked)
        self.results = ResultsTab(session)
        self.maps = MapsTab(session)
        self.plan = PlanTab(session)
        self.tabs.addTab(self.tagging, tr("Tagging"))
        self.tabs.addTab(self.checks, tr("Checks"))
        self.tabs.addTab(self.results, tr("Results"))
        self.tabs.addTab(self.maps, tr("Export"))
        # "Plan" (整体校核): "Whole plan" and the four others are wider than a 300 px dock in English.
        self.tabs.addTab(self.plan, tr("Plan"))
        self.tabs.setTabToolTip(self.tabs.indexOf(self.plan), tr("Whole plan: every target of the catalogue that "
                                                                 "the layers can measure, in one run."))
        self.tabs.currentChanged.connect(lambda _i: self.results.fit_rows())  # widths known once shown
        layout.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(session.progress_bar, 1)
        bottom.addWidget(session.cancel_button)
        layout.addLayout(bottom)
        layout.addWidget(session.status_label)

        self.setWidget(body)

    # ------------------------------------------------- between the tabs
    def _tagged(self, layer):
        """A tagging output: the layer the Export tab maps."""
        self.maps.show_layer(layer)

    def _checked(self, outcome):
        """A check ended: its rows in the results table, its map chosen, the report linked, the results shown."""
        self.results.add_result_rows(outcome.rows, outcome.heading)
        self.maps.show_check(outcome)
        if outcome.report:
            self.session.status_label.setText(tr("{task}: done. <a href=\"{url}\">Open the report</a>").format(
                task=outcome.label, url="file://" + outcome.report))
        self.tabs.setCurrentIndex(self.tabs.indexOf(self.results))

    # ---------------------------------------------------------------- close
    def closeEvent(self, event):  # noqa: N802 (Qt's name)
        # Closing the panel does not stop a run: its results still load when it ends.
        super().closeEvent(event)
