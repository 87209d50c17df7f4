import { Language, Parser, type Node } from 'web-tree-sitter';
import type { Span } from '../types';
import type { ShellCommand, ShellScript, ShellWord } from './records';

/** The grammar is loaded once per process; `initShellParser` must resolve before any lint. */
let parser: Parser | undefined;

export interface ShellParserWasm {
  /** web-tree-sitter's runtime (tree-sitter.wasm). */
  readonly runtime: Uint8Array;
  /** The bash grammar (tree-sitter-bash.wasm). */
  readonly bash: Uint8Array;
}

export async function initShellParser(wasm: ShellParserWasm): Promise<void> {
  if (parser) return;
  await Parser.init({ wasmBinary: wasm.runtime });
  const bash = await Language.load(wasm.bash);
  const created = new Parser();
  created.setLanguage(bash);
  parser = created;
}

export function isShellParserReady(): boolean {
  return parser !== undefined;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', '/bin/sh', '/bin/bash', '/bin/dash', '/bin/ash', '/usr/bin/env']);
const MAX_DEPTH = 3;

/** Parses a shell script; nested `sh -c '...'` strings and shell heredocs are read too. */
/**
 * Beyond this size a script is not read (tree-sitter-bash takes seconds on some megabyte inputs): it
 * counts as unreadable, and rules stay silent about it. Real RUN scripts are a few kilobytes.
 */
const MAX_SCRIPT_LENGTH = 256 * 1024;

export function parseShellScript(script: string): ShellScript {
  if (!parser) throw new Error('shell parser used before initShellParser()');
  if (script.length > MAX_SCRIPT_LENGTH) return { commands: [], hasErrors: true, end: script.length, hasHeredoc: false };
  const tree = parser.parse(script);
  if (!tree) return { commands: [], hasErrors: true, end: script.length, hasHeredoc: false };
  try {
    const collector = new Collector(script);
    collector.visitProgram(tree.rootNode, 0, 0);
    return { commands: collector.commands, hasErrors: tree.rootNode.hasError, end: lastStatementEnd(tree.rootNode), hasHeredoc: collector.hasHeredoc };
  } finally {
    tree.delete();
  }
}

function lastStatementEnd(root: Node): number {
  let end = 0;
  for (const child of root.namedChildren) if (child && child.type !== 'comment') end = child.endIndex;
  return end;
}

class Collector {
  readonly commands: ShellCommand[] = [];
  hasHeredoc = false;

  constructor(private readonly script: string) {}

  /** `offset` maps positions in a nested script to the outer one. */
  visitProgram(root: Node, offset: number, depth: number): void {
    const statements = root.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
    this.visitSequence(statements, offset, depth, statements.length === 1);
  }

  private visitSequence(operands: Node[], offset: number, depth: number, alone: boolean): void {
    operands.forEach((operand, k) => {
      const removal = sequenceRemoval(operands, k, offset);
      this.visitStatement(operand, offset, depth, removal, alone && operands.length === 1);
    });
  }

  private visitStatement(node: Node, offset: number, depth: number, removal: Span | null, alone: boolean): void {
    switch (node.type) {
      case 'command':
      case 'declaration_command':
        this.addCommand(node, offset, depth, removal, alone, null);
        return;
      case 'list': {
        const operands = flattenList(node);
        operands.forEach((operand, k) =>
          this.visitStatement(operand, offset, depth, sequenceRemoval(operands, k, offset), alone && operands.length === 1),
        );
        return;
      }
      case 'pipeline': {
        const id = node.startIndex + offset;
        const stages = node.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
        stages.forEach((stage, position) => {
          if (stage.type === 'command') {
            this.addCommand(stage, offset, depth, null, false, { id, position, length: stages.length });
          } else this.visitNested(stage, offset, depth);
        });
        return;
      }
      case 'redirected_statement': {
        const body = node.childForFieldName('body');
        if (body) this.visitStatement(body, offset, depth, removal, alone);
        this.visitHeredocs(node, body, offset, depth);
        return;
      }
      default:
        this.visitNested(node, offset, depth);
    }
  }

  /** Commands inside compound statements (if, for, subshells, functions...) are recorded too. */
  private visitNested(node: Node, offset: number, depth: number): void {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'command' || child.type === 'declaration_command') this.addCommand(child, offset, depth, null, false, null);
      else if (['list', 'pipeline', 'redirected_statement'].includes(child.type)) this.visitStatement(child, offset, depth, null, false);
      else this.visitNested(child, offset, depth);
    }
  }

  private addCommand(
    node: Node,
    offset: number,
    depth: number,
    removal: Span | null,
    alone: boolean,
    pipeline: ShellCommand['pipeline'],
  ): void {
    const assignments: ShellWord[] = [];
    const args: ShellWord[] = [];
    // `export A=b`, `declare -x A=b`: the keyword is the name, its assignments the arguments.
    const declaration = node.type === 'declaration_command';
    const keyword = declaration ? node.child(0) : null;
    let name: ShellWord | undefined = keyword ? { ...this.word(keyword, offset), value: keyword.text } : undefined;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'variable_assignment' && !declaration) assignments.push(this.word(child, offset));
      else if (child.type === 'command_name') name = this.word(child.firstNamedChild ?? child, offset);
      else if (child.type.endsWith('redirect')) this.visitNested(child, offset, depth);
      else if (child.type !== 'comment') {
        args.push(this.word(child, offset));
        if (child.type === 'command_substitution' || child.type === 'process_substitution' || child.type === 'string' || child.type === 'concatenation')
          this.visitNested(child, offset, depth + 1);
      }
    }
    if (!name) return;
    this.commands.push({
      name,
      args,
      span: { start: node.startIndex + offset, end: node.endIndex + offset },
      removal,
      onlyCommand: alone && depth === 0,
      pipeline,
      assignments,
      depth,
    });
    this.visitShellString(name, args, node, offset, depth);
  }

  /** `sh -c 'script'`: the string is a script of its own, parsed with positions kept. */
  private visitShellString(name: ShellWord, args: readonly ShellWord[], node: Node, offset: number, depth: number): void {
    if (depth >= MAX_DEPTH || name.value === null || !SHELLS.has(name.value)) return;
    const dashC = args.findIndex((a) => a.value !== null && /^-[a-z]*c[a-z]*$/.test(a.value));
    const target = dashC === -1 ? undefined : args[dashC + 1];
    if (!target) return;
    const argNodes = node.namedChildren.filter((n): n is Node => n !== null && n.startIndex + offset === target.span.start);
    const stringNode = argNodes[0];
    if (!stringNode || (stringNode.type !== 'raw_string' && stringNode.type !== 'string')) return;
    if (stringNode.type === 'string' && stringNode.namedChildren.some((c) => c && c.type !== 'string_content')) return;
    this.parseNested(stringNode.startIndex + 1, stringNode.endIndex - 1, offset, depth + 1);
  }

  private visitHeredocs(node: Node, body: Node | null, offset: number, depth: number): void {
    const runsShell = !body || (body.type === 'command' && isPlainShellInvocation(body));
    for (const child of node.namedChildren) {
      if (!child || child.type !== 'heredoc_redirect') continue;
      this.hasHeredoc = true;
      const heredocBody = child.namedChildren.find((c) => c?.type === 'heredoc_body');
      if (runsShell && heredocBody && depth < MAX_DEPTH) this.parseNested(heredocBody.startIndex, heredocBody.endIndex, offset, depth + 1);
    }
  }

  private parseNested(start: number, end: number, offset: number, depth: number): void {
    if (!parser || end <= start) return;
    const tree = parser.parse(this.script.slice(start + offset, end + offset));
    if (!tree) return;
    try {
      this.visitProgram(tree.rootNode, start + offset, depth);
    } finally {
      tree.delete();
    }
  }

  private word(node: Node, offset: number): ShellWord {
    return { text: node.text, value: staticValue(node), span: { start: node.startIndex + offset, end: node.endIndex + offset } };
  }
}

