import { describe, expect, it } from 'vitest';
import { classifyContent, fileSyntax, lineBounds, looksBinary, syntaxExtension } from '../../src/engine/content.js';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { randomFrom } from '../helpers/fake-secrets.js';

/** The plain definition: the nearest newlines within `max` bytes either way. */
function reference(content: Buffer, from: number, to: number, max: number): { start: number; end: number } {
  const lowest = Math.max(0, from - max);
  const before = content.subarray(lowest, from).lastIndexOf(10);
  const highest = Math.min(content.length, to + max);
  const after = content.subarray(to, highest).indexOf(10);
  return { start: before === -1 ? lowest : lowest + before + 1, end: after === -1 ? highest : to + after };
}

describe('lineBounds', () => {
  it('matches the plain definition on short lines, long lines and lines longer than the reach', () => {
    for (const [alphabet, length] of [
      ['ab\n', 300],
      ['abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789\n', 5000],
      ['x'.repeat(999) + '\n', 20_000],
      ['x', 10_000],
    ] as const) {
      const content = Buffer.from(randomFrom(alphabet, length));
      for (let trial = 0; trial < 400; trial++) {
        const from = Math.floor(Math.random() * content.length);
        const to = Math.min(content.length, from + Math.floor(Math.random() * 8));
        for (const max of [0, 1, 100, 256, 257, 4096]) {
          expect(lineBounds(content, from, to, max)).toEqual(reference(content, from, to, max));
        }
      }
      for (const [from, to] of [
        [0, 0],
        [0, 1],
        [content.length, content.length],
        [content.length - 1, content.length],
      ] as const) {
        expect(lineBounds(content, from, to, 4096)).toEqual(reference(content, from, to, 4096));
      }
    }
  });
});

describe('looksBinary', () => {
  it('looks for a NUL byte in the first 8000 bytes only, also in a view at an offset', () => {
    const text = Buffer.alloc(9000, 'a');
    expect(looksBinary(text)).toBe(false);
    text[7999] = 0;
    expect(looksBinary(text)).toBe(true);
    text[7999] = 97;
    text[8000] = 0;
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(text.subarray(1))).toBe(true);
    expect(looksBinary(new Uint8Array([1, 2, 3]))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});

describe('classifyContent', () => {
  const lfs = `version https://git-lfs.github.com/spec/v1\noid sha256:${'ab12'.repeat(16)}\nsize 42\n`;
  const kind = (content: Buffer | string, path = 'a.txt', max = 1 << 20) => classifyContent(Buffer.from(content), path, max).kind;

  it('takes only the exact LFS pointer shape as a pointer', () => {
    expect(kind(lfs)).toBe('lfs-pointer');
    expect(kind(lfs.replace('oid', `ext-0-foo sha256:${'c'.repeat(64)}\noid`))).toBe('lfs-pointer');
    for (const variant of [lfs + 'x\n', lfs.slice(0, -1), lfs.replace('sha256:ab12', 'sha256:AB12'), lfs.replace('size 42', 'size -1'), lfs.replace('\n', '\r\n'), lfs + '\n'.repeat(1200)]) {
      expect(kind(variant), JSON.stringify(variant.slice(-30))).toBe('text');
    }
  });

  it('keeps text with NUL bytes as text, and real binaries as binary', () => {
    expect(kind('\0a = 1\n')).toBe('text');
    expect(kind(`${'line of text\n'.repeat(200)}\0\0\0`)).toBe('text');
    expect(kind(Buffer.from([1, 2, 0, 3, 4]))).toBe('binary');
    expect(kind(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + (i >> 4)) & 255)))).toBe('binary');
  });

  it('decodes UTF-16 only when the bytes are UTF-16', () => {
    const decoded = classifyContent(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('k = 1\r\nv = 2\r\n', 'utf16le')]), 'a.env', 1 << 20);
    expect(decoded.kind === 'text' && decoded.text.toString()).toBe('k = 1\r\nv = 2\r\n');
    // FF FE followed by bytes that are not UTF-16: scanned as they are.
    const raw = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(' key = "value"\n')]);
    const plain = classifyContent(raw, 'a.txt', 1 << 20);
    expect(plain.kind === 'text' && plain.text).toBe(raw);
  });

  it('reports credential stores and over-cap content as unscanned, plain binaries without a notice', () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + (i >> 4)) & 255));
    expect(classifyContent(noise, 'certs/prod.p12', 1 << 20)).toMatchObject({ kind: 'binary', notice: { unscanned: true, path: 'certs/prod.p12' } });
    expect(classifyContent(Buffer.concat([Buffer.from([0xfe, 0xed, 0xfe, 0xed]), noise]), 'a.dat', 1 << 20)).toMatchObject({ notice: { unscanned: true, message: expect.stringContaining('Java keystore') } });
    expect(classifyContent(noise, 'logo.png', 1 << 20)).toEqual({ kind: 'binary' });
    expect(classifyContent(Buffer.from('-----BEGIN PRIVATE KEY-----\n'), 'server.key', 1 << 20).kind).toBe('text');
    expect(classifyContent(Buffer.alloc(11, 'a'), 'big.txt', 10)).toMatchObject({ kind: 'too-large', notice: { unscanned: true } });
  });
});

