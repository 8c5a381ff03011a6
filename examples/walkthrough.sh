#!/usr/bin/env bash
# The seed's API examples against a running console, with API tokens: upload a blueprint (admin),
# create a cluster from the marketing example (operator), scale it, read its hierarchy, meet a
# refusal, hibernate and reactivate it, and delete it again.
#
#   ADMIN_TOKEN=… OPERATOR_TOKEN=… examples/walkthrough.sh [console URL] [--keep]
#
# TOKEN stands for both (an admin's token can do everything). The URL defaults to CONSOLE_URL or
# http://localhost:3000; --keep leaves the cluster running to look at in the console. Needs curl
# and jq. Every write that changes a cluster sends If-Match with the revision it last saw.
set -euo pipefail

BASE=${CONSOLE_URL:-http://localhost:3000}
KEEP=false
for argument in "$@"; do
  case $argument in
    --keep) KEEP=true ;;
    http://* | https://*) BASE=$argument ;;
    *) echo "usage: $0 [console URL] [--keep]" >&2; exit 2 ;;
  esac
done
BASE=${BASE%/}
ADMIN_TOKEN=${ADMIN_TOKEN:-${TOKEN:-}}
OPERATOR_TOKEN=${OPERATOR_TOKEN:-${TOKEN:-}}
if [ -z "$ADMIN_TOKEN" ] || [ -z "$OPERATOR_TOKEN" ]; then
  echo "Set TOKEN (or ADMIN_TOKEN and OPERATOR_TOKEN) to an API token: console → API tokens, or" >&2
  echo "  npm run --silent console -- token create --email <you> --name walkthrough" >&2
  exit 2
fi
EXAMPLES=$(cd "$(dirname "$0")" && pwd)

# call TOKEN METHOD PATH [curl options…]: prints the answer's body; a refusal prints the problem
# (status, title, detail) on stderr and fails, which stops the walkthrough.
call() {
  local token=$1 method=$2 path=$3
  shift 3
  local answer status
  answer=$(curl -sS -X "$method" "$BASE$path" -H "Authorization: Bearer $token" -H 'Accept: application/json' -w '\n%{http_code}' "$@")
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [ "$status" -ge 400 ]; then
    echo "$method $path answered $status: $(jq -r '"\(.title): \(.detail)"' <<<"$answer" 2>/dev/null || echo "$answer")" >&2
    return 1
  fi
  printf '%s' "$answer"
}

# The status code alone, for the steps that expect a refusal or look before they create.
status_of() {
  local token=$1 method=$2 path=$3
  shift 3
  curl -sS -o /dev/null -w '%{http_code}' -X "$method" "$BASE$path" -H "Authorization: Bearer $token" "$@"
}

echo "== Who am I"
admin_role=$(call "$ADMIN_TOKEN" GET /api/me | jq -r .role)
call "$ADMIN_TOKEN" GET /api/me | jq -r '"admin token:    \(.email) (\(.role))"'
call "$OPERATOR_TOKEN" GET /api/me | jq -r '"operator token: \(.email) (\(.role))"'

echo "== Blueprint upload (admin)"
if [ "$admin_role" != admin ]; then
  echo "skipped: uploading a blueprint needs an admin's token (set ADMIN_TOKEN)"
elif [ "$(status_of "$ADMIN_TOKEN" GET /api/blueprints/outreach-v1)" = 200 ]; then
  echo "outreach-v1 is in the catalogue already; leaving it as it is"
else
  jq -n --rawfile yaml "$EXAMPLES/outreach.yaml" \
    '{id: "outreach-v1", name: "Outreach Team", version: "1.0.0", blueprint_yaml: $yaml, description: "A small outbound team for the API walkthrough", tags: ["sales", "outreach"]}' |
    call "$ADMIN_TOKEN" POST /api/blueprints -H 'Content-Type: application/json' -d @- |
    jq -r '"created \(.id) revision \(.revision): \(.agent_count) agent definitions"'
fi

echo "== Validate a blueprint without saving it"
jq -n --rawfile yaml "$EXAMPLES/outreach.yaml" '{blueprint_yaml: $yaml}' |
  call "$OPERATOR_TOKEN" POST /api/blueprints/validate -H 'Content-Type: application/json' -d @- |
  jq -r '"valid: \(.valid), \(.errors | length) errors, \(.warnings | length) warnings, \(.plan.total_agents) agents at creation"'

echo "== Cluster creation (operator)"
cluster=$(call "$OPERATOR_TOKEN" POST /api/clusters -H 'Content-Type: application/json' -d '{
    "blueprint_id": "marketing-v1",
    "name": "Q1 Marketing Campaign",
    "type": "campaign",
    "target_workers": 5,
    "description": "Q1 launch campaign"
  }')
id=$(jq -r .id <<<"$cluster")
jq -r '"cluster \(.id): \(.name), \(.status), \(.current_workers) workers (revision \(.revision))"' <<<"$cluster"

echo "== Scale to 10 workers"
cluster=$(call "$OPERATOR_TOKEN" POST "/api/clusters/$id/scale" -H 'Content-Type: application/json' \
  -H "If-Match: \"$(jq -r .revision <<<"$cluster")\"" -d '{"target_workers": 10}')
jq -r '"now \(.status) with \(.current_workers) workers (revision \(.revision))"' <<<"$cluster"

echo "== Hierarchy"
call "$OPERATOR_TOKEN" GET "/api/clusters/$id/hierarchy" |
  jq -r '"\(.total_agents) agents:", (def tree(depth): "\("  " * depth)\(.name) (\(.role), \(.status))", (.subordinates[] | tree(depth + 1)); .supervisor | tree(1))'

echo "== A refusal: more workers than the blueprint allows"
curl -sS -X POST "$BASE/api/clusters/$id/scale" -H "Authorization: Bearer $OPERATOR_TOKEN" -H 'Content-Type: application/json' \
  -d '{"target_workers": 99}' | jq -r '"\(.status) \(.title): \(.detail)"'
echo "still $(call "$OPERATOR_TOKEN" GET "/api/clusters/$id" | jq -r .current_workers) workers"

echo "== Hibernate and reactivate"
cluster=$(call "$OPERATOR_TOKEN" POST "/api/clusters/$id/hibernate" -H "If-Match: \"$(jq -r .revision <<<"$cluster")\"")
jq -r '"\(.status), \(.current_workers) workers"' <<<"$cluster"
cluster=$(call "$OPERATOR_TOKEN" POST "/api/clusters/$id/reactivate" -H 'Content-Type: application/json' \
  -H "If-Match: \"$(jq -r .revision <<<"$cluster")\"" -d '{"target_workers": 3}')
jq -r '"\(.status), \(.current_workers) workers"' <<<"$cluster"

if [ "$KEEP" = true ]; then
  echo "== Kept: $BASE/clusters/$id"
else
  echo "== Delete"
  status=$(status_of "$OPERATOR_TOKEN" DELETE "/api/clusters/$id" -H "If-Match: \"$(jq -r .revision <<<"$cluster")\"")
  echo "DELETE answered $status"
  [ "$status" = 204 ]
fi
echo "walkthrough done"
