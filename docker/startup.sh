#!/usr/bin/env bash
# Entry point of the self-hosted runner image. It registers a GitHub Actions runner with a
# short-lived token fetched through the REST API (personal access token or GitHub App), starts it
# with its log on stdout and no credential in its environment, and on SIGTERM or SIGINT lets a
# running job finish before it stops the runner and deregisters it with a fresh remove token.
# Every setting comes from the environment: docker/README.md lists them and the exit codes.
set -euo pipefail

# Exit codes, so that `kubectl get pod` and restart policies can tell what happened.
readonly EXIT_CONFIG=2     # a setting is missing or invalid
readonly EXIT_AUTH=3       # GitHub refused the credential (HTTP 401 or 403)
readonly EXIT_NOT_FOUND=4  # GitHub answered 404: wrong URL, or the credential cannot see it
readonly EXIT_API=5        # GitHub unreachable or failing after every retry, or an odd answer
readonly EXIT_REGISTER=6   # config.sh could not register the runner
readonly EXIT_OUTDATED=7   # GitHub refuses this runner version and updates are disabled
readonly EXIT_DEREGISTER=8 # the runner could not be deregistered: it may still be listed
readonly EXIT_RUNNER=9     # the runner stopped with an error
readonly EXIT_SIGINT=130   # stopped by SIGINT, cleanly
readonly EXIT_SIGTERM=143  # stopped by SIGTERM, cleanly

# ---------------------------------------------------------------------------------------------
# Logging. Every message goes through redact, so that a credential cannot reach the log even if
# a message (GitHub's included) happened to contain one.

secrets=()
REDACTED=''

