/** Reads an image tag into version, variant, OS and JVM kind: `python:3.12.7-alpine3.20`, `maven:3.9-eclipse-temurin-21`. */

export type TagVariant = 'full' | 'slim' | 'alpine' | 'minimal';

export interface TagInfo {
  /** Leading version as written (`22`, `3.12.7`, `21.0.12_8`); null for `latest`, `slim`, codenames... */
  readonly version: string | null;
  readonly variant: TagVariant;
  /** OS named in the tag: a Debian/Ubuntu codename, `alpine3.20`, `ubi9`, `al2023`, `oraclelinux9`... */
  readonly os: string | null;
  readonly java: 'jdk' | 'jre' | null;
  /** Java version of a build-tool or server tag (`maven:3.9-eclipse-temurin-21` → `21`, `tomcat:jre21` → `21`). */
  readonly javaVersion: string | null;
  /** The remaining words, in order (`cli`, `fpm`, `apache`, `management`, `lts`, `open`...); null when none. */
  readonly flavor: string | null;
}

export const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};
export const UBUNTU_CODENAMES: Readonly<Record<string, string>> = {
  trusty: '14.04',
  xenial: '16.04',
  bionic: '18.04',
  focal: '20.04',
  jammy: '22.04',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
  resolute: '26.04',
};

const VERSION = /^v?\d+(?:\.\d+)*(?:_\d+)?$/;
const JAVA_VENDORS = new Set(['temurin', 'corretto', 'amazoncorretto', 'semeru', 'ibmjava', 'sapmachine', 'graalvm', 'openjdk', 'zulu', 'liberica']);
const OS_WORD = /^(?:alpine\d+(?:\.\d+)*|ubi\d+|al2023|al2|amazonlinux\d*|oraclelinux\d+|oracle|windowsservercore|nanoserver|ltsc\d+|rockylinux\d*|almalinux\d*|centos\d*|fedora\d*)$/;

export function parseTag(tag: string): TagInfo {
  const words = tag.toLowerCase().split('-').filter(Boolean);
  let version: string | null = null;
  let variant: TagVariant = 'full';
  let os: string | null = null;
  let java: TagInfo['java'] = null;
  let javaVersion: string | null = null;
  const flavor: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    const next = words[index + 1];
    if (index === 0 && VERSION.test(word)) {
      version = word.replace(/^v/, '');
    } else if (index === 0 && /^\d+u\d+$/.test(word)) {
      // Corretto's `8u504`: Java 8, update 504.
      version = word;
    } else if (word === 'slim') {
      variant = 'slim';
    } else if (word === 'minimal' || word === 'micro') {
      variant = 'minimal';
    } else if (word.startsWith('alpine') && (word === 'alpine' || /^alpine\d/.test(word))) {
      variant = 'alpine';
      if (word !== 'alpine') os = word;
      else if (next && /^\d+\.\d+$/.test(next)) {
        // `17-alpine-3.24`
        os = `alpine${next}`;
        index++;
      }
    } else if (word in DEBIAN_CODENAMES || word in UBUNTU_CODENAMES || OS_WORD.test(word)) {
      os = word;
      if (/^ubi\d+$/.test(word) && next === 'minimal') {
        variant = 'minimal';
        index++;
      }
    } else if (word === 'jdk' || word === 'jre') {
      java = word;
    } else if (/^(jdk|jre)\d+$/.test(word)) {
      java = word.slice(0, 3) as 'jdk' | 'jre';
      javaVersion = word.slice(3);
    } else if (word === 'eclipse' && next === 'temurin') {
      index++;
      if (words[index + 1] && /^\d+$/.test(words[index + 1] ?? '')) javaVersion = words[++index] ?? null;
    } else if (JAVA_VENDORS.has(word)) {
      if (next && /^\d+$/.test(next)) javaVersion = words[++index] ?? null;
    } else if (word === 'headless' || (word === 'full' && variant === 'alpine')) {
      // Corretto spellings of the JDK that do not change what the tag is.
    } else {
      flavor.push(word);
    }
  }
  return { version, variant, os, java, javaVersion, flavor: flavor.length > 0 ? flavor.join('-') : null };
}

/** Numeric parts of a version (`3.12.7` → [3, 12, 7], `21.0.12_8` → [21, 0, 12, 8], `8u504` → [8, 504]). */
export function versionParts(version: string | null): number[] {
  if (!version) return [];
  return version.split(/[._u]/).map(Number).filter((n) => Number.isFinite(n));
}

/** `major` for most images, `major.minor` where the minor is the release line (Python, Go, Alpine, Ubuntu...). */
export function releaseLine(version: string | null, parts: 1 | 2): string | null {
  // Split the text, not the numbers, so that `20.04` stays `20.04`.
  const words = version?.split(/[._u]/) ?? [];
  if (words.length < parts || !words.slice(0, parts).every((word) => /^\d+$/.test(word))) return null;
  return words.slice(0, parts).join('.');
}
