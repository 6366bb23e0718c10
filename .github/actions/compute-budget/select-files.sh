#!/usr/bin/env bash
# Writes the config files to analyse, NUL-separated, to the file named by $1 and prints
# `count=N` (for $GITHUB_OUTPUT). PATTERNS holds one git glob per line (`!` before one excludes).
# With BASE_SHA (a pull request's base) the files are those matching PATTERNS that the change
# adds or modifies; without it, or when the base commit cannot be had, every tracked file
# matching PATTERNS.
set -euo pipefail
out=$1
pathspecs=()
while IFS= read -r pattern; do
  pattern="${pattern#"${pattern%%[![:space:]]*}"}"
  pattern="${pattern%"${pattern##*[![:space:]]}"}"
  if [ -z "$pattern" ]; then continue; fi
  if [ "${pattern:0:1}" = '!' ]; then pathspecs+=(":(glob,exclude)${pattern:1}"); else pathspecs+=(":(glob)$pattern"); fi
done <<< "${PATTERNS:-}"
if [ ${#pathspecs[@]} -eq 0 ]; then
  echo "compute-budget: the files input holds no pattern" >&2
  exit 2
fi

listed=false
if [ -n "${BASE_SHA:-}" ]; then
  # A shallow checkout may lack the base commit: fetch that one commit.
  if ! git cat-file -e "$BASE_SHA^{commit}" 2>/dev/null; then
    git fetch --no-tags --quiet --depth=1 origin "$BASE_SHA" 2>/dev/null || true
  fi
  if git cat-file -e "$BASE_SHA^{commit}" 2>/dev/null; then
    # From the merge base when the history holds it; else from the base itself, which is right
    # for the default pull-request checkout (a merge commit whose first parent is the base).
    base=$(git merge-base "$BASE_SHA" HEAD 2>/dev/null || echo "$BASE_SHA")
    git diff --name-only -z --no-renames --diff-filter=d "$base" HEAD -- "${pathspecs[@]}" > "$out"
    listed=true
  else
    echo "compute-budget: base commit $BASE_SHA not found; analysing every matching file" >&2
  fi
fi
if ! $listed; then git ls-files -z -- "${pathspecs[@]}" > "$out"; fi
echo "count=$(tr -cd '\0' < "$out" | wc -c | tr -d ' ')"
