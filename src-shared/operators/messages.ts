/** Russian messages about an operator's session, from the workstation's main side. */
export const sessionMessages = {
  /** The central server no longer takes the session (deactivated, password changed, expired). */
  endedByServer: 'Сеанс завершен сервером: войдите снова.',
} as const
