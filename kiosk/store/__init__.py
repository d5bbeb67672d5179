"""Storage: one SQLite file per event (plain sqlite3, sqlite-utils where the README says)."""

from kiosk.store.database import open_database
from kiosk.store.faults import StoreError
from kiosk.store.store import Store

__all__ = ["Store", "StoreError", "open_database"]
