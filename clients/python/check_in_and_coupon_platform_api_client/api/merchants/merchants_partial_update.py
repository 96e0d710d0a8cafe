from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merchant_for_staff import MerchantForStaff
from ...models.patched_merchant_detail_input_request import PatchedMerchantDetailInputRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    merchant_id: int,
    *,
    body: PatchedMerchantDetailInputRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/merchants/{merchant_id}".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MerchantForStaff | Problem | None:
    if response.status_code == 200:
        response_200 = MerchantForStaff.from_dict(response.json())

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
    merchant_id: int,
    *,
    client: AuthenticatedClient,
    body: PatchedMerchantDetailInputRequest | Unset = UNSET,
) -> Response[MerchantForStaff | Problem]:
    """Change a merchant (owner or manager)

     The merchant's owner or a manager may change it (a clerk or anyone else gets a 403). Only the fields
    sent change. Moving the pin (`lat`, `lng`) or the radius applies to the next check-ins.
    `translations`, when sent, replaces the stored object as a whole: send every translation to keep
    (`{}` removes them all).

    Args:
        merchant_id (int):
        body (PatchedMerchantDetailInputRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantForStaff | Problem]
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
    body: PatchedMerchantDetailInputRequest | Unset = UNSET,
) -> MerchantForStaff | Problem | None:
    """Change a merchant (owner or manager)

     The merchant's owner or a manager may change it (a clerk or anyone else gets a 403). Only the fields
    sent change. Moving the pin (`lat`, `lng`) or the radius applies to the next check-ins.
    `translations`, when sent, replaces the stored object as a whole: send every translation to keep
    (`{}` removes them all).

    Args:
        merchant_id (int):
        body (PatchedMerchantDetailInputRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantForStaff | Problem
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
    body: PatchedMerchantDetailInputRequest | Unset = UNSET,
) -> Response[MerchantForStaff | Problem]:
    """Change a merchant (owner or manager)

     The merchant's owner or a manager may change it (a clerk or anyone else gets a 403). Only the fields
    sent change. Moving the pin (`lat`, `lng`) or the radius applies to the next check-ins.
    `translations`, when sent, replaces the stored object as a whole: send every translation to keep
    (`{}` removes them all).

    Args:
        merchant_id (int):
        body (PatchedMerchantDetailInputRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MerchantForStaff | Problem]
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
    body: PatchedMerchantDetailInputRequest | Unset = UNSET,
) -> MerchantForStaff | Problem | None:
    """Change a merchant (owner or manager)

     The merchant's owner or a manager may change it (a clerk or anyone else gets a 403). Only the fields
    sent change. Moving the pin (`lat`, `lng`) or the radius applies to the next check-ins.
    `translations`, when sent, replaces the stored object as a whole: send every translation to keep
    (`{}` removes them all).

    Args:
        merchant_id (int):
        body (PatchedMerchantDetailInputRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MerchantForStaff | Problem
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
            body=body,
        )
    ).parsed
