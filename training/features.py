"""The feature spec: every feature of a candidate, computed from four byte strings that the
Swift detector already holds (the rule id, the value, the line, the file path) plus the first
filter of today's Detector that would drop the value. README.md defines each one in words;
this file is the reference the Swift port must reproduce exactly (ASCII case folding, bytes,
no locale, no regex engine needed).
"""
import math

WORDS = ["pass", "pwd", "secret", "token", "key", "auth", "cred", "salt", "nonce", "seed", "otp",
         "session", "cookie", "sign", "appid", "app_id", "ticket", "client", "private", "api", "access"]
# name parts that say "this is not the credential itself"
NOT_VALUE_WORDS = ["id", "name", "type", "file", "path", "url", "uri", "len", "size", "max", "min", "count",
                   "hash", "field", "header", "label", "format", "policy", "public", "enable", "length",
                   "expire", "timeout", "mode", "prefix", "user", "email", "host", "port", "method", "class", "param"]
MARKERS = ["example", "xxx", "your", "change", "dummy", "placeholder", "redacted", "sample", "insert", "replace",
           "fake", "test", "demo", "secret", "password", "passwd", "token", "null", "none", "todo", "foo", "bar",
           "abc", "123", "***", "..."]
RULES = ["cand-assign", "cand-call", "cand-flag", "cand-short-flag", "cand-sql-password", "cand-auth-header",
         "cand-url-userinfo", "cand-xml-element", "cand-spaced-config", "cand-uuid", "cand-private-key",
         "cand-symbol-argument", "cand-cloud-id"]
DROPS = ["placeholder", "single character class", "reads as words", "reads as code", "digest in a hash"]
EXT_GROUPS = {
    "code": "py js ts jsx tsx go java kt kts scala rb php cs c h cc cpp hpp m mm swift rs hs ex exs erl clj groovy "
            "dart lua pl pm r jl vb fs ml coffee vue svelte",
    "config": "yml yaml json toml ini cfg conf properties xml env config plist tf hcl tfvars cnf gradle sbt "
              "lock j2 tpl template dist example sample",
    "doc": "md rst txt html htm adoc asciidoc tex org textile",
    "shell": "sh bash zsh ps1 psm1 bat cmd bats fish",
    "data": "sql csv har log dump",
}
TOP_EXTS = ["md", "json", "yml", "yaml", "py", "js", "ts", "go", "java", "rb", "cs", "php", "xml", "sh", "properties",
            "txt", "html", "scala", "kt", "idl"]
EXT_GROUP = {e: g for g, es in EXT_GROUPS.items() for e in es.split()}
PATH_WORDS = [("test", ("test", "spec")), ("example", ("example", "sample", "demo")), ("doc", ("doc",)),
              ("fixture", ("fixture", "mock", "fake", "stub")), ("conf", ("conf", "setting")),
              ("vendor", ("vendor", "third", "node_modules", "dist"))]
QUOTES = b"\"'`"
NAME_BYTES = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
HEX = set(b"0123456789abcdefABCDEF")
B64 = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
VOWELS = set(b"aeiouAEIOU")


def entropy(v):
    if not v:
        return 0.0
    counts = {}
    for b in v:
        counts[b] = counts.get(b, 0) + 1
    n = len(v)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def key_name(before):
    """The name a value is given to: in the line's bytes before the value, skip back over
    separators (spaces, quotes, := > , ( [ { @ $ and string prefixes), then take the run of
    name bytes [A-Za-z0-9_.-] that ends there."""
    i = len(before)
    while i > 0 and before[i - 1] not in NAME_BYTES:
        i -= 1
    j = i
    while j > 0 and before[j - 1] in NAME_BYTES:
        j -= 1
    return before[j:i], before[i:]


