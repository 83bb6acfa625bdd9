// Runs before every npm script, with whatever Node is installed, so it must stay plain,
// old-syntax JavaScript: its whole job is to give a clear message instead of a stack trace.
// `npm ci`/`npm install` on an old Node never get here: engine-strict (.npmrc) makes npm refuse
// them at once with its own EBADENGINE message, before installing anything.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export var REQUIRED = [22, 12];

var INSTALLS = ['ci', 'install', 'i', 'add'];
var OWN_NAME = ['test', 'start', 'stop', 'restart'];

/**
 * The npm command the user typed, from the variables npm sets for a script: `npm_command` (ci,
 * install, run-script, test…) and `npm_lifecycle_event` (the script's name). `npm run build`
 * gives "npm run build"; `npm ci` (which runs preinstall) gives "npm ci".
 */
export function commandRun(env) {
  var command = env.npm_command;
  var event = env.npm_lifecycle_event;
  if (command && INSTALLS.indexOf(command) !== -1) return 'npm ' + (command === 'i' ? 'install' : command);
  if (command && OWN_NAME.indexOf(command) !== -1) return 'npm ' + command;
  if (event && event !== 'preinstall' && event !== 'install' && event !== 'postinstall') {
    return OWN_NAME.indexOf(event) !== -1 ? 'npm ' + event : 'npm run ' + event;
  }
  return 'npm ci';
}

/**
 * The message for a Node version that is too old, or null when the version will do, with the
 * one-liner that runs the same command through Node 22 from the npm registry. `installed`
 * says whether node_modules exists; without it the one-liner installs first.
 */
export function nodeVersionProblem(version, command, installed) {
  var parts = version.replace(/^v/, '').split('.').map(Number);
  if (parts[0] > REQUIRED[0] || (parts[0] === REQUIRED[0] && parts[1] >= REQUIRED[1])) return null;
  var run = command || 'npm ci';
  var isInstall = /^npm (ci|install)\b/.test(run);
  var full = isInstall || installed !== false ? run : 'npm ci && ' + run;
  return (
    'Firebreak needs Node.js ' +
    REQUIRED.join('.') +
    ' or newer; this is Node.js ' +
    version.replace(/^v/, '') +
    '.\n' +
    'Either install Node 22 (see .nvmrc), or run the same command through Node 22 from the npm registry:\n\n' +
    "  npx -y -p node@22 -- sh -c '" +
    full +
    "'\n"
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  var root = fileURLToPath(new URL('..', import.meta.url));
  var problem = nodeVersionProblem(process.versions.node, commandRun(process.env), existsSync(root + 'node_modules'));
  if (problem) {
    console.error('\n' + problem);
    process.exit(1);
  }
}
