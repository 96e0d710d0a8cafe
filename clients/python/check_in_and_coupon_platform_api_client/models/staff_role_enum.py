from enum import StrEnum


class StaffRoleEnum(StrEnum):
    CLERK = "clerk"
    MANAGER = "manager"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
