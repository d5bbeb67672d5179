"""Storage: one SQLite file per event, through sqlite-utils."""

from kiosk.store.database import open_database
from kiosk.store.faults import StoreError
from kiosk.store.store import Store

__all__ = ["Store", "StoreError", "open_database"]
