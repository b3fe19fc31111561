/**
 * A minimal zip writer: STORE only (Markdown is small, and the archive exists to carry many files
 * as one download), UTF-8 names (flag bit 11), no zip64 (refuses archives it cannot describe).
 */
export interface ZipEntry {
  /** A path inside the archive, '/' separated. */
  name: string;
  data: Uint8Array;
  /** Stored as an MS-DOS date and time (which have no time zone: the UTC clock is written). */
  modified: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20; // 2.0: the oldest version that readers accept for STORE with directories
const UTF8_NAMES = 0x0800;
const STORE = 0;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;

export function createZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_16) throw new RangeError(`A zip without zip64 holds at most ${MAX_16} files`);
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.data);
    const { time, date } = dosDateTime(entry.modified);
    if (entry.data.length >= MAX_32 || offset >= MAX_32) throw new RangeError('A zip without zip64 holds at most 4 GB');

    const local = new Uint8Array(30 + name.length + entry.data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, LOCAL_HEADER, true);
    l.setUint16(4, VERSION, true);
    l.setUint16(6, UTF8_NAMES, true);
    l.setUint16(8, STORE, true);
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, entry.data.length, true); // compressed size
    l.setUint32(22, entry.data.length, true); // uncompressed size
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true); // extra field length
    local.set(name, 30);
    local.set(entry.data, 30 + name.length);

    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, CENTRAL_HEADER, true);
    c.setUint16(4, VERSION, true); // made by: MS-DOS attributes, version 2.0
    c.setUint16(6, VERSION, true);
    c.setUint16(8, UTF8_NAMES, true);
    c.setUint16(10, STORE, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.data.length, true);
    c.setUint16(28, name.length, true);
    // 30 extra length, 32 comment length, 34 disk number, 36 internal and 38 external attributes: all 0
    c.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  if (offset + centralSize >= MAX_32) throw new RangeError('A zip without zip64 holds at most 4 GB');

  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  // 4 this disk, 6 disk with the central directory: 0
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  // 20 comment length: 0
  return concat([...locals, ...centrals, end]);
}

/** CRC-32 as zip uses it (IEEE 802.3, reflected polynomial 0xEDB88320). */
export function crc32(data: Uint8Array): number {
  let crc = MAX_32;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ MAX_32) >>> 0;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

// MS-DOS time counts two-second steps from 1980 to 2107; dates outside are clamped to that range.
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
