export const id = 177;
export const ids = [177];
export const modules = {

/***/ 6177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   canPush: () => (/* binding */ canPush)
/* harmony export */ });
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9103);
// Whether a token may push, asked of GitHub before a push that is sure to fail. Loaded lazily.

/**
 * canPush asks `GET /repos/{owner}/{repo}` whether the token may push: false only when GitHub says
 * so (`permissions.push: false`), undefined when it cannot tell (no `permissions` in the answer,
 * as for some app tokens, or the API could not be reached); the push itself then decides.
 */
async function canPush(token, apiUrl, owner, repo) {
    const { getOctokit, httpStatus } = await Promise.all(/* import() */[__webpack_require__.e(876), __webpack_require__.e(644)]).then(__webpack_require__.bind(__webpack_require__, 8644));
    try {
        const { data } = await getOctokit(token, { apiUrl, retries: 1 }).rest.repos.get({
            owner,
            repo,
        });
        const push = data.permissions?.push;
        return typeof push === 'boolean' ? push : undefined;
    }
    catch (error) {
        (0,_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz)(`could not read the token's permissions on ${owner}/${repo} (${httpStatus(error) ?? error.message})`);
        return undefined;
    }
}


/***/ })

};

//# sourceMappingURL=177.index.js.map