import './styles.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'

// Pinia before the router: the first navigation's guard reads the session store.
createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
