import { describe, expect, it } from 'vitest';
import { crc32, createZip } from '../../../utils/export/zip';
import { readZip } from './read-zip';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926); // the check value of CRC-32/ISO-HDLC
    expect(crc32(bytes(''))).toBe(0);
    expect(crc32(bytes('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('writes an archive with the exact byte layout of STORE entries', () => {
    const zip = createZip([{ name: 'a.md', data: bytes('hi'), modified: new Date('2024-06-01T09:08:06Z') }]);
    // local header 30 + name 4 + data 2, central header 46 + name 4, end record 22
    expect(zip.length).toBe(36 + 50 + 22);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const [entry] = readZip(zip);
    expect(entry?.name).toBe('a.md');
    expect(new TextDecoder().decode(entry?.data)).toBe('hi');
    expect(entry?.dosTime).toBe((9 << 11) | (8 << 5) | 3);
    expect(entry?.dosDate).toBe(((2024 - 1980) << 9) | (6 << 5) | 1);
  });

  it('round-trips several entries with UTF-8 names, empty and binary data', () => {
    const modified = new Date('2024-06-01T00:00:00Z');
    const input = [
      { name: '2024-03-09 台灣 🇹🇼.md', data: bytes('# 標題\n> 引文'), modified },
      { name: 'empty.md', data: new Uint8Array(), modified },
      { name: 'dir/binary.bin', data: Uint8Array.from({ length: 300 }, (_, i) => i % 256), modified },
    ];
    const entries = readZip(createZip(input));
    expect(entries.map((e) => e.name)).toEqual(input.map((e) => e.name));
    entries.forEach((e, i) => expect([...e.data]).toEqual([...(input[i]?.data ?? [])]));
  });

  it('writes an empty archive as just the end record', () => {
    expect(readZip(createZip([]))).toEqual([]);
  });

  it('refuses more entries than a zip without zip64 can count', () => {
    const entry = { name: 'x', data: new Uint8Array(), modified: new Date() };
    expect(() => createZip(Array.from({ length: 65_536 }, () => entry))).toThrow(RangeError);
  });
});
