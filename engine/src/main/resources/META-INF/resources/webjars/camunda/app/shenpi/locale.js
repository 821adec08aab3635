// Which language the Camunda web apps speak: Chinese, whatever the browser's language, unless the
// person asked for English with ?lang=en (remembered in this browser until ?lang=zh).
// Camunda 7.24 takes the browser's language when it is in `availableLocales` and has no language
// selector of its own, so offering only the chosen language is what makes Chinese the default.
const STORAGE_KEY = 'shenpi.locale';
const LOCALES = ['zh', 'en'];

export function chosenLocale() {
  const requested = new URLSearchParams(window.location.search).get('lang');
  try {
    if (LOCALES.includes(requested)) window.localStorage.setItem(STORAGE_KEY, requested);
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return LOCALES.includes(stored) ? stored : 'zh';
  } catch {
    // storage disabled: honour the request for this page only
    return LOCALES.includes(requested) ? requested : 'zh';
  }
}

export function localesConfig() {
  const locale = chosenLocale();
  return { availableLocales: [locale], fallbackLocale: locale };
}
