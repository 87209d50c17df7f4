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
 * Scopes are kept for every instruction, so a binding shares its parent instead of copying it (copies
 * made thousands of ARGs quadratic); a chain is flattened into a map every few bindings to keep
 * look-ups short.
 */
const MAX_CHAIN = 32;

class Binding implements Scope {
  constructor(
    readonly parent: Scope,
    readonly name: string,
    readonly value: VariableValue,
    readonly depth: number,
  ) {}

  get(name: string): VariableValue | undefined {
    let scope: Scope = this;
    while (scope instanceof Binding) {
      if (scope.name === name) return scope.value;
      scope = scope.parent;
    }
    return scope.get(name);
  }
}

export function withVariable(scope: Scope, name: string, value: VariableValue): Scope {
  const binding = new Binding(scope, name, value, scope instanceof Binding ? scope.depth + 1 : 1);
  return binding.depth < MAX_CHAIN ? binding : flatten(binding);
}

function flatten(binding: Binding): Scope {
  const chain: Binding[] = [];
  let scope: Scope = binding;
  while (scope instanceof Binding) {
    chain.push(scope);
    scope = scope.parent;
  }
  const values = new Map(scope instanceof Map ? (scope as ReadonlyMap<string, VariableValue>) : []);
  for (let k = chain.length - 1; k >= 0; k--) {
    const link = chain[k];
    if (link) values.set(link.name, link.value);
  }
  return values;
}
