import { rule } from './dnf-cache-kept';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all',
    { name: 'yum with its clean', code: 'FROM rockylinux:9\nRUN yum -y install httpd && yum clean all' },
    { name: 'microdnf with its clean', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils && microdnf clean all' },
    { name: 'cache removed by rm', code: 'FROM fedora:41\nRUN dnf install -y httpd && rm -rf /var/cache/dnf/*' },
    { name: 'zypper clean', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl && zypper clean --all' },
    { name: 'cache mount', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd' },
    { name: 'builder stage only', code: 'FROM fedora:41 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /out /out' },
    { name: 'not an install', code: 'FROM fedora:41\nRUN dnf repolist && dnf list installed' },
    { name: 'a program named like dnf', code: 'FROM fedora:41\nRUN notdnf install mariadb' },
    { name: "microdnf's cache removed by rm: it is /var/cache/yum", code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && rm -rf /var/cache/yum' },
    { name: 'each family cleaned by its own clean', code: 'FROM registry.access.redhat.com/ubi9/ubi\nRUN dnf install -y a && microdnf install -y b && microdnf clean all && dnf clean all' },
    { name: 'tdnf with its clean', code: 'FROM photon:5.0\nRUN tdnf install -y shadow && tdnf clean all' },
    { name: 'clean over several installs', code: 'FROM fedora:41\nRUN dnf install -y a && dnf upgrade -y && dnf clean all' },
  ],
  invalid: [
    {
      code: 'FROM fedora:41\nRUN dnf install -y httpd',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM fedora:41\nRUN dnf install -y httpd && dnf clean all',
    },
    {
      name: 'clean before the install does not help',
      code: 'FROM rockylinux:9\nRUN yum clean all && \\\n    yum -y install httpd',
      errors: [{ messageId: 'cacheKept', line: 3, column: 5, endLine: 3, endColumn: 19 }],
      output: 'FROM rockylinux:9\nRUN yum clean all && \\\n    yum -y install httpd && \\\n    yum clean all',
    },
    {
      name: 'upgrade fills the cache too',
      code: 'FROM fedora:41\nRUN dnf -y upgrade',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 19 }],
      output: 'FROM fedora:41\nRUN dnf -y upgrade && dnf clean all',
    },
    {
      name: 'zypper gets its own clean',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 17 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean --all',
    },
    {
      name: 'microdnf alias in a multi-line RUN with leading operators',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf update -y \\\n    && microdnf install -y tar',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 20 }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf update -y \\\n    && microdnf install -y tar \\\n    && microdnf clean all',
    },
    {
      name: "microdnf's clean does not empty dnf's cache (hadolint DL3040 agrees)",
      code: 'FROM registry.access.redhat.com/ubi9/ubi\nRUN dnf install -y httpd && microdnf clean all',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 16 }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi\nRUN dnf install -y httpd && microdnf clean all && dnf clean all',
    },
    {
      name: "removing dnf's folder leaves microdnf's",
      code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && rm -rf /var/cache/dnf',
      errors: [{ messageId: 'cacheKept', line: 2, column: 5, endLine: 2, endColumn: 21 }],
      output: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar && rm -rf /var/cache/dnf && microdnf clean all',
    },
    {
      name: 'exec form has no fix',
      code: 'FROM fedora:41\nRUN ["dnf", "install", "-y", "httpd"]',
      errors: [{ messageId: 'cacheKept', line: 2, column: 6, endLine: 2, endColumn: 22 }],
      output: null,
    },
  ],
});
