"""Run the parity flow in C, Python and Ruby and check they print the same lines.

    python3 compare.py --c build/rf_parity [--python python3] [--ruby ruby]

The Python and Ruby editions find the library through $REFERRAL_LIBRARY.
Exit status 0 when all outputs are identical (and non-empty), 1 otherwise.
"""
import argparse
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(label, argv):
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
    if proc.returncode != 0:
        sys.stderr.write("%s failed (%d):\n%s" % (label, proc.returncode, proc.stderr))
        sys.exit(1)
    return proc.stdout.splitlines(keepends=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c", required=True, help="the compiled parity.c")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--ruby", default="ruby")
    args = ap.parse_args()
    outputs = {
        "c": run("c", [args.c]),
        "python": run("python", [args.python, os.path.join(HERE, "parity.py")]),
        "ruby": run("ruby", [args.ruby, os.path.join(HERE, "parity.rb")]),
    }
    reference = outputs["c"]
    if len(reference) < 10:
        sys.stderr.write("the C flow printed too little:\n%s" % "".join(reference))
        return 1
    status = 0
    for label in ("python", "ruby"):
        if outputs[label] != reference:
            status = 1
            sys.stderr.write("".join(difflib.unified_diff(reference, outputs[label], "c", label)))
    if status == 0:
        print("parity: C, Python and Ruby printed the same %d lines" % len(reference))
    return status


if __name__ == "__main__":
    sys.exit(main())
