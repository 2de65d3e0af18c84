import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron'
import { join } from 'node:path'
import type { ExportDestination } from '../reports/export-destination'

/** Exported reports go where the supervisor says, in the save dialog over the app's window. */
export function saveDialogDestination(): ExportDestination {
  return {
    async choose(fileName) {
      const options: SaveDialogOptions = {
        title: 'Сохранить отчет',
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'Книга Excel', extensions: ['xlsx'] }],
      }
      const window = BrowserWindow.getFocusedWindow()
      const result = await (window
        ? dialog.showSaveDialog(window, options)
        : dialog.showSaveDialog(options))
      if (result.canceled || !result.filePath) return null
      const path = result.filePath.toLowerCase().endsWith('.xlsx')
        ? result.filePath
        : `${result.filePath}.xlsx`
      return { path, download: null }
    },
  }
}
