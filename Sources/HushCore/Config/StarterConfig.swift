/// What `hush config init` writes: every key, commented, with working examples.
public enum StarterConfig {
  static let text = #"""
    # Hush configuration: see the "Configuration" section of Hush's README.
    # Unknown keys, wrong types and invalid regexes are errors: nothing is silently ignored.

    # false: run only the rules added below, not the built-in catalog.
    extend = true

    # Files larger than this are skipped (the --max-file-size flag wins).
    max-file-size = "10MiB"

    # The confidence (0 to 1) a candidate of the generic rules needs to be reported (the
    # --min-confidence flag wins). Unset: the model's own thresholds, recall-first for scan and
    # history, precision-first for staged and pre-push.
    # min-confidence = 0.9

    # Built-in rules to turn off (ids from `hush rules list`).
    disable = []

    [allowlist]
    # Repository-relative path globs never scanned (`*` also matches `/`).
    paths = ["vendor/*", "*.lock"]
    # Regexes on the secret itself, and on the line that holds it.
    secrets = []
    lines = []
    # A secret containing one of these words (any case) is not reported.
    stopwords = []

    # Per-rule changes: a stricter entropy bar, an allowlist of the rule's own.
    # [rules.stripe-secret-key]
    # min-entropy = 3.5
    # allowlist = { paths = ["docs/*"], stopwords = ["changeit"] }

    # Rules of your own, in the format of Hush's patterns/ files.
    # [[rule]]
    # id = "acme-internal-token"
    # description = "ACME internal API token"
    # provider = "acme"
    # severity = "high"
    # keywords = ["acme_"]
    # regex = '''\b(acme_[0-9a-f]{32})\b'''
    # min-entropy = 3.0
    # rotate = "Revoke it at https://acme.internal/tokens and issue a new one."
    # examples = ['ACME_TOKEN=acme_3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e']
    # counter-examples = ['acme_00000000000000000000000000000000']

    [audit]
    # More .gitignore lines `hush audit` requires.
    sensitive = []
    # More AI-agent config files (globs), checked for literal tokens in the syntax their name
    # implies (.json/.jsonc, .toml, .yaml): e.g. ["tools/agents/*.json"].
    agent-configs = []

    """#
}
