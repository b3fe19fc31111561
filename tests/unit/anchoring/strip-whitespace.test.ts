import { describe, expect, it } from 'vitest';
import {
  edgeWhitespace,
  sourceSpan,
  stripWhitespace,
  strippedOffset,
  widenOverWhitespace,
} from '@/utils/anchoring/strip-whitespace';

describe('stripWhitespace', () => {
  it('removes exactly what \\s matches, for every UTF-16 code unit', () => {
    let all = '';
    for (let code = 0; code < 0x10000; code++) all += String.fromCharCode(code);
    const stripped = stripWhitespace(all);
    expect(stripped.text).toBe(all.replace(/\s/g, ''));
    expect(stripped.text.length).toBe(0x10000 - 25);
  });

  it('maps every kept character back to its place in the source', () => {
    const source = '  對中國\n    是訪問 ，\u3000並建立 ';
    const { text, offsets } = stripWhitespace(source);
    expect(text).toBe('對中國是訪問，並建立');
    for (let i = 0; i < text.length; i++) expect(source[offsets[i]!]).toBe(text[i]);
  });

  it('finds stripped offsets for source offsets, including ones on whitespace', () => {
    const stripped = stripWhitespace('ab  cd\n');
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((at) => strippedOffset(stripped, at))).toEqual([0, 1, 2, 2, 2, 3, 4, 4]);
  });

  it('turns a stripped span into the source span from its first to its last character', () => {
    const source = 'one  two\n three';
    const stripped = stripWhitespace(source);
    const span = sourceSpan(stripped, 3, 8);
    expect(source.slice(span.start, span.end)).toBe('two\n th');
  });

  it('handles empty and all-whitespace text', () => {
    expect(stripWhitespace('').text).toBe('');
    expect(stripWhitespace(' \n\t').text).toBe('');
    expect(stripWhitespace(' \n\t').offsets).toHaveLength(0);
  });

  it('measures the whitespace at either edge', () => {
    expect(edgeWhitespace('\n  ab c \t')).toEqual({ leading: 3, trailing: 2 });
    expect(edgeWhitespace('abc')).toEqual({ leading: 0, trailing: 0 });
    expect(edgeWhitespace('   ')).toEqual({ leading: 3, trailing: 0 });
  });

  it('widens a span over whitespace only, and no further than asked', () => {
    const text = 'x \n  word \t y';
    const at = text.indexOf('word');
    expect(widenOverWhitespace(text, at, at + 4, 2, 1)).toEqual({ start: at - 2, end: at + 5 });
    expect(widenOverWhitespace(text, at, at + 4, 10, 10)).toEqual({ start: 1, end: at + 7 });
    expect(widenOverWhitespace(text, 0, 1, 5, 0)).toEqual({ start: 0, end: 1 });
  });
});
