"""Messages of third-party packages that reach our clients, listed so that `makemessages` keeps them in our catalogues.

simplejwt ships Korean only as `ko_KR`, which Django never picks for the language `ko`. Nothing imports this module.
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
