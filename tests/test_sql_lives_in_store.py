"""SQL lives in the storage layer: callers get typed methods, never SQL strings.

A module outside kiosk/store/ that calls execute() or holds an SQL statement
fails this test. The exceptions are the repository modules that own their
own tables (README, Design).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kiosk

PACKAGE = Path(kiosk.__file__).parent

# Relative to the package; a folder ends with '/'.
ALLOWED = (
    "store/",  # the event file's storage layer
    "printing/jobs.py",  # the print queue's own repository
    "sync/",  # the PostgreSQL hub, and sync's outbox and state in the event file
    "devtools/pg_cluster.py",  # makes throwaway PostgreSQL databases for tests
)
EXECUTE = {"execute", "executemany", "executescript"}
# Upper case on purpose: prose says "select"; a statement in this code base says SELECT.
STATEMENT = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|VIEW|INDEX|TRIGGER)\b|\bPRAGMA\s+\w+",
    re.DOTALL,
)


def sql_found(source: str) -> list[str]:
    """Each execute() call and each string holding an SQL statement, with its line."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # An f-string's literal parts are checked once, joined, as the f-string.
    parts = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in EXECUTE:
                found.append((node.lineno, f".{node.func.attr}("))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
            if STATEMENT.search(text):
                found.append((node.lineno, repr(text[:60])))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings | parts
            and STATEMENT.search(node.value)
        ):
            found.append((node.lineno, repr(node.value[:60])))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def test_no_sql_outside_the_storage_layer() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith(ALLOWED) or relative.startswith("resources/"):
            continue
        offenders += [f"{relative} {where}" for where in sql_found(path.read_text("utf-8"))]
    assert not offenders, "SQL outside kiosk/store/ (move it behind a method):\n" + "\n".join(
        offenders
    )


def test_the_guard_sees_calls_statements_and_f_strings() -> None:
    """The guard itself can fail: each kind of SQL it looks for is caught."""
    caught = sql_found(
        "conn.execute('x')\n"
        "q = 'SELECT id FROM attendees'\n"
        "r = f'UPDATE print_jobs SET state = {s}'\n"
        "s = '''INSERT OR IGNORE INTO checkins VALUES (1)'''\n"
    )
    assert [line.split(":")[0] for line in caught] == ["line 1", "line 2", "line 3", "line 4"]


def test_the_guard_leaves_prose_alone() -> None:
    prose = '"""Select a printer from the list."""\nlabel = "Update the roster, then select"\n'
    assert sql_found(prose) == []
