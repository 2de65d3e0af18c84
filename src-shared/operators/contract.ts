import { z } from 'zod'
import { channel } from '../api/channel'
import { labelled } from '../api/validation'
import { anyOperator, type Role } from './roles'

export interface SessionInfo {
  operatorId: string
  login: string
  fullName: string
  role: Role
  locked: boolean
  /** Minutes of inactivity after which the screen locks. */
  screenLockMinutes: number
}

const password = labelled('Пароль', z.string().min(1, 'не заполнено').max(200))

export const operatorChannels = {
  'session.login': channel<SessionInfo>()({
    input: z.object({
      login: labelled('Логин', z.string().trim().min(1, 'не заполнено').max(100)),
      password,
    }),
    roles: 'public',
  }),
  'session.current': channel<SessionInfo | null>()({
    input: z.object({}),
    roles: 'public',
  }),
  'session.logout': channel<null>()({ input: z.object({}), roles: 'public' }),
  'session.lock': channel<null>()({ input: z.object({}), roles: anyOperator, whileLocked: true }),
  'session.unlock': channel<SessionInfo>()({
    input: z.object({ password }),
    roles: anyOperator,
    whileLocked: true,
  }),
}
