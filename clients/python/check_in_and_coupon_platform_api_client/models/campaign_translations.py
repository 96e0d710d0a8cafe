from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.campaign_texts import CampaignTexts


T = TypeVar("T", bound="CampaignTranslations")


@_attrs_define
class CampaignTranslations:
    """Translations of the campaign's title, description by language code (codes ignore case). A text left out falls back
    to the original.

        Attributes:
            ko (CampaignTexts | Unset): Campaign texts in one language.
            en (CampaignTexts | Unset): Campaign texts in one language.
            ja (CampaignTexts | Unset): Campaign texts in one language.
            zh_hans (CampaignTexts | Unset): Campaign texts in one language.
    """

    ko: CampaignTexts | Unset = UNSET
    en: CampaignTexts | Unset = UNSET
    ja: CampaignTexts | Unset = UNSET
    zh_hans: CampaignTexts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ko: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ko, Unset):
            ko = self.ko.to_dict()

        en: dict[str, Any] | Unset = UNSET
        if not isinstance(self.en, Unset):
            en = self.en.to_dict()

        ja: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ja, Unset):
            ja = self.ja.to_dict()

        zh_hans: dict[str, Any] | Unset = UNSET
        if not isinstance(self.zh_hans, Unset):
            zh_hans = self.zh_hans.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ko is not UNSET:
            field_dict["ko"] = ko
        if en is not UNSET:
            field_dict["en"] = en
        if ja is not UNSET:
            field_dict["ja"] = ja
        if zh_hans is not UNSET:
            field_dict["zh-hans"] = zh_hans

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_texts import CampaignTexts  # noqa: PLC0415

        d = dict(src_dict)
        _ko = d.pop("ko", UNSET)
        ko: CampaignTexts | Unset
        if isinstance(_ko, Unset):
            ko = UNSET
        else:
            ko = CampaignTexts.from_dict(_ko)

        _en = d.pop("en", UNSET)
        en: CampaignTexts | Unset
        if isinstance(_en, Unset):
            en = UNSET
        else:
            en = CampaignTexts.from_dict(_en)

        _ja = d.pop("ja", UNSET)
        ja: CampaignTexts | Unset
        if isinstance(_ja, Unset):
            ja = UNSET
        else:
            ja = CampaignTexts.from_dict(_ja)

        _zh_hans = d.pop("zh-hans", UNSET)
        zh_hans: CampaignTexts | Unset
        if isinstance(_zh_hans, Unset):
            zh_hans = UNSET
        else:
            zh_hans = CampaignTexts.from_dict(_zh_hans)

        campaign_translations = cls(
            ko=ko,
            en=en,
            ja=ja,
            zh_hans=zh_hans,
        )

        return campaign_translations