redact() {
  local text=$1 secret
  for secret in "${secrets[@]}"; do
    if [[ -n $secret ]]; then
      text=${text//"$secret"/'***'}
    fi
  done
  REDACTED=$text
}

say() {
  local stream=$1 level=$2
  shift 2
  redact "$*"
  printf 'startup.sh: %s%s\n' "$level" "$REDACTED" >&"$stream"
}

info() { say 1 '' "$@"; }
warn() { say 2 'warning: ' "$@"; }
error() { say 2 'error: ' "$@"; }

# ---------------------------------------------------------------------------------------------
# Signals and the single way out. Traps are set first, so a signal is never missed.

work_tmp=''
stop_signal=''    # TERM or INT once a stop was asked for
force_stop=0      # 1 after a second signal: stop the runner now, even during a job
finishing=0       # 1 once cleanup has started
registered=0      # 1 once config.sh has configured the runner
jit_runner_id=''  # the just-in-time runner made here, deleted if it never took a job
runner_pid=''
RUNNER_STATUS=0
SIGNAL_CODE=0
FAILURE_CODE=0

# shellcheck disable=SC2317 # called by the TERM and INT traps
on_signal() {
  if ((finishing)); then
    info "SIG$1 received during cleanup: cleanup goes on, and runs once."
    return
  fi
  if [[ -n $stop_signal ]]; then
    if [[ -n $runner_pid ]] && ((!force_stop)); then
      info "SIG$1 received again: stopping the runner now, even if a job is running."
      force_stop=1
    else
      info "SIG$1 received again: already stopping; cleanup runs once."
    fi
    return
  fi
  stop_signal=$1
  if [[ -n $runner_pid ]]; then
    info "SIG$1 received: the runner stops once its current job, if any, has finished."
  else
    info "SIG$1 received: stopping before the runner starts."
  fi
}

trap 'on_signal TERM' TERM
trap 'on_signal INT' INT

signal_exit_code() {
  if [[ $stop_signal == INT ]]; then
    SIGNAL_CODE=$EXIT_SIGINT
  else
    SIGNAL_CODE=$EXIT_SIGTERM
  fi
}

finish() {
  # Deregisters the runner if it is still registered, then exits with the code that says what
  # happened. Runs once: neither a second call nor a second signal starts a second cleanup.
  local code=$1
  if ((finishing)); then
    exit "$code"
  fi
  finishing=1
  if ! deregister; then
    if ((code == 0 || code == EXIT_SIGINT || code == EXIT_SIGTERM)); then
      code=$EXIT_DEREGISTER
    fi
  fi
  if [[ -n $work_tmp ]]; then
    rm -rf "$work_tmp"
  fi
  trap - EXIT
  info "exiting with code $code."
  exit "$code"
}

fail() {
  # Prints an error, then leaves through finish.
  local code=$1
  shift
  error "$@"
  finish "$code"
}

# shellcheck disable=SC2317 # called by the EXIT trap
on_exit() {
  local code=$?
  if ((!finishing)); then
    error "stopped unexpectedly (exit code $code); cleaning up."
    finish "$code"
  fi
}

trap on_exit EXIT

stop_if_asked() {
  if [[ -n $stop_signal ]]; then
    signal_exit_code
    finish "$SIGNAL_CODE"
  fi
}

# ---------------------------------------------------------------------------------------------
# Credentials: read once into shell variables that are not exported, then removed from the
# environment, so no child process (curl, openssl, config.sh, run.sh and the jobs it starts)
# inherits them. They stay in this shell only to fetch a fresh remove token on the way out.

pat=''
app_id=''
app_key=''
app_installation_id=''
SECRET_FILE_CONTENT=''

read_secret_file() {
  local variable=$1 path=$2
  if [[ ! -f $path || ! -r $path ]]; then
    fail "$EXIT_CONFIG" "$variable names '$path', which is not a readable file."
  fi
  SECRET_FILE_CONTENT=$(<"$path")
}

take_credentials() {
  pat=${GITHUB_PAT:-${GITHUB_RUNNER_PAT:-}}
  if [[ -z $pat && -n ${GITHUB_PAT_FILE:-} ]]; then
    read_secret_file GITHUB_PAT_FILE "$GITHUB_PAT_FILE"
    pat=$SECRET_FILE_CONTENT
  fi
  pat=${pat//[[:space:]]/}
  app_id=${GITHUB_APP_ID:-}
  app_installation_id=${GITHUB_APP_INSTALLATION_ID:-}
  app_key=${GITHUB_APP_PRIVATE_KEY:-}
  if [[ -z $app_key && -n ${GITHUB_APP_PRIVATE_KEY_FILE:-} ]]; then
    read_secret_file GITHUB_APP_PRIVATE_KEY_FILE "$GITHUB_APP_PRIVATE_KEY_FILE"
    app_key=$SECRET_FILE_CONTENT
  fi
  # A key pasted into a one-line secret often carries literal \n sequences.
  app_key=${app_key//\\n/$'\n'}
  SECRET_FILE_CONTENT=''
  secrets+=("$pat" "$app_key")
  unset GITHUB_PAT GITHUB_RUNNER_PAT GITHUB_PAT_FILE GITHUB_APP_ID GITHUB_APP_INSTALLATION_ID \
    GITHUB_APP_PRIVATE_KEY GITHUB_APP_PRIVATE_KEY_FILE ACTIONS_RUNNER_INPUT_TOKEN
}

take_credentials

# ---------------------------------------------------------------------------------------------
# Settings.

BOOL=0
INT=0

bool_setting() {
  # Sets BOOL to 1 or 0 from a variable: a typo is an error, never a silent false.
  local name=$1 default=$2 value
  value=${!name:-$default}
  case $value in
    true | True | TRUE) BOOL=1 ;;
    false | False | FALSE) BOOL=0 ;;
    *) fail "$EXIT_CONFIG" "$name must be one of true, True, TRUE, false, False, FALSE (got" \
      "'$value')." ;;
  esac
}

