import { join } from 'node:path';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../../protocol/requests';
import { scanFromImages, type FromImage } from './from-lines';
import { offlineFacts } from './offline';
import { DiskCache } from './registry/cache';
import { RegistryClient } from './registry/client';
import { OnlineSizes } from './registry/online-sizes';
import { hostPlatform, parsePlatform, type Platform } from './registry/platform';
import { parseRegistryReference, type RegistryReference } from './registry/reference';
import { sizeView, type OnlineView, type SizeView } from './size-view';

const SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile', scheme: 'file' },
  { language: 'dockerfile', scheme: 'untitled' },
];
/** How long a hover waits for a registry answer before showing what it has. */
const HOVER_WAIT_MS = 1500;

interface ImageSizeSettings {
  readonly enabled: boolean;
  readonly online: boolean;
  readonly platform: Platform;
  readonly insecureRegistries: readonly string[];
}

/**
 * Image-size hints after each FROM, a hover with sizes and alternatives, and "pin to digest" once the
 * registry has told the digest. Nothing runs until a Dockerfile asks for hints: no table is read and
 * no registry is called at activation. Registry lookups run in the background, only in trusted
 * workspaces with `bulkhead.imageSize.online`, and refresh the hints when they land.
 */
export function registerImageSize(context: vscode.ExtensionContext, log: (line: string) => void): void {
  const provider = new ImageSizeProvider(context, log);
  context.subscriptions.push(
    provider,
    vscode.languages.registerInlayHintsProvider(SELECTOR, provider),
    vscode.languages.registerHoverProvider(SELECTOR, provider),
    vscode.languages.registerCodeActionsProvider(SELECTOR, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite] }),
  );
}

