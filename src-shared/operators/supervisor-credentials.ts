import { z } from 'zod'
import { labelled } from '../api/validation'

/**
 * A supervisor confirming on the spot with their login and password, when the operator at the
 * desk may not do the thing alone; absent when the operator logged in may.
 */
export const supervisorCredentials = z
  .object({
    login: labelled('Логин старшего', z.string().trim().min(1, 'не заполнено')),
    password: labelled('Пароль старшего', z.string().min(1, 'не заполнено')),
  })
  .optional()
