// Makes code-server load an extension folder as an installed extension, by linking it into the
// extensions folder under the name VS Code gives installed extensions: <publisher>.<name>-<version>.
// Unlike the `payload` development-extension route, this needs no --enable-smoke-test-driver,
// which also hides notification toasts: the workbench then looks as it does for a person.
const fs = require('fs');
const path = require('path');

/** Links `extension` into `extensionsDir`; returns the extension's id (publisher.name). */
function linkExtension(extensionsDir, extension) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const link = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.rmSync(link, { force: true, recursive: false });
  fs.symlinkSync(path.resolve(extension), link, 'dir');
  return id;
}

module.exports = { linkExtension };
