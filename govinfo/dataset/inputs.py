"""The files an extraction reads: files named, folders (walked recursively) and globs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

from govinfo.errors import InputError


def _walk(folder: str, suffixes: frozenset[str]) -> Iterator[str]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in suffixes:
                yield os.path.normpath(os.path.join(root, name))


def expand(arguments: Iterable[str], suffixes: Iterable[str]) -> list[str]:
    """The files the arguments name, each once, in the order given (a folder's in name
    order).  A file named is read whatever its suffix; a folder or a glob gives the files
    whose suffix a reader takes (hidden ones left out).  An argument that names nothing is
    an error."""
    wanted = frozenset(s.lower() for s in suffixes)
    found: dict[str, None] = {}
    for argument in arguments:
        if os.path.isdir(argument):
            found.update(dict.fromkeys(_walk(argument, wanted)))
        elif os.path.exists(argument):
            found[os.path.normpath(argument)] = None
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                raise InputError(f"{argument}: matches no file")
            for match in matches:
                if os.path.isdir(match):
                    found.update(dict.fromkeys(_walk(match, wanted)))
                elif os.path.splitext(match)[1].lower() in wanted:
                    found[os.path.normpath(match)] = None
        else:
            raise InputError(f"{argument}: no such file or folder")
    return list(found)
