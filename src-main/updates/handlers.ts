import type { Handler } from '../api/dispatch'

export const updateHandlers: { 'updates.status': Handler<'updates.status'> } = {
  'updates.status': (_input, { services }) => services.updates.view(),
}