class ImageSizeProvider implements vscode.InlayHintsProvider, vscode.HoverProvider, vscode.CodeActionProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private online: OnlineSizes | undefined;
  private settings: ImageSizeSettings | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: (line: string) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('bulkhead.imageSize')) return;
        this.settings = undefined;
        this.online = undefined;
        this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    );
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const settings = this.readSettings();
    if (!settings.enabled) return [];
    const hints: vscode.InlayHint[] = [];
    for (const image of scanFromImages(document.getText())) {
      const end = document.positionAt(image.end);
      if (!range.contains(end)) continue;
      const view = this.view(image, settings, true);
      if (!view?.label) continue;
      const hint = new vscode.InlayHint(end, view.label);
      hint.paddingLeft = true;
      hint.tooltip = new vscode.MarkdownString(view.hover);
      hints.push(hint);
    }
    return hints;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = this.readSettings();
    if (!settings.enabled) return undefined;
    const offset = document.offsetAt(position);
    const image = scanFromImages(document.getText()).find((candidate) => offset >= candidate.start && offset <= candidate.end);
    if (!image) return undefined;
    const ref = image.kind === 'image' && image.resolved ? parseRegistryReference(image.resolved) : null;
    const online = ref ? this.onlineState(ref, settings, image, false) : undefined;
    if (ref && online && (online.status === 'pending' || online.status === 'unknown')) {
      // Wait a little for the answer; the hover is asynchronous, the editor does not block.
      const wanted = this.wantedPlatforms(image, settings);
      await Promise.race([this.onlineSizes(settings).lookup(ref, wanted), new Promise((resolve) => setTimeout(resolve, HOVER_WAIT_MS))]);
      if (token.isCancellationRequested) return undefined;
    }
    const view = this.view(image, settings, false);
    if (!view) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(view.hover), new vscode.Range(document.positionAt(image.start), document.positionAt(image.end)));
  }

  /** "Pin to digest" for FROM lines whose digest the registry has told (base-image-not-digest-pinned). */
  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const settings = this.readSettings();
    const actions: vscode.CodeAction[] = [];
    for (const image of scanFromImages(document.getText())) {
      const imageRange = new vscode.Range(document.positionAt(image.start), document.positionAt(image.end));
      if (!imageRange.intersection(range) || image.kind !== 'image' || !image.resolved || image.written.includes('@')) continue;
      const ref = parseRegistryReference(image.resolved);
      if (!ref || ref.digest) continue;
      const state = this.online && this.allowOnline(settings) ? this.online.peek(ref, this.wantedPlatforms(image, settings)) : undefined;
      if (state?.status !== 'ready') continue;
      const diagnostic = context.diagnostics.find((candidate) => candidate.source === DIAGNOSTIC_SOURCE && codeOf(candidate) === 'base-image-not-digest-pinned' && candidate.range.intersection(imageRange));
      const action = new vscode.CodeAction(`Pin \`${image.written}\` to digest \`${state.lookup.digest.slice(0, 19)}…\``, diagnostic ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.RefactorRewrite);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, imageRange.end, `@${state.lookup.digest}`);
      if (diagnostic) action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }

  private view(image: FromImage, settings: ImageSizeSettings, startLookup: boolean): SizeView | null {
    if (image.kind === 'stage' || image.kind === 'scratch') return null;
    if (image.kind === 'unresolved' || !image.resolved) {
      return { label: null, hover: `\`${image.written}\` uses an \`ARG\` without a default, so its size is not known.`, digest: null };
    }
    const ref = parseRegistryReference(image.resolved);
    if (!ref) return null;
    const platform = this.wantedPlatforms(image, settings)[0] ?? settings.platform;
    const online = this.onlineState(ref, settings, image, startLookup);
    return sizeView({ reference: image.resolved, platform, offline: offlineFacts(ref, platform.architecture), online });
  }

  private onlineState(ref: RegistryReference, settings: ImageSizeSettings, image: FromImage, start: boolean): OnlineView {
    if (!settings.online) return { status: 'off', reason: 'Registry lookups are off (`bulkhead.imageSize.online`).' };
    if (!vscode.workspace.isTrusted) return { status: 'off', reason: 'Registry lookups are off in untrusted workspaces.' };
    const sizes = this.onlineSizes(settings);
    const wanted = this.wantedPlatforms(image, settings);
    const state = sizes.peek(ref, wanted);
    if (state.status === 'unknown' && start) {
      void sizes.lookup(ref, wanted).then(() => this.changed.fire());
      return { status: 'pending' };
    }
    return state;
  }

  /** The FROM's own `--platform` first, then the setting; amd64 and arm64 are measured too for the hover. */
  private wantedPlatforms(image: FromImage, settings: ImageSizeSettings): Platform[] {
    const own = image.platform ? parsePlatform(image.platform) : null;
    const first = own ?? settings.platform;
    const extra = [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64' }].filter((platform) => platform.architecture !== first.architecture);
    return [first, ...extra];
  }

  private allowOnline(settings: ImageSizeSettings): boolean {
    return settings.online && vscode.workspace.isTrusted;
  }

  private onlineSizes(settings: ImageSizeSettings): OnlineSizes {
    if (!this.online) {
      const cache = new DiskCache(join(this.context.globalStorageUri.fsPath, 'image-sizes'));
      // Expired entries are dropped once per session, when the first lookup needs the cache.
      void cache.prune().catch(() => undefined);
      this.online = new OnlineSizes(new RegistryClient({ insecureRegistries: settings.insecureRegistries, log: this.log, userAgent: `bulkhead-vscode/${String(this.context.extension.packageJSON.version ?? '0')}` }), cache);
    }
    return this.online;
  }

  private readSettings(): ImageSizeSettings {
    if (this.settings) return this.settings;
    const configuration = vscode.workspace.getConfiguration('bulkhead.imageSize');
    const platformText = configuration.get<unknown>('platform');
    const platform = typeof platformText === 'string' && platformText.trim() ? parsePlatform(platformText) : null;
    if (typeof platformText === 'string' && platformText.trim() && !platform) this.log(`\`bulkhead.imageSize.platform\` must look like \`linux/arm64\`; using ${process.arch}.`);
    const insecure = configuration.get<unknown>('insecureRegistries');
    this.settings = {
      enabled: configuration.get<unknown>('enabled') !== false,
      online: configuration.get<unknown>('online') === true,
      platform: platform ?? hostPlatform(),
      insecureRegistries: Array.isArray(insecure) ? insecure.filter((host): host is string => typeof host === 'string') : [],
    };
    return this.settings;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
