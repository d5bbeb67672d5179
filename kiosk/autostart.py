"""Starting the kiosk at login, like an appliance.

On Linux this is an XDG autostart entry (honoured by GNOME, KDE, Xfce, LXQt and
most kiosk sessions). Windows and macOS get the exact command and where to put
it: writing into their start-up mechanisms from here could not be tested on
the machines this project is built on, and a half-working entry is worse than
a clear instruction.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.paths import APP_NAME, config_home

ENTRY_NAME = f"{APP_NAME}.desktop"


def kiosk_command(*arguments: str) -> list[str]:
    """The `kiosk` command with `arguments`, as this installation runs it."""
    # The standalone bundle is its own executable; an installed package is run
    # by this interpreter, whatever PATH says at login.
    frozen = getattr(sys, "frozen", False)
    program = [sys.executable] if frozen else [sys.executable, "-m", "kiosk"]
    return [*program, *arguments]


def launch_command(db: Path, station: str | None) -> list[str]:
    """The command that starts the kiosk full screen on this event file."""
    command = kiosk_command("run", "--db", str(db.resolve()))
    if station:
        command += ["--station", station]
    return command


def autostart_file() -> Path:
    return config_home() / "autostart" / ENTRY_NAME


def _exec_quote(argument: str) -> str:
    """Quote one argument of a desktop entry's Exec key (XDG desktop entry spec)."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%="):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped.replace("%", "%%")}"'


def desktop_entry(command: list[str]) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Event kiosk",
            "Comment=Self-service check-in, started at login",
            "Exec=" + " ".join(_exec_quote(part) for part in command),
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


@dataclass
class Outcome:
    """What was done, in one or more sentences for the organiser."""

    message: str
    path: Path | None = None


def install(db: Path, station: str | None, platform: str = sys.platform) -> Outcome:
    command = launch_command(db, station)
    if platform == "win32":
        line = " ".join(f'"{part}"' if " " in part else part for part in command)
        return Outcome(
            "On Windows: press Windows+R, type shell:startup and press Enter, then in that "
            f"folder make a shortcut (New > Shortcut) to:\n  {line}\n"
            "The kiosk then starts full screen whenever this user signs in."
        )
    if platform == "darwin":
        line = " ".join(f"'{part}'" if " " in part else part for part in command)
        return Outcome(
            "On macOS: open System Settings > General > Login Items and add an "
            "application that runs this command (for example an Automator "
            f"application with a 'Run Shell Script' step):\n  {line}"
        )
    path = autostart_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(desktop_entry(command), encoding="utf-8")
    return Outcome(f"The kiosk will start full screen at login on this event file ({path}).", path)


def remove(platform: str = sys.platform) -> Outcome:
    if platform == "win32":
        return Outcome("On Windows: delete the kiosk's shortcut from the shell:startup folder.")
    if platform == "darwin":
        return Outcome("On macOS: remove the kiosk from System Settings > General > Login Items.")
    path = autostart_file()
    if not path.exists():
        return Outcome("The kiosk was not set to start at login; nothing to remove.")
    path.unlink()
    return Outcome(f"The kiosk no longer starts at login ({path} removed).", path)
