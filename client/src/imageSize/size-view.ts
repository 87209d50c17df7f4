import { formatBytes } from '../audit/report-model';
import type { LookupState } from './registry/online-sizes';
import { formatPlatform, platformMatches, type Platform } from './registry/platform';

/** What the embedded table knows about an image (from server/src/knowledge, see offline.ts). */
export interface OfflineFacts {
  /** The table entry used, e.g. `node:22-slim`. */
  readonly image: string;
  /** True when the written tag is not in the table and the nearest known tag stands in for it. */
  readonly approximate: boolean;
  /** Compressed sizes by platform (`linux/amd64`, `linux/arm64`). */
  readonly sizes: readonly { readonly platform: string; readonly bytes: number }[];
  /** Date the sizes were recorded (YYYY-MM-DD). */
  readonly recorded: string | null;
  readonly variant: string | null;
  readonly defaultUser: string | null;
  /** A non-root user the image provides, for `USER`. */
  readonly nonRootUser: string | null;
  /** Smaller images that can do the same job, most compatible first; `bytes` null when not recorded. */
  readonly alternatives: readonly { readonly image: string; readonly bytes: number | null; readonly note: string | null }[];
}

export type OnlineView = LookupState | { readonly status: 'off'; readonly reason: string };

export interface SizeView {
  /** The inlay hint text, null for none. */
  readonly label: string | null;
  /** Markdown for the hover. */
  readonly hover: string;
  /** The digest to pin to, when the registry told it. */
  readonly digest: string | null;
}

export function sizeView(input: { readonly reference: string; readonly platform: Platform; readonly offline: OfflineFacts | null; readonly online: OnlineView }): SizeView {
  const { reference, platform, offline, online } = input;
  const wanted = formatPlatform(platform);
  const onlineSize = online.status === 'ready' ? online.lookup.sizes.find((size) => platformOf(size.platform, platform)) : undefined;
  const offlineSize = offline?.sizes.find((size) => platformOf(size.platform, platform));
  let label: string | null = null;
  if (onlineSize) label = `≈ ${formatBytes(onlineSize.compressedBytes)}`;
  else if (online.status === 'ready' && online.lookup.multiPlatform) label = `no ${wanted} image`;
  else if (offlineSize) label = `≈ ${formatBytes(offlineSize.bytes)}${offline?.approximate ? ` (as ${offline.image})` : ''}`;

  const lines: string[] = [`**\`${reference}\`** · compressed size for ${wanted}`, ''];
  if (online.status === 'ready') {
    lines.push('| Platform | Compressed | Layers |', '|---|---:|---:|');
    for (const size of online.lookup.sizes) lines.push(`| ${size.platform} | ${formatBytes(size.compressedBytes)} | ${size.layers} |`);
    const unmeasured = online.lookup.platforms.filter((name) => !online.lookup.sizes.some((size) => size.platform === name));
    if (unmeasured.length > 0) lines.push('', `Also published for ${unmeasured.join(', ')}.`);
    lines.push('', `Registry: digest \`${online.lookup.digest}\`, looked up ${new Date(online.lookup.fetchedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
  } else if (offline && offline.sizes.length > 0) {
    lines.push('| Platform | Compressed |', '|---|---:|');
    for (const size of offline.sizes) lines.push(`| ${size.platform} | ${formatBytes(size.bytes)} |`);
    lines.push('', `From the embedded table${offline.approximate ? ` (nearest known tag: \`${offline.image}\`, approximate)` : ''}${offline.recorded ? `, recorded ${offline.recorded}` : ''}.`);
  } else {
    lines.push('No size is known for this image offline.');
  }
  if (offline?.variant) lines.push('', `Variant: ${offline.variant}.`);
  if (offline?.defaultUser) lines.push('', `Default user: \`${offline.defaultUser}\`${offline.nonRootUser ? `; the image has a non-root user \`${offline.nonRootUser}\` for \`USER\`` : ''}.`);
  const base = onlineSize?.compressedBytes ?? offlineSize?.bytes;
  const smaller = (offline?.alternatives ?? []).filter((alternative) => base === undefined || alternative.bytes === null || alternative.bytes < base);
  if (smaller.length > 0) {
    lines.push('', 'Smaller alternatives:');
    for (const alternative of smaller) {
      const size = alternative.bytes === null ? 'size not recorded' : `≈ ${formatBytes(alternative.bytes)}${base === undefined ? '' : `, saves ${formatBytes(base - alternative.bytes)}`}`;
      lines.push(`- \`${alternative.image}\` ${size}${alternative.note ? ` (${alternative.note})` : ''}`);
    }
  }
  if (online.status === 'failed') lines.push('', `Registry lookup failed: ${online.message}`);
  else if (online.status === 'pending' || online.status === 'unknown') lines.push('', 'Registry lookup in progress…');
  else if (online.status === 'off') lines.push('', online.reason);
  return { label, hover: lines.join('\n'), digest: online.status === 'ready' ? online.lookup.digest : null };
}

function platformOf(name: string, wanted: Platform): boolean {
  const [os = '', architecture = '', variant] = name.split('/');
  return platformMatches(variant ? { os, architecture, variant } : { os, architecture }, wanted);
}
