from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.checkin_create_input_request import CheckinCreateInputRequest
from ...models.checkin_create_output import CheckinCreateOutput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CheckinCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/checkins",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CheckinCreateOutput | Problem | None:
    if response.status_code == 201:
        response_201 = CheckinCreateOutput.from_dict(response.json())

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
) -> Response[CheckinCreateOutput | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CheckinCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CheckinCreateOutput | Problem]:
    """Check in at a merchant and get its coupons on the spot

     Checks you in at a merchant and issues, on the spot, the coupons of its running campaigns
    whose trigger you meet.

    Any signed-in user who has agreed to the collection of their location may check in (else 403
    `location_consent_required`, checked before anything is stored). The server decides from your fix
    whether you are
    there; the first rule that applies refuses the check-in with a 422
    and its `code` (nothing is written but an audit record for fraud review):
    `poor_accuracy` (accuracy_m above the limit, 200 m), `too_far` (the distance to the merchant less
    your accuracy,
    credited up to the merchant's radius, exceeds `checkin_radius_m`), `checkin_cooldown` (you checked
    in here within
    the last 60 minutes), `implausible_travel` (reaching here from your previous check-in needs more
    than 300 km/h; pairs
    under 1 km apart are exempt). One user's check-ins are processed one at a time, so parallel attempts
    are judged as if
    sent one after another.

    Without `visibility` the check-in takes your `default_visibility` (PATCH /me). The answer to your
    first check-in
    carries a one-time `notice` saying who will see it, in the request's language; later answers carry
    `notice: null`.

    Send an `Idempotency-Key` so that a retry never checks you in twice.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `checkin`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (CheckinCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckinCreateOutput | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CheckinCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> CheckinCreateOutput | Problem | None:
    """Check in at a merchant and get its coupons on the spot

     Checks you in at a merchant and issues, on the spot, the coupons of its running campaigns
    whose trigger you meet.

    Any signed-in user who has agreed to the collection of their location may check in (else 403
    `location_consent_required`, checked before anything is stored). The server decides from your fix
    whether you are
    there; the first rule that applies refuses the check-in with a 422
    and its `code` (nothing is written but an audit record for fraud review):
    `poor_accuracy` (accuracy_m above the limit, 200 m), `too_far` (the distance to the merchant less
    your accuracy,
    credited up to the merchant's radius, exceeds `checkin_radius_m`), `checkin_cooldown` (you checked
    in here within
    the last 60 minutes), `implausible_travel` (reaching here from your previous check-in needs more
    than 300 km/h; pairs
    under 1 km apart are exempt). One user's check-ins are processed one at a time, so parallel attempts
    are judged as if
    sent one after another.

    Without `visibility` the check-in takes your `default_visibility` (PATCH /me). The answer to your
    first check-in
    carries a one-time `notice` saying who will see it, in the request's language; later answers carry
    `notice: null`.

    Send an `Idempotency-Key` so that a retry never checks you in twice.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `checkin`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (CheckinCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckinCreateOutput | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CheckinCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CheckinCreateOutput | Problem]:
    """Check in at a merchant and get its coupons on the spot

     Checks you in at a merchant and issues, on the spot, the coupons of its running campaigns
    whose trigger you meet.

    Any signed-in user who has agreed to the collection of their location may check in (else 403
    `location_consent_required`, checked before anything is stored). The server decides from your fix
    whether you are
    there; the first rule that applies refuses the check-in with a 422
    and its `code` (nothing is written but an audit record for fraud review):
    `poor_accuracy` (accuracy_m above the limit, 200 m), `too_far` (the distance to the merchant less
    your accuracy,
    credited up to the merchant's radius, exceeds `checkin_radius_m`), `checkin_cooldown` (you checked
    in here within
    the last 60 minutes), `implausible_travel` (reaching here from your previous check-in needs more
    than 300 km/h; pairs
    under 1 km apart are exempt). One user's check-ins are processed one at a time, so parallel attempts
    are judged as if
    sent one after another.

    Without `visibility` the check-in takes your `default_visibility` (PATCH /me). The answer to your
    first check-in
    carries a one-time `notice` saying who will see it, in the request's language; later answers carry
    `notice: null`.

    Send an `Idempotency-Key` so that a retry never checks you in twice.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `checkin`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (CheckinCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckinCreateOutput | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CheckinCreateInputRequest,
    idempotency_key: str | Unset = UNSET,
) -> CheckinCreateOutput | Problem | None:
    """Check in at a merchant and get its coupons on the spot

     Checks you in at a merchant and issues, on the spot, the coupons of its running campaigns
    whose trigger you meet.

    Any signed-in user who has agreed to the collection of their location may check in (else 403
    `location_consent_required`, checked before anything is stored). The server decides from your fix
    whether you are
    there; the first rule that applies refuses the check-in with a 422
    and its `code` (nothing is written but an audit record for fraud review):
    `poor_accuracy` (accuracy_m above the limit, 200 m), `too_far` (the distance to the merchant less
    your accuracy,
    credited up to the merchant's radius, exceeds `checkin_radius_m`), `checkin_cooldown` (you checked
    in here within
    the last 60 minutes), `implausible_travel` (reaching here from your previous check-in needs more
    than 300 km/h; pairs
    under 1 km apart are exempt). One user's check-ins are processed one at a time, so parallel attempts
    are judged as if
    sent one after another.

    Without `visibility` the check-in takes your `default_visibility` (PATCH /me). The answer to your
    first check-in
    carries a one-time `notice` saying who will see it, in the request's language; later answers carry
    `notice: null`.

    Send an `Idempotency-Key` so that a retry never checks you in twice.

    Rate limited: 30 requests per minute per user (per client address when anonymous), scope `checkin`;
    every answer carries the `RateLimit-*` headers, and a 429 `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (CheckinCreateInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckinCreateOutput | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
