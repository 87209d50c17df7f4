import type { ImageSize, Savings } from '../../engine/audit-report';

/** Compressed sizes as Docker Hub shows them (decimal MB); `≈` marks a nearest-tag figure. */
export function formatBytes(bytes: number, approximate = false): string {
  const mb = bytes / 1_000_000;
  const text = mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
  return approximate ? `≈ ${text}` : text;
}

export function formatSize(size: ImageSize | null): string {
  return size ? formatBytes(size.bytes, size.approximate) : '-';
}

export function formatSavings(savings: Savings | null): string {
  return savings ? `${formatBytes(savings.bytes, savings.approximate)} with ${savings.reference}` : '-';
}
