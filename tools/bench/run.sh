#!/usr/bin/env bash
# npm run bench: bare Fastify vs GET /group/info through the whole stack; member paging in a
# 100,000-member chatroom and a 60-member batch add; the send decision over NATS, cold and warm;
# webhook delivery (throughput, lag, the write path with endpoints)
# (BENCH=group-info, BENCH=member-list, BENCH=send-decision or BENCH=webhooks for one).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/ensure-deps.sh
bash tools/build.sh
for bench in ${BENCH:-group-info member-list send-decision webhooks}; do
  node "dist/tools/bench/${bench}.bench.js"
done
