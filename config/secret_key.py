"""Where the secret key comes from: the environment, else a random key kept per installation outside git.

No key is written in the repository. `scripts/setup.sh` (behind both `make run` and `make test`) writes a random
key to `var/secret_key` (mode 0600) once per installation, unless `DJANGO_SECRET_KEY` is set. A process with
DEBUG off refuses to start without a real key; with DEBUG on (a developer's shell) it makes up a random key for
its own lifetime, so nothing it signs outlives it. Keys that ever stood in this repository are refused by their
SHA-256 fingerprint, so that a token or cookie signed with one can never be accepted.
"""

import hashlib
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# SHA-256 of every key that ever appeared in this repository's history (settings, docker-compose.yml, Dockerfile).
PUBLISHED_KEY_FINGERPRINTS = frozenset(
    {
        "80a03a9d89d8b88713efae6fcc9790a45aa6f2eebed7d0beb941478f5cdefcda",
        "94b46ef0dcb23337bb089abd90d354493dd16e968d3909da5b52601a7cef0dd3",
        "5d9b84a7e459c5958eae2db7ffda263e3dc59fcde809231d44ecff53779f8bfd",
    }
)
# Django's deployment check (security.W009) asks for at least 50 characters and 5 distinct ones.
MIN_LENGTH = 50
MIN_DISTINCT = 5


def secret_key_problem(key: str) -> str | None:
    """Why `key` is not a real secret key, or None when it is one."""
    if hashlib.sha256(key.encode()).hexdigest() in PUBLISHED_KEY_FINGERPRINTS:
        return "it was published in the repository"
    if len(key) < MIN_LENGTH or len(set(key)) < MIN_DISTINCT:
        return f"it is shorter than {MIN_LENGTH} characters or has fewer than {MIN_DISTINCT} distinct ones"
    if key.startswith("django-insecure"):
        return "it is one of Django's insecure development keys"
    return None


def secret_key_load(*, environ_value: str | None, path: Path, debug: bool) -> str:
    """The key from DJANGO_SECRET_KEY, else from `path`; with DEBUG on, a random one for this process at worst."""
    source = "DJANGO_SECRET_KEY"
    key = environ_value or None
    if key is None and path.is_file():
        source = str(path)
        key = path.read_text().strip() or None
    if key is None:
        if debug:
            return secrets.token_urlsafe(64)
        raise ImproperlyConfigured(
            f"No secret key: set DJANGO_SECRET_KEY or write one to {path} (scripts/setup.sh does it: "
            f"python -c 'import secrets; print(secrets.token_urlsafe(64))' > {path} && chmod 600 {path})."
        )
    problem = secret_key_problem(key)
    if problem is not None:
        raise ImproperlyConfigured(f"The secret key from {source} cannot be used: {problem}.")
    return key


def secret_key_path(base_dir: Path) -> Path:
    """DJANGO_SECRET_KEY_FILE, else var/secret_key under the project."""
    return Path(os.environ.get("DJANGO_SECRET_KEY_FILE") or base_dir / "var" / "secret_key")
