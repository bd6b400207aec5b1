"""Turning what an agent returns into the action's JSON."""

import json
import math
from typing import Any


def _plain(value: Any) -> Any:
    """numpy arrays and scalars (and tuples) as plain lists and numbers; anything else unchanged."""
    if hasattr(value, "tolist") and callable(value.tolist):  # numpy array or numpy scalar
        return value.tolist()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def has_non_finite(value: Any) -> bool:
    """Whether a NaN or an infinity hides anywhere in ``value``."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, list):
        return any(has_non_finite(v) for v in value)
    if isinstance(value, dict):
        return any(has_non_finite(v) for v in value.values())
    return False


def to_json_action(action: Any) -> Any:
    """The action as JSON-able plain Python; raises TypeError for what JSON cannot carry.

    NaN and infinities are kept (the server answers them with INVALID_ACTION, which says what was
    wrong); the client logs them before sending.
    """
    plain = _plain(action)
    json.dumps(plain)  # TypeError now, with the offending type, rather than a dead frame later
    return plain
