"""Command lines for the grader's helper processes (batch workers, sandbox zygotes).

They run ``python -c BOOTSTRAP``: the bootstrap drops the working folder from
``sys.path`` (as ipykernel_launcher does; IPython adds it back in kernels),
registers the ``logicrm_edu`` package without executing its ``__init__`` (which
imports pandas and matplotlib and sets matplotlib's fonts for the students'
library), then calls ``module:function(argv)``.  A worker thus skips ~1.5 s of
imports it never uses; a zygote forgets the bare package and imports the whole
of it for its kernels (:mod:`.zygote`).
"""
from __future__ import annotations

import os
import sys

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_BOOTSTRAP = """
import sys
if sys.path and sys.path[0] == "":
    del sys.path[0]
import importlib, importlib.util, os
folder, target = sys.argv[1], sys.argv[2]
del sys.argv[1:3]
spec = importlib.util.spec_from_file_location(
    "logicrm_edu", os.path.join(folder, "__init__.py"), submodule_search_locations=[folder])
sys.modules["logicrm_edu"] = importlib.util.module_from_spec(spec)
module, function = target.split(":")
sys.exit(getattr(importlib.import_module(module), function)(sys.argv[1:]))
"""


def python_command(target: str, *arguments: str) -> list[str]:
    """The command that runs ``target`` (``"package.module:function"``) with ``arguments``."""
    return [sys.executable, "-c", _BOOTSTRAP, PACKAGE_DIR, target, *map(str, arguments)]


def forget_package() -> None:
    """Drop logicrm_edu and its loaded submodules from ``sys.modules`` (the zygote does
    this, so that a kernel's ``import logicrm_edu`` runs the package as usual)."""
    for name in [n for n in sys.modules if n == "logicrm_edu" or n.startswith("logicrm_edu.")]:
        del sys.modules[name]
