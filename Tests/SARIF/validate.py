"""Validates SARIF logs against the OASIS SARIF 2.1.0 schema committed beside this script.

Usage: python3 validate.py FILE...   Exit 0 when every file is valid; 1 with each error
(file, JSON path, message) on stderr otherwise; 2 when the validator cannot run.
"""

import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: the jsonschema package is missing: pip install -r Tests/SARIF/requirements.txt",
          file=sys.stderr)
    sys.exit(2)

SCHEMA = pathlib.Path(__file__).with_name("sarif-schema-2.1.0.json")


def errors_in(path, validator):
    log = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    for error in validator.iter_errors(log):
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        yield f"{path}: {where}: {error.message}"


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = [problem for path in paths for problem in errors_in(path, validator)]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