int_setting() {
  # Sets INT to the whole number a variable holds, or fails with a configuration error.
  local name=$1 default=$2 value
  value=${!name:-$default}
  if [[ ! $value =~ ^[0-9]{1,9}$ ]]; then
    fail "$EXIT_CONFIG" "$name must be a whole number (got '$value')."
  fi
  INT=$((10#$value))
}

script_dir=$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runner_home=${RUNNER_HOME:-$script_dir}
if ! runner_home=$(cd -P "$runner_home" 2>/dev/null && pwd); then
  fail "$EXIT_CONFIG" "RUNNER_HOME '${RUNNER_HOME:-}' is not a folder."
fi

# actions-runner-controller's gha-runner-scale-set hands each runner pod a ready just-in-time
# configuration: the controller registers and removes the runner, this script only runs it.
arc_mode=0
if [[ -n ${ACTIONS_RUNNER_INPUT_JITCONFIG:-} ]]; then
  arc_mode=1
  secrets+=("$ACTIONS_RUNNER_INPUT_JITCONFIG")
fi

bool_setting EPHEMERAL true
ephemeral=$BOOL
bool_setting RUNNER_JIT false
jit_mode=$BOOL
bool_setting DISABLE_AUTO_UPDATE true
disable_update=$BOOL
int_setting GITHUB_API_RETRIES 5
api_attempts=$((INT < 1 ? 1 : INT))
int_setting GITHUB_API_RETRY_DELAY 2
api_retry_delay=$INT
int_setting RUNNER_GRACEFUL_STOP_TIMEOUT 3300
graceful_timeout=$INT
int_setting RUNNER_GROUP_ID 1
runner_group_id=$INT

runner_name=${RUNNER_NAME:-${HOSTNAME:-runner}}
runner_group=${RUNNER_GROUP:-}
runner_workdir=${RUNNER_WORKDIR:-_work}
runner_labels=${RUNNER_LABELS:-}
runner_labels=${runner_labels//[[:space:]]/}
runner_url=${RUNNER_URL:-}
scope=''     # repo or org
api_scope='' # repos/OWNER/REPO or orgs/ORG
api_url=''

parse_scope() {
  local url=${runner_url%/} scheme host path part
  url=${url%.git}
  if [[ ! $url =~ ^(https?)://([^/]+)/(.+)$ ]]; then
    fail "$EXIT_CONFIG" "RUNNER_URL must be the URL of a repository" \
      "(https://github.com/OWNER/REPO) or of an organisation (https://github.com/ORG); got" \
      "'${runner_url}'."
  fi
  scheme=${BASH_REMATCH[1]}
  host=${BASH_REMATCH[2]}
  path=${BASH_REMATCH[3]}
  local -a parts
  IFS=/ read -r -a parts <<<"$path"
  for part in "${parts[@]}"; do
    if [[ ! $part =~ ^[A-Za-z0-9._-]+$ ]]; then
      fail "$EXIT_CONFIG" "RUNNER_URL has an invalid owner, organisation or repository name:" \
        "'${part}'."
    fi
  done
  if ((${#parts[@]} == 1)); then
    scope=org
    api_scope="orgs/${parts[0]}"
  elif ((${#parts[@]} == 2)) && [[ ${parts[0]} != enterprises ]]; then
    scope=repo
    api_scope="repos/${parts[0]}/${parts[1]}"
  else
    fail "$EXIT_CONFIG" "RUNNER_URL must name a repository or an organisation (enterprise" \
      "runners are not supported by this image); got '${runner_url}'."
  fi

  if [[ -n ${GITHUB_API_URL:-} ]]; then
    api_url=${GITHUB_API_URL%/}
  elif [[ $host == github.com ]]; then
    api_url=https://api.github.com
  elif [[ $host == *.ghe.com ]]; then
    api_url="https://api.${host}"
  else
    # GitHub Enterprise Server serves its REST API under /api/v3 on its own host.
    api_url="${scheme}://${host}/api/v3"
  fi
  if [[ ! $api_url =~ ^https?://[^/]+ ]]; then
    fail "$EXIT_CONFIG" "GITHUB_API_URL must be an http(s) URL; got '${api_url}'."
  fi
  local loopback='^http://(127\.[0-9.]+|localhost|\[::1\])(:[0-9]+)?(/|$)'
  if [[ $api_url == http://* && ! $api_url =~ $loopback ]]; then
    fail "$EXIT_CONFIG" "GITHUB_API_URL '${api_url}' is plain http, so the credential would" \
      "cross the network unencrypted: use https (http is accepted for loopback addresses only)."
  fi
}

check_settings() {
  if [[ -z $runner_url ]]; then
    fail "$EXIT_CONFIG" "RUNNER_URL is not set: give the repository" \
      "(https://github.com/OWNER/REPO) or the organisation (https://github.com/ORG) the runner" \
      "registers to."
  fi
  parse_scope
  if [[ -n $pat && (-n $app_id || -n $app_key) ]]; then
    fail "$EXIT_CONFIG" "Both a personal access token (GITHUB_PAT) and a GitHub App" \
      "(GITHUB_APP_ID) are set: set only one of them."
  fi
  if [[ -z $pat && -z $app_id && -z $app_key ]]; then
    fail "$EXIT_CONFIG" "No credential: set GITHUB_PAT (or GITHUB_PAT_FILE), or GITHUB_APP_ID" \
      "with GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PRIVATE_KEY_FILE)."
  fi
  if [[ -z $pat ]]; then
    if [[ -z $app_id || -z $app_key ]]; then
      fail "$EXIT_CONFIG" "A GitHub App needs both GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (or" \
        "GITHUB_APP_PRIVATE_KEY_FILE)."
    fi
    if [[ ! $app_id =~ ^[A-Za-z0-9.]+$ ]]; then
      fail "$EXIT_CONFIG" "GITHUB_APP_ID must be the App's numeric id or its client id; got" \
        "'${app_id}'."
    fi
    if [[ -n $app_installation_id && ! $app_installation_id =~ ^[0-9]+$ ]]; then
      fail "$EXIT_CONFIG" "GITHUB_APP_INSTALLATION_ID must be a number; got" \
        "'${app_installation_id}'."
    fi
  fi
  if [[ -n $runner_labels && ! $runner_labels =~ ^[^,]+(,[^,]+)*$ ]]; then
    fail "$EXIT_CONFIG" "RUNNER_LABELS must be a comma-separated list of labels; got" \
      "'${RUNNER_LABELS:-}'."
  fi
  if ((jit_mode)) && [[ -n $runner_group && -z ${RUNNER_GROUP_ID:-} ]]; then
    fail "$EXIT_CONFIG" "RUNNER_JIT=true takes the runner group by id: set RUNNER_GROUP_ID" \
      "(RUNNER_GROUP is a name, which only config.sh accepts)."
  fi
  if ((jit_mode && !ephemeral)); then
    fail "$EXIT_CONFIG" "RUNNER_JIT=true makes a one-job runner: it cannot be combined with" \
      "EPHEMERAL=false."
  fi
  if [[ ! -x $runner_home/config.sh ]]; then
    fail "$EXIT_CONFIG" "No runner in RUNNER_HOME '${runner_home}': config.sh is missing."
  fi
}

check_runner_home() {
  if [[ ! -x $runner_home/run.sh ]]; then
    fail "$EXIT_CONFIG" "No runner in RUNNER_HOME '${runner_home}': run.sh is missing."
  fi
}

# ---------------------------------------------------------------------------------------------
# A private scratch folder, and a FIFO nobody writes to: `read -t` on it sleeps without starting
# a process, and a trapped signal cuts the sleep short.

work_tmp=$(mktemp -d "${TMPDIR:-/tmp}/startup.XXXXXX")
chmod 700 "$work_tmp"
mkfifo "$work_tmp/tick"
exec {tick_fd}<>"$work_tmp/tick"

pause() {
  read -r -t "$1" -u "$tick_fd" _ || true
}

# ---------------------------------------------------------------------------------------------
# The GitHub REST API. The credential reaches curl on its standard input (a config file read
# with `--config -`), never on its command line, where any process could read it.

http_status=''
response_file="$work_tmp/response"
headers_file="$work_tmp/headers"
curl_error_file="$work_tmp/curl-error"
GITHUB_MESSAGE=''
RETRY_AFTER=''
AUTHORIZATION=''

api_call() {
  local method=$1 path=$2 body=$3
  local -a args=(
    --silent --show-error --config -
    --request "$method"
    --connect-timeout 10 --max-time 60
    --header 'Accept: application/vnd.github+json'
    --header 'X-GitHub-Api-Version: 2022-11-28'
    --user-agent 'mlops-actions-runner-startup'
    --output "$response_file" --dump-header "$headers_file"
    --write-out '%{http_code}'
  )
  if [[ -n $body ]]; then
    printf '%s' "$body" >"$work_tmp/body"
    args+=(--header 'Content-Type: application/json' --data-binary "@$work_tmp/body")
  fi
  : >"$response_file"
  : >"$headers_file"
  http_status=$(printf 'header = "Authorization: %s"\n' "$AUTHORIZATION" |
    curl "${args[@]}" "$api_url/$path" 2>"$curl_error_file") || true
  if [[ ! $http_status =~ ^[0-9]{3}$ ]]; then
    http_status=000
  fi
}

github_message() {
  # Sets GITHUB_MESSAGE to GitHub's own explanation, on one line, at most 300 characters.
  local message=''
  local filter='[.message // empty, (.errors // [] | .[] |
    if type == "object" then (.message // .code // empty) else . end)] | map(tostring) | join("; ")'
  if [[ -s $response_file ]]; then
    message=$(jq -r "$filter" "$response_file" 2>/dev/null) || message=''
  fi
  if [[ -z $message && $http_status == 000 && -s $curl_error_file ]]; then
    message=$(tail -n 1 "$curl_error_file")
  fi
  message=${message//[$'\001'-$'\037']/ }
  GITHUB_MESSAGE=${message:0:300}
}

retry_after() {
  # Sets RETRY_AFTER to the seconds of GitHub's Retry-After header, or to an empty string.
  RETRY_AFTER=$(sed -n 's/^[Rr]etry-[Aa]fter:[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$headers_file" |
    tail -n 1)
}

retryable() {
  case $http_status in
    000 | 408 | 429 | 500 | 502 | 503 | 504) return 0 ;;
    403)
      # A secondary rate limit answers 403: waiting is the fix, not another credential.
      github_message
      [[ ${GITHUB_MESSAGE,,} == *"rate limit"* ]]
      ;;
    *) return 1 ;;
  esac
}

api_request() {
  # Calls the API with retries and exponential backoff. Arguments: what (for messages), method,
  # path, authorize (a function that sets AUTHORIZATION: called before each attempt, so that a
  # signed JWT never outlives its minutes of validity), body, abortable (1: a signal stops the
  # retries; 0 during cleanup). Returns 0 on success, 1 on an HTTP failure, 2 when no credential
  # could be made (FAILURE_CODE is set), 3 when a signal stopped it.
  local what=$1 method=$2 path=$3 authorize=$4 body=$5 abortable=$6 attempt delay
  for ((attempt = 1; attempt <= api_attempts; attempt++)); do
    "$authorize" || return 2
    api_call "$method" "$path" "$body"
    if [[ $http_status == 2* ]]; then
      return 0
    fi
    if ! retryable || ((attempt == api_attempts)); then
      return 1
    fi
    delay=$((api_retry_delay * (1 << (attempt - 1))))
    retry_after
    if [[ -n $RETRY_AFTER ]] && ((RETRY_AFTER > delay)); then
      delay=$RETRY_AFTER
    fi
    delay=$((delay > 60 ? 60 : delay))
    github_message
    warn "$what: HTTP $http_status${GITHUB_MESSAGE:+ ($GITHUB_MESSAGE)}; attempt" \
      "$((attempt + 1)) of $api_attempts in ${delay}s."
    pause "$delay"
    if ((abortable)) && [[ -n $stop_signal ]]; then
      return 3
    fi
  done
  return 1
}

explain_failure() {
  # Prints why a request failed, with GitHub's message and the probable cause, and sets
  # FAILURE_CODE to the exit code that matches.
  local what=$1 detail cause
  github_message
  detail="HTTP $http_status"
  case $http_status in
    401)
      FAILURE_CODE=$EXIT_AUTH
      if [[ -n $pat ]]; then
        cause='the personal access token is wrong, expired or revoked.'
      else
        cause='GitHub did not accept the App credential: check GITHUB_APP_ID, that the private'
        cause+=' key belongs to that App and was not revoked, and the clock of the node (an App'
        cause+=' JWT is valid for ten minutes).'
      fi
      ;;
    403)
      FAILURE_CODE=$EXIT_AUTH
      if [[ $scope == repo ]]; then
        cause='the credential may not manage the runners of this repository: a classic token'
        cause+=' needs the "repo" scope; a fine-grained token or a GitHub App needs'
        cause+=' "Administration: read and write" on the repository.'
      else
        cause='the credential may not manage the runners of this organisation: a classic token'
        cause+=' needs the "admin:org" scope; a fine-grained token or a GitHub App needs'
        cause+=' "Self-hosted runners: read and write" on the organisation.'
      fi
      cause+=' If the organisation enforces SAML single sign-on, authorise the token for it.'
      ;;
    404)
      FAILURE_CODE=$EXIT_NOT_FOUND
      cause="RUNNER_URL (${runner_url}) or GITHUB_API_URL (${api_url}) is wrong, or the"
      cause+=' credential cannot see it: GitHub answers 404, not 403, for a private repository'
      cause+=' a token has no access to'
      if [[ -z $pat ]]; then
        cause+=', and when the App is not installed there'
      fi
      cause+='. For GitHub Enterprise Server, GITHUB_API_URL is https://HOST/api/v3.'
      ;;
    422)
      FAILURE_CODE=$EXIT_API
      cause='GitHub rejected the request itself: check RUNNER_GROUP_ID, RUNNER_LABELS and, for an'
      cause+=' App, that the installation granted the permission this script asks for.'
      ;;
    000)
      FAILURE_CODE=$EXIT_API
      detail='no answer'
      cause="GitHub could not be reached at ${api_url}: check GITHUB_API_URL, DNS, the proxy"
      cause+=' (HTTPS_PROXY) and the network policy of the pod.'
      ;;
    *)
      FAILURE_CODE=$EXIT_API
      cause="GitHub kept failing after ${api_attempts} attempts; check its status and retry."
      ;;
  esac
  error "$what failed ($detail${GITHUB_MESSAGE:+: $GITHUB_MESSAGE}). Probable cause: $cause"
}

request() {
  # api_request (same arguments) that, on failure, explains it and sets FAILURE_CODE.
  local what=$1 status=0
  api_request "$@" || status=$?
  case $status in
    0) return 0 ;;
    2) return 1 ;;
    3)
      signal_exit_code
      FAILURE_CODE=$SIGNAL_CODE
      return 1
      ;;
    *)
      explain_failure "$what"
      return 1
      ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Authentication: a personal access token as is, or a GitHub App's installation token obtained
# with a JWT signed here with openssl (RS256).

installation_token=''
CREDENTIAL_FN=''

# shellcheck disable=SC2317 # called by app_jwt, itself called indirectly
base64url() {
  openssl base64 -A | tr '+/' '-_' | tr -d '='
}

# shellcheck disable=SC2317 # called indirectly, by api_request
app_jwt() {
  # Sets AUTHORIZATION to a JWT for the App: valid ten minutes, issued a minute in the past to
  # absorb clock drift, as GitHub recommends.
  local now iss header payload signature
  now=$(date +%s)
  if [[ $app_id =~ ^[0-9]+$ ]]; then
    iss=$app_id
  else
    iss="\"$app_id\""
  fi
  header=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | base64url)
  payload=$(printf '{"iat":%d,"exp":%d,"iss":%s}' $((now - 60)) $((now + 540)) "$iss" | base64url)
  if ! signature=$(printf '%s' "$header.$payload" |
    openssl dgst -sha256 -binary -sign <(printf '%s\n' "$app_key") 2>/dev/null | base64url) ||
    [[ -z $signature ]]; then
    error "Could not sign the GitHub App JWT: the private key is not a PEM RSA private key."
    FAILURE_CODE=$EXIT_CONFIG
    return 1
  fi
  secrets+=("$header.$payload.$signature" "$signature")
  AUTHORIZATION="Bearer $header.$payload.$signature"
}

# shellcheck disable=SC2317 # called indirectly, by api_request
installation_authorization() {
  AUTHORIZATION="Bearer $installation_token"
}

# shellcheck disable=SC2317 # called indirectly, by api_request
pat_authorization() {
  AUTHORIZATION="Bearer $pat"
}

fetch_installation_token() {
  # Sets installation_token for the App's installation on the repository or organisation.
  local abortable=$1 body
  if [[ -z $app_installation_id ]]; then
    request "Looking up the GitHub App installation on $api_scope" GET "$api_scope/installation" \
      app_jwt '' "$abortable" || return 1
    app_installation_id=$(jq -r '.id // empty' "$response_file")
    if [[ ! $app_installation_id =~ ^[0-9]+$ ]]; then
      app_installation_id=''
      error "GitHub's answer to the installation lookup has no installation id."
      FAILURE_CODE=$EXIT_API
      return 1
    fi
  fi
  # Ask only for the permission that managing runners needs, and for a repository, only on it.
  if [[ $scope == repo ]]; then
    body=$(jq -cn --arg repo "${api_scope##*/}" \
      '{repositories: [$repo], permissions: {administration: "write"}}')
  else
    body='{"permissions":{"organization_self_hosted_runners":"write"}}'
  fi
  request "Creating a GitHub App installation token" POST \
    "app/installations/$app_installation_id/access_tokens" app_jwt "$body" "$abortable" ||
    return 1
  installation_token=$(jq -r '.token // empty' "$response_file")
  : >"$response_file"
  if [[ -z $installation_token ]]; then
    error "GitHub's answer to the installation token request has no token."
    FAILURE_CODE=$EXIT_API
    return 1
  fi
  secrets+=("$installation_token")
}

authenticate() {
  # Sets CREDENTIAL_FN to the function that authorizes runner-management requests.
  local abortable=$1
  if [[ -n $pat ]]; then
    CREDENTIAL_FN=pat_authorization
    return 0
  fi
  fetch_installation_token "$abortable" || return 1
  CREDENTIAL_FN=installation_authorization
}

# ---------------------------------------------------------------------------------------------
# Registration and removal.

RUNNER_TOKEN=''
jit_config=''

runner_token() {
  # Sets RUNNER_TOKEN to a registration or remove token (kind: registration-token or
  # remove-token).
  local kind=$1 abortable=$2
  request "Requesting a runner ${kind/-/ } for $api_scope" POST \
    "$api_scope/actions/runners/$kind" "$CREDENTIAL_FN" '' "$abortable" || return 1
  RUNNER_TOKEN=$(jq -r '.token // empty' "$response_file")
  : >"$response_file"
  if [[ -z $RUNNER_TOKEN ]]; then
    error "GitHub's answer to the ${kind/-/ } request has no token."
    FAILURE_CODE=$EXIT_API
    return 1
  fi
  secrets+=("$RUNNER_TOKEN")
}

config_sh() {
  # Runs config.sh with RUNNER_TOKEN in ACTIONS_RUNNER_INPUT_TOKEN, which the runner reads, masks
  # and deletes from its environment: on the command line, `ps` would show it to every process.
  local status=0
  (cd "$runner_home" && ACTIONS_RUNNER_INPUT_TOKEN=$RUNNER_TOKEN exec ./config.sh "$@") ||
    status=$?
  RUNNER_TOKEN=''
  return "$status"
}

remove_stale_configuration() {
  # A configuration left by an earlier start in the same folder would make config.sh refuse.
  info "A runner configuration from an earlier start is present: removing it first."
  runner_token remove-token 1 || finish "$FAILURE_CODE"
  if ! config_sh remove --unattended; then
    warn "config.sh could not remove the earlier registration; registering over it."
    rm -f "$runner_home/.runner" "$runner_home/.credentials" "$runner_home/.credentials_rsaparams"
  fi
}

register() {
  local kind='a persistent'
  if ((ephemeral)); then
    kind='an ephemeral (one job)'
  fi
  info "Registering '$runner_name' as $kind runner of $runner_url."
  if [[ -f $runner_home/.runner ]]; then
    remove_stale_configuration
  fi
  runner_token registration-token 1 || finish "$FAILURE_CODE"
  stop_if_asked
  local -a args=(--unattended --replace --url "$runner_url" --name "$runner_name"
    --work "$runner_workdir")
  if [[ -n $runner_labels ]]; then
    args+=(--labels "$runner_labels")
  fi
  if [[ -n $runner_group ]]; then
    args+=(--runnergroup "$runner_group")
  fi
  if ((ephemeral)); then
    args+=(--ephemeral)
  fi
  if ((disable_update)); then
    args+=(--disableupdate)
  fi
  local status=0
  config_sh "${args[@]}" || status=$?
  if ((status != 0)); then
    fail "$EXIT_REGISTER" "config.sh could not register the runner (exit code $status); its" \
      "output is above."
  fi
  registered=1
  info "Runner '$runner_name' registered."
}

default_labels() {
  # Sets DEFAULT_LABELS to the labels config.sh gives a runner by itself.
  local arch
  case $(uname -m) in
    x86_64 | amd64) arch=X64 ;;
    aarch64 | arm64) arch=ARM64 ;;
    arm*) arch=ARM ;;
    *) arch=$(uname -m) ;;
  esac
  DEFAULT_LABELS="self-hosted,Linux,$arch"
}

