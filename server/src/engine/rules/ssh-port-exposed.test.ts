import { rule } from './ssh-port-exposed';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM node:22\nEXPOSE 8080',
    { name: 'a port that only contains the digits 22', code: 'FROM node:22\nEXPOSE 2222 220 122/tcp 8022' },
    { name: 'UDP port 22 is not SSH', code: 'FROM alpine:3.20\nEXPOSE 22/udp' },
    { name: 'builder stage only', code: 'FROM debian:12 AS build\nEXPOSE 22\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app' },
    { name: 'range without 22', code: 'FROM alpine:3.20\nEXPOSE 8000-8010' },
    { name: 'unknown build argument', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT' },
    { name: 'allowed by configuration', code: 'FROM alpine:3.20\nEXPOSE 22', options: { settings: { allowedPorts: [22] } } },
  ],
  invalid: [
    {
      name: 'the port inside EXPOSE',
      code: 'FROM node:22\nEXPOSE 22 8080',
      errors: [{ messageId: 'exposed', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      output: 'FROM node:22\nEXPOSE 8080',
    },
    {
      name: 'last port of several',
      code: 'FROM node:22\nEXPOSE 8080 22/tcp\nCMD ["node", "app.js"]',
      errors: [{ messageId: 'exposed', line: 2, column: 13, endLine: 2, endColumn: 19 }],
      output: 'FROM node:22\nEXPOSE 8080\nCMD ["node", "app.js"]',
    },
    {
      name: 'the only port removes the instruction',
      code: 'FROM ubuntu:24.04\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n',
      errors: [{ messageId: 'exposed', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      output: 'FROM ubuntu:24.04\nCMD ["/usr/sbin/sshd", "-D"]\n',
    },
    {
      name: 'last line without a final newline',
      code: 'FROM ubuntu:24.04\nexpose 22',
      errors: [{ messageId: 'exposed', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      output: 'FROM ubuntu:24.04',
    },
    {
      name: 'a range that contains 22 is split around it',
      code: 'FROM alpine:3.20\nEXPOSE 20-25/tcp',
      errors: [{ messageId: 'inRange', line: 2, column: 8, endLine: 2, endColumn: 17 }],
      output: 'FROM alpine:3.20\nEXPOSE 20-21/tcp 23-25/tcp',
    },
    {
      name: 'resolved through ENV',
      code: 'FROM alpine:3.20\nENV SSH_PORT=22\nEXPOSE 80 ${SSH_PORT}',
      errors: [{ messageId: 'viaVariable', line: 3, column: 11, endLine: 3, endColumn: 22 }],
      output: 'FROM alpine:3.20\nENV SSH_PORT=22\nEXPOSE 80',
    },
    {
      name: 'resolved through an ARG default before FROM is not in scope, in the stage it is',
      code: 'FROM alpine:3.20\nARG PORTS="22 80"\nEXPOSE $PORTS',
      errors: [{ messageId: 'viaVariable', line: 3, column: 8, endLine: 3, endColumn: 14 }],
      output: null,
    },
    {
      name: 'a stage the final image is built from',
      code: 'FROM ubuntu:24.04 AS base\nEXPOSE 22\nFROM base\nCMD ["bash"]',
      errors: [{ messageId: 'exposed', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      output: 'FROM ubuntu:24.04 AS base\nFROM base\nCMD ["bash"]',
    },
    {
      name: 'continuation lines',
      code: 'FROM node:22\nEXPOSE 8080 \\\n  22 \\\n  9229',
      errors: [{ messageId: 'exposed', line: 3, column: 3, endLine: 3, endColumn: 5 }],
      output: 'FROM node:22\nEXPOSE 8080 \\\n  9229',
    },
  ],
});
