"""A throwaway PostgreSQL hub for the sync tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import Hub, new_hub

from kiosk.devtools.pg_cluster import TemporaryCluster, unavailable_reason


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TemporaryCluster]:
    reason = unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
    with TemporaryCluster() as cluster:
        yield cluster


@pytest.fixture
def hub(pg_cluster: TemporaryCluster, tmp_path: Path) -> Hub:
    """A hub database holding a 600-attendee event published from desk.db."""
    return new_hub(pg_cluster, tmp_path, 600)
