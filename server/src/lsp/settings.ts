import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, sanitizeSettings, type BulkheadSettings } from '../../../protocol/settings';

/**
 * Settings per document URI, pulled with `workspace/configuration` (section `bulkhead`, scoped to the
 * URI). The promise is cached so concurrent requests share one round trip; it is dropped when the
 * configuration changes or the document closes. Clients that cannot be asked get what they last
 * pushed with `didChangeConfiguration`, else the defaults.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<BulkheadSettings>>();
  private pushed: BulkheadSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  get(uri: string): Promise<BulkheadSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.canPull ? this.pull(uri) : Promise.resolve(this.pushed);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** After `didChangeConfiguration`: `raw` is the notification's `settings` (shape up to the client). */
  changed(raw: unknown): void {
    this.cache.clear();
    if (!this.canPull && typeof raw === 'object' && raw !== null) {
      this.pushed = this.sanitize((raw as Record<string, unknown>).bulkhead, 'didChangeConfiguration');
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async pull(uri: string): Promise<BulkheadSettings> {
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'bulkhead' });
      return this.sanitize(raw, uri);
    } catch (error) {
      this.connection.console.error(`Reading the settings for ${uri} failed; using the defaults: ${String(error)}`);
      return DEFAULT_SETTINGS;
    }
  }

  private sanitize(raw: unknown, origin: string): BulkheadSettings {
    const { settings, problems } = sanitizeSettings(raw);
    for (const problem of problems) this.connection.console.warn(`${origin}: ${problem}`);
    return settings;
  }
}
