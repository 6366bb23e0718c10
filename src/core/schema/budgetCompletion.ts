import { asSection, BUDGET_SCHEMA, propertiesOf, resolve, sectionAt, type DefaultSnippet, type SchemaNode, type SchemaProperty } from './budgetSchema';
import { minOf } from '../numbers/extent';

/**
 * Completion in a plain budget file, driven by `schemas/budget.schema.json`: the keys valid at the
 * cursor's nesting level (with their descriptions), values from a key's examples, and the schema's
 * snippets. Budget files are block-style YAML, so the nesting is read from indentation, which
 * still works on the half-typed line a completion is asked for (a parser would see a broken file).
 */
export interface BudgetCompletion {
  readonly label: string;
  readonly kind: 'key' | 'section' | 'value' | 'snippet';
  /** One line beside the label: the kind of value, or which key this spelling stands for. */
  readonly detail: string;
  /** Markdown. */
  readonly documentation: string;
  /** Snippet syntax (`${1:7B}`); lines after the first are indented relative to the cursor's line. */
  readonly insertText: string;
  readonly sortText: string;
  /** The text the item replaces, as offsets. */
  readonly replace: { readonly start: number; readonly end: number };
}

const KEY_LINE = /^(\s*)([A-Za-z_][\w.-]*)?$/;
const VALUE_LINE = /^(\s*)([A-Za-z_][\w.-]*)[ \t]*:[ \t]+([^#]*)$/;
/** A line that opens a mapping: a key and nothing after its colon but a comment. */
const SECTION_LINE = /^(\s*)([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(?:#.*)?$/;
const KEY_OF_LINE = /^(\s*)([A-Za-z_][\w.-]*)[ \t]*:/;

/** Completions at `offset` in `text`; none where the schema says nothing (comments, lists, unknown sections). */
export function budgetCompletions(text: string, offset: number, schema: SchemaNode = BUDGET_SCHEMA): BudgetCompletion[] {
  if (!(offset >= 0 && offset <= text.length)) return [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const before = text.slice(lineStart, offset).replace(/\r$/, '');
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const lineIndex = countNewlines(text, lineStart);

  const keyMatch = KEY_LINE.exec(before);
  if (keyMatch) {
    const indent = keyMatch[1].length;
    const path = parentPath(lines, lineIndex, indent);
    const section = path && sectionAt(path, schema);
    if (!section) return [];
    const typedAfter = /^[\w.-]*/.exec(after)![0];
    const replace = { start: offset - (keyMatch[2]?.length ?? 0), end: offset + typedAfter.length };
    // On a line that already has its colon, only the key's name is replaced.
    const hasColon = /^[\w.-]*[ \t]*:/.test(after);
    const present = siblingKeys(lines, lineIndex, indent);
    const unit = indentUnit(lines);
    const keys = propertiesOf(section, schema)
      .filter((property) => !present.has(property.key))
      .map((property, index) => keyCompletion(property, index, hasColon, unit, replace, schema));
    const emptyBlock = present.size === 0;
    const snippets = (section.defaultSnippets ?? []).map((snippet, index) => snippetCompletion(snippet, index, emptyBlock, unit, replace));
    return hasColon ? keys : [...snippets, ...keys];
  }

  const valueMatch = VALUE_LINE.exec(before);
  if (valueMatch && !/^\s*#/.test(before)) {
    const indent = valueMatch[1].length;
    const path = parentPath(lines, lineIndex, indent);
    const section = path && sectionAt(path, schema);
    const property = section && propertiesOf(section, schema).find((candidate) => candidate.key === valueMatch[2]);
    if (!property) return [];
    const typed = valueMatch[3];
    const replace = { start: offset - typed.length, end: offset + /^[^#\s]*/.exec(after)![0].length };
    return valuesOf(property.node).map((value, index) => ({
      label: value,
      kind: 'value' as const,
      detail: property.key,
      documentation: property.node.description ?? '',
      insertText: escapeSnippet(value),
      sortText: String(index).padStart(3, '0'),
      replace,
    }));
  }
  return [];
}

/** The keys of the mappings that enclose a line at `indent`, outermost first; undefined inside a list or a scalar. */
function parentPath(lines: readonly string[], lineIndex: number, indent: number): string[] | undefined {
  const path: string[] = [];
  let limit = indent;
  for (let index = lineIndex - 1; index >= 0 && limit > 0; index--) {
    const line = lines[index];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const lineIndent = /^\s*/.exec(line)![0].length;
    if (lineIndent >= limit) {
      // A sibling or something deeper; a list item at this level means the block is a list.
      if (lineIndent === limit && /^\s*-(\s|$)/.test(line)) return undefined;
      continue;
    }
    const section = SECTION_LINE.exec(line);
    if (!section) return undefined;
    path.unshift(section[2]);
    limit = lineIndent;
  }
  return path;
}

/** Keys already written in the block the line at `indent` belongs to. */
function siblingKeys(lines: readonly string[], lineIndex: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const scan = (step: 1 | -1) => {
    for (let index = lineIndex + step; index >= 0 && index < lines.length; index += step) {
      const line = lines[index];
      if (/^\s*(#.*)?$/.test(line)) continue;
      const lineIndent = /^\s*/.exec(line)![0].length;
      if (lineIndent < indent) return;
      const key = lineIndent === indent ? KEY_OF_LINE.exec(line)?.[2] : undefined;
      if (key) keys.add(key);
    }
  };
  scan(-1);
  scan(1);
  return keys;
}

/** The file's own indentation step (the smallest indent it uses), two spaces when it has none. */
function indentUnit(lines: readonly string[]): string {
  const indents = lines.filter((line) => /^ +[^\s#-]/.test(line)).map((line) => /^ */.exec(line)![0].length);
  return ' '.repeat(indents.length ? minOf(indents) : 2);
}

function keyCompletion(
  property: SchemaProperty,
  index: number,
  hasColon: boolean,
  unit: string,
  replace: BudgetCompletion['replace'],
  schema: SchemaNode,
): BudgetCompletion {
  const { key, node, aliasOf } = property;
  // A mapping, or a name-or-mapping with a snippet for its mapping form (`hardware`); a key that may
  // also hold a mapping but usually holds text (`max_time: 30d`) gets its value's placeholder.
  const section = node.properties ? node : node.defaultSnippets?.length ? asSection(node) : undefined;
  const description = node.description ?? '';
  const documentation = aliasOf ? `Another spelling of \`${aliasOf}\`, read the same way.\n\n${description}` : description;
  let body: string;
  if (hasColon) body = key;
  else if (section && node.defaultSnippets?.[0]) body = `${key}:${yamlBody(node.defaultSnippets[0].body, unit, unit)}`;
  else if (section) body = `${key}:\n${unit}$0`;
  else body = `${key}: ${valuePlaceholder(node)}`;
  return {
    label: key,
    kind: section ? 'section' : 'key',
    detail: aliasOf ? `= ${aliasOf}` : kindOf(node, schema),
    documentation,
    insertText: body,
    // The schema's own spellings first, in its order; other spellings after them.
    sortText: `${aliasOf ? 1 : 0}${String(index).padStart(3, '0')}`,
    replace,
  };
}

function snippetCompletion(snippet: DefaultSnippet, index: number, first: boolean, unit: string, replace: BudgetCompletion['replace']): BudgetCompletion {
  return {
    label: snippet.label,
    kind: 'snippet',
    detail: 'snippet',
    documentation: snippet.description ?? '',
    insertText: yamlBody(snippet.body, unit, '').replace(/^\n/, ''),
    sortText: `${first ? '/' : '2'}${String(index).padStart(3, '0')}`,
    replace,
  };
}

/** A snippet body (an object of snippet strings) as block YAML, each line after a newline. */
function yamlBody(body: unknown, unit: string, indent: string): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return ` ${scalar(body)}`;
  return Object.entries(body as Record<string, unknown>)
    .map(
      ([key, value]) =>
        `\n${indent}${escapeSnippet(key)}:${value !== null && typeof value === 'object' ? yamlBody(value, unit, indent + unit) : ` ${scalar(value)}`}`,
    )
    .join('');
}

const scalar = (value: unknown): string => (typeof value === 'string' ? value.replace(/^\^/, '') : escapeSnippet(String(value)));

function valuePlaceholder(node: SchemaNode): string {
  const values = valuesOf(node);
  if (node.enum || isType(node, 'boolean')) return `\${1|${values.map((value) => value.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
  return values.length ? `\${1:${escapeSnippet(values[0])}}` : '$1';
}

/** The values offered for a key: its enum, true/false, or its examples. */
function valuesOf(node: SchemaNode): string[] {
  const listed =
    node.enum ?? (isType(node, 'boolean') ? [true, false] : (node.examples ?? node.anyOf?.flatMap((alternative) => alternative.examples ?? []) ?? []));
  return [...new Set(listed.filter((value) => ['string', 'number', 'boolean'].includes(typeof value)).map(String))];
}

function isType(node: SchemaNode, type: string): boolean {
  return node.type === type || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === type);
}

/** A short name of what a key holds, for the completion list. */
function kindOf(node: SchemaNode, schema: SchemaNode): string {
  if (node.properties) return 'section';
  const types = new Set(
    [node.type, ...(node.anyOf ?? []).map((alternative) => resolve(alternative, schema).type)]
      .flat()
      .filter((type): type is string => typeof type === 'string'),
  );
  if (types.has('integer')) return 'whole number';
  if (types.has('number')) return types.has('string') ? 'number (7B, 1.4T, 2e12)' : 'number';
  const names = [...types].filter((type) => type !== 'null').map((type) => ({ string: 'text', object: 'mapping' })[type] ?? type);
  return names.join(' or ') || 'value';
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
