import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameworkModule } from '../../../src/core/formats/format';
import { FRAMEWORKS } from '../../../src/core/formats/registry';

// The tests run from out/test/core/formats; the format folders are read in the source tree and loaded from out/.
const SOURCE_FORMATS = path.resolve(__dirname, '../../../../src/core/formats');
const BUILT_FORMATS = path.resolve(__dirname, '../../../src/core/formats');

/** Folders of src/core/formats that are no format: readers several formats share. */
const SHARED_FOLDERS = new Set(['shared']);

const formatFolders = fs
  .readdirSync(SOURCE_FORMATS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED_FOLDERS.has(entry.name))
  .map((entry) => entry.name);

const isFormat = (value: unknown): value is FrameworkModule =>
  typeof value === 'object' && value !== null && typeof (value as FrameworkModule).id === 'string' && typeof (value as FrameworkModule).detect === 'function';

/** The format modules a folder exports, from its modules as tsc built them. */
function formatsIn(folder: string): FrameworkModule[] {
  const built = path.join(BUILT_FORMATS, folder);
  return (
    fs
      .readdirSync(built)
      .filter((file) => file.endsWith('.js'))
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .flatMap((file) => Object.values(require(path.join(built, file)) as Record<string, unknown>).filter(isFormat))
  );
}

describe('the format registry', () => {
  it('finds the format folders to check', () => {
    assert.ok(formatFolders.length >= 10, `only ${formatFolders.length} format folders found in ${SOURCE_FORMATS}`);
  });

  for (const folder of formatFolders) {
    it(`registers the format of the folder ${folder}`, () => {
      const formats = formatsIn(folder);
      assert.equal(
        formats.length,
        1,
        `formats/${folder}/ should export exactly one format module, found ${formats.map((format) => format.id).join(', ') || 'none'}`,
      );
      assert.ok(FRAMEWORKS.includes(formats[0]!), `formats/${folder}/ exports "${formats[0]!.id}", missing from FRAMEWORKS in formats/registry.ts`);
    });
  }

  it('names no format that has no folder of its own', () => {
    const inFolders = new Set(formatFolders.flatMap(formatsIn));
    const strays = FRAMEWORKS.filter((format) => !inFolders.has(format));
    assert.deepEqual(
      strays.map((format) => format.id),
      [],
      'every registered format lives in its own folder of src/core/formats',
    );
  });

  it('gives every format a distinct id', () => {
    const ids = FRAMEWORKS.map((format) => format.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
