import { rule } from './world-writable-permissions';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN chmod 755 /usr/local/bin/entrypoint.sh',
    { name: 'owner and group may write', code: 'FROM debian:12\nRUN chmod 775 /srv && chmod -R g+w /srv/data' },
    { name: 'the sticky bit makes a shared directory safe', code: 'FROM debian:12\nRUN mkdir -p /shared && chmod 1777 /shared && chmod a+rwxt /tmp2' },
    { name: 'taking write away from others', code: 'FROM debian:12\nRUN chmod -R o-w /app && chmod go-w /etc/app' },
    { name: '+w without who follows the umask', code: 'FROM debian:12\nRUN chmod +wx /app/run.sh' },
    { name: 'a builder stage only', code: 'FROM debian:12 AS build\nRUN chmod -R 777 /src\nFROM gcr.io/distroless/static\nCOPY --from=build /src/app /app' },
    { name: 'COPY --chmod with 644', code: 'FROM alpine:3.20\nCOPY --chmod=644 app.conf /etc/app.conf' },
    { name: 'the digits 777 elsewhere', code: 'FROM alpine:3.20\nRUN echo 777 > /tmp/n && chown 777:777 /srv' },
    { name: 'unknown mode', code: 'FROM alpine:3.20\nARG MODE\nRUN chmod "$MODE" /srv' },
  ],
  invalid: [
    {
      name: 'chmod 777',
      code: 'FROM debian:12\nRUN chmod 777 /app',
      errors: [{ messageId: 'worldWritable', line: 2, column: 11, endLine: 2, endColumn: 14 }],
      output: null,
    },
    {
      name: 'recursive, four digits, after sudo, on a continuation line',
      code: 'FROM debian:12\nRUN mkdir /data \\\n  && sudo chmod -R 0666 /data',
      errors: [{ messageId: 'worldWritable', line: 3, column: 20, endLine: 3, endColumn: 24 }],
      output: null,
    },
    {
      name: 'symbolic o+w and a=rwx',
      code: 'FROM debian:12\nRUN chmod u+x,o+w /a && chmod a=rwx /b',
      errors: [
        { messageId: 'worldWritable', line: 2, column: 11, endLine: 2, endColumn: 18 },
        { messageId: 'worldWritable', line: 2, column: 31, endLine: 2, endColumn: 36 },
      ],
      output: null,
    },
    {
      name: 'mkdir -m and install --mode',
      code: 'FROM debian:12\nRUN mkdir -m 777 /cache && install --mode=666 app.cfg /etc/',
      errors: [
        { messageId: 'worldWritable', line: 2, column: 14, endLine: 2, endColumn: 17 },
        { messageId: 'worldWritable', line: 2, column: 43, endLine: 2, endColumn: 46 },
      ],
      output: null,
    },
    {
      name: 'COPY --chmod',
      code: 'FROM alpine:3.20\nCOPY --chmod=777 run.sh /run.sh',
      errors: [{ messageId: 'worldWritable', line: 2, column: 14, endLine: 2, endColumn: 17 }],
      output: null,
    },
  ],
});
