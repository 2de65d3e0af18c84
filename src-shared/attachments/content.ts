/**
 * An appeal's attachment (вложение) is judged by its content, never by its name: the first bytes
 * say what it is. The limits are the company's (seed 001: PDF, JPG, PNG, TIF; up to 5 files of
 * 4 MB) and bound what the server stores for every workstation, so both sides check them.
 */
export const attachmentKinds = ['pdf', 'jpg', 'png', 'tif'] as const
export type AttachmentKind = (typeof attachmentKinds)[number]

export const attachmentLimits = { maxFiles: 5, maxBytes: 4 * 1024 * 1024 } as const

export const attachmentMime: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
}

const signatures: { kind: AttachmentKind; bytes: number[] }[] = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'jpg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'tif', bytes: [0x49, 0x49, 0x2a, 0x00] }, // II*\0, little-endian
  { kind: 'tif', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // MM\0*, big-endian
]

/** The kind the first bytes of a file show, or null when it is none of the four. */
export function attachmentKindOf(head: Uint8Array): AttachmentKind | null {
  for (const s of signatures) {
    if (head.length >= s.bytes.length && s.bytes.every((b, i) => head[i] === b)) return s.kind
  }
  return null
}

export const attachmentMessages = {
  notAllowed: (name: string) =>
    `Файл «${name}»: это не PDF, JPG, PNG или TIF (проверено по содержимому), прикрепить нельзя.`,
  tooLarge: (name: string) => `Файл «${name}»: больше 4 МБ, прикрепить нельзя.`,
  empty: (name: string) => `Файл «${name}»: пустой, прикрепить нельзя.`,
  tooMany: `Вложения: не больше ${attachmentLimits.maxFiles} файлов к одному обращению.`,
  notFound: 'Вложение не найдено.',
  hashMismatch: 'Вложение пришло не целиком (контрольная сумма не совпала).',
} as const

export interface AttachmentCandidate {
  name: string
  size: number
  /** At least the first 8 bytes of the file. */
  head: Uint8Array
}

/** The refusal of one file, or its kind. */
export function checkAttachment(
  f: AttachmentCandidate,
): { ok: true; kind: AttachmentKind } | { ok: false; message: string } {
  if (f.size === 0) return { ok: false, message: attachmentMessages.empty(f.name) }
  if (f.size > attachmentLimits.maxBytes)
    return { ok: false, message: attachmentMessages.tooLarge(f.name) }
  const kind = attachmentKindOf(f.head)
  if (!kind) return { ok: false, message: attachmentMessages.notAllowed(f.name) }
  return { ok: true, kind }
}

/** The first refusal of a set of files for one appeal, or null when every one is fine. */
export function checkAttachments(files: AttachmentCandidate[]): string | null {
  if (files.length > attachmentLimits.maxFiles) return attachmentMessages.tooMany
  for (const f of files) {
    const checked = checkAttachment(f)
    if (!checked.ok) return checked.message
  }
  return null
}

/** A sha256 in lowercase hex: the attachment's name in every store. */
export const sha256Pattern = /^[0-9a-f]{64}$/
