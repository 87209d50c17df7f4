import type { MadeBase } from './bases';
import type { CaseResult, NotBuilt } from './cases';

/** The printed output: sizes and times as text, the tables. */

const mb = (bytes: number): string => (Math.abs(bytes) < 1e5 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const percent = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '-');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

function predicted(result: CaseResult): string {
  const claims = result.fixed.map((fix) => (fix.claim ? `${fix.rule} (${fix.claim})` : fix.rule));
  if (result.predictedBaseSavings) claims.push(`base → ${result.predictedBaseSavings.reference}: ${mb(result.predictedBaseSavings.bytes)}`);
  return claims.join('; ') || '-';
}

export function print(bases: readonly MadeBase[], results: readonly CaseResult[], notBuilt: readonly NotBuilt[]): void {
  console.log('\nBase images (made here, not pulled):');
  for (const { base, size, makeSeconds } of bases) {
    console.log(`  ${base.tag}: ${mb(size.compressedBytes)} compressed, ${mb(size.uncompressedBytes)} uncompressed, ${size.layers.length} layer(s), made in ${makeSeconds} s — ${base.madeFrom}`);
  }
  const rows = [['case', 'before (gz / raw)', 'after (gz / raw)', 'saved gz', 'saved raw', 'added over base gz: before → after', 'build s', 'fixed (what the findings claim)']];
  for (const result of results) {
    if (!result.before || !result.after || result.savedCompressedBytes === null || result.savedUncompressedBytes === null) {
      rows.push([result.name, 'failed', '', '', '', '', '', result.error?.split('\n')[0] ?? '']);
      continue;
    }
    rows.push([
      result.name,
      `${mb(result.before.size.compressedBytes)} / ${mb(result.before.size.uncompressedBytes)}`,
      `${mb(result.after.size.compressedBytes)} / ${mb(result.after.size.uncompressedBytes)}`,
      `${mb(result.savedCompressedBytes)} (${percent(result.savedCompressedBytes, result.before.size.compressedBytes)})`,
      mb(result.savedUncompressedBytes),
      `${mb(result.before.addedCompressedBytes)} → ${mb(result.after.addedCompressedBytes)} (${percent(result.before.addedCompressedBytes - result.after.addedCompressedBytes, result.before.addedCompressedBytes)} less)`,
      `${result.before.buildSeconds} → ${result.after.buildSeconds}`,
      predicted(result),
    ]);
  }
  console.log(`\n${table(rows)}\n`);
  const aloneRows = [['case', 'rule fixed alone', 'what its finding claims', 'saved gz', 'saved raw']];
  for (const result of results) {
    for (const fix of result.alone) {
      const saved = (bytes: number | null): string => (fix.configOnly ? '0 (config only, not built)' : bytes === null ? `failed: ${fix.error?.split('\n')[0] ?? ''}` : mb(bytes));
      aloneRows.push([result.name, fix.rule, fix.claim ?? '-', saved(fix.savedCompressedBytes), fix.configOnly || fix.savedUncompressedBytes === null ? '' : mb(fix.savedUncompressedBytes)]);
    }
  }
  if (aloneRows.length > 1) console.log(`Each fixed rule alone (before minus the image with only that rule's fixes):\n${table(aloneRows)}\n`);
  for (const result of results) console.log(`  ${result.name}: ${result.note}${result.error ? `\n    FAILED: ${result.error}` : ''}`);
  if (notBuilt.length > 0) {
    console.log('\nNot built as written:');
    for (const entry of notBuilt) console.log(`  ${entry.example}: ${entry.reason}`);
  }
}
