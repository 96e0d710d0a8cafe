from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_delivery_output import WebhookDeliveryOutput
from ...types import Response


def _get_kwargs(
    webhook_id: int,
    delivery_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver".format(
            webhook_id=quote(str(webhook_id), safe=""),
            delivery_id=quote(str(delivery_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookDeliveryOutput | None:
    if response.status_code == 202:
        response_202 = WebhookDeliveryOutput.from_dict(response.json())

        return response_202

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
) -> Response[Problem | WebhookDeliveryOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: int,
    delivery_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | WebhookDeliveryOutput]:
    """Send a delivery again (owner or manager)

     The same message (same body, same `webhook-id`) is sent to this endpoint again now, whatever the
    delivery's status; the answer is the delivery, `pending` and due at once. Its attempt count is kept,
    so a delivery that had used up its retries gets this one attempt. A disabled endpoint gets nothing
    (409 `webhook_endpoint_disabled`: enable it first); when an endpoint is disabled for failing, its
    pending deliveries fail, and enabling it again sends none of them: redeliver those you still want.
    No request body; rate limited per user (429).

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope
    `webhook_send`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        webhook_id (int):
        delivery_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDeliveryOutput]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        delivery_id=delivery_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: int,
    delivery_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | WebhookDeliveryOutput | None:
    """Send a delivery again (owner or manager)

     The same message (same body, same `webhook-id`) is sent to this endpoint again now, whatever the
    delivery's status; the answer is the delivery, `pending` and due at once. Its attempt count is kept,
    so a delivery that had used up its retries gets this one attempt. A disabled endpoint gets nothing
    (409 `webhook_endpoint_disabled`: enable it first); when an endpoint is disabled for failing, its
    pending deliveries fail, and enabling it again sends none of them: redeliver those you still want.
    No request body; rate limited per user (429).

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope
    `webhook_send`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        webhook_id (int):
        delivery_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDeliveryOutput
    """

    return sync_detailed(
        webhook_id=webhook_id,
        delivery_id=delivery_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    webhook_id: int,
    delivery_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | WebhookDeliveryOutput]:
    """Send a delivery again (owner or manager)

     The same message (same body, same `webhook-id`) is sent to this endpoint again now, whatever the
    delivery's status; the answer is the delivery, `pending` and due at once. Its attempt count is kept,
    so a delivery that had used up its retries gets this one attempt. A disabled endpoint gets nothing
    (409 `webhook_endpoint_disabled`: enable it first); when an endpoint is disabled for failing, its
    pending deliveries fail, and enabling it again sends none of them: redeliver those you still want.
    No request body; rate limited per user (429).

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope
    `webhook_send`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        webhook_id (int):
        delivery_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookDeliveryOutput]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        delivery_id=delivery_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: int,
    delivery_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | WebhookDeliveryOutput | None:
    """Send a delivery again (owner or manager)

     The same message (same body, same `webhook-id`) is sent to this endpoint again now, whatever the
    delivery's status; the answer is the delivery, `pending` and due at once. Its attempt count is kept,
    so a delivery that had used up its retries gets this one attempt. A disabled endpoint gets nothing
    (409 `webhook_endpoint_disabled`: enable it first); when an endpoint is disabled for failing, its
    pending deliveries fail, and enabling it again sends none of them: redeliver those you still want.
    No request body; rate limited per user (429).

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope
    `webhook_send`; every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        webhook_id (int):
        delivery_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookDeliveryOutput
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            delivery_id=delivery_id,
            client=client,
        )
    ).parsed
