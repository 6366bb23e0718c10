// How a harness runner ends: with the tests' exit code, or 1 and a short reason when it broke.

/**
 * @param {() => Promise<number>} main
 * @param {string} name  used in the message, e.g. "e2e harness"
 */
function runMain(main, name) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      const detail = error.name === 'MissingPrerequisite' ? error.message : error.stack || error;
      console.error(`${name} failed: ${detail}`);
      process.exit(1);
    },
  );
}

module.exports = { runMain };
