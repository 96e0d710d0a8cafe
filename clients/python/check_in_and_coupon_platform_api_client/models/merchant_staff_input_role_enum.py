from enum import StrEnum


class MerchantStaffInputRoleEnum(StrEnum):
    CLERK = "clerk"
    MANAGER = "manager"

    def __str__(self) -> str:
        return str(self.value)
