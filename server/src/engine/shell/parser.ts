import { Language, Parser } from 'web-tree-sitter';
import type { Span } from '../types';
import type { ShellCommand, ShellScript, ShellWord } from './records';
import { readSyntaxTree, type SyntaxNode } from './syntax-tree';

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

/**
 * Beyond this size a script is not read (tree-sitter-bash takes seconds on some megabyte inputs): it
 * counts as unreadable, and rules stay silent about it. Real RUN scripts are a few kilobytes.
 */
const MAX_SCRIPT_LENGTH = 256 * 1024;

/** Parses a shell script; nested `sh -c '...'` strings and shell heredocs are read too. */
export function parseShellScript(script: string): ShellScript {
  if (!parser) throw new Error('shell parser used before initShellParser()');
  if (script.length > MAX_SCRIPT_LENGTH) return { commands: [], hasErrors: true, end: script.length, hasHeredoc: false };
  const tree = parser.parse(script);
  if (!tree) return { commands: [], hasErrors: true, end: script.length, hasHeredoc: false };
  let root: SyntaxNode;
  let hasErrors: boolean;
  try {
    hasErrors = tree.rootNode.hasError;
    root = readSyntaxTree(tree);
  } finally {
    tree.delete();
  }
  const collector = new Collector(script);
  collector.visitProgram(root, 0, 0);
  return { commands: collector.commands, hasErrors, end: lastStatementEnd(root), hasHeredoc: collector.hasHeredoc };
}

function lastStatementEnd(root: SyntaxNode): number {
  let end = 0;
  for (const child of root.namedChildren) if (child.type !== 'comment') end = child.end;
  return end;
}

function withoutComments(nodes: readonly SyntaxNode[]): SyntaxNode[] {
  return nodes.filter((n) => n.type !== 'comment');
}

function fieldOf(node: SyntaxNode, field: string): SyntaxNode | null {
  return node.fields.get(field) ?? null;
}

const NESTED_STATEMENTS = new Set(['list', 'pipeline', 'redirected_statement']);
const NESTED_ARGUMENTS = new Set(['command_substitution', 'process_substitution', 'string', 'concatenation']);

/** Node offsets are relative to the text they were parsed from; `offset` places that text in the script. */
class Collector {
  readonly commands: ShellCommand[] = [];
  hasHeredoc = false;

  constructor(private readonly script: string) {}

  private text(node: SyntaxNode, offset: number): string {
    return this.script.slice(node.start + offset, node.end + offset);
  }

  visitProgram(root: SyntaxNode, offset: number, depth: number): void {
    const statements = withoutComments(root.namedChildren);
    this.visitSequence(statements, offset, depth, statements.length === 1);
  }

  private visitSequence(operands: readonly SyntaxNode[], offset: number, depth: number, alone: boolean): void {
    operands.forEach((operand, k) => {
      const removal = sequenceRemoval(operands, k, offset);
      this.visitStatement(operand, offset, depth, removal, alone && operands.length === 1);
    });
  }

