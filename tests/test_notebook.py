"""notebooks/explore_reports.ipynb runs top to bottom and is stored without outputs."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "explore_reports.ipynb"


def _has(module):
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def test_notebook_is_stored_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "strip_notebook.py"), "--check", str(NOTEBOOK)],
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()


def test_strip_notebook_tool(tmp_path):
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    nb["cells"][1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["x\n"]}]
    nb["cells"][1]["execution_count"] = 3
    dirty = tmp_path / "dirty.ipynb"
    dirty.write_text(json.dumps(nb), encoding="utf-8")
    tool = [sys.executable, str(REPO / "tools" / "strip_notebook.py")]
    assert subprocess.run([*tool, "--check", str(dirty)], capture_output=True).returncode == 1
    assert subprocess.run([*tool, str(dirty)], capture_output=True).returncode == 0
    cleaned = json.loads(dirty.read_text(encoding="utf-8"))
    assert cleaned["cells"][1]["outputs"] == [] and cleaned["cells"][1]["execution_count"] is None
    assert [c["source"] for c in cleaned["cells"]] == [c["source"] for c in nb["cells"]]


@pytest.mark.slow
def test_notebook_executes_without_errors():
    for module in ("nbclient", "nbformat", "ipykernel"):
        if not _has(module):
            pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    for module in ("geomap.extract.events", "geomap.mapping", "geomap.gazetteer"):
        if not _has(module):
            pytest.skip(f"{module} is not in this checkout yet")
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # jupyter_client starts a kernel spec whose command is "python" with this
    # interpreter (sys.executable), so the kernel sees the same geomap install.
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "reports read, 0 skipped" in text and "wrote" in text
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs if o.get("output_type") in
                   ("execute_result", "display_data"))
    assert "leaflet" in html.lower()  # the map rendered inline
