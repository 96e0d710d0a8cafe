"""Domain errors: one small hierarchy, each with a stable machine code; api/ turns them into problem details."""


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    status = 400
    code = "bad_request"
    title = "Bad request"

    def __init__(self, detail: str | None = None, *, code: str | None = None, errors: dict | None = None, **extra):
        self.detail = detail or self.title
        if code:
            self.code = code
        self.errors = errors
        self.extra = extra
        super().__init__(self.detail)


class ValidationFailed(DomainError):
    """Input that is well-formed but breaks a rule, reported per field."""

    status = 400
    code = "validation_error"
    title = "Invalid input"


class NotFound(DomainError):
    """The object does not exist, or the caller may not know that it exists."""

    status = 404
    code = "not_found"
    title = "Not found"


class PermissionDenied(DomainError):
    """The caller is known but may not do this."""

    status = 403
    code = "permission_denied"
    title = "Permission denied"


class Conflict(DomainError):
    """The request conflicts with the current state."""

    status = 409
    code = "conflict"
    title = "Conflict"


class Gone(DomainError):
    """The object existed but can no longer be used."""

    status = 410
    code = "gone"
    title = "Gone"


class Unprocessable(DomainError):
    """The request is valid but the domain refuses it (for example an anti-cheat rule)."""

    status = 422
    code = "unprocessable"
    title = "Request refused"
