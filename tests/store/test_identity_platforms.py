"""The file-identity check on each kind of system this machine can stand in for:
Linux reads the header's tag through /proc/self/fd, macOS and the BSDs through
/dev/fd, and Windows (no pread, no descriptor folder) knows the file by its
device and inode alone. (Windows itself is not run here.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.store import Store, identity


@pytest.fixture
def opened(db_path: Path) -> Store:
    store = Store.open(db_path)
    identity._last_fd.clear()  # no descriptor remembered from another test
    return store


def test_the_tag_is_read_through_dev_fd_where_there_is_no_proc(
    opened: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(identity, "_FD_FOLDERS", (Path("/no/proc/here"), Path("/dev/fd")))
    assert opened.identity is not None and opened.identity.tag != 0
    now = identity.on_disk(opened.path, opened.identity)  # type: ignore[arg-type]
    assert now is not None and now.tag == opened.identity.tag
    opened.close()


def test_without_pread_the_file_is_known_by_inode_alone(
    opened: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delattr(os, "pread")
    assert opened.identity is not None and opened.path is not None
    now = identity.on_disk(opened.path, opened.identity)
    assert now is not None and now.tag == 0
    assert identity.same_file(opened.identity, now)
    # A file moved into its place is still noticed.
    opened.path.rename(tmp_path / "aside.db")
    other = Store.open(tmp_path / "other.db", create=True)
    other.close()
    (tmp_path / "other.db").rename(opened.path)
    assert not identity.same_file(opened.identity, identity.on_disk(opened.path, opened.identity))
    opened.close()
