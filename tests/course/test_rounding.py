import pytest

from logicrm_edu.course.rounding import half_up, number_format


@pytest.mark.parametrize("value, decimals, expected", [
    (76.25, 1, 76.3),    # round() gives 76.2 (half to even)
    (0.125, 2, 0.13),    # round() gives 0.12
    (2.675, 2, 2.68),    # round() gives 2.67: 2.675 is stored as 2.67499999…
    (79.55999999999999, 2, 79.56),  # arithmetic noise is not a half
    (76.24, 1, 76.2), (0.5, 0, 1.0), (1.4795, 3, 1.48),
])
def test_half_up(value, decimals, expected):
    assert half_up(value, decimals) == expected


def test_missing_values_stay_missing():
    assert half_up(None, 1) is None
    nan = half_up(float("nan"), 1)
    assert nan != nan


def test_formats_show_the_rounded_places():
    assert [number_format(d) for d in (0, 1, 3)] == ["0", "0.0", "0.000"]
