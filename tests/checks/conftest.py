import pytest

from logicrm_edu import load_dataset, synthetic_customers
from logicrm_edu.checks import configure
from logicrm_edu.fonts import use_chinese_font

from .helpers import stub_release


@pytest.fixture(autouse=True)
def _fresh_checks():
    """No self-check defaults leak between tests."""
    configure()
    yield
    configure()


@pytest.fixture(scope="session", autouse=True)
def _fonts():
    use_chinese_font()


@pytest.fixture
def changhai():
    return load_dataset("changhai")


@pytest.fixture(params=[(30, 1), (60, 7)], ids=["synthetic30", "synthetic60"])
def synthetic(request):
    n, seed = request.param
    return synthetic_customers(n, seed)


@pytest.fixture(scope="module")
def release():
    """The release notebook, solutions stubbed (see :func:`.helpers.stub_release`)."""
    return stub_release()