describe('syntaxExtension', () => {
  /** The plain definition: the name's dot-separated pieces after the first, copy suffixes dropped while more remain. */
  const reference = (path: string) => {
    const parts = path.slice(path.lastIndexOf('/') + 1).toLowerCase().split('.').slice(1);
    while (parts.length > 1 && ['bak', 'orig', 'old', 'tmp', 'swp', 'save', 'backup', 'dist', 'sample', 'example', 'template', 'tpl'].includes(parts.at(-1)!)) parts.pop();
    return parts.at(-1) ?? '';
  };

  it('matches the plain definition on names with dots, copy suffixes and folders', () => {
    const pieces = ['', '.', 'a', 'JS', 'js', 'bak', 'Bak', 'orig', 'tpl', 'env', 'min', '/', 'x/', '.d'];
    const paths = ['', '.', '..', 'a.', '.env', 'a..bak', 'x.bak', 'app.js.bak', 'dir.d/Makefile', 'a/.bak', 'a/b.c/'];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) paths.push(`${a}.${b}.${c}`, `${a}${b}.${c}`, `${a}/${b}.${c}`);
    for (const path of paths) expect(syntaxExtension(path), path).toBe(reference(path));
  });
});

describe('fileSyntax', () => {
  const js = "(function( window ) {\n  var token = readToken( elem ),\n    password: null,\n    tokenCache = createCache();\n  if ( elem ) {\n    return token;\n  }\n})( this );\n";
  const yaml = 'database:\n  host: db.internal\n  user: app\n  password: s3cretPass2024\nfeatures:\n  - search\n  - export\n';
  const env = 'export API_TOKEN=abc\nDB_HOST=db.internal\n# comment\nDB_PASSWORD=pw\n';
  const syntax = (path: string, text: string) => fileSyntax(path, Buffer.from(text));

  it('goes by the extension when it names a language or a config format', () => {
    expect(syntax('src/app.ts', yaml)).toBe('code');
    expect(syntax('deploy/values.yaml', js)).toBe('text');
    expect(syntax('lib/app.js.bak', yaml)).toBe('code');
  });

  it('judges .txt, no extension and unknown ones by their content', () => {
    for (const path of ['history/jquery-1.2.txt', 'build/jquery', 'dist/jquery.x', 'notes.orig']) {
      expect(syntax(path, js), path).toBe('code');
      expect(syntax(path, yaml), path).toBe('text');
      expect(syntax(path, env), path).toBe('text');
    }
    expect(syntax('bin/run', '#!/usr/bin/env node\nrequire("./cli")\n')).toBe('code');
    expect(syntax('bin/run', '#!/bin/sh\nexport TOKEN=abc\n')).toBe('text');
    expect(syntax('dist/min.txt', `!function(e,t){"use strict";${'var a=e.b(t);if(a){return a}'.repeat(200)}}(window);`)).toBe('code');
    expect(syntax('include/config', '#include <stdio.h>\n#define PORT 80\nint main(void) {\n  return 0;\n}\n')).toBe('code');
    expect(syntax('tools/gen', 'import os\nfrom pathlib import Path\n\ndef main():\n    if os.environ:\n        print(Path.cwd())\n')).toBe('code');
  });

  it('keeps the config-file rules off JavaScript saved as .txt, and on YAML saved as .txt', () => {
    const scanner = createScanner({ backend: regexBackends.portable });
    const code = 'var self = this;\nfunction tokens( selector ) {\n  tokenCache = createCache();\n  password: Expr.filters.password;\n  return self;\n}\n';
    expect(scanner.scanBuffer(Buffer.from(code), 'history/sizzle.txt').findings).toEqual([]);
    const config = 'smtp:\n  host: mail.internal\n  password: Kx9wQ2mZ7vLp4Rt8\n';
    expect(scanner.scanBuffer(Buffer.from(config), 'deploy/settings.txt').findings.map((f) => f.ruleId)).toEqual(['generic-yaml-secret']);
  });
});
