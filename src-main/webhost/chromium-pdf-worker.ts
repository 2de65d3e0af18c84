// The Chromium printer's thread: Playwright's protocol traffic (a batch's PDF is megabytes of
// base64) and the garbage it makes stay off the thread that answers the window.
import { parentPort, workerData } from 'node:worker_threads'
import { chromiumPdfPages } from './chromium-pdf-pages'
import type {
  PrintThreadData,
  PrintThreadMessage,
  PrintThreadRequest,
} from './chromium-pdf-printer'

const { folder, executablePath } = workerData as PrintThreadData
const pages = chromiumPdfPages(folder, executablePath)
const post = (message: PrintThreadMessage) => parentPort!.postMessage(message)

parentPort!.on('message', (request: PrintThreadRequest) => {
  if (request.close) {
    pages.close().then(
      () => post({ id: request.id, closed: true }),
      (error: unknown) => post({ id: request.id, failed: String(error) }),
    )
    return
  }
  pages.print(request.job).then(
    (printed) => post({ id: request.id, printed }),
    (error: unknown) =>
      post({ id: request.id, failed: error instanceof Error ? error.message : String(error) }),
  )
})
