import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { AppealStatus, AppealTopic, ReplyChannel } from '../../../src-shared/appeals/domain'
import type { AttachmentKind } from '../../../src-shared/attachments/content'
import type {
  ServiceRequestKind,
  ServiceRequestStatus,
} from '../../../src-shared/service-requests/domain'
import { meters } from './meters'
import { operators } from './operators'
import { suppliers } from './reference'
import { accountColumn, supplierColumn } from './columns'

/** The price list (прейскурант): a kind's price from a date, global, set by an admin. */
export const priceList = sqliteTable('price_list', {
  id: text().primaryKey(),
  kind: text().$type<ServiceRequestKind>().notNull(),
  validFrom: text().notNull(),
  /** Kopecks; 0 = free. */
  price: integer().notNull(),
  /** Who bills a paid service. */
  supplierId: supplierColumn(),
})

/** A service request (заявка) of an account, with its status as the latest command left it. */
export const serviceRequests = sqliteTable(
  'service_requests',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    /** Made by the workstation: its receipt prefix and a counter, so offline desks never clash. */
    number: text().notNull(),
    kind: text().$type<ServiceRequestKind>().notNull(),
    meterId: text().references(() => meters.id),
    contactPhone: text().notNull(),
    preferredDates: text(),
    note: text(),
    /** Kopecks from the price list in force when registered; 0 = free. */
    price: integer().notNull(),
    supplierId: text().references(() => suppliers.id),
    status: text().$type<ServiceRequestStatus>().notNull(),
    registeredAt: text().notNull(),
    calledBackAt: text(),
    scheduledOn: text(),
    timeWindow: text(),
    outcome: text(),
    sealNumbers: text(),
    cancelReason: text(),
    /** The office date the work was done (the paid charge's period follows it). */
    doneOn: text(),
    /** The period whose bill carries the paid charge, set by the billing run. */
    chargedPeriod: text(),
    operatorId: text().references(() => operators.id),
    updatedAt: text().notNull(),
  },
  (t) => [index('service_requests_account_idx').on(t.accountId)],
)

/** An appeal (обращение) of an account: answer due within the days of `appealAnswerDays`. */
export const appeals = sqliteTable(
  'appeals',
  {
    id: text().primaryKey(),
    accountId: accountColumn(),
    number: text().notNull(),
    topic: text().$type<AppealTopic>().notNull(),
    text: text().notNull(),
    replyChannel: text().$type<ReplyChannel>().notNull(),
    replyAddress: text().notNull(),
    status: text().$type<AppealStatus>().notNull(),
    registeredAt: text().notNull(),
    registeredOn: text().notNull(),
    dueOn: text().notNull(),
    answerText: text(),
    answeredOn: text(),
    answerChannel: text().$type<ReplyChannel>(),
    operatorId: text().references(() => operators.id),
    updatedAt: text().notNull(),
  },
  (t) => [index('appeals_account_idx').on(t.accountId)],
)

/**
 * An appeal's file, by its content's sha256: the bytes live beside the replica and on the server
 * (attachments are files, not rows), this row only names them.
 */
export const appealAttachments = sqliteTable(
  'appeal_attachments',
  {
    id: text().primaryKey(),
    appealId: text()
      .notNull()
      .references(() => appeals.id),
    sha256: text().notNull(),
    name: text().notNull(),
    size: integer().notNull(),
    kind: text().$type<AttachmentKind>().notNull(),
  },
  (t) => [index('appeal_attachments_appeal_idx').on(t.appealId)],
)

/**
 * This workstation's copies of attachment files (never synced as rows): what it holds under
 * `attachments/` beside the replica, and whether the central server has it yet.
 */
export const localAttachments = sqliteTable('local_attachments', {
  sha256: text().primaryKey(),
  kind: text().$type<AttachmentKind>().notNull(),
  size: integer().notNull(),
  storedAt: text().notNull(),
  /** When the server confirmed it holds the whole file; null while it waits to go up. */
  uploadedAt: text(),
})
