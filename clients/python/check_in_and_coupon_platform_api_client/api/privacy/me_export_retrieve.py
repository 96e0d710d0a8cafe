from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.personal_data_export import PersonalDataExport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/me/export",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PersonalDataExport | Problem | None:
    if response.status_code == 200:
        response_200 = PersonalDataExport.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[PersonalDataExport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[PersonalDataExport | Problem]:
    """Everything stored about you, as one JSON document

     Your profile and consents, friends and friend requests, check-ins (with their raw position while it
    is kept) and refused attempts, coupons, campaign eligibility, comments, likes, notifications,
    merchant roles, merchant pages viewed and the location access log. Sent as an attachment (`Content-
    Disposition`) to save; every list is oldest first and complete (no pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonalDataExport | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> PersonalDataExport | Problem | None:
    """Everything stored about you, as one JSON document

     Your profile and consents, friends and friend requests, check-ins (with their raw position while it
    is kept) and refused attempts, coupons, campaign eligibility, comments, likes, notifications,
    merchant roles, merchant pages viewed and the location access log. Sent as an attachment (`Content-
    Disposition`) to save; every list is oldest first and complete (no pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonalDataExport | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[PersonalDataExport | Problem]:
    """Everything stored about you, as one JSON document

     Your profile and consents, friends and friend requests, check-ins (with their raw position while it
    is kept) and refused attempts, coupons, campaign eligibility, comments, likes, notifications,
    merchant roles, merchant pages viewed and the location access log. Sent as an attachment (`Content-
    Disposition`) to save; every list is oldest first and complete (no pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonalDataExport | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> PersonalDataExport | Problem | None:
    """Everything stored about you, as one JSON document

     Your profile and consents, friends and friend requests, check-ins (with their raw position while it
    is kept) and refused attempts, coupons, campaign eligibility, comments, likes, notifications,
    merchant roles, merchant pages viewed and the location access log. Sent as an attachment (`Content-
    Disposition`) to save; every list is oldest first and complete (no pages).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonalDataExport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
