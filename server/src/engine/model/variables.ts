/**
 * ARG/ENV values in scope. A value is a string when known, or `UNKNOWN` when it comes from the
 * build (an ARG without default, a value built from an unknown): rules stay silent on unknowns.
 */
export const UNKNOWN = Symbol('unknown');
export type VariableValue = string | typeof UNKNOWN;
export type Scope = ReadonlyMap<string, VariableValue>;

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

export function withVariable(scope: Scope, name: string, value: VariableValue): Scope {
  const next = new Map(scope);
  next.set(name, value);
  return next;
}
