// Resolves the @namndrum/<lib> imports of the compiled code (dist/) at run time,
// mirroring the "paths" of tsconfig.json.
const Module = require('node:module');
const path = require('node:path');

const distRoot = path.resolve(__dirname, '..', 'dist');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveNamndrumLibs(request, ...rest) {
  const match = /^@namndrum\/([a-z-]+)$/.exec(request);
  if (match) {
    request = path.join(distRoot, 'libs', match[1], 'src', 'index.js');
  }
  return originalResolve.call(this, request, ...rest);
};
