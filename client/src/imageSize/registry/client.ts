import { createHash } from 'node:crypto';
import { parseChallenges, parseJson, TokenSource } from './auth';
import { RegistryError } from './errors';
import { baseUrl, describe, httpGet, type HttpPolicy, type HttpResponse } from './http';
import { formatPlatform, platformMatches, type Platform } from './platform';
import { formatReference, type RegistryReference } from './reference';

const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

const ACCEPT = Object.values(MEDIA_TYPES).join(', ');

export interface PlatformSize {
  /** `os/architecture[/variant]`. */
  readonly platform: string;
  /** Digest of the platform's image manifest. */
  readonly digest: string;
  /** Config plus layers, compressed, as `docker pull` transfers them. */
  readonly compressedBytes: number;
  readonly layers: number;
}

export interface ImageLookup {
  /** Canonical reference that was looked up. */
  readonly reference: string;
  /** Digest of the manifest the tag points at (the index for multi-platform images): what `tag@digest` pins. */
  readonly digest: string;
  readonly multiPlatform: boolean;
  /** Sizes of the platforms that were measured. */
  readonly sizes: readonly PlatformSize[];
  /** Every platform the image offers (attestation entries excluded). */
  readonly platforms: readonly string[];
  /** Epoch milliseconds. */
  readonly fetchedAt: number;
}

export interface RegistryClientOptions {
  /** Registries (`host` or `host:port`) that may be reached over plain HTTP. */
  readonly insecureRegistries?: readonly string[];
  /** Deadline per request, redirects and body included. */
  readonly timeoutMs?: number;
  /** Cap on one manifest or index. */
  readonly maxManifestBytes?: number;
  /** At most this many platform manifests are fetched per image, wanted platforms first. */
  readonly maxPlatformManifests?: number;
  readonly userAgent?: string;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

interface Descriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
}

/**
 * A read-only OCI distribution (v2) client for image sizes: resolves a tag or digest to its manifest
 * or index, then each wanted platform's manifest, and adds up config and layer sizes. Anonymous only.
 */
export class RegistryClient {
  private readonly policy: HttpPolicy;
  private readonly tokens: TokenSource;
  private readonly maxManifestBytes: number;
  private readonly maxPlatformManifests: number;
  private readonly log: (line: string) => void;
  private readonly now: () => number;

  constructor(options: RegistryClientOptions = {}) {
    this.policy = {
      insecureHosts: new Set((options.insecureRegistries ?? []).map((host) => host.trim().toLowerCase()).filter(Boolean)),
      timeoutMs: options.timeoutMs ?? 10_000,
      userAgent: options.userAgent ?? 'bulkhead-image-size',
    };
    this.now = options.now ?? Date.now;
    this.tokens = new TokenSource(this.policy, this.now);
    this.maxManifestBytes = options.maxManifestBytes ?? 4 * 1024 * 1024;
    this.maxPlatformManifests = options.maxPlatformManifests ?? 4;
    this.log = options.log ?? (() => undefined);
  }

  /**
   * Looks `ref` up and measures the `wanted` platforms (in order of preference) that the image offers;
   * a single-platform image is measured whatever its platform.
   */
  async lookup(ref: RegistryReference, wanted: readonly Platform[], signal?: AbortSignal): Promise<ImageLookup> {
    const name = formatReference(ref);
    this.log(`registry: looking up ${name}`);
    const top = await this.getManifest(ref, ref.digest ?? ref.tag ?? 'latest', signal);
    const topDigest = top.digest;
    const kind = manifestKind(top.mediaType, top.json);
    if (kind === 'manifest') {
      const size = measure(top.json, name);
      const platform = await this.configPlatform(ref, top.json, signal);
      return { reference: name, digest: topDigest, multiPlatform: false, sizes: [{ platform, digest: topDigest, compressedBytes: size.bytes, layers: size.layers }], platforms: [platform], fetchedAt: this.now() };
    }
    const entries = readDescriptors(top.json.manifests, name).filter((entry) => entry.platform && entry.platform.os !== 'unknown');
    const chosen: Descriptor[] = [];
    for (const want of wanted) {
      const match = entries.find((entry) => entry.platform && platformMatches(entry.platform, want) && !chosen.includes(entry));
      if (match && chosen.length < this.maxPlatformManifests) chosen.push(match);
    }
    const sizes = await Promise.all(
      chosen.map(async (entry): Promise<PlatformSize> => {
        const child = await this.getManifest(ref, entry.digest, signal);
        const size = measure(child.json, name);
        return { platform: formatPlatform(entry.platform as Platform), digest: entry.digest, compressedBytes: size.bytes, layers: size.layers };
      }),
    );
    this.log(`registry: ${name} → ${topDigest} (${entries.length} platforms, ${sizes.length} measured)`);
    return { reference: name, digest: topDigest, multiPlatform: true, sizes, platforms: entries.map((entry) => formatPlatform(entry.platform as Platform)), fetchedAt: this.now() };
  }

