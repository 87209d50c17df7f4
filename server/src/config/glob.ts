/**
 * `ignorePaths` globs, matched against `/`-separated paths relative to the config file's folder,
 * with .gitignore's conventions: a pattern without a slash matches a name at any depth, one with a
 * slash is anchored to the folder; `*` and `?` stay within a name, `**` spans folders, `{a,b}` and
 * `[abc]` work as in shells; a pattern that matches a folder covers everything under it.
 */
export type PathMatcher = (relativePath: string) => boolean;

export function compileIgnorePaths(patterns: readonly string[]): PathMatcher {
  const regexes = patterns.map(toRegExp);
  return (relativePath) => {
    const segments = relativePath.split('/').filter(Boolean);
    // A match on any leading part of the path (a folder) covers the rest.
    for (let length = 1; length <= segments.length; length++) {
      const prefix = segments.slice(0, length).join('/');
      if (regexes.some((regex) => regex.test(prefix))) return true;
    }
    return false;
  };
}

function toRegExp(pattern: string): RegExp {
  let body = pattern.trim().replace(/\\/g, '/').replace(/\/+$/, '');
  const anchored = body.includes('/');
  body = body.replace(/^\.?\//, '');
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${translate(body)}$`);
}

function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const inner = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${inner}]`;
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, close).split(',').map(translate).join('|')})`;
        i = close;
      }
    } else {
      out += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return out;
}
