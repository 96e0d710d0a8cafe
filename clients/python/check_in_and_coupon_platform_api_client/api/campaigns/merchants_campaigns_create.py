from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_create_input_request import CampaignCreateInputRequest
from ...models.campaign_output import CampaignOutput
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    merchant_id: int,
    *,
    body: CampaignCreateInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/merchants/{merchant_id}/campaigns".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CampaignOutput | Problem | None:
    if response.status_code == 201:
        response_201 = CampaignOutput.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 405:
        response_405 = Problem.from_dict(response.json())

        return response_405

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[CampaignOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: CampaignCreateInputRequest,
) -> Response[CampaignOutput | Problem]:
    """Start a campaign (owner or manager)

     The merchant's owner or a manager may start one (a clerk or anyone else gets a 403). It runs from
    `starts_at` (default now) to `ends_at` (in the future), issuing a coupon to each check-in that meets
    its `trigger`, within `total_stock` (never oversold), `per_user_limit` coupons per person (default
    1) and the daily hours, if any (the merchant's local time). Each coupon is valid for
    `coupon_valid_days` (default 7). With `holdout_percent` > 0 that share of eligible customers, chosen
    at random and stably per person, gets no coupon, so that the statistics can measure what the
    campaign changed. `translations` gives the title and description in other languages.

    Args:
        merchant_id (int):
        body (CampaignCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignOutput | Problem]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: CampaignCreateInputRequest,
) -> CampaignOutput | Problem | None:
    """Start a campaign (owner or manager)

     The merchant's owner or a manager may start one (a clerk or anyone else gets a 403). It runs from
    `starts_at` (default now) to `ends_at` (in the future), issuing a coupon to each check-in that meets
    its `trigger`, within `total_stock` (never oversold), `per_user_limit` coupons per person (default
    1) and the daily hours, if any (the merchant's local time). Each coupon is valid for
    `coupon_valid_days` (default 7). With `holdout_percent` > 0 that share of eligible customers, chosen
    at random and stably per person, gets no coupon, so that the statistics can measure what the
    campaign changed. `translations` gives the title and description in other languages.

    Args:
        merchant_id (int):
        body (CampaignCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignOutput | Problem
    """

    return sync_detailed(
        merchant_id=merchant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: CampaignCreateInputRequest,
) -> Response[CampaignOutput | Problem]:
    """Start a campaign (owner or manager)

     The merchant's owner or a manager may start one (a clerk or anyone else gets a 403). It runs from
    `starts_at` (default now) to `ends_at` (in the future), issuing a coupon to each check-in that meets
    its `trigger`, within `total_stock` (never oversold), `per_user_limit` coupons per person (default
    1) and the daily hours, if any (the merchant's local time). Each coupon is valid for
    `coupon_valid_days` (default 7). With `holdout_percent` > 0 that share of eligible customers, chosen
    at random and stably per person, gets no coupon, so that the statistics can measure what the
    campaign changed. `translations` gives the title and description in other languages.

    Args:
        merchant_id (int):
        body (CampaignCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignOutput | Problem]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: CampaignCreateInputRequest,
) -> CampaignOutput | Problem | None:
    """Start a campaign (owner or manager)

     The merchant's owner or a manager may start one (a clerk or anyone else gets a 403). It runs from
    `starts_at` (default now) to `ends_at` (in the future), issuing a coupon to each check-in that meets
    its `trigger`, within `total_stock` (never oversold), `per_user_limit` coupons per person (default
    1) and the daily hours, if any (the merchant's local time). Each coupon is valid for
    `coupon_valid_days` (default 7). With `holdout_percent` > 0 that share of eligible customers, chosen
    at random and stably per person, gets no coupon, so that the statistics can measure what the
    campaign changed. `translations` gives the title and description in other languages.

    Args:
        merchant_id (int):
        body (CampaignCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignOutput | Problem
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
            body=body,
        )
    ).parsed
