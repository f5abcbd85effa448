"""The files an extraction reads: files named, folders (walked recursively) and globs."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator, Sequence

import attrs

from govinfo.errors import InputError

#: Names of the notes a folder of reports often holds beside them, left out of a folder or a
#: glob (a file named on its own is read whatever its name).
NOTES: tuple[str, ...] = ("README*", "LICENSE*", "CHANGELOG*", "NOTICE*")


@attrs.frozen
class Inputs:
    """The files to read, each once, in order; and those left out by name."""

    files: tuple[str, ...]
    left_out: tuple[str, ...] = ()


class _Filter:
    def __init__(self, suffixes: Iterable[str], exclude: Sequence[str]) -> None:
        self.suffixes = frozenset(s.lower() for s in suffixes)
        self.notes = tuple(p.lower() for p in NOTES)
        self.patterns = tuple(
            p.lower() for p in ((exclude,) if isinstance(exclude, str) else exclude)
        )
        self.left_out: dict[str, None] = {}

    def wanted(self, path: str, folder: str | None = None) -> bool:
        """Whether a file a folder or a glob gives is read (its suffix a reader's, and its
        name, its path, or its path within the folder walked matching no pattern left
        out)."""
        name = os.path.basename(path)
        if name.startswith(".") or os.path.splitext(name)[1].lower() not in self.suffixes:
            return False
        paths = [path] if folder is None else [path, os.path.relpath(path, folder)]
        folded = (name.lower(), *(p.replace(os.sep, "/").lower() for p in paths))
        if any(fnmatch.fnmatchcase(name.lower(), p) for p in self.notes) or any(
            fnmatch.fnmatchcase(text, p) for p in self.patterns for text in folded
        ):
            self.left_out[os.path.normpath(path)] = None
            return False
        return True

    def walk(self, folder: str) -> Iterator[str]:
        for root, folders, files in os.walk(folder):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                path = os.path.join(root, name)
                if self.wanted(path, folder):
                    yield os.path.normpath(path)


def expand(
    arguments: Iterable[str], suffixes: Iterable[str], exclude: Sequence[str] = ()
) -> Inputs:
    """The files the arguments name, each once, in the order given (a folder's in name
    order).  A file named is read whatever its suffix; a folder or a glob gives the files
    whose suffix a reader takes (hidden ones left out, those whose name matches
    :data:`NOTES`, and those whose name, path or path within the folder matches a pattern of
    ``exclude``).  An argument that names nothing is an error."""
    among = _Filter(suffixes, exclude)
    found: dict[str, None] = {}
    for argument in arguments:
        if os.path.isdir(argument):
            found.update(dict.fromkeys(among.walk(argument)))
        elif os.path.exists(argument):
            found[os.path.normpath(argument)] = None
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                raise InputError(f"{argument}: matches no file")
            for match in matches:
                if os.path.isdir(match):
                    found.update(dict.fromkeys(among.walk(match)))
                elif among.wanted(match):
                    found[os.path.normpath(match)] = None
        else:
            raise InputError(f"{argument}: no such file or folder")
    left_out = tuple(p for p in among.left_out if p not in found)
    return Inputs(tuple(found), left_out)
