import { loadEngine } from '../node/load-engine';
import { parseCommandLine, USAGE, UsageError, type Command } from './args';
import { runAudit } from './audit-command';
import { runFix } from './fix-command';
import { colorEnabled, palette } from './formats/color';
import type { CliIo } from './io';
import { runLint } from './lint-command';
import { runMigrate } from './migrate-command';
import { VERSION } from './version';

async function main(argv: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bulkhead: ${error.message}\nRun \`bulkhead --help\` for usage.\n`);
    return 2;
  }
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colors: palette(colorEnabled(process.stdout, process.env)),
    cwd: process.cwd(),
  };
  switch (command.kind) {
    case 'help':
      io.out(`${USAGE}\n`);
      return 0;
    case 'version':
      io.out(`${VERSION}\n`);
      return 0;
    case 'migrate':
      return runMigrate(command, io);
    case 'lint':
      await loadEngine();
      return runLint(command, io);
    case 'fix':
      await loadEngine();
      return runFix(command, io);
    case 'audit':
      await loadEngine();
      return runAudit(command, io);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bulkhead: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
