"""Handing a notebook's answers from the student's kernel to the grader, as data.

The grader runs :func:`request_code` in the kernel right where a test cell
stands; the kernel displays the named variables, each described by
:func:`~.answers.describe` as its own JSON text (so each answer has its own
size limit), under :data:`MIME` as ``{"answers": {name: text}}``.  The grader
reads that output with :func:`received` and rebuilds plain objects; a name the
notebook never assigned, or anything the kernel sends instead of a well-formed
answer, simply becomes a missing or unreadable answer.
"""
from __future__ import annotations

import json

from .answers import describe, from_json, rebuild, to_json

MIME = "application/vnd.logicrm.answers+json"
# seconds the kernel gets to hand over a test cell's answers (at least the minimum, even
# when the notebook's time is up)
HANDOVER_TIMEOUT, HANDOVER_MINIMUM = 30, 5


def hand_over(names: list[str], namespace: dict) -> None:
    """In the kernel: display the answers ``names`` of ``namespace`` for the grader.

    Published by the kernel's display publisher class itself, so that display hooks
    a notebook installs (which only change what its own cells show) do not swallow it."""
    from IPython import get_ipython
    from ipykernel.zmqshell import ZMQDisplayPublisher

    answers = {name: to_json(describe(namespace[name])) for name in names if name in namespace}
    shell = get_ipython()
    ZMQDisplayPublisher.publish(shell.display_pub, {MIME: json.dumps({"answers": answers})}, {})


def request_code(names: list[str]) -> str:
    """The line the grader runs in the kernel (it binds no name in the notebook)."""
    return (f"__import__('logicrm_edu.grading.handover', fromlist=['hand_over'])"
            f".hand_over({list(names)!r}, globals())")


def received(outputs: list, names: list[str]) -> tuple[dict, dict]:
    """The answers found in the outputs of :func:`request_code`: (name → rebuilt value,
    name → the answer's JSON text as handed over); names absent from the reply are
    left out."""
    for output in outputs:
        data = output.get("data") if output.get("output_type") == "display_data" else None
        if isinstance(data, dict) and isinstance(data.get(MIME), str):
            try:
                answers = json.loads(data[MIME]).get("answers")
            except (ValueError, AttributeError, RecursionError):
                return {}, {}
            if not isinstance(answers, dict):
                return {}, {}
            texts = {name: answers[name] for name in names
                     if name in answers and isinstance(answers[name], str)}
            return {name: rebuild(from_json(text)) for name, text in texts.items()}, texts
    return {}, {}
