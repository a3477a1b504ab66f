#!/usr/bin/env python3
"""The fixture the Swift port is checked against: a few hundred synthetic candidates (made
here from a fixed seed: no corpus value), their feature vectors by features.py, and their
probability by check_model.py over training/model.json. Inputs are stored as hex so that no
fake secret appears as text in the repository.

  python3 training/export_fixture.py            # writes training/fixtures/candidates.json
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from check_model import probability  # noqa: E402
from features import RULES, features  # noqa: E402

# The text of each first drop, as the 0.1.0 detector wrote it (features.py reads the words).
DROPS = {
    None: None,
    "placeholder": "placeholder (contains 'example')",
    "singleClass": "a generic rule's value of a single character class",
    "wordLike": "a generic rule's value that reads as words or an identifier",
    "codeReference": "a generic rule's value that reads as code (a member access, an operator, escaped HTML)",
    "hashInContext": "a digest in a hash context (a hash name or algorithm prefix), not a credential",
}
TEMPLATES = [
    '{k} = "{v}"', "{k}='{v}'", '  "{k}": "{v}",', "export {K}={v}", "{k}: {v}", "    {k}: '{v}'",
    "<{k}>{v}</{k}>", '<add key="{K}" value="{v}" />', 'ds.setPassword("{v}");',
    'var c = new NetworkCredential("deploy", "{v}");', "mysql -u root -p{v} app", "sshpass -p '{v}' ssh host",
    'curl -H "Authorization: Bearer {v}" https://api.internal', "Authorization: Basic {v}",
    "postgres" + "://app:{v}@db.internal:5432/main", "# {k} = {v}", '// {k}: "{v}"', 'if ({k} == "{v}") {{',
    "{k} => '{v}',", "  {k}: process.env.{K} || '{v}',", "$config['{k}'] = '{v}';", "{K}:={v}",
    "CREATE USER app IDENTIFIED BY '{v}';", "requirepass {v}", "--{k}={v}", "-e {K}={v}",
    'os.getenv("{K}", "{v}")', "{k} {v}", "\t{k}\t= {v} ;", "REM set {K}={v}", "<!-- {k}: {v} -->",
    "fill_in :{k}, with: '{v}'", 'String {k} = String.valueOf("{v}");', "{v}", "   {v}   ", "*{k}*: `{v}`",
    "user={v} email=dev@example.com", "{k}=${{{K}}}", "sample {k} = {v} for the docs", "{k}.{k}2 -> {v}",
]
WORDS = ["password", "passwd", "pwd", "secret", "token", "apiKey", "auth", "credential", "salt", "nonce", "seed",
         "otp", "session", "cookie", "signature", "appid", "app_id", "ticket", "client_id", "private_key",
         "access_key", "user_name", "key_path", "max_token_len", "test_secret", "fakePass", "mockToken",
         "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY", "x.auth.token", "client-secret", "hashSalt", "email",
         "idToken", "Bearer"]
DIRS = ["", "src", "src/test", "tests/fixtures", "spec", "examples", "docs", "config", "vendor/lib",
        "node_modules/pkg", "app/settings", "samples/demo", "third_party", "dist", "lib/mocks", "stubs"]
FILES = ["app.py", "main.go", "Config.java", "settings.yml", "values.yaml", "package.json", "README.md",
         "deploy.sh", "app.properties", "web.xml", "index.js", "index.ts", "Program.cs", "index.php", "notes.txt",
         "page.html", "Build.scala", "Main.kt", "api.idl", "db.sql", "run.ps1", "Makefile", ".env", "a.tar.gz",
         "creds.toml", "site.conf", "x.rb", "app.swift", "data.csv", "noext", "v.J2", "Cfg.YML"]
LOWER, UPPER, DIGITS = "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"


def value(rng):
    kind = rng.randrange(16)
    n = rng.choice([3, 4, 6, 8, 12, 16, 20, 24, 32, 40, 64])
    if kind == 0:
        return "".join(rng.choice(LOWER) for _ in range(n))
    if kind == 1:
        return "".join(rng.choice(LOWER + UPPER + DIGITS) for _ in range(n))
    if kind == 2:
        return "".join(rng.choice("0123456789abcdef") for _ in range(n))
    if kind == 3:
        h = lambda k: "".join(rng.choice("0123456789abcdef") for _ in range(k))  # noqa: E731
        return f"{h(8)}-{h(4)}-{h(4)}-{h(4)}-{h(12)}"
    if kind == 4:
        return "".join(rng.choice(LOWER + UPPER + DIGITS + "+/") for _ in range(n)) + "=="
    if kind == 5:
        return rng.choice(["your_api_key_here", "changeme", "example-token", "xxxxxxxx", "<password>", "${DB_PASS}",
                           "{{ secret }}", "%s", "TODO", "null", "None", "foo.bar.baz", "this.password",
                           "getSecret()", "a b c", "...", "****", "dummy123", "s3cr3t", "P@ssw0rd!"])
    if kind == 6:
        return rng.choice(["$2b$10$", "$argon2id$v=19$", "{SSHA}", "sha256:", "md5:", "$6$"]) + \
            "".join(rng.choice(LOWER + DIGITS + "./") for _ in range(n))
    if kind == 7:
        return rng.choice(["sk_live_", "ghp_", "AKIA", "eyJ", "xoxb-", "AIza", "glpat-", "SG.", "npm_"]) + \
            "".join(rng.choice(LOWER + UPPER + DIGITS) for _ in range(n))
    if kind == 8:
        return "".join(rng.choice(DIGITS) for _ in range(n))
    if kind == 9:
        return "https://" + "".join(rng.choice(LOWER) for _ in range(8)) + ".internal/path"
    if kind == 10:
        return "".join(rng.choice(UPPER + "_") for _ in range(n))
    if kind == 11:
        return "camelCase" + "".join(rng.choice(LOWER) for _ in range(3)) + "Value"
    if kind == 12:
        return "aaaaaa" + "".join(rng.choice(DIGITS) for _ in range(4))
    if kind == 13:
        return "caf\u00e9" + "".join(rng.choice(LOWER + DIGITS) for _ in range(n))
    if kind == 14:
        return "".join(rng.choice(LOWER + UPPER + DIGITS + "!#%&*-_=+;:,.?") for _ in range(n))
    return "ab"


def candidate(rng):
    template = rng.choice(TEMPLATES)
    key = rng.choice(WORDS)
    v = value(rng)
    line = template.replace("{K}", key.upper()).replace("{k}", key).replace("{{", "{").replace("}}", "}")
    col = line.find("{v}") if "{v}" in line else -1
    if col < 0:
        line, col = line + " " + v, len(line) + 1
        line_b = line.encode()
    else:
        line = line.replace("{v}", v, 1)
        line_b = line.encode()
    col = len(line[:col].encode())
    if rng.random() < 0.1:
        line_b += b"\r"
    rule = rng.choice(RULES + ["stripe-secret-key", "github-pat-classic"])
    drop = rng.choice(list(DROPS))
    path = rng.choice(DIRS) + "/" + rng.choice(FILES)
    path = path.lstrip("/") if rng.random() < 0.5 else "data/" + format(rng.randrange(16 ** 8), "08x") + "/" + path
    return {"rule": rule, "value": v.encode().hex(), "line": line_b.hex(), "column": col, "path": path,
            "filter": drop, "lineCandidates": rng.randint(1, 4), "fileRepeats": rng.randint(1, 6)}


def main():
    rng = random.Random(15)
    model = json.load(open(os.path.join(HERE, "model.json")))
    out = []
    for _ in range(400):
        c = candidate(rng)
        f = features(c["rule"], bytes.fromhex(c["value"]), bytes.fromhex(c["line"]), c["column"], c["path"].encode(),
                     DROPS[c["filter"]])
        f["line_candidates"] = float(c["lineCandidates"])
        f["file_repeats"] = float(c["fileRepeats"])
        assert list(f) == model["features"]
        x = [f[k] for k in model["features"]]
        out.append(dict(c, vector=x, probability=probability(model, x)))
    path = os.path.join(HERE, "fixtures", "candidates.json")
    with open(path, "w") as fh:
        fh.write("[\n" + ",\n".join(json.dumps(c, separators=(",", ":")) for c in out) + "\n]\n")
    probs = [c["probability"] for c in out]
    print(f"wrote {path}: {len(out)} candidates, probabilities {min(probs):.3f}..{max(probs):.3f}, "
          f"{sum(p >= model['thresholds']['scan'] for p in probs)} at or above the scan threshold")


if __name__ == "__main__":
    main()
