import { rule } from './debug-tools-installed';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    { name: 'curl and wget are not in the list (health checks use them)', code: 'FROM debian:12-slim\nRUN apt-get install -y curl wget ca-certificates' },
    { name: 'a builder stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y gdb strace\nFROM debian:12-slim\nCOPY --from=build /out /out' },
    { name: 'netcat used by the health check', code: 'FROM debian:12-slim\nRUN apt-get install -y netcat-openbsd\nHEALTHCHECK CMD nc -z localhost 8080 || exit 1' },
    { name: 'removed again in the same RUN', code: 'FROM debian:12-slim\nRUN apt-get install -y strace && strace -c true && apt-get purge -y strace' },
    { name: 'an apk virtual group deleted later', code: 'FROM alpine:3.24\nRUN apk add --no-cache --virtual .dbg gdb && ./selftest && apk del .dbg' },
    { name: 'a package that only resembles one', code: 'FROM debian:12-slim\nRUN apt-get install -y vim-runtime-notreal python3-gdbm' },
    { name: 'pip packages are not OS tools', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir strace' },
  ],
  invalid: [
    {
      name: 'vim among other packages',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl \\\n    vim \\\n && rm -rf /var/lib/apt/lists/*',
      errors: [{ messageId: 'installed', line: 4, column: 5, endLine: 4, endColumn: 8 }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl \\\n && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'several tools on Alpine',
      code: 'FROM alpine:3.24\nRUN apk add --no-cache tcpdump strace',
      errors: [
        { messageId: 'installed', line: 2, column: 24, endLine: 2, endColumn: 31 },
        { messageId: 'installed', line: 2, column: 32, endLine: 2, endColumn: 38 },
      ],
      output: null,
      unsafeOutput: 'FROM alpine:3.24',
    },
    {
      name: 'the RPM names, in a stage the final image builds on',
      code: 'FROM fedora:44 AS base\nRUN dnf install -y nmap-ncat vim-enhanced && dnf clean all\nFROM base\nCMD ["myapp"]',
      errors: [
        { messageId: 'installed', line: 2, column: 20, endLine: 2, endColumn: 29 },
        { messageId: 'installed', line: 2, column: 30, endLine: 2, endColumn: 42 },
      ],
      output: null,
      unsafeOutput: 'FROM fedora:44 AS base\nRUN dnf clean all\nFROM base\nCMD ["myapp"]',
    },
    {
      name: 'telnet with a version pin',
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y telnet=0.17-44build1 nginx',
      errors: [{ messageId: 'installed', line: 2, column: 24, endLine: 2, endColumn: 44 }],
      output: null,
      unsafeOutput: 'FROM ubuntu:24.04\nRUN apt-get install -y nginx',
    },
  ],
});
