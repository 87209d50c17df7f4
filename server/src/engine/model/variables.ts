/**
 * ARG/ENV values in scope. A value is a string when known, or `UNKNOWN` when it comes from the
 * build (an ARG without default, a value built from an unknown): rules stay silent on unknowns.
 */
export const UNKNOWN = Symbol('unknown');
export type VariableValue = string | typeof UNKNOWN;
/** Variables in scope at one instruction: a map, or a short chain of bindings over one. */
export interface Scope {
  get(name: string): VariableValue | undefined;
}

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Values that would grow past this many characters count as unknown: `ARG B=${A}${A}` chains double
 * at each step and would otherwise exhaust memory.
 */
const MAX_VALUE_LENGTH = 1 << 16;

/**
 * Substitutes `$X`, `${X}`, `${X:-default}` and `${X:+alternative}`; null when anything is unknown.
 * A name the Dockerfile never declared is empty, unless `undeclaredUnknown`: in a stage built on an
 * image, whose own ENV may set it.
 */
export function substitute(text: string, scope: Scope, undeclaredUnknown = false): string | null {
  if (!text.includes('$')) return text;
  let unknown = false;
  let length = text.length;
  const result = text.replace(REFERENCE, (_match, braced: string | undefined, operator: string | undefined, operand: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = scope.get(name) ?? (undeclaredUnknown ? UNKNOWN : undefined);
    if (value === UNKNOWN || unknown) {
      unknown = true;
      return '';
    }
    length += typeof value === 'string' ? value.length : 0;
    if (length > MAX_VALUE_LENGTH) {
      unknown = true;
      return '';
    }
    const isSet = value !== undefined;
    const isNonEmpty = isSet && value !== '';
    switch (operator) {
      case ':-':
        return isNonEmpty ? value : substituteOrFlag(operand ?? '');
      case '-':
        return isSet ? value : substituteOrFlag(operand ?? '');
      case ':+':
        return isNonEmpty ? substituteOrFlag(operand ?? '') : '';
      case '+':
        return isSet ? substituteOrFlag(operand ?? '') : '';
      default:
        return value ?? '';
    }
  });
  return unknown ? null : result;

  function substituteOrFlag(inner: string): string {
    const value = substitute(inner, scope, undeclaredUnknown);
    if (value === null) {
      unknown = true;
      return '';
    }
    return value;
  }
}

/**
 * Scopes are kept for every instruction, so each shares the one before it: a stack of maps that are
 * never changed, newest last. An instruction's bindings go on top as one map, and the top maps merge
 * while the newer one is at least as large as the one below (a binary counter's carries): a
 * look-up probes at most about log2(n) maps and each binding is copied about log2(n) times. Copying
 * into a fresh map every 32 bindings made 50,000 ENV lines take 17 s.
 */
export class VariableScope implements Scope {
  static readonly EMPTY = new VariableScope([]);

  private constructor(private readonly layers: readonly ReadonlyMap<string, VariableValue>[]) {}

  static of(bindings: ReadonlyMap<string, VariableValue>): VariableScope {
    return VariableScope.EMPTY.with(bindings);
  }

  get(name: string): VariableValue | undefined {
    for (let k = this.layers.length - 1; k >= 0; k--) {
      const value = this.layers[k]?.get(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** This scope with `bindings` over it; this one is left as it is. `bindings` is kept, not copied: leave it unchanged. */
  with(bindings: ReadonlyMap<string, VariableValue>): VariableScope {
    if (bindings.size === 0) return this;
    const layers = [...this.layers, bindings];
    for (let top = layers.at(-1), below = layers.at(-2); top && below && top.size >= below.size; top = layers.at(-1), below = layers.at(-2)) {
      const merged = new Map(below);
      for (const [name, value] of top) merged.set(name, value);
      layers.splice(-2, 2, merged);
    }
    return new VariableScope(layers);
  }
}
