// The yardstick of the cold-start benchmark: the least a JavaScript action does with
// @actions/core (import it and set one output), bundled the way our actions are.
import * as core from '@actions/core';

core.setOutput('ready', 'true');
