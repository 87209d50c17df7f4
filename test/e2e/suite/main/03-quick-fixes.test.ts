/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, editedFixture, fixture, ruleOf, updateSetting } from '../helpers';

/** Code actions VS Code's own lightbulb would list at the range of the diagnostic of `rule`. */
async function quickFixesFor(document: vscode.TextDocument, rule: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  const diagnostics = await diagnosticsWhere(document.uri, rule, (found) => found.some((d) => ruleOf(d) === rule));
  const diagnostic = diagnostics.find((d) => ruleOf(d) === rule);
  assert.ok(diagnostic);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions };
}

function lineOf(document: vscode.TextDocument, prefix: string): string {
  const line = document.getText().split('\n').find((text) => text.startsWith(prefix));
  assert.ok(line !== undefined, `a line starting with ${prefix}`);
  return line;
}

const ORIGINAL_RULES = ['ssh-port-exposed', 'ssh-server-installed', 'add-instead-of-copy', 'maintainer-deprecated'];

suite('quick fixes', () => {
  const uri = () => fixture('Dockerfile');
  const edited = editedFixture(uri(), ORIGINAL_RULES);

  test('the safe fix is listed first and preferred; applying it changes exactly the token and clears the finding', async () => {
    const { actions } = await quickFixesFor(edited.document, 'ssh-port-exposed');
    const fix = actions[0];
    assert.ok(fix, 'no code actions');
    assert.equal(fix.title, 'Remove port `22` from `EXPOSE`');
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(lineOf(edited.document, 'EXPOSE'), 'EXPOSE 8080');
    assert.equal(edited.document.getText(), edited.original.replace('EXPOSE 22 8080', 'EXPOSE 8080'));
    await diagnosticsWhere(uri(), 'ssh-port-exposed gone', (found) => !found.some((d) => ruleOf(d) === 'ssh-port-exposed') && found.length > 0);
  });

  test('an unsafe fix is offered, marked unsafe and not preferred; applying it removes the package', async () => {
    const { actions } = await quickFixesFor(edited.document, 'ssh-server-installed');
    const fix = actions.find((action) => action.title.startsWith('Remove `openssh-server`'));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.title, 'Remove `openssh-server` from `apt-get install` (unsafe)');
    assert.notEqual(fix.isPreferred, true);
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(lineOf(edited.document, 'RUN'), 'RUN apt-get update && apt-get install -y curl');
    await diagnosticsWhere(uri(), 'ssh-server-installed gone', (found) => !found.some((d) => ruleOf(d) === 'ssh-server-installed'));
  });

  test('"Ignore on this line" inserts the pragma above the instruction and silences only that rule there', async () => {
    const { actions } = await quickFixesFor(edited.document, 'add-instead-of-copy');
    const ignore = actions.find((action) => action.title === 'Ignore `add-instead-of-copy` on this line');
    assert.ok(ignore, actions.map((a) => a.title).join(' | '));
    assert.ok(ignore.edit && (await vscode.workspace.applyEdit(ignore.edit)));
    const lines = edited.document.getText().split('\n');
    const add = lines.findIndex((line) => line.startsWith('ADD '));
    assert.equal(lines[add - 1], '# bulkhead ignore=add-instead-of-copy');
    await diagnosticsWhere(uri(), 'add-instead-of-copy silenced', (found) => !found.some((d) => ruleOf(d) === 'add-instead-of-copy') && found.some((d) => ruleOf(d) === 'ssh-port-exposed'));
  });

  test('"Disable in settings" writes bulkhead.rules for the workspace folder and the finding goes', async () => {
    const { actions } = await quickFixesFor(edited.document, 'maintainer-deprecated');
    const disable = actions.find((action) => action.title === 'Disable `maintainer-deprecated` in settings');
    assert.ok(disable?.command, actions.map((a) => a.title).join(' | '));
    try {
      await vscode.commands.executeCommand(disable.command.command, ...(disable.command.arguments ?? []));
      const rules = vscode.workspace.getConfiguration('bulkhead', uri()).inspect<Record<string, string>>('rules');
      assert.deepEqual(rules?.workspaceFolderValue ?? rules?.workspaceValue, { 'maintainer-deprecated': 'off' });
      await diagnosticsWhere(uri(), 'maintainer-deprecated gone', (found) => !found.some((d) => ruleOf(d) === 'maintainer-deprecated') && found.length > 0);
    } finally {
      await updateSetting('bulkhead.rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder, uri());
    }
  });
});
