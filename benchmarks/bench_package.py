"""What a user downloads and how fast it starts: wheel, bundle, bundled cold start.

.venv/bin/python -m benchmarks.bench_package [--runs 7]

Targets (issue 12): the bundle under 250 MB unpacked on Linux; the bundled
`kiosk run --smoke` (start to the first painted frame) no slower than 1.5x the
same command from the virtual environment, measured side by side here.
The bundle's size is shown beside its floor: the same bundle less the
product's own files (Python, Qt and the libraries), so the ratio says what
the product adds; the bundled cold start beside the same command from the
virtual environment, alternated run by run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from benchmarks.stats import floor_row, value_row

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "event-kiosk"
MB = 1_000_000


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_wheel(out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("event_kiosk-*.whl"))


def build_bundle() -> Path:
    subprocess.run(
        [str(ROOT / "scripts" / "package")],
        env={**os.environ, "PYTHON": sys.executable},
        check=True,
        capture_output=True,
    )
    return BUNDLE


def smoke_seconds(command: list[str], db: Path, home: Path) -> float:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_LOG_DIR": str(home / "logs"),
    }
    started = time.perf_counter()
    subprocess.run([*command, "run", "--db", str(db), "--smoke"], env=env, check=True, cwd=home)
    return time.perf_counter() - started


def run(runs: int = 7) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        wheel = build_wheel(home / "wheel")
        with zipfile.ZipFile(wheel) as archive:
            own = sum(i.file_size for i in archive.infolist() if "/resources/" not in i.filename)
        wheel_row = value_row("wheel (download)", wheel.stat().st_size / MB, "—", "MB")
        rows.append(wheel_row | {"note": f"code {own / MB:.1f} MB uncompressed; the rest fonts"})

        bundle = build_bundle()
        total = folder_size(bundle)
        product = folder_size(bundle / "_internal" / "kiosk")
        rows.append(
            floor_row(
                "standalone bundle on disk (Linux)",
                total / MB,
                (total - product) / MB,
                "≤ 250 MB",
                "",
                "MB",
                floor_name="the same bundle without the product's own files",
            )
        )

        venv_kiosk = Path(sys.executable).with_name("kiosk")
        bundled_kiosk = bundle / "kiosk"
        db = home / "event.db"
        subprocess.run([str(venv_kiosk), "demo", "--db", str(db)], check=True, capture_output=True)
        # Alternate the two, after one unmeasured start of each (disk cache).
        venv_times, bundle_times = [], []
        for command in ([str(venv_kiosk)], [str(bundled_kiosk)]):
            smoke_seconds(command, db, home)
        for _ in range(runs):
            venv_times.append(smoke_seconds([str(venv_kiosk)], db, home))
            bundle_times.append(smoke_seconds([str(bundled_kiosk)], db, home))
        rows.append(
            floor_row(
                f"cold start to the first painted frame, bundled app (p50 of {runs})",
                statistics.median(bundle_times),
                statistics.median(venv_times),
                "—",
                "≤ 1.5×",
                "ms",
                floor_name="kiosk run --smoke from the virtual environment",
                p50=True,
            )
        )
    shutil.rmtree(ROOT / "build" / "package" / "pyinstaller", ignore_errors=True)
    return rows


if __name__ == "__main__":
    from benchmarks.run_all import format_rows

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    print(format_rows(run(parser.parse_args().runs)))
