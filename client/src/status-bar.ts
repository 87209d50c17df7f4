import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../protocol/requests';

/** Error and warning counts of Bulkhead's diagnostics for the active Dockerfile. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bulkhead.status', vscode.StatusBarAlignment.Left, 0);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'Bulkhead';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'dockerfile') {
      this.item.hide();
      return;
    }
    let errors = 0;
    let warnings = 0;
    for (const diagnostic of vscode.languages.getDiagnostics(document.uri)) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    this.item.text = `$(shield) $(error) ${errors} $(warning) ${warnings}`;
    this.item.tooltip = `Bulkhead: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in this file`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
