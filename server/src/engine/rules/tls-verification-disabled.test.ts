import { rule } from './tls-verification-disabled';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/a.tgz -o /tmp/a.tgz',
    { name: 'a k inside a value, not a flag', code: 'FROM debian:12\nRUN curl -fsSL -H "X-Token: k" -o /tmp/k https://example.com/k' },
    { name: 'curl -K reads a config file', code: 'FROM debian:12\nRUN curl -K /etc/curlrc https://example.com' },
    { name: 'wget with certificate checks', code: 'FROM debian:12\nRUN wget --ca-certificate=/etc/ssl/corp.pem https://example.com/a' },
    { name: 'pip with an index URL', code: 'FROM python:3.13\nRUN pip install --index-url https://pypi.example.com/simple app' },
    { name: 'strict-ssl left on', code: 'FROM node:22\nRUN npm config set strict-ssl true && npm config set registry https://r.example.com' },
    { name: 'git sslVerify true', code: 'FROM debian:12\nRUN git config --global http.sslVerify true' },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED=1', code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1' },
    { name: 'an empty GIT_SSL_NO_VERIFY and an unknown value', code: 'FROM debian:12\nARG NO_VERIFY\nENV GIT_SSL_NO_VERIFY= NODE_TLS_REJECT_UNAUTHORIZED=$NO_VERIFY' },
    { name: 'a health check against the container itself', code: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-isfL", "--insecure", "https://localhost/health"]' },
    { name: 'apk with a signing key', code: 'FROM alpine:3.20\nRUN apk add --no-cache --keys-dir /etc/apk/keys app' },
    { name: 'the package named like the flag', code: 'FROM debian:12\nRUN echo "--insecure is off" && apt-get install -y --no-install-recommends curl' },
  ],
  invalid: [
    {
      name: 'curl -k combined with other short flags',
      code: 'FROM debian:12\nRUN curl -fsSLk https://example.com/a.tgz -o /tmp/a.tgz',
      errors: [{ messageId: 'tls', line: 2, column: 10, endLine: 2, endColumn: 16 }],
      output: null,
    },
    {
      name: 'curl --insecure inside sh -c in a builder stage',
      code: 'FROM debian:12 AS build\nRUN sh -c "curl --insecure -o /x https://e.example/x"\nFROM scratch',
      errors: [{ messageId: 'tls', line: 2, column: 17, endLine: 2, endColumn: 27 }],
      output: null,
    },
    {
      name: 'wget, pip and apk on continuation lines',
      code: 'FROM alpine:3.20\nRUN wget --no-check-certificate https://e.example/a \\\n  && pip install --trusted-host pypi.example.com app \\\n  && apk add --allow-untrusted /tmp/x.apk',
      errors: [
        { messageId: 'tls', line: 2, column: 10, endLine: 2, endColumn: 32 },
        { messageId: 'tls', line: 3, column: 18, endLine: 3, endColumn: 49 },
        { messageId: 'signature', line: 4, column: 14, endLine: 4, endColumn: 31 },
      ],
      output: null,
    },
    {
      name: 'npm and git settings',
      code: 'FROM node:22\nRUN npm config set strict-ssl false && git config --global http.sslVerify false',
      errors: [
        { messageId: 'tls', line: 2, column: 20, endLine: 2, endColumn: 36 },
        { messageId: 'tls', line: 2, column: 60, endLine: 2, endColumn: 80 },
      ],
      output: null,
    },
    {
      name: 'git -c and an assignment before the command',
      code: 'FROM debian:12\nRUN GIT_SSL_NO_VERIFY=true git -c http.sslVerify=false clone https://g.example/r',
      errors: [
        { messageId: 'setting', line: 2, column: 5, endLine: 2, endColumn: 27 },
        { messageId: 'tls', line: 2, column: 35, endLine: 2, endColumn: 55 },
      ],
      output: null,
    },
    {
      name: 'apt-get and yum',
      code: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated app && yum install -y --nogpgcheck x',
      errors: [
        { messageId: 'signature', line: 2, column: 24, endLine: 2, endColumn: 47 },
        { messageId: 'signature', line: 2, column: 70, endLine: 2, endColumn: 82 },
      ],
      output: null,
    },
    {
      name: 'ENV settings',
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 \\\n    PYTHONHTTPSVERIFY=0',
      errors: [
        { messageId: 'setting', line: 2, column: 5, endLine: 2, endColumn: 35 },
        { messageId: 'setting', line: 3, column: 5, endLine: 3, endColumn: 24 },
      ],
      output: null,
    },
    {
      name: 'a config file written with echo',
      code: 'FROM node:22\nRUN echo "strict-ssl=false" >> /root/.npmrc',
      errors: [{ messageId: 'tls', line: 2, column: 10, endLine: 2, endColumn: 28 }],
      output: null,
    },
  ],
});
