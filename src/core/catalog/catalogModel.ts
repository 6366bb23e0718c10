/** One model of the catalog. Family files import it from here, so the index (models.ts) that assembles them is imported by none of them. */
export interface CatalogModel {
  readonly id: string;
  /** Other names for the same model: framework names, mirrors, short names. */
  readonly aliases: readonly string[];
  /** The published Hugging Face `config.json` fields that fix the parameter count. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Pretraining tokens, when published, and where the figure comes from. */
  readonly trainingTokens?: number;
  readonly tokensSource?: string;
  /** Where the `config` numbers were read (`owner/repo@commit:path`, or the model's config.json). */
  readonly configSource?: string;
  /**
   * Set only on a model a config named and the host found: "Hugging Face cache" or "Hugging
   * Face Hub". Absent for the built-in entries.
   */
  readonly source?: string;
}
