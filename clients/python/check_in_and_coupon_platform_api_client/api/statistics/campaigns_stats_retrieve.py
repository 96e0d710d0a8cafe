from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_stats import CampaignStats
from ...models.campaigns_stats_retrieve_bucket import CampaignsStatsRetrieveBucket
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: int,
    *,
    bucket: CampaignsStatsRetrieveBucket | Unset = CampaignsStatsRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_bucket: str | Unset = UNSET
    if not isinstance(bucket, Unset):
        json_bucket = bucket.value

    params["bucket"] = json_bucket

    params["from"] = from_

    params["to"] = to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/campaigns/{campaign_id}/stats".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CampaignStats | Problem | None:
    if response.status_code == 200:
        response_200 = CampaignStats.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CampaignStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
    bucket: CampaignsStatsRetrieveBucket | Unset = CampaignsStatsRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Response[CampaignStats | Problem]:
    """A campaign's effect statistics (any staff of its merchant)

     For the campaign's period clipped to `from`/`to`: totals, a funnel of distinct users, the baseline
    period before the campaign and the lift against it, the holdout comparison (when the campaign keeps
    a holdout) and a series per local hour, day or week. Every figure equals a plain SQL count over the
    raw check-ins, coupons, eligibility records, feed deliveries, likes, comments and merchant views,
    where an event is in the range when its local hour is.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    The series as CSV is GET /campaigns/{campaign_id}/stats.csv (this path also answers it to `Accept:
    text/csv` or `?format=csv`, as it did before).

    Any staff of the campaign's merchant (owner, manager or clerk) may read them; anyone else gets a
    404, as for an unknown id.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsRetrieveBucket | Unset):  Default: CampaignsStatsRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignStats | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        bucket=bucket,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
    bucket: CampaignsStatsRetrieveBucket | Unset = CampaignsStatsRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> CampaignStats | Problem | None:
    """A campaign's effect statistics (any staff of its merchant)

     For the campaign's period clipped to `from`/`to`: totals, a funnel of distinct users, the baseline
    period before the campaign and the lift against it, the holdout comparison (when the campaign keeps
    a holdout) and a series per local hour, day or week. Every figure equals a plain SQL count over the
    raw check-ins, coupons, eligibility records, feed deliveries, likes, comments and merchant views,
    where an event is in the range when its local hour is.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    The series as CSV is GET /campaigns/{campaign_id}/stats.csv (this path also answers it to `Accept:
    text/csv` or `?format=csv`, as it did before).

    Any staff of the campaign's merchant (owner, manager or clerk) may read them; anyone else gets a
    404, as for an unknown id.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsRetrieveBucket | Unset):  Default: CampaignsStatsRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignStats | Problem
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        bucket=bucket,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
    bucket: CampaignsStatsRetrieveBucket | Unset = CampaignsStatsRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Response[CampaignStats | Problem]:
    """A campaign's effect statistics (any staff of its merchant)

     For the campaign's period clipped to `from`/`to`: totals, a funnel of distinct users, the baseline
    period before the campaign and the lift against it, the holdout comparison (when the campaign keeps
    a holdout) and a series per local hour, day or week. Every figure equals a plain SQL count over the
    raw check-ins, coupons, eligibility records, feed deliveries, likes, comments and merchant views,
    where an event is in the range when its local hour is.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    The series as CSV is GET /campaigns/{campaign_id}/stats.csv (this path also answers it to `Accept:
    text/csv` or `?format=csv`, as it did before).

    Any staff of the campaign's merchant (owner, manager or clerk) may read them; anyone else gets a
    404, as for an unknown id.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsRetrieveBucket | Unset):  Default: CampaignsStatsRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignStats | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        bucket=bucket,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: int,
    *,
    client: AuthenticatedClient,
    bucket: CampaignsStatsRetrieveBucket | Unset = CampaignsStatsRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> CampaignStats | Problem | None:
    """A campaign's effect statistics (any staff of its merchant)

     For the campaign's period clipped to `from`/`to`: totals, a funnel of distinct users, the baseline
    period before the campaign and the lift against it, the holdout comparison (when the campaign keeps
    a holdout) and a series per local hour, day or week. Every figure equals a plain SQL count over the
    raw check-ins, coupons, eligibility records, feed deliveries, likes, comments and merchant views,
    where an event is in the range when its local hour is.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    The series as CSV is GET /campaigns/{campaign_id}/stats.csv (this path also answers it to `Accept:
    text/csv` or `?format=csv`, as it did before).

    Any staff of the campaign's merchant (owner, manager or clerk) may read them; anyone else gets a
    404, as for an unknown id.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsRetrieveBucket | Unset):  Default: CampaignsStatsRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignStats | Problem
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            bucket=bucket,
            from_=from_,
            to=to,
        )
    ).parsed
