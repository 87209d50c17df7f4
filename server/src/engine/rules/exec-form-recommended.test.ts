import { rule } from './exec-form-recommended';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "app.js"]',
    { name: 'exec-form ENTRYPOINT over lines', code: 'FROM python:3.12\nENTRYPOINT ["python", \\\n  "-m", "app"]' },
    { name: 'HEALTHCHECK in shell form is fine: it needs no signals', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1' },
    { name: 'builder stage only', code: 'FROM golang:1.23 AS build\nCMD go test ./...\nFROM scratch\nCMD ["/app"]' },
    { name: 'RUN in shell form is not concerned', code: 'FROM debian:12\nRUN apt-get update' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD node app.js',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM node:22\nCMD ["node", "app.js"]',
    },
    {
      name: 'quotes are removed, exec dropped',
      code: 'FROM nginx:1.27\ncmd exec nginx -g "daemon off;"\n',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM nginx:1.27\ncmd ["nginx", "-g", "daemon off;"]\n',
    },
    {
      name: 'shell syntax: no fix',
      code: 'FROM node:22\nCMD node app.js > /var/log/app.log 2>&1',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
    {
      name: 'a variable needs the shell: no fix',
      code: 'FROM node:22\nENV PORT=8080\nCMD node app.js --port $PORT',
      errors: [{ messageId: 'shellForm', line: 3, column: 1, endLine: 3, endColumn: 4 }],
      output: null,
    },
    {
      name: 'a glob needs the shell: no fix',
      code: 'FROM openjdk:21\nCMD java -cp lib/* Main',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
    {
      name: 'a backslash may be a Windows path: no fix',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD C:\\app\\server.exe',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: null,
    },
    {
      name: 'a chain needs the shell: no fix',
      code: 'FROM debian:12\nENTRYPOINT ./migrate && ./serve',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: null,
    },
    {
      name: 'ENTRYPOINT with a CMD in the image: the CMD becomes its arguments, so the fix is unsafe',
      code: 'FROM python:3.12\nENTRYPOINT python -m app\nCMD ["--port", "80"]',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: null,
      unsafeOutput: 'FROM python:3.12\nENTRYPOINT ["python", "-m", "app"]\nCMD ["--port", "80"]',
    },
    {
      name: 'continuation lines',
      code: 'FROM node:22\nCMD node \\\n  app.js',
      errors: [{ messageId: 'shellForm', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM node:22\nCMD ["node", "app.js"]',
    },
  ],
});
