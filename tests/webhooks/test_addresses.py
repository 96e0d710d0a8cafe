"""The address guard: public addresses only unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES, at registration and at every
attempt, on the address actually connected to."""

import ipaddress

import pytest

from api.problems import domain_problem
from webhooks.addresses import AddressRefused, address_is_public, webhook_target_resolve, webhook_url_check
from webhooks.errors import WebhookUrlNotAllowed


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",  # the cloud metadata service
        "100.64.0.1",  # shared (carrier-grade NAT)
        "0.0.0.0",  # noqa: S104
        "255.255.255.255",
        "224.0.0.1",
        "239.1.2.3",
        "198.18.0.1",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "ff0e::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:10.1.2.3",
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2001:db8::1",
    ],
)
def test_addresses_of_our_own_networks_are_not_public(address):
    assert not address_is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "203.0.114.7", "2606:4700:4700::1111", "2002:808:808::1"])
def test_public_unicast_addresses_are(address):
    assert address_is_public(ipaddress.ip_address(address))


def _refusal(url: str) -> WebhookUrlNotAllowed:
    with pytest.raises(WebhookUrlNotAllowed) as caught:
        webhook_url_check(url)
    return caught.value


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/",  # 127.0.0.1 as one number
        "http://0x7f.1/",
        "https://10.1.2.3/",
    ],
)
def test_registration_refuses_private_addresses_when_not_allowed(settings, url):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    error = _refusal(url)
    assert error.code == "webhook_url_not_allowed"
    assert "private network" in error.errors["url"][0]


def test_registration_allows_them_when_the_setting_does(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    webhook_url_check("http://127.0.0.1:8000/hook")
    webhook_url_check("http://localhost:8000/hook")


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.com/hook", "Only http and https"),
        ("file:///etc/passwd", "Only http and https"),
        ("http:///no-host", "Only http and https"),
        ("http://127.0.0.1:99999/", "Only http and https"),
        ("http://user:pw@127.0.0.1/hook", "user name or password"),
        ("http://user@127.0.0.1/hook", "user name or password"),
        ("http://no-such-host.invalid/hook", "could not be found"),
    ],
)
def test_registration_refuses_what_cannot_receive_webhooks(url, why):
    error = _refusal(url)
    assert why in error.errors["url"][0]


def test_https_is_required_where_the_setting_says(settings):
    settings.WEBHOOK_REQUIRE_HTTPS = True
    assert "https://" in _refusal("http://127.0.0.1/hook").errors["url"][0]
    with pytest.raises(WebhookUrlNotAllowed, match="private"):  # https passes that rule, then meets the next
        settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
        webhook_url_check("https://127.0.0.1/hook")


def test_the_refusal_is_a_400_problem_with_a_stable_code(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    error = _refusal("http://127.0.0.1/hook")
    body = domain_problem(error)
    assert (body["status"], body["code"], body["title"]) == (400, "webhook_url_not_allowed", "Webhook URL not allowed")
    assert body["errors"]["url"] == [body["detail"]]


def test_at_delivery_time_the_target_is_the_checked_address_with_the_name_for_host_and_tls(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    target = webhook_target_resolve("http://localhost:8123/in?x=1")
    assert target.addresses and all(ipaddress.ip_address(a).is_loopback for a in target.addresses)
    assert (target.host, target.port, target.path) == ("localhost", 8123, "/in?x=1")
    assert target.host_header == "localhost:8123"
    assert webhook_target_resolve("https://127.0.0.1/").host_header == "127.0.0.1"
    assert webhook_target_resolve("http://[::1]:81/").host_header == "[::1]:81"


def test_at_delivery_time_a_name_resolving_to_a_private_address_is_refused(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(AddressRefused) as caught:
        webhook_target_resolve("http://localhost:8123/in")
    assert caught.value.reason == "address not allowed"
    with pytest.raises(AddressRefused) as caught:
        webhook_target_resolve("http://no-such-host.invalid/")
    assert caught.value.reason == "name not resolved"
