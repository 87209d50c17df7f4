import { rule } from './apt-install-recommends';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl',
    { name: 'flag before the subcommand', code: 'FROM debian:12\nRUN apt-get --no-install-recommends install -y curl' },
    { name: 'the APT option instead of the flag', code: 'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl' },
    { name: 'not an install', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y' },
    { name: 'the words in an echo', code: 'FROM debian:12\nRUN echo "apt-get install curl"' },
    { name: 'apk is another rule', code: 'FROM alpine:3.20\nRUN apk add curl' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
      errors: [{ messageId: 'missing', line: 2, column: 23, endLine: 2, endColumn: 38 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl',
    },
    {
      name: 'apt, and a builder stage too (recommends slow every build)',
      code: 'FROM debian:12 AS build\nRUN apt install -y gcc\nFROM debian:12-slim',
      errors: [{ messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM debian:12 AS build\nRUN apt install --no-install-recommends -y gcc\nFROM debian:12-slim',
    },
    {
      name: 'two installs in one RUN, multi-line',
      code: 'FROM debian:12\nRUN apt-get install -y curl \\\n && apt-get install -y \\\n      git',
      errors: [
        { messageId: 'missing', line: 2, column: 5, endLine: 2, endColumn: 20 },
        { messageId: 'missing', line: 3, column: 5, endLine: 3, endColumn: 20 },
      ],
      output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl \\\n && apt-get install --no-install-recommends -y \\\n      git',
    },
    {
      name: 'exec form has no fix',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]',
      errors: [{ messageId: 'missing', line: 2, column: 6, endLine: 2, endColumn: 26 }],
      output: null,
    },
  ],
});
