#!/bin/bash
# Liveness probe for the image's HEALTHCHECK. Uses bash's /dev/tcp because the runtime images ship
# neither curl nor wget. Healthy when GET /health/live answers 200.
set -euo pipefail
port="${PIPELINE_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 5 status_line <&3
[[ "$status_line" == *" 200 "* ]]
