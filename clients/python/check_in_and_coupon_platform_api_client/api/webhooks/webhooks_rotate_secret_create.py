from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_secret_output import WebhookSecretOutput
from ...types import Response


def _get_kwargs(
    webhook_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{webhook_id}/rotate-secret".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookSecretOutput | None:
    if response.status_code == 200:
        response_200 = WebhookSecretOutput.from_dict(response.json())

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
) -> Response[Problem | WebhookSecretOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | WebhookSecretOutput]:
    """Give a webhook endpoint a new secret (owner or manager)

     The new secret is shown only in this answer. Every later attempt, retries of earlier events
    included, is signed with it; for `WEBHOOK_SECRET_GRACE_HOURS` (24) it also carries a second
    signature with the old secret (`webhook-signature: v1,<new> v1,<old>`), so a receiver still holding
    the old secret keeps verifying until you switch it. Rotating again within that time ends the older
    secret's grace. No request body.

    Args:
        webhook_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSecretOutput]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | WebhookSecretOutput | None:
    """Give a webhook endpoint a new secret (owner or manager)

     The new secret is shown only in this answer. Every later attempt, retries of earlier events
    included, is signed with it; for `WEBHOOK_SECRET_GRACE_HOURS` (24) it also carries a second
    signature with the old secret (`webhook-signature: v1,<new> v1,<old>`), so a receiver still holding
    the old secret keeps verifying until you switch it. Rotating again within that time ends the older
    secret's grace. No request body.

    Args:
        webhook_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSecretOutput
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | WebhookSecretOutput]:
    """Give a webhook endpoint a new secret (owner or manager)

     The new secret is shown only in this answer. Every later attempt, retries of earlier events
    included, is signed with it; for `WEBHOOK_SECRET_GRACE_HOURS` (24) it also carries a second
    signature with the old secret (`webhook-signature: v1,<new> v1,<old>`), so a receiver still holding
    the old secret keeps verifying until you switch it. Rotating again within that time ends the older
    secret's grace. No request body.

    Args:
        webhook_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSecretOutput]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | WebhookSecretOutput | None:
    """Give a webhook endpoint a new secret (owner or manager)

     The new secret is shown only in this answer. Every later attempt, retries of earlier events
    included, is signed with it; for `WEBHOOK_SECRET_GRACE_HOURS` (24) it also carries a second
    signature with the old secret (`webhook-signature: v1,<new> v1,<old>`), so a receiver still holding
    the old secret keeps verifying until you switch it. Rotating again within that time ends the older
    secret's grace. No request body.

    Args:
        webhook_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSecretOutput
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
        )
    ).parsed
