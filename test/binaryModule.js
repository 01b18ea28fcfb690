// Lets mocha (through tsx) `require` the `*.bin` model files as esbuild's binary loader does in the bundles:
// module.exports is the file's bytes as a Uint8Array.
const { readFileSync } = require('node:fs');
require.extensions['.bin'] = (module, filename) => {
  module.exports = new Uint8Array(readFileSync(filename));
};
// The lexicon tables (`*.txt`) as esbuild's text loader gives them: module.exports is the file's text.
require.extensions['.txt'] = (module, filename) => {
  module.exports = readFileSync(filename, 'utf8');
};
