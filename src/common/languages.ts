// The languages the web app is translated into (web/src/i18n/locales/<code>). A person's choice is kept on the
// account so it follows them from device to device.
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
