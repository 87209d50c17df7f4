import { rule } from './ssh-daemon-started';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    { name: 'an SSH client, not a server', code: 'FROM alpine:3.20\nENTRYPOINT ["ssh", "-N", "-L", "5432:db:5432", "bastion"]' },
    { name: 'sshd set up in RUN but not started', code: 'FROM debian:12\nRUN mkdir /run/sshd && sshd -t\nCMD ["app"]' },
    { name: 'a builder stage that would start sshd', code: 'FROM debian:12 AS build\nCMD ["/usr/sbin/sshd", "-D"]\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app"]' },
    { name: 'a CMD overridden by a later CMD', code: 'FROM debian:12\nCMD ["/usr/sbin/sshd", "-D"]\nCMD ["nginx", "-g", "daemon off;"]' },
    { name: 'a CMD reset by an ENTRYPOINT in a later stage', code: 'FROM debian:12 AS base\nCMD ["/usr/sbin/sshd", "-D"]\nFROM base\nENTRYPOINT ["app"]' },
    { name: 'stopping the service', code: 'FROM debian:12\nCMD service ssh stop && exec app' },
    { name: 'a HEALTHCHECK that probes sshd', code: 'FROM debian:12\nHEALTHCHECK CMD pgrep sshd' },
    { name: 'a file named sshd_config', code: 'FROM debian:12\nCMD ["cat", "/etc/ssh/sshd_config"]' },
  ],
  invalid: [
    {
      name: 'sshd in exec form',
      code: 'FROM ubuntu:24.04\nCMD ["/usr/sbin/sshd", "-D"]',
      errors: [{ messageId: 'daemon', line: 2, column: 6, endLine: 2, endColumn: 28 }],
      output: null,
    },
    {
      name: 'service ssh start in a shell-form chain',
      code: 'FROM ubuntu:24.04\nCMD service ssh start && tail -f /dev/null',
      errors: [{ messageId: 'daemon', line: 2, column: 5, endLine: 2, endColumn: 22 }],
      output: null,
    },
    {
      name: 'inside sh -c in ENTRYPOINT, after exec',
      code: 'FROM alpine:3.20\nENTRYPOINT ["sh", "-c", "ssh-keygen -A && exec /usr/sbin/sshd -D -e"]',
      errors: [{ messageId: 'daemon', line: 2, column: 48, endLine: 2, endColumn: 68 }],
      output: null,
    },
    {
      name: 'dropbear inherited from the base stage',
      code: 'FROM alpine:3.20 AS base\nCMD ["dropbear", "-F", "-E"]\nFROM base\nRUN echo hi',
      errors: [{ messageId: 'daemon', line: 2, column: 6, endLine: 2, endColumn: 28 }],
      output: null,
    },
    {
      name: 'an init script, on a continuation line',
      code: 'FROM debian:12\nCMD /etc/init.d/ssh start \\\n  && exec nginx -g "daemon off;"',
      errors: [{ messageId: 'daemon', line: 2, column: 5, endLine: 2, endColumn: 26 }],
      output: null,
    },
  ],
});
