#!/usr/bin/env python3
"""Generates a deterministic, source-like text corpus with a few planted fake secrets.

    gen_corpus.py OUT_DIR [SIZE_MB]   (default 200)

Lines mix C, Python, JavaScript, YAML and prose in the proportions of an ordinary
repository, including the words scanners key on ("key", "token", "secret", "password",
"auth", URLs), so that the keyword prefilter does real work. Planted secrets are listed in
OUT_DIR/PLANTED.txt (one per line: file, rule family) so a run can be checked.
"""
import os, random, sys

out = sys.argv[1]
size_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(20261123)
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

def ident():
    return rng.choice(["user", "key", "value", "buf", "len", "node", "ctx", "token", "item",
                       "count", "name", "path", "conn", "cfg", "opts", "result", "err", "data",
                       "cache", "session", "hash", "client", "server", "request", "response"]) + \
        rng.choice(["", "_id", "Count", "_list", "Map", "2", "_ptr", "Name", "_size"])

def rand(n, alphabet=B62):
    return "".join(rng.choice(alphabet) for _ in range(n))

TEMPLATES = [
    lambda: f"    {ident()} = {ident()}({ident()}, {rng.randint(0, 4096)});",
    lambda: f"    if ({ident()} == NULL) return {rng.choice(['-1', 'NULL', 'C_ERR', '0'])};",
    lambda: f"static int {ident()}(const char *{ident()}, size_t {ident()}) {{",
    lambda: f"    /* {rng.choice(['Free the', 'Lookup the', 'Rotate the', 'Parse the'])} {ident()} before the {ident()} expires. */",
    lambda: f"def {ident()}(self, {ident()}, {ident()}=None):",
    lambda: f"        return self.{ident()}.get({ident()!r}, {rng.randint(0, 99)})",
    lambda: f"const {ident()} = await fetch(`https://api.service.dev/v1/{ident()}`, {{ headers }});",
    lambda: f"  {ident()}: {rng.choice(['true', 'false', str(rng.randint(1, 9999)), ident()])}",
    lambda: f"# The {ident()} is refreshed when the auth token or the session key changes.",
    lambda: f"    password_min_length = {rng.randint(8, 16)}",
    lambda: f"    token = get_token({ident()})",
    lambda: f"    secret_name = os.environ.get(\"SECRET_NAME\")",
    lambda: f"        {ident()}->{ident()} = zmalloc(sizeof(*{ident()}) * {rng.randint(1, 64)});",
    lambda: f"    see https://docs.example.org/{ident()}/{ident()}.html for the API key rotation policy",
    lambda: f"    sha = \"{rand(40, '0123456789abcdef')}\"",
    lambda: "",
    lambda: "}",
]

def planted(kind):
    if kind == "aws":
        return "aws_access_key_id = AKIA" + rand(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    if kind == "stripe":
        return "STRIPE_KEY=sk_" + "live_" + rand(24)
    return "DB_PASSWORD=" + rand(18)

os.makedirs(out, exist_ok=True)
target = size_mb * 1_000_000
written = 0
index = 0
plants = []
while written < target:
    lines = [rng.choice(TEMPLATES)() for _ in range(2500)]
    if index % 100 == 7:
        kind = ["aws", "stripe", "generic"][len(plants) % 3]
        lines.insert(rng.randrange(len(lines)), planted(kind))
        plants.append((f"src/f{index:05d}.txt", kind))
    text = "\n".join(lines) + "\n"
    sub = os.path.join(out, "src")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, f"f{index:05d}.txt"), "w") as f:
        f.write(text)
    written += len(text)
    index += 1
with open(os.path.join(out, "PLANTED.txt"), "w") as f:
    for path, kind in plants:
        f.write(f"{path}\t{kind}\n")
print(f"{index} files, {written / 1e6:.1f} MB, {len(plants)} planted secrets", file=sys.stderr)
