"""Importing nbgrader without a cost it never needs.

nbgrader imports jupyter_server, whose jsonschema pulls in ``rfc3987_syntax``,
which compiles a lark grammar at import (~2.5 s) for jsonschema's optional
"iri" format check.  Nothing here checks formats (nbformat, nbconvert, nbclient
and nbgrader validate without a format checker), and jsonschema skips that
checker when the import fails.  Call :func:`skip_iri_grammar` before nbgrader
is imported; this module imports nothing heavy itself.
"""
import sys


def skip_iri_grammar() -> None:
    sys.modules.setdefault("rfc3987_syntax", None)
