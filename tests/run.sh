#!/usr/bin/env bash
# The one test command: installs what the tests need (Debian), builds with warnings as errors, runs every
# test project, and prints one closing line "N passed, N failed, N skipped" for all of them.
#
# Servers are never shared with the machine: the test fixtures start private RabbitMQ and PostgreSQL
# instances on free ports in temporary folders. Everything they create lives under one run folder that is
# removed at the end, and any process still carrying this run's marker is killed, also on failure or Ctrl-C.
#
# Environment:
#   PIPELINE_TEST_FILTER    optional `dotnet test --filter` expression applied to every project
#   PIPELINE_TEST_RABBITMQ  optional AMQP URI of an existing broker (see tests/Pipeline.Testing/RabbitMq)
#   PIPELINE_SKIP_INSTALL=1 do not install missing Debian packages
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# Debian packages the tests use. The fixtures read the server binaries from their Debian paths; the container
# tests (tests/Pipeline.Deploy.Tests/Containers) run Podman through docker-compose on a debootstrapped base image.
required_packages=(rabbitmq-server postgresql chromium docker-compose podman runc debootstrap)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Lower-case letters and digits only: the container test puts it into compose project names and image tags.
run_id="r$(date +%s)$$${RANDOM}"
# Under /tmp, not $TMPDIR: the fixtures' servers run as the rabbitmq and postgres users, and every folder
# on the way to their data must be traversable by them.
run_dir="$(mktemp -d /tmp/pipeline-tests.XXXXXX)"
chmod 755 "$run_dir"
results_dir="$repo_root/tests/TestResults"
created_policy_rc=""

log() { printf '[run.sh %(%H:%M:%S)T] %s\n' -1 "$*"; }

