"""A coverage-guided fuzzer over reading, checking and rendering (atheris, libFuzzer), for
long runs by hand; the suite runs a short hypothesis version (tests/test_fuzz.py).

    pip install atheris
    python tests/fuzz/fuzz_read.py -max_total_time=3600 -rss_limit_mb=4096 tests/fuzz/corpus

The corpus folder starts from the examples and the PDF and Word tests' files (copied there on
the first run); libFuzzer adds the inputs that reach new code.  Any exception other than a
govinfo error, a crash or a hang is a finding: libFuzzer saves the input as crash-* / timeout-*.
The first byte of an input chooses the name it is read under (.txt, .html, .pdf, .docx, .json,
none), so that every reader is reached.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["govinfo", "govinfo_plugins"]):
    import govinfo
    from govinfo import GovinfoError, Source

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("report.txt", "report.html", "report.pdf", "report.docx", "report.json", None)


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        document = govinfo.read(Source(data[1:], name))
    except GovinfoError as exc:
        if "\n" in str(exc).strip():
            raise AssertionError(f"an error of more than one line: {exc!r}") from None
        return
    if govinfo.loads(govinfo.dumps(document)) != document:
        raise AssertionError("the JSON round trip changed the document")
    findings = govinfo.check(document)
    for reporter in ("markdown", "table", "csv", "html", "json"):
        govinfo.render(document, reporter, findings=findings)


def _seed(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    seeds = [
        *sorted((ROOT / "examples").iterdir()),
        *sorted((ROOT / "tests" / "data").glob("*.pdf")),
    ]
    for path in seeds:
        suffix = path.suffix.lower()
        prefix = {".html": 1, ".pdf": 2, ".docx": 3, ".json": 4}.get(suffix, 0)
        (corpus / path.name).write_bytes(bytes([prefix]) + path.read_bytes())
    for json_file in sorted((ROOT / "tests" / "golden" / "json").glob("*.json"))[:3]:
        shutil.copy(json_file, corpus / json_file.name)
        data = (corpus / json_file.name).read_bytes()
        (corpus / json_file.name).write_bytes(bytes([4]) + data)


if __name__ == "__main__":
    folders = [a for a in sys.argv[1:] if not a.startswith("-")]
    if folders:
        _seed(Path(folders[0]))
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
