// Mocha's spec reporter plus one closing line, "N passed, N failed, N skipped", in the
// plain form CI reads to tell a run that tested something from one that did not.
'use strict';
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => failed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, () => skipped++);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
      // scripts/test.mjs adds these counts to the real-editor ones for one closing line.
      const file = process.env.RFC_TEST_COUNTS;
      if (file) require('node:fs').writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
    });
  }
}

module.exports = SummaryReporter;
