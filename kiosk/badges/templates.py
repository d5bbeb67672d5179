"""Badge templates as data: TOML or JSON files, validated on load and parsed once.

Built-in templates live in resources/badges/templates/; organisers add their
own (or override a built-in by name) in the user's config folder under
badges/. Element boxes are [x, y, width, height] in mm from the top-left
corner of the badge.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.badges.elements import ELEMENT_PARSERS, Element, TemplateError
from kiosk.badges.fonts import BUILTIN_ROLES, FontError, load_font
from kiosk.badges.resources import badges_dir, fonts_dir
from kiosk.badges.stock import Stock, StockError, find_stock

log = logging.getLogger("kiosk.badges")

DEFAULT_TEMPLATE = "4x3in"
SUFFIXES = (".toml", ".json")
_extending = threading.local()  # templates being loaded, to catch extends loops
_TOP_KEYS = {"name", "description", "stock", "size", "extends", "fonts", "elements"}


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    description: str
    path: Path
    stock: Stock
    width: float  # the design size in mm; drawn scaled to fit other stock
    height: float
    elements: tuple[Element, ...]
    fonts: tuple[tuple[str, Path | None], ...]  # role -> primary font file (None: built-in)

    def font_path(self, role: str) -> Path | None:
        return dict(self.fonts)[role]


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    name: str
    width_mm: float
    height_mm: float
    source: str  # "built-in" or the user file's path
    description: str = ""
    stock: str = ""
    per_page: int = 1
    # One badge: the label of a sheet stock, else the page itself.
    label_width_mm: float = 0.0
    label_height_mm: float = 0.0


def builtin_dir() -> Path:
    return badges_dir() / "templates"


def user_dir() -> Path:
    from kiosk.paths import config_dir

    return config_dir() / "badges"


def _find(name: str) -> Path:
    candidate = Path(name)
    if candidate.suffix in SUFFIXES and candidate.is_file():
        return candidate
    for folder in (user_dir(), builtin_dir()):
        for suffix in SUFFIXES:
            path = folder / f"{name}{suffix}"
            if path.is_file():
                return path
    raise TemplateError(
        f"There is no badge template called {name!r}; 'kiosk templates' lists them."
    )


def load_template(name: str | None = None) -> Template:
    """The template of that name (or file path); parsed once per process and file version."""
    path = _find(name or DEFAULT_TEMPLATE).resolve()
    return _load(str(path), path.stat().st_mtime_ns)


def clear_cache() -> None:
    """Forget parsed templates (tests that write template files use this)."""
    _load.cache_clear()


def _read(path: Path) -> dict[str, Any]:
    try:
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, UnicodeDecodeError) as error:
        kind = "JSON" if path.suffix == ".json" else "TOML"
        raise TemplateError(f"{path.name}: not valid {kind} ({error})") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{path.name}: the file must hold a table of settings")
    return data


@functools.lru_cache(maxsize=64)
def _load(path_text: str, mtime_ns: int) -> Template:
    path = Path(path_text)
    data = _read(path)
    where = path.name
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise TemplateError(f"{where}: unknown setting {sorted(unknown)[0]!r}")
    base: Template | None = None
    if "extends" in data:
        parent = str(data["extends"])
        chain = getattr(_extending, "chain", [])
        if path in chain or parent == path.stem:
            raise TemplateError(f"{where}: extends {parent!r}, which leads back to {where}")
        _extending.chain = [*chain, path]
        try:
            base = load_template(parent)
        finally:
            _extending.chain = chain
    stock = _stock(data, base, where)
    width, height = _size(data, base, stock, where)
    fonts = _fonts(data, base, path)
    if "elements" in data:
        elements = _elements(data["elements"], where, width, height, {r for r, _ in fonts}, path)
    elif base is not None:
        elements = base.elements
    else:
        raise TemplateError(f"{where}: the template has no elements")
    template = Template(
        name=str(data.get("name", path.stem)),
        description=str(data.get("description", base.description if base else "")),
        path=path,
        stock=stock,
        width=width,
        height=height,
        elements=elements,
        fonts=fonts,
    )
    for role, font_file in fonts:  # fail on load, not halfway through a batch
        if font_file is not None:
            try:
                load_font(font_file)
            except FontError as error:
                raise TemplateError(f"{where}: font {role!r}: {error}") from None
    log.info("loaded badge template %s from %s", template.name, where)
    return template


def _stock(data: dict[str, Any], base: Template | None, where: str) -> Stock:
    if "stock" not in data:
        if base is None:
            raise TemplateError(f"{where}: the template names no stock")
        return base.stock
    try:
        return find_stock(str(data["stock"]))
    except StockError as error:
        raise TemplateError(f"{where}: {error}") from None


def _size(
    data: dict[str, Any], base: Template | None, stock: Stock, where: str
) -> tuple[float, float]:
    size = data.get("size")
    if size is None:
        return (base.width, base.height) if base else stock.label_size
    if (
        not isinstance(size, list)
        or len(size) != 2
        or not all(isinstance(v, int | float) and v > 0 for v in size)
    ):
        raise TemplateError(f"{where}: size must be [width, height] in mm")
    return float(size[0]), float(size[1])


def _fonts(
    data: dict[str, Any], base: Template | None, path: Path
) -> tuple[tuple[str, Path | None], ...]:
    fonts: dict[str, Path | None] = dict(base.fonts) if base else dict.fromkeys(BUILTIN_ROLES)
    declared = data.get("fonts", {})
    if not isinstance(declared, dict):
        raise TemplateError(f'{path.name}: fonts must be a table of role = "file.ttf"')
    for role, file_name in declared.items():
        candidates = [path.parent / str(file_name), fonts_dir() / str(file_name)]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise TemplateError(f"{path.name}: font {role!r}: file {file_name!r} not found")
        fonts[str(role)] = found
    return tuple(fonts.items())


def _elements(
    raw: object, where: str, width: float, height: float, roles: set[str], path: Path
) -> tuple[Element, ...]:
    if not isinstance(raw, list) or not raw:
        raise TemplateError(f"{where}: elements must be a non-empty list")
    elements = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise TemplateError(f"{where}: element {number} is not a table")
        kind = item.get("type")
        label = f"{where}: element {number} ({kind})"
        parser = ELEMENT_PARSERS.get(str(kind))
        if parser is None:
            known = ", ".join(sorted(ELEMENT_PARSERS))
            raise TemplateError(f"{where}: element {number} has unknown type {kind!r} ({known})")
        elements.append(parser(item, label, width, height, roles, path.parent))
    return tuple(elements)


def _info(template: Template, source: str) -> TemplateInfo:
    return TemplateInfo(
        name=template.name,
        width_mm=template.stock.page_width,
        height_mm=template.stock.page_height,
        source=source,
        description=template.description,
        stock=template.stock.name,
        per_page=template.stock.per_page,
        label_width_mm=template.stock.label_width,
        label_height_mm=template.stock.label_height,
    )


def list_templates() -> list[TemplateInfo]:
    """Every template by name; a user's template wins over a built-in of the same name.

    The size is the page size of the template's stock. A broken user file is
    logged and left out, so one bad file does not hide the others.
    """
    found: dict[str, TemplateInfo] = {}
    for folder, source in ((builtin_dir(), "built-in"), (user_dir(), "user")):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix not in SUFFIXES:
                continue
            try:
                template = load_template(str(path))
            except TemplateError as error:
                log.warning("badge template skipped: %s", error)
                continue
            found[path.stem] = _info(template, source if source == "built-in" else str(path))
    return sorted(found.values(), key=lambda info: info.name)


def page_size_mm(template: str | None = None, *, stock: str | None = None) -> tuple[float, float]:
    """Width and height in mm of the pages a template prints on (for choosing printer media).

    With `stock`, the size of that stock's pages, as `render_badges_pdf(..., stock=...)` makes.
    """
    if stock is not None:
        return find_stock(stock).page_size
    return load_template(template).stock.page_size
