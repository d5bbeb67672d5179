"""Build steps pyproject.toml cannot declare.

- `resources/` (fonts, badge templates, translations, sounds, icons) is installed
  as the subpackage `kiosk.resources`, so the installed product carries it.
- The compiled translations (`.qm`) are built from the committed `.ts` files
  when the package is built, with the lrelease that PySide6 ships (a build
  requirement), never at run time in the user's folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

RESOURCES = Path("resources")


def compile_translations(target: Path) -> list[Path]:
    """Compile every `resources/i18n/*.ts` into `target/*.qm`.

    Also what `scripts/build-translations` runs for a developer's checkout,
    where `target` is `resources/i18n` itself (the .qm files are git-ignored).
    """
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for source in sorted((RESOURCES / "i18n").glob("*.ts")):
        compiled = target / source.with_suffix(".qm").name
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from PySide6.scripts.pyside_tool import lrelease; lrelease()",
                "-silent",
                str(source),
                "-qm",
                str(compiled),
            ],
            check=True,
        )
        built.append(compiled)
    return built


def resource_packages() -> dict[str, list[str]]:
    """`kiosk.resources` and each folder below it, all of whose files ship.

    Naming every folder as a package (not only the top one) is what setuptools
    asks for data folders inside a package.
    """
    folders = [RESOURCES, *sorted(p for p in RESOURCES.rglob("*") if p.is_dir())]
    return {
        ".".join(("kiosk", *folder.parts)): ["*"]
        for folder in folders
        if folder.name != "__pycache__"
    }


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            # An editable (developer) install reads resources/i18n itself, where
            # scripts/build-translations puts the .qm files.
            compile_translations(Path(self.build_lib) / "kiosk" / "resources" / "i18n")


if __name__ == "__main__":  # setuptools runs this file as __main__; scripts import from it
    RESOURCE_PACKAGES = resource_packages()
    setup(
        packages=[
            *find_packages(include=["kiosk", "kiosk.*"], exclude=["kiosk.devtools"]),
            *RESOURCE_PACKAGES,
        ],
        package_dir={"kiosk.resources": "resources"},
        package_data=RESOURCE_PACKAGES,
        # A .qm left in the tree by scripts/build-translations is rebuilt, not copied.
        exclude_package_data={name: ["*.qm", "*.pyc"] for name in RESOURCE_PACKAGES},
        cmdclass={"build_py": BuildWithTranslations},
    )
