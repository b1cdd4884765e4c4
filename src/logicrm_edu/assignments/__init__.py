"""Notebook-side bindings of the graded assignments: what test and self-check cells call."""
from .abc_tiering import AbcTiering

__all__ = ["AbcTiering"]
