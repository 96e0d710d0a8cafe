from enum import StrEnum


class CategoryEnum(StrEnum):
    BAKERY = "bakery"
    BAR = "bar"
    BEAUTY = "beauty"
    CAFE = "cafe"
    CULTURE = "culture"
    FITNESS = "fitness"
    GROCERY = "grocery"
    RESTAURANT = "restaurant"
    RETAIL = "retail"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
