"""Files written whole or not at all: one atomic-write helper for every output of the toolkit.

A file is written to a temporary name in its own directory and renamed over
the target only once it is complete, so an error or Ctrl-C never leaves half
a report, a figure or a JSON file behind.  Permissions are the usual 0644
(``mkstemp`` would leave 0600 on a file meant for sharing).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write(d / "a.txt", "hello\\n").read_text()
'hello\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

__all__ = ["atomic_write", "atomic_save"]


def atomic_save(path: Path | str, write: Callable[[str], None]) -> Path:
    """Call ``write(temporary_path)`` and move the result onto ``path`` (nothing is left on failure)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix or ".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def atomic_write(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` (text or bytes) to ``path`` atomically."""
    def write(tmp: str) -> None:
        if isinstance(data, bytes):
            Path(tmp).write_bytes(data)
        else:
            Path(tmp).write_text(data, encoding=encoding)

    return atomic_save(path, write)
