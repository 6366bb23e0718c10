import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAll, codeOf, diagnosticsWhen, exampleUri, show } from './helpers';

const SECRET = 'sk-live-TOKEN-0123456789';
/** A MaxText config inheriting `base`: the base's model_name would reach the "not in the built-in catalog" message. */
const CONFIG = (base: string) => `base_config: ${base}\nper_device_batch_size: 2\nsteps: 100\n`;

/**
 * The editor's reader follows a config's `base_config` only while it stays inside the workspace
 * folder with links followed: a symbolic link to a folder outside, on the way to the file
 * (`dirlink/base.yml`), is answered as a missing file, the same words as a file that is not
 * there; a link that stays inside is followed (this host is Node's, so real paths are compared).
 */
describe('the editor reads no file through a symbolic link to a folder outside the workspace', () => {
  let outside: string;
  let tree: vscode.Uri;
  before(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-outside-'));
    fs.writeFileSync(path.join(outside, 'base.yml'), `model_name: ${SECRET}\n`);
    tree = exampleUri(`links-${path.basename(outside)}`);
    fs.mkdirSync(path.join(tree.fsPath, 'inner'), { recursive: true });
    fs.writeFileSync(path.join(tree.fsPath, 'inner', 'base.yml'), 'model_name: inside-model-7q\n');
    fs.symlinkSync(outside, path.join(tree.fsPath, 'dirlink'));
    fs.symlinkSync('inner', path.join(tree.fsPath, 'innerlink'));
  });
  after(async () => {
    await closeAll();
    fs.rmSync(tree.fsPath, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /** Opens a config naming `base` and waits for the answer about it: the base's model, or a missing file. */
  const answerFor = async (base: string, name: string) => {
    const uri = vscode.Uri.joinPath(tree, name);
    fs.writeFileSync(uri.fsPath, CONFIG(base));
    await show(await vscode.workspace.openTextDocument(uri));
    const answered = (list: readonly vscode.Diagnostic[]) => list.some((item) => codeOf(item) === 'missing-file' || /inside-model-7q/.test(item.message));
    return diagnosticsWhen(uri, answered);
  };

  it('reads a base in a folder inside, directly or through a link that stays inside', async () => {
    for (const [base, name] of [
      ['inner/base.yml', 'direct.yml'],
      ['innerlink/base.yml', 'linked-inside.yml'],
    ]) {
      const diagnostics = await answerFor(base!, name!);
      assert.ok(!diagnostics.some((item) => codeOf(item) === 'missing-file'), `${base}: ${diagnostics.map((item) => item.message).join(' | ')}`);
      assert.ok(
        diagnostics.some((item) => /inside-model-7q/.test(item.message)),
        base,
      );
    }
  });

  it('answers a file under a folder link out exactly as a file that is not there, and shows nothing from it', async () => {
    const there = await answerFor('dirlink/base.yml', 'through-link.yml');
    const gone = await answerFor('dirlink/gone.yml', 'through-link-gone.yml');
    for (const list of [there, gone]) assert.ok(!list.some((item) => item.message.includes('TOKEN')), list.map((item) => item.message).join(' | '));
    const missing = (list: readonly vscode.Diagnostic[]) => list.filter((item) => codeOf(item) === 'missing-file').map((item) => item.message);
    assert.strictEqual(missing(there).length, 1);
    assert.deepStrictEqual(
      missing(there).map((message) => message.replaceAll('base.yml', 'X')),
      missing(gone).map((message) => message.replaceAll('gone.yml', 'X')),
    );
  });
});
