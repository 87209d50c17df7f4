/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhere, extension, fixture, open, ruleOf } from '../helpers';

async function hoverText(document: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

suite('hover', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = (await open(fixture('Dockerfile'))).document;
    await diagnosticsWhere(document.uri, 'ssh-port-exposed', (found) => found.some((d) => ruleOf(d) === 'ssh-port-exposed'));
  });

  test('on a finding: the rule, its message, why it matters and the docs link', async () => {
    const text = await hoverText(document, document.getText().indexOf('EXPOSE 22') + 'EXPOSE '.length);
    assert.match(text, /`ssh-port-exposed`/);
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => ruleOf(d) === 'ssh-port-exposed');
    assert.ok(diagnostic && text.includes(diagnostic.message), 'the hover repeats the message');
    assert.match(text, /\(https:\/\/.+\/docs\/rules\/ssh-port-exposed\.md\)/);
    // Read from the docs/ of the extension under test: the .vsix must ship them.
    const page = readFileSync(join(extension().extensionPath, 'docs', 'rules', 'ssh-port-exposed.md'), 'utf8');
    const why = /## Why it matters\n\n([^\n]+)/.exec(page)?.[1];
    assert.ok(why, 'the docs page has a "Why it matters" section');
    assert.ok(text.includes(why), `the hover includes "Why it matters":\n${text}`);
  });

  test('on the FROM image: what the reference is', async () => {
    // A file without findings, so the hover is about the image alone.
    const clean = await vscode.workspace.openTextDocument(fixture('web', 'Dockerfile'));
    const text = await hoverText(clean, clean.getText().indexOf('node:22-alpine') + 2);
    assert.match(text, /`docker\.io\/(library\/)?node`/);
    assert.match(text, /`22-alpine`/);
    assert.doesNotMatch(text, /\*\*Bulkhead\*\*/);
  });

  test('nothing on a line without findings or images', async () => {
    const text = await hoverText(document, document.getText().indexOf('CMD') + 1);
    assert.doesNotMatch(text, /bulkhead/i);
  });
});
