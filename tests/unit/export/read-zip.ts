import { crc32 } from '../../../utils/export/zip';

export interface ReadEntry {
  name: string;
  data: Uint8Array;
  crc: number;
  dosTime: number;
  dosDate: number;
}

/**
 * An independent reader for the archives the tests check: it walks the central directory from
 * the end record, checks each local header against it, and verifies sizes and CRC-32.
 */
export function readZip(bytes: Uint8Array): ReadEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endAt = bytes.length - 22;
  if (view.getUint32(endAt, true) !== 0x06054b50) throw new Error('no end of central directory record');
  const count = view.getUint16(endAt + 10, true);
  if (view.getUint16(endAt + 8, true) !== count) throw new Error('entry counts disagree');
  const centralSize = view.getUint32(endAt + 12, true);
  let at = view.getUint32(endAt + 16, true);
  if (at + centralSize !== endAt) throw new Error('central directory does not end at the end record');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central header ${i} missing`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const dosTime = view.getUint16(at + 12, true);
    const dosDate = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    if (view.getUint32(at + 24, true) !== size || method !== 0) throw new Error('not a STORE entry');
    if ((flags & 0x0800) === 0) throw new Error('UTF-8 flag missing');
    const nameLength = view.getUint16(at + 28, true);
    const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + skip;

    if (view.getUint32(localAt, true) !== 0x04034b50) throw new Error(`local header of ${name} missing`);
    if (view.getUint32(localAt + 14, true) !== crc || view.getUint32(localAt + 18, true) !== size || view.getUint32(localAt + 22, true) !== size) {
      throw new Error(`local header of ${name} disagrees with the central directory`);
    }
    const localNameLength = view.getUint16(localAt + 26, true);
    if (decoder.decode(bytes.subarray(localAt + 30, localAt + 30 + localNameLength)) !== name) throw new Error('names disagree');
    const dataAt = localAt + 30 + localNameLength + view.getUint16(localAt + 28, true);
    const data = bytes.subarray(dataAt, dataAt + size);
    if (crc32(data) !== crc) throw new Error(`CRC-32 of ${name} is wrong`);
    entries.push({ name, data, crc, dosTime, dosDate });
  }
  return entries;
}