  private visitStatement(node: SyntaxNode, offset: number, depth: number, removal: Span | null, alone: boolean): void {
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
        const id = node.start + offset;
        const stages = withoutComments(node.namedChildren);
        stages.forEach((stage, position) => {
          if (stage.type === 'command') {
            this.addCommand(stage, offset, depth, null, false, { id, position, length: stages.length });
          } else this.visitNested(stage, offset, depth);
        });
        return;
      }
      case 'redirected_statement': {
        const body = fieldOf(node, 'body');
        if (body) this.visitStatement(body, offset, depth, removal, alone);
        this.visitHeredocs(node, body, offset, depth);
        return;
      }
      default:
        this.visitNested(node, offset, depth);
    }
  }

  /** Commands inside compound statements (if, for, subshells, functions...) are recorded too. */
  private visitNested(node: SyntaxNode, offset: number, depth: number): void {
    for (const child of node.namedChildren) {
      if (child.type === 'command' || child.type === 'declaration_command') this.addCommand(child, offset, depth, null, false, null);
      else if (NESTED_STATEMENTS.has(child.type)) this.visitStatement(child, offset, depth, null, false);
      else this.visitNested(child, offset, depth);
    }
  }

  private addCommand(
    node: SyntaxNode,
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
    const keyword = declaration ? node.first : null;
    let name: ShellWord | undefined = keyword ? { ...this.word(keyword, offset), value: this.text(keyword, offset) } : undefined;
    for (const child of node.namedChildren) {
      const type = child.type;
      if (type === 'variable_assignment' && !declaration) assignments.push(this.word(child, offset));
      else if (type === 'command_name') name = this.word(child.namedChildren[0] ?? child, offset);
      else if (type.endsWith('redirect')) this.visitNested(child, offset, depth);
      else if (type !== 'comment') {
        args.push(this.word(child, offset));
        if (NESTED_ARGUMENTS.has(type)) this.visitNested(child, offset, depth + 1);
      }
    }
    if (!name) return;
    this.commands.push({
      name,
      args,
      span: { start: node.start + offset, end: node.end + offset },
      removal,
      onlyCommand: alone && depth === 0,
      pipeline,
      assignments,
      depth,
    });
    this.visitShellString(name, args, node, offset, depth);
  }

  /** `sh -c 'script'`: the string is a script of its own, parsed with positions kept. */
  private visitShellString(name: ShellWord, args: readonly ShellWord[], node: SyntaxNode, offset: number, depth: number): void {
    if (depth >= MAX_DEPTH || name.value === null || !SHELLS.has(name.value)) return;
    const dashC = args.findIndex((a) => a.value !== null && /^-[a-z]*c[a-z]*$/.test(a.value));
    const target = dashC === -1 ? undefined : args[dashC + 1];
    if (!target) return;
    const stringNode = node.namedChildren.find((n) => n.start + offset === target.span.start);
    if (!stringNode || (stringNode.type !== 'raw_string' && stringNode.type !== 'string')) return;
    if (stringNode.type === 'string' && stringNode.namedChildren.some((c) => c.type !== 'string_content')) return;
    this.parseNested(stringNode.start + 1, stringNode.end - 1, offset, depth + 1);
  }

  private visitHeredocs(node: SyntaxNode, body: SyntaxNode | null, offset: number, depth: number): void {
    const runsShell = !body || (body.type === 'command' && this.isPlainShellInvocation(body, offset));
    for (const child of node.namedChildren) {
      if (child.type !== 'heredoc_redirect') continue;
      this.hasHeredoc = true;
      const heredocBody = child.namedChildren.find((c) => c.type === 'heredoc_body');
      if (runsShell && heredocBody && depth < MAX_DEPTH) this.parseNested(heredocBody.start, heredocBody.end, offset, depth + 1);
    }
  }

  private parseNested(start: number, end: number, offset: number, depth: number): void {
    if (!parser || end <= start) return;
    const tree = parser.parse(this.script.slice(start + offset, end + offset));
    if (!tree) return;
    let root: SyntaxNode;
    try {
      root = readSyntaxTree(tree);
    } finally {
      tree.delete();
    }
    this.visitProgram(root, start + offset, depth);
  }

  private isPlainShellInvocation(command: SyntaxNode, offset: number): boolean {
    const name = fieldOf(command, 'name');
    const args = command.namedChildren.filter((c) => c.type !== 'command_name').map((c) => this.text(c, offset));
    return name !== null && runsShellOnStdin(this.text(name, offset), args);
  }

  private word(node: SyntaxNode, offset: number): ShellWord {
    const text = this.text(node, offset);
    return { text, value: this.staticValue(node, offset), span: { start: node.start + offset, end: node.end + offset } };
  }

  /** The value of a word after quote removal, or null when an expansion makes it dynamic. */
  private staticValue(node: SyntaxNode, offset: number): string | null {
    switch (node.type) {
      case 'word':
      case 'number':
        return this.text(node, offset).replace(/\\(.)/gs, '$1');
      case 'raw_string':
        return this.text(node, offset).slice(1, -1);
      case 'string': {
        let value = '';
        for (const child of node.namedChildren) {
          if (child.type !== 'string_content') return null;
          value += this.text(child, offset).replace(/\\([$`"\\\n])/g, '$1');
        }
        return value;
      }
      case 'concatenation': {
        let value = '';
        for (const child of node.namedChildren) {
          const part = this.staticValue(child, offset);
          if (part === null) return null;
          value += part;
        }
        return value;
      }
      case 'variable_assignment': {
        const name = fieldOf(node, 'name');
        const value = fieldOf(node, 'value');
        if (!name) return null;
        const assigned = value ? this.staticValue(value, offset) : '';
        return assigned === null ? null : `${this.text(name, offset)}=${assigned}`;
      }
      default:
        return null;
    }
  }
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
function flattenList(node: SyntaxNode): SyntaxNode[] {
  const operands: SyntaxNode[] = [];
  const pending: SyntaxNode[] = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current !== node && current.type !== 'list') {
      operands.push(current);
      continue;
    }
    pending.push(...withoutComments(current.namedChildren).reverse());
  }
  return operands;
}

/** Removing operand k takes the operator after it, or before it when it is the last one. */
function sequenceRemoval(operands: readonly SyntaxNode[], k: number, offset: number): Span | null {
  const current = operands[k];
  if (!current) return null;
  const next = operands[k + 1];
  if (next) return { start: current.start + offset, end: next.start + offset };
  const previous = operands[k - 1];
  if (previous) return { start: previous.end + offset, end: current.end + offset };
  return { start: current.start + offset, end: current.end + offset };
}
