"""Domain exceptions and the documented exit codes. The CLI turns these into messages in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    NO_MODEL = 3
    INPUT_ERRORS = 4
    INTERRUPTED = 130


class FactxError(Exception):
    """Base class for errors a user can act on."""

    exit_status = ExitStatus.ERROR


class ModelNotFound(FactxError):
    exit_status = ExitStatus.NO_MODEL


class InputError(FactxError):
    """One input could not be read; the others are still processed."""

    exit_status = ExitStatus.INPUT_ERRORS

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):
        return type(self), (self.source, self.reason)


class UsageError(FactxError):
    exit_status = ExitStatus.USAGE
