"""From report text to events: cleaning, places, actors, actions, linking, merging.

Submodules are imported on demand; importing this package loads no data.
"""

__all__ = ["extract_events", "extract_document", "events_to_frame", "find_places", "PlaceMention", "merge_events"]


def __getattr__(name):
    import importlib

    where = {"extract_events": ".events", "extract_document": ".events", "events_to_frame": ".events",
             "find_places": ".places", "PlaceMention": ".places", "merge_events": ".merge"}.get(name)
    if where is None:
        raise AttributeError(f"module 'geomap.extract' has no attribute {name!r}")
    return getattr(importlib.import_module(where, __name__), name)
