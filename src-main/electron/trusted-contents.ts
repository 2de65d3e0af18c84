/** The part of a WebContents this registry needs (keeps tests free of Electron). */
export interface ContentsLike {
  readonly id: number
  once(event: 'destroyed', listener: () => void): unknown
}

/**
 * The webContents of the windows we created ourselves. IPC answers only their main frames,
 * so a stray window, a webview or a subframe never reaches the services.
 */
export class TrustedContents {
  readonly #ids = new Set<number>()

  add(contents: ContentsLike): void {
    const id = contents.id
    this.#ids.add(id)
    contents.once('destroyed', () => this.#ids.delete(id))
  }

  has(id: number): boolean {
    return this.#ids.has(id)
  }
}
