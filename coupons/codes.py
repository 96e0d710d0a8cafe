"""Coupon codes: how they are drawn and how what a clerk typed is read back."""

import secrets

# Crockford's base32: no I, L, O or U, so a code read out at a counter is hard to mistype.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 random bits
_CODE_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def coupon_code_new() -> str:
    """A fresh random code: 10 characters of Crockford base32 from the OS's CSPRNG."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def coupon_code_normalize(raw: str) -> str:
    """What a clerk typed, as a stored code: case-insensitive, dashes and spaces ignored, I/L read as 1 and O as 0."""
    return "".join(raw.split()).replace("-", "").upper().translate(_CODE_READ_AS)


def coupon_code_possible(code: str) -> bool:
    """Whether a normalized code could have been issued (so that anything else is refused without a query)."""
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)
