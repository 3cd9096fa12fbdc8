"""Browser fixtures: the portal fixture site served on 127.0.0.1 and Debian's Chromium.

Other engineers' browser tests can reuse `site_url`, `browser` and `page`.
"""

import os

import pytest

from press.browser import CHROMIUM, chromium, serve


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    # The same rule as tests/conftest.py's IN_CI (this file shadows the name `conftest`).
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return  # in CI the tests run and fail loudly: .ci/run installs chromium
    reason = (
        f"BROWSER TESTS SKIPPED: {CHROMIUM} is missing. Install Debian's chromium "
        "(apt-get install -y chromium), as .ci/run does, to run them."
    )
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def site_url(portal_site):
    """Base URL (no trailing slash) of the built portal fixture site."""
    with serve(portal_site.root) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser):
    # The site's <meta> CSP forbids eval(), which Playwright's string predicates
    # (wait_for_function) use; test_search checks the site itself under the CSP.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(5000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def sample_url(sample_site):
    """Base URL (no trailing slash) of the built sample site (content/, six language trees)."""
    with serve(sample_site.root) as base:
        yield base
