// Builds the URL that opens the web workbench on a folder. The `payload` parameter carries what
// `code --extensionDevelopmentPath=... --extensionTestsPath=...` carries on desktop; a built
// code-server honours it only when started with --enable-smoke-test-driver (code-server.js does).

/** A path on the server, as the workbench names it: vscode-remote://<authority><path>. */
function remoteUri(base, absPath) {
  const authority = new URL(base).host;
  return `vscode-remote://${authority}${encodeURI(absPath)}`;
}

/**
 * @param {string} base  e.g. http://127.0.0.1:1234
 * @param {object} options
 * @param {string} options.folder                 absolute path of the workspace folder
 * @param {string} [options.extensionDevelopmentPath]
 * @param {string} [options.extensionTestsPath]   compiled tests module exporting run()
 */
function workbenchUrl(base, options) {
  const payload = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(base, options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(base, options.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: options.folder });
  if (payload.length) query.set('payload', JSON.stringify([...payload, ['skipWelcome', 'true']]));
  return `${base}/?${query}`;
}

module.exports = { workbenchUrl, remoteUri };
