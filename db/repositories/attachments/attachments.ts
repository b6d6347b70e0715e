/** Photos and signatures (`attachments`): stored with their SHA-256, read back by id or owner. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbClient } from '../../client';
import { attachments } from '../../schema';
import { prepared } from '../statements';

/** Stores one image; returns its id. */
export function insertAttachment(
  db: DbClient,
  a: {
    ownerType: string;
    ownerId: string;
    kind: string;
    mime: string;
    sha256: string;
    bytes: Buffer;
    createdAt: number;
  },
): number {
  const row = prepared(db, 'attachments.insert', (orm) =>
    orm
      .insert(attachments)
      .values({
        ownerType: sql.placeholder('ownerType'),
        ownerId: sql.placeholder('ownerId'),
        kind: sql.placeholder('kind'),
        mime: sql.placeholder('mime'),
        sha256: sql.placeholder('sha256'),
        bytes: sql.placeholder('bytes'),
        createdAt: sql.placeholder('createdAt'),
      })
      .returning({ id: attachments.id })
      .prepare(),
  ).get(a);
  if (!row) throw new Error('attachment insert returned no id');
  return row.id;
}

/** One attachment with its bytes, or undefined. */
export function attachmentById(db: DbClient, id: number) {
  return prepared(db, 'attachments.byId', (orm) =>
    orm
      .select({
        id: attachments.id,
        kind: attachments.kind,
        mime: attachments.mime,
        bytes: attachments.bytes,
        createdAt: attachments.createdAt,
        ownerType: attachments.ownerType,
        ownerId: attachments.ownerId,
      })
      .from(attachments)
      .where(eq(attachments.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** Ids and kinds of the attachments of an owner id under the given owner types, in id order. */
export function attachmentsOf(db: DbClient, ownerId: string, ownerTypes: readonly string[]) {
  return prepared(db, `attachments.of:${ownerTypes.join(',')}`, (orm) =>
    orm
      .select({ id: attachments.id, ownerType: attachments.ownerType, kind: attachments.kind })
      .from(attachments)
      .where(
        and(
          eq(attachments.ownerId, sql.placeholder('ownerId')),
          inArray(attachments.ownerType, [...ownerTypes]),
        ),
      )
      .orderBy(attachments.id)
      .prepare(),
  ).all({ ownerId });
}
