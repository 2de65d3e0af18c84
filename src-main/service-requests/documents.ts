import {
  formatAddress,
  formatFullName,
  type Address,
  type PersonName,
} from '../../src-shared/accounts/domain'
import type { AppealTopic, ReplyChannel } from '../../src-shared/appeals/domain'
import {
  renderAppealAcknowledgementHtml,
  renderRequestFormHtml,
  type DocumentOffice,
  type RequestFormModel,
} from '../../src-shared/documents/service-request-html'
import { ApiFailure } from '../api/failure'
import type { Db } from '../db/connection'
import { prepared } from '../db/prepared'
import { readSetting } from '../settings/settings'
import { currentDevice } from '../workstation/device'

interface Holder extends Address, PersonName {
  accountNumber: string
  company: string | null
}

function holderOf(db: Db, accountId: string): Holder {
  return prepared(
    db.$client,
    `SELECT a.number AS accountNumber, c.last_name AS lastName, c.first_name AS firstName,
            c.middle_name AS middleName, a.region, a.settlement, a.street, a.house, a.building, a.flat,
            (SELECT s.name FROM account_services x JOIN suppliers s ON s.id = x.supplier_id
              WHERE x.account_id = a.id ORDER BY x.service = 'electricity' DESC LIMIT 1) AS company
       FROM accounts a JOIN customers c ON c.id = a.holder_id WHERE a.id = ?`,
  ).get(accountId) as Holder
}

/** The office of this workstation, as the paper names it. */
function officeOf(db: Db, company: string | null, today: string): DocumentOffice {
  const { workstationId } = currentDevice(db)
  const office = prepared(
    db.$client,
    `SELECT o.name, o.address, o.phone FROM workstations w JOIN offices o ON o.id = w.office_id
      WHERE w.id = ?`,
  ).get(workstationId) as { name: string; address: string; phone: string | null } | undefined
  return {
    company: company ?? '',
    officeName: office?.name ?? '',
    officeAddress: office?.address ?? '',
    officePhone: office?.phone ?? null,
    timeZone: readSetting(db, 'officeTimeZone', today),
  }
}

/** The printed request form of a service request. */
export function requestFormHtml(db: Db, requestId: string, today: string) {
  const r = prepared(
    db.$client,
    `SELECT r.account_id AS accountId, r.number, r.kind, r.price, r.registered_at AS registeredAt,
            r.contact_phone AS contactPhone, r.preferred_dates AS preferredDates, r.note,
            CASE WHEN m.id IS NULL THEN NULL ELSE m.model || ' № ' || m.serial_number END AS meter
       FROM service_requests r LEFT JOIN meters m ON m.id = r.meter_id WHERE r.id = ?`,
  ).get(requestId) as
    | (Omit<RequestFormModel, 'accountNumber' | 'holderName' | 'address'> & {
        accountId: string
      })
    | undefined
  if (!r) throw new ApiFailure('not_found', 'Заявка не найдена.')
  const h = holderOf(db, r.accountId)
  const html = renderRequestFormHtml(
    {
      ...r,
      accountNumber: h.accountNumber,
      holderName: formatFullName(h),
      address: formatAddress(h),
    },
    officeOf(db, h.company, today),
  )
  return { html, name: `Заявка-${r.number}` }
}

/** The printed acknowledgement of an appeal. */
export function appealAcknowledgementHtml(db: Db, appealId: string, today: string) {
  const a = prepared(
    db.$client,
    `SELECT account_id AS accountId, number, topic, registered_on AS registeredOn, due_on AS dueOn,
            reply_channel AS replyChannel, reply_address AS replyAddress
       FROM appeals WHERE id = ?`,
  ).get(appealId) as
    | {
        accountId: string
        number: string
        topic: AppealTopic
        registeredOn: string
        dueOn: string
        replyChannel: ReplyChannel
        replyAddress: string
      }
    | undefined
  if (!a) throw new ApiFailure('not_found', 'Обращение не найдено.')
  const files = prepared(
    db.$client,
    'SELECT name FROM appeal_attachments WHERE appeal_id = ? ORDER BY id',
  )
    .pluck()
    .all(appealId) as string[]
  const h = holderOf(db, a.accountId)
  const html = renderAppealAcknowledgementHtml(
    { ...a, accountNumber: h.accountNumber, holderName: formatFullName(h), files },
    officeOf(db, h.company, today),
  )
  return { html, name: `Обращение-${a.number}` }
}
