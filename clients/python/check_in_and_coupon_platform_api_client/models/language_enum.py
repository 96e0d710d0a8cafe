from enum import StrEnum


class LanguageEnum(StrEnum):
    EN = "en"
    JA = "ja"
    KO = "ko"
    ZH_HANS = "zh-hans"

    def __str__(self) -> str:
        return str(self.value)
