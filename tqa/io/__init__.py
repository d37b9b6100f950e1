"""Readers: bytes on disk (or the network) → decoded `Story` values. One module per input kind.

* `read_inputs(paths, aligned=, date=)` — the CLI's entry point: story pairs, directories, ``--aligned`` line files,
  TSV and JSONL (a generator; record files stream as `Story` chunks);
* `read_pair(source, target)` — one story pair as one `Story`;
* `decode_bytes(data, name)` / `read_text(path)` — bytes → (text, encoding name) with the project's detection
  (UTF-8 ± BOM, UTF-16/32 with BOM, cp1251, koi8-u, … see `tqa.io.encoding`).
"""

from tqa.io.encoding import decode_bytes, read_text
from tqa.io.readers import read_inputs, read_pair

__all__ = ["decode_bytes", "read_inputs", "read_pair", "read_text"]
