"""The translations rule (core/translations.py): what a valid `translations` object is, and the read with fallback in
Python, as an ORM expression and as SQL, which must agree."""

import pytest
from django.db import connection
from django.utils import translation

from core.errors import ValidationFailed
from core.translations import (
    language_current,
    language_supported,
    translated,
    translated_expression,
    translated_sql,
    translation_languages,
)
from coupons.campaigns import CAMPAIGN_TEXTS
from coupons.models import Campaign
from merchants.models import Merchant
from merchants.services import MERCHANT_TEXTS
from tests.factories import CampaignFactory, MerchantFactory


def errors_of(texts, value) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        texts.clean(value)
    return caught.value.errors


def test_languages_are_the_settings_languages_in_lower_case():
    assert translation_languages() == ("ko", "en", "ja", "zh-hans")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh-Hans", "zh-hans"), ("ZH-HANS", "zh-hans"), ("ja-JP", "ja"), ("en_US", "en"), ("ko", "ko"), ("fr", None)],
)
def test_language_codes_are_matched_without_case_and_by_their_generic_part(code, expected):
    assert language_supported(code) == expected


def test_the_fields_and_their_lengths_come_from_the_models():
    assert dict(MERCHANT_TEXTS.max_lengths) == {"name": 120, "address": 255}
    assert dict(CAMPAIGN_TEXTS.max_lengths) == {"title": 120, "description": 2000}
    assert CAMPAIGN_TEXTS.multiline == {"description"}


def test_a_valid_object_is_normalised():
    cleaned = MERCHANT_TEXTS.clean({"zh-Hans": {"name": "  铁山面包店 "}, "ja": {"address": "光明市"}, "en": {}})
    assert cleaned == {"zh-hans": {"name": "铁山面包店"}, "ja": {"address": "光明市"}}
    assert MERCHANT_TEXTS.clean({}) == {}


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ([], "translations"),
        ("en", "translations"),
        (None, "translations"),
        ({"fr": {"name": "Boulangerie"}}, "translations"),
        ({"english": {"name": "Bakery"}}, "translations"),
        ({"en": "Bakery"}, "translations.en"),
        ({"en": ["Bakery"]}, "translations.en"),
        ({"en": {"name": "Bakery"}, "EN": {"name": "Bakery"}}, "translations.en"),
        ({"en": {"title": "Bakery"}}, "translations.en"),
        ({"en": {"name": 7}}, "translations.en.name"),
        ({"en": {"name": None}}, "translations.en.name"),
        ({"en": {"name": ["Bakery"]}}, "translations.en.name"),
        ({"en": {"name": ""}}, "translations.en.name"),
        ({"en": {"name": "   "}}, "translations.en.name"),
        ({"en": {"name": "x" * 121}}, "translations.en.name"),
        ({"en": {"address": "x" * 256}}, "translations.en.address"),
        ({"en": {"name": "Bake\x00ry"}}, "translations.en.name"),
        ({"en": {"name": "Bake\x07ry"}}, "translations.en.name"),
        ({"en": {"name": "Bakery\nOne"}}, "translations.en.name"),
        ({"en": {"name": "Bake\x9bry"}}, "translations.en.name"),
    ],
)
def test_each_bad_shape_is_refused_under_translations(value, key):
    errors = errors_of(MERCHANT_TEXTS, value)
    assert list(errors) == [key]
    assert all(isinstance(message, str) and message for message in errors[key])


def test_messages_never_quote_what_was_sent():
    errors = errors_of(MERCHANT_TEXTS, {"x" * 500: {"name": "a"}, "en": {"y" * 500: "b"}})
    assert set(errors) == {"translations", "translations.en"}
    assert "xxx" not in str(errors) and "yyy" not in str(errors)


def test_every_problem_is_reported_at_once():
    errors = errors_of(MERCHANT_TEXTS, {"en": {"name": ""}, "ja": {"address": "x" * 300}})
    assert set(errors) == {"translations.en.name", "translations.ja.address"}


