#!/usr/bin/env node
// Validates a bundle from `menodiary --export-fhir` with an independent FHIR R4 validator: the
// `fhir` npm package (structure definitions and value sets of R4; unexpected properties are
// errors). Used by hand and by the optional test below:
//   npm install --prefix /tmp/fhirval fhir@4.12.0
//   NODE_PATH=/tmp/fhirval/node_modules node tests/fhir/validate-fhir.js bundle.json
// Prints TAP: one case for "no error", the warnings as comments. Skips when the package is missing.
'use strict';
let Fhir;
try {
  ({ Fhir } = require('fhir'));
} catch (e) {
  console.log('1..0 # SKIP the fhir npm package is not installed (see the comment at the top)');
  process.exit(0);
}
const fs = require('fs');
const bundle = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const result = new Fhir().validate(bundle, { errorOnUnexpected: true });
const errors = result.messages.filter((m) => m.severity === 'error');
const seen = new Set();
console.log('1..1');
for (const m of result.messages) {
  const line = `${m.severity} ${m.location}: ${m.message}`;
  if (!seen.has(line)) {
    seen.add(line);
    console.log(`# ${line}`);
  }
}
console.log(`${errors.length === 0 && result.valid ? 'ok' : 'not ok'} 1 the bundle is valid FHIR R4 (${errors.length} errors)`);
process.exit(errors.length === 0 ? 0 : 1);
