export const id = 766;
export const ids = [766];
export const modules = {

/***/ 2766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishSigned: () => (/* binding */ publishSigned)
});

// UNUSED EXPORTS: classifyGraphQLFailure, commitInput

// EXTERNAL MODULE: ../../packages/core/src/commit/message.ts
var commit_message = __webpack_require__(9954);
;// CONCATENATED MODULE: ../../packages/core/src/commit/publishing.ts
/** The GraphQL mutation behind `signed` (validated in tests against GitHub's published schema). */
const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`;

;// CONCATENATED MODULE: ../../packages/core/src/commit/signed.ts
// Publishing through GitHub's GraphQL `createCommitOnBranch`: GitHub makes the commit itself and
// signs it, so it shows as Verified. `expectedHeadOid` makes the update conditional, like a push
// that is not forced: a branch that moved answers STALE_DATA, which the retry loop treats as a race.
// Loaded lazily: it pulls in the GitHub client.


/** commitInput builds the mutation's input from the changed entries and their bytes. Pure. */
function commitInput(repository, branch, expectedHead, message, changes) {
    const additions = [];
    const deletions = [];
    for (const [path, bytes] of changes) {
        if (bytes)
            additions.push({ path, contents: bytes.toString('base64') });
        else
            deletions.push({ path });
    }
    return {
        branch: { repositoryNameWithOwner: repository, branchName: branch },
        expectedHeadOid: expectedHead,
        message: (0,commit_message/* splitMessage */.kw)(message),
        fileChanges: {
            ...(additions.length ? { additions } : {}),
            ...(deletions.length ? { deletions } : {}),
        },
    };
}
/** classifyGraphQLFailure maps a GraphQL error (by its `type`) or an HTTP status to a push failure. */
function classifyGraphQLFailure(error) {
    const e = error;
    const first = e?.errors?.[0];
    const detail = (first?.message ?? e?.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 600);
    switch (first?.type) {
        case 'STALE_DATA':
            return { kind: 'race', detail };
        case 'FORBIDDEN':
            return { kind: 'denied', detail };
        case undefined:
            break;
        default:
            return { kind: 'refused', detail };
    }
    if (e?.status === 403)
        return { kind: 'denied', detail };
    if (e?.status === 401)
        return { kind: 'auth', detail };
    if (e?.status && e.status >= 500)
        return { kind: 'transient', detail };
    return { kind: 'unknown', detail };
}
/** publishSigned creates the commit on the branch through GitHub's API, on top of `expectedHead`. */
async function publishSigned(signed, scratch, input) {
    const changes = new Map();
    for (const [path, entry] of input.entries)
        changes.set(path, entry ? await scratch.readBlob(entry.oid) : null);
    const variables = {
        input: commitInput(signed.repository, input.branch, input.expectedHead, input.message, changes),
    };
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(31), __webpack_require__.e(876), __webpack_require__.e(644)]).then(__webpack_require__.bind(__webpack_require__, 8644));
    const client = getOctokit(signed.token, { apiUrl: signed.apiUrl });
    try {
        const data = await client.graphql(CREATE_COMMIT_ON_BRANCH, variables);
        return { ok: true, sha: data.createCommitOnBranch.commit.oid };
    }
    catch (error) {
        return { ok: false, failure: classifyGraphQLFailure(error) };
    }
}


/***/ })

};

//# sourceMappingURL=766.index.js.map