def test_lengths_are_the_fields_own_and_a_description_may_span_lines():
    assert MERCHANT_TEXTS.clean({"en": {"name": "x" * 120, "address": "y" * 255}})["en"]["name"] == "x" * 120
    long_description = "line one\n\tline two " * 100
    cleaned = CAMPAIGN_TEXTS.clean({"ja": {"description": long_description[:2000]}})
    assert cleaned["ja"]["description"] == long_description[:2000].strip()
    assert list(errors_of(CAMPAIGN_TEXTS, {"ja": {"title": "a\nb"}})) == ["translations.ja.title"]
    assert list(errors_of(CAMPAIGN_TEXTS, {"ja": {"description": "x" * 2001}})) == ["translations.ja.description"]


def test_messages_are_translated():
    with translation.override("ko"):
        korean = errors_of(MERCHANT_TEXTS, {"en": {"name": ""}})["translations.en.name"][0]
    with translation.override("en"):
        english = errors_of(MERCHANT_TEXTS, {"en": {"name": ""}})["translations.en.name"][0]
    assert english.startswith("Must not be empty")
    assert korean != english


TRANSLATIONS = {
    "en": {"name": "Cheolsan Bakery"},
    "ja": {"name": "チョルサン・ベーカリー", "address": "光明市 鉄山路 12"},
}


@pytest.mark.parametrize(
    ("language", "name", "address"),
    [
        ("en", "Cheolsan Bakery", "경기도 광명시 철산로 12"),  # the address falls back on its own
        ("ja", "チョルサン・ベーカリー", "光明市 鉄山路 12"),
        ("ko", "철산 베이커리", "경기도 광명시 철산로 12"),
        ("zh-hans", "철산 베이커리", "경기도 광명시 철산로 12"),
    ],
)
def test_the_read_falls_back_per_field(language, name, address):
    original = {"name": "철산 베이커리", "address": "경기도 광명시 철산로 12"}
    assert translated(TRANSLATIONS, "name", original["name"], language) == name
    assert translated(TRANSLATIONS, "address", original["address"], language) == address


def test_the_read_follows_the_active_language_and_tolerates_odd_stored_values():
    with translation.override("ja"):
        assert language_current() == "ja"
        assert translated(TRANSLATIONS, "name", "원래") == "チョルサン・ベーカリー"
    with translation.override("zh-Hans"):
        assert language_current() == "zh-hans"
        assert translated({"zh-hans": {"name": "铁山"}}, "name", "원래") == "铁山"
    # Rows written before validation existed (or by hand) never break a read.
    for odd in (None, {}, {"en": "x"}, {"en": {"name": ""}}, {"en": {"name": 3}}):
        assert translated(odd, "name", "원래", "en") == "원래"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ja", "ko", "zh-hans", None])
def test_sql_and_orm_expression_agree_with_python(language):
    translated_merchant = MerchantFactory(name="철산 베이커리", address="철산로 12", translations=TRANSLATIONS)
    plain = MerchantFactory(name="하안 커피", address="하안로 208")
    odd = MerchantFactory(name="소하 분식", address="소하로 1", translations={"en": {"name": ""}})
    merchants = [translated_merchant, plain, odd]
    ids = [m.pk for m in merchants]
    sql = (
        f"SELECT {translated_sql(alias='m', field='name')}, {translated_sql(alias='m', field='address')} "
        "FROM merchants_merchant m WHERE m.id = ANY(%(ids)s) ORDER BY m.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"lang": language, "ids": ids})
        from_sql = cursor.fetchall()
    with translation.override(language):
        from_orm = list(
            Merchant.objects.filter(pk__in=ids)
            .order_by("id")
            .values_list(translated_expression("name"), translated_expression("address"))
        )
    expected = [
        (
            translated(m.translations, "name", m.name, language),
            translated(m.translations, "address", m.address, language),
        )
        if language
        else (m.name, m.address)
        for m in merchants
    ]
    assert from_sql == from_orm == expected


@pytest.mark.django_db
def test_orm_expression_follows_a_relation():
    campaign = CampaignFactory(title="첫 방문 무료", translations={"en": {"title": "Free on your first visit"}})
    with translation.override("en"):
        titles = Campaign.objects.filter(pk=campaign.pk).values_list(
            translated_expression("name", prefix="merchant__"), translated_expression("title")
        )
        assert list(titles) == [(campaign.merchant.name, "Free on your first visit")]
