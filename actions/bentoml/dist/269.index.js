export const id = 269;
export const ids = [269];
export const modules = {

/***/ 8269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ensurePythonTool: () => (/* binding */ ensurePythonTool)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ../../packages/core/src/exec.ts
var exec = __webpack_require__(8018);
// EXTERNAL MODULE: ../../packages/core/src/pure/errors.ts
var errors = __webpack_require__(5327);
// EXTERNAL MODULE: ../../packages/core/src/pure/retry.ts
var retry = __webpack_require__(2192);
// EXTERNAL MODULE: ../../packages/core/src/runtime.ts
var runtime = __webpack_require__(9103);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ../../packages/core/src/tools/layout.ts
// Pure: where a pinned Python CLI lives in the runner's tool cache, and which pip failures are
// worth another try. No @actions/* imports, no process state.

/** isExactVersion accepts `1.2.3` (and pre-release or build suffixes), the versions a cache folder can hold. */
function isExactVersion(version) {
    return /^\d+\.\d+\.\d+(?:[-+.][0-9A-Za-z.+-]+)?$/.test(version);
}
/**
 * pythonToolLayout names the tool cache folder for a venv: `<tool>/<version>/<arch>-py<X.Y>-<hash>`,
 * the hash covering the requirements (order-insensitive) and the interpreter, so changing extras or
 * Python gives a new folder instead of reusing a venv that does not match.
 */
function pythonToolLayout(identity) {
    const packages = [...new Set(identity.packages.map((p) => p.trim()).filter(Boolean))].sort();
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({ packages, python: identity.pythonExecutable }))
        .digest('hex')
        .slice(0, 10);
    return {
        tool: identity.tool,
        version: identity.version,
        arch: `${identity.arch}-py${identity.pythonVersion}-${hash}`,
    };
}
/**
 * isTransientPipError tells whether pip's output describes a network hiccup worth retrying. pip
 * reports an index it could not reach as "No matching distribution found" after its own retries,
 * so the connection errors it logged first decide, not that last line.
 */
function isTransientPipError(output) {
    return /ConnectionError|ConnectTimeout|ReadTimeout|Connection reset|Connection refused|Connection aborted|RemoteDisconnected|IncompleteRead|Temporary failure in name resolution|HTTP error 5\d\d|\b5\d\d Server Error|TimeoutError|timed out/i.test(output);
}

// EXTERNAL MODULE: ../../packages/core/src/tools/which.ts
var which = __webpack_require__(5062);
;// CONCATENATED MODULE: ../../packages/core/src/tools/python-tool.ts









/**
 * ensurePythonTool makes a pinned Python CLI available from a venv kept in the runner's tool cache
 * (`RUNNER_TOOL_CACHE/<tool>/<version>/<arch>-py<X.Y>-<hash>`, found again with
 * `@actions/tool-cache`'s `find`), so a second job on the same runner reuses it, and returns the
 * path of its executable.
 *
 * The venv is built in place, not copied in with `tc.cacheDir`: a venv's scripts hard-code its own
 * path. A folder counts as cached only once its `.complete` marker is written, as tool-cache does.
 * Callers should run `executable` by its full path rather than prepend `bin` to PATH, so commands
 * the tool itself starts (DVC stages: `python train.py`) still find the user's own interpreter.
 */
