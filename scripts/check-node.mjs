// Runs before every npm script with whatever Node is installed, so it must stay plain,
// old-syntax JavaScript: its whole job is to give a clear message instead of a stack trace.
import { fileURLToPath } from 'node:url';

export var REQUIRED = [22, 12];

/** The message for a Node version that is too old, or null when the version will do. */
export function nodeVersionProblem(version) {
  var parts = version.replace(/^v/, '').split('.').map(Number);
  if (parts[0] > REQUIRED[0] || (parts[0] === REQUIRED[0] && parts[1] >= REQUIRED[1])) return null;
  return (
    'Firebreak needs Node.js ' +
    REQUIRED.join('.') +
    ' or newer; this is Node.js ' +
    version.replace(/^v/, '') +
    '.\n' +
    'Either install Node 22 (see .nvmrc), or run any command through Node 22 from the npm registry:\n\n' +
    "  npx -y -p node@22 -- sh -c 'npm ci && npm start'\n"
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  var problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    console.error('\n' + problem);
    process.exit(1);
  }
}
