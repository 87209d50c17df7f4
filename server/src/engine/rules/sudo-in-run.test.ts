import { rule } from './sudo-in-run';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    { name: 'installing the sudo package', code: 'FROM debian:12\nRUN apt-get install -y sudo' },
    { name: 'the word sudo as an argument', code: 'FROM debian:12\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app && echo sudo' },
    { name: 'sudo in CMD is not a RUN', code: 'FROM debian:12\nCMD ["sudo", "-u", "app", "server"]' },
    { name: 'gosu and su-exec drop privileges', code: 'FROM alpine:3.20\nRUN su-exec app true && gosu app true' },
    { name: 'a path that ends in sudo-like text', code: 'FROM alpine:3.20\nRUN /opt/pseudo/bin/pseudo --version' },
  ],
  invalid: [
    {
      name: 'sudo at the start of a RUN',
      code: 'FROM ubuntu:24.04\nRUN sudo apt-get update',
      errors: [{ messageId: 'sudo', line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      name: 'sudo in a chain, on a continuation line',
      code: 'FROM ubuntu:24.04\nRUN apt-get update \\\n  && sudo apt-get install -y curl',
      errors: [{ messageId: 'sudo', line: 3, column: 6, endLine: 3, endColumn: 10 }],
      output: null,
    },
    {
      name: 'sudo by path inside sh -c, in a builder stage',
      code: 'FROM ubuntu:24.04 AS build\nRUN sh -c "/usr/bin/sudo make install"\nFROM scratch',
      errors: [{ messageId: 'sudo', line: 2, column: 12, endLine: 2, endColumn: 25 }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM ubuntu:24.04\nRUN ["sudo", "make", "install"]',
      errors: [{ messageId: 'sudo', line: 2, column: 6, endLine: 2, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a fragment without FROM',
      code: 'RUN apt-get update && sudo apt-get install',
      errors: [{ messageId: 'sudo', line: 1, column: 23, endLine: 1, endColumn: 27 }],
      output: null,
    },
  ],
});
