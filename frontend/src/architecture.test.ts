import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'src');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });

const sources = filesUnder(SRC).map((path) => ({
  path: relative(SRC, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

const importsOf = (text: string) => [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('source layout', () => {
  it('has no imports from one feature into another', () => {
    const crossings = sources
      .filter((file) => file.path.startsWith('features/'))
      .flatMap((file) => {
        const feature = file.path.split('/')[1];
        return importsOf(file.text)
          .filter((target) => target.startsWith('@/features/') && target.split('/')[2] !== feature)
          .map((target) => `${file.path} → ${target}`);
      });
    expect(crossings).toEqual([]);
  });

  it('keeps shared code free of app and feature imports', () => {
    const upward = sources
      .filter((file) => file.path.startsWith('lib/') || file.path.startsWith('components/'))
      .flatMap((file) =>
        importsOf(file.text)
          .filter((target) => target.startsWith('@/app') || target.startsWith('@/features'))
          .map((target) => `${file.path} → ${target}`),
      );
    expect(upward).toEqual([]);
  });

  it('names files in kebab case and exports by name only', () => {
    const offenders = sources.filter(
      (file) =>
        !/^[a-z0-9]+(-[a-z0-9]+)*(\.test)?\.tsx?$/.test(file.path.split('/').at(-1)!) ||
        /^export default/m.test(file.text),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });
});
