from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merchant_texts import MerchantTexts


T = TypeVar("T", bound="MerchantTranslations")


@_attrs_define
class MerchantTranslations:
    """Translations of the merchant's name, address by language code (codes ignore case). A text left out falls back to the
    original.

        Attributes:
            ko (MerchantTexts | Unset): Merchant texts in one language.
            en (MerchantTexts | Unset): Merchant texts in one language.
            ja (MerchantTexts | Unset): Merchant texts in one language.
            zh_hans (MerchantTexts | Unset): Merchant texts in one language.
    """

    ko: MerchantTexts | Unset = UNSET
    en: MerchantTexts | Unset = UNSET
    ja: MerchantTexts | Unset = UNSET
    zh_hans: MerchantTexts | Unset = UNSET

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
        from ..models.merchant_texts import MerchantTexts  # noqa: PLC0415

        d = dict(src_dict)
        _ko = d.pop("ko", UNSET)
        ko: MerchantTexts | Unset
        if isinstance(_ko, Unset):
            ko = UNSET
        else:
            ko = MerchantTexts.from_dict(_ko)

        _en = d.pop("en", UNSET)
        en: MerchantTexts | Unset
        if isinstance(_en, Unset):
            en = UNSET
        else:
            en = MerchantTexts.from_dict(_en)

        _ja = d.pop("ja", UNSET)
        ja: MerchantTexts | Unset
        if isinstance(_ja, Unset):
            ja = UNSET
        else:
            ja = MerchantTexts.from_dict(_ja)

        _zh_hans = d.pop("zh-hans", UNSET)
        zh_hans: MerchantTexts | Unset
        if isinstance(_zh_hans, Unset):
            zh_hans = UNSET
        else:
            zh_hans = MerchantTexts.from_dict(_zh_hans)

        merchant_translations = cls(
            ko=ko,
            en=en,
            ja=ja,
            zh_hans=zh_hans,
        )

        return merchant_translations
