import { rule } from './pipe-to-shell';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt',
    {
      name: 'download, verify, then run',
      code: 'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n  && echo "4f2a  /tmp/install.sh" | sha256sum -c - \\\n  && sh /tmp/install.sh',
    },
    { name: 'curl -O writes a file', code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/install.sh | cat && sh install.sh' },
    { name: 'wget without -O- writes a file', code: 'FROM debian:12\nRUN wget -q https://example.com/install.sh | sh' },
    { name: 'a key piped to gpg', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg' },
    { name: 'JSON piped to python -c', code: 'FROM python:3.13\nRUN curl -fsSL https://api.example.com/v | python3 -c "import json,sys; print(json.load(sys.stdin))"' },
    { name: 'a script file given to bash reads no stdin', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/data | bash ./process.sh' },
    { name: 'a local script through process substitution', code: 'FROM debian:12\nRUN bash <(cat /tmp/local.sh) && sh -c "$(cat /tmp/other.sh)"' },
    { name: 'curl and sh in different pipelines', code: 'FROM debian:12\nRUN curl -fsSL https://x.example/a | tee /tmp/a && echo ok | sh' },
    { name: 'a builder CMD never runs', code: 'FROM debian:12 AS build\nCMD curl -fsSL https://x.example/i.sh | sh\nFROM scratch' },
  ],
  invalid: [
    {
      name: 'curl piped to sh',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh',
      errors: [{ messageId: 'piped', line: 2, column: 49, endLine: 2, endColumn: 51 }],
      output: null,
    },
    {
      name: 'wget -qO- into sudo bash, on a continuation line',
      code: 'FROM debian:12\nRUN apt-get update \\\n  && wget -qO- https://deb.example.com/setup | sudo -E bash -',
      errors: [{ messageId: 'piped', line: 3, column: 56, endLine: 3, endColumn: 60 }],
      output: null,
    },
    {
      name: 'a shell with options still reads the pipe',
      code: 'FROM debian:12\nRUN wget -O - https://example.com/i.sh | bash -euo pipefail -s -- --yes',
      errors: [{ messageId: 'piped', line: 2, column: 42, endLine: 2, endColumn: 46 }],
      output: null,
    },
    {
      name: 'bash with process substitution',
      code: 'FROM debian:12\nRUN bash <(curl -s https://example.com/install.sh)',
      errors: [{ messageId: 'piped', line: 2, column: 5, endLine: 2, endColumn: 9 }],
      output: null,
    },
    {
      name: 'sh -c with a command substitution, in a builder stage',
      code: 'FROM debian:12 AS build\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\nFROM scratch',
      errors: [{ messageId: 'piped', line: 2, column: 5, endLine: 2, endColumn: 7 }],
      output: null,
    },
    {
      name: 'curl -o - through tee into python3',
      code: 'FROM python:3.13\nRUN curl -sSL -o - https://install.example.org | tee /tmp/log | python3 -',
      errors: [{ messageId: 'piped', line: 2, column: 65, endLine: 2, endColumn: 72 }],
      output: null,
    },
    {
      name: 'inside an exec-form sh -c string',
      code: 'FROM debian:12\nRUN ["sh", "-c", "curl -fsSL https://x.example/i.sh | sh"]',
      errors: [{ messageId: 'piped', line: 2, column: 55, endLine: 2, endColumn: 57 }],
      output: null,
    },
  ],
});
