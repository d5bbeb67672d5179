"""Benchmarks: each module has `run(...) -> list[dict]`; `run_all.py` prints the table."""