generate_jit_config() {
  local what labels body
  default_labels
  labels=$DEFAULT_LABELS${runner_labels:+,$runner_labels}
  what="Generating a just-in-time configuration for runner '$runner_name' of $api_scope"
  info "$what."
  body=$(jq -cn --arg name "$runner_name" --arg labels "$labels" --arg work "$runner_workdir" \
    --argjson group "$runner_group_id" \
    '{name: $name, runner_group_id: $group, labels: ($labels | split(",")), work_folder: $work}')
  request "$what" POST "$api_scope/actions/runners/generate-jitconfig" "$CREDENTIAL_FN" \
    "$body" 1 || finish "$FAILURE_CODE"
  jit_config=$(jq -r '.encoded_jit_config // empty' "$response_file")
  jit_runner_id=$(jq -r '.runner.id // empty' "$response_file")
  : >"$response_file"
  secrets+=("$jit_config")
  if [[ -z $jit_config || ! $jit_runner_id =~ ^[0-9]+$ ]]; then
    jit_runner_id=''
    fail "$EXIT_API" "GitHub's answer to the just-in-time request has no configuration or" \
      "runner id."
  fi
  info "Just-in-time runner $jit_runner_id created."
}

deregister() {
  # Removes the runner from GitHub if it is still registered; returns non-zero if that failed.
  if ((registered)); then
    registered=0
    if [[ ! -f $runner_home/.runner ]]; then
      info "The runner has removed its own registration (an ephemeral runner does after its job)."
      return 0
    fi
    info "Deregistering runner '$runner_name' with a fresh remove token."
    if ! authenticate 0 || ! runner_token remove-token 0; then
      error "Runner '$runner_name' is still registered: remove it in the settings of" \
        "$runner_url (GitHub also drops runners that stay offline)."
      return 1
    fi
    local status=0
    config_sh remove --unattended || status=$?
    if ((status != 0)); then
      error "config.sh remove failed (exit code $status): runner '$runner_name' may still be" \
        "listed."
      return 1
    fi
    info "Runner '$runner_name' deregistered."
    return 0
  fi
  if [[ -n $jit_runner_id ]]; then
    local id=$jit_runner_id what status=0
    jit_runner_id=''
    what="Deleting just-in-time runner $id"
    info "$what (GitHub has already deleted it if it ran its job)."
    authenticate 0 || return 1
    api_request "$what" DELETE "$api_scope/actions/runners/$id" "$CREDENTIAL_FN" '' 0 ||
      status=$?
    if ((status == 0)) || [[ $status == 1 && $http_status == 404 ]]; then
      info "Just-in-time runner $id is gone."
      return 0
    fi
    if ((status == 1)); then
      explain_failure "$what"
    fi
    return 1
  fi
  return 0
}

