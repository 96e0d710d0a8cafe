"""Messages of third-party packages that reach our clients, listed so that `makemessages` keeps them in our catalogues.

Our catalogues (LOCALE_PATHS) come before the packages' own, so an entry here also replaces a package's wording:
- simplejwt ships no Japanese, and its Korean only as `ko_KR`;
- DRF's Korean for some field errors is missing or stiff ("자격 인증 데이터", "blank일 수 없습니다"), and its
  Japanese lacks a few (a boolean, a string). Only the messages this API can answer with are listed (the serializer
  fields api/v1 uses, the exceptions api/problems.py maps); api/fields.py replaces those that would quote the input.
Nothing imports this module.
"""

from django.utils.translation import gettext_noop

SIMPLEJWT = [
    gettext_noop("Authorization header must contain two space-delimited values"),
    gettext_noop("Given token not valid for any token type"),
    gettext_noop("No active account found for the given token."),
    gettext_noop("No active account found with the given credentials"),
    gettext_noop("The user's password has been changed."),
    gettext_noop("Token contained no recognizable user identification"),
    gettext_noop("Token has no id"),
    gettext_noop("Token has no type"),
    gettext_noop("Token has wrong type"),
    gettext_noop("Token is blacklisted"),
    gettext_noop("Token is expired"),
    gettext_noop("Token is invalid or expired"),
    gettext_noop("Token is invalid"),
    gettext_noop("User is inactive"),
    gettext_noop("User not found"),
]

REST_FRAMEWORK = [
    # Exceptions (their default detail).
    gettext_noop("Authentication credentials were not provided."),
    gettext_noop("Incorrect authentication credentials."),
    gettext_noop("You do not have permission to perform this action."),
    gettext_noop("Not found."),
    gettext_noop("Could not satisfy the request Accept header."),
    gettext_noop("Malformed request."),
    gettext_noop("Invalid input."),
    # Serializer fields (default_error_messages).
    gettext_noop("This field is required."),
    gettext_noop("This field may not be null."),
    gettext_noop("This field may not be blank."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Not a valid string."),
    gettext_noop("Ensure this field has no more than {max_length} characters."),
    gettext_noop("Ensure this field has at least {min_length} characters."),
    gettext_noop("This value does not match the required pattern."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("A valid integer is required."),
    gettext_noop("A valid number is required."),
    gettext_noop("Ensure this value is less than or equal to {max_value}."),
    gettext_noop("Ensure this value is greater than or equal to {min_value}."),
    gettext_noop("String value too large."),
    gettext_noop("Integer value too large to convert to float"),
    gettext_noop("Datetime has wrong format. Use one of these formats instead: {format}."),
    gettext_noop("Expected a datetime but got a date."),
    gettext_noop('Invalid datetime for the timezone "{timezone}".'),
    gettext_noop("Datetime value out of range."),
    gettext_noop("Time has wrong format. Use one of these formats instead: {format}."),
    gettext_noop('Expected a list of items but got type "{input_type}".'),
    gettext_noop("This list may not be empty."),
    gettext_noop("This selection may not be empty."),
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop('Expected a dictionary of items but got type "{input_type}".'),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("Invalid data. Expected a dictionary, but got {datatype}."),
    gettext_noop("Value must be valid JSON."),
]
