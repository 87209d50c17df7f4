/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fixture, open } from '../helpers';

/** Compressed bytes the embedded table (server/src/knowledge/images.json) records for `image:tag` on this machine's architecture. */
function tableBytes(image: string, tag: string): number {
  const root = process.env.E2E_ROOT;
  assert.ok(root, 'the runner sets E2E_ROOT');
  const table = JSON.parse(readFileSync(join(root, 'server', 'src', 'knowledge', 'images.json'), 'utf8')) as { tags: Record<string, Record<string, [number, number | null]>> };
  const row = table.tags[image]?.[tag];
  assert.ok(row, `the table has ${image}:${tag}`);
  const bytes = process.arch === 'arm64' ? row[1] : row[0];
  assert.ok(bytes, `the table has ${image}:${tag} for ${process.arch}`);
  return bytes;
}

/** `≈ 29.7 MB` → bytes, in decimal or binary units (the label is rounded, the test allows for both). */
function labelBytes(label: string): number {
  const match = /^≈ (\d+(?:\.\d+)?) (kB|KB|KiB|MB|MiB|GB|GiB)$/.exec(label);
  assert.ok(match, `a size label: ${label}`);
  const power = { kB: 1, KB: 1, KiB: 1, MB: 2, MiB: 2, GB: 3, GiB: 3 }[match[2] as 'kB'] ?? 0;
  return Number(match[1]) * (match[2]?.includes('i') ? 1024 : 1000) ** power;
}

async function inlayHints(document: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  return vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
}

const labelOf = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));

suite('image size (offline table)', () => {
  test('an inlay hint after the FROM image shows its compressed size from the table', async () => {
    const document = (await open(fixture('Dockerfile'))).document;
    const hints = await inlayHints(document);
    assert.equal(hints.length, 1, hints.map(labelOf).join(' | '));
    const [hint] = hints;
    assert.ok(hint);
    const imageEnd = document.positionAt(document.getText().indexOf('ubuntu:22.04') + 'ubuntu:22.04'.length);
    assert.ok(hint.position.isEqual(imageEnd), `at the end of the image reference, not ${hint.position.line}:${hint.position.character}`);
    const expected = tableBytes('ubuntu', '22.04');
    const shown = labelBytes(labelOf(hint));
    assert.ok(Math.abs(shown - expected) / expected < 0.06, `${labelOf(hint)} for ${expected} bytes`);
  });

  test('a stage reference and scratch get no hint; ARG defaults are resolved', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'dockerfile',
      content: 'ARG BASE=node:22-alpine\nFROM ${BASE} AS build\nFROM build AS test\nFROM scratch\n',
    });
    const hints = await inlayHints(document);
    assert.deepEqual(
      hints.map((hint) => hint.position.line),
      [1],
      hints.map(labelOf).join(' | '),
    );
    const [hint] = hints;
    assert.ok(hint);
    const expected = tableBytes('node', '22-alpine');
    assert.ok(Math.abs(labelBytes(labelOf(hint)) - expected) / expected < 0.06, labelOf(hint));
  });

  test('hover on a FROM image shows the size per platform and smaller variants with what they save', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM node:22\n' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 7));
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(text, /linux\/amd64/);
    assert.match(text, /linux\/arm64/);
    assert.match(text, /`node:22-[a-z0-9.-]+` ≈ [\d.]+ [kMG]i?B, saves [\d.]+ [kMG]i?B/);
  });
});
