"""COURSE_BRIEF §1 (textbook tables 3-7 / 3-8), typed in by hand — not produced by the code."""

REVENUE = {1: 590, 2: 140, 3: 100, 4: 740, 5: 120, 6: 68, 7: 50, 8: 50, 9: 20, 10: 40,
           11: 12, 12: 40, 13: 10, 14: 20}
TOTAL = 2000
# (customer, revenue, share %, cumulative revenue, cumulative share %), table 3-8
TABLE_3_8 = [
    (4, 740, 37.0, 740, 37.0), (1, 590, 29.5, 1330, 66.5), (2, 140, 7.0, 1470, 73.5),
    (5, 120, 6.0, 1590, 79.5), (3, 100, 5.0, 1690, 84.5), (6, 68, 3.4, 1758, 87.9),
    (7, 50, 2.5, 1808, 90.4), (8, 50, 2.5, 1858, 92.9), (10, 40, 2.0, 1898, 94.9),
    (12, 40, 2.0, 1938, 96.9), (9, 20, 1.0, 1958, 97.9), (14, 20, 1.0, 1978, 98.9),
    (11, 12, 0.6, 1990, 99.5), (13, 10, 0.5, 2000, 100.0),
]
ORDER = [row[0] for row in TABLE_3_8]
# Tiers for cuts (80, 95), worked out by hand from the cumulative shares above:
# le/lt: A while cum ≤ 80 (4,1,2,5); B while cum ≤ 95 (3,6,7,8,10); 12 is at 96.9 → C,
#   but its tie partner 10 (both 40) is B, so ties="same" lifts 12 to B.
# cross: the crossing customer stays up: 3 (79.5 → 84.5) is A; 12 (94.9 → 96.9) is B.
TIERS_80_95 = {
    ("le", "order"): "AAAABBBBBCCCCC",
    ("le", "same"): "AAAABBBBBBCCCC",
    ("lt", "order"): "AAAABBBBBCCCCC",
    ("lt", "same"): "AAAABBBBBBCCCC",
    ("cross", "order"): "AAAAABBBBBCCCC",
    ("cross", "same"): "AAAAABBBBBCCCC",
}
