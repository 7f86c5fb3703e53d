"""SHA-256 without OpenSSL: ``hashlib`` loads OpenSSL before it can give a digest (~3 ms, and
~11 M instructions, of every command that opens the index or reads a cache), while CPython
carries its own SHA-256 module, which gives the same digest."""

from __future__ import annotations


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hexadecimal, from CPython's own module when it has one."""
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:  # another interpreter, or a Python that names it otherwise
        from hashlib import sha256
    return str(sha256(data).hexdigest())
