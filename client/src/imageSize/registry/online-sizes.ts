import { DiskCache } from './cache';
import type { ImageLookup, PlatformSize, RegistryClient } from './client';
import { RegistryError } from './errors';
import { formatPlatform, type Platform } from './platform';
import { formatReference, type RegistryReference } from './reference';

export type LookupState =
  | { readonly status: 'ready'; readonly lookup: ImageLookup }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'pending' }
  | { readonly status: 'unknown' };

export interface OnlineSizesOptions {
  /** How long a tag's answer stays on disk (tags move). */
  readonly tagTtlMs?: number;
  /** How long a digest's answer stays on disk (digests never change). */
  readonly digestTtlMs?: number;
  /** How long a failure is remembered before the next try. */
  readonly failureTtlMs?: number;
  readonly now?: () => number;
}

/**
 * Registry lookups for the editor: answers from memory at once (`peek`), fetches in the background
 * with one request in flight per image, and keeps answers on disk so a restart does not ask again.
 */
export class OnlineSizes {
  private readonly memory = new Map<string, { state: LookupState; until: number }>();
  private readonly inFlight = new Map<string, Promise<LookupState>>();
  private readonly tagTtlMs: number;
  private readonly digestTtlMs: number;
  private readonly failureTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly client: RegistryClient,
    private readonly cache: DiskCache | undefined,
    options: OnlineSizesOptions = {},
  ) {
    this.tagTtlMs = options.tagTtlMs ?? 24 * 60 * 60 * 1000;
    this.digestTtlMs = options.digestTtlMs ?? 30 * 24 * 60 * 60 * 1000;
    this.failureTtlMs = options.failureTtlMs ?? 5 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** What is known now, without waiting. */
  peek(ref: RegistryReference, wanted: readonly Platform[]): LookupState {
    const key = cacheKey(ref, wanted);
    const remembered = this.memory.get(key);
    if (remembered && remembered.until > this.now()) return remembered.state;
    return this.inFlight.has(key) ? { status: 'pending' } : { status: 'unknown' };
  }

  /** Resolves to the answer (from memory, disk or the registry); never rejects. */
  lookup(ref: RegistryReference, wanted: readonly Platform[]): Promise<LookupState> {
    const key = cacheKey(ref, wanted);
    const remembered = this.memory.get(key);
    if (remembered && remembered.until > this.now()) return Promise.resolve(remembered.state);
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.fetch(key, ref, wanted).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async fetch(key: string, ref: RegistryReference, wanted: readonly Platform[]): Promise<LookupState> {
    const ttl = ref.digest ? this.digestTtlMs : this.tagTtlMs;
    const stored = await this.cache?.get(key);
    if (isImageLookup(stored)) return this.remember(key, { status: 'ready', lookup: stored }, ttl);
    try {
      const lookup = await this.client.lookup(ref, wanted);
      await this.cache?.set(key, lookup, ttl).catch(() => undefined);
      return this.remember(key, { status: 'ready', lookup }, ttl);
    } catch (error) {
      const message = error instanceof RegistryError ? error.message : `Lookup failed (${error instanceof Error ? error.message : String(error)}).`;
      return this.remember(key, { status: 'failed', message }, this.failureTtlMs);
    }
  }

  private remember(key: string, state: LookupState, ttl: number): LookupState {
    this.memory.set(key, { state, until: this.now() + ttl });
    return state;
  }
}

function cacheKey(ref: RegistryReference, wanted: readonly Platform[]): string {
  return `v1|${formatReference(ref)}|${wanted.map(formatPlatform).join(',')}`;
}

/** Validates a cache entry read from disk. */
function isImageLookup(value: unknown): value is ImageLookup {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.reference === 'string' &&
    typeof record.digest === 'string' &&
    typeof record.multiPlatform === 'boolean' &&
    typeof record.fetchedAt === 'number' &&
    Array.isArray(record.platforms) &&
    record.platforms.every((platform) => typeof platform === 'string') &&
    Array.isArray(record.sizes) &&
    record.sizes.every(isPlatformSize)
  );
}

function isPlatformSize(value: unknown): value is PlatformSize {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.platform === 'string' && typeof record.digest === 'string' && typeof record.compressedBytes === 'number' && typeof record.layers === 'number';
}
