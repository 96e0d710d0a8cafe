from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.redemption_output import RedemptionOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    merchant_id: int,
    redemption_id: int,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/merchants/{merchant_id}/redemptions/{redemption_id}/void".format(
            merchant_id=quote(str(merchant_id), safe=""),
            redemption_id=quote(str(redemption_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RedemptionOutput | None:
    if response.status_code == 200:
        response_200 = RedemptionOutput.from_dict(response.json())

        return response_200

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[Problem | RedemptionOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    merchant_id: int,
    redemption_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RedemptionOutput]:
    """Void a redemption (owner or manager, within the void window)

     The merchant's owner or a manager may void (a clerk or anyone else gets a 403), within 10 minutes of
    the redemption (`REDEMPTION_VOID_MINUTES`): the redemption is marked voided and the coupon is active
    again (it may be redeemed anew, as a new redemption). Exactly once under any concurrency; voiding a
    voided redemption changes nothing and answers the same 200 with the same body, so a retry is safe
    (an `Idempotency-Key` is honoured too). No request body.

    Args:
        merchant_id (int):
        redemption_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RedemptionOutput]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        redemption_id=redemption_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    merchant_id: int,
    redemption_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RedemptionOutput | None:
    """Void a redemption (owner or manager, within the void window)

     The merchant's owner or a manager may void (a clerk or anyone else gets a 403), within 10 minutes of
    the redemption (`REDEMPTION_VOID_MINUTES`): the redemption is marked voided and the coupon is active
    again (it may be redeemed anew, as a new redemption). Exactly once under any concurrency; voiding a
    voided redemption changes nothing and answers the same 200 with the same body, so a retry is safe
    (an `Idempotency-Key` is honoured too). No request body.

    Args:
        merchant_id (int):
        redemption_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RedemptionOutput
    """

    return sync_detailed(
        merchant_id=merchant_id,
        redemption_id=redemption_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    merchant_id: int,
    redemption_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RedemptionOutput]:
    """Void a redemption (owner or manager, within the void window)

     The merchant's owner or a manager may void (a clerk or anyone else gets a 403), within 10 minutes of
    the redemption (`REDEMPTION_VOID_MINUTES`): the redemption is marked voided and the coupon is active
    again (it may be redeemed anew, as a new redemption). Exactly once under any concurrency; voiding a
    voided redemption changes nothing and answers the same 200 with the same body, so a retry is safe
    (an `Idempotency-Key` is honoured too). No request body.

    Args:
        merchant_id (int):
        redemption_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RedemptionOutput]
    """

    kwargs = _get_kwargs(
        merchant_id=merchant_id,
        redemption_id=redemption_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    merchant_id: int,
    redemption_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RedemptionOutput | None:
    """Void a redemption (owner or manager, within the void window)

     The merchant's owner or a manager may void (a clerk or anyone else gets a 403), within 10 minutes of
    the redemption (`REDEMPTION_VOID_MINUTES`): the redemption is marked voided and the coupon is active
    again (it may be redeemed anew, as a new redemption). Exactly once under any concurrency; voiding a
    voided redemption changes nothing and answers the same 200 with the same body, so a retry is safe
    (an `Idempotency-Key` is honoured too). No request body.

    Args:
        merchant_id (int):
        redemption_id (int):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RedemptionOutput
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            redemption_id=redemption_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
