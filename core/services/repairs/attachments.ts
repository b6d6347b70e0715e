/**
 * Photos and signatures of a repair, from the data URLs the UI sends: the declared type must match
 * the bytes (PNG / JPEG / WebP magic numbers), the size is limited, and the bytes are stored with
 * their SHA-256 in `attachments` (kind 'photo' or 'signature').
 */
import { createHash } from 'node:crypto';
import type { DbClient } from '../../../db/client';
import {
  attachmentById,
  insertAttachment as insertRow,
} from '../../../db/repositories/attachments/attachments';
import { AppError } from '../../../shared/contract/errors';
import { MAX_PHOTO_BYTES, MAX_SIGNATURE_BYTES } from '../../../shared/contract/methods/repairs';

export type AttachmentKind = 'photo' | 'signature';
export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp';

export interface DecodedImage {
  mime: ImageMime;
  bytes: Buffer;
}

const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]*={0,2})$/;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type the bytes really are, or null. */
export function sniffImage(bytes: Buffer): ImageMime | null {
  if (
    bytes.length >= 24 &&
    bytes.subarray(0, 8).equals(PNG_MAGIC) &&
    bytes.toString('latin1', 12, 16) === 'IHDR'
  )
    return 'image/png';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 16 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/** Decodes and checks a data URL; AppError REPAIR_ATTACHMENT_INVALID with the reason otherwise. */
export function decodeImage(dataUrl: string, kind: AttachmentKind): DecodedImage {
  const fail = (reason: string): never => {
    throw new AppError('REPAIR_ATTACHMENT_INVALID', { kind, reason });
  };
  const m = DATA_URL.exec(dataUrl);
  if (!m) return fail('not_base64_data_url');
  const declared = m[1] as ImageMime;
  const b64 = m[2] ?? '';
  if (b64.length % 4 !== 0) return fail('bad_base64');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) return fail('empty');
  const limit = kind === 'signature' ? MAX_SIGNATURE_BYTES : MAX_PHOTO_BYTES;
  if (bytes.length > limit) return fail('too_large');
  const actual = sniffImage(bytes);
  if (actual === null) return fail('not_an_image');
  if (actual !== declared) return fail('type_mismatch');
  if (kind === 'signature') {
    if (actual !== 'image/png') return fail('signature_not_png');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    if (width < 16 || height < 16) return fail('signature_too_small');
  }
  return { mime: actual, bytes };
}

/** Stores one checked image for an owner (e.g. 'repair_intake', job id); returns its id. */
export function insertAttachment(
  db: DbClient,
  owner: { type: string; id: string },
  kind: AttachmentKind,
  image: DecodedImage,
  now: number,
): number {
  const sha256 = createHash('sha256').update(image.bytes).digest('hex');
  return insertRow(db, {
    ownerType: owner.type,
    ownerId: owner.id,
    kind,
    mime: image.mime,
    sha256,
    bytes: image.bytes,
    createdAt: now,
  });
}

/** One attachment as a data URL (for the job screen). */
export function readAttachment(
  db: DbClient,
  id: number,
): {
  id: number;
  kind: string;
  mime: string;
  dataUrl: string;
  createdAt: number;
  ownerType: string;
  ownerId: string;
} {
  const row = attachmentById(db, id);
  if (!row) throw new AppError('REPAIR_ATTACHMENT_NOT_FOUND', { id });
  return {
    id: row.id,
    kind: row.kind,
    mime: row.mime,
    dataUrl: `data:${row.mime};base64,${row.bytes.toString('base64')}`,
    createdAt: row.createdAt,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
  };
}
