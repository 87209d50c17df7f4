import { rule } from './remote-access-port-exposed';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443',
    { name: 'ports that only contain the digits 23 or 59', code: 'FROM node:22\nEXPOSE 2323 230 8023 5999 59000 33890' },
    { name: 'Telnet over UDP is not Telnet', code: 'FROM alpine:3.20\nEXPOSE 23/udp' },
    { name: 'builder stage only', code: 'FROM debian:12 AS build\nEXPOSE 5900\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app' },
    { name: 'a range that stops short of 23', code: 'FROM alpine:3.20\nEXPOSE 8000-8010 24-80' },
    { name: 'unknown build argument', code: 'FROM alpine:3.20\nARG VNC_PORT\nEXPOSE $VNC_PORT' },
    { name: 'SSH is the other rule', code: 'FROM alpine:3.20\nEXPOSE 22' },
    { name: 'allowed by configuration', code: 'FROM alpine:3.20\nEXPOSE 5900', options: { settings: { allowedPorts: [5900] } } },
  ],
  invalid: [
    {
      name: 'Telnet next to a web port',
      code: 'FROM debian:12\nEXPOSE 23 8080',
      errors: [{ messageId: 'exposed', line: 2, column: 8, endLine: 2, endColumn: 10 }],
      output: 'FROM debian:12\nEXPOSE 8080',
    },
    {
      name: 'RDP over UDP counts',
      code: 'FROM ubuntu:24.04\nEXPOSE 80 3389/udp',
      errors: [{ messageId: 'exposed', line: 2, column: 11, endLine: 2, endColumn: 19 }],
      output: 'FROM ubuntu:24.04\nEXPOSE 80',
    },
    {
      name: 'the only port removes the instruction',
      code: 'FROM ubuntu:24.04\nEXPOSE 5901/tcp\nCMD ["vncserver"]\n',
      errors: [{ messageId: 'exposed', line: 2, column: 8, endLine: 2, endColumn: 16 }],
      output: 'FROM ubuntu:24.04\nCMD ["vncserver"]\n',
    },
    {
      name: 'a VNC range is split around its ports',
      code: 'FROM ubuntu:24.04\nEXPOSE 5890-5910',
      errors: [{ messageId: 'inRange', line: 2, column: 8, endLine: 2, endColumn: 17 }],
      output: 'FROM ubuntu:24.04\nEXPOSE 5890-5899 5902-5910',
    },
    {
      name: 'a range of only remote-access ports is removed',
      code: 'FROM ubuntu:24.04\nEXPOSE 80 5900-5901',
      errors: [{ messageId: 'inRange', line: 2, column: 11, endLine: 2, endColumn: 20 }],
      output: 'FROM ubuntu:24.04\nEXPOSE 80',
    },
    {
      name: 'resolved through ENV',
      code: 'FROM alpine:3.20\nENV RDP=3389\nEXPOSE 80 ${RDP}',
      errors: [{ messageId: 'viaVariable', line: 3, column: 11, endLine: 3, endColumn: 17 }],
      output: 'FROM alpine:3.20\nENV RDP=3389\nEXPOSE 80',
    },
    {
      name: 'a variable holding several ports gets no fix',
      code: 'FROM alpine:3.20\nARG PORTS="23 80"\nEXPOSE $PORTS',
      errors: [{ messageId: 'viaVariable', line: 3, column: 8, endLine: 3, endColumn: 14 }],
      output: null,
    },
    {
      name: 'a stage the final image is built from, on a continuation line',
      code: 'FROM ubuntu:24.04 AS base\nEXPOSE 8080 \\\n  5800\nFROM base\nCMD ["bash"]',
      errors: [{ messageId: 'exposed', line: 3, column: 3, endLine: 3, endColumn: 7 }],
      output: 'FROM ubuntu:24.04 AS base\nEXPOSE 8080\nFROM base\nCMD ["bash"]',
    },
  ],
});
