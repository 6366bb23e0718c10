import * as fs from 'fs';
import * as path from 'path';

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** Every real config under test/examples/: the seeds that mutations start from. */
export function loadCorpus(): CorpusFile[] {
  const root = path.resolve(__dirname, '../../../test/examples');
  const files: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.(md|png)$/i.test(entry.name) && fs.statSync(full).size < 200_000)
        files.push({ name: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