kill_leftovers() {
    # Every process started under this run carries PIPELINE_TEST_RUN_ID in its environment (runuser and
    # daemons such as epmd inherit it), so this finds exactly what the run left behind, nothing else.
    local marker="PIPELINE_TEST_RUN_ID=$run_id" pid environ
    for environ in /proc/[0-9]*/environ; do
        pid="${environ#/proc/}"; pid="${pid%/environ}"
        [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
        if grep -qzxF "$marker" "$environ" 2>/dev/null; then
            log "killing leftover process $pid: $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-120)"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
}

remove_leftover_containers() {
    # The container test names its compose project and images after the run id; after a crash or Ctrl-C
    # this removes what it could not. Podman needs the machine's settings (runc, cgroupfs) to do so.
    command -v podman >/dev/null || return 0
    local conf="$run_dir/containers.conf"
    printf '[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\n' >"$conf"
    local podman=(env CONTAINERS_CONF="$conf" podman)
    local id
    # `--external` also lists containers whose creation was cut short (storage only): `rm --storage` removes those.
    for id in $("${podman[@]}" ps -a --external --format '{{.ID}} {{.Names}}' 2>/dev/null \
        | awk -v prefix="pipelinetest$run_id" 'index($2, prefix) == 1 { print $1 }'); do
        timeout 120 "${podman[@]}" rm -f -t 0 "$id" >/dev/null 2>&1 \
            || timeout 60 "${podman[@]}" rm -f --storage "$id" >/dev/null 2>&1 || true
    done
    "${podman[@]}" volume ls --format '{{.Name}}' 2>/dev/null \
        | grep "^pipelinetest$run_id" | xargs -r "${podman[@]}" volume rm -f >/dev/null 2>&1 || true
    "${podman[@]}" images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null \
        | grep "^localhost/pipeline-test[^:]*:$run_id" | xargs -r "${podman[@]}" rmi -f >/dev/null 2>&1 || true
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    kill_leftovers
    remove_leftover_containers
    if [[ -n "$created_policy_rc" ]]; then
        rm -f /usr/sbin/policy-rc.d
    fi
    rm -rf "$run_dir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

missing_packages() {
    local package
    for package in "${required_packages[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]]; then
            printf '%s\n' "$package"
        fi
    done
}

install_packages() {
    if [[ "${PIPELINE_SKIP_INSTALL:-}" == 1 ]]; then
        log "PIPELINE_SKIP_INSTALL=1: not installing packages"
        return
    fi
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        log "not a Debian machine: install ${required_packages[*]} yourself; tests needing them will say so"
        return
    fi

    local missing
    mapfile -t missing < <(missing_packages)
    if [[ ${#missing[@]} -eq 0 ]]; then
        return
    fi

    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || { log "missing packages ${missing[*]} and no root/sudo to install them"; exit 1; }
        sudo=(sudo)
    fi

    # Keep the package scripts from starting the system-wide RabbitMQ (port 5672) and PostgreSQL (5432):
    # the tests never use them, and a default node left running would only hold ports and memory.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\n# Temporary, written by tests/run.sh: no service starts during package installs.\nexit 101\n' \
            | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
        created_policy_rc=1
    fi

    log "installing ${missing[*]} (once; output in $run_dir/apt.log)"
    local apt_log="$run_dir/apt.log"
    if ! { "${sudo[@]}" apt-get update -qq \
        && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$apt_log" 2>&1; then
        tail -n 40 "$apt_log"
        log "package installation failed"
        exit 1
    fi
}

test_projects() {
    # Every project under tests/ that is a test project (Pipeline.Testing holds shared fixtures only).
    dotnet sln Pipeline.sln list | tr -d '\r' | tr '\\' '/' | grep -E '^tests/.+\.csproj$' | while read -r project; do
        if ! grep -q '<IsTestProject>false</IsTestProject>' "$project"; then
            printf '%s\n' "$project"
        fi
    done
}

# Reads the totals of one trx file as "passed failed skipped broken".
trx_counts() {
    local counters
    counters="$(grep -o '<Counters [^>]*>' "$1" | head -n 1)"
    count() { local v; v="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"; printf '%s' "${v:-0}"; }
    local total executed passed failed errors timeouts aborted
    total="$(count total)" executed="$(count executed)" passed="$(count passed)" failed="$(count failed)"
    errors="$(count error)" timeouts="$(count timeout)" aborted="$(count aborted)"
    # xunit's skipped tests are in the total but not executed (the notExecuted counter stays 0).
    printf '%s %s %s %s\n' "$passed" "$failed" "$((total - executed))" "$((errors + timeouts + aborted))"
}

started=$SECONDS
install_packages

log "building Pipeline.sln (Release, warnings are errors)"
if ! dotnet build Pipeline.sln -c Release --nologo -v minimal -clp:NoSummary; then
    log "build failed"
    exit 1
fi
log "build done after $((SECONDS - started)) s"

rm -rf "$results_dir"
mkdir -p "$results_dir"

mapfile -t projects < <(test_projects)
if [[ ${#projects[@]} -eq 0 ]]; then
    log "no test projects found in Pipeline.sln"
    exit 1
fi

passed=0 failed=0 skipped=0 broken_projects=()
filter_args=()
if [[ -n "${PIPELINE_TEST_FILTER:-}" ]]; then
    filter_args=(--filter "$PIPELINE_TEST_FILTER")
fi

for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    trx="$results_dir/$name.trx"
    log "testing $name"
    project_started=$SECONDS
    # Each project runs on its own (two cores): results stay attributable, and one hung test cannot eat
    # CI's 90 minutes (the hang timeout kills the test host and reports the test).
    set +e
    PIPELINE_TEST_RUN_ID="$run_id" TMPDIR="$run_dir" \
        dotnet test "$project" -c Release --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$results_dir" \
        --blame-hang-timeout 15min --blame-hang-dump-type none \
        "${filter_args[@]}"
    exit_code=$?
    set -e

    if [[ -f "$trx" ]]; then
        read -r p f s e < <(trx_counts "$trx")
        passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + s))
        log "$name: $p passed, $((f + e)) failed, $s skipped in $((SECONDS - project_started)) s"
        if [[ $exit_code -ne 0 && $((f + e)) -eq 0 ]]; then
            # The runner failed without a failed test (a crashed test host, a broken fixture): count it.
            broken_projects+=("$name")
            failed=$((failed + 1))
        fi
    else
        log "$name: no results written (exit code $exit_code): counted as one failure"
        broken_projects+=("$name")
        failed=$((failed + 1))
    fi
done

if [[ ${#broken_projects[@]} -gt 0 ]]; then
    log "test runs that failed outside of a test: ${broken_projects[*]}"
fi
log "all done after $((SECONDS - started)) s; results in $results_dir"
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
