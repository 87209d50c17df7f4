import { rule } from './secret-in-env-or-arg';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nENV foobar=barfoo\nARG VERSION=1.2',
    { name: 'a path to a secret, not the secret', code: 'FROM postgres:17\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db TOKEN_PATH=/run/secrets/t SECRETS_DIR=/run/secrets' },
    { name: 'a value that is the path of the secret', code: 'FROM selenium/base\nENV SE_JAVA_SSL_TRUST_STORE_PASSWORD="/opt/selenium/secrets/server.pass" SE_HTTPS_PRIVATE_KEY=/opt/selenium/secrets/tls.key' },
    { name: 'a GPG key fingerprint', code: 'FROM python:3.13\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305' },
    { name: 'an empty value and a reference', code: 'FROM debian:12\nENV DB_PASSWORD= API_TOKEN=${API_TOKEN}' },
    { name: 'switches about passwords', code: 'FROM mysql:8.4\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1 PASSWORD_MIN_LENGTH=12' },
    { name: 'words that contain secret words', code: 'FROM python:3.13\nENV TOKENIZERS_PARALLELISM=false PASSENGER_APP_ENV=production KEYCLOAK_VERSION=26' },
    { name: 'a key server URL and a public key', code: 'FROM debian:12\nARG KEY_SERVER=hkps://keys.openpgp.org\nENV PUBLIC_KEY=ssh-ed25519' },
    { name: 'a secret mount', code: 'FROM node:22\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci' },
    { name: 'the AWS documentation example key', code: 'FROM amazon/aws-cli\nRUN aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE' },
    { name: 'a public key block', code: 'FROM debian:12\nRUN echo "-----BEGIN PUBLIC KEY-----" > /k.pem' },
  ],
  invalid: [
    {
      name: 'ARG with sensitive data before FROM',
      code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bullseye\nRUN foobar\n',
      errors: [{ messageId: 'arg', line: 1, column: 5, endLine: 1, endColumn: 22 }],
      output: null,
    },
    {
      name: 'lower-case ARG in a builder stage',
      code: 'FROM debian:12 AS build\nARG openai_api_key\nFROM scratch',
      errors: [{ messageId: 'arg', line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: null,
    },
    {
      name: 'ENV with literal values, on a continuation line',
      code: 'FROM debian:12\nENV APP_ENV=prod \\\n    my_password=hunter22 \\\n    ClientSecret="s3cr3t"',
      errors: [
        { messageId: 'env', line: 3, column: 5, endLine: 3, endColumn: 16 },
        { messageId: 'env', line: 4, column: 5, endLine: 4, endColumn: 17 },
      ],
      output: null,
    },
    {
      name: 'ENV in the legacy space form',
      code: 'FROM debian:12\nENV DB_PASS changeme',
      errors: [{ messageId: 'env', line: 2, column: 5, endLine: 2, endColumn: 12 }],
      output: null,
    },
    {
      name: 'an ARG default holding a token is reported once',
      code: 'FROM node:22\nARG NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789',
      errors: [{ messageId: 'arg', line: 2, column: 5, endLine: 2, endColumn: 14 }],
      output: null,
    },
    {
      name: 'a GitHub token in a RUN and an AWS key in a LABEL',
      code: 'FROM alpine:3.20\nRUN git clone https://ghp_0123456789abcdefghijABCDEFGHIJ012345@github.com/o/r\nLABEL k=AKIA0123456789ABCDEF',
      errors: [
        { messageId: 'credential', line: 2, column: 23, endLine: 2, endColumn: 63 },
        { messageId: 'credential', line: 3, column: 9, endLine: 3, endColumn: 29 },
      ],
      output: null,
    },
    {
      name: 'a private key block and a GitLab token in ENV under other names',
      code: 'FROM alpine:3.20\nRUN echo "-----BEGIN OPENSSH PRIVATE KEY-----" > /root/.ssh/id\nENV CI_JOB=glpat-abcdefghij0123456789',
      errors: [
        { messageId: 'credential', line: 2, column: 11, endLine: 2, endColumn: 46 },
        { messageId: 'credential', line: 3, column: 12, endLine: 3, endColumn: 38 },
      ],
      output: null,
    },
  ],
});
