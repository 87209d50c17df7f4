import type { Language, Node, Tree } from 'web-tree-sitter';

/**
 * A tree-sitter tree copied into plain objects, reading only what the collector uses. Every getter of
 * web-tree-sitter's `Node` (`type`, `endIndex`, `child(i)`...) crosses into WASM, and the collector
 * asks for the same facts several times per node: here each is read once, children come in one call
 * per parent, and leaves and anonymous nodes (operators, quotes) cost nothing beyond that.
 */
export interface SyntaxNode {
  readonly type: string;
  /** Offsets in the parsed text (UTF-16 code units). */
  readonly start: number;
  readonly end: number;
  readonly namedChildren: readonly SyntaxNode[];
  /** The first child, anonymous or not: the keyword of a `declaration_command`; null for other types. */
  readonly first: SyntaxNode | null;
  /** The field children the collector reads (`body`, `name`, `value`); empty for other types. */
  readonly fields: ReadonlyMap<string, SyntaxNode>;
}

/**
 * Types that never have children (tree-sitter-bash's node-types.json lists them without children or
 * fields): their children are not asked for.
 */
const LEAF_TYPES = new Set(['word', 'ansi_c_string', 'comment', 'extglob_pattern', 'file_descriptor', 'heredoc_content', 'heredoc_end', 'heredoc_start', 'raw_string', 'regex', 'special_variable_name', 'string_content', 'test_operator', 'variable_name']);

/** Fields read per parent type. */
const FIELDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['redirected_statement', ['body']],
  ['command', ['name']],
  ['variable_assignment', ['name', 'value']],
]);

const NO_FIELDS: ReadonlyMap<string, SyntaxNode> = new Map();

interface MutableNode extends SyntaxNode {
  readonly namedChildren: SyntaxNode[];
  first: SyntaxNode | null;
  fields: ReadonlyMap<string, SyntaxNode>;
}

/**
 * Reads the tree depth first. Iterative, with an explicit stack: a RUN can chain tens of thousands of
 * commands, deeper than the call stack.
 */
export function readSyntaxTree(tree: Tree): SyntaxNode {
  const types = tree.language.types;
  const rootNode = tree.rootNode;
  const root = plain(rootNode, types);
  const pending: [Node, MutableNode][] = [[rootNode, root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, copy] = next;
    if (LEAF_TYPES.has(copy.type)) continue;
    const children: Node[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      const childCopy = plain(child, types);
      children.push(child);
      copy.namedChildren.push(childCopy);
      pending.push([child, childCopy]);
    }
    if (copy.type === 'declaration_command') copy.first = find(node.child(0), children, copy, types);
    const names = FIELDS.get(copy.type);
    if (names) {
      const fields = new Map<string, SyntaxNode>();
      for (const name of names) {
        const field = find(node.childForFieldName(name), children, copy, types);
        if (field) fields.set(name, field);
      }
      copy.fields = fields;
    }
  }
  return root;
}

function plain(node: Node, types: Language['types']): MutableNode {
  return { type: types[node.typeId] || 'ERROR', start: node.startIndex, end: node.endIndex, namedChildren: [], first: null, fields: NO_FIELDS };
}

/** The copy of one of a node's children: a named child already read, or an anonymous one read now (a leaf). */
function find(child: Node | null, named: readonly Node[], copy: MutableNode, types: Language['types']): SyntaxNode | null {
  if (!child) return null;
  const index = named.findIndex((candidate) => candidate.id === child.id);
  return copy.namedChildren[index] ?? plain(child, types);
}
