import { rule } from './sensitive-file-copied';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM node:22\nCOPY package.json package-lock.json ./',
    { name: '.env.example is a template', code: 'FROM node:22\nCOPY .env.example .env.sample ./' },
    { name: 'a public key and authorized_keys', code: 'FROM alpine:3.20\nCOPY id_ed25519.pub authorized_keys /home/app/.ssh/' },
    { name: 'certificates and CA bundles', code: 'FROM alpine:3.20\nCOPY ca.pem corp-root-cert.pem fullchain.pem /usr/local/share/ca-certificates/' },
    { name: 'a repository signing key', code: 'FROM debian:12\nCOPY nodesource.gpg.key Release.key /etc/apt/keyrings/' },
    { name: 'a builder stage only', code: 'FROM node:22 AS build\nCOPY .npmrc package.json ./\nRUN npm ci && rm .npmrc\nFROM node:22-slim\nCOPY --from=build /app /app' },
    { name: 'the destination is not the source', code: 'FROM alpine:3.20\nCOPY ssh_config /etc/ssh/ssh_config' },
    { name: 'names that only look alike', code: 'FROM alpine:3.20\nCOPY environment.ts keys.json monkey.js .envrc.md /app/' },
    { name: 'a secret mount instead', code: 'FROM node:22\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci' },
    { name: 'a project folder named .docker', code: 'FROM node:22\nCOPY .docker/scripts/*.sh .docker/healthcheck.js /usr/src/' },
    { name: 'an unknown source', code: 'FROM alpine:3.20\nARG SRC\nCOPY ${SRC} /app/' },
  ],
  invalid: [
    {
      name: '.env next to other files',
      code: 'FROM node:22\nCOPY package.json .env ./',
      errors: [{ messageId: 'copied', line: 2, column: 19, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      name: 'a private SSH key and the .ssh folder',
      code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nADD ./.ssh/ /home/app/.ssh/',
      errors: [
        { messageId: 'copied', line: 2, column: 6, endLine: 2, endColumn: 12 },
        { messageId: 'copied', line: 3, column: 5, endLine: 3, endColumn: 12 },
      ],
      output: null,
    },
    {
      name: 'credential files on a continuation line',
      code: 'FROM node:22\nCOPY --chown=node:node .npmrc \\\n     .git-credentials /home/node/',
      errors: [
        { messageId: 'copied', line: 2, column: 24, endLine: 2, endColumn: 30 },
        { messageId: 'copied', line: 3, column: 6, endLine: 3, endColumn: 22 },
      ],
      output: null,
    },
    {
      name: 'TLS private keys and a glob',
      code: 'FROM nginx:1.27\nCOPY server.key *.pem /etc/nginx/tls/',
      errors: [
        { messageId: 'copied', line: 2, column: 6, endLine: 2, endColumn: 16 },
        { messageId: 'copied', line: 2, column: 17, endLine: 2, endColumn: 22 },
      ],
      output: null,
    },
    {
      name: 'AWS credentials and a kubeconfig in JSON form',
      code: 'FROM alpine:3.20\nCOPY ["config/.aws/credentials", "kubeconfig", "/root/"]\nCOPY .docker/config.json /root/.docker/',
      errors: [
        { messageId: 'copied', line: 2, column: 7, endLine: 2, endColumn: 32 },
        { messageId: 'copied', line: 2, column: 34, endLine: 2, endColumn: 46 },
        { messageId: 'copied', line: 3, column: 6, endLine: 3, endColumn: 25 },
      ],
      output: null,
    },
    {
      name: 'a stage the final image is built from, through an ARG',
      code: 'FROM node:22 AS base\nARG ENV_FILE=.env.production\nCOPY $ENV_FILE /app/\nFROM base',
      errors: [{ messageId: 'copied', line: 3, column: 6, endLine: 3, endColumn: 15 }],
      output: null,
    },
  ],
});
