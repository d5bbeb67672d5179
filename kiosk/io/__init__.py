"""Roster import (CSV and XLSX, with presets for common registration systems)."""

from kiosk.io.errors import RosterError
from kiosk.io.merge import ImportReport, Skipped, import_roster
from kiosk.io.presets import FIELDS, FORMATS

__all__ = ["FIELDS", "FORMATS", "ImportReport", "RosterError", "Skipped", "import_roster"]
