"""The demo ships Korean originals with English and Japanese translations of its shops and campaigns."""

import pytest

from demo import loader
from demo.translations import CAMPAIGN_TRANSLATIONS, SHOP_TRANSLATIONS, demo_translations_apply

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def test_every_demo_shop_and_campaign_has_english_and_japanese():
    titles = [campaign[1] for campaign in loader.DEMO_CAMPAIGNS + loader.DEMO_HISTORY_CAMPAIGNS]
    titles += [f"[데모] {title}" for title in loader._RANDOM_TITLES]
    assert set(SHOP_TRANSLATIONS) == {shop[0] for shop in loader.DEMO_SHOPS}
    assert set(CAMPAIGN_TRANSLATIONS) == set(titles)
    for translations in SHOP_TRANSLATIONS.values():
        assert {language: set(texts) for language, texts in translations.items()} == {
            "en": {"name", "address"},
            "ja": {"name", "address"},
        }
    for translations in CAMPAIGN_TRANSLATIONS.values():
        assert {language: set(texts) for language, texts in translations.items()} == {"en": {"title"}, "ja": {"title"}}


def test_the_loaded_demo_reads_in_korean_english_and_japanese(api_client):
    loader.demo_people_load()
    loader.merchants_bulk_load(count=50, progress=False)
    loader.demo_campaigns_load()
    assert demo_translations_apply() > 0
    assert demo_translations_apply() == 0  # idempotent
    lat, lng = loader.DEMO_SHOPS[0][3], loader.DEMO_SHOPS[0][4]
    names = {}
    for language in ("ko", "en", "ja"):
        response = api_client.get(
            "/api/v1/merchants/nearby",
            {"lat": lat, "lng": lng, "radius": 5, "limit": 1},
            HTTP_ACCEPT_LANGUAGE=language,
        )
        bakery = response.json()["results"][0]
        names[language] = (bakery["name"], sorted(c["title"] for c in bakery["active_campaigns"]))
    assert names["ko"][0] == "철산 행복 베이커리"
    assert names["en"][0] == "Cheolsan Happy Bakery"
    assert names["ja"][0] == "チョルサン ハッピーベーカリー"
    assert "Free americano on your first visit" in names["en"][1]
    assert "初回来店でアメリカーノ無料" in names["ja"][1]
    assert "첫 방문 아메리카노 무료" in names["ko"][1]
