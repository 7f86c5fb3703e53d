"""The application layer: what a command does, callable from Python without a terminal.

Commands parse their options, call one function or method here, and hand the result to the
renderer. Nothing here prints or imports a terminal library.
"""
