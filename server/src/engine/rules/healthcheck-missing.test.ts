import { rule } from './healthcheck-missing';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
    { name: 'no port exposed: a batch job', code: 'FROM python:3.12-slim\nCMD ["python", "job.py"]' },
    { name: 'HEALTHCHECK NONE is a deliberate choice', code: 'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK NONE' },
    { name: 'port exposed only in a builder stage', code: 'FROM node:22 AS build\nEXPOSE 3000\nFROM gcr.io/distroless/static\nCOPY --from=build /out /app' },
    { name: 'HEALTHCHECK inherited from the stage the final one is built from', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nEXPOSE 80' },
    { name: 'no stage at all', code: '# just a comment' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nEXPOSE 80',
      errors: [{ messageId: 'missing', line: 1, column: 6, endLine: 1, endColumn: 16 }],
      output: null,
    },
    {
      name: 'EXPOSE inherited from a base stage, reported on the final FROM',
      code: 'FROM node:22 AS base\nEXPOSE 3000\nFROM base\nCMD ["node", "server.js"]',
      errors: [{ messageId: 'missing', line: 3, column: 6, endLine: 3, endColumn: 10 }],
      output: null,
    },
    {
      name: 'a HEALTHCHECK in a builder stage does not count',
      code: 'FROM node:22 AS build\nHEALTHCHECK CMD true\nFROM node:22-slim\nEXPOSE 3000',
      errors: [{ messageId: 'missing', line: 3, column: 6, endLine: 3, endColumn: 18 }],
      output: null,
    },
  ],
});
