// Runs before every npm script with whatever Node is installed, so it must stay plain,
// old-syntax JavaScript: its whole job is to give a clear message instead of a stack trace.
var required = [22, 12];
var parts = process.versions.node.split('.').map(Number);
var ok = parts[0] > required[0] || (parts[0] === required[0] && parts[1] >= required[1]);
if (!ok) {
  console.error(
    '\nFirebreak needs Node.js ' +
      required.join('.') +
      ' or newer; this is Node.js ' +
      process.versions.node +
      '.\n' +
      'Either install Node 22 (see .nvmrc), or run any command through Node 22 from the npm registry:\n\n' +
      "  npx -y -p node@22 -- sh -c 'npm ci && npm start'\n",
  );
  process.exit(1);
}
