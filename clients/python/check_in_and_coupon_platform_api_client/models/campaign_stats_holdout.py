from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.campaign_stats_holdout_group import CampaignStatsHoldoutGroup


T = TypeVar("T", bound="CampaignStatsHoldout")


@_attrs_define
class CampaignStatsHoldout:
    """
    Attributes:
        treated (CampaignStatsHoldoutGroup):
        holdout (CampaignStatsHoldoutGroup):
        incremental_revisit_rate (float | None): treated.revisit_rate - holdout.revisit_rate (null if a group is empty).
        confidence_interval_95 (list[float] | None): 95% interval of the difference (normal approximation), [low, high].
        enough_data (bool): Both groups have at least 30 users.
        significant (bool): enough_data and the interval excludes 0.
    """

    treated: CampaignStatsHoldoutGroup
    holdout: CampaignStatsHoldoutGroup
    incremental_revisit_rate: float | None
    confidence_interval_95: list[float] | None
    enough_data: bool
    significant: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        treated = self.treated.to_dict()

        holdout = self.holdout.to_dict()

        incremental_revisit_rate: float | None
        incremental_revisit_rate = self.incremental_revisit_rate

        confidence_interval_95: list[float] | None
        if isinstance(self.confidence_interval_95, list):
            confidence_interval_95 = self.confidence_interval_95

        else:
            confidence_interval_95 = self.confidence_interval_95

        enough_data = self.enough_data

        significant = self.significant

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "treated": treated,
                "holdout": holdout,
                "incremental_revisit_rate": incremental_revisit_rate,
                "confidence_interval_95": confidence_interval_95,
                "enough_data": enough_data,
                "significant": significant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_stats_holdout_group import CampaignStatsHoldoutGroup  # noqa: PLC0415

        d = dict(src_dict)
        treated = CampaignStatsHoldoutGroup.from_dict(d.pop("treated"))

        holdout = CampaignStatsHoldoutGroup.from_dict(d.pop("holdout"))

        def _parse_incremental_revisit_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        incremental_revisit_rate = _parse_incremental_revisit_rate(d.pop("incremental_revisit_rate"))

        def _parse_confidence_interval_95(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                confidence_interval_95_type_0 = cast(list[float], data)

                return confidence_interval_95_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        confidence_interval_95 = _parse_confidence_interval_95(d.pop("confidence_interval_95"))

        enough_data = d.pop("enough_data")

        significant = d.pop("significant")

        campaign_stats_holdout = cls(
            treated=treated,
            holdout=holdout,
            incremental_revisit_rate=incremental_revisit_rate,
            confidence_interval_95=confidence_interval_95,
            enough_data=enough_data,
            significant=significant,
        )

        campaign_stats_holdout.additional_properties = d
        return campaign_stats_holdout

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
