import { rule } from './unused-runtime';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    { name: 'Python used by CMD', code: 'FROM debian:12-slim\nRUN apt-get install -y python3\nCMD ["python3", "/app/main.py"]' },
    { name: 'Node used by a later RUN', code: 'FROM debian:12-slim\nRUN apt-get install -y nodejs npm\nRUN npm ci --omit=dev\nCMD ["nginx", "-g", "daemon off;"]' },
    { name: 'Java used in the HEALTHCHECK', code: 'FROM alpine:3.24\nRUN apk add --no-cache openjdk21-jre-headless\nHEALTHCHECK CMD java -version\nCMD ["/usr/sbin/crond", "-f"]' },
    { name: 'a script by its extension', code: 'FROM debian:12-slim\nRUN apt-get install -y ruby\nCMD ["/app/server.rb"]' },
    { name: 'no CMD or ENTRYPOINT: use unknown', code: 'FROM debian:12-slim\nRUN apt-get install -y python3' },
    { name: 'an entrypoint script that is not readable', code: 'FROM debian:12-slim\nRUN apt-get install -y python3\nENTRYPOINT ["/docker-entrypoint.sh"]' },
    {
      name: 'an entrypoint script from the build context that uses the runtime',
      code: 'FROM debian:12-slim\nRUN apt-get install -y python3\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]',
      options: { buildContext: { files: new Map([['entrypoint.sh', '#!/bin/sh\nexec python3 -m app "$@"\n']]) } },
    },
    { name: 'a dynamic command', code: 'FROM debian:12-slim\nRUN apt-get install -y nodejs\nCMD $START_COMMAND' },
    { name: 'a builder stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y golang\nFROM debian:12-slim\nCMD ["/app"]' },
    { name: 'Rails runs Node.js through ExecJS', code: 'FROM ruby:3.4-slim\nRUN apt-get install -y nodejs\nCMD ["rails", "server", "-b", "0.0.0.0"]' },
    { name: 'PHP under Apache (mod_php)', code: 'FROM debian:12-slim\nRUN apt-get install -y apache2 libapache2-mod-php\nCMD ["apachectl", "-D", "FOREGROUND"]' },
    { name: 'pip and npm packages are not OS runtimes', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir nodejs-bin\nCMD ["python", "-m", "app"]' },
  ],
  invalid: [
    {
      name: 'Node.js installed, nginx started',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx nodejs \\\n && rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]',
      errors: [{ messageId: 'unused', line: 2, column: 72, endLine: 2, endColumn: 78 }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends nginx \\\n && rm -rf /var/lib/apt/lists/*\nCMD ["nginx", "-g", "daemon off;"]',
    },
    {
      name: 'a JRE on Alpine next to a Go binary',
      code: 'FROM alpine:3.24\nRUN apk add --no-cache ca-certificates openjdk21-jre-headless\nCOPY app /usr/local/bin/app\nCMD ["app", "serve"]',
      errors: [{ messageId: 'unused', line: 2, column: 40, endLine: 2, endColumn: 62 }],
      output: null,
      unsafeOutput: 'FROM alpine:3.24\nRUN apk add --no-cache ca-certificates\nCOPY app /usr/local/bin/app\nCMD ["app", "serve"]',
    },
    {
      name: 'a readable entrypoint that does not use Python',
      code: 'FROM debian:12-slim\nRUN apt-get install -y python3 curl\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]',
      options: { buildContext: { files: new Map([['entrypoint.sh', '#!/bin/sh\nexec /usr/local/bin/server --port 8080\n']]) } },
      errors: [{ messageId: 'unused', line: 2, column: 24, endLine: 2, endColumn: 31 }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install -y curl\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]',
    },
    {
      name: 'PHP and Ruby with dnf, in a stage the final image builds on',
      code: 'FROM fedora:44 AS base\nRUN dnf install -y php-cli ruby redis && dnf clean all\nFROM base\nCMD ["redis-server"]',
      errors: [
        { messageId: 'unused', line: 2, column: 20, endLine: 2, endColumn: 27 },
        { messageId: 'unused', line: 2, column: 28, endLine: 2, endColumn: 32 },
      ],
      output: null,
      unsafeOutput: 'FROM fedora:44 AS base\nRUN dnf install -y redis && dnf clean all\nFROM base\nCMD ["redis-server"]',
    },
  ],
});
