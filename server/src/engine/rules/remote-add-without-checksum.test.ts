import { rule } from './remote-add-without-checksum';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM alpine:3.20\nADD rootfs.tar.gz /',
    {
      name: 'a checksum is given',
      code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/',
    },
    { name: 'COPY of a local file', code: 'FROM alpine:3.20\nCOPY https-proxy.conf /etc/' },
    { name: 'a local file whose name starts with http', code: 'FROM alpine:3.20\nADD http.tar /srv/' },
    { name: 'curl then sha256sum -c instead', code: 'FROM alpine:3.20\nRUN curl -fsSLo /tmp/t.tgz https://example.com/t.tgz && echo "abc  /tmp/t.tgz" | sha256sum -c -' },
    { name: 'a git URL pinned to a full commit', code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#4c0a3b9d1c6e0b8f8f2f1a1b2c3d4e5f60718293 /src' },
  ],
  invalid: [
    {
      name: 'a plain download',
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/',
      errors: [{ messageId: 'url', line: 2, column: 5, endLine: 2, endColumn: 36 }],
      output: null,
    },
    {
      name: 'a URL built from an ARG, in a builder stage',
      code: 'FROM alpine:3.20 AS fetch\nARG VERSION\nADD --chown=1000:1000 http://example.com/${VERSION}/tool /opt/tool\nFROM scratch',
      errors: [{ messageId: 'url', line: 3, column: 23, endLine: 3, endColumn: 57 }],
      output: null,
    },
    {
      name: 'a git repository on a branch',
      code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git#v0.20.0 /src',
      errors: [{ messageId: 'git', line: 2, column: 5, endLine: 2, endColumn: 45 }],
      output: null,
    },
    {
      name: 'two URLs, on continuation lines',
      code: 'FROM alpine:3.20\nADD https://a.example/x \\\n    https://b.example/y /srv/',
      errors: [
        { messageId: 'url', line: 2, column: 5, endLine: 2, endColumn: 24 },
        { messageId: 'url', line: 3, column: 5, endLine: 3, endColumn: 24 },
      ],
      output: null,
    },
  ],
});
