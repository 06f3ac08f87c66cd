export const id = 644;
export const ids = [644];
export const modules = {

/***/ 8644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   getOctokit: () => (/* binding */ getOctokit),
/* harmony export */   httpStatus: () => (/* binding */ httpStatus)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8803);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3943);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4491);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2812);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9103);
// Loaded lazily (`await import('@mlops-actions/core/github')`): Octokit is the heaviest module we
// bundle, and only the steps that talk to GitHub should pay for it.





/** The longest one request to GitHub may take, unless a caller says otherwise. */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * getOctokit builds a client that honours GITHUB_API_URL, retries server errors, and waits out
 * primary and secondary rate limits a few times before giving up.
 */
function getOctokit(token, options = {}) {
    (0,_runtime_js__WEBPACK_IMPORTED_MODULE_2__/* .setSecret */ .Pq)(token);
    const baseUrl = (options.apiUrl ||
        process.env['GITHUB_API_URL'] ||
        'https://api.github.com').replace(/\/+$/, '');
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl,
        userAgent: options.userAgent ?? 'mlops-actions',
        // @actions/github's own request options (its proxy-aware fetch and agent), each request
        // given a time limit.
        request: {
            ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request,
            fetch: timeLimited(_actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? globalThis.fetch, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
        },
        // Set on the plugin, not as request.retries: the plugin retries every failed request that
        // carries request.retries, refusals (401, 403, 404, 422) included.
        retry: { retries: options.retries ?? 3 },
        throttle: {
            onRateLimit: waitOutLimit('rate limit'),
            onSecondaryRateLimit: waitOutLimit('secondary rate limit'),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A);
}
/**
 * timeLimited gives each call of `fetch` at most `ms` milliseconds (reading the answer's body
 * included): a request GitHub does not answer in time fails naming the request and the limit,
 * which Octokit reports as a 500, so the retry plugin tries it again.
 */
function timeLimited(fetch, ms) {
    return async (url, init) => {
        const limit = AbortSignal.timeout(ms);
        const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
        try {
            return await fetch(url, { ...init, signal });
        }
        catch (e) {
            if (!limit.aborted || init?.signal?.aborted)
                throw e;
            const path = new URL(url).pathname;
            throw new Error(`GitHub did not answer ${init?.method ?? 'GET'} ${path} within ${ms / 1000} s`);
        }
    };
}
/** waitOutLimit warns about a GitHub rate limit and lets the throttling plugin retry twice. */
function waitOutLimit(kind) {
    return (retryAfter, request, _octokit, count) => {
        (0,_runtime_js__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e)(`GitHub ${kind} hit on ${request.method} ${request.url}; retrying after ${retryAfter}s`);
        return count < 2;
    };
}
/** httpStatus returns the HTTP status of an Octokit RequestError, or undefined for other errors. */
function httpStatus(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}


/***/ })

};

//# sourceMappingURL=644.index.js.map