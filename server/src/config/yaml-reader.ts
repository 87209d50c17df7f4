import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { ConfigProblem } from './config-error';

/**
 * Walks a YAML document and collects located problems, so each config parser only states what it
 * expects. Positions come from the `yaml` parser's node ranges.
 */
export class YamlReader {
  readonly problems: ConfigProblem[] = [];
  /** The document's top node; null when it is empty or does not parse. */
  readonly root: Node | null;
  private readonly lines = new LineCounter();

  constructor(
    text: string,
    private readonly file: string,
  ) {
    const document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const error of document.errors) {
      const position = this.lines.linePos(error.pos[0]);
      this.problems.push({ file, line: position.line, column: position.col, key: null, message: syntaxMessage(error.message) });
    }
    const contents = document.contents;
    this.root = this.problems.length > 0 || contents === null || isEmptyScalar(contents) ? null : contents;
  }

  report(node: Node | null, key: string | null, message: string): void {
    const position = this.lines.linePos(node?.range?.[0] ?? 0);
    this.problems.push({ file: this.file, line: position.line, column: position.col, key, message });
  }

  /** The entries of a mapping by key text, each with its key node; reports when the node is not a mapping. */
  mapping(node: Node | null, key: string | null): Map<string, { keyNode: Node; value: Node | null }> | null {
    if (!isMap(node)) {
      this.report(node, key, key === null ? 'the file must be a mapping of keys to values.' : 'expected a mapping of keys to values.');
      return null;
    }
    const entries = new Map<string, { keyNode: Node; value: Node | null }>();
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      if (isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number')) {
        entries.set(String(pair.key.value), { keyNode: pair.key, value: pair.value });
      } else {
        this.report(pair.key, key, 'keys must be plain strings.');
      }
    }
    return entries;
  }

  /** A list of non-empty strings; reports the list or each bad item. */
  stringList(node: Node | null, key: string): string[] | null {
    if (!isSeq(node)) {
      this.report(node, key, 'expected a list of strings.');
      return null;
    }
    const values: string[] = [];
    (node.items as (Node | null)[]).forEach((item, index) => {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') values.push(item.value.trim());
      else this.report(item, `${key}[${index}]`, 'expected a non-empty string.');
    });
    return values;
  }

  /** A string scalar; reports anything else. */
  string(node: Node | null, key: string): string | null {
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    this.report(node, key, 'expected a string.');
    return null;
  }

  /** A whole number within a range; reports anything else. */
  integer(node: Node | null, key: string, min: number, max: number): number | null {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    this.report(node, key, `expected a whole number from ${min} to ${max}.`);
    return null;
  }

  /** A list of whole numbers within a range; reports the list or each bad item. */
  integerList(node: Node | null, key: string, min: number, max: number): number[] | null {
    if (!isSeq(node)) {
      this.report(node, key, 'expected a list of numbers.');
      return null;
    }
    const values: number[] = [];
    (node.items as (Node | null)[]).forEach((item, index) => {
      const value = this.integer(item, `${key}[${index}]`, min, max);
      if (value !== null) values.push(value);
    });
    return values;
  }
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && (node.value === null || node.value === '');
}

function syntaxMessage(message: string): string {
  const line = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return `invalid YAML: ${line}.`;
}
