from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merchant_texts_request import MerchantTextsRequest


T = TypeVar("T", bound="MerchantTranslationsRequest")


@_attrs_define
class MerchantTranslationsRequest:
    """Translations of the merchant's name, address by language code (codes ignore case). A text left out falls back to the
    original.

        Attributes:
            ko (MerchantTextsRequest | Unset): Merchant texts in one language.
            en (MerchantTextsRequest | Unset): Merchant texts in one language.
            ja (MerchantTextsRequest | Unset): Merchant texts in one language.
            zh_hans (MerchantTextsRequest | Unset): Merchant texts in one language.
    """

    ko: MerchantTextsRequest | Unset = UNSET
    en: MerchantTextsRequest | Unset = UNSET
    ja: MerchantTextsRequest | Unset = UNSET
    zh_hans: MerchantTextsRequest | Unset = UNSET

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
        from ..models.merchant_texts_request import MerchantTextsRequest  # noqa: PLC0415

        d = dict(src_dict)
        _ko = d.pop("ko", UNSET)
        ko: MerchantTextsRequest | Unset
        if isinstance(_ko, Unset):
            ko = UNSET
        else:
            ko = MerchantTextsRequest.from_dict(_ko)

        _en = d.pop("en", UNSET)
        en: MerchantTextsRequest | Unset
        if isinstance(_en, Unset):
            en = UNSET
        else:
            en = MerchantTextsRequest.from_dict(_en)

        _ja = d.pop("ja", UNSET)
        ja: MerchantTextsRequest | Unset
        if isinstance(_ja, Unset):
            ja = UNSET
        else:
            ja = MerchantTextsRequest.from_dict(_ja)

        _zh_hans = d.pop("zh-hans", UNSET)
        zh_hans: MerchantTextsRequest | Unset
        if isinstance(_zh_hans, Unset):
            zh_hans = UNSET
        else:
            zh_hans = MerchantTextsRequest.from_dict(_zh_hans)

        merchant_translations_request = cls(
            ko=ko,
            en=en,
            ja=ja,
            zh_hans=zh_hans,
        )

        return merchant_translations_request
