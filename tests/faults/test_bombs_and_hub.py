"""Hostile input from outside: a zip bomb posing as a roster."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.faults


def make_bomb(path: Path) -> None:
    """A 'workbook' whose worksheet inflates to 2 GB of zeros (a few MB on disk)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b"0" * (1 << 20)
            for _ in range(2048):
                sheet.write(block)


@pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="peak memory is read from Linux's /proc"
)
def test_xlsx_bomb_is_refused_in_one_sentence_without_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "roster.xlsx"
    make_bomb(bomb)
    db = tmp_path / "event.db"
    subprocess.run(
        [sys.executable, "-m", "kiosk", "init", "--db", str(db), "--event-name", "E"], check=True
    )
    # The import runs in a child that reports its own peak memory afterwards:
    # VmHWM of its own address space, not ru_maxrss, which Linux carries over
    # from the (large, forked) test process across exec.
    child = (
        "import sys\n"
        "from kiosk.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "print(hwm[0].split()[1])\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", child, "import", str(bomb), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "would unpack to" in result.stderr
    peak_kb = int(result.stdout.split()[-1])
    assert peak_kb < 100 * 1024  # the inflated sheet was never held in memory
