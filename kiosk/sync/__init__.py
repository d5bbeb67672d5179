"""Several stations, one truth: offline-first sync through a PostgreSQL hub.

A station always keeps its own SQLite copy and works alone; with a hub it
decides admissions there while the hub answers within a second, replicates
every change both ways, and falls back to deciding locally when it cannot.
See docs/sync.md.
"""

from kiosk.sync.connection import HubUnavailable, SyncSetupError, describe, resolve_server
from kiosk.sync.synced_station import SyncedStation, SyncStatus, file_status, open_synced_station

__all__ = [
    "HubUnavailable",
    "SyncSetupError",
    "SyncStatus",
    "SyncedStation",
    "describe",
    "file_status",
    "open_synced_station",
    "resolve_server",
]
