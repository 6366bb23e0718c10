import { promises as fs } from 'fs';
import { DEFAULT_MAX_LENGTH } from '../core/analyze';
import { vocabularyOf, type TokenizerVocab } from '../core/catalog/tokenizerFiles';
import type { ResolvedModelConfig, ResourceHost } from '../core/resources/resources';
import { diskPath, readBounded } from './files';
import { HuggingFaceModels, type HuggingFaceOptions } from './huggingFace';

/** Files a config includes are configs too: no larger than the engine would analyse. */
export const MAX_INCLUDED_BYTES = DEFAULT_MAX_LENGTH * 4;
/** Tokenizer files are larger than configs (Gemma's tokenizer.json is 17 MB); past this they are not read. */
export const MAX_TOKENIZER_BYTES = 64 * 1024 * 1024;

/**
 * The command line's and the desktop extension's host: included files from disk, models from
 * the Hugging Face cache and, when allowed, the Hub. Failures are `null`, never a rejection.
 */
export class NodeResourceHost implements ResourceHost {
  readonly models: HuggingFaceModels;

  constructor(options: HuggingFaceOptions) {
    this.models = new HuggingFaceModels(options);
  }

  async readFile(reference: string): Promise<string | null> {
    const file = diskPath(reference);
    if (file === undefined) return null;
    const read = await readBounded(file, MAX_INCLUDED_BYTES);
    return 'text' in read ? read.text : null;
  }

  /** A tokenizer file's vocabulary: a regular file no larger than MAX_TOKENIZER_BYTES, counted by the core. */
  async tokenizer(reference: string): Promise<TokenizerVocab | null> {
    const file = diskPath(reference);
    if (file === undefined) return null;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_TOKENIZER_BYTES) return null;
      return vocabularyOf(await fs.readFile(file)) ?? null;
    } catch {
      return null;
    }
  }

  modelConfig(id: string): Promise<ResolvedModelConfig | null> {
    return this.models.modelConfig(id).catch(() => null);
  }
}
