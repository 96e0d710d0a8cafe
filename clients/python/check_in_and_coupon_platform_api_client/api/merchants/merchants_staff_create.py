from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merchant_staff_input_request import MerchantStaffInputRequest
from ...models.problem import Problem
from ...models.staff import Staff
from ...types import Response


def _get_kwargs(
    merchant_id: int,
    *,
    body: MerchantStaffInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/merchants/{merchant_id}/staff".format(
            merchant_id=quote(str(merchant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Staff | None:
    if response.status_code == 201:
        response_201 = Staff.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Staff]:
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
    body: MerchantStaffInputRequest,
) -> Response[Problem | Staff]:
    """Give a user a manager or clerk role (owner only)

     Only the merchant's owner may add staff (anyone else gets a 403). The user must exist (404
    `user_not_found`) and not already work here (409 `already_staff`; to change a role, remove the
    person and add them again). There is one owner per merchant: this adds managers and clerks only.

    Args:
        merchant_id (int):
        body (MerchantStaffInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Staff]
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
    body: MerchantStaffInputRequest,
) -> Problem | Staff | None:
    """Give a user a manager or clerk role (owner only)

     Only the merchant's owner may add staff (anyone else gets a 403). The user must exist (404
    `user_not_found`) and not already work here (409 `already_staff`; to change a role, remove the
    person and add them again). There is one owner per merchant: this adds managers and clerks only.

    Args:
        merchant_id (int):
        body (MerchantStaffInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Staff
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
    body: MerchantStaffInputRequest,
) -> Response[Problem | Staff]:
    """Give a user a manager or clerk role (owner only)

     Only the merchant's owner may add staff (anyone else gets a 403). The user must exist (404
    `user_not_found`) and not already work here (409 `already_staff`; to change a role, remove the
    person and add them again). There is one owner per merchant: this adds managers and clerks only.

    Args:
        merchant_id (int):
        body (MerchantStaffInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Staff]
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
    body: MerchantStaffInputRequest,
) -> Problem | Staff | None:
    """Give a user a manager or clerk role (owner only)

     Only the merchant's owner may add staff (anyone else gets a 403). The user must exist (404
    `user_not_found`) and not already work here (409 `already_staff`; to change a role, remove the
    person and add them again). There is one owner per merchant: this adds managers and clerks only.

    Args:
        merchant_id (int):
        body (MerchantStaffInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Staff
    """

    return (
        await asyncio_detailed(
            merchant_id=merchant_id,
            client=client,
            body=body,
        )
    ).parsed
