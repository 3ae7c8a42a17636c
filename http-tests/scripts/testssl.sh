#!/usr/bin/env bash
# Audits `./jhttp serve static --tls-self-signed` with testssl.sh (Debian's package, installed if missing): protocols,
# cipher suites and their order, forward secrecy, renegotiation, known vulnerabilities (Heartbleed, ROBOT, POODLE,
# BEAST, LUCKY13, SWEET32…). Writes the full report and its JSON to http-tests/target/tls/, prints every finding
# rated MEDIUM or worse, and exits 1 if one is HIGH or CRITICAL apart from the self-signed certificate's own trust.
# Loopback only; the server is stopped by its PID. Usage: http-tests/scripts/testssl.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v testssl >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq testssl.sh; } >&2
fi
OUT=http-tests/target/tls
mkdir -p "$OUT"
CACHE=$(mktemp -d)
READY="$OUT/ready.json"
./jhttp serve static -p 0 --quiet --ready-json --tls-self-signed --tls-cache "$CACHE" > "$READY" &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$CACHE"' EXIT
until grep -q '"port"' "$READY" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "testssl: jhttp did not start" >&2; exit 2; }
    sleep 0.1
done
PORT=$(sed -E 's/.*"port":([0-9]+).*/\1/' "$READY")
rm -f "$OUT/testssl.json" "$OUT/testssl.txt"
# Exit codes count findings; the JSON, read below, is what decides.
testssl --quiet --color 0 --warnings off --ip 127.0.0.1 --jsonfile "$OUT/testssl.json" \
    --logfile "$OUT/testssl.txt" "localhost:$PORT" > /dev/null || true
python3 - "$OUT/testssl.json" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))
rank = {"MEDIUM": 1, "HIGH": 2, "CRITICAL": 3}
# A certificate no public CA signed is untrusted by design; everything else counts.
trust = ("cert_chain_of_trust", "cert_trust", "cert_caIssuers", "cert_ocspURL", "cert_crlDistributionPoints",
         "cert_revocation", "OCSP_stapling", "cert_mustStapleExtension", "cert_certificateTransparency")
worst = []
for f in findings:
    severity = f.get("severity", "")
    if severity in rank:
        own_trust = f["id"].startswith(trust) or f["id"].startswith(tuple(t + " " for t in trust))
        print(f'{severity:8} {f["id"]}: {f["finding"]}' + ("   (the self-signed certificate's own trust)" if own_trust else ""))
        if rank[severity] >= 2 and not own_trust:
            worst.append(f["id"])
print("testssl: " + (f"{len(worst)} HIGH or CRITICAL findings: {', '.join(worst)}" if worst
                     else "no HIGH or CRITICAL finding apart from the self-signed certificate's trust"))
sys.exit(1 if worst else 0)
PY
