/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhere, editedFixture, fixture, ruleOf, updateSetting, waitFor } from '../helpers';

/** What applying every safe fix to the fixture Dockerfile gives (shared with the Neovim test). */
function expectedFixed(): string {
  const fixtures = process.env.E2E_FIXTURES;
  assert.ok(fixtures, 'the runner sets E2E_FIXTURES');
  return readFileSync(join(fixtures, 'expected', 'Dockerfile.safe-fixes'), 'utf8');
}

const SAFELY_FIXED = ['maintainer-deprecated', 'apt-install-recommends', 'apt-lists-not-cleaned', 'add-instead-of-copy', 'ssh-port-exposed'];

suite('fix all', () => {
  const uri = () => fixture('Dockerfile');
  const edited = editedFixture(uri(), SAFELY_FIXED);

  test('source.fixAll.bulkhead runs through editor.codeActionsOnSave and the saved file has every safe fix', async () => {
    await updateSetting('editor.codeActionsOnSave', { 'source.fixAll.bulkhead': 'explicit' }, vscode.ConfigurationTarget.Global);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri(), new vscode.Position(0, 0), '# saved with fix-all on save\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await edited.document.save());
      const expected = `# saved with fix-all on save\n${expectedFixed()}`;
      assert.equal(edited.document.getText(), expected);
      assert.equal(readFileSync(uri().fsPath, 'utf8'), expected, 'the fixed text is what was written to disk');
      const left = await diagnosticsWhere(uri(), 'diagnostics of the fixed text', (found) => !found.some((d) => SAFELY_FIXED.includes(ruleOf(d) ?? '')));
      assert.ok(left.some((d) => ruleOf(d) === 'ssh-server-installed'), 'a finding whose only fix is unsafe stays');
    } finally {
      await updateSetting('editor.codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('without the setting, saving leaves the findings in place', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri(), new vscode.Position(0, 0), '# saved without fix-all\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await edited.document.save());
    assert.equal(edited.document.getText(), `# saved without fix-all\n${edited.original}`);
  });

  test('the "Fix All Safe Problems" command applies every safe fix to the active editor', async () => {
    const changed = await vscode.commands.executeCommand<boolean>('bulkhead.fixAll');
    assert.equal(changed, true);
    await waitFor('the fixed text', () => edited.document.getText() === expectedFixed());
    assert.equal(edited.document.isDirty, true, 'the command edits; saving stays with the user');
  });
});
