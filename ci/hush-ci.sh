#!/usr/bin/env bash
# Hush in CI: scans what a pull request or a push brings, writes SARIF for code scanning, and
# fails the job when a secret is found. The GitHub Action (action.yml) and the GitLab template
# (ci/gitlab-ci.yml) are thin wrappers around this script; the tests run it against real
# repositories.
#
#   hush-ci.sh pull-request BASE HEAD   the commits of the pull request (BASE..HEAD)
#   hush-ci.sh push BEFORE AFTER        the commits a push added (BEFORE..AFTER); BEFORE all
#                                       zeros (a new branch): every commit of AFTER not on
#                                       another remote branch
#   hush-ci.sh all                      the whole history
#
# Environment: HUSH (the binary, default `hush` on PATH), HUSH_SARIF (default hush.sarif),
# HUSH_ARGS (more options for `hush history`, split on spaces).
# Exit status: Hush's: 0 clean, 1 secrets found, 2 error (a missing commit included).
set -euo pipefail

hush=${HUSH:-hush}
sarif=${HUSH_SARIF:-hush.sarif}
zero=0000000000000000000000000000000000000000

usage() {
  echo "usage: hush-ci.sh pull-request BASE HEAD | push BEFORE AFTER | all" >&2
  exit 2
}

# A shallow clone cannot attribute a finding to the commit that introduced it, and a range
# whose base is missing would scan nothing: say so instead of passing.
need_commit() {
  if ! git cat-file -e "$1^{commit}" 2>/dev/null; then
    echo "hush-ci: commit $1 is not in this clone; fetch the full history (actions/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0)" >&2
    exit 2
  fi
}

revisions=()
case "${1:-}" in
  pull-request)
    [ $# -eq 3 ] || usage
    need_commit "$2"; need_commit "$3"
    revisions=("$2..$3")
    ;;
  push)
    [ $# -eq 3 ] || usage
    need_commit "$3"
    if [ "$2" = "$zero" ] || [ -z "$2" ]; then
      # A new branch: its commits that no other remote branch has (the branch's own remote
      # ref already points at AFTER, so it is left out).
      revisions=("$3")
      while read -r ref target; do
        [ "$target" = "$(git rev-parse "$3^{commit}")" ] || revisions+=("^$ref")
      done < <(git for-each-ref --format='%(refname) %(objectname)' refs/remotes)
    else
      need_commit "$2"
      revisions=("$2..$3")
    fi
    ;;
  all)
    [ $# -eq 1 ] || usage
    ;;
  *) usage ;;
esac

extra=()
if [ -n "${HUSH_ARGS:-}" ]; then read -r -a extra <<<"$HUSH_ARGS"; fi

status=0
"$hush" history "${revisions[@]}" --format sarif --output "$sarif" "${extra[@]}" || status=$?
case $status in
  0) echo "hush-ci: no secret in ${revisions[*]:-the whole history}" >&2 ;;
  1) echo "hush-ci: secrets found; see $sarif (and run \`hush history ${revisions[*]:-}\` locally for the remediation plan)" >&2 ;;
  *) echo "hush-ci: hush failed (exit $status)" >&2 ;;
esac
exit "$status"