# ---------------------------------------------------------------------------------------------
# Running. run.sh starts in its own process group (job control), so that it does not inherit
# the SIGINT that bash makes background jobs ignore, and so that a signal sent to this script
# reaches the runner only when this script decides.

job_running() {
  # True while the runner's worker, the process that runs a job, is alive.
  local entry argv0
  for entry in /proc/[0-9]*/cmdline; do
    argv0=''
    IFS= read -r -d '' argv0 2>/dev/null <"$entry" || true
    if [[ $argv0 == "$runner_home/bin/Runner.Worker" ]]; then
      return 0
    fi
  done
  return 1
}

runner_alive() {
  kill -0 "$runner_pid" 2>/dev/null
}

run_runner() {
  export ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT=${ACTIONS_RUNNER_PRINT_LOG_TO_STDOUT:-1}
  # run.sh forwards SIGTERM to the listener as SIGINT only when this is set.
  export RUNNER_MANUALLY_TRAP_SIG=1
  info "Starting the runner."
  set -m
  if ((jit_mode)); then
    (cd "$runner_home" && ACTIONS_RUNNER_INPUT_JITCONFIG=$jit_config exec ./run.sh) {tick_fd}>&- &
  else
    (cd "$runner_home" && exec ./run.sh) {tick_fd}>&- &
  fi
  runner_pid=$!
  set +m
  jit_config=''

  local stop_sent=0 stop_sent_at=0 deadline=-1 waiting_logged=0
  while runner_alive; do
    if [[ -n $stop_signal ]]; then
      if ((deadline < 0)); then
        deadline=$((SECONDS + graceful_timeout))
      fi
      if ((!stop_sent)); then
        if ((force_stop)); then
          stop_sent=1
        elif ! job_running; then
          info "No job is running: stopping the runner."
          stop_sent=1
        elif ((SECONDS >= deadline)); then
          warn "The job still runs after ${graceful_timeout}s (RUNNER_GRACEFUL_STOP_TIMEOUT):" \
            "stopping the runner, which cancels the job."
          stop_sent=1
        elif ((!waiting_logged)); then
          info "A job is running: waiting up to ${graceful_timeout}s for it to finish."
          waiting_logged=1
        fi
        if ((stop_sent)); then
          stop_sent_at=$SECONDS
          kill -TERM "$runner_pid" 2>/dev/null || true
        fi
      elif ((SECONDS - stop_sent_at >= 30)); then
        warn "The runner did not stop within 30s of SIGTERM: killing it."
        kill -KILL -- "-$runner_pid" 2>/dev/null || true
      fi
    fi
    # Builtins only: a fifth of a second between checks costs nothing and notices the runner's
    # exit quickly. A plain `wait` would block until the next signal if one slipped in between
    # the check above and the wait.
    pause 0.2
  done
  local status=0
  wait "$runner_pid" || status=$?
  # Whatever the runner left behind in its process group (a job's stray background process)
  # goes with it.
  kill -KILL -- "-$runner_pid" 2>/dev/null || true
  runner_pid=''
  RUNNER_STATUS=$status
}

# ---------------------------------------------------------------------------------------------

main() {
  if ((arc_mode)); then
    info "ACTIONS_RUNNER_INPUT_JITCONFIG is set: running the runner the controller configured."
    jit_mode=0
  else
    check_settings
    info "GitHub API: $api_url; runner home: $runner_home."
    authenticate 1 || finish "$FAILURE_CODE"
    stop_if_asked
    if ((jit_mode)); then
      generate_jit_config
    else
      register
    fi
  fi
  check_runner_home
  stop_if_asked

  run_runner
  if [[ -n $stop_signal ]]; then
    info "The runner stopped (exit code $RUNNER_STATUS) after SIG$stop_signal."
    signal_exit_code
    finish "$SIGNAL_CODE"
  fi
  case $RUNNER_STATUS in
    0)
      info "The runner exited."
      finish 0
      ;;
    7)
      fail "$EXIT_OUTDATED" "GitHub no longer accepts this runner version and updates are" \
        "disabled (DISABLE_AUTO_UPDATE): rebuild the image with a newer RUNNER_VERSION."
      ;;
    *)
      fail "$EXIT_RUNNER" "The runner stopped with exit code $RUNNER_STATUS; its log is above."
      ;;
  esac
}

main
