"""English and Japanese translations of the demo shops and campaigns (their Korean originals are in demo/loader.py).

Applied after loading, and again on every `demo_load` (idempotent), so that a demo loaded before translations existed
gains them too. The texts go through the same rule as the API's (merchants.services.MERCHANT_TEXTS,
coupons.campaigns.CAMPAIGN_TEXTS).
"""

from django.db import transaction

from coupons.campaigns import CAMPAIGN_TEXTS
from coupons.models import Campaign
from demo.loader import DEMO_SHOPS
from merchants.models import Merchant
from merchants.services import MERCHANT_TEXTS

# Korean shop name -> translations of its name and address.
SHOP_TRANSLATIONS = {
    "철산 행복 베이커리": {
        "en": {"name": "Cheolsan Happy Bakery", "address": "12 Cheolsan-ro, Gwangmyeong-si, Gyeonggi-do"},
        "ja": {"name": "チョルサン ハッピーベーカリー", "address": "京畿道 光明市 鉄山路 12"},
    },
    "하안 골목 커피": {
        "en": {"name": "Haan Alley Coffee", "address": "208 Haan-ro, Gwangmyeong-si, Gyeonggi-do"},
        "ja": {"name": "ハアン路地裏コーヒー", "address": "京畿道 光明市 下安路 208"},
    },
}

# Korean campaign title -> translations of its title (the demo campaigns have no description).
CAMPAIGN_TRANSLATIONS = {
    "갓 구운 빵 1+1 (매 체크인)": {
        "en": {"title": "Fresh-baked bread, buy one get one free (every check-in)"},
        "ja": {"title": "焼きたてパン1つ買うともう1つ無料（チェックインのたびに）"},
    },
    "첫 방문 아메리카노 무료": {
        "en": {"title": "Free americano on your first visit"},
        "ja": {"title": "初回来店でアメリカーノ無料"},
    },
    "친구 2명과 함께 오면 케이크 한 조각": {
        "en": {"title": "A slice of cake when you come with two friends"},
        "ja": {"title": "友だち2人と来店でケーキ1切れプレゼント"},
    },
    "다섯 번째 방문마다 음료 무료": {
        "en": {"title": "A free drink on every fifth visit"},
        "ja": {"title": "5回目の来店ごとにドリンク1杯無料"},
    },
    "라떼 20% 할인 (효과 측정 홀드아웃 20%)": {
        "en": {"title": "20% off lattes (20% holdout to measure the effect)"},
        "ja": {"title": "ラテ20%オフ（効果測定のため20%はホールドアウト）"},
    },
    "단골 감사 쿠폰 (효과 측정, 홀드아웃 20%)": {
        "en": {"title": "Thank-you coupon for regulars (measuring the effect, 20% holdout)"},
        "ja": {"title": "常連さん感謝クーポン（効果測定、ホールドアウト20%）"},
    },
    "가을 라떼 시즌 (세 번째 방문마다, 홀드아웃 20%)": {
        "en": {"title": "Autumn latte season (every third visit, 20% holdout)"},
        "ja": {"title": "秋のラテシーズン（3回目の来店ごと、ホールドアウト20%）"},
    },
    # The generated campaigns near the demo users ("[데모] " + one of loader._RANDOM_TITLES).
    "[데모] 오늘의 커피 할인": {
        "en": {"title": "[Demo] Today's coffee discount"},
        "ja": {"title": "[デモ] 本日のコーヒー割引"},
    },
    "[데모] 체크인 감사 쿠폰": {
        "en": {"title": "[Demo] Thank-you coupon for checking in"},
        "ja": {"title": "[デモ] チェックイン感謝クーポン"},
    },
    "[데모] 첫 방문 10% 할인": {
        "en": {"title": "[Demo] 10% off your first visit"},
        "ja": {"title": "[デモ] 初回来店10%オフ"},
    },
    "[데모] 친구와 함께 오면 서비스": {
        "en": {"title": "[Demo] Something on the house when you come with a friend"},
        "ja": {"title": "[デモ] 友だちと来店でサービス"},
    },
    "[데모] 단골 스탬프": {
        "en": {"title": "[Demo] Regulars' stamp card"},
        "ja": {"title": "[デモ] 常連スタンプ"},
    },
}


@transaction.atomic
def demo_translations_apply() -> int:
    """Give the demo shops (those the demo owner runs) and the demo campaigns their translations; idempotent.
    Returns the rows changed."""
    changed = 0
    shop_names = {shop[0] for shop in DEMO_SHOPS}
    for name, translations in SHOP_TRANSLATIONS.items():
        if name in shop_names:
            cleaned = MERCHANT_TEXTS.clean(translations)
            shops = Merchant.objects.filter(name=name, staff_roles__user__username="owner")
            changed += (
                Merchant.objects.filter(pk__in=shops.values("pk"))
                .exclude(translations=cleaned)
                .update(translations=cleaned)
            )
    for title, translations in CAMPAIGN_TRANSLATIONS.items():
        cleaned = CAMPAIGN_TEXTS.clean(translations)
        changed += Campaign.objects.filter(title=title).exclude(translations=cleaned).update(translations=cleaned)
    return changed
