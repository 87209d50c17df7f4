import { rule } from './package-version-unpinned';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8',
    { name: 'apk with fuzzy pins', code: 'FROM alpine:3.20\nRUN apk add --no-cache "git~2.45" "curl>=8.9"' },
    { name: 'pip pins and requirement files', code: 'FROM python:3.12\nRUN pip install flask==3.0.3 "click>=8" -r requirements.txt' },
    { name: 'pip with a constraints file', code: 'FROM python:3.12\nRUN pip install -c constraints.txt pykafka' },
    { name: 'pip local project and wheel', code: 'FROM python:3.12\nRUN pip install . ./libs/core dist/app-1.0-py3-none-any.whl' },
    { name: 'pip git with a ref', code: 'FROM python:3.12\nRUN pip install git+https://github.com/org/lib.git@v1.2#egg=lib' },
    { name: 'npm pins, scoped and git with a tag', code: 'FROM node:22\nRUN npm install -g express@4.19.2 @org/tool@1.0.0 git+https://github.com/org/x.git#v1' },
    { name: 'npm project install: the lock file pins', code: 'FROM node:22\nRUN npm ci' },
    { name: 'npm --loglevel value is not a package', code: 'FROM node:22\nRUN npm install --loglevel verbose sax@0.1.1' },
    { name: 'apt .deb file', code: 'FROM debian:12\nRUN apt-get install -y ./wkhtmltox_0.12.6-1.bookworm_amd64.deb' },
    { name: 'gem with -v', code: 'FROM ruby:3.3\nRUN gem install rails -v 7.2.1' },
    { name: 'packages from a variable are unknown', code: 'FROM debian:12\nARG PKGS\nRUN apt-get install -y $PKGS' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 git',
      errors: [{ messageId: 'unpinned', line: 2, column: 39, endLine: 2, endColumn: 42 }],
      output: null,
    },
    {
      name: 'each unpinned package on its own line',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    flex=2.6.4-r6 \\\n    libffi \\\n    bash',
      errors: [
        { messageId: 'unpinned', line: 4, column: 5, endLine: 4, endColumn: 11 },
        { messageId: 'unpinned', line: 5, column: 5, endLine: 5, endColumn: 9 },
      ],
      output: null,
    },
    {
      name: 'pip, python -m pip and a git URL without a ref',
      code: 'FROM python:3.12\nRUN python -m pip install --root-user-action=ignore requests git+https://github.com/org/lib.git',
      errors: [
        { messageId: 'unpinned', line: 2, column: 53, endLine: 2, endColumn: 61 },
        { messageId: 'unpinnedSource', line: 2, column: 62, endLine: 2, endColumn: 96 },
      ],
      output: null,
    },
    {
      name: 'npm scoped package without a version',
      code: 'FROM node:22\nRUN npm install --global @org/tool',
      errors: [{ messageId: 'unpinned', line: 2, column: 26, endLine: 2, endColumn: 35 }],
      output: null,
    },
    {
      name: 'gem without a version',
      code: 'FROM ruby:3.3\nRUN gem install bundler',
      errors: [{ messageId: 'unpinned', line: 2, column: 17, endLine: 2, endColumn: 24 }],
      output: null,
    },
  ],
});
