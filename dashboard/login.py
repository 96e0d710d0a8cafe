"""The dashboard's login page: Django's LoginView, telling a locked-out account so (django-axes counts the failures,
settings AXES_*) with a 429 and Retry-After instead of a plain "wrong password"."""

import math

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from accounts.login_lockout import login_lock_message, login_lock_remaining
from dashboard.counter import counter_landing_url


class LoginForm(AuthenticationForm):
    """AuthenticationForm whose error, when axes refused a locked account, says so and for how long."""

    locked_for = None  # a timedelta when axes refused the account

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # Django only sizes the input; no account has a longer name, and axes could not record a failure for one.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if not getattr(self.request, "axes_locked_out", False):
                raise
            self.locked_for = login_lock_remaining(request=self.request, username=self.cleaned_data.get("username"))
            raise ValidationError(login_lock_message(self.locked_for), code="login_locked") from None


class LoginView(auth_views.LoginView):
    """Log in with a username and password; a locked account gets the page back with its message, as a 429."""

    form_class = LoginForm
    template_name = "dashboard/login.html"
    next_page = "dashboard:home"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Clerks land on the counter (dashboard.counter.counter_landing_url), everyone else on the home page."""
        return counter_landing_url(self.request.user) or super().get_default_redirect_url()

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.locked_for is not None:
            response.status_code = 429
            response["Retry-After"] = str(max(1, math.ceil(form.locked_for.total_seconds())))
        return response
