"""Personal data: every file the product writes is owner-only, and the log
holds ids, never names, emails or ticket codes."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from kiosk.domain.models import AttendeeStatus
from kiosk.store import Store

SAMPLES = Path(__file__).parent / "io" / "data"


def kiosk(*args: str, stdin: str = "", env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "-v", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_files_are_private_and_logs_hold_no_personal_data(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    env = {**os.environ, "KIOSK_LOG_DIR": str(logs)}
    out = tmp_path / "out"
    out.mkdir()
    db = out / "event.db"
    kiosk("demo", "--db", str(db), env=env)
    sample = next(SAMPLES.glob("eventbrite*.csv"), None)
    if sample is not None:
        kiosk("import", str(sample), "--db", str(db), env=env)
    store = Store.open(db)
    people = store.attendees(status=AttendeeStatus.ACTIVE)
    codes = "".join(f"{a.code}\n" for a in people[:30]) + "not-a-code\n"
    kiosk("scan", "--db", str(db), "--station", "door", stdin=codes, env=env)
    kiosk("undo", people[0].code, "--db", str(db), "--reason", "test", env=env)
    kiosk("export", "--db", str(db), "--format", "csv", "-o", str(out / "a.csv"), env=env)
    kiosk("export", "--db", str(db), "--format", "xlsx", "-o", str(out / "a.xlsx"), env=env)
    kiosk("export", "--db", str(db), "--format", "pdf", "-o", str(out / "register.pdf"), env=env)
    kiosk("certificates", "--db", str(db), "-o", str(out / "certs"), env=env)
    kiosk("codes", "--db", str(db), "-o", str(out / "codes"), env=env)
    kiosk("badges", "--db", str(db), "--all", "-o", str(out / "badges.pdf"), env=env)
    kiosk("backup", "--db", str(db), "-o", str(out / "backup.db"), env=env)

    written = [p for p in [*out.rglob("*"), *logs.rglob("*")] if p.is_file()]
    assert len(written) > 10
    loose = [p.name for p in written if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert loose == []

    log_text = "\n".join(p.read_text("utf-8") for p in logs.rglob("*.log*"))
    assert "scan result=checked_in" in log_text, "the log was written"
    leaks = [
        value
        for attendee in store.attendees()
        for value in (attendee.code, attendee.email, f"{attendee.first_name} {attendee.last_name}")
        if len(value) > 4 and value in log_text
    ]
    assert leaks == []


def test_log_rotates_at_start_and_stays_private(tmp_path: Path) -> None:
    from kiosk.logs import MAX_BYTES, rotate_if_large

    log = tmp_path / "kiosk.log"
    log.write_bytes(b"x" * (MAX_BYTES + 1))
    (tmp_path / "kiosk.log.1").write_text("older")
    rotate_if_large(log)
    assert not log.exists()
    assert (tmp_path / "kiosk.log.1").stat().st_size == MAX_BYTES + 1
    assert (tmp_path / "kiosk.log.2").read_text() == "older"
    env = {**os.environ, "KIOSK_LOG_DIR": str(tmp_path)}
    kiosk("init", "--db", str(tmp_path / "e.db"), "--event-name", "E", env=env)
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


NAME = ("Zoë", "Ó Briain-Quillfeather")
EMAIL = "quillfeather.zoe@example.org"


def test_errors_and_scans_about_one_person_never_put_her_name_in_the_log(tmp_path: Path) -> None:
    """User errors are logged by kind and id: their sentences, which do name
    people ("Zoë Ó Briain-Quillfeather's badge was already printed once"),
    go to the terminal only."""
    logs = tmp_path / "logs"
    env = {**os.environ, "KIOSK_LOG_DIR": str(logs), "KIOSK_SERVER": ""}
    db = tmp_path / "event.db"
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "first_name,last_name,email,organisation,category,code\n"
        f"{NAME[0]},{NAME[1]},{EMAIL},Quillfeather Clinic,Delegate,QF-0001\n"
        f"{NAME[0]},{NAME[1]},{EMAIL},Quillfeather Clinic,Delegate,QF-0001\n"  # a duplicate
        f",,{EMAIL},,Delegate,QF-0002\n",  # no name
        encoding="utf-8",
    )

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *args, "--db", str(db)],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    assert run("init", "--event-name", "Privacy").returncode == 0
    assert run("import", str(roster)).returncode == 0
    scans = run("scan", stdin="QF-0001\nQF-0001\nqf-0001\n\x07\n")
    assert "checked_in" in scans.stdout and NAME[1] in scans.stdout
    said = []
    for args in (
        ("print", "QF-0001", "--printer", "none"),
        ("print", "QF-0001", "--printer", "none"),  # refused: printed once, names her
        ("undo", "QF-0001", "--reason", f"{NAME[0]} left early"),
        ("undo", "QF-0001"),  # nothing left to undo
        ("badge", "QF-0001", "--template", "no-such-template", "-o", str(tmp_path / "b.pdf")),
        ("certificates", "--code", "QF-9999", "-o", str(tmp_path / "c.pdf")),
        ("config", "set", "organiser_name", NAME[1]),
        ("config", "set", "kiosk.result_seconds", NAME[0]),
    ):
        result = run(*args)
        said.append(result.stderr)
        assert "Traceback" not in result.stderr
    assert any(NAME[1] in sentence for sentence in said), "no error named her: proves nothing"
    # Her name in text SQLite cannot decode: errors quoting it stay off the log.
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE attendees SET last_name = CAST(? AS TEXT) WHERE code = 'QF-0001'",
        (NAME[1].encode() + b"\xff",),
    )
    conn.commit()
    conn.close()
    for args in (("export", "--format", "csv", "-o", str(tmp_path / "a.csv")), ("status",)):
        assert "Traceback" not in run(*args).stderr

    log_text = "\n".join(p.read_text("utf-8", errors="replace") for p in logs.rglob("*.log*"))
    assert "scan result=checked_in" in log_text, "the log was written"
    for secret in (NAME[0], NAME[1], "Quillfeather", EMAIL, "QF-0001"):
        assert secret not in log_text, secret
