"""Long-running fuzzer for the readers: ``python tests/fuzz/fuzz_readers.py --seconds 600``.

Uses the same mutations as tests/test_fuzz_readers.py but keeps going for as long as asked, over
seeds built in code plus any DOCX/PDF given on the command line. A mutant that raises anything but
a codecheck error is saved under ``--crashes`` (default ./fuzz-crashes) for replay.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import hostile_factory as hf  # noqa: E402
from fuzz.mutators import flip_bytes, mutate_docx_xml, splice  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="extra seed documents")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args()

    from codecheck.errors import CodecheckError
    from codecheck.readers import read_document

    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="codecheck-fuzz-"))
    seeds: list[tuple[str, bytes]] = [
        ("docx", hf.write_docx_form(work / "seed.docx").read_bytes()),
        ("pdf", hf.write_pdf_form(work / "seed.pdf").read_bytes()),
    ]
    seeds += [(p.suffix.lstrip(".").lower(), p.read_bytes()) for p in args.files]
    deadline = time.monotonic() + args.seconds
    runs = crashes = 0
    while time.monotonic() < deadline:
        kind, data = rng.choice(seeds)
        choice = rng.randrange(3)
        if choice == 0:
            n = rng.randint(1, 16)
            mutant = flip_bytes(
                data, [rng.randrange(1 << 20) for _ in range(n)], [rng.randrange(256) for _ in range(n)]
            )
        elif choice == 1 or kind != "docx":
            mutant = splice(
                data, rng.randrange(1 << 20), rng.randrange(4096), rng.randbytes(rng.randrange(64))
            )
        else:
            mutant = mutate_docx_xml(
                data, rng.randrange(1 << 16), rng.randrange(512), rng.randbytes(rng.randrange(32))
            )
        path = work / f"mutant.{kind}"
        path.write_bytes(mutant)
        runs += 1
        try:
            read_document(path)
        except CodecheckError:
            pass
        except Exception:
            crashes += 1
            args.crashes.mkdir(parents=True, exist_ok=True)
            saved = args.crashes / f"crash-{runs}.{kind}"
            saved.write_bytes(mutant)
            print(f"crash {saved}:\n{traceback.format_exc()}", file=sys.stderr)
    print(f"{runs} runs, {crashes} crashes in {args.seconds:.0f}s")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
