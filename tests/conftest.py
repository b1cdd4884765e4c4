import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from logicrm_edu import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _clean_state():
    """Every test starts in Chinese with no open figures."""
    i18n.set_language(None)
    yield
    i18n.set_language(None)
    plt.close("all")
