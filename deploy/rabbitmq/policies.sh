#!/bin/sh
# Applies the queue policies Pipeline needs, then keeps running as the broker itself. The compose
# healthcheck reports healthy only once the policies exist, so workers never see a queue without them.
# Policies live here rather than in a definitions file because importing definitions at boot skips the
# creation of the default user (RABBITMQ_DEFAULT_USER), and credentials must not be baked into a file.
set -eu

apply_policies() {
    # await_startup fails at once until the node has registered, so it is retried until the node answers.
    until rabbitmqctl -q await_startup --timeout 120 >/dev/null 2>&1; do
        sleep 1
    done
    # Stage queues are quorum queues; RabbitMQ 3.10 gives them no delivery limit, so a message that crashes
    # its consumer would loop forever. Workers also set x-delivery-limit; the lower of the two applies.
    rabbitmqctl set_policy --apply-to queues --priority 10 pipeline-stage-queues \
        '^pipeline-(ingest|extract|index)$' '{"delivery-limit": 20}'
}

apply_policies &
exec docker-entrypoint.sh rabbitmq-server
