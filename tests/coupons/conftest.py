"""Fixtures shared by the issuance tests: a merchant, and check-ins with no cooldown between them."""

import pytest

from tests import factories


@pytest.fixture
def no_cooldown(settings):
    """Check-ins at the same shop in quick succession are accepted (the tests move time themselves)."""
    settings.CHECKIN_COOLDOWN_MINUTES = 0


@pytest.fixture
def merchant():
    return factories.MerchantFactory()