function isPlainShellInvocation(command: Node): boolean {
  const name = command.childForFieldName('name');
  const args = command.namedChildren.filter((c): c is Node => c !== null && c.type !== 'command_name').map((c) => c.text);
  return name !== null && runsShellOnStdin(name.text, args);
}

/** A shell started without `-c`, so it runs the script it reads on stdin (a heredoc). */
export function isShellInvocation(command: ShellCommand): boolean {
  return command.name.value !== null && runsShellOnStdin(command.name.value, command.args.map((arg) => arg.value ?? ''));
}

function runsShellOnStdin(program: string, args: readonly string[]): boolean {
  return SHELLS.has(program) && !args.some((arg) => /^-[a-z]*c[a-z]*$/.test(arg));
}

/**
 * `a && b || c` nests to the left in the tree; return the operands in order. Iterative: a RUN can
 * chain tens of thousands of commands, deeper than the call stack.
 */
function flattenList(node: Node): Node[] {
  const operands: Node[] = [];
  const pending: Node[] = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current !== node && current.type !== 'list') {
      operands.push(current);
      continue;
    }
    const children = current.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
    pending.push(...children.reverse());
  }
  return operands;
}

/** Removing operand k takes the operator after it, or before it when it is the last one. */
function sequenceRemoval(operands: readonly Node[], k: number, offset: number): Span | null {
  const current = operands[k];
  if (!current) return null;
  const next = operands[k + 1];
  if (next) return { start: current.startIndex + offset, end: next.startIndex + offset };
  const previous = operands[k - 1];
  if (previous) return { start: previous.endIndex + offset, end: current.endIndex + offset };
  return { start: current.startIndex + offset, end: current.endIndex + offset };
}

/** The value of a word after quote removal, or null when an expansion makes it dynamic. */
function staticValue(node: Node): string | null {
  switch (node.type) {
    case 'word':
    case 'number':
      return node.text.replace(/\\(.)/gs, '$1');
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      let value = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type !== 'string_content') return null;
        value += child.text.replace(/\\([$`"\\\n])/g, '$1');
      }
      return value;
    }
    case 'concatenation': {
      let value = '';
      for (const child of node.namedChildren) {
        const part = child ? staticValue(child) : null;
        if (part === null) return null;
        value += part;
      }
      return value;
    }
    case 'variable_assignment': {
      const name = node.childForFieldName('name');
      const value = node.childForFieldName('value');
      if (!name) return null;
      const assigned = value ? staticValue(value) : '';
      return assigned === null ? null : `${name.text}=${assigned}`;
    }
    default:
      return null;
  }
}
