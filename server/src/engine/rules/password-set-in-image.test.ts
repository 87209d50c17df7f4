import { rule } from './password-set-in-image';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN useradd --create-home --shell /bin/bash app',
    { name: 'a locked password', code: "FROM debian:12\nRUN useradd -p '*' app && usermod -p ! svc" },
    { name: 'a password from a secret mount', code: 'FROM debian:12\nRUN --mount=type=secret,id=pw echo "app:$(cat /run/secrets/pw)" | chpasswd' },
    { name: 'a password from a build argument is not a literal', code: 'FROM debian:12\nARG PW\nRUN echo "app:${PW}" | chpasswd' },
    { name: 'passwd -d deletes a password', code: 'FROM debian:12\nRUN passwd -d root && passwd -l app' },
    { name: 'echo of a user name into another command', code: 'FROM debian:12\nRUN echo "root:x:0:0" | cut -d: -f1' },
    { name: 'a builder stage only', code: 'FROM debian:12 AS build\nRUN echo "root:root" | chpasswd\nFROM scratch' },
  ],
  invalid: [
    {
      name: 'echo into chpasswd',
      code: "FROM ubuntu:24.04\nRUN echo 'root:Docker!' | chpasswd",
      errors: [{ messageId: 'literal', line: 2, column: 27, endLine: 2, endColumn: 35 }],
      output: null,
    },
    {
      name: 'passwd --stdin after sudo, on a continuation line',
      code: 'FROM rockylinux:9\nRUN useradd app \\\n  && echo "s3cret" | sudo passwd --stdin app',
      errors: [{ messageId: 'literal', line: 3, column: 27, endLine: 3, endColumn: 33 }],
      output: null,
    },
    {
      name: 'useradd -p with a literal hash',
      code: "FROM debian:12\nRUN useradd -m -p \"$PW_HASH\" app1 && useradd -p '$6$salt$hash' app2",
      errors: [{ messageId: 'literal', line: 2, column: 38, endLine: 2, endColumn: 45 }],
      output: null,
    },
    {
      name: 'usermod -p with openssl passwd of a literal',
      code: 'FROM debian:12\nRUN usermod -p "$(openssl passwd -1 hunter2)" root',
      errors: [{ messageId: 'literal', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});
