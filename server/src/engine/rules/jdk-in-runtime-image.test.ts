import { rule } from './jdk-in-runtime-image';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    { name: 'already a JRE', code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]' },
    { name: 'a JDK builder stage, JRE final stage', code: 'FROM maven:3.9-eclipse-temurin-21 AS build\nRUN mvn -q package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]' },
    { name: 'no CMD: the JDK default (jshell) runs', code: 'FROM eclipse-temurin:21\nCOPY app.jar /app.jar' },
    { name: 'an entrypoint script may use the JDK', code: 'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\nENTRYPOINT ["/entrypoint.sh"]' },
    { name: 'the start-up uses jshell', code: 'FROM eclipse-temurin:21\nCMD ["jshell"]' },
    { name: 'java next to another program', code: 'FROM eclipse-temurin:21\nCMD java -jar /app.jar && jcmd 1 VM.flags' },
    { name: 'a JRE package', code: 'FROM debian:bookworm-slim\nRUN apt-get install -y openjdk-17-jre-headless\nCMD ["java", "-jar", "/app.jar"]' },
    { name: 'a JDK package in a builder stage', code: 'FROM debian:bookworm-slim AS build\nRUN apt-get install -y default-jdk\nFROM debian:bookworm-slim\nCMD ["java", "-version"]' },
    { name: 'not Java', code: 'FROM node:22-slim\nCMD ["node", "app.js"]' },
  ],
  invalid: [
    {
      name: 'a bare version tag is the JDK',
      code: 'FROM eclipse-temurin:21\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]',
      errors: [{ messageId: 'jdkImage', line: 1, column: 6, endLine: 1, endColumn: 24 }],
      output: null,
      unsafeOutput: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]',
    },
    {
      name: 'JDK on Ubuntu noble keeps the OS',
      code: 'FROM eclipse-temurin:21-jdk-noble\nRUN apt-get update\nENTRYPOINT ["java", "-jar", "/app.jar"]',
      errors: [{ messageId: 'jdkImage', line: 1, column: 6, endLine: 1, endColumn: 34 }],
      output: null,
      unsafeOutput: 'FROM eclipse-temurin:21-jre-noble\nRUN apt-get update\nENTRYPOINT ["java", "-jar", "/app.jar"]',
    },
    {
      name: 'JDK on Alpine, started through sh -c',
      code: 'FROM eclipse-temurin:21-jdk-alpine\nCMD sh -c "cd /app && exec java -jar app.jar"',
      errors: [{ messageId: 'jdkImage', line: 1, column: 6, endLine: 1, endColumn: 35 }],
      output: null,
      unsafeOutput: 'FROM eclipse-temurin:21-jre-alpine\nCMD sh -c "cd /app && exec java -jar app.jar"',
    },
    {
      name: 'a Maven image that only runs the jar',
      code: 'FROM maven:3.9-eclipse-temurin-21\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]',
      errors: [{ messageId: 'jdkImage', line: 1, column: 6, endLine: 1, endColumn: 34 }],
      output: null,
      unsafeOutput: 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]',
    },
    {
      name: 'building in the final stage points to a builder stage',
      code: 'FROM gradle:8-jdk21\nCOPY . .\nRUN gradle build\nCMD ["java", "-jar", "build/libs/app.jar"]',
      errors: [{ messageId: 'buildsInImage', line: 1, column: 6, endLine: 1, endColumn: 20 }],
      output: null,
    },
    {
      name: 'a JDK package on Debian',
      code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    openjdk-17-jdk-headless \\\n && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["java", "-jar", "/app.jar"]',
      errors: [{ messageId: 'jdkPackage', line: 3, column: 5, endLine: 3, endColumn: 28 }],
      output: null,
      unsafeOutput: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    openjdk-17-jre-headless \\\n && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["java", "-jar", "/app.jar"]',
    },
    {
      name: 'Alpine and Fedora JDK packages',
      code: 'FROM alpine:3.24\nRUN apk add --no-cache openjdk21-jdk\nCMD ["java", "-jar", "/app.jar"]',
      errors: [{ messageId: 'jdkPackage', line: 2, column: 24, endLine: 2, endColumn: 37 }],
      output: null,
      unsafeOutput: 'FROM alpine:3.24\nRUN apk add --no-cache openjdk21-jre\nCMD ["java", "-jar", "/app.jar"]',
    },
    {
      name: 'the devel RPM',
      code: 'FROM fedora:44\nRUN dnf install -y java-21-openjdk-devel && dnf clean all\nCMD ["java", "-jar", "/app.jar"]',
      errors: [{ messageId: 'jdkPackage', line: 2, column: 20, endLine: 2, endColumn: 41 }],
      output: null,
      unsafeOutput: 'FROM fedora:44\nRUN dnf install -y java-21-openjdk-headless && dnf clean all\nCMD ["java", "-jar", "/app.jar"]',
    },
    {
      name: 'a pinned JDK package: reported, not renamed',
      code: 'FROM debian:bookworm-slim\nRUN apt-get install -y openjdk-17-jdk=17.0.13+11-2\nCMD ["java", "-jar", "/app.jar"]',
      errors: [{ messageId: 'jdkPackage', line: 2, column: 24, endLine: 2, endColumn: 51 }],
      output: null,
    },
    {
      name: 'a JDK package with javac run in the stage',
      code: 'FROM debian:bookworm-slim\nRUN apt-get install -y default-jdk && javac Main.java\nCMD ["java", "Main"]',
      errors: [{ messageId: 'buildsInImage', line: 2, column: 24, endLine: 2, endColumn: 35 }],
      output: null,
    },
  ],
});
