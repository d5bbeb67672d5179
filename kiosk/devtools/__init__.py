"""Developer tools, kept out of the installed package (see setup.py).

Screenshot scenes for the docs (scripts/screenshots, scripts/desk-screenshots)
and the throwaway PostgreSQL cluster the sync tests and benchmarks start. They
import the product; the product never imports them.
"""
