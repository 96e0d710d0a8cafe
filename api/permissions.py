from rest_framework.permissions import AllowAny, IsAuthenticated

PUBLIC = [AllowAny]
AUTHENTICATED = [IsAuthenticated]
