import { rule } from './npm-dev-dependencies';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM node:22-slim\nRUN npm ci --omit=dev',
    { name: 'separate --omit value', code: 'FROM node:22-slim\nRUN npm ci --omit dev' },
    { name: 'legacy --production', code: 'FROM node:22-slim\nRUN npm install --production' },
    { name: 'NODE_ENV=production in ENV', code: 'FROM node:22-slim\nENV NODE_ENV=production\nRUN npm ci' },
    { name: 'NODE_ENV=production as a prefix', code: 'FROM node:22-slim\nRUN NODE_ENV=production npm ci' },
    { name: 'pruned later', code: 'FROM node:22-slim\nRUN npm ci && npm run build\nRUN npm prune --omit=dev' },
    { name: 'builder stage only', code: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist /app' },
    { name: 'a global tool', code: 'FROM node:22-slim\nRUN npm install -g pm2' },
    { name: 'named packages', code: 'FROM node:22-slim\nRUN npm install express' },
    { name: 'npm run install is a script', code: 'FROM node:22-slim\nRUN npm run install' },
    { name: 'yarn is not npm', code: 'FROM node:22-slim\nRUN yarn install' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN npm ci',
      errors: [{ messageId: 'devDependencies', line: 2, column: 5, endLine: 2, endColumn: 11 }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nRUN npm ci --omit=dev',
    },
    {
      name: 'npm install with flags',
      code: 'FROM node:22-slim\nWORKDIR /app\nRUN npm install --no-audit \\\n && npm cache clean --force',
      errors: [{ messageId: 'devDependencies', line: 3, column: 5, endLine: 3, endColumn: 16 }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nRUN npm install --omit=dev --no-audit \\\n && npm cache clean --force',
    },
    {
      name: 'NODE_ENV=development does not omit',
      code: 'FROM node:22-slim\nENV NODE_ENV=development\nRUN npm i',
      errors: [{ messageId: 'devDependencies', line: 3, column: 5, endLine: 3, endColumn: 10 }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nENV NODE_ENV=development\nRUN npm i --omit=dev',
    },
    {
      name: 'a prune before the install does not help',
      code: 'FROM node:22-slim\nRUN npm prune --omit=dev\nRUN npm ci',
      errors: [{ messageId: 'devDependencies', line: 3, column: 5, endLine: 3, endColumn: 11 }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nRUN npm prune --omit=dev\nRUN npm ci --omit=dev',
    },
  ],
});
