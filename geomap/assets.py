"""Front-end assets for maps: CDN links online, inlined local copies offline.

An offline map must open with no network at all, so every script, stylesheet
and image it needs is read from a local copy and written into the HTML:
Leaflet (with its control images as ``data:`` URIs) and Leaflet.markercluster.
The copies come from the folder named by ``GEOMAP_ASSETS`` or from the
checkout's ``node_modules/`` (``npm install`` fills it from ``package.json``).
"""

from __future__ import annotations

import base64
import functools
import json
import mimetypes
import os
import re
from pathlib import Path

from .errors import MissingDependencyError

__all__ = ["ASSETS", "CDN_CSS", "CDN_JS", "asset_dir", "offline_head", "script_safe"]

LEAFLET_VERSION = "1.9.4"
MARKERCLUSTER_VERSION = "1.5.3"

# (package, path inside the npm package, kind) in the order the page needs them.
ASSETS = (
    ("leaflet", "dist/leaflet.css", "css"),
    ("leaflet.markercluster", "dist/MarkerCluster.css", "css"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css", "css"),
    ("leaflet", "dist/leaflet.js", "js"),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js", "js"),
)

# Online maps link the same versions from a CDN; folium links Leaflet itself.
_NPM_CDN = "https://cdn.jsdelivr.net/npm"
CDN_JS = [
    (
        "leaflet_markercluster_js",
        f"{_NPM_CDN}/leaflet.markercluster@{MARKERCLUSTER_VERSION}/dist/leaflet.markercluster.js",
    ),
]
CDN_CSS = [
    (
        "leaflet_markercluster_css",
        f"{_NPM_CDN}/leaflet.markercluster@{MARKERCLUSTER_VERSION}/dist/MarkerCluster.css",
    ),
    (
        "leaflet_markercluster_default_css",
        f"{_NPM_CDN}/leaflet.markercluster@{MARKERCLUSTER_VERSION}/dist/MarkerCluster.Default.css",
    ),
]

_FIX = (
    "run `npm install` in the geomap checkout (it reads package.json) or set "
    "GEOMAP_ASSETS to a folder holding leaflet/ and leaflet.markercluster/ "
    "as npm installs them"
)


def _candidate_roots():
    env = os.environ.get("GEOMAP_ASSETS")
    if env:
        return [("GEOMAP_ASSETS", Path(env))]
    return [("node_modules", Path(__file__).resolve().parents[1] / "node_modules")]


def _find(root, package, relpath):
    # GEOMAP_ASSETS may mirror node_modules or be a flat folder of the files.
    for path in (root / package / relpath, root / Path(relpath).name):
        if path.is_file():
            return path
    return None


def asset_dir():
    """Return the folder the offline assets are read from.

    Returns
    -------
    pathlib.Path
        ``GEOMAP_ASSETS`` when set, else the checkout's ``node_modules``.

    Raises
    ------
    MissingDependencyError
        When any needed file is missing; the message names it and the fix.
    """
    ((label, root),) = _candidate_roots()
    for package, relpath, _kind in ASSETS:
        if _find(root, package, relpath) is None:
            raise MissingDependencyError(
                f"offline maps need {package}/{relpath}, which is not in {label} ({root}); {_FIX}"
            )
    return root


_SOURCE_MAP = re.compile(r"^\s*(//[#@] sourceMappingURL=.*|/\*[#@] sourceMappingURL=.*?\*/)\s*$", re.M)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def _inline_css_urls(css, base):
    """Replace relative ``url(...)`` references by ``data:`` URIs read from ``base``."""

    def repl(match):
        target = match.group(2).strip()
        if target.startswith(("data:", "#")):
            return match.group(0)
        if re.match(r"^[a-z]+:|^//", target, re.I):
            raise MissingDependencyError(
                f"{base}: stylesheet refers to the remote resource {target!r}, "
                "which an offline map cannot load; use a build of the package without it"
            )
        path = (base / target.split("?")[0].split("#")[0]).resolve()
        if not path.is_file():
            raise MissingDependencyError(f"{base}: stylesheet refers to {target!r}, missing at {path}; {_FIX}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    return _CSS_URL.sub(repl, css)


def script_safe(text):
    """Make text safe to place between ``<script>`` or ``<style>`` tags.

    The HTML parser ends a script at ``</script`` whatever the JavaScript
    means, so every ``</`` becomes ``<\\/`` (the same string in JS and CSS
    string literals and regexes) and ``<!--`` cannot open a comment state.
    """
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _version(root, package):
    try:
        meta = json.loads((root / package / "package.json").read_text(encoding="utf-8"))
        return str(meta.get("version", "?"))
    except (OSError, ValueError):
        return "?"


@functools.lru_cache(maxsize=4)
def _offline_head_cached(root, stamp):
    parts = []
    for package, relpath, kind in ASSETS:
        path = _find(root, package, relpath)
        # Source-map comments would point devtools at files the page does not carry.
        text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
        note = f"{package} {_version(root, package)} {relpath}"
        if kind == "css":
            text = _inline_css_urls(text, path.parent)
            parts.append(f"<style>/* {note} */\n{script_safe(text)}\n</style>")
        else:
            parts.append(f"<script>/* {note} */\n{script_safe(text)}\n</script>")
    return "\n".join(parts)


def offline_head():
    """Return ``<style>`` and ``<script>`` tags inlining every asset a map needs.

    The result is cached per asset folder and file modification times.

    Returns
    -------
    str
        HTML for the page head; it references nothing over the network.

    Raises
    ------
    MissingDependencyError
        When the assets are not installed.
    """
    root = asset_dir()
    stamp = tuple(
        _find(root, package, relpath).stat().st_mtime_ns for package, relpath, _ in ASSETS
    )
    return _offline_head_cached(root, stamp)
