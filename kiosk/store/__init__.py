"""Storage: one SQLite file per event, through sqlite-utils."""

from kiosk.store.database import StoreError, open_database
from kiosk.store.store import Store

__all__ = ["Store", "StoreError", "open_database"]
