"""Write an events GeoDataFrame (or a map) to disk, atomically.

Every output is first written into a hidden temporary folder beside the
target and then moved over it with :func:`os.replace`, so an interrupted run
never leaves a half-written file and never damages an existing one.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["SUPPORTED_OUTPUTS", "output_format", "write_events", "save_map", "atomic_path"]

SUPPORTED_OUTPUTS = {
    ".geojson": "GeoJSON",
    ".gpkg": "GeoPackage",
    ".csv": "CSV",
    ".parquet": "GeoParquet",
}


def output_format(path):
    """Return the output format for ``path``'s extension.

    Raises
    ------
    OutputError
        For an extension geomap cannot write; the message names the supported ones.
    """
    suffix = Path(path).suffix.lower()
    if suffix in SUPPORTED_OUTPUTS:
        return SUPPORTED_OUTPUTS[suffix]
    hint = " (for an HTML map use `geomap map ... -o map.html`)" if suffix in (".html", ".htm") else ""
    raise OutputError(
        f"{path}: cannot write events as {suffix or 'a file without extension'}; "
        f"use one of {', '.join(SUPPORTED_OUTPUTS)}{hint}"
    )


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path beside ``path``; on success move it over ``path``.

    On any error the temporary file is removed and ``path`` is left as it was.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmpdir = tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here ({exc.strerror or exc}); choose a writable folder") from exc
    tmp = Path(tmpdir) / target.name
    try:
        yield tmp
        if not tmp.exists():
            raise OutputError(f"{target}: the writer produced no file")
        os.replace(tmp, target)
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(f"{target}: cannot write it ({exc.strerror or exc}); check the folder and free space") from exc
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def write_events(frame, path):
    """Write events to ``path``, choosing the format from its extension.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        Events (any CRS; written as WGS84 longitude/latitude). Rows without a
        location keep a null geometry.
    path : str or os.PathLike
        ``.geojson`` (RFC 7946 FeatureCollection), ``.gpkg`` (GeoPackage layer
        ``events``), ``.csv`` (geometry as WKT plus ``lon``/``lat`` of a
        representative point) or ``.parquet`` (GeoParquet; needs pyarrow).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    OutputError
        Unknown extension, or the file cannot be written.
    """
    fmt = output_format(path)
    frame = _prepare(frame)
    writer = {"GeoJSON": _geojson, "GeoPackage": _gpkg, "CSV": _csv, "GeoParquet": _parquet}[fmt]
    if fmt == "GeoParquet":
        from ._compat import import_optional

        import_optional("pyarrow", purpose="GeoParquet output", extra="parquet")
    with atomic_path(path) as tmp:
        try:
            writer(frame, tmp)
        except (ValueError, TypeError, RuntimeError) as exc:
            raise OutputError(f"{path}: cannot write the events as {fmt} ({exc})") from exc
    return Path(path)


def save_map(m, path):
    """Save a map (anything with ``.save(path)``, such as a ``folium.Map``) atomically.

    Returns
    -------
    pathlib.Path
    """
    suffix = Path(path).suffix.lower()
    if suffix not in (".html", ".htm"):
        raise OutputError(f"{path}: a map is an HTML page; name the output with .html (e.g. map.html)")
    with atomic_path(path) as tmp:
        m.save(str(tmp))
    return Path(path)


# ---------------------------------------------------------------- formats


def _prepare(frame):
    import geopandas as gpd

    if not isinstance(frame, gpd.GeoDataFrame):
        raise OutputError(f"write_events needs a GeoDataFrame, not {type(frame).__name__}")
    frame = frame.copy()
    if frame.crs is None:
        frame = frame.set_crs(4326)
    elif frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    geom = frame.geometry
    # An empty geometry means "no location": store null, as RFC 7946 expects.
    frame[geom.name] = geom.where(~(geom.isna() | geom.is_empty), None)
    frame.attrs = {}
    return frame


def _jsonable(value):
    if isinstance(value, (list, tuple, dict, set)):
        return json.dumps(list(value) if isinstance(value, (tuple, set)) else value, ensure_ascii=False, default=str)
    return value


def _flatten(frame):
    """Turn list/dict cells into JSON text: table formats hold scalars only."""
    geom_name = frame.geometry.name
    for col in frame.columns:
        if col != geom_name and frame[col].dtype == object:
            frame[col] = frame[col].map(_jsonable)
    return frame


def _clean(value):
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            return _clean(value.item())
        except (ValueError, AttributeError):
            pass
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if value is not None and not isinstance(value, (str, int, float, bool)):
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
        return str(value)
    return value


def _geojson(frame, tmp):
    import shapely
    from shapely.geometry import mapping

    # RFC 7946 section 3.1.6: exterior rings counterclockwise, holes clockwise.
    geoms = frame.geometry.values
    located = ~frame.geometry.isna().to_numpy()
    frame[frame.geometry.name] = frame.geometry.where(~located, shapely.orient_polygons(geoms, exterior_cw=False))

    geom_name = frame.geometry.name
    props = [c for c in frame.columns if c != geom_name]
    features = []
    for row in frame.itertuples(index=False, name=None):
        values = dict(zip(frame.columns, row))
        g = values[geom_name]
        features.append(
            {
                "type": "Feature",
                "properties": {c: _clean(values[c]) for c in props},
                "geometry": mapping(g) if g is not None else None,
            }
        )
    doc = {"type": "FeatureCollection", "features": features}
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, allow_nan=False)
        fh.write("\n")


def _gpkg(frame, tmp):
    frame = _flatten(frame)
    if len(frame) == 0:
        # GDAL needs a geometry type to create an empty layer
        frame.to_file(tmp, driver="GPKG", layer="events", engine="pyogrio", geometry_type="Unknown")
    else:
        frame.to_file(tmp, driver="GPKG", layer="events", engine="pyogrio")


def _csv(frame, tmp):
    frame = _flatten(frame)
    geom = frame.geometry
    table = frame.drop(columns=geom.name)
    located = geom.notna()
    if "lon" not in table.columns and "lat" not in table.columns:
        points = geom[located].representative_point()
        table["lon"] = None
        table["lat"] = None
        table.loc[located, "lon"] = points.x.round(6)
        table.loc[located, "lat"] = points.y.round(6)
    table["geometry"] = geom.to_wkt().where(located, None)
    table.to_csv(tmp, index=False, encoding="utf-8")


def _parquet(frame, tmp):
    _flatten(frame).to_parquet(tmp, index=False)
