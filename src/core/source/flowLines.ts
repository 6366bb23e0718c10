/**
 * PyYAML (and OmegaConf on top of it) ignores indentation inside a flow collection, so a `[ ... ]`
 * whose items or closing `]` sit at or left of its key's column loads there (FlagScale's
 * `prompts: [\n "...",\n]`, Beaker specs' `arguments: ["accelerate launch\n  ...\n"]`). The `yaml`
 * package follows the YAML 1.2 rule and refuses them. Inside a flow collection a line break means
 * what a space means (it folds to one), so turning those breaks into spaces gives a text the
 * `yaml` package reads as PyYAML does, with every offset unchanged: spans still point at the
 * user's text. Whitespace inside a multi-line quoted string may differ (kept instead of folded).
 */
export function joinFlowLines(text: string): string | undefined {
  const out = text.split('');
  let depth = 0;
  let quote: string | undefined;
  let lastSignificant = '\n';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\' && quote === '"') {
        i++;
      } else if (char === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      } else if (char === '\n') {
        out[i] = ' ';
        changed = true;
      }
      continue;
    }
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      // A comment runs to the end of its line; that line break must stay one.
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
      lastSignificant = '\n';
      continue;
    }
    if (depth > 0) {
      if (char === '"' || char === "'") quote = char;
      else if (char === '[' || char === '{') depth++;
      else if (char === ']' || char === '}') depth--;
      else if (char === '\n') {
        out[i] = ' ';
        changed = true;
      }
    } else if ((char === '[' || char === '{') && /[:\-,\n[{]/.test(lastSignificant)) {
      // A flow collection starts only where a value or item starts, never inside a plain scalar.
      depth = 1;
    }
    if (char !== ' ' && char !== '\t') lastSignificant = char;
  }
  return changed ? out.join('') : undefined;
}
