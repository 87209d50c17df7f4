import { rule } from './cd-in-run';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nWORKDIR /src\nRUN make',
    { name: 'a subshell keeps the change local', code: 'FROM debian:12\nRUN (cd /src && make) && make -C /other install' },
    { name: 'a temporary folder removed in the same RUN', code: 'FROM debian:12\nRUN mkdir /tmp/build && cd /tmp/build && cmake /src && make install && rm -rf /tmp/build' },
    { name: 'a dynamic folder', code: 'FROM debian:12\nRUN tmp="$(mktemp -d)" && cd "$tmp" && make' },
    { name: 'cd back with -', code: 'FROM debian:12\nRUN cd -' },
    { name: 'several cd in one step', code: 'FROM debian:12\nRUN cd /a && make && cd /b && make' },
    { name: 'cd inside a loop', code: 'FROM debian:12\nRUN for d in a b; do cd /src/a; done' },
    { name: 'cd inside sh -c', code: "FROM debian:12\nRUN sh -c 'cd /src && make'" },
    { name: 'scratch space', code: 'FROM debian:12\nRUN cd /tmp && curl -fsSLO https://example.com/x.tgz && tar xzf x.tgz' },
    { name: 'a folder an earlier step made', code: 'FROM debian:12\nRUN git clone https://example.com/lib.git && cd lib && make install' },
    { name: 'a cd word that is not the command', code: 'FROM debian:12\nRUN echo cd /src' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN cd /src && make',
      errors: [{ messageId: 'useWorkdir', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: null,
    },
    {
      name: 'later in a multi-line chain',
      code: 'FROM node:22\nRUN git clone https://example.com/app.git /app \\\n && cd /app \\\n && npm ci',
      errors: [{ messageId: 'useWorkdir', line: 3, column: 5, endLine: 3, endColumn: 12 }],
      output: null,
    },
    {
      name: 'a relative folder as the first step',
      code: 'FROM debian:12\nRUN cd src && make',
      errors: [{ messageId: 'useWorkdir', line: 2, column: 5, endLine: 2, endColumn: 11 }],
      output: null,
    },
    {
      name: 'the only command',
      code: 'FROM debian:12\nRUN cd /opt',
      errors: [{ messageId: 'useWorkdir', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});
