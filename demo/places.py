"""Realistic-looking Korean merchants around Seoul and Gwangmyeong, generated deterministically from a seed."""

import random
from dataclasses import dataclass

# (district label for addresses, neighbourhood used in names, centre lat, centre lng, spread in degrees, weight)
AREAS = [
    ("경기도 광명시", "철산", 37.4786, 126.8646, 0.010, 6),
    ("경기도 광명시", "하안", 37.4630, 126.8800, 0.008, 4),
    ("경기도 광명시", "소하", 37.4450, 126.8850, 0.008, 3),
    ("서울특별시 중구", "을지로", 37.5660, 126.9910, 0.008, 6),
    ("서울특별시 종로구", "종로", 37.5720, 126.9790, 0.008, 5),
    ("서울특별시 마포구", "홍대", 37.5563, 126.9220, 0.009, 6),
    ("서울특별시 마포구", "망원", 37.5560, 126.9010, 0.007, 3),
    ("서울특별시 성동구", "성수", 37.5445, 127.0560, 0.008, 5),
    ("서울특별시 강남구", "강남", 37.4980, 127.0276, 0.012, 8),
    ("서울특별시 송파구", "잠실", 37.5133, 127.1000, 0.012, 5),
    ("서울특별시 서대문구", "신촌", 37.5597, 126.9423, 0.007, 4),
    ("서울특별시 용산구", "이태원", 37.5345, 126.9946, 0.007, 3),
    ("서울특별시 영등포구", "여의도", 37.5219, 126.9245, 0.009, 4),
    ("서울특별시 구로구", "구로", 37.4954, 126.8874, 0.010, 4),
    ("서울특별시 관악구", "신림", 37.4842, 126.9297, 0.009, 4),
    ("서울특별시 노원구", "노원", 37.6542, 127.0568, 0.012, 3),
    ("경기도 성남시", "판교", 37.3947, 127.1112, 0.012, 4),
    ("경기도 수원시", "수원", 37.2636, 127.0286, 0.015, 4),
    ("인천광역시 남동구", "구월", 37.4486, 126.7052, 0.012, 3),
    ("경기도 고양시", "일산", 37.6584, 126.7700, 0.015, 3),
]
ROADS = [
    "중앙로",
    "시장길",
    "대학로",
    "역전로",
    "공원로",
    "문화로",
    "상가길",
    "학교길",
    "강변로",
    "새마을로",
    "평화로",
    "행복길",
]

CATEGORY_WORDS = {
    "cafe": ["카페", "커피", "로스터리", "티하우스"],
    "bakery": ["베이커리", "빵집", "제과점", "브레드"],
    "restaurant": ["식당", "국밥", "분식", "칼국수", "삼겹살", "치킨", "초밥", "냉면"],
    "bar": ["호프", "포차", "와인바", "이자카야"],
    "grocery": ["마트", "청과", "반찬가게", "정육점"],
    "retail": ["문구", "꽃집", "서점", "안경", "옷가게"],
    "beauty": ["헤어", "네일", "피부관리"],
    "fitness": ["필라테스", "헬스", "요가", "클라이밍"],
    "culture": ["만화카페", "보드게임", "노래방", "공방"],
    "service": ["세탁소", "사진관", "수선집", "꽃배달"],
}
CATEGORY_WEIGHTS = {
    "cafe": 18,
    "bakery": 6,
    "restaurant": 30,
    "bar": 8,
    "grocery": 8,
    "retail": 9,
    "beauty": 7,
    "fitness": 4,
    "culture": 4,
    "service": 6,
}
NAME_STYLES = ["{hood} {word}", "{word} {hood}점", "{adj} {word}", "{adj} {word} {hood}점", "{hood} {adj} {word}"]
ADJECTIVES = ["행복한", "달콤", "소담", "푸른", "따뜻한", "오늘의", "작은", "골목", "할매", "우리동네", "새벽", "하루"]


@dataclass(frozen=True)
class Place:
    name: str
    category: str
    address: str
    lat: float
    lng: float


def place_generate(rng: random.Random, area=None) -> Place:
    """One merchant-like place: a name, a category, an address and a point near one of the AREAS."""
    district, hood, lat, lng, spread, _ = area or rng.choices(AREAS, weights=[a[5] for a in AREAS])[0]
    category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
    word = rng.choice(CATEGORY_WORDS[category])
    name = rng.choice(NAME_STYLES).format(hood=hood, word=word, adj=rng.choice(ADJECTIVES))
    address = f"{district} {hood}{rng.choice(ROADS)} {rng.randint(1, 300)}"
    return Place(
        name=name,
        category=category,
        address=address,
        lat=round(rng.gauss(lat, spread), 6),
        lng=round(rng.gauss(lng, spread * 1.2), 6),
    )
