"""The Content-Security-Policy: django-csp's for the pages (dashboard, API docs), a fixed deny-all one for the API."""

from csp.middleware import CSPMiddleware

API_PREFIX = "/api/v1/"
# JSON is never a document to render: nothing may load from it and no page may frame it. A constant, so that the API's
# hot paths pay nothing for building a policy.
API_POLICY = "default-src 'none'; frame-ancestors 'none'"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY (with per-request nonces) for pages; API_POLICY for the JSON API."""

    def process_request(self, request):
        if not request.path.startswith(API_PREFIX):
            super().process_request(request)

    def process_response(self, request, response):
        if request.path.startswith(API_PREFIX):
            response.headers.setdefault("Content-Security-Policy", API_POLICY)
            return response
        return super().process_response(request, response)
