"""Strip outputs and execution counts from Jupyter notebooks, in place.

Usage: python tools/strip_notebook.py notebooks/*.ipynb   (or --check to only report)

Notebooks are kept without outputs in git so diffs show code, not images.
Standard library only, so it runs before anything is installed.
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def strip(nb):
    """Return ``nb`` (a notebook dict) without outputs; True if it changed."""
    changed = False
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            if cell.get("outputs") or cell.get("execution_count") is not None:
                changed = True
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in ("execution", "collapsed", "scrolled"):
            if key in cell.get("metadata", {}):
                del cell["metadata"][key]
                changed = True
    for key in ("widgets", "varInspector"):
        if key in nb.get("metadata", {}):
            del nb["metadata"][key]
            changed = True
    return changed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="exit 1 if a notebook has outputs; change nothing")
    args = parser.parse_args(argv)
    dirty = []
    for path in args.paths:
        nb = json.loads(path.read_text(encoding="utf-8"))
        if strip(nb):
            dirty.append(path)
            if not args.check:
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(nb, fh, indent=1, ensure_ascii=False)
                    fh.write("\n")
                os.replace(tmp, path)
    for path in dirty:
        print(f"{path}: {'has outputs' if args.check else 'stripped'}", file=sys.stderr)
    return 1 if (args.check and dirty) else 0


if __name__ == "__main__":
    sys.exit(main())
