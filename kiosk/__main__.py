"""`python -m kiosk`, and the entry point of the standalone bundle (scripts/package)."""

from __future__ import annotations

import multiprocessing
import sys

from kiosk.cli import main

if __name__ == "__main__":
    # In the frozen bundle a worker process (parallel badge rendering) starts
    # this same executable; freeze_support() turns it into the worker.
    multiprocessing.freeze_support()
    sys.exit(main())
