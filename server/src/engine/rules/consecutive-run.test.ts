import { rule } from './consecutive-run';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN ./configure && make',
    { name: 'separated by another instruction', code: 'FROM debian:12\nRUN ./a.sh\nWORKDIR /src\nRUN ./b.sh' },
    { name: 'chained RUNs are split on purpose', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gcc\nRUN pip install numpy' },
    { name: 'different mounts', code: 'FROM debian:12\nRUN --mount=type=secret,id=npm ./fetch.sh\nRUN ./build.sh' },
    { name: 'different stages', code: 'FROM debian:12 AS a\nRUN ./a.sh\nFROM debian:12\nRUN ./b.sh' },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["./a.sh"]\nRUN ["./b.sh"]' },
    { name: 'a heredoc', code: 'FROM debian:12\nRUN <<EOF\n./a.sh\nEOF\nRUN ./b.sh' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN ./a.sh\nRUN ./b.sh',
      errors: [{ messageId: 'consecutive', line: 3, column: 1, endLine: 3, endColumn: 4 }],
      output: null,
      unsafeOutput: 'FROM debian:12\nRUN ./a.sh && \\\n    ./b.sh',
    },
    {
      name: 'same mount flags, three in a row',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache a\nRUN --mount=type=cache,target=/root/.cache b | c\nRUN --mount=type=cache,target=/root/.cache d\n',
      errors: [
        { messageId: 'consecutive', line: 3, column: 1, endLine: 3, endColumn: 4 },
        { messageId: 'consecutive', line: 4, column: 1, endLine: 4, endColumn: 4 },
      ],
      output: null,
      unsafeOutput: 'FROM debian:12\nRUN --mount=type=cache,target=/root/.cache a && \\\n    b | c && \\\n    d\n',
    },
    {
      name: 'a comment between: reported, but not merged across it',
      code: 'FROM debian:12\nRUN ./a.sh\n# build\nRUN ./b.sh',
      errors: [{ messageId: 'consecutive', line: 4, column: 1, endLine: 4, endColumn: 4 }],
      output: null,
    },
  ],
});
