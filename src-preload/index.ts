import { contextBridge, ipcRenderer } from 'electron'
import { bridgeKey } from '../src-shared/api/bridge'
import { createBridge } from './bridge'

// A sandboxed preload: bundled into one CommonJS file that requires only 'electron'.
contextBridge.exposeInMainWorld(
  bridgeKey,
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
)
