/**
 * Megatron-LM's `--moe-layer-freq "([0]*3+[1]*58)"`: a Python list expression of 0s and 1s, one per
 * layer (megatron/training/arguments.py `moe_freq_type` evaluates it). This reads the small subset
 * such patterns use (list literals of integers, `+`, `*` by a whole number, parentheses) without
 * evaluating anything; anything else gives undefined, and the caller says the pattern was not read.
 */
export function evaluateLayerPattern(text: string, limit = 100_000): number[] | undefined {
  const tokens = text.match(/\d+|[[\](),+*]|\S/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at];
    if (expected !== undefined && token !== expected) throw new Error('pattern');
    at++;
    return token;
  };
  type Value = number[] | number;
  const asList = (value: Value): number[] => {
    if (typeof value === 'number') throw new Error('pattern');
    return value;
  };
  const atom = (): Value => {
    const token = peek();
    if (token === '(') {
      take('(');
      const inner = sum();
      take(')');
      return inner;
    }
    if (token === '[') {
      take('[');
      const items: number[] = [];
      while (peek() !== ']') {
        const item = take();
        if (item === undefined || !/^\d+$/.test(item)) throw new Error('pattern');
        items.push(Number(item));
        if (peek() === ',') take(',');
      }
      take(']');
      return items;
    }
    if (token !== undefined && /^\d+$/.test(token)) return Number(take());
    throw new Error('pattern');
  };
  const product = (): Value => {
    let value = atom();
    while (peek() === '*') {
      take('*');
      const right = atom();
      const [list, times] = typeof value === 'number' ? [asList(right), value] : [value, right];
      if (typeof times !== 'number' || list.length * times > limit) throw new Error('pattern');
      value = Array.from({ length: times }, () => list).flat();
    }
    return value;
  };
  function sum(): Value {
    let value = product();
    while (peek() === '+') {
      take('+');
      const right = asList(product());
      value = [...asList(value), ...right];
      if (value.length > limit) throw new Error('pattern');
    }
    return value;
  }
  try {
    const result = sum();
    return at === tokens.length && Array.isArray(result) ? result : undefined;
  } catch {
    return undefined;
  }
}
