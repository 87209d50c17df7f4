import { rule } from './ssh-server-installed';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    { name: 'an SSH client', code: 'FROM debian:12\nRUN apt-get install -y openssh-client git' },
    { name: 'the RPM client package', code: 'FROM fedora:41\nRUN dnf install -y openssh-clients' },
    { name: 'builder stage only', code: 'FROM debian:12 AS build\nRUN apt-get install -y openssh-server\nFROM debian:12-slim\nCOPY --from=build /etc/ssh /etc/ssh' },
    { name: 'a package whose name only contains the word', code: 'FROM debian:12\nRUN apt-get install -y libssh-4 openssh-server-dbgsym-notreal' },
    { name: 'mentioned, not installed', code: 'FROM debian:12\nRUN echo openssh-server && apt-get remove -y openssh-server' },
  ],
  invalid: [
    {
      name: 'the package inside a multi-line RUN',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl \\\n    openssh-server \\\n    git',
      errors: [{ messageId: 'installed', line: 4, column: 5, endLine: 4, endColumn: 19 }],
      output: null,
      unsafeOutput: 'FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl \\\n    git',
    },
    {
      name: 'the last package of the list',
      code: 'FROM debian:12\nRUN apt-get install -y curl openssh-server',
      errors: [{ messageId: 'installed', line: 2, column: 29, endLine: 2, endColumn: 43 }],
      output: null,
      unsafeOutput: 'FROM debian:12\nRUN apt-get install -y curl',
    },
    {
      name: 'the only package removes the install command',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    apt-get install -y openssh-server && \\\n    rm -rf /var/lib/apt/lists/*',
      errors: [{ messageId: 'installed', line: 3, column: 24, endLine: 3, endColumn: 38 }],
      output: null,
      unsafeOutput: 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'the only command removes the RUN',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh\nCMD ["sh"]',
      errors: [{ messageId: 'installed', line: 2, column: 24, endLine: 2, endColumn: 31 }],
      output: null,
      unsafeOutput: 'FROM alpine:3.20\nCMD ["sh"]',
    },
    {
      name: 'dropbear with dnf, in a stage the final image builds on',
      code: 'FROM fedora:41 AS base\nRUN dnf install -y dropbear && dnf clean all\nFROM base\nCMD ["bash"]',
      errors: [{ messageId: 'installed', line: 2, column: 20, endLine: 2, endColumn: 28 }],
      output: null,
      unsafeOutput: 'FROM fedora:41 AS base\nRUN dnf clean all\nFROM base\nCMD ["bash"]',
    },
    {
      name: 'no fix while CMD starts sshd: the container would fail to start without the package',
      code: 'FROM debian:12\nRUN apt-get install -y curl openssh-server\nCMD ["/usr/sbin/sshd", "-D"]',
      errors: [{ messageId: 'started', line: 2, column: 29, endLine: 2, endColumn: 43, data: { keyword: 'CMD' } }],
      output: null,
    },
    {
      name: 'a fix again once a later CMD replaces the one starting sshd',
      code: 'FROM debian:12\nRUN apt-get install -y curl openssh-server\nCMD ["/usr/sbin/sshd", "-D"]\nCMD ["app"]',
      errors: [{ messageId: 'installed', line: 2, column: 29, endLine: 2, endColumn: 43 }],
      output: null,
      unsafeOutput: 'FROM debian:12\nRUN apt-get install -y curl\nCMD ["/usr/sbin/sshd", "-D"]\nCMD ["app"]',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "openssh-server"]',
      errors: [{ messageId: 'installed', line: 2, column: 34, endLine: 2, endColumn: 50 }],
      output: null,
    },
    {
      name: 'inside sh -c',
      code: "FROM debian:12\nRUN sh -c 'apt-get install -y openssh-server vim'",
      errors: [{ messageId: 'installed', line: 2, column: 31, endLine: 2, endColumn: 45 }],
      output: null,
      unsafeOutput: "FROM debian:12\nRUN sh -c 'apt-get install -y vim'",
    },
  ],
});
