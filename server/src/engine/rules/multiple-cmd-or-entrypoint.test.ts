import { rule } from './multiple-cmd-or-entrypoint';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "app.js"]',
    { name: 'one ENTRYPOINT and one CMD', code: 'FROM python:3.12\nENTRYPOINT ["python"]\nCMD ["app.py"]' },
    { name: 'one CMD per stage', code: 'FROM golang:1.23 AS build\nCMD ["go", "test"]\nFROM gcr.io/distroless/static\nCMD ["/app"]' },
    { name: 'CMD inside a HEALTHCHECK is not a CMD instruction', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["nginx", "-g", "daemon off;"]' },
    { name: 'ONBUILD CMD is for child images', code: 'FROM node:22\nONBUILD CMD ["npm", "start"]\nCMD ["node", "app.js"]' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCMD bash\nRUN make\nCMD ["./app"]',
      errors: [{ messageId: 'repeated', line: 4, column: 1, endLine: 4, endColumn: 4 }],
      output: null,
    },
    {
      name: 'every later ENTRYPOINT is reported',
      code: 'FROM debian:12\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nentrypoint ["c"]',
      errors: [
        { messageId: 'repeated', line: 3, column: 1, endLine: 3, endColumn: 11 },
        { messageId: 'repeated', line: 4, column: 1, endLine: 4, endColumn: 11 },
      ],
      output: null,
    },
    {
      name: 'in a builder stage too',
      code: 'FROM debian:12 AS one\nCMD bash\nCMD sh\nFROM debian:12\nCMD ["./app"]',
      errors: [{ messageId: 'repeated', line: 3, column: 1, endLine: 3, endColumn: 4 }],
      output: null,
    },
  ],
});
