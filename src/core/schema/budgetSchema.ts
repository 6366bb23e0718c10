import schemaJson from '../../../schemas/budget.schema.json';

/**
 * The JSON schema of plain budget files (`schemas/budget.schema.json`), as far as completion reads
 * it: draft-07 with local `$ref`s into `definitions`, `anyOf` alternatives, and the
 * `defaultSnippets` keyword VS Code's JSON service and Red Hat's YAML extension also read.
 */
export interface SchemaNode {
  readonly $ref?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean;
  readonly anyOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly examples?: readonly unknown[];
  readonly defaultSnippets?: readonly DefaultSnippet[];
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

export interface DefaultSnippet {
  readonly label: string;
  readonly description?: string;
  /** Values are snippet text; a string starting with `^` is inserted without quotes (VS Code's convention). */
  readonly body: unknown;
}

export const BUDGET_SCHEMA = schemaJson as unknown as SchemaNode;

/** A property of a section: its schema (references resolved) and, for another spelling, the key it stands for. */
export interface SchemaProperty {
  readonly key: string;
  readonly node: SchemaNode;
  /** The definition's own key when `key` is another spelling of it (`max_steps` → `steps`). */
  readonly aliasOf?: string;
}

const DEFINITION = /^#\/definitions\/([^/]+)$/;

/** Follows a local `#/definitions/…` reference; anything else (or a broken one) is returned as it stands. */
export function resolve(node: SchemaNode, root: SchemaNode = BUDGET_SCHEMA): SchemaNode {
  const name = node.$ref ? DEFINITION.exec(node.$ref)?.[1] : undefined;
  return (name !== undefined && Object.hasOwn(root.definitions ?? {}, name) ? root.definitions![name] : undefined) ?? node;
}

/** The mapping form of a node that may also be a string (`hardware: H100` or `hardware: {…}`). */
export function asSection(node: SchemaNode): SchemaNode | undefined {
  if (node.properties) return node;
  return node.anyOf?.find((alternative) => alternative.properties !== undefined);
}

/** The keys a section accepts, in the schema's order. */
export function propertiesOf(section: SchemaNode, root: SchemaNode = BUDGET_SCHEMA): SchemaProperty[] {
  return Object.entries(section.properties ?? {}).map(([key, value]) => {
    const name = value.$ref ? DEFINITION.exec(value.$ref)?.[1] : undefined;
    return { key, node: resolve(value, root), aliasOf: name !== undefined && name !== key && !isSectionDefinition(root, name) ? name : undefined };
  });
}

/** The section at a path of keys from the root (`['training', 'hardware']`), or undefined when the schema has none there. */
export function sectionAt(path: readonly string[], root: SchemaNode = BUDGET_SCHEMA): SchemaNode | undefined {
  let section: SchemaNode | undefined = root;
  for (const key of path) {
    const child: SchemaNode | undefined = section && Object.hasOwn(section.properties ?? {}, key) ? section.properties![key] : undefined;
    section = child ? asSection(resolve(child, root)) : undefined;
    if (!section) return undefined;
  }
  return section;
}

/** Every key the schema names anywhere, sections included. */
export function allKeys(root: SchemaNode = BUDGET_SCHEMA): Set<string> {
  const keys = new Set<string>();
  const visit = (node: SchemaNode) => {
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      keys.add(key);
      const section = asSection(resolve(value, root));
      if (section && section !== node) visit(section);
    }
  };
  visit(root);
  return keys;
}

/** Definitions that are sections (`training`, shared by `train:`) are not other spellings of a key. */
function isSectionDefinition(root: SchemaNode, name: string): boolean {
  return root.definitions?.[name]?.properties !== undefined;
}
