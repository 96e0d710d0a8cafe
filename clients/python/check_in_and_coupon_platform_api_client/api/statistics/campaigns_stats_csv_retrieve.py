from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaigns_stats_csv_retrieve_bucket import CampaignsStatsCsvRetrieveBucket
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: int,
    *,
    bucket: CampaignsStatsCsvRetrieveBucket | Unset = CampaignsStatsCsvRetrieveBucket.DAY,
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
        "url": "/api/v1/campaigns/{campaign_id}/stats.csv".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
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
    bucket: CampaignsStatsCsvRetrieveBucket | Unset = CampaignsStatsCsvRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Response[Problem | str]:
    """A campaign's statistics series as CSV (any staff of its merchant)

     The `series` of GET /campaigns/{campaign_id}/stats as a CSV file (UTF-8, CRLF line ends, sent as an
    attachment): a header row `bucket_start,checkins,unique_visitors,coupons_issued,coupons_redeemed`,
    then one row per local hour, day or week of the range, oldest first. Same parameters and rules as
    the JSON.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Problems are `application/problem+json`, whatever the `Accept`; an `Accept` that admits no
    `text/csv` is a 406.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsCsvRetrieveBucket | Unset):  Default:
            CampaignsStatsCsvRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
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
    bucket: CampaignsStatsCsvRetrieveBucket | Unset = CampaignsStatsCsvRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Problem | str | None:
    """A campaign's statistics series as CSV (any staff of its merchant)

     The `series` of GET /campaigns/{campaign_id}/stats as a CSV file (UTF-8, CRLF line ends, sent as an
    attachment): a header row `bucket_start,checkins,unique_visitors,coupons_issued,coupons_redeemed`,
    then one row per local hour, day or week of the range, oldest first. Same parameters and rules as
    the JSON.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Problems are `application/problem+json`, whatever the `Accept`; an `Accept` that admits no
    `text/csv` is a 406.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsCsvRetrieveBucket | Unset):  Default:
            CampaignsStatsCsvRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
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
    bucket: CampaignsStatsCsvRetrieveBucket | Unset = CampaignsStatsCsvRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Response[Problem | str]:
    """A campaign's statistics series as CSV (any staff of its merchant)

     The `series` of GET /campaigns/{campaign_id}/stats as a CSV file (UTF-8, CRLF line ends, sent as an
    attachment): a header row `bucket_start,checkins,unique_visitors,coupons_issued,coupons_redeemed`,
    then one row per local hour, day or week of the range, oldest first. Same parameters and rules as
    the JSON.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Problems are `application/problem+json`, whatever the `Accept`; an `Accept` that admits no
    `text/csv` is a 406.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsCsvRetrieveBucket | Unset):  Default:
            CampaignsStatsCsvRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
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
    bucket: CampaignsStatsCsvRetrieveBucket | Unset = CampaignsStatsCsvRetrieveBucket.DAY,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
) -> Problem | str | None:
    """A campaign's statistics series as CSV (any staff of its merchant)

     The `series` of GET /campaigns/{campaign_id}/stats as a CSV file (UTF-8, CRLF line ends, sent as an
    attachment): a header row `bucket_start,checkins,unique_visitors,coupons_issued,coupons_redeemed`,
    then one row per local hour, day or week of the range, oldest first. Same parameters and rules as
    the JSON.

    Statistics have hourly resolution in the merchant's time zone: `from` is rounded down and `to` up to
    a whole local hour, then the range is clipped to the campaign's period (the hour of `starts_at` to
    the hour of its end, or of now while it runs). Figures are as of `as_of`, the last rollup fold (at
    most about a minute ago).

    Problems are `application/problem+json`, whatever the `Accept`; an `Accept` that admits no
    `text/csv` is a 406.

    Args:
        campaign_id (int):
        bucket (CampaignsStatsCsvRetrieveBucket | Unset):  Default:
            CampaignsStatsCsvRetrieveBucket.DAY.
        from_ (str | Unset):  Example: 2026-05-01.
        to (str | Unset):  Example: 2026-05-01.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
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
