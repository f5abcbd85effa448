"""Mutations of a document's bytes, as a fuzzer makes them: bytes flipped, inserted and
deleted, the file cut short, a piece of another document spliced in, digits changed, lines
duplicated and deleted.  Used by the suite's fuzz test (with hypothesis choosing) and by the
atheris harness in ``tests/fuzz/`` (with libFuzzer's data choosing)."""

from __future__ import annotations

import random
from collections.abc import Sequence

#: The kinds of mutation, each a function of (data, rng, others).
KINDS = ("flip", "insert", "delete", "truncate", "splice", "digits", "duplicate_line",
         "delete_line", "bytes_of_text")  # fmt: skip

_TEXTS = ("0", "9" * 40, "/", "—", "\u3000", "\t", "|", "<td>", "</td>", "<tr>", "<table>",
          "colspan=\"9\"", "\x00", "\ufeff", "（七）总计", "三、收到和处理政府信息公开申请情况",
          "\ud7ff", "²", "٣", "&nbsp;", "<br>", "\r\n")  # fmt: skip


def mutate(data: bytes, rng: random.Random, others: Sequence[bytes] = (), steps: int = 3) -> bytes:
    """``data`` changed by ``steps`` mutations chosen by ``rng``."""
    out = bytearray(data)
    for _ in range(steps):
        kind = rng.choice(KINDS)
        n = len(out)
        at = rng.randrange(n + 1)
        if kind == "flip" and n:
            out[min(at, n - 1)] ^= 1 << rng.randrange(8)
        elif kind == "insert":
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        elif kind == "delete" and n:
            del out[at : at + rng.randrange(1, 64)]
        elif kind == "truncate":
            del out[at:]
        elif kind == "splice" and others:
            other = rng.choice(others)
            start = rng.randrange(len(other) + 1)
            out[at:at] = other[start : start + rng.randrange(1, 2000)]
        elif kind == "digits":
            digits = [i for i, b in enumerate(out) if 0x30 <= b <= 0x39]
            for i in rng.sample(digits, min(len(digits), rng.randrange(1, 20))):
                out[i] = 0x30 + rng.randrange(10)
        elif kind in ("duplicate_line", "delete_line"):
            lines = bytes(out).split(b"\n")
            i = rng.randrange(len(lines))
            if kind == "duplicate_line":
                lines[i:i] = [lines[i]] * rng.randrange(1, 4)
            else:
                del lines[i : i + rng.randrange(1, 4)]
            out = bytearray(b"\n".join(lines))
        elif kind == "bytes_of_text":
            out[at:at] = rng.choice(_TEXTS).encode("utf-8", "surrogatepass")
    return bytes(out)
