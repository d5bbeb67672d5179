"""Badge stock: single badges and sheets, built in or from the glabels database."""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kiosk.badges.resources import badges_dir
from kiosk.badges.units import to_mm

log = logging.getLogger("kiosk.badges")


class StockError(Exception):
    """No stock of that name, or a stock definition that makes no sense."""


@dataclass(frozen=True, slots=True)
class Stock:
    """Paper with one or more labels on it. All lengths in mm, origins from the top left."""

    name: str
    description: str
    page_width: float
    page_height: float
    label_width: float
    label_height: float
    positions: tuple[tuple[float, float], ...]  # top-left corner of each label
    corner_radius: float = 0.0
    brand: str = ""
    part: str = ""
    source: str = "built-in"
    categories: tuple[str, ...] = ()

    @property
    def is_sheet(self) -> bool:
        return len(self.positions) > 1

    @property
    def per_page(self) -> int:
        return len(self.positions)

    @property
    def page_size(self) -> tuple[float, float]:
        return (self.page_width, self.page_height)

    @property
    def label_size(self) -> tuple[float, float]:
        return (self.label_width, self.label_height)


def grid(
    nx: int, ny: int, x0: float, y0: float, dx: float, dy: float
) -> tuple[tuple[float, float], ...]:
    """Label positions of a glabels-style layout, row by row from the top left."""
    return tuple((x0 + i * dx, y0 + j * dy) for j in range(ny) for i in range(nx))


def _parse_builtin(name: str, entry: dict[str, object], source: Path) -> Stock:
    def length(key: str, value: object) -> float:
        try:
            return to_mm(value)
        except ValueError as error:
            raise StockError(f"{source.name}: stock {name!r}, {key}: {error}") from None

    page = entry.get("page")
    if not isinstance(page, list) or len(page) != 2:
        raise StockError(f"{source.name}: stock {name!r} needs page = [width, height]")
    page_w, page_h = (length("page", v) for v in page)
    label = entry.get("label", page)
    if not isinstance(label, list) or len(label) != 2:
        raise StockError(f"{source.name}: stock {name!r}, label must be [width, height]")
    label_w, label_h = (length("label", v) for v in label)
    layout = entry.get("layout")
    if layout is None:
        positions: tuple[tuple[float, float], ...] = ((0.0, 0.0),)
    elif isinstance(layout, dict):
        try:
            positions = grid(
                int(layout["nx"]),
                int(layout["ny"]),
                *(length(f"layout.{k}", layout[k]) for k in ("x0", "y0", "dx", "dy")),
            )
        except KeyError as missing:
            raise StockError(f"{source.name}: stock {name!r}, layout lacks {missing}") from None
    else:
        raise StockError(f"{source.name}: stock {name!r}, layout must be a table")
    stock = Stock(
        name=name,
        description=str(entry.get("description", "")),
        page_width=page_w,
        page_height=page_h,
        label_width=label_w,
        label_height=label_h,
        positions=positions,
        corner_radius=length("round", entry.get("round", 0)),
        brand=str(entry.get("brand", "")),
        part=str(entry.get("part", "")),
    )
    check_fits(stock, source.name)
    return stock


def check_fits(stock: Stock, where: str) -> None:
    tolerance = 0.01
    for x, y in stock.positions:
        if (
            x < -tolerance
            or y < -tolerance
            or x + stock.label_width > stock.page_width + tolerance
            or y + stock.label_height > stock.page_height + tolerance
        ):
            raise StockError(f"{where}: stock {stock.name!r} has a label outside its page")


@functools.cache
def builtin_stocks() -> dict[str, Stock]:
    path = badges_dir() / "stock.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {name: _parse_builtin(name, entry, path) for name, entry in data["stock"].items()}


def _key(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().lower())


def find_stock(name: str, glabels_dir: Path | None = None) -> Stock:
    """A built-in stock by name ("avery-5395") or any stock by brand and part ("Avery 5395")."""
    stocks = builtin_stocks()
    if name in stocks:
        return stocks[name]
    wanted = _key(name)
    for stock in stocks.values():
        if wanted in (_key(stock.name), _key(f"{stock.brand} {stock.part}")):
            return stock
    from kiosk.badges.glabels import glabels_stocks

    for stock in glabels_stocks(glabels_dir).values():
        if wanted == _key(f"{stock.brand} {stock.part}"):
            return stock
    raise StockError(f"There is no badge stock called {name!r}; 'kiosk templates' lists them.")
