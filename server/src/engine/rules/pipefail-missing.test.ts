import { rule } from './pipefail-missing';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN wget -O - https://some.site && wc -l file > /number',
    { name: 'set -o pipefail first', code: 'FROM debian:12\nRUN set -o pipefail && wget -O - https://some.site | wc -l > /number' },
    { name: 'set -euo pipefail as its own statement', code: 'FROM debian:12\nRUN set -euo pipefail; \\\n  curl -fsSL https://x.example/k.asc | gpg --dearmor > /k.gpg' },
    { name: 'SHELL with pipefail', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz' },
    { name: 'SHELL with an option cluster', code: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz' },
    { name: 'SHELL inherited from the base stage', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://x | tar -xz' },
    { name: 'PowerShell is not a POSIX shell', code: 'FROM mcr.microsoft.com/powershell:lts\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value' },
    { name: 'exec form names its own shell', code: 'FROM debian:12\nRUN ["/bin/bash", "-c", "curl -fsSL https://x | tar -xz"]' },
    { name: 'echo into a checksum check', code: 'FROM debian:12\nRUN echo "abc123  /tmp/tool.tgz" | sha256sum -c -' },
    { name: 'yes dies of SIGPIPE by design', code: 'FROM debian:12\nRUN yes | apt-get install -y locales' },
    { name: 'a pipe character inside quotes', code: 'FROM debian:12\nRUN grep -E "a|b" /etc/os-release' },
    { name: 'a logical or is not a pipe', code: 'FROM debian:12\nRUN test -f /x || touch /x' },
  ],
  invalid: [
    {
      name: 'the hadolint case',
      code: 'FROM scratch\nRUN wget -O - https://some.site | wc -l > /number\n',
      errors: [{ messageId: 'pipe', line: 2, column: 33, endLine: 2, endColumn: 34 }],
      output: null,
    },
    {
      name: 'set -o pipefail only after the pipe',
      code: 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz && set -o pipefail',
      errors: [{ messageId: 'pipe', line: 2, column: 26, endLine: 2, endColumn: 27 }],
      output: null,
    },
    {
      name: 'a later SHELL without pipefail, reported once per RUN',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["/bin/sh", "-c"]\nRUN c | d && e | f',
      errors: [{ messageId: 'pipe', line: 5, column: 7, endLine: 5, endColumn: 8 }],
      output: null,
    },
    {
      name: 'a new stage starts over with /bin/sh, on a continuation line',
      code: 'FROM debian:12 AS one\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN apt-get update \\\n  && curl -fsSL https://x | bash',
      errors: [{ messageId: 'pipe', line: 5, column: 27, endLine: 5, endColumn: 28 }],
      output: null,
    },
  ],
});
