/**
 * A test's model of GitHub's runner, from its source (actions/runner@079cdb1d05fe0ec50f8c51de5a4fa51d0eb189b0,
 * src/Runner.Common/ActionCommand.cs, `TryParseV2` then `TryParse`, as ActionCommandManager tries them).
 */
/** What the runner does with one line of a log: the command it runs, or none. */
export function workflowCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const registered = new Set([
    'error',
    'warning',
    'notice',
    'debug',
    'add-mask',
    'stop-commands',
    'group',
    'endgroup',
    'echo',
    'set-output',
    'save-state',
    'add-matcher',
  ]);
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      const command = space < 0 ? info : info.slice(0, space);
      if (registered.has(command)) {
        const properties: Record<string, string> = {};
        for (const pair of space < 0 ? [] : info.slice(space + 1).split(',')) {
          const at = pair.indexOf('=');
          if (at > 0) properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), true);
        }
        return { command, properties, data: unescape(trimmed.slice(end + 2), false) };
      }
    }
  }
  const legacy = line.indexOf('##[');
  if (legacy >= 0) {
    const close = line.indexOf(']', legacy);
    const info = close < 0 ? '' : line.slice(legacy + 3, close);
    const command = info.split(' ')[0]!;
    if (registered.has(command)) return { command, properties: {}, data: line.slice(close + 1) };
  }
  return undefined;
}
function unescape(text: string, property: boolean): string {
  let out = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}