async function ensurePythonTool(options) {
    if (!isExactVersion(options.version)) {
        throw new errors/* ActionError */.lZ(`'${options.version}' is not an exact version of ${options.tool}`, {
            hint: 'Give a full version such as 3.67.1.',
        });
    }
    const toolCache = process.env['RUNNER_TOOL_CACHE'];
    if (!toolCache) {
        throw new errors/* ActionError */.lZ(`RUNNER_TOOL_CACHE is not set, so ${options.tool} has nowhere to be installed`, {
            hint: 'Run the action on a GitHub Actions runner, or set RUNNER_TOOL_CACHE to a writable folder.',
        });
    }
    const env = { ...options.env, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INPUT: '1' };
    const python = await describePython(options.python ?? defaultPython(), env);
    const layout = pythonToolLayout({
        tool: options.tool,
        version: options.version,
        packages: options.packages,
        pythonVersion: python.version,
        pythonExecutable: python.executable,
        arch: (0,external_node_os_.arch)(),
    });
    const tc = await Promise.all(/* import() */[__webpack_require__.e(775), __webpack_require__.e(445)]).then(__webpack_require__.bind(__webpack_require__, 3445));
    const found = tc.find(layout.tool, layout.version, layout.arch);
    const dir = found || (0,external_node_path_.join)(toolCache, layout.tool, layout.version, layout.arch);
    const bin = (0,external_node_path_.join)(dir, 'bin');
    const executable = (0,external_node_path_.join)(bin, options.tool);
    const result = { tool: options.tool, version: options.version, dir, bin, executable };
    // A venv depends on its base interpreter: a cached one whose interpreter is gone is rebuilt.
    if (found && (0,which/* isExecutableFile */.J)(executable) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(bin, 'python'))) {
        (0,runtime/* info */.pq)(`${options.tool} ${options.version}: reusing ${dir}`);
        return { ...result, cached: true };
    }
    (0,runtime/* info */.pq)(`${options.tool} ${options.version}: installing ${options.packages.join(' ')} into ${dir}`);
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_.rmSync)(`${dir}.complete`, { force: true });
    try {
        await (0,exec/* exec */.m0)(python.command, ['-m', 'venv', dir], {
            env,
            notFoundHint: 'Install Python 3 (or run actions/setup-python first).',
        }).catch((error) => {
            throw new errors/* ActionError */.lZ(`could not create a venv with ${python.command}: ${errorSummary(error)}`, {
                hint: 'Install the venv module (Debian: apt-get install python3-venv), or run actions/setup-python first.',
                cause: error,
            });
        });
        const pip = [
            '-m',
            'pip',
            'install',
            '--progress-bar',
            'off',
            ...(options.pipArgs ?? []),
            ...options.packages,
        ];
        await (0,retry/* retry */.L)(() => (0,exec/* exec */.m0)((0,external_node_path_.join)(bin, 'python'), pip, { env, timeoutMs: options.timeoutMs ?? 15 * 60_000 }), {
            attempts: options.attempts ?? 3,
            baseMs: 2000,
            retryable: (error) => error instanceof exec/* ExecError */.cI && isTransientPipError(`${error.stdout}\n${error.stderr}`),
            onRetry: (_error, attempt, delayMs) => (0,runtime/* warning */.$e)(`pip install failed to reach the package index (try ${attempt}); retrying in ${Math.round(delayMs / 1000)}s`),
        }).catch((error) => {
            if (error instanceof errors/* ActionError */.lZ && !(error instanceof exec/* ExecError */.cI))
                throw error;
            throw new errors/* ActionError */.lZ(`could not install ${options.packages.join(' ')}: ${errorSummary(error)}`, {
                hint: 'Check that the version exists on the package index and that the runner can reach it (pip honours PIP_INDEX_URL).',
                cause: error,
            });
        });
        if (!(0,which/* isExecutableFile */.J)(executable)) {
            throw new errors/* ActionError */.lZ(`${options.packages.join(' ')} installed no '${options.tool}' executable`, {
                hint: `Check the package names: one of them must provide the '${options.tool}' command.`,
            });
        }
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
    (0,external_node_fs_.writeFileSync)(`${dir}.complete`, '');
    return { ...result, cached: false };
}
function defaultPython() {
    const location = process.env['pythonLocation'];
    return location ? (0,external_node_path_.join)(location, 'bin', 'python3') : 'python3';
}
function errorSummary(error) {
    if (error instanceof exec/* ExecError */.cI) {
        const lines = `${error.stderr}\n${error.stdout}`
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l.startsWith('ERROR:'));
        if (lines.length)
            return lines.slice(-3).join(' / ');
    }
    return error instanceof Error ? error.message : String(error);
}
/** describePython asks an interpreter for its `major.minor` and real path. */
async function describePython(command, env) {
    const script = 'import sys, os; print("%d.%d" % sys.version_info[:2]); print(os.path.realpath(sys.executable))';
    const { stdout } = await (0,exec/* exec */.m0)(command, ['-c', script], {
        env,
        silent: true,
        notFoundHint: 'Install Python 3 on the runner, or run actions/setup-python before this step.',
    });
    const [version = '', executable = ''] = stdout.trim().split(/\r?\n/);
    if (!/^\d+\.\d+$/.test(version) || !executable) {
        throw new errors/* ActionError */.lZ(`${command} did not report its version (got '${stdout.trim()}')`, {
            hint: 'Point the action at a Python 3 interpreter.',
        });
    }
    return { command, version, executable };
}


/***/ })

};

//# sourceMappingURL=269.index.js.map