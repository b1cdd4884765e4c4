"""Grading across the kernel boundary: the student's answers leave the student's kernel as
plain JSON data (:mod:`.answers`, charts as :mod:`.chart_description`), and the trusted
grader judges only what it rebuilt from that data.
"""
