import { rule } from './pip-cache-kept';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
    { name: 'flag after the packages', code: 'FROM python:3.12-slim\nRUN pip3 install flask --no-cache-dir' },
    { name: 'ENV turns the cache off', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask' },
    { name: 'ENV inherited from the base stage', code: 'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install flask' },
    { name: 'prefix assignment on the command', code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=true pip install flask' },
    { name: 'exported earlier in the RUN', code: 'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=yes && pip install flask' },
    { name: 'cache mount over pip\'s cache', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask' },
    { name: 'cache removed later in the same RUN', code: 'FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip' },
    { name: 'builder stage only', code: 'FROM python:3.12 AS build\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local' },
    { name: 'pipx and pipenv are other tools', code: 'FROM python:3.12-slim\nRUN pipx install black && pipenv install' },
    { name: 'pip download is not an install', code: 'FROM python:3.12-slim\nRUN pip download flask' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN pip install flask',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
    },
    {
      name: 'python -m pip',
      code: 'FROM python:3.12-slim\nRUN python3 -m pip install -r requirements.txt',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 27 }],
      output: 'FROM python:3.12-slim\nRUN python3 -m pip install --no-cache-dir -r requirements.txt',
    },
    {
      name: 'a falsy ENV value keeps the cache',
      code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask',
      errors: [{ messageId: 'cacheKept', line: 3, column: 5, endLine: 3, endColumn: 16 }],
      output: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=off\nRUN pip install --no-cache-dir flask',
    },
    {
      name: 'ENV of an unrelated stage is not inherited',
      code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12-slim\nRUN pip3 install \\\n  flask',
      errors: [{ messageId: 'cacheKept', line: 4, column: 5, endLine: 4, endColumn: 17 }],
      output: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12-slim\nRUN pip3 install --no-cache-dir \\\n  flask',
    },
    {
      name: 'a falsy export earlier in the RUN',
      code: 'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=false && pip install flask',
      errors: [{ messageId: 'cacheKept', line: 2, column: 38, endLine: 2, endColumn: 49 }],
      output: 'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=false && pip install --no-cache-dir flask',
    },
    {
      name: 'a falsy prefix assignment',
      code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=0 pip install flask',
      errors: [{ messageId: 'cacheKept', line: 2, column: 24, endLine: 2, endColumn: 35 }],
      output: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=0 pip install --no-cache-dir flask',
    },
  ],
});
