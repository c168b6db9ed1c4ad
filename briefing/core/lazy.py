"""Package attributes that import their module on first use (PEP 562).

A package whose ``__init__`` would otherwise import every submodule lets a
caller that needs one name (the CLI, the editor's start-up) skip the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, where: dict[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for *package*: name → submodule in *where*."""

    def module_getattr(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{where[name]}"), name)
        namespace[name] = value
        return value

    def module_dir() -> list[str]:
        return sorted(where)

    return module_getattr, module_dir
