import { rule } from './maintainer-deprecated';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: ['FROM alpine:3.20\nLABEL maintainer="Jane <jane@example.com>"', { name: 'the word in a label', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="MAINTAINER team"' }],
  invalid: [
    {
      code: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\nRUN true',
    },
    {
      name: 'MAINTAINER text is literal: its quotes and dollars are kept, escaped',
      code: 'FROM alpine:3.20\nmaintainer "The $TEAM"',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: 'FROM alpine:3.20\nlabel maintainer="\\"The \\$TEAM\\""',
    },
    {
      name: 'without a value there is nothing to move',
      code: 'FROM alpine:3.20\nMAINTAINER',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: null,
    },
  ],
});
