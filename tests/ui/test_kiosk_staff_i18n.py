"""The staff screen's help-desk console speaks the kiosk's language, and follows a switch."""

from __future__ import annotations

from kiosk_ui_helpers import Roster, open_staff, search
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.console.window import DeskTabs
from kiosk.ui.flow import FlowController

ENGLISH = {
    "tabs": ["Help desk", "Overview", "Health", "Settings"],
    "buttons": [
        "Check in",
        "Undo check-in…",
        "Reprint badge",
        "Replace lost badge…",
        "Edit…",
        "Transfer…",
        "Cancel registration…",
        "Walk-in…",
        "Flag…",
    ],
    "headers": ["Name", "Organisation", "Category", "Checked in", "Code"],
    "search": "Search name, organisation, email or code",
    "filters": ["Everyone", "Checked in", "Not yet"],
    "overview": ["By category", "By session", "Last check-ins", "Needs attention"],
    "panels": ["Check again", "Undo changes", "Save settings"],
}
FRENCH = {
    "tabs": ["Accueil", "Vue d’ensemble", "État", "Réglages"],
    "buttons": [
        "Enregistrer l’arrivée",
        "Annuler l’arrivée…",
        "Réimprimer le badge",
        "Remplacer un badge perdu…",
        "Modifier…",
        "Transférer…",
        "Annuler l’inscription…",
        "Inscription sur place…",
        "Signaler…",
    ],
    "headers": ["Nom", "Organisation", "Catégorie", "Arrivée", "Code"],
    "search": "Rechercher nom, organisation, e-mail ou code",
    "filters": ["Tout le monde", "Arrivés", "Pas encore"],
    "overview": ["Par catégorie", "Par session", "Dernières arrivées", "À traiter"],
    "panels": ["Vérifier à nouveau", "Annuler les modifications", "Enregistrer les réglages"],
}


def texts(tabs: DeskTabs) -> dict[str, object]:
    """What a volunteer reads on the console, the table header as its view shows it."""
    console = tabs.console
    header = console.table.horizontalHeader()
    return {
        "tabs": [tabs.tabText(i) for i in range(tabs.count())],
        "buttons": [button.text() for button in console.buttons.values()],
        "headers": [
            header.model().headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())
        ],
        "search": console.search.placeholderText(),
        "filters": [console.state.itemText(i) for i in range(console.state.count())],
        "overview": [box.title() for box in tabs.overview.boxes],
        "panels": [
            tabs.health.again.text(),
            tabs.settings.reload_button.text(),
            tabs.settings.save_button.text(),
        ],
    }


def switch(qtbot, controller: FlowController, language: str) -> None:  # type: ignore[no-untyped-def]
    """Switch the kiosk's language; its LanguageChange events arrive through the loop."""
    assert controller.staff.tabs is not None
    model = controller.staff.tabs.console.model
    with qtbot.waitSignal(model.headerDataChanged, timeout=2000):
        controller.looks.set_language(language)


def test_switching_the_kiosk_to_french_and_back_switches_the_staff_console(
    qtbot, controller: FlowController, roster: Roster
):
    console = open_staff(qtbot, controller)
    search(qtbot, console, "omar")
    tabs = controller.staff.tabs
    assert tabs is not None
    assert texts(tabs) == ENGLISH
    assert "Email" in console.details.text.text()

    switch(qtbot, controller, "fr")
    assert texts(tabs) == FRENCH
    assert controller.staff.back_button.text() == "Retour à l’enregistrement"  # the header too
    assert "E-mail" in console.details.text.text()  # the chosen person's details, redrawn
    assert "Email" not in console.details.text.text()
    assert console.model.data(console.model.index(0, 3)) == "Pas encore"
    assert "arrivés aujourd’hui" in tabs.overview.total.text()

    switch(qtbot, controller, "en")
    assert texts(tabs) == ENGLISH
    assert "Email" in console.details.text.text()
    assert "checked in today" in tabs.overview.total.text()


def test_a_console_first_built_on_a_french_kiosk_is_french(qtbot, controller: FlowController):
    # An attendee's choice on the welcome screen lasts until welcome.
    controller.looks.set_language("fr")
    QApplication.processEvents()
    assert controller.staff.tabs is None
    console = open_staff(qtbot, controller)
    assert controller.staff.tabs is not None
    assert texts(controller.staff.tabs) == FRENCH
    assert console.details.text.text() == "Choisissez une personne dans la liste."


def test_a_language_change_while_the_staff_screen_is_closed_reaches_the_console(
    qtbot, controller: FlowController
):
    controller.looks.set_language("fr")
    open_staff(qtbot, controller)
    assert controller.staff.tabs is not None
    tabs = controller.staff.tabs
    assert texts(tabs)["tabs"] == FRENCH["tabs"]
    # Back to welcome: the next person gets the kiosk's own language (English)
    # while the console waits outside the window.
    with qtbot.waitSignal(tabs.console.model.headerDataChanged, timeout=2000):
        qtbot.mouseClick(controller.staff.back_button, Qt.MouseButton.LeftButton)
    assert tabs.window() is not controller.window
    open_staff(qtbot, controller)
    assert texts(tabs) == ENGLISH
