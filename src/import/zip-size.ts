/*
 * How much a .docx (a zip archive) unpacks to, read from its central directory without
 * unpacking anything: a document whose text unpacks to hundreds of megabytes (a "zip bomb", or
 * a file broken on the way) would otherwise keep the import busy until memory runs out.
 * Images are not counted: they are copied as they are, never parsed.
 */

/** The largest unpacked text (the XML parts) an import reads: far beyond any report's few megabytes. */
export const maxUnpackedText = 64 * 1024 * 1024;

/** The unpacked size of the archive's non-media parts, or undefined when no central directory is found. */
export function unpackedTextSize(bytes: Buffer): number | undefined {
  // the end-of-central-directory record: 22 bytes, plus a comment of at most 65535
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const unpacked = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    // a zip64 entry says 0xffffffff here: counted as that, which is over the limit anyway
    if (!/\/media\//.test(name)) total += unpacked;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}
