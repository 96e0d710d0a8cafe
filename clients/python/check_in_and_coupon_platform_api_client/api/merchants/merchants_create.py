from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merchant_create_input_request import MerchantCreateInputRequest
from ...models.merchant_for_staff import MerchantForStaff
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: MerchantCreateInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/merchants",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MerchantForStaff | Problem | None:
    if response.status_code == 201:
        response_201 = MerchantForStaff.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[MerchantForStaff | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MerchantCreateInputRequest,
) -> Response[MerchantForStaff | Problem]:
    """Register a merchant; you become its owner

     Any signed-in user may register a shop at its position (`lat`, `lng`: the pin check-ins are measured
    from) and becomes its owner; the owner then adds managers and clerks (POST
    /merchants/{merchant_id}/staff) and starts campaigns. `checkin_radius_m` (default 100) is how far
    from the pin a check-in is accepted; `timezone` (default `Asia/Seoul`) is the local time of daily
    campaign hours and statistics. `translations` gives the name and address in other languages. The
    answer is the merchant as its staff see it, with `translations`.

    Args:
        body (MerchantCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantForStaff | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MerchantCreateInputRequest,
) -> MerchantForStaff | Problem | None:
    """Register a merchant; you become its owner

     Any signed-in user may register a shop at its position (`lat`, `lng`: the pin check-ins are measured
    from) and becomes its owner; the owner then adds managers and clerks (POST
    /merchants/{merchant_id}/staff) and starts campaigns. `checkin_radius_m` (default 100) is how far
    from the pin a check-in is accepted; `timezone` (default `Asia/Seoul`) is the local time of daily
    campaign hours and statistics. `translations` gives the name and address in other languages. The
    answer is the merchant as its staff see it, with `translations`.

    Args:
        body (MerchantCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantForStaff | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MerchantCreateInputRequest,
) -> Response[MerchantForStaff | Problem]:
    """Register a merchant; you become its owner

     Any signed-in user may register a shop at its position (`lat`, `lng`: the pin check-ins are measured
    from) and becomes its owner; the owner then adds managers and clerks (POST
    /merchants/{merchant_id}/staff) and starts campaigns. `checkin_radius_m` (default 100) is how far
    from the pin a check-in is accepted; `timezone` (default `Asia/Seoul`) is the local time of daily
    campaign hours and statistics. `translations` gives the name and address in other languages. The
    answer is the merchant as its staff see it, with `translations`.

    Args:
        body (MerchantCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantForStaff | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MerchantCreateInputRequest,
) -> MerchantForStaff | Problem | None:
    """Register a merchant; you become its owner

     Any signed-in user may register a shop at its position (`lat`, `lng`: the pin check-ins are measured
    from) and becomes its owner; the owner then adds managers and clerks (POST
    /merchants/{merchant_id}/staff) and starts campaigns. `checkin_radius_m` (default 100) is how far
    from the pin a check-in is accepted; `timezone` (default `Asia/Seoul`) is the local time of daily
    campaign hours and statistics. `translations` gives the name and address in other languages. The
    answer is the merchant as its staff see it, with `translations`.

    Args:
        body (MerchantCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantForStaff | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
