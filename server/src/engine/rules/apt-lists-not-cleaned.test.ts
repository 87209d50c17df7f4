import { rule } from './apt-lists-not-cleaned';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    { name: 'cleanup of the folder itself', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl; rm -rf /var/lib/apt/lists' },
    { name: 'a cache mount keeps the lists out of the layer', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl' },
    { name: 'builder stage only', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /out /out' },
    { name: 'no install', code: 'FROM debian:12\nRUN apt-get update' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
      errors: [{ messageId: 'notCleaned', line: 2, column: 23, endLine: 2, endColumn: 38 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'multi-line RUN with leading operators keeps its style',
      code: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n       curl\nUSER nobody',
      errors: [{ messageId: 'notCleaned', line: 3, column: 8, endLine: 3, endColumn: 23 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n       curl \\\n       && rm -rf /var/lib/apt/lists/*\nUSER nobody',
    },
    {
      name: 'multi-line RUN with trailing operators keeps its style',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl',
      errors: [{ messageId: 'notCleaned', line: 3, column: 5, endLine: 3, endColumn: 20 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n    rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'a cache mount elsewhere does not help',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl',
      errors: [{ messageId: 'notCleaned', line: 2, column: 64, endLine: 2, endColumn: 79 }],
      output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'aptitude fills the same lists',
      code: 'FROM debian:12\nRUN aptitude update && aptitude install -y python3',
      errors: [{ messageId: 'notCleaned', line: 2, column: 24, endLine: 2, endColumn: 40 }],
      output: 'FROM debian:12\nRUN aptitude update && aptitude install -y python3 && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'exec form has no fix',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]',
      errors: [{ messageId: 'notCleaned', line: 2, column: 6, endLine: 2, endColumn: 26 }],
      output: null,
    },
  ],
});