def features(rule, value, line, col, path, dropped):
    """col: 0-based byte offset of the value in the line."""
    v = value
    lower_v = v.lower()
    before = line[:col]
    name, between = key_name(before)
    lname = name.lower()
    n = len(v)
    lo = sum(1 for b in v if 97 <= b <= 122)
    up = sum(1 for b in v if 65 <= b <= 90)
    dg = sum(1 for b in v if 48 <= b <= 57)
    sp = n - lo - up - dg
    f = {}
    f["len_log2"] = math.log2(n + 1)
    f["entropy"] = entropy(v)
    f["entropy_per_len"] = entropy(v) / math.log2(n + 1) if n else 0.0
    f["frac_lower"], f["frac_upper"], f["frac_digit"], f["frac_other"] = (lo / max(n, 1), up / max(n, 1),
                                                                           dg / max(n, 1), sp / max(n, 1))
    f["classes"] = (lo > 0) + (up > 0) + (dg > 0) + (sp > 0)
    f["is_hex"] = float(n >= 8 and all(b in HEX for b in v))
    f["is_b64"] = float(n >= 16 and all(b in B64 for b in v))
    f["is_digits"] = float(n > 0 and dg == n)
    f["is_uuid"] = float(n == 36 and all(v[i] == 45 for i in (8, 13, 18, 23)))
    f["has_space"] = float(32 in v)
    f["starts_ref"] = float(n > 0 and v[0] in b"$%{<@&")
    f["has_template"] = float(b"{{" in v or b"${" in v or b"%(" in v or b"%s" in v or b"<%" in v)
    f["is_identifier"] = float(n > 0 and not (48 <= v[0] <= 57) and all(b in NAME_BYTES and b not in b".-" for b in v))
    f["dots"] = float(v.count(b"."))
    f["has_paren"] = float(b"(" in v or b")" in v)
    f["has_url"] = float(b"://" in v)
    f["has_slash"] = float(b"/" in v)
    f["vowel_frac"] = sum(1 for b in v if b in VOWELS) / max(lo + up, 1)
    f["case_changes"] = sum(1 for a, b in zip(v, v[1:]) if (97 <= a <= 122) and (65 <= b <= 90)) / max(n, 1)
    f["marker"] = float(any(m.encode() in lower_v for m in MARKERS))
    f["hash_prefix"] = float(lower_v.startswith((b"$2a$", b"$2b$", b"$2y$", b"$argon2", b"$6$", b"$5$", b"$1$",
                                                  b"{crypt}", b"{ssha}", b"{sha", b"sha256:", b"sha1:", b"md5:",
                                                  b"pbkdf2")))
    f["repeat_max"] = max((len(run) for run in _runs(v)), default=0) / max(n, 1)
    f["value_in_name"] = float(n >= 3 and lower_v in lname)
    f["name_in_value"] = float(len(lname) >= 3 and lname in lower_v)
    # the name
    f["name_len"] = float(len(name))
    f["name_none"] = float(len(name) == 0)
    for w in WORDS:
        f["name_" + w] = float(w.encode() in lname)
    f["name_not_value"] = float(sum(1 for w in NOT_VALUE_WORDS if w.encode() in lname))
    f["name_upper"] = float(name.upper() == name and any(65 <= b <= 90 for b in name))
    # the line
    f["op_compare"] = float(b"==" in between or b"!=" in between)
    f["op_arrow"] = float(b"=>" in between or b"->" in between)
    f["op_assign"] = float(b"=" in between and not f["op_compare"] and not f["op_arrow"])
    f["op_colon"] = float(b":" in between)
    f["op_call"] = float(b"(" in between)
    f["op_comma"] = float(b"," in between)
    f["quoted"] = float(col > 0 and line[col - 1] in QUOTES)
    f["wrapper"] = float(col > 0 and (b"(" in between or b"[" in between or b"{" in between))
    stripped = line.lstrip()
    f["comment"] = float(stripped.startswith((b"#", b"//", b"*", b"/*", b"--", b"<!--", b";", b"%", b"rem ", b"REM ")))
    ll = line.lower()
    f["line_env"] = float(any(w in ll for w in (b"getenv", b"environ", b"process.env", b"env[", b"env.", b"${")))
    f["line_len_log2"] = math.log2(len(line) + 1)
    f["line_example"] = float(any(w in ll for w in (b"example", b"sample", b"dummy", b"fake", b"placeholder")))
    f["line_user"] = float(any(w in ll for w in (b"user", b"login", b"account", b"email")))
    f["line_candidates"] = 0.0  # filled in by the caller: candidates on the same line
    f["file_repeats"] = 0.0  # filled in by the caller: candidates of the file with this value
    name_start = len(before) - len(between) - len(name)
    f["name_quoted"] = float(len(name) > 0 and name_start > 0 and before[name_start - 1] in QUOTES)
    f["name_test"] = float(any(w in lname for w in (b"test", b"example", b"dummy", b"fake", b"mock", b"sample")))
    f["value_word"] = float(any(w.encode() in lower_v for w in WORDS[:7]))
    f["value_known_prefix"] = float(v.startswith((b"sk_", b"pk_", b"ghp_", b"gho_", b"github_pat_", b"AKIA", b"eyJ",
                                                  b"xox", b"AIza", b"ya29.", b"glpat-", b"SG.", b"npm_")))
    # the file
    p = path.decode("utf-8", errors="replace").lower()
    base = p.rsplit("/", 1)[-1]
    ext = base.rsplit(".", 1)[-1] if "." in base else ""
    group = EXT_GROUP.get(ext, "other")
    for g in list(EXT_GROUPS) + ["other"]:
        f["ext_" + g] = float(group == g)
    for e in TOP_EXTS:
        f["ext_is_" + e] = float(ext == e)
    dirs = p.rsplit("/", 1)[0]
    for feat, words in PATH_WORDS:
        f["path_" + feat] = float(any(w in dirs for w in words))
    # the rule, and the first filter of today's Detector that drops the value
    for r in RULES:
        f["rule_" + r] = float(rule == r)
    f["rule_provider"] = float(not rule.startswith("cand-"))
    for d in DROPS:
        f["drop_" + d.split()[0]] = float(dropped is not None and d in dropped)
    return f


def _runs(v):
    run = b""
    for b in v:
        if run and run[-1] == b:
            run += bytes([b])
        else:
            if run:
                yield run
            run = bytes([b])
    if run:
        yield run
