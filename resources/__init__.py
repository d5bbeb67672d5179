"""Files the product reads at run time: fonts, badge templates, translations, sounds, icons.

This folder is installed as the package `kiosk.resources` (see setup.py) and read
through `kiosk.paths.resource_dir()`, so an installed copy finds it wherever it lives.
"""
