import { rule } from './apk-cache-kept';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    { name: 'flag after the packages', code: 'FROM alpine:3.20\nRUN apk add curl git --no-cache' },
    { name: 'cache mount over /var/cache/apk', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl' },
    { name: 'tmpfs mount over /etc/apk/cache', code: 'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/etc/apk/cache apk add curl' },
    { name: 'cache removed later in the same RUN', code: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*' },
    { name: 'builder stage only', code: 'FROM alpine:3.20 AS build\nRUN apk add build-base\nFROM alpine:3.20\nCOPY --from=build /out /out' },
    { name: 'offline install fetches nothing', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $runDeps' },
    { name: 'apk del is not an install', code: 'FROM alpine:3.20\nRUN apk del curl' },
    { name: 'a program that only ends in apk', code: 'FROM alpine:3.20\nRUN myapk add curl' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add curl',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    },
    {
      name: 'a cache mount elsewhere does not help',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl',
      errors: [{ messageId: 'cacheKept', line: 2, column: 46, endLine: 2, endColumn: 53 }],
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl',
    },
    {
      name: 'cleanup before the install does not help',
      code: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && \\\n    apk --update add \\\n      curl',
      errors: [{ messageId: 'cacheKept', line: 3, column: 5, endLine: 3, endColumn: 21 }],
      output: 'FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && \\\n    apk --update add --no-cache \\\n      curl',
    },
    {
      name: 'inside sh -c',
      code: "FROM alpine:3.20\nRUN sh -c 'apk add curl'",
      errors: [{ messageId: 'cacheKept', line: 2, column: 12, endLine: 2, endColumn: 19 }],
      output: "FROM alpine:3.20\nRUN sh -c 'apk add --no-cache curl'",
    },
    {
      name: 'exec form has no fix',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]',
      errors: [{ messageId: 'cacheKept', line: 2, column: 6, endLine: 2, endColumn: 18 }],
      output: null,
    },
  ],
});
