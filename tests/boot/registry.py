"""The boot test registry: @boot_test adds a function; expect() fails a test with a message."""

from qemu import BootTestFailure

TESTS = {}


def boot_test(function):
    TESTS[function.__name__] = function
    return function


def expect(condition, message):
    if not condition:
        raise BootTestFailure(message)