  private async getManifest(ref: RegistryReference, tagOrDigest: string, signal?: AbortSignal): Promise<{ digest: string; mediaType: string; json: Record<string, unknown> }> {
    const url = new URL(`v2/${ref.repository}/manifests/${tagOrDigest}`, baseUrl(ref.endpoint, this.policy));
    const response = await this.authorizedGet(ref, url, signal);
    if (response.status === 404) throw new RegistryError('not-found', `${formatReference(ref)} was not found on ${ref.registry}.`, 404);
    if (response.status === 401 || response.status === 403) throw new RegistryError('auth', `${ref.registry} refused anonymous access to \`${ref.repository}\` (HTTP ${response.status}); the image may be private.`, response.status);
    if (response.status === 429) throw new RegistryError('http', `${ref.registry} is rate limiting pulls (HTTP 429); try again later.`, 429);
    if (response.status !== 200) throw new RegistryError('http', `${describe(url)} answered HTTP ${response.status}.`, response.status);
    const digest = `sha256:${createHash('sha256').update(response.body).digest('hex')}`;
    const declared = response.headers.get('docker-content-digest');
    if (tagOrDigest.startsWith('sha256:') && tagOrDigest !== digest) throw new RegistryError('invalid', `The manifest served for ${tagOrDigest} does not match that digest.`);
    if (declared && declared.startsWith('sha256:') && declared !== digest) throw new RegistryError('invalid', `The manifest from ${describe(url)} does not match its declared digest.`);
    const json = parseJson(response.body, describe(url));
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    return { digest, mediaType, json };
  }

  /** GET with the anonymous token flow: try, and on a 401 challenge fetch a pull token and retry once. */
  private async authorizedGet(ref: RegistryReference, url: URL, signal?: AbortSignal): Promise<HttpResponse> {
    const scope = `repository:${ref.repository}:pull`;
    const key = `${ref.endpoint}|${scope}`;
    const cached = this.tokens.cached(key);
    const options = { policy: this.policy, maxBytes: this.maxManifestBytes, accept: ACCEPT, authorizedHost: url.host, signal };
    const first = await httpGet(url, cached ? { ...options, authorization: `Bearer ${cached}` } : options);
    if (first.status !== 401) return first;
    const header = first.headers.get('www-authenticate');
    const challenge = header ? parseChallenges(header).find((candidate) => candidate.scheme === 'bearer') ?? parseChallenges(header)[0] : undefined;
    if (!challenge) throw new RegistryError('auth', `${ref.registry} answered HTTP 401 without a challenge.`, 401);
    this.log(`registry: fetching an anonymous token for ${scope}`);
    const token = await this.tokens.fetch(key, challenge, scope, baseUrl(ref.endpoint, this.policy), signal);
    return httpGet(url, { ...options, authorization: `Bearer ${token}` });
  }

  /** A single-platform manifest names its platform only in its config blob; read it when small. */
  private async configPlatform(ref: RegistryReference, manifest: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    const config = readDescriptor(manifest.config, formatReference(ref));
    if (!config || config.size > 256 * 1024) return 'unknown';
    try {
      const url = new URL(`v2/${ref.repository}/blobs/${config.digest}`, baseUrl(ref.endpoint, this.policy));
      const response = await this.authorizedGet(ref, url, signal);
      if (response.status !== 200) return 'unknown';
      if (`sha256:${createHash('sha256').update(response.body).digest('hex')}` !== config.digest) return 'unknown';
      const json = parseJson(response.body, describe(url));
      const os = typeof json.os === 'string' ? json.os : '';
      const architecture = typeof json.architecture === 'string' ? json.architecture : '';
      if (!os || !architecture) return 'unknown';
      return formatPlatform(typeof json.variant === 'string' && json.variant ? { os, architecture, variant: json.variant } : { os, architecture });
    } catch (error) {
      // The size is known without the platform; a failed config fetch only loses the label.
      if (error instanceof RegistryError) return 'unknown';
      throw error;
    }
  }
}

function manifestKind(mediaType: string, json: Record<string, unknown>): 'index' | 'manifest' {
  if (mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList) return 'index';
  if (mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest) return 'manifest';
  // Some registries send a generic content type: tell by the body.
  if (json.mediaType === MEDIA_TYPES.ociIndex || json.mediaType === MEDIA_TYPES.dockerList || Array.isArray(json.manifests)) return 'index';
  if (Array.isArray(json.layers)) return 'manifest';
  throw new RegistryError('invalid', `Unsupported manifest type \`${mediaType || 'unknown'}\`.`);
}

function measure(manifest: Record<string, unknown>, name: string): { bytes: number; layers: number } {
  const config = readDescriptor(manifest.config, name);
  const layers = readDescriptors(manifest.layers, name);
  if (!config) throw new RegistryError('invalid', `The manifest of ${name} has no config.`);
  return { bytes: layers.reduce((sum, layer) => sum + layer.size, config.size), layers: layers.length };
}

function readDescriptors(value: unknown, name: string): Descriptor[] {
  if (!Array.isArray(value)) throw new RegistryError('invalid', `A manifest of ${name} has no list of descriptors.`);
  return value.map((item) => {
    const descriptor = readDescriptor(item, name);
    if (!descriptor) throw new RegistryError('invalid', `A manifest of ${name} has a malformed descriptor.`);
    return descriptor;
  });
}

function readDescriptor(value: unknown, name: string): Descriptor | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { digest, size, mediaType, platform } = record;
  if (typeof digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(digest)) return null;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new RegistryError('invalid', `A manifest of ${name} has an invalid size.`);
  let parsedPlatform: Platform | undefined;
  if (typeof platform === 'object' && platform !== null) {
    const { os, architecture, variant } = platform as Record<string, unknown>;
    if (typeof os === 'string' && typeof architecture === 'string') {
      parsedPlatform = typeof variant === 'string' && variant ? { os, architecture, variant } : { os, architecture };
    }
  }
  return { digest, size, ...(typeof mediaType === 'string' ? { mediaType } : {}), ...(parsedPlatform ? { platform: parsedPlatform } : {}) };
}
