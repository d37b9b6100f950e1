"""Readers: bytes on disk (or the network) → decoded `Story` values. One module per input kind."""

from tqa.io.readers import read_inputs, read_pair

__all__ = ["read_inputs", "read_pair"]
