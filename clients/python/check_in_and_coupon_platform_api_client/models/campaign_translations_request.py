from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.campaign_texts_request import CampaignTextsRequest


T = TypeVar("T", bound="CampaignTranslationsRequest")


@_attrs_define
class CampaignTranslationsRequest:
    """Translations of the campaign's title, description by language code (codes ignore case). A text left out falls back
    to the original.

        Attributes:
            ko (CampaignTextsRequest | Unset): Campaign texts in one language.
            en (CampaignTextsRequest | Unset): Campaign texts in one language.
            ja (CampaignTextsRequest | Unset): Campaign texts in one language.
            zh_hans (CampaignTextsRequest | Unset): Campaign texts in one language.
    """

    ko: CampaignTextsRequest | Unset = UNSET
    en: CampaignTextsRequest | Unset = UNSET
    ja: CampaignTextsRequest | Unset = UNSET
    zh_hans: CampaignTextsRequest | Unset = UNSET

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
        from ..models.campaign_texts_request import CampaignTextsRequest  # noqa: PLC0415

        d = dict(src_dict)
        _ko = d.pop("ko", UNSET)
        ko: CampaignTextsRequest | Unset
        if isinstance(_ko, Unset):
            ko = UNSET
        else:
            ko = CampaignTextsRequest.from_dict(_ko)

        _en = d.pop("en", UNSET)
        en: CampaignTextsRequest | Unset
        if isinstance(_en, Unset):
            en = UNSET
        else:
            en = CampaignTextsRequest.from_dict(_en)

        _ja = d.pop("ja", UNSET)
        ja: CampaignTextsRequest | Unset
        if isinstance(_ja, Unset):
            ja = UNSET
        else:
            ja = CampaignTextsRequest.from_dict(_ja)

        _zh_hans = d.pop("zh-hans", UNSET)
        zh_hans: CampaignTextsRequest | Unset
        if isinstance(_zh_hans, Unset):
            zh_hans = UNSET
        else:
            zh_hans = CampaignTextsRequest.from_dict(_zh_hans)

        campaign_translations_request = cls(
            ko=ko,
            en=en,
            ja=ja,
            zh_hans=zh_hans,
        )

        return campaign_translations_request